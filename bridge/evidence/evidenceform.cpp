#include "evidence/evidenceform.h"

#include "authority/commentmark.h"

#include "slack/blockkit.h"
#include "slack/modalparts.h"
#include "slack/mrkdwn.h"

#include <QDateTime>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTimeZone>

namespace Bridge {

namespace {

using namespace BlockKit;
using namespace ModalParts;

constexpr int PreviewChars = 500;
constexpr int NoteMaxChars = 3000;

} // namespace

SlackEvidence evidenceFromShortcut(const QJsonObject &message, const QJsonObject &channel)
{
    SlackEvidence e;
    e.text = message.value(u"text").toString();
    e.authorId = message.value(u"user").toString();
    e.authorName = message.value(u"username").toString(); // bots and legacy integrations
    e.channelId = channel.value(u"id").toString();
    e.channelName = channel.value(u"name").toString();
    e.ts = message.value(u"ts").toString();
    // Only the message's own: a message it shares may come from a channel the analyst cannot
    // read, and Slack would give the bot its files all the same.
    for (const QJsonValue &f : message.value(u"files").toArray()) {
        const QJsonObject file = f.toObject();
        // A deleted or plan-hidden file is only {id, mode}.
        const QString id = file.value(u"id").toString();
        QString name = file.value(u"name").toString();
        if (name.isEmpty())
            name = file.value(u"title").toString();
        if (name.isEmpty())
            name = QStringLiteral("file %1").arg(id);
        e.files.append({id, name, file.value(u"permalink").toString(),
                        file.value(u"mode").toString(), file.value(u"is_external").toBool()});
    }
    return e;
}

QString evidenceFilesNote(qsizetype count, int maxMegabytes)
{
    if (count == 0)
        return {};
    const QString files =
        count == 1 ? QStringLiteral("Its file") : QStringLiteral("Its %1 files").arg(count);
    if (maxMegabytes == 0)
        return files + QStringLiteral(" will be listed by name and Slack link; the contents stay "
                                      "in Slack.");
    return files +
           QStringLiteral(" will be copied into the case (up to %1 MB each).").arg(maxMegabytes);
}

QJsonObject buildEvidenceModal(const QString &preview, const QString &privateMetadata,
                               const QString &filesNote)
{
    const QString shown =
        preview.simplified().isEmpty()
            ? QStringLiteral("_(a message without text)_")
            : QStringLiteral("> ") + escapeMrkdwnTruncated(preview.simplified(), PreviewChars);
    QJsonArray context{mrkdwnText(shown)};
    if (!filesNote.isEmpty())
        context.append(mrkdwnText(filesNote));
    const QJsonArray blocks{
        QJsonObject{{QStringLiteral("type"), QStringLiteral("context")},
                    {QStringLiteral("elements"), context}},
        input(EvidenceIds::Case, QStringLiteral("Case"), caseFinder(), false),
        input(EvidenceIds::Note, QStringLiteral("Note"),
              textInput(NoteMaxChars, true, QStringLiteral("Why this message matters")), true),
    };
    return modal(EvidenceIds::Callback, QStringLiteral("Add to TheHive case"),
                 QStringLiteral("Add"), privateMetadata, blocks);
}

EvidenceInput parseEvidence(const QJsonObject &values)
{
    return {selectedOptionOf(values, EvidenceIds::Case), textOf(values, EvidenceIds::Note)};
}

QJsonObject validateEvidence(const EvidenceInput &input)
{
    QJsonObject errors;
    if (input.caseId.isEmpty())
        errors.insert(EvidenceIds::Case, QStringLiteral("Pick a case: type its number or title."));
    return errors;
}

QString plainSlackText(const QString &text)
{
    static const QRegularExpression angled(QStringLiteral("<([^<>|]*)(?:\\|([^<>]*))?>"));
    QString out;
    qsizetype at = 0;
    for (auto it = angled.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        out += text.mid(at, m.capturedStart() - at);
        const QString target = m.captured(1);
        const QString label = m.captured(2);
        if (target.startsWith(u'@') || target.startsWith(u'!'))
            out += label.isEmpty() ? target : u'@' + label;
        else if (target.startsWith(u'#'))
            out += label.isEmpty() ? target : u'#' + label;
        else
            out += label.isEmpty() ? target : QStringLiteral("%1 (%2)").arg(label, target);
        at = m.capturedEnd();
    }
    out += text.mid(at);
    return out.replace(QStringLiteral("&lt;"), QStringLiteral("<"))
        .replace(QStringLiteral("&gt;"), QStringLiteral(">"))
        .replace(QStringLiteral("&amp;"), QStringLiteral("&"));
}

QString evidenceSignature(const QString &addedBy, qint64 eventId)
{
    return QStringLiteral("Added from Slack by %1 ").arg(addedBy) + CommentMark::suffix(eventId);
}

namespace {

QString copyNote(const FileCopy &copy, bool copying)
{
    if (!copying)
        return {};
    switch (copy.kind) {
    case FileCopy::Kind::Copied:
        return QStringLiteral(" (copied into TheHive)");
    case FileCopy::Kind::AlreadyThere:
        return QStringLiteral(" (already in TheHive)");
    case FileCopy::Kind::NotCopied:
        break;
    }
    return QStringLiteral(" (not copied: %1)").arg(copy.reason);
}

QString whereFrom(const SlackEvidence &e)
{
    return e.channelName.isEmpty() ? e.channelId : QStringLiteral("#") + e.channelName;
}

} // namespace

QString fileLogMarkdown(const SlackEvidence &e, const SlackEvidence::File &file,
                        const QString &addedBy)
{
    const QString author =
        e.authorName.isEmpty() ? QStringLiteral("an unknown author") : e.authorName;
    QStringList lines{QStringLiteral("**Slack file** %1, from a message by %2 in %3")
                          .arg(file.name, author, whereFrom(e))};
    if (!e.permalink.isEmpty())
        lines << QStringLiteral("Message: %1").arg(e.permalink);
    if (!file.link.isEmpty())
        lines << QStringLiteral("In Slack: %1").arg(file.link);
    lines << QString() << QStringLiteral("Added from Slack by %1").arg(addedBy);
    return lines.join(u'\n');
}

QString evidenceMarkdown(const SlackEvidence &e, const QString &note, const QString &addedBy,
                         qint64 eventId)
{
    const qint64 postedMs = qint64(e.ts.section(u'.', 0, 0).toLongLong()) * 1000;
    const QString when = postedMs > 0 ? QDateTime::fromMSecsSinceEpoch(postedMs, QTimeZone::utc())
                                            .toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"))
                                      : QStringLiteral("an unknown time");
    QString author = e.authorName.isEmpty() ? QStringLiteral("an unknown author") : e.authorName;
    if (!e.authorId.isEmpty())
        author += QStringLiteral(" (Slack user %1)").arg(e.authorId);
    const QString where = whereFrom(e);
    QStringList lines{
        QStringLiteral("**Slack message** from %1 in %2, %3").arg(author, where, when)};
    lines << (e.permalink.isEmpty() ? QStringLiteral("(Slack gave no permalink)")
                                    : QStringLiteral("Permalink: %1").arg(e.permalink));
    lines << QString();
    const QStringList text = plainSlackText(e.text).split(u'\n');
    for (const QString &line : text)
        lines << QStringLiteral("> ") + line;
    if (!e.files.isEmpty()) {
        lines << QString()
              << (e.copies.isEmpty() ? QStringLiteral("Files (kept in Slack):")
                                     : QStringLiteral("Files:"));
        for (qsizetype i = 0; i < e.files.size(); ++i)
            lines << QStringLiteral("- ") + e.files[i].name +
                         (e.files[i].link.isEmpty() ? QString() : u": " + e.files[i].link) +
                         copyNote(e.copies.value(i), !e.copies.isEmpty());
    }
    if (!note.isEmpty())
        lines << QString() << QStringLiteral("Note: %1").arg(note);
    lines << QString() << evidenceSignature(addedBy, eventId);
    return lines.join(u'\n');
}

} // namespace Bridge
