#pragma once

#include "core/clock.h"

namespace TestSupport {

/// A clock that only moves when the test says so.
class ManualClock final : public Bridge::Clock
{
public:
    /// Starts at 2023-11-14T22:13:20Z unless told otherwise.
    explicit ManualClock(qint64 startMs = Q_INT64_C(1700000000000))
        : m_nowMs(startMs)
    {
    }

    qint64 nowMs() const override { return m_nowMs; }
    void setNowMs(qint64 ms) { m_nowMs = ms; }
    void advanceMs(qint64 ms) { m_nowMs += ms; }

private:
    qint64 m_nowMs;
};

} // namespace TestSupport
