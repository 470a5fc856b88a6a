// The console restarts its bridge on every settings change and stops it on Quit. A card whose
// chat.postMessage is under way at that moment must end up in Slack once, with its ts in the
// journal: not lost, and not posted a second time by the next bridge.
#include "hostfixture.h"

#include "bridgeservice.h"
#include "journal/journal.h"

#include <QTest>

using namespace Qt::StringLiterals;
using Console::BridgeHost;
using TestSupport::HostFixture;

namespace {

const QString PostMessage = u"/api/chat.postMessage"_s;

/// Journals a case creation whose card Slack answers only after `delayMs`; returns the case id
/// once the card's request is under way.
QString cardUnderWay(HostFixture &f, int delayMs)
{
    f.slack.delayNext(PostMessage, delayMs);
    const QString id = f.hive.addCase({{u"title"_s, u"Mid-flight"_s}}).value(u"_id").toString();
    if (f.postWebhook(f.hive.webhookFor(u"create"_s, id)) != 202)
        return {};
    if (!QTest::qWaitFor([&f] { return f.slack.requests(PostMessage).size() == 1; }, 5000))
        return {};
    return id;
}

} // namespace

class TestBridgeHostDrain : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void settingsChangeFinishesTheDeliveryUnderWay();
    void quitFinishesTheDeliveryUnderWay();
    void quitWithoutBridgeIsImmediate();
};

void TestBridgeHostDrain::settingsChangeFinishesTheDeliveryUnderWay()
{
    HostFixture f;
    QVERIFY(f.startConfigured());
    const QString id = cardUnderWay(f, 1500);
    QVERIFY(!id.isEmpty());

    Bridge::BridgeConfig changed = f.config();
    changed.taskTimeZone = u"Europe/Berlin"_s;
    QString error;
    QVERIFY2(f.host.saveConfig(changed, &error), qPrintable(error));
    QTRY_COMPARE(f.host.stateText(), u"finishing the deliveries under way"_s);
    QCOMPARE(f.host.state(), BridgeHost::State::Starting);
    QVERIFY(!f.host.bridge()); // nothing may use the draining bridge
    // The console stays usable: a second change during the drain is taken, and the next
    // bridge starts with the newest settings.
    changed.taskTimeZone = u"Asia/Tokyo"_s;
    QVERIFY2(f.host.saveConfig(changed, &error), qPrintable(error));
    QCOMPARE(f.host.state(), BridgeHost::State::Starting);

    QTRY_COMPARE_WITH_TIMEOUT(f.host.state(), BridgeHost::State::Running, 10000);
    QCOMPARE(f.host.bridge()->config().taskTimeZone, u"Asia/Tokyo"_s);
    const QList<Bridge::CardRef> cards = f.host.journal()->cards(id);
    QCOMPARE(cards.size(), 1);
    QCOMPARE(f.slack.messages().size(), 1);
    QCOMPARE(f.slack.messages().constFirst().ts, cards.constFirst().ts);
    const Bridge::Counts counts = f.host.journal()->counts();
    QCOMPARE(counts.delivered, 1);
    QCOMPARE(counts.pending, 0);
    // The new bridge finds nothing left to do: no second card, ever.
    QTest::qWait(500);
    QCOMPARE(f.slack.requests(PostMessage).size(), 1);
}

void TestBridgeHostDrain::quitFinishesTheDeliveryUnderWay()
{
    HostFixture f;
    QVERIFY(f.startConfigured());
    const QString id = cardUnderWay(f, 1000);
    QVERIFY(!id.isEmpty());

    bool done = false;
    f.host.shutdown([&done] { done = true; });
    QVERIFY(!done);
    QVERIFY(!f.host.bridge());
    QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
    QCOMPARE(f.host.journal()->cards(id).size(), 1);
    QCOMPARE(f.host.journal()->counts().delivered, 1);
    QCOMPARE(f.slack.messages().size(), 1);
}

void TestBridgeHostDrain::quitWithoutBridgeIsImmediate()
{
    HostFixture f;
    f.startUnconfigured();
    bool done = false;
    f.host.shutdown([&done] { done = true; });
    QVERIFY(done);
}

QTEST_MAIN(TestBridgeHostDrain)
#include "tst_bridgehostdrain.moc"
