#include "cardpreview.h"
#include "eventsummary.h"

#include "core/caserecordjson.h"
#include "journal/journal.h"
#include "manualclock.h"
#include "slack/cardrenderer.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

/// The Activity page's readings of journaled events: what an event was about, and its card.
class TestCardPreview : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void mrkdwnToPlain_data();
    void mrkdwnToPlain();
    void cardTextIsReadable();
    void redactedCardShowsOnlyWhatSlackGets();
    void summarizesFixtureWebhooks_data();
    void summarizesFixtureWebhooks();
    void previewFromJournalCardAndFromWebhook();

private:
    static QByteArray fixture(const QString &name);
};

QByteArray TestCardPreview::fixture(const QString &name)
{
    QFile file(QStringLiteral(HIVESLACK_FIXTURES_DIR "/thehive/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(name));
    return file.readAll();
}

void TestCardPreview::mrkdwnToPlain_data()
{
    QTest::addColumn<QString>("mrkdwn");
    QTest::addColumn<QString>("plain");
    QTest::newRow("labelled link")
        << u"<https://x.example/c/1|Open case>"_s << u"Open case (https://x.example/c/1)"_s;
    QTest::newRow("bare link") << u"see <https://x.example>"_s << u"see https://x.example"_s;
    QTest::newRow("mention") << u"<@U0ALICE> took it"_s << u"@U0ALICE took it"_s;
    QTest::newRow("bold and italic") << u"*High* and _new_"_s << u"High and new"_s;
    QTest::newRow("snake_case survives") << u"hs_status set"_s << u"hs_status set"_s;
    QTest::newRow("emoji code") << u":red_circle: High"_s << u"High"_s;
    QTest::newRow("time stays") << u"at 12:30:45"_s << u"at 12:30:45"_s;
    QTest::newRow("date with fallback")
        << u"<!date^1700000000^{date_short_pretty} {time}|2023-11-14T22:13:20Z>"_s
        << u"2023-11-14T22:13:20Z"_s;
    QTest::newRow("broadcast") << u"<!here> look"_s << u"@here look"_s;
    QTest::newRow("entities") << u"a &lt;b&gt; &amp; c"_s << u"a <b> & c"_s;
}

void TestCardPreview::mrkdwnToPlain()
{
    QFETCH(QString, mrkdwn);
    QFETCH(QString, plain);
    QCOMPARE(Console::mrkdwnToPlain(mrkdwn), plain);
}

void TestCardPreview::cardTextIsReadable()
{
    Bridge::CaseRecord c;
    c.id = u"~4096"_s;
    c.number = 42;
    c.title = u"Phishing wave"_s;
    c.description = u"Mails **from** the CEO"_s;
    c.severity = 3;
    c.status = u"New"_s;
    c.stage = u"New"_s;
    c.tags = {u"phishing"_s};
    Bridge::CardOptions options;
    options.caseUrl = QUrl(u"https://thehive.example/cases/~4096/details"_s);
    const QString text = Console::cardPreviewText(Bridge::renderCaseCard(c, options));

    QVERIFY2(text.startsWith(u"Notification text: "_s), qPrintable(text));
    QVERIFY(text.contains(u"#42 PHISHING WAVE"_s));
    QVERIFY(text.contains(u"\nSeverity: High\n"_s));
    QVERIFY(text.contains(u"Mails from the CEO"_s));
    QVERIFY(text.contains(u"phishing"_s));
    QVERIFY(text.contains(u"[Assign to me] [Add task] [Close case]"_s));
    QVERIFY(text.contains(u"[Open in TheHive]"_s));
    QVERIFY(text.contains(u"[New ▾] [High ▾]"_s)); // menus show their choice, emoji removed
    QVERIFY(!text.contains(u"!date"_s));
    QVERIFY(!text.contains(u"*"_s)); // no markup left
}

void TestCardPreview::redactedCardShowsOnlyWhatSlackGets()
{
    Bridge::CaseRecord c;
    c.id = u"~1"_s;
    c.number = 7;
    c.title = u"Secret title"_s;
    Bridge::CardOptions options;
    options.redacted = true;
    const QString text = Console::cardPreviewText(Bridge::renderCaseCard(c, options));
    QVERIFY(text.contains(u"CASE #7"_s));
    QVERIFY(!text.contains(u"Secret title"_s));
    QVERIFY(!text.contains(u"[Assign to me]"_s));
}

void TestCardPreview::summarizesFixtureWebhooks_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("caseLabel");
    QTest::addColumn<QString>("action");
    QTest::newRow("TheHive 5 create")
        << u"th5-v1-case-create.json"_s << u"#34 Suspicious network activity detected"_s
        << u"case created"_s;
    QTest::newRow("TheHive 5 update")
        << u"th5-v1-case-status-update.json"_s << u"#34"_s << u"case updated"_s;
    QTest::newRow("TheHive 4 close")
        << u"th4-v0-case-close.json"_s << QString() << u"case updated"_s;
}

void TestCardPreview::summarizesFixtureWebhooks()
{
    QFETCH(QString, file);
    QFETCH(QString, caseLabel);
    QFETCH(QString, action);
    Bridge::JournalEvent event;
    event.source = u"thehive"_s;
    event.kind = u"case.update"_s;
    event.payload = fixture(file);
    const Console::EventSummary s = Console::summarizeEvent(event);
    QCOMPARE(s.direction, Console::EventSummary::Direction::HiveToSlack);
    if (!caseLabel.isEmpty())
        QVERIFY2(s.caseLabel.startsWith(caseLabel), qPrintable(s.caseLabel));
    QCOMPARE(s.action, action);
    QVERIFY(s.slackUser.isEmpty());
}

void TestCardPreview::previewFromJournalCardAndFromWebhook()
{
    TestSupport::ManualClock clock;
    QTemporaryDir dir;
    QString error;
    auto journal = Bridge::Journal::open(dir.filePath(u"j.sqlite"_s), clock, &error);
    QVERIFY2(journal, qPrintable(error));
    Bridge::BridgeConfig config;
    config.defaultChannel = u"C0SOC"_s;
    config.theHiveUrl = QUrl(u"https://thehive.example"_s);

    Bridge::JournalEvent created;
    created.source = u"thehive"_s;
    created.payload = fixture(u"th5-v1-case-create.json"_s);
    created.caseKey = u"~327925760"_s;
    std::optional<Console::CardPreview> preview =
        Console::cardPreviewFor(created, *journal, config, std::nullopt);
    QVERIFY(preview);
    QVERIFY2(preview->caption.contains(u"C0SOC"_s), qPrintable(preview->caption));
    QVERIFY(Console::cardPreviewText(preview->message)
                .contains(u"SUSPICIOUS NETWORK ACTIVITY DETECTED"_s));

    // An update carries no case; without a posted card there is nothing to show.
    Bridge::JournalEvent updated = created;
    updated.payload = fixture(u"th5-v1-case-status-update.json"_s);
    QVERIFY(!Console::cardPreviewFor(updated, *journal, config, std::nullopt));

    Bridge::CaseRecord stored;
    stored.id = created.caseKey;
    stored.number = 34;
    stored.title = u"Renamed since"_s;
    QVERIFY(journal->saveCard(
        {stored.id, u"C0SOC"_s, u"1700000000.000100"_s, Bridge::caseToJson(stored), u"5.2"_s}));
    preview = Console::cardPreviewFor(updated, *journal, config, std::nullopt);
    QVERIFY(preview);
    QVERIFY(preview->caption.contains(u"C0SOC"_s));
    QVERIFY(Console::cardPreviewText(preview->message).contains(u"#34 RENAMED SINCE"_s));

    // A card in a channel the case's route no longer names shows what Slack has there:
    // the redacted card, never the case.
    clock.advanceMs(1000);
    QVERIFY(journal->saveCard(
        {stored.id, u"C0OTHER"_s, u"1700000001.000100"_s, Bridge::caseToJson(stored), u"5.2"_s}));
    preview = Console::cardPreviewFor(updated, *journal, config, std::nullopt);
    QVERIFY(preview);
    QVERIFY(preview->caption.contains(u"C0OTHER"_s));
    const QString redacted = Console::cardPreviewText(preview->message);
    QVERIFY2(redacted.contains(u"CASE #34"_s) && !redacted.contains(u"Renamed"_s),
             qPrintable(redacted));

    // Above the route's ceiling nothing is posted, and the preview of a case not posted yet
    // says so.
    config.defaultTlpCeiling = 0;
    config.defaultAboveCeiling = Bridge::AboveCeiling::Drop;
    Bridge::JournalEvent notPosted = created;
    notPosted.caseKey = u"~no-card-yet"_s;
    preview = Console::cardPreviewFor(notPosted, *journal, config, std::nullopt);
    QVERIFY(preview);
    QVERIFY(preview->message.isEmpty());
    QVERIFY2(preview->caption.contains(u"may see"_s), qPrintable(preview->caption));
}

QTEST_MAIN(TestCardPreview)
#include "tst_cardpreview.moc"
