// Issue 11 item 5, "outages told, then healed": an analyst acting while TheHive is down is told
// once that the change is queued, and it lands when TheHive answers again; given up, he is told
// it was not applied. A journal that cannot write turns /healthz to 503 and is counted in
// /metrics. Everything runs over loopback HTTP against the fakes and a real SQLite journal.

#include "bridgeharness.h"
#include "journallock.h"
#include "slackpayloads.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace TestSupport;

namespace {

/// A bridge with alice known to both fakes and one open case whose card is posted.
class Scene
{
public:
    explicit Scene(int retryBaseMs)
    {
        h.config.retryBaseMs = retryBaseMs;
        h.journalBusyTimeoutMs = 100;
    }

    BridgeHarness h;
    QString caseId;

    bool open()
    {
        h.slack.addUser(Alice.slackId, Alice.name, Alice.email);
        h.hive.addUser(Alice.email, u"Alice Martin"_s, Alice.email);
        h.start();
        caseId = h.hive.addCase({{u"title"_s, u"Beaconing from WS-017"_s}, {u"severity"_s, 2}})
                     .value(u"_id"_s)
                     .toString();
        if (h.postWebhook(h.hive.webhookFor(u"create"_s, caseId)).status / 100 != 2)
            return false;
        return BridgeHarness::waitFor([this] { return h.cards().size() == 1; }) && settle();
    }

    bool settle(int timeoutMs = 5000)
    {
        return BridgeHarness::waitFor([this] { return h.journal().counts().pending == 0; },
                                      timeoutMs);
    }

    FakeSlack::PostedMessage card() const { return h.cards().value(0); }

    /// Every request TheHive was sent from now on fails with 503, as behind a proxy whose
    /// TheHive is down.
    void takeTheHiveDown()
    {
        h.hive.failNext({}, 503, "<html>503 Service Unavailable</html>", 100000);
    }
    void bringTheHiveBack() { h.hive.clearFaults(); }

    /// Alice picks a severity on the card; true when Slack got its 200.
    bool pickSeverity(const QString &value)
    {
        const std::optional<QJsonObject> pick = pickOnCard(Alice, card(), u"hs_severity"_s, value);
        return pick && h.postInteraction(*pick).status == 200;
    }

    bool clickButton(const QString &actionId)
    {
        const std::optional<Control> button = findControl(card().blocks, actionId);
        return button &&
               h.postInteraction(blockActions(Alice, card(), buttonAction(*button))).status == 200;
    }

    /// Answers that reached TheHive and changed the case (faulted requests are recorded too).
    int casePatchesAnswered() const
    {
        int n = 0;
        for (const RecordedRequest &r : h.hive.requests(u"/api/v1/case/"_s + caseId))
            n += r.method == "PATCH" ? 1 : 0;
        return n;
    }

    QStringList ephemeralTexts() const
    {
        QStringList texts;
        for (const QJsonObject &e : h.slack.ephemerals())
            texts << e.value(u"text"_s).toString();
        return texts;
    }

    Bridge::JournalEvent clickEvent()
    {
        Bridge::EventFilter filter;
        filter.text = u"block_actions"_s;
        filter.limit = 1;
        return h.journal().events(filter).value(0);
    }

    /// One sample of /metrics, e.g. metric(u"hiveslack_peer_failures_total{peer=\"thehive\"}").
    qint64 metric(const QString &sample)
    {
        const QString text = QString::fromUtf8(h.get(u"/metrics"_s).body);
        const QRegularExpression line(u"^"_s + QRegularExpression::escape(sample) + u" (\\d+)$"_s,
                                      QRegularExpression::MultilineOption);
        const QRegularExpressionMatch m = line.match(text);
        return m.hasMatch() ? m.captured(1).toLongLong() : -1;
    }
};

} // namespace

class TstOutages final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void changeWaitsForTheHiveAndLands();
    void permissionsAreCheckedAgainWhenTheHiveIsBack();
    void givenUpChangeIsReported();
    void formCannotWaitForTheHive();
    void journalThatCannotWriteIsUnhealthy();
};

void TstOutages::changeWaitsForTheHiveAndLands()
{
    Scene s(300);
    QVERIFY(s.open());
    const int updatesBefore = s.card().updates;
    QCOMPARE(s.metric(u"hiveslack_peer_failures_total{peer=\"thehive\"}"_s), 0);

    s.takeTheHiveDown();
    QVERIFY(s.pickSeverity(u"4"_s));
    QVERIFY2(BridgeHarness::waitFor([&] { return !s.ephemeralTexts().isEmpty(); }, 3000),
             "the analyst was not told within 3 s");
    const QString queued = s.ephemeralTexts().constFirst();
    QVERIFY2(queued.contains(u"queued"_s) && queued.contains(u"as soon as TheHive is back"_s),
             qPrintable(queued));
    QCOMPARE(s.h.slack.ephemerals().constFirst().value(u"user"_s).toString(), Alice.slackId);
    QCOMPARE(s.h.slack.ephemerals().constFirst().value(u"channel"_s).toString(), s.card().channel);

    // Later attempts fail too, and say nothing more.
    QVERIFY(BridgeHarness::waitFor([&] { return s.clickEvent().attempts >= 3; }, 8000));
    QCOMPARE(s.clickEvent().state, u"pending"_s);
    QCOMPARE(s.ephemeralTexts().size(), 1);
    QCOMPARE(s.casePatchesAnswered(), 0);
    const TestSupport::HttpAnswer health = s.h.get(u"/healthz"_s);
    QCOMPARE(health.status, 200); // the bridge queues for TheHive: it is still serving
    const QJsonObject hive =
        QJsonDocument::fromJson(health.body).object().value(u"thehive"_s).toObject();
    QCOMPARE(hive.value(u"state"_s).toString(), u"error"_s);
    QVERIFY2(hive.value(u"error"_s).toString().contains(u"503"_s), health.body.constData());
    // Which part is at fault, at the top.
    const QJsonArray problems =
        QJsonDocument::fromJson(health.body).object().value(u"problems"_s).toArray();
    QCOMPARE(problems.size(), 1);
    QCOMPARE(problems.first().toObject().value(u"part"_s).toString(), u"thehive"_s);
    QVERIFY(s.metric(u"hiveslack_peer_failures_total{peer=\"thehive\"}"_s) >= 3);
    QCOMPARE(s.metric(u"hiveslack_peer_up{peer=\"thehive\"}"_s), 0);

    s.bringTheHiveBack();
    QVERIFY(s.settle(10000));
    QCOMPARE(s.clickEvent().state, u"delivered"_s);
    QCOMPARE(s.casePatchesAnswered(), 1);
    QCOMPARE(s.h.hive.caseJson(s.caseId).value(u"severity"_s).toInt(), 4);
    QVERIFY(BridgeHarness::waitFor([&] { return s.card().updates > updatesBefore; }));
    QCOMPARE(shownValue(s.card().blocks, u"hs_severity"_s), u"4"_s);
    QCOMPARE(s.ephemeralTexts().size(), 2);
    const QString applied = s.ephemeralTexts().constLast();
    QVERIFY2(applied.contains(u"TheHive is back"_s) && applied.contains(u"severity"_s),
             qPrintable(applied));
    QCOMPARE(s.metric(u"hiveslack_peer_up{peer=\"thehive\"}"_s), 1);
    QVERIFY(QJsonDocument::fromJson(s.h.get(u"/healthz"_s).body)
                .object()
                .value(u"problems"_s)
                .toArray()
                .isEmpty());

    // A change made while TheHive answers is not announced.
    QVERIFY(s.pickSeverity(u"3"_s));
    QVERIFY(s.settle());
    QCOMPARE(s.casePatchesAnswered(), 2);
    QCOMPARE(s.ephemeralTexts().size(), 2);
}

void TstOutages::permissionsAreCheckedAgainWhenTheHiveIsBack()
{
    Scene s(300);
    QVERIFY(s.open());
    s.takeTheHiveDown();
    QVERIFY(s.pickSeverity(u"4"_s));
    QVERIFY(BridgeHarness::waitFor([&] { return !s.ephemeralTexts().isEmpty(); }, 3000));

    // While the change waits, an admin takes Alice's right to change cases away.
    QVERIFY(s.h.hive.setProfile(Alice.email, u"read-only"_s));
    s.bringTheHiveBack();
    QVERIFY(s.settle(10000));
    QCOMPARE(s.casePatchesAnswered(), 0);
    QCOMPARE(s.h.hive.caseJson(s.caseId).value(u"severity"_s).toInt(), 2);
    QCOMPARE(s.clickEvent().state, u"ignored"_s);
    QCOMPARE(s.ephemeralTexts().size(), 2);
    const QString refused = s.ephemeralTexts().constLast();
    QVERIFY2(refused.contains(u"queued request to change the severity was not applied"_s) &&
                 refused.contains(u"read-only"_s),
             qPrintable(refused));
}

void TstOutages::givenUpChangeIsReported()
{
    // 1 ms doubling: the twelve attempts take about two seconds.
    Scene s(1);
    QVERIFY(s.open());
    s.takeTheHiveDown();
    QVERIFY(s.pickSeverity(u"4"_s));
    QVERIFY(BridgeHarness::waitFor([&] { return s.clickEvent().state == u"failed"_s; }, 15000));
    const Bridge::JournalEvent event = s.clickEvent();
    QCOMPARE(event.attempts, 12);
    QVERIFY2(event.lastError.contains(u"gave up after 12 attempts"_s) &&
                 event.lastError.contains(u"503"_s),
             qPrintable(event.lastError));

    QVERIFY(BridgeHarness::waitFor([&] { return s.ephemeralTexts().size() == 2; }));
    QVERIFY2(s.ephemeralTexts().constFirst().contains(u"queued"_s),
             qPrintable(s.ephemeralTexts().constFirst()));
    const QString notApplied = s.ephemeralTexts().constLast();
    QVERIFY2(notApplied.contains(u"change the severity was not applied"_s) &&
                 notApplied.contains(u"gave up after 12 attempts"_s),
             qPrintable(notApplied));
    QCOMPARE(s.casePatchesAnswered(), 0);

    // Nothing is sent after giving up, even once TheHive is back.
    s.bringTheHiveBack();
    QTest::qWait(300);
    QCOMPARE(s.casePatchesAnswered(), 0);
    QCOMPARE(s.ephemeralTexts().size(), 2);
}

void TstOutages::formCannotWaitForTheHive()
{
    Scene s(300);
    QVERIFY(s.open());
    s.takeTheHiveDown();
    QVERIFY(s.clickButton(u"hs_add_task"_s));
    QVERIFY(BridgeHarness::waitFor([&] { return s.clickEvent().state == u"failed"_s; }, 3000));
    QCOMPARE(s.ephemeralTexts().size(), 1);
    QVERIFY2(s.ephemeralTexts().constFirst().contains(u"the form cannot open"_s),
             qPrintable(s.ephemeralTexts().constFirst()));
    QVERIFY(s.h.slack.openedViews().isEmpty());
}

void TstOutages::journalThatCannotWriteIsUnhealthy()
{
    Scene s(300);
    QVERIFY(s.open());
    QCOMPARE(s.h.get(u"/healthz"_s).status, 200);
    QCOMPARE(s.metric(u"hiveslack_journal_write_failures_total"_s), 0);

    // TheHive takes the change but answers late; meanwhile another connection locks the journal,
    // so the bridge cannot record that the click was carried out.
    s.h.hive.delayNext(u"/api/v1/case/"_s + s.caseId, 800);
    QVERIFY(s.pickSeverity(u"4"_s));
    JournalLock lock(s.h.journalPath());
    QVERIFY(lock.locked());
    QVERIFY(BridgeHarness::waitFor([&] { return s.casePatchesAnswered() == 1; }));
    QVERIFY(BridgeHarness::waitFor([&] { return s.h.journal().writeFailures() > 0; }, 5000));

    const TestSupport::HttpAnswer down = s.h.get(u"/healthz"_s);
    QCOMPARE(down.status, 503);
    const QJsonObject journal =
        QJsonDocument::fromJson(down.body).object().value(u"journal"_s).toObject();
    QCOMPARE(journal.value(u"state"_s).toString(), u"error"_s);
    QVERIFY2(journal.value(u"error"_s).toString().contains(u"locked"_s), down.body.constData());
    QCOMPARE(QJsonDocument::fromJson(down.body)
                 .object()
                 .value(u"problems"_s)
                 .toArray()
                 .first()
                 .toObject()
                 .value(u"part"_s)
                 .toString(),
             u"journal"_s);
    QVERIFY(s.metric(u"hiveslack_journal_write_failures_total"_s) >= 1);
    QCOMPARE(s.metric(u"hiveslack_journal_writable"_s), 0);

    // The handled click is held, not carried out again, while the journal stays locked.
    QTest::qWait(1500);
    QCOMPARE(s.casePatchesAnswered(), 1);
    QCOMPARE(s.clickEvent().state, u"pending"_s);

    lock.release();
    QVERIFY(BridgeHarness::waitFor([&] { return s.clickEvent().state == u"delivered"_s; }, 5000));
    QCOMPARE(s.casePatchesAnswered(), 1);
    QCOMPARE(s.h.get(u"/healthz"_s).status, 200);
    QCOMPARE(s.metric(u"hiveslack_journal_writable"_s), 1);
}

QTEST_GUILESS_MAIN(TstOutages)
#include "tst_outages.moc"
