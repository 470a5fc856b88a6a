// Scenarios "burst" and "storm": the fake Slack enforces Slack's rate limits in real time
// (tests/support/slackratelimiter.h: chat.postMessage one a second per channel with bursts of
// three, chat.update Tier 3, 50 a minute with bursts of ten) and answers 429 + Retry-After
// beyond them, as Slack does. "burst": N new cases for one channel at once → every card posted
// once, none failed, and when the last one arrived compared with the earliest Slack allows.
// "storm": 30 cards, then ten changes to each in TheHive with their webhooks → when every card
// shows its case's last state, and how many chat.update calls that took.
#include "scenarios.h"

#include "benchclock.h"
#include "httpconnection.h"
#include "slackratelimiter.h"

#include <QHash>
#include <QJsonDocument>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace Bench {

namespace {

/// Cards (top-level messages) in the bench channel, by case number, counted.
QHash<int, int> cardsByNumber(Rig &rig)
{
    QHash<int, int> cards;
    for (const auto &m : rig.slack().messages(QLatin1String(BridgeProcess::Channel))) {
        if (!m.threadTs.isEmpty() || !m.text.startsWith(u'#'))
            continue;
        ++cards[m.text.mid(1, m.text.indexOf(u' ') - 1).toInt()];
    }
    return cards;
}

/// Sends every request through `inflight` connections; false if they cannot be opened.
bool sendAll(Rig &rig, const QList<QByteArray> &requests, int inflight, int *answered)
{
    auto pool = new HttpPool(rig.port(), inflight, &rig);
    if (!pool->openAll(5000))
        return false;
    for (const QByteArray &request : requests)
        pool->send(request, [answered](const HttpReply &) { ++*answered; });
    return true;
}

int failedEvents(Rig &rig)
{
    return rig.bridge().health().value(u"journal").toObject().value(u"failed").toInt(-1);
}

/// The options with the bridge pacing itself to Slack's real limits.
Options atSlacksPace(Options options)
{
    options.slackRateFactor = 1;
    return options;
}

} // namespace

bool runBurst(const Options &options, Summary &summary)
{
    const int count = options.events > 0 ? options.events : 40;
    std::unique_ptr<Rig> rig = startRig(atSlacksPace(options), "burst");
    if (!rig)
        return false;
    const TestSupport::SlackRateLimiter::Limits slackLimits;
    rig->slack().emulateRateLimits(slackLimits);
    qint64 lastCardNs = 0;
    QObject::connect(&rig->slack(), &TestSupport::FakeHttpServer::requestAnswered, rig.get(),
                     [&](const TestSupport::RecordedRequest &r, int status) {
                         if (status == 200 && r.path == u"/api/chat.postMessage")
                             lastCardNs = nowNs();
                     });
    QList<QByteArray> requests;
    for (int i = 0; i < count; ++i)
        requests.append(rig->createWebhook(i).request);
    int answered = 0;
    const qint64 startNs = nowNs();
    if (!sendAll(*rig, requests, options.inflight, &answered))
        return false;
    const int burst = int(slackLimits.postsPerChannel.burst);
    const double slackMinimumS = std::max(0, count - burst) / slackLimits.postsPerChannel.perSecond;
    std::printf("[burst] %d new cases for one channel; Slack allows the last card after %.0f s\n",
                count, slackMinimumS);
    std::fflush(stdout);
    const bool allPosted = waitUntil([&] { return cardsByNumber(*rig).size() >= count; },
                                     int(slackMinimumS * 2000) + 60'000, 200);
    settle(2000); // a card posted twice would arrive now
    const QHash<int, int> cards = cardsByNumber(*rig);
    const int twice = int(std::count_if(cards.begin(), cards.end(), [](int n) { return n > 1; }));
    const int failed = failedEvents(*rig);
    const double lastS = msBetween(startNs, lastCardNs) / 1000.0;
    std::printf("[burst] %lld of %d cards posted, %d more than once, %d events failed; last card "
                "after %.1f s (%.2fx Slack's minimum); Slack answered 429 %d times\n",
                qint64(cards.size()), count, twice, failed, lastS,
                slackMinimumS > 0 ? lastS / slackMinimumS : 0, rig->slack().rateLimitedCount());
    std::fflush(stdout);

    const QString n = QString::number(count);
    summary.add(Metric::atMost(u"burst%1_missing"_s.arg(n), u"burst of %1: cards missing"_s.arg(n),
                               double(count - cards.size()), 0, {}, 0));
    summary.add(Metric::atMost(u"burst%1_twice"_s.arg(n),
                               u"burst of %1: cards posted twice"_s.arg(n), double(twice), 0, {},
                               0));
    summary.add(Metric::atMost(u"burst%1_failed"_s.arg(n), u"burst of %1: events failed"_s.arg(n),
                               failed >= 0 ? std::optional<double>(failed) : std::nullopt, 0, {},
                               0));
    summary.add(Metric::atMost(
        u"burst%1_vs_slack_limit"_s.arg(n),
        u"burst of %1: last card / Slack's minimum (%2 s)"_s.arg(n).arg(slackMinimumS),
        allPosted && slackMinimumS > 0 ? std::optional<double>(lastS / slackMinimumS)
                                       : std::nullopt,
        1.1, {}, 2));
    summary.add(Metric::info(u"burst%1_429s"_s.arg(n), u"burst of %1: Slack's 429s"_s.arg(n),
                             double(rig->slack().rateLimitedCount()), 0));
    return true;
}

bool runStorm(const Options &options, Summary &summary)
{
    constexpr int Cards = 30;
    constexpr int ChangesPerCard = 10;
    std::unique_ptr<Rig> rig = startRig(atSlacksPace(options), "storm");
    if (!rig)
        return false;
    const TestSupport::SlackRateLimiter::Limits slackLimits;
    rig->slack().emulateRateLimits(slackLimits);

    QList<Rig::Webhook> created;
    QList<QByteArray> requests;
    for (int i = 0; i < Cards; ++i) {
        created.append(rig->createWebhook(i));
        requests.append(created.last().request);
    }
    int answered = 0;
    if (!sendAll(*rig, requests, options.inflight, &answered))
        return false;
    std::printf("[storm] posting %d cards first (one channel: about %d s)\n", Cards, Cards);
    std::fflush(stdout);
    if (!waitUntil([&] { return cardsByNumber(*rig).size() >= Cards; }, 120'000, 200)) {
        std::fprintf(stderr, "[storm] the %d cards did not arrive\n", Cards);
        return false;
    }
    settle(1000);

    int updates = 0;
    QObject::connect(&rig->slack(), &TestSupport::FakeHttpServer::requestAnswered, rig.get(),
                     [&](const TestSupport::RecordedRequest &r, int status) {
                         if (status == 200 && r.path == u"/api/chat.update")
                             ++updates;
                     });
    const int refusedBefore = rig->slack().rateLimitedCount();
    // Ten rounds of changes, each case's webhook sent right after its change (TheHive's way).
    requests.clear();
    const qint64 startNs = nowNs();
    for (int round = 1; round <= ChangesPerCard; ++round) {
        for (const Rig::Webhook &c : std::as_const(created)) {
            rig->hive().setCaseField(c.caseId, u"title"_s,
                                     u"Storm case %1 after change %2"_s.arg(c.number).arg(round));
            requests.append(rig->webhookRequest(
                rig->hive().webhookFor(u"update"_s, c.caseId, {{u"title"_s, u"changed"_s}})));
        }
    }
    answered = 0;
    if (!sendAll(*rig, requests, options.inflight, &answered))
        return false;
    const QString last = u"after change %1"_s.arg(ChangesPerCard);
    const auto allRight = [&] {
        int right = 0;
        for (const auto &m : rig->slack().messages(QLatin1String(BridgeProcess::Channel)))
            if (m.threadTs.isEmpty() && m.text.contains(last))
                ++right;
        return right == Cards;
    };
    const bool converged = waitUntil(allRight, 600'000, 100);
    const double tookS = msBetween(startNs, nowNs()) / 1000.0;
    settle(2000);
    const int failed = failedEvents(*rig);
    // The fewest chat.update calls is one per card; Slack's Tier 3 lets them through after:
    const double slackMinimumS =
        std::max(0.0, Cards - slackLimits.tier3.burst) / slackLimits.tier3.perSecond;
    std::printf("[storm] %d changes on %d cards: every card right after %.1f s with %d "
                "chat.update calls (Slack's minimum for %d updates: %.0f s); %d events failed; "
                "Slack answered 429 %d times\n",
                Cards * ChangesPerCard, Cards, tookS, updates, Cards, slackMinimumS, failed,
                rig->slack().rateLimitedCount() - refusedBefore);
    std::fflush(stdout);
    summary.add(Metric::info(u"storm_all_right_s"_s, u"storm: s until all 30 cards right"_s,
                             converged ? std::optional<double>(tookS) : std::nullopt, 1));
    summary.add(Metric::info(u"storm_updates"_s, u"storm: chat.update calls for 300 changes"_s,
                             double(updates), 0));
    summary.add(Metric::atMost(u"storm_failed"_s, u"storm: events failed"_s,
                               failed >= 0 ? std::optional<double>(failed) : std::nullopt, 0, {},
                               0));
    return true;
}

} // namespace Bench
