// Slack's rate limits, end to end: the fake Slack refuses calls over its limits as Slack does
// (429 + Retry-After, tests/support/slackratelimiter.h), the bridge paces itself to them. Time
// runs ten times faster than Slack's on both sides, so a burst of 40 cases takes seconds.
#include "bridgeharness.h"

#include <QTest>

using namespace TestSupport;
using namespace Qt::StringLiterals;

namespace {

constexpr double Speed = 10;
constexpr char OtherChannel[] = "C0HIVE02";

/// A harness whose bridge keeps Slack's limits and whose fake Slack enforces `fakeLimits`,
/// both `Speed` times faster.
std::unique_ptr<BridgeHarness> pacedHarness(SlackRateLimiter::Limits fakeLimits = {})
{
    auto h = std::make_unique<BridgeHarness>();
    h->slack.emulateRateLimits(fakeLimits.faster(Speed));
    h->config.slackRateLimits = Bridge::SlackRateLimits().faster(Speed);
    h->slack.addChannel(QLatin1String(OtherChannel), u"soc-phishing"_s);
    Bridge::RouteRule phishing;
    phishing.name = u"phishing"_s;
    phishing.tags = {u"phishing"_s};
    phishing.channel = QLatin1String(OtherChannel);
    h->config.routes = {phishing};
    return h;
}

QString createCase(BridgeHarness &h, const QString &title, const QJsonArray &tags = {})
{
    const QString id =
        h.hive.addCase({{u"title"_s, title}, {u"tags"_s, tags}}).value(u"_id").toString();
    if (h.postWebhook(h.hive.webhookFor(u"create"_s, id)).status != 202)
        qFatal("webhook refused");
    return id;
}

bool allSettled(BridgeHarness &h, int timeoutMs)
{
    return BridgeHarness::waitFor([&] { return h.journal().counts().pending == 0; }, timeoutMs);
}

} // namespace

class TestSlackPacing : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aBurstForOneChannelIsPostedWholeOnceAndNeverFails()
    {
        auto h = pacedHarness();
        h->start();
        for (int i = 0; i < 40; ++i)
            createCase(*h, u"burst case %1."_s.arg(i, 2, 10, QChar(u'0')));
        QVERIFY(allSettled(*h, 30'000));
        const Bridge::Counts counts = h->journal().counts();
        QCOMPARE(counts.failed, 0);
        QCOMPARE(counts.delivered, 40);
        QCOMPARE(h->cards().size(), 40);
        for (int i = 0; i < 40; ++i) {
            const QString title = u"burst case %1."_s.arg(i, 2, 10, QChar(u'0'));
            QCOMPARE(h->cardsShowing(title), 1);
        }
        // Paced to Slack's limits: Slack hardly had to say no (a call that took longer to
        // arrive than the next can still meet a 429; unpaced, a burst meets hundreds), and no
        // event lost an attempt.
        QVERIFY2(h->slack.rateLimitedCount() <= 3,
                 qPrintable(QString::number(h->slack.rateLimitedCount())));
        for (const Bridge::JournalEvent &e : h->journal().events({}))
            QCOMPARE(e.attempts, 0);
    }

    void aStricterSlackPausesTheWholeChannelAndNothingFails()
    {
        // Slack tolerates no burst here and half the pace the bridge expects: it answers 429.
        SlackRateLimiter::Limits strict;
        strict.postsPerChannel = {0.5, 1};
        auto h = pacedHarness(strict);
        QList<qint64> refusedAt, postedAt; // postMessage arrivals, by answer
        QObject::connect(&h->slack, &FakeHttpServer::requestAnswered, &h->slack,
                         [&](const RecordedRequest &r, int status) {
                             if (r.path != u"/api/chat.postMessage")
                                 return;
                             (status == 429 ? refusedAt : postedAt).append(r.receivedAtMs);
                         });
        h->start();
        for (int i = 0; i < 8; ++i)
            createCase(*h, u"strict case %1."_s.arg(i));
        QVERIFY(allSettled(*h, 30'000));
        QCOMPARE(h->journal().counts().failed, 0);
        QCOMPARE(h->cards().size(), 8);
        QVERIFY2(!refusedAt.isEmpty(), "the fake Slack was not stricter than the bridge");
        // A 429 is no failed attempt: the governor waits, delivery never sees it.
        for (const Bridge::JournalEvent &e : h->journal().events({}))
            QCOMPARE(e.attempts, 0);
        // Each 429 paused the channel: once the bridge had it, nothing reached Slack until its
        // Retry-After (1 s) was over, so the calls behind it did not hit the limit too. (Calls
        // already on their way, at most the channel's burst, arrive right after it.)
        for (const qint64 refused : refusedAt) {
            for (const qint64 next : postedAt + refusedAt) {
                const qint64 after = next - refused;
                if (after > 100)
                    QVERIFY2(after >= 950, qPrintable(u"a call %1 ms after a 429"_s.arg(after)));
            }
        }
        const HttpAnswer metrics = h->get(u"/metrics"_s);
        const QByteArray expected =
            "hiveslack_slack_rate_limited_total " + QByteArray::number(refusedAt.size()) + '\n';
        QVERIFY(metrics.body.contains(expected));
        QVERIFY(!metrics.body.contains("hiveslack_slack_paused_seconds_total 0.000"));
    }

    void aBurstInOneChannelDoesNotHoldUpAnother()
    {
        auto h = pacedHarness();
        h->start();
        for (int i = 0; i < 20; ++i)
            createCase(*h, u"flood %1."_s.arg(i, 2, 10, QChar(u'0')));
        createCase(*h, u"the phishing case"_s, {u"phishing"_s});
        QVERIFY(BridgeHarness::waitFor(
            [&] { return h->cardsShowing(u"the phishing case"_s, QLatin1String(OtherChannel)); },
            5000));
        // Posted while most of the flood still waits for its channel's turn.
        QVERIFY2(h->cards().size() < 10, qPrintable(QString::number(h->cards().size())));
        QVERIFY(allSettled(*h, 30'000));
        QCOMPARE(h->cards().size(), 20);
    }

    void aStormOfChangesToOneCaseRedrawsItOnce()
    {
        auto h = pacedHarness();
        h->start();
        const QString id = createCase(*h, u"storm case"_s);
        QVERIFY(allSettled(*h, 5000));
        // Ten changes land in TheHive, then their ten webhooks arrive.
        for (int severity = 1; severity <= 10; ++severity)
            QVERIFY(h->hive.setCaseField(id, u"title"_s, u"storm case v%1"_s.arg(severity)));
        for (int i = 0; i < 10; ++i)
            QCOMPARE(
                h->postWebhook(h->hive.webhookFor(u"update"_s, id, {{u"title"_s, u"storm case"_s}}))
                    .status,
                202);
        QVERIFY(allSettled(*h, 10'000));
        QCOMPARE(h->journal().counts().failed, 0);
        // The first webhook read the case as it is now; the other nine found the card showing
        // it already.
        QCOMPARE(h->slack.requests(u"/api/chat.update"_s).size(), 1);
        QCOMPARE(h->cardsShowing(u"storm case v10"_s), 1);
        QCOMPARE(h->journal().counts().ignored, 9);
    }
};

QTEST_GUILESS_MAIN(TestSlackPacing)
#include "tst_slackpacing.moc"
