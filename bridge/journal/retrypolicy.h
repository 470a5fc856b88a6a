#pragma once

#include <QtGlobal>

#include <functional>
#include <optional>

namespace Bridge {

/// How often and how long delivery of one journal event is retried.
struct RetryPolicy
{
    qint64 baseMs = 1000;         ///< delay after the first failed attempt
    qint64 capMs = 5 * 60 * 1000; ///< longest exponential delay (before jitter)
    double jitter = 0.2;          ///< ± fraction applied to the exponential delay
    int maxAttempts = 12;         ///< give up after this many failed attempts; <= 0: never
};

/// Delay before the next attempt, in milliseconds.
///
/// @param attempt        1-based number of the attempt that just failed.
/// @param retryAfterSecs a server's Retry-After (e.g. Slack's 429). When positive it replaces the
///                       backoff: the delay is at least that long, jitter only adds to it (so a
///                       burst of rate-limited events does not come back at the same instant).
/// @param random01       source of uniform numbers in [0, 1]; empty uses
/// QRandomGenerator::global().
///
/// Without Retry-After: baseMs * 2^(attempt-1), capped at capMs, then scaled by a factor in
/// [1 - jitter, 1 + jitter]. Never negative.
qint64 retryDelayMs(const RetryPolicy &policy, int attempt, std::optional<int> retryAfterSecs,
                    const std::function<double()> &random01 = {});

/// True when an event that has failed `attempts` times must be marked failed instead of retried.
bool shouldGiveUp(const RetryPolicy &policy, int attempts);

/// How long an event keeps being retried after its first failed attempt before it is given up
/// (the backoff delays without jitter, summed); nullopt when the policy never gives up.
std::optional<qint64> retryWindowMs(const RetryPolicy &policy);

} // namespace Bridge
