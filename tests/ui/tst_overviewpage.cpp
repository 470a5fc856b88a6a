#include "eventchart.h"
#include "hostfixture.h"
#include "overviewpage.h"
#include "peerstatus.h"
#include "recentevents.h"

#include "journal/journal.h"

#include <QPushButton>
#include <QTest>

using namespace Qt::StringLiterals;
using TestSupport::HostFixture;

class TestOverviewPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void countsAndChartFollowTheJournal();
    void recentEventsKeepOneHour();
    void peersShowVersionAndSlackErrors();

private:
    static qint64 append(Bridge::Journal &journal, const QString &source);
};

qint64 TestOverviewPage::append(Bridge::Journal &journal, const QString &source)
{
    Bridge::NewEvent event;
    event.source = source;
    event.kind = u"test"_s;
    event.payload = "{}";
    return journal.append(event).id;
}

void TestOverviewPage::countsAndChartFollowTheJournal()
{
    TestSupport::ManualClock clock;
    HostFixture f(&clock);
    f.startUnconfigured();
    Bridge::Journal &journal = *f.host.journal();
    QVERIFY(journal.markDelivered(append(journal, u"thehive"_s)));
    QVERIFY(journal.markDelivered(append(journal, u"slack"_s)));
    QVERIFY(journal.markFailed(append(journal, u"thehive"_s), u"boom"_s));

    Console::OverviewPage page(f.host);
    QCOMPARE(page.countsText(), u"cards 1, actions 1, failures 1, pending 0"_s);
    QList<Console::MinuteBucket> buckets = page.chart()->buckets();
    QCOMPARE(buckets.size(), 60);
    QCOMPARE(buckets.constLast(), (Console::MinuteBucket{3, 1}));

    // Twenty minutes on, a new event lands in the newest bucket; the others moved left.
    clock.advanceMs(20 * 60 * 1000);
    const qint64 pending = append(journal, u"thehive"_s);
    QVERIFY(journal.scheduleRetry(pending, clock.nowMs() + 1000, u"TheHive answered 503"_s));
    QTRY_COMPARE(page.countsText(), u"cards 1, actions 1, failures 1, pending 1"_s);
    buckets = page.chart()->buckets();
    QCOMPARE(buckets.constLast(), (Console::MinuteBucket{1, 1})); // retrying counts as an error
    QCOMPARE(buckets.at(59 - 20), (Console::MinuteBucket{3, 1}));
}

void TestOverviewPage::recentEventsKeepOneHour()
{
    const qint64 now = Q_INT64_C(1700000000000);
    Console::RecentEvents recent;
    Bridge::JournalEvent old;
    old.id = 1;
    old.source = u"thehive"_s;
    old.state = u"delivered"_s;
    old.createdAt = now - 61 * 60 * 1000;
    recent.update(old, now);
    QCOMPARE(recent.size(), 0);

    Bridge::JournalEvent fresh = old;
    fresh.id = 2;
    fresh.createdAt = now - 59 * 60 * 1000;
    recent.update(fresh, now);
    QCOMPARE(recent.delivered(u"thehive"_s, now), 1);
    QCOMPARE(recent.delivered(u"slack"_s, now), 0);
    QCOMPARE(recent.buckets(now).constFirst(), (Console::MinuteBucket{1, 0}));

    // A changed state replaces the entry instead of adding one.
    fresh.state = u"failed"_s;
    recent.update(fresh, now);
    QCOMPARE(recent.size(), 1);
    QCOMPARE(recent.delivered(u"thehive"_s, now), 0);
    QCOMPARE(recent.buckets(now).constFirst(), (Console::MinuteBucket{1, 1}));

    // Two minutes later it has left the window.
    const qint64 later = now + 2 * 60 * 1000;
    QCOMPARE(recent.buckets(later), QList<Console::MinuteBucket>(60));
}

void TestOverviewPage::peersShowVersionAndSlackErrors()
{
    HostFixture f;
    // Both auth.test calls of a start fail: the bridge's own and the Overview's.
    f.slack.slackErrorNext(u"/api/auth.test"_s, u"invalid_auth"_s, 2);
    QVERIFY(f.startConfigured());
    Console::OverviewPage page(f.host);
    Console::PeerStatus *peers = page.peers();
    QTRY_COMPARE(peers->hive().state, Console::PeerStatus::State::Ok);
    QCOMPARE(peers->hive().text, u"TheHive 5.2"_s);
    QTRY_COMPARE(peers->slack().state, Console::PeerStatus::State::Error);
    QVERIFY2(peers->slack().text.contains(u"refused the bot token (invalid_auth)"_s),
             qPrintable(peers->slack().text));

    auto *check = page.findChild<QPushButton *>(u"checkNow"_s);
    QVERIFY(check);
    QTRY_VERIFY(check->isEnabled());
    QTest::mouseClick(check, Qt::LeftButton);
    QTRY_COMPARE(peers->slack().state, Console::PeerStatus::State::Ok);
    QVERIFY2(peers->slack().text.startsWith(u"workspace "_s), qPrintable(peers->slack().text));

    // A stopped bridge checks nothing and says so.
    f.host.stop();
    QCOMPARE(peers->slack().state, Console::PeerStatus::State::Unknown);
    QVERIFY(peers->slack().text.contains(u"not running"_s));
}

QTEST_MAIN(TestOverviewPage)
#include "tst_overviewpage.moc"
