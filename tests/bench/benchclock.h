#pragma once

#include <QtGlobal>

#include <functional>

namespace Bench {

/// Nanoseconds on one monotonic clock (QElapsedTimer) shared by the whole benchmark, so that a
/// webhook's send time and its card's arrival at the fake Slack are directly comparable.
qint64 nowNs();

/// Milliseconds between two nowNs() readings.
inline double msBetween(qint64 fromNs, qint64 toNs)
{
    return double(toNs - fromNs) / 1e6;
}

/// Runs the event loop (blocking, without spinning) until @p done holds or @p timeoutMs passes.
/// done() is checked after every batch of events; when it polls something that sends no event
/// (e.g. an HTTP status page), give @p pollMs so the loop also wakes that often. Returns done().
bool waitUntil(const std::function<bool()> &done, int timeoutMs, int pollMs = 0);

/// Runs the event loop for @p ms.
void settle(int ms);

} // namespace Bench
