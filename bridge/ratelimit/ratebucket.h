#pragma once

#include <QtGlobal>

namespace Bridge {

/// How fast one kind of call may go: `perMinute` on average, up to `burst` at once.
struct RateSpec
{
    double perMinute = 60;
    int burst = 1;
    friend bool operator==(const RateSpec &, const RateSpec &) = default;
};

/// A token bucket that can also be paused (Slack's 429 says "nothing until Retry-After").
/// Times are milliseconds on one clock, passed in, so the arithmetic is plain and testable.
class RateBucket
{
public:
    RateBucket() = default;
    explicit RateBucket(RateSpec spec);

    /// The earliest time (>= nowMs) a call may go.
    qint64 readyAt(qint64 nowMs) const;
    /// One call goes now; only after readyAt(nowMs) <= nowMs.
    void take(qint64 nowMs);
    /// Nothing goes before `untilMs`; then one call, and the rest at the bucket's pace (no
    /// burst right after a 429: Slack's own bucket is empty too). Returns how many ms this
    /// added to a pause already running.
    qint64 pauseUntil(qint64 untilMs, qint64 nowMs);

private:
    double tokensAt(qint64 ms) const;

    double m_intervalMs = 1000;
    double m_burst = 1;
    double m_tokens = 1;
    qint64 m_filledAtMs = 0; ///< when m_tokens was last brought up to date
    qint64 m_pausedUntilMs = 0;
};

} // namespace Bridge
