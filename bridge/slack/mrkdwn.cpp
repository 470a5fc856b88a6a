#include "slack/mrkdwn.h"

#include <QRegularExpression>
#include <QStringList>

namespace Bridge {

namespace {

// Bounds every search for a closing delimiter, so hostile input ("[[[[…") stays linear-ish.
constexpr qsizetype MaxSpan = 3000;

bool isWordChar(QChar ch)
{
    return ch.isLetterOrNumber();
}

bool isSafeUrl(const QString &url)
{
    static const QRegularExpression scheme(QStringLiteral("^(https?://|mailto:)."),
                                           QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression forbidden(QStringLiteral("[\\s<>|]"));
    return scheme.match(url).hasMatch() && !forbidden.match(url).hasMatch();
}

/// Converts one line of inline markdown. Recursion only happens on the inside of a
/// delimiter pair, which is strictly shorter than the input.
class InlineConverter final
{
public:
    explicit InlineConverter(const QString &text)
        : m_s(text)
    {
    }

    QString convert()
    {
        QString out;
        qsizetype i = 0;
        while (i < m_s.size()) {
            if (tryCode(i, out) || tryLink(i, out) || tryBareUrl(i, out) || tryEmphasis(i, out))
                continue;
            out += escapeMrkdwn(QString(m_s.at(i)));
            ++i;
        }
        return out;
    }

private:
    QChar at(qsizetype i) const { return i >= 0 && i < m_s.size() ? m_s.at(i) : QChar(); }

    qsizetype findWithin(QChar ch, qsizetype from) const
    {
        const qsizetype found = QStringView(m_s).mid(from, MaxSpan).indexOf(ch);
        return found < 0 ? -1 : from + found;
    }

    qsizetype runLength(qsizetype i, QChar ch) const
    {
        qsizetype n = 0;
        while (at(i + n) == ch)
            ++n;
        return n;
    }

    bool tryCode(qsizetype &i, QString &out) const
    {
        if (at(i) != u'`')
            return false;
        const qsizetype ticks = runLength(i, u'`');
        const qsizetype limit = qMin(m_s.size(), i + ticks + MaxSpan);
        for (qsizetype j = i + ticks; j < limit; ++j) {
            if (at(j) != u'`')
                continue;
            const qsizetype closing = runLength(j, u'`');
            if (closing == ticks) {
                const QString code = m_s.mid(i + ticks, j - i - ticks);
                // Slack has a single inline-code delimiter, so inner backticks cannot survive.
                out += u'`' + escapeMrkdwn(QString(code).replace(u'`', u'\'')) + u'`';
                i = j + closing;
                return true;
            }
            j += closing - 1;
        }
        out += QString(ticks, u'`');
        i += ticks;
        return true;
    }

    bool tryLink(qsizetype &i, QString &out) const
    {
        const bool image = at(i) == u'!' && at(i + 1) == u'[';
        const qsizetype open = image ? i + 1 : i;
        if (at(open) != u'[')
            return false;
        const qsizetype close = findWithin(u']', open + 1);
        if (close < 0 || at(close + 1) != u'(')
            return false;
        const qsizetype end = findWithin(u')', close + 2);
        if (end < 0)
            return false;
        // `[text](url "title")`: the title is dropped.
        const QString target = m_s.mid(close + 2, end - close - 2).trimmed();
        const QString url = target.section(u' ', 0, 0);
        if (!isSafeUrl(url))
            return false;
        QString label = m_s.mid(open + 1, close - open - 1).trimmed();
        if (label.isEmpty() && image)
            label = QStringLiteral("image");
        out += u'<' + escapeMrkdwn(url);
        if (!label.isEmpty())
            out += u'|' + escapeMrkdwn(label);
        out += u'>';
        i = end + 1;
        return true;
    }

    bool tryBareUrl(qsizetype &i, QString &out) const
    {
        if (at(i) != u'h' || isWordChar(at(i - 1)))
            return false;
        static const QRegularExpression url(QStringLiteral("\\Ghttps?://[^\\s<>|\"'`]+"));
        const QRegularExpressionMatch m = url.match(m_s, i);
        if (!m.hasMatch())
            return false;
        QString found = m.captured(0);
        static const QString trailing = QStringLiteral(".,;:!?)]*_~");
        while (!found.isEmpty() && trailing.contains(found.back()))
            found.chop(1);
        if (!isSafeUrl(found))
            return false;
        out += u'<' + escapeMrkdwn(found) + u'>';
        i += found.size();
        return true;
    }

    bool tryEmphasis(qsizetype &i, QString &out) const
    {
        const QChar ch = at(i);
        if (ch != u'*' && ch != u'_' && ch != u'~')
            return false;
        // Runs longer than "***" are never emphasis; taking them whole keeps "*****…" linear.
        const qsizetype run = runLength(i, ch);
        if (run > 3) {
            out += QString(run, ch);
            i += run;
            return true;
        }
        const bool doubled = at(i + 1) == ch;
        if (ch == u'~' && !doubled)
            return false;
        // Underscores inside words ("snake_case") are not emphasis in CommonMark.
        if (ch == u'_' && isWordChar(at(i - 1)))
            return false;
        const qsizetype width = doubled ? 2 : 1;
        const qsizetype closing = findCloser(i + width, ch, doubled);
        if (closing < 0)
            return false;
        const QString inner = m_s.mid(i + width, closing - i - width);
        if (inner.isEmpty() || inner.front().isSpace() || inner.back().isSpace())
            return false;
        QChar marker = u'_';
        if (ch == u'~')
            marker = u'~';
        else if (doubled)
            marker = u'*';
        out += marker + InlineConverter(inner).convert() + marker;
        i = closing + width;
        return true;
    }

    qsizetype findCloser(qsizetype from, QChar ch, bool doubled) const
    {
        const qsizetype limit = qMin(m_s.size(), from + MaxSpan);
        for (qsizetype j = from; j < limit; ++j) {
            if (at(j) != ch)
                continue;
            const qsizetype run = runLength(j, ch);
            const bool fits = doubled ? run >= 2 : run == 1;
            const qsizetype closer = doubled ? j + run - 2 : j;
            const bool wordBoundary = ch != u'_' || !isWordChar(at(j + run));
            if (fits && wordBoundary)
                return closer;
            j += run - 1;
        }
        return -1;
    }

    const QString &m_s;
};

QString convertInline(const QString &text)
{
    return InlineConverter(text).convert();
}

QString convertLine(const QString &line)
{
    static const QRegularExpression heading(QStringLiteral("^ {0,3}#{1,6}\\s+(.*?)(\\s+#+)?\\s*$"));
    static const QRegularExpression rule(QStringLiteral("^ {0,3}([-*_])(\\s*\\1){2,}\\s*$"));
    static const QRegularExpression bullet(QStringLiteral("^(\\s*)[-*+]\\s+(.*)$"));
    static const QRegularExpression quote(QStringLiteral("^ {0,3}>\\s?(.*)$"));

    QRegularExpressionMatch m = heading.match(line);
    if (m.hasMatch()) {
        const QString text = m.captured(1).trimmed();
        return text.isEmpty() ? QString() : u'*' + convertInline(text) + u'*';
    }
    if (rule.match(line).hasMatch())
        return QStringLiteral("\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500");
    m = bullet.match(line);
    if (m.hasMatch())
        return m.captured(1) + QStringLiteral("\u2022 ") + convertInline(m.captured(2));
    m = quote.match(line);
    if (m.hasMatch())
        return u'>' + convertInline(m.captured(1));
    return convertInline(line);
}

} // namespace

QString escapeMrkdwn(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar ch : text) {
        if (ch == u'&')
            out += QStringLiteral("&amp;");
        else if (ch == u'<')
            out += QStringLiteral("&lt;");
        else if (ch == u'>')
            out += QStringLiteral("&gt;");
        else
            out += ch;
    }
    return out;
}

QString escapeMrkdwnTruncated(const QString &text, int maxChars, const QString &ellipsis)
{
    if (maxChars <= 0)
        return {};
    const QString full = escapeMrkdwn(text);
    if (full.size() <= maxChars)
        return full;
    const bool withEllipsis = ellipsis.size() < maxChars;
    const qsizetype budget = withEllipsis ? maxChars - ellipsis.size() : maxChars;
    QString out;
    for (qsizetype i = 0; i < text.size();) {
        const bool pair =
            text.at(i).isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate();
        const QString piece = escapeMrkdwn(text.mid(i, pair ? 2 : 1));
        if (out.size() + piece.size() > budget)
            break;
        out += piece;
        i += pair ? 2 : 1;
    }
    return withEllipsis ? out + ellipsis : out;
}

QString markdownToMrkdwn(const QString &markdown)
{
    QString text = markdown;
    text.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    text.replace(u'\r', u'\n');

    static const QRegularExpression fence(QStringLiteral("^ {0,3}(```|~~~)"));
    QStringList out;
    QString openFence; // the marker of the fenced block we are in, if any
    for (const QString &line : text.split(u'\n')) {
        const QRegularExpressionMatch m = fence.match(line);
        if (m.hasMatch() && (openFence.isEmpty() || m.captured(1) == openFence)) {
            // The info string ("```cpp") has no mrkdwn equivalent and is dropped.
            openFence = openFence.isEmpty() ? m.captured(1) : QString();
            out.append(QStringLiteral("```"));
            continue;
        }
        out.append(openFence.isEmpty() ? convertLine(line) : escapeMrkdwn(line));
    }
    if (!openFence.isEmpty())
        out.append(QStringLiteral("```"));
    return out.join(u'\n');
}

QString markdownToMrkdwnTruncated(const QString &markdown, int maxChars)
{
    if (maxChars <= 0)
        return {};
    qsizetype n = qMin<qsizetype>(markdown.size(), maxChars);
    for (;;) {
        const QString out =
            markdownToMrkdwn(n < markdown.size() ? truncateText(markdown, int(n)) : markdown);
        if (out.size() <= maxChars)
            return out;
        // Escaping and links grow the text; shrink the source in proportion and retry.
        const qsizetype next = n * maxChars / out.size();
        n = next < n ? next : n - 1;
        if (n <= 0)
            return {};
    }
}

QString truncateText(const QString &text, int maxChars, const QString &ellipsis)
{
    if (maxChars <= 0)
        return {};
    if (text.size() <= maxChars)
        return text;
    const bool withEllipsis = ellipsis.size() < maxChars;
    qsizetype cut = withEllipsis ? maxChars - ellipsis.size() : maxChars;
    if (cut > 0 && text.at(cut - 1).isHighSurrogate())
        --cut;
    return withEllipsis ? text.left(cut) + ellipsis : text.left(cut);
}

} // namespace Bridge
