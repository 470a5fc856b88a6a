#include "journal/retrypolicy.h"

#include <QRandomGenerator>

#include <algorithm>
#include <cmath>

namespace Bridge {

namespace {

double uniform(const std::function<double()> &random01)
{
    const double r = random01 ? random01() : QRandomGenerator::global()->generateDouble();
    // Out-of-range sources must not turn jitter into a negative or runaway delay.
    return std::isfinite(r) ? std::clamp(r, 0.0, 1.0) : 0.5;
}

qint64 exponentialMs(const RetryPolicy &policy, int attempt)
{
    const qint64 base = std::max<qint64>(policy.baseMs, 0);
    const qint64 cap = std::max<qint64>(policy.capMs, 0);
    const int shift = std::max(attempt, 1) - 1;
    if (base == 0)
        return 0;
    // Compare before shifting so large attempt numbers cannot overflow.
    if (shift >= 62 || base > (cap >> shift))
        return cap;
    return base << shift;
}

} // namespace

qint64 retryDelayMs(const RetryPolicy &policy, int attempt, std::optional<int> retryAfterSecs,
                    const std::function<double()> &random01)
{
    const double jitter = std::clamp(policy.jitter, 0.0, 1.0);
    const double r = uniform(random01);
    if (retryAfterSecs && *retryAfterSecs > 0) {
        const double serverMs = double(*retryAfterSecs) * 1000.0;
        return qint64(std::ceil(serverMs * (1.0 + jitter * r)));
    }
    const double delay = double(exponentialMs(policy, attempt)) * (1.0 + jitter * (2.0 * r - 1.0));
    return std::max<qint64>(0, qint64(std::llround(delay)));
}

bool shouldGiveUp(const RetryPolicy &policy, int attempts)
{
    return policy.maxAttempts > 0 && attempts >= policy.maxAttempts;
}

std::optional<qint64> retryWindowMs(const RetryPolicy &policy)
{
    if (policy.maxAttempts <= 0)
        return std::nullopt;
    qint64 window = 0;
    for (int attempt = 1; attempt < policy.maxAttempts; ++attempt)
        window += exponentialMs(policy, attempt);
    return window;
}

} // namespace Bridge
