// Writes that must not happen twice, end to end: a card whose chat.postMessage answer was lost
// (Slack posted it, HiveSlack never learnt its ts) is found again by its message metadata and
// drawn on, not posted a second time, also after a restart.
#include "bridgeharness.h"

#include <QJsonDocument>
#include <QTest>

using namespace TestSupport;
using namespace Qt::StringLiterals;

namespace {

const QString PostMessage = u"/api/chat.postMessage"_s;
const QString History = u"/api/conversations.history"_s;

bool settled(BridgeHarness &h)
{
    return BridgeHarness::waitFor([&] { return h.journal().counts().pending == 0; }, 5000);
}

QString newCase(BridgeHarness &h, const QString &title)
{
    const QString id = h.hive.addCase({{u"title"_s, title}}).value(u"_id").toString();
    if (h.postWebhook(h.hive.webhookFor(u"create"_s, id)).status != 202)
        qWarning("webhook refused");
    return id;
}

} // namespace

class TestWritesOnce : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyCardNamesItsCaseInItsMetadata()
    {
        BridgeHarness h;
        h.config.defaultTlpCeiling = 1; // TLP:AMBER is redacted here: the id is all it says
        h.start();
        const QString id =
            h.hive.addCase({{u"title"_s, u"amber case"_s}, {u"tlp"_s, 2}}).value(u"_id").toString();
        QCOMPARE(h.postWebhook(h.hive.webhookFor(u"create"_s, id)).status, 202);
        QVERIFY(settled(h));
        QCOMPARE(h.cards().size(), 1);
        const QJsonObject metadata = h.cards().constFirst().metadata;
        QCOMPARE(metadata.value(u"event_type").toString(), u"hiveslack_case_card"_s);
        QCOMPARE(metadata.value(u"event_payload").toObject(), QJsonObject({{u"case_id"_s, id}}));
        QVERIFY(!QJsonDocument(h.cards().constFirst().blocks).toJson().contains("amber case"));
    }

    void aLostPostAnswerNeverGivesASecondCard()
    {
        BridgeHarness h;
        h.start();
        // Slack posts the card, but its answer never arrives.
        h.slack.loseAnswerNext(PostMessage, 504);
        const QString id = newCase(h, u"case posted once"_s);
        QVERIFY(settled(h));
        QCOMPARE(h.cards().size(), 1);
        const FakeSlack::PostedMessage card = h.cards().constFirst();
        // The retry looked for it, kept its ts and drew the case on it.
        QCOMPARE(h.slack.requests(History).size(), 1);
        QCOMPARE(h.journal().card(id, QLatin1String(BridgeHarness::Channel))->ts, card.ts);
        QCOMPARE(card.updates, 1);
        QCOMPARE(h.journal().counts().delivered, 1);
        QVERIFY(h.journal().events({}).constFirst().note.contains(u"found the card"_s));

        // From then on it is the case's card: a change redraws it, and nothing looks again.
        h.slack.clearRequests();
        QVERIFY(h.hive.setCaseField(id, u"title"_s, u"case posted once, renamed"_s));
        QCOMPARE(h.postWebhook(h.hive.webhookFor(u"update"_s, id, {{u"title"_s, u"x"_s}})).status,
                 202);
        QVERIFY(settled(h));
        QCOMPARE(h.cards().size(), 1);
        QCOMPARE(h.cardsShowing(u"case posted once, renamed"_s), 1);
        QVERIFY(h.slack.requests(History).isEmpty());
    }

    void aCardPostedJustBeforeARestartIsFoundAfterIt()
    {
        BridgeHarness h;
        h.config.retryBaseMs = 60'000; // the retry comes only from the restarted bridge
        h.start();
        h.slack.loseAnswerNext(PostMessage, 504);
        const QString id = newCase(h, u"case across a restart"_s);
        QVERIFY(BridgeHarness::waitFor([&] {
            const QList<Bridge::JournalEvent> events = h.journal().events({});
            return !events.isEmpty() && events.constFirst().attempts == 1;
        }));
        QCOMPARE(h.cards().size(), 1);
        h.stop();
        h.config.retryBaseMs = 50;
        h.start();
        QVERIFY(h.journal().retryNow(h.journal().events({}).constFirst().id));
        QVERIFY(settled(h));
        QCOMPARE(h.cards().size(), 1);
        QCOMPARE(h.slack.requests(History).size(), 1);
        const FakeSlack::PostedMessage card = h.cards().constFirst();
        QCOMPARE(h.journal().card(id, QLatin1String(BridgeHarness::Channel))->ts, card.ts);
        QCOMPARE(h.journal().counts().delivered, 1);
    }

    void aFoundCardWhoseRedrawFailedIsRedrawnNextTime()
    {
        // The card is posted (answer lost) showing one state; the case changes; the retry
        // finds the card, but its redraw fails: the try after that must still redraw it.
        BridgeHarness h;
        h.config.retryBaseMs = 60'000; // retries only when the test asks
        h.start();
        const QString id =
            h.hive.addCase({{u"title"_s, u"before the rename"_s}}).value(u"_id").toString();
        h.slack.loseAnswerNext(PostMessage, 504);
        QCOMPARE(h.postWebhook(h.hive.webhookFor(u"update"_s, id, {{u"title"_s, u"x"_s}})).status,
                 202);
        const auto attempts = [&] { return h.journal().events({}).constFirst().attempts; };
        QVERIFY(BridgeHarness::waitFor([&] { return attempts() == 1; }));
        QCOMPARE(h.cardsShowing(u"before the rename"_s), 1);

        QVERIFY(h.hive.setCaseField(id, u"title"_s, u"after the rename"_s));
        h.slack.failNext(u"/api/chat.update"_s, 503);
        const qint64 event = h.journal().events({}).constFirst().id;
        QVERIFY(h.bridge().retryEvent(event));
        QVERIFY(BridgeHarness::waitFor([&] { return attempts() == 2; }));
        QVERIFY(h.bridge().retryEvent(event));
        QVERIFY(settled(h));
        QCOMPARE(h.cards().size(), 1);
        QCOMPARE(h.cardsShowing(u"after the rename"_s), 1);
    }

    void aPostSlackRefusedIsNotLookedForLater()
    {
        // Slack's own refusal means nothing was posted: a later try posts without looking.
        BridgeHarness h;
        h.start();
        h.slack.slackErrorNext(PostMessage, u"not_in_channel"_s);
        newCase(h, u"case refused once"_s);
        QVERIFY(settled(h));
        QCOMPARE(h.journal().counts().failed, 1);
        QVERIFY(h.bridge().retryEvent(h.journal().events({}).constFirst().id));
        QVERIFY(settled(h));
        QCOMPARE(h.cards().size(), 1);
        QVERIFY(h.slack.requests(History).isEmpty());
    }

    void aCardNotFoundIsPosted()
    {
        // The lost answer was Slack's own failure: nothing was posted, so the look finds
        // nothing and the card is posted.
        BridgeHarness h;
        h.start();
        h.slack.failNext(PostMessage, 503);
        newCase(h, u"case posted after a failure"_s);
        QVERIFY(settled(h));
        QCOMPARE(h.cards().size(), 1);
        QCOMPARE(h.slack.requests(History).size(), 1);
        QCOMPARE(h.slack.requests(PostMessage).size(), 2);
    }

    void withoutTheHistoryScopeTheCardIsPostedAgainAndThatIsSaid()
    {
        // An app set up before HiveSlack asked for channels:history cannot look: it may then
        // show a case twice, never not at all.
        BridgeHarness h;
        h.start();
        h.slack.revokeScope(u"channels:history"_s);
        h.slack.loseAnswerNext(PostMessage, 504);
        newCase(h, u"case without history"_s);
        QVERIFY(settled(h));
        QCOMPARE(h.cards().size(), 2);
        QCOMPARE(h.journal().counts().delivered, 1);
        QVERIFY(h.journal().events({}).constFirst().note.contains(u"missing_scope"_s));
    }
};

QTEST_GUILESS_MAIN(TestWritesOnce)
#include "tst_writesonce.moc"
