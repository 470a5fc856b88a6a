#include "slack/mrkdwn.h"

#include <QElapsedTimer>
#include <QTest>

using namespace Bridge;

namespace {

bool hasBrokenSurrogate(const QString &s)
{
    for (qsizetype i = 0; i < s.size(); ++i) {
        if (s.at(i).isHighSurrogate() && (i + 1 >= s.size() || !s.at(i + 1).isLowSurrogate()))
            return true;
        if (s.at(i).isLowSurrogate() && (i == 0 || !s.at(i - 1).isHighSurrogate()))
            return true;
    }
    return false;
}

/// No raw '<' that does not start a link we produced: user text can never open one.
bool onlyOwnAngleBrackets(const QString &s)
{
    for (qsizetype i = s.indexOf(u'<'); i >= 0; i = s.indexOf(u'<', i + 1)) {
        const QString rest = s.mid(i + 1);
        if (!rest.startsWith(u"http://") && !rest.startsWith(u"https://") &&
            !rest.startsWith(u"mailto:"))
            return false;
    }
    return true;
}

/// Every '<' is closed by a '>' before the next '<'.
bool linksClosed(const QString &s)
{
    for (qsizetype i = s.indexOf(u'<'); i >= 0; i = s.indexOf(u'<', i + 1)) {
        const qsizetype close = s.indexOf(u'>', i + 1);
        const qsizetype next = s.indexOf(u'<', i + 1);
        if (close < 0 || (next >= 0 && next < close))
            return false;
    }
    return true;
}

} // namespace

class TestMrkdwn : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void escape_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << QStringLiteral("hello") << QStringLiteral("hello");
        QTest::newRow("three control chars")
            << QStringLiteral("a & b < c > d") << QStringLiteral("a &amp; b &lt; c &gt; d");
        QTest::newRow("broadcast")
            << QStringLiteral("<!channel>") << QStringLiteral("&lt;!channel&gt;");
        QTest::newRow("already escaped is escaped again")
            << QStringLiteral("&lt;") << QStringLiteral("&amp;lt;");
        QTest::newRow("markup chars untouched") << QStringLiteral("*_~`") << QStringLiteral("*_~`");
    }

    void escape()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QCOMPARE(escapeMrkdwn(input), expected);
    }

    void convert_data()
    {
        QTest::addColumn<QString>("markdown");
        QTest::addColumn<QString>("expected");
        QTest::newRow("bold stars") << QStringLiteral("a **b** c") << QStringLiteral("a *b* c");
        QTest::newRow("bold underscores") << QStringLiteral("__b__") << QStringLiteral("*b*");
        QTest::newRow("italic star")
            << QStringLiteral("an *i* word") << QStringLiteral("an _i_ word");
        QTest::newRow("italic underscore") << QStringLiteral("_i_") << QStringLiteral("_i_");
        QTest::newRow("strike") << QStringLiteral("~~gone~~") << QStringLiteral("~gone~");
        QTest::newRow("bold inside italic")
            << QStringLiteral("*a **b** c*") << QStringLiteral("_a *b* c_");
        QTest::newRow("bold italic") << QStringLiteral("***x***") << QStringLiteral("*_x_*");
        QTest::newRow("snake_case untouched")
            << QStringLiteral("run foo_bar_baz now") << QStringLiteral("run foo_bar_baz now");
        QTest::newRow("lonely star") << QStringLiteral("2 * 3 = 6") << QStringLiteral("2 * 3 = 6");
        QTest::newRow("unclosed bold") << QStringLiteral("**open") << QStringLiteral("**open");
        QTest::newRow("heading") << QStringLiteral("# Summary") << QStringLiteral("*Summary*");
        QTest::newRow("heading level 3 closing hashes")
            << QStringLiteral("### IOC list ###") << QStringLiteral("*IOC list*");
        QTest::newRow("hashtag is not a heading")
            << QStringLiteral("#phishing") << QStringLiteral("#phishing");
        QTest::newRow("dash bullets")
            << QStringLiteral("- one\n- two") << QStringLiteral("\u2022 one\n\u2022 two");
        QTest::newRow("star bullet with italic")
            << QStringLiteral("* an *x* item") << QStringLiteral("\u2022 an _x_ item");
        QTest::newRow("nested bullet keeps indent")
            << QStringLiteral("  + sub") << QStringLiteral("  \u2022 sub");
        QTest::newRow("rule") << QStringLiteral("***")
                              << QStringLiteral("\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500");
        QTest::newRow("quote") << QStringLiteral("> said <this>")
                               << QStringLiteral(">said &lt;this&gt;");
        QTest::newRow("link") << QStringLiteral("see [the report](https://x.example/r?a=1&b=2)")
                              << QStringLiteral("see <https://x.example/r?a=1&amp;b=2|the report>");
        QTest::newRow("link with title") << QStringLiteral("[t](https://x.example \"Title\")")
                                         << QStringLiteral("<https://x.example|t>");
        QTest::newRow("link text escaped")
            << QStringLiteral("[a <b> & c](https://x.example)")
            << QStringLiteral("<https://x.example|a &lt;b&gt; &amp; c>");
        QTest::newRow("javascript link refused") << QStringLiteral("[x](javascript:alert(1))")
                                                 << QStringLiteral("[x](javascript:alert(1))");
        QTest::newRow("slack special link refused")
            << QStringLiteral("[x](!channel)") << QStringLiteral("[x](!channel)");
        QTest::newRow("mailto link") << QStringLiteral("[mail](mailto:soc@x.example)")
                                     << QStringLiteral("<mailto:soc@x.example|mail>");
        QTest::newRow("image becomes link") << QStringLiteral("![shot](https://x.example/a.png)")
                                            << QStringLiteral("<https://x.example/a.png|shot>");
        QTest::newRow("bare url") << QStringLiteral("at https://x.example/a_b_c.")
                                  << QStringLiteral("at <https://x.example/a_b_c>.");
        QTest::newRow("inline code kept and escaped")
            << QStringLiteral("run `rm -rf <dir> **x**`")
            << QStringLiteral("run `rm -rf &lt;dir&gt; **x**`");
        QTest::newRow("double backtick code")
            << QStringLiteral("``a ` b``") << QStringLiteral("`a ' b`");
        QTest::newRow("unclosed backtick") << QStringLiteral("a ` b") << QStringLiteral("a ` b");
        QTest::newRow("fenced code")
            << QStringLiteral("```bash\n# not a heading\n**x** <y>\n```\nafter **b**")
            << QStringLiteral("```\n# not a heading\n**x** &lt;y&gt;\n```\nafter *b*");
        QTest::newRow("unterminated fence is closed")
            << QStringLiteral("```\ncode") << QStringLiteral("```\ncode\n```");
        QTest::newRow("tilde fence")
            << QStringLiteral("~~~\n~~x~~\n~~~") << QStringLiteral("```\n~~x~~\n```");
        QTest::newRow("crlf") << QStringLiteral("a\r\nb") << QStringLiteral("a\nb");
        // The bare URL the user typed may become a link to itself, never to anything else.
        QTest::newRow("injections escaped")
            << QStringLiteral("<!channel> <!here> <@U123> <https://evil|ok> &amp;")
            << QStringLiteral("&lt;!channel&gt; &lt;!here&gt; &lt;@U123&gt; "
                              "&lt;<https://evil>|ok&gt; &amp;amp;");
        QTest::newRow("injection inside bold")
            << QStringLiteral("**<!everyone>**") << QStringLiteral("*&lt;!everyone&gt;*");
        QTest::newRow("emoji and rtl untouched")
            << QStringLiteral(
                   "\U0001F525 \u05E9\u05DC\u05D5\u05DD **\u0645\u0631\u062D\u0628\u0627**")
            << QStringLiteral(
                   "\U0001F525 \u05E9\u05DC\u05D5\u05DD *\u0645\u0631\u062D\u0628\u0627*");
    }

    void convert()
    {
        QFETCH(QString, markdown);
        QFETCH(QString, expected);
        QCOMPARE(markdownToMrkdwn(markdown), expected);
    }

    void hostileInputStaysFastAndSafe_data()
    {
        QTest::addColumn<QString>("markdown");
        QTest::newRow("brackets") << QString(50000, u'[');
        QTest::newRow("stars") << QString(50000, u'*');
        QTest::newRow("backticks") << QStringLiteral("`a``").repeated(12000);
        QTest::newRow("angles") << QStringLiteral("<!channel>").repeated(5000);
        QTest::newRow("link openers") << QStringLiteral("[a](").repeated(12000);
    }

    void hostileInputStaysFastAndSafe()
    {
        QFETCH(QString, markdown);
        QElapsedTimer timer;
        timer.start();
        const QString out = markdownToMrkdwn(markdown);
        QVERIFY2(timer.elapsed() < 5000, "converter went quadratic");
        QVERIFY(onlyOwnAngleBrackets(out));
        QVERIFY(!out.contains(u"<!"));
    }

    void truncate_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("max");
        QTest::addColumn<QString>("expected");
        QTest::newRow("fits") << QStringLiteral("abc") << 3 << QStringLiteral("abc");
        QTest::newRow("cut") << QStringLiteral("abcdef") << 4 << QStringLiteral("abc\u2026");
        QTest::newRow("zero") << QStringLiteral("abc") << 0 << QString();
        QTest::newRow("no room for ellipsis") << QStringLiteral("abc") << 1 << QStringLiteral("a");
        // "a🔥b": cutting to 3 with an ellipsis would keep "a" + half the emoji.
        QTest::newRow("surrogate pair not split")
            << QStringLiteral("a\U0001F525b") << 3 << QStringLiteral("a\u2026");
        QTest::newRow("surrogate pair kept whole")
            << QStringLiteral("a\U0001F525bc") << 4 << QStringLiteral("a\U0001F525\u2026");
    }

    void truncate()
    {
        QFETCH(QString, text);
        QFETCH(int, max);
        QFETCH(QString, expected);
        const QString out = truncateText(text, max);
        QCOMPARE(out, expected);
        QVERIFY(out.size() <= max);
    }

    void truncateAllEmoji()
    {
        const QString emoji = QStringLiteral("\U0001F600").repeated(100);
        for (int max = 0; max <= 30; ++max) {
            const QString out = truncateText(emoji, max);
            QVERIFY(out.size() <= max);
            QVERIFY(!hasBrokenSurrogate(out));
        }
        QCOMPARE(truncateText(emoji, 10, QStringLiteral("...")),
                 QStringLiteral("\U0001F600").repeated(3) + QStringLiteral("..."));
    }

    void escapeTruncated()
    {
        QCOMPARE(escapeMrkdwnTruncated(QStringLiteral("a<b"), 10), QStringLiteral("a&lt;b"));
        // "&&&&" escapes to 20 chars; 12 leaves room for two "&amp;" and the ellipsis.
        QCOMPARE(escapeMrkdwnTruncated(QStringLiteral("&&&&"), 12),
                 QStringLiteral("&amp;&amp;\u2026"));
        QCOMPARE(escapeMrkdwnTruncated(QStringLiteral("&&&&"), 5, QString()),
                 QStringLiteral("&amp;"));
        QCOMPARE(escapeMrkdwnTruncated(QStringLiteral("\U0001F525\U0001F525"), 3),
                 QStringLiteral("\U0001F525\u2026"));
        QCOMPARE(escapeMrkdwnTruncated(QStringLiteral("abc"), 0), QString());
    }

    void convertTruncated_data()
    {
        QTest::addColumn<QString>("markdown");
        QTest::addColumn<int>("max");
        QTest::newRow("long prose") << QStringLiteral("word ").repeated(10000) << 2800;
        QTest::newRow("all ampersands") << QString(20000, u'&') << 2800;
        QTest::newRow("links")
            << QStringLiteral("[x](https://example.org/very/long/path) ").repeated(500) << 3000;
        QTest::newRow("code fence")
            << QStringLiteral("```\n") + QStringLiteral("<a>\n").repeated(5000) << 1000;
        QTest::newRow("emoji") << QStringLiteral("\U0001F525").repeated(5000) << 99;
        QTest::newRow("small limit") << QStringLiteral("&&&&&&") << 4;
    }

    void convertTruncated()
    {
        QFETCH(QString, markdown);
        QFETCH(int, max);
        const QString out = markdownToMrkdwnTruncated(markdown, max);
        QVERIFY(out.size() <= max);
        QVERIFY(out.size() >= max / 2 || max < 10); // not needlessly short
        QVERIFY(!hasBrokenSurrogate(out));
        QVERIFY(onlyOwnAngleBrackets(out));
        // Every link we emit is closed, every fence is closed.
        QVERIFY(linksClosed(out));
        QVERIFY(out.count(QStringLiteral("```")) % 2 == 0);
        // The last "&" starts a complete entity.
        const qsizetype amp = out.lastIndexOf(u'&');
        if (amp >= 0)
            QVERIFY(out.mid(amp).startsWith(u"&amp;") || out.mid(amp).startsWith(u"&lt;") ||
                    out.mid(amp).startsWith(u"&gt;"));
    }

    void convertTruncatedKeepsShortInput()
    {
        QCOMPARE(markdownToMrkdwnTruncated(QStringLiteral("**hi**"), 100), QStringLiteral("*hi*"));
        QCOMPARE(markdownToMrkdwnTruncated(QStringLiteral("**hi**"), 0), QString());
    }
};

QTEST_GUILESS_MAIN(TestMrkdwn)
#include "tst_mrkdwn.moc"
