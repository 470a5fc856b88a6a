#pragma once

#include <QHash>
#include <QString>

namespace TestSupport {

/// Slack's Web API rate limits as the fake enforces them (docs.slack.dev/apis/web-api/
/// rate-limits): a budget per method by tier, and for chat.postMessage about one message per
/// second per channel, with short bursts, under a workspace-wide ceiling. Slack publishes the
/// rates but not its bursts; the bursts here are this emulation's assumption. Each budget is a
/// token bucket; a call over it is refused with the seconds until it would fit (Retry-After).
class SlackRateLimiter
{
public:
    struct Budget
    {
        double perSecond = 1;
        double burst = 1;
    };
    struct Limits
    {
        Budget tier1{1.0 / 60, 1};
        Budget tier2{20.0 / 60, 5};
        Budget tier3{50.0 / 60, 10};
        Budget tier4{100.0 / 60, 20};
        Budget postsPerChannel{1, 3};
        Budget postsPerWorkspace{5, 30};

        /// The same limits with time running `factor` times faster (for quick tests).
        Limits faster(double factor) const;
    };

    explicit SlackRateLimiter(Limits limits);

    /// 0 when a call of `method` (in `channel`, for chat.postMessage) arriving at `nowMs` is
    /// within the limits, and counts it; otherwise Retry-After in whole seconds (at least 1).
    int admit(const QString &method, const QString &channel, qint64 nowMs);

private:
    struct Bucket
    {
        Budget budget;
        double tokens = 0;
        qint64 atMs = 0;
        bool started = false;
    };
    Budget tierOf(const QString &method) const;
    /// Brings `bucket` to `nowMs`; the ms until it holds one token (0: it does now).
    static qint64 waitMs(Bucket &bucket, qint64 nowMs);

    Limits m_limits;
    QHash<QString, Bucket> m_buckets;
};

} // namespace TestSupport
