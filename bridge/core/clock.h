#pragma once

#include <QtGlobal>

namespace Bridge {

/// Source of wall-clock time, handed to everything that schedules or stamps.
/// Tests pass a manual clock so retries and signature windows are deterministic.
class Clock
{
public:
    virtual ~Clock() = default;
    /// Milliseconds since the Unix epoch.
    virtual qint64 nowMs() const = 0;
    qint64 nowSecs() const { return nowMs() / 1000; }
};

/// The real clock.
class SystemClock final : public Clock
{
public:
    qint64 nowMs() const override;
};

} // namespace Bridge
