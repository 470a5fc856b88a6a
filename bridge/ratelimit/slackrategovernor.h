#pragma once

#include "clients/restclient.h"
#include "ratelimit/slackratelimits.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QTimer>

#include <deque>
#include <map>

namespace Bridge {

/// Paces every Slack Web API call to Slack's limits, so a burst waits its turn instead of
/// failing: one lane per method (one per channel for chat.postMessage, which also shares a
/// workspace-wide budget), each a RateBucket with a queue. A 429 pauses the whole lane for
/// Retry-After and puts the call back at its place in the queue: the caller never sees it,
/// and the calls behind it wait instead of hitting the limit too. Calls in different lanes
/// never wait for each other (an ephemeral answer does not queue behind card redraws).
/// Pacing runs on the monotonic clock the event loop's timers use, not the wall clock.
class SlackRateGovernor final : public QObject
{
    Q_OBJECT
public:
    struct Stats
    {
        quint64 rateLimited = 0;             ///< 429 answers (and ok:false "ratelimited") so far
        qint64 pausedMs = 0;                 ///< lane time spent paused by them, all lanes summed
        QHash<QString, int> queuedByChannel; ///< calls waiting, by channel (only non-empty)
    };

    SlackRateGovernor(RestClient &rest, SlackRateLimits limits, QObject *parent = nullptr);

    /// Sends `request` when `method`'s lane (for `channel`, when it has one) allows; `answer`
    /// gets the first reply that is not a rate-limit refusal.
    void send(const QString &method, const QString &channel, RestRequest request,
              std::function<void(const RestReply &)> answer);
    Stats stats() const;

private:
    struct Call
    {
        quint64 seq = 0; ///< arrival order: a call put back after a 429 keeps its place
        QString channel;
        RestRequest request;
        std::function<void(const RestReply &)> answer;
    };
    struct Lane
    {
        RateBucket bucket;
        bool sharesWorkspacePosts = false;
        /// A channel's posts never have more on the way than its burst: Slack counts them as
        /// they arrive, and after a 429 only those already sent can still meet it. 0: no cap.
        int maxInFlight = 0;
        int inFlight = 0;
        std::deque<Call> queue;
    };

    Lane &laneFor(const QString &method, const QString &channel);
    void schedulePump();
    void pump();
    void dispatch(const QString &laneKey, Call call);
    void requeue(const QString &laneKey, Call call, int retryAfterSecs);

    RestClient &m_rest;
    QElapsedTimer m_clock;
    SlackRateLimits m_limits;
    std::map<QString, Lane> m_lanes;
    RateBucket m_workspacePosts;
    QTimer m_timer;
    quint64 m_nextSeq = 0;
    bool m_pumpQueued = false;
    Stats m_stats;
};

} // namespace Bridge
