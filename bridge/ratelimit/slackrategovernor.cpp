#include "ratelimit/slackrategovernor.h"

#include "core/logging.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace Bridge {

namespace {

/// Slack's "not now": HTTP 429 with Retry-After, or (rarely) ok:false "ratelimited".
std::optional<int> rateLimitOf(const RestReply &reply)
{
    if (reply.httpStatus == 429)
        return std::max(1, reply.retryAfterSecs.value_or(1));
    if (reply.httpStatus != 200 || !reply.body.contains("rate"))
        return std::nullopt;
    const QString error = QJsonDocument::fromJson(reply.body).object().value(u"error").toString();
    if (error == u"ratelimited" || error == u"rate_limited")
        return std::max(1, reply.retryAfterSecs.value_or(1));
    return std::nullopt;
}

} // namespace

SlackRateGovernor::SlackRateGovernor(RestClient &rest, SlackRateLimits limits, QObject *parent)
    : QObject(parent)
    , m_rest(rest)
    , m_limits(limits)
    , m_workspacePosts(limits.postsPerWorkspace)
{
    m_clock.start();
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &SlackRateGovernor::pump);
}

SlackRateGovernor::Lane &SlackRateGovernor::laneFor(const QString &method, const QString &channel)
{
    const bool perChannel = SlackRateLimits::isPerChannel(method);
    const QString key = perChannel ? method + u'/' + channel : method;
    auto it = m_lanes.find(key);
    if (it == m_lanes.end()) {
        Lane lane;
        lane.bucket =
            RateBucket(perChannel ? m_limits.postsPerChannel : m_limits.forMethod(method));
        lane.sharesWorkspacePosts = perChannel;
        lane.maxInFlight = perChannel ? m_limits.postsPerChannel.burst : 0;
        it = m_lanes.emplace(key, std::move(lane)).first;
    }
    return it->second;
}

void SlackRateGovernor::send(const QString &method, const QString &channel, RestRequest request,
                             std::function<void(const RestReply &)> answer)
{
    laneFor(method, channel)
        .queue.push_back({m_nextSeq++, channel, std::move(request), std::move(answer)});
    schedulePump();
}

void SlackRateGovernor::schedulePump()
{
    // Queued, not direct: send() may be called from inside an answer, and pump() must never
    // run inside itself.
    if (m_pumpQueued)
        return;
    m_pumpQueued = true;
    QTimer::singleShot(0, this, [this] {
        m_pumpQueued = false;
        pump();
    });
}

void SlackRateGovernor::pump()
{
    const qint64 now = m_clock.elapsed();
    std::optional<qint64> nextReady;
    for (auto &[key, lane] : m_lanes) {
        while (!lane.queue.empty() &&
               !(lane.maxInFlight > 0 && lane.inFlight >= lane.maxInFlight)) {
            qint64 ready = lane.bucket.readyAt(now);
            if (lane.sharesWorkspacePosts)
                ready = std::max(ready, m_workspacePosts.readyAt(now));
            if (ready > now) {
                nextReady = std::min(nextReady.value_or(ready), ready);
                break;
            }
            lane.bucket.take(now);
            if (lane.sharesWorkspacePosts)
                m_workspacePosts.take(now);
            Call call = std::move(lane.queue.front());
            lane.queue.pop_front();
            dispatch(key, std::move(call));
        }
    }
    if (nextReady)
        m_timer.start(int(std::min<qint64>(*nextReady - now, 60'000)));
    else
        m_timer.stop();
}

void SlackRateGovernor::dispatch(const QString &laneKey, Call call)
{
    const RestRequest request = call.request;
    ++m_lanes[laneKey].inFlight;
    m_rest.send(request, [this, laneKey, call = std::move(call)](const RestReply &reply) mutable {
        --m_lanes[laneKey].inFlight;
        if (const std::optional<int> retryAfter = rateLimitOf(reply))
            return requeue(laneKey, std::move(call), *retryAfter);
        schedulePump(); // the lane may have been waiting for this answer
        call.answer(reply);
    });
}

void SlackRateGovernor::requeue(const QString &laneKey, Call call, int retryAfterSecs)
{
    const qint64 now = m_clock.elapsed();
    Lane &lane = m_lanes[laneKey];
    ++m_stats.rateLimited;
    m_stats.pausedMs += lane.bucket.pauseUntil(now + qint64(retryAfterSecs) * 1000, now);
    qCInfo(lcSlack) << laneKey << "rate limited by Slack: pausing" << retryAfterSecs << "s";
    const auto place = std::find_if(lane.queue.begin(), lane.queue.end(),
                                    [&](const Call &queued) { return queued.seq > call.seq; });
    lane.queue.insert(place, std::move(call));
    schedulePump();
}

SlackRateGovernor::Stats SlackRateGovernor::stats() const
{
    Stats stats = m_stats;
    for (const auto &[key, lane] : m_lanes) {
        for (const Call &call : lane.queue)
            if (!call.channel.isEmpty())
                ++stats.queuedByChannel[call.channel];
    }
    return stats;
}

} // namespace Bridge
