#pragma once

#include <QtGlobal>

#include <array>

namespace Bridge {

/// How long something took, counted into Prometheus' cumulative buckets. The bounds suit a
/// bridge whose answers are due within Slack's 3 s: from a millisecond to ten seconds.
class LatencyHistogram
{
public:
    static constexpr std::array<double, 12> BoundsSeconds = {
        0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 3, 10};

    void observeNs(qint64 nanoseconds);
    void observeMs(qint64 milliseconds) { observeNs(milliseconds * 1'000'000); }

    /// Observations at or under BoundsSeconds[i] (cumulative, as Prometheus counts them).
    quint64 countAtMost(std::size_t bound) const;
    quint64 count() const { return m_count; }
    double sumSeconds() const { return double(m_sumNs) / 1e9; }

private:
    std::array<quint64, BoundsSeconds.size()> m_inBucket{}; ///< each bucket alone
    quint64 m_count = 0;
    qint64 m_sumNs = 0;
};

} // namespace Bridge
