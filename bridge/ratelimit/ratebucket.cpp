#include "ratelimit/ratebucket.h"

#include <algorithm>
#include <cmath>

namespace Bridge {

RateBucket::RateBucket(RateSpec spec)
    : m_intervalMs(60'000.0 / std::max(spec.perMinute, 0.001))
    , m_burst(std::max(spec.burst, 1))
    , m_tokens(m_burst)
{
}

double RateBucket::tokensAt(qint64 ms) const
{
    return std::min(m_burst,
                    m_tokens + double(std::max<qint64>(0, ms - m_filledAtMs)) / m_intervalMs);
}

qint64 RateBucket::readyAt(qint64 nowMs) const
{
    const qint64 from = std::max(nowMs, m_pausedUntilMs);
    const double tokens = tokensAt(from);
    if (tokens >= 1.0)
        return from;
    return from + qint64(std::ceil((1.0 - tokens) * m_intervalMs));
}

void RateBucket::take(qint64 nowMs)
{
    m_tokens = std::max(0.0, tokensAt(nowMs) - 1.0);
    m_filledAtMs = std::max(nowMs, m_filledAtMs);
}

qint64 RateBucket::pauseUntil(qint64 untilMs, qint64 nowMs)
{
    const qint64 added = untilMs - std::max(nowMs, m_pausedUntilMs);
    if (untilMs <= m_pausedUntilMs)
        return 0;
    m_pausedUntilMs = untilMs;
    m_tokens = 1.0;
    m_filledAtMs = untilMs;
    return std::max<qint64>(0, added);
}

} // namespace Bridge
