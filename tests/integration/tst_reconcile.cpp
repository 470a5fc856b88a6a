// Reconciliation with TheHive, end to end: cases and changes that no webhook brought (the
// bridge was down, or the webhook was lost) reach Slack within one interval, through the same
// delivery as webhooks, exactly once.
#include "bridgeharness.h"

#include "reconcile/casereconciler.h"

#include <QTest>

using namespace TestSupport;
using namespace Qt::StringLiterals;

namespace {

/// A harness that looks back at TheHive every second.
std::unique_ptr<BridgeHarness> reconcilingHarness(const QString &hiveVersion = u"5.2.9"_s)
{
    auto h = std::make_unique<BridgeHarness>(hiveVersion);
    h->config.reconcileSeconds = 1;
    return h;
}

bool settled(BridgeHarness &h, int timeoutMs = 5000)
{
    return BridgeHarness::waitFor([&] { return h.journal().counts().pending == 0; }, timeoutMs);
}

int passesSoFar(BridgeHarness &h)
{
    return int(h.bridge().reconciler().status().passes);
}

} // namespace

class TestReconcile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void whatHappenedWhileTheBridgeWasDownArrivesAtStart_data()
    {
        QTest::addColumn<QString>("hiveVersion");
        QTest::newRow("TheHive 5") << u"5.2.9"_s;
        QTest::newRow("TheHive 4") << u"4.1.24"_s;
    }
    void whatHappenedWhileTheBridgeWasDownArrivesAtStart()
    {
        QFETCH(QString, hiveVersion);
        auto h = reconcilingHarness(hiveVersion);
        h->start();
        const QString known =
            h->hive.addCase({{u"title"_s, u"known case"_s}}).value(u"_id").toString();
        QCOMPARE(h->postWebhook(h->hive.webhookFor(u"create"_s, known)).status, 202);
        QVERIFY(BridgeHarness::waitFor([&] { return h->cardsShowing(u"known case"_s) == 1; }));
        QVERIFY(settled(*h));
        h->stop();

        // While the bridge is down: three new cases, and the known one changes.
        for (int i = 1; i <= 3; ++i)
            h->hive.addCase({{u"title"_s, u"missed case %1."_s.arg(i)}});
        QVERIFY(h->hive.setCaseField(known, u"title"_s, u"known case, renamed"_s));

        h->start();
        QVERIFY(BridgeHarness::waitFor(
            [&] {
                return h->cardsShowing(u"missed case 3."_s) == 1 &&
                       h->cardsShowing(u"known case, renamed"_s) == 1;
            },
            5000));
        QVERIFY(settled(*h));
        // Let a few more passes run: nothing comes twice.
        const int passes = passesSoFar(*h);
        QVERIFY(BridgeHarness::waitFor([&] { return passesSoFar(*h) >= passes + 2; }, 5000));
        QVERIFY(settled(*h));
        QCOMPARE(h->cards().size(), 4);
        for (int i = 1; i <= 3; ++i)
            QCOMPARE(h->cardsShowing(u"missed case %1."_s.arg(i)), 1);
        QCOMPARE(h->journal().counts().failed, 0);
        // The change is noted in the card's thread like a webhook's would be.
        const FakeSlack::PostedMessage card = h->cards().constFirst();
        QVERIFY(!h->threadReplies(QLatin1String(BridgeHarness::Channel), card.ts).isEmpty());
    }

    void aLostWebhookIsHealedWithinAnInterval()
    {
        auto h = reconcilingHarness();
        h->start();
        QVERIFY(BridgeHarness::waitFor([&] { return passesSoFar(*h) >= 1; }));
        // Created and changed in TheHive; the webhooks never arrive.
        const QString id =
            h->hive.addCase({{u"title"_s, u"silent case"_s}}).value(u"_id").toString();
        QVERIFY(
            BridgeHarness::waitFor([&] { return h->cardsShowing(u"silent case"_s) == 1; }, 3000));
        QVERIFY(h->hive.setCaseField(id, u"severity"_s, 4));
        QVERIFY(h->hive.setCaseField(id, u"title"_s, u"silent case, now critical"_s));
        QVERIFY(BridgeHarness::waitFor(
            [&] { return h->cardsShowing(u"silent case, now critical"_s) == 1; }, 3000));
        QCOMPARE(h->cards().size(), 1);
        const QList<Bridge::JournalEvent> found =
            h->journal().events({.states = {}, .text = u"case.reconcile"_s});
        QCOMPARE(found.size(), 2);
        // The journaled event names the case, not its content.
        QVERIFY(!found.first().payload.contains("silent case"));
    }

    void tasksAddedWithoutAWebhookAreCountedOnTheCard_data()
    {
        QTest::addColumn<QString>("hiveVersion");
        QTest::newRow("TheHive 5") << u"5.2.9"_s;
        QTest::newRow("TheHive 4") << u"4.1.24"_s;
    }
    void tasksAddedWithoutAWebhookAreCountedOnTheCard()
    {
        QFETCH(QString, hiveVersion);
        auto h = reconcilingHarness(hiveVersion);
        h->start();
        const QString id =
            h->hive.addCase({{u"title"_s, u"case with tasks"_s}}).value(u"_id").toString();
        QCOMPARE(h->postWebhook(h->hive.webhookFor(u"create"_s, id)).status, 202);
        QVERIFY(settled(*h));
        // Tasks leave the case's _updatedAt alone: only a look at tasks finds them.
        const qint64 caseUpdatedAt = h->hive.caseJson(id).value(u"_updatedAt").toInteger();
        h->hive.addTask(id, {{u"title"_s, u"Isolate host"_s}});
        h->hive.addTask(id, {{u"title"_s, u"Reset password"_s}});
        QCOMPARE(h->hive.caseJson(id).value(u"_updatedAt").toInteger(), caseUpdatedAt);
        QVERIFY(
            BridgeHarness::waitFor([&] { return h->cardsShowing(u"*Tasks*\\n2"_s) == 1; }, 3000));
        QVERIFY(settled(*h));
        const int passes = passesSoFar(*h);
        QVERIFY(BridgeHarness::waitFor([&] { return passesSoFar(*h) >= passes + 2; }, 5000));
        // One event for both tasks; a new count is noted nowhere.
        QCOMPARE(h->journal().events({.states = {}, .text = u"task count"_s}).size(), 1);
        // Later passes list those tasks again (the overlap) but do not count them again.
        h->hive.clearRequests();
        const int later = passesSoFar(*h);
        QVERIFY(BridgeHarness::waitFor([&] { return passesSoFar(*h) >= later + 2; }, 5000));
        const QList<RecordedRequest> asked = h->hive.requests(u"/api/v1/query"_s);
        QVERIFY(!asked.isEmpty());
        for (const RecordedRequest &r : asked)
            QVERIFY2(!r.body.contains("\"count\""), r.body.constData());
        QVERIFY(h->threadReplies(QLatin1String(BridgeHarness::Channel), h->cards().first().ts)
                    .isEmpty());
        QCOMPARE(h->cards().size(), 1);
    }

    void withWebhooksWorkingItFindsNothingToDo()
    {
        auto h = reconcilingHarness();
        h->start();
        const QString id = h->hive.addCase({{u"title"_s, u"loud case"_s}}).value(u"_id").toString();
        QCOMPARE(h->postWebhook(h->hive.webhookFor(u"create"_s, id)).status, 202);
        QVERIFY(settled(*h));
        QVERIFY(h->hive.setCaseField(id, u"severity"_s, 3));
        QCOMPARE(h->postWebhook(h->hive.webhookFor(u"update"_s, id, {{u"severity"_s, 3}})).status,
                 202);
        QVERIFY(settled(*h));
        const int passes = passesSoFar(*h);
        const int handled = h->journal().counts().delivered + h->journal().counts().ignored;
        h->hive.clearRequests();
        h->slack.clearRequests();
        QVERIFY(BridgeHarness::waitFor([&] { return passesSoFar(*h) >= passes + 3; }, 6000));
        // Each pass asks TheHive three times (new cases, changed cases, new tasks) and finds
        // the cards right.
        const QList<RecordedRequest> asked = h->hive.requests();
        QVERIFY(asked.size() <= 3 * (passesSoFar(*h) - passes + 1));
        for (const RecordedRequest &r : asked)
            QCOMPARE(r.path, u"/api/v1/query"_s);
        QVERIFY(h->slack.requests().isEmpty());
        QCOMPARE(h->journal().counts().delivered + h->journal().counts().ignored, handled);
    }

    void aCaseNoChannelMayShowGetsNoCard()
    {
        auto h = reconcilingHarness();
        h->config.defaultTlpCeiling = 1;
        h->config.defaultAboveCeiling = Bridge::AboveCeiling::Drop;
        h->start();
        QVERIFY(BridgeHarness::waitFor([&] { return passesSoFar(*h) >= 1; }));
        h->hive.addCase({{u"title"_s, u"red case"_s}, {u"tlp"_s, 4}});
        h->hive.addCase({{u"title"_s, u"green case"_s}, {u"tlp"_s, 1}});
        QVERIFY(
            BridgeHarness::waitFor([&] { return h->cardsShowing(u"green case"_s) == 1; }, 3000));
        const int passes = passesSoFar(*h);
        QVERIFY(BridgeHarness::waitFor([&] { return passesSoFar(*h) >= passes + 2; }, 5000));
        QCOMPARE(h->cards().size(), 1);
        QCOMPARE(h->journal().events({.states = {}, .text = u"case.reconcile"_s}).size(), 1);
    }

    void aLongAbsencePagesThroughEverything()
    {
        // More cases than one page, many created in the same millisecond.
        auto h = reconcilingHarness();
        h->start();
        QVERIFY(BridgeHarness::waitFor([&] { return passesSoFar(*h) >= 1; }));
        h->stop();
        constexpr int Missed = 2 * Bridge::CaseReconciler::PageSize + 50;
        for (int i = 0; i < Missed; ++i)
            h->hive.addCase({{u"title"_s, u"backlog %1."_s.arg(i, 3, 10, QChar(u'0'))}});
        h->start();
        QVERIFY(BridgeHarness::waitFor([&] { return h->cards().size() >= Missed; }, 30'000));
        QVERIFY(settled(*h, 10'000));
        const int passes = passesSoFar(*h);
        QVERIFY(BridgeHarness::waitFor([&] { return passesSoFar(*h) >= passes + 1; }, 5000));
        QVERIFY(settled(*h));
        QCOMPARE(h->cards().size(), Missed);
        QCOMPARE(h->journal().counts().failed, 0);
    }

    void itsLagIsMeasured()
    {
        auto h = reconcilingHarness();
        h->start();
        QVERIFY(BridgeHarness::waitFor([&] { return passesSoFar(*h) >= 1; }));
        const QByteArray metrics = h->get(u"/metrics"_s).body;
        QVERIFY2(metrics.contains("\nhiveslack_reconcile_lag_seconds 0\n") ||
                     metrics.contains("\nhiveslack_reconcile_lag_seconds 1\n"),
                 metrics.constData());
    }

    void zeroTurnsItOff()
    {
        auto h = reconcilingHarness();
        h->config.reconcileSeconds = 0;
        h->start();
        h->hive.addCase({{u"title"_s, u"unseen case"_s}});
        QTest::qWait(1500);
        QCOMPARE(passesSoFar(*h), 0);
        QVERIFY(h->hive.requests(u"/api/v1/query"_s).isEmpty());
        QVERIFY(h->cards().isEmpty());
        QVERIFY(!h->get(u"/metrics"_s).body.contains("hiveslack_reconcile_lag_seconds"));
    }
};

QTEST_GUILESS_MAIN(TestReconcile)
#include "tst_reconcile.moc"
