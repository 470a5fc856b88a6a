#pragma once

#include <QtGlobal>

#include <array>

namespace Bridge {

/// How long something took, counted into Prometheus' cumulative buckets (12 bounds, then +Inf).
class LatencyHistogram
{
public:
    using Bounds = std::array<double, 12>;
    /// For answers due within Slack's 3 s: a millisecond to ten seconds.
    static constexpr Bounds AnswerSeconds = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                             0.1,   0.25,   0.5,   1,    3,     10};
    /// For deliveries, which may wait for Slack's pace or for retries: to an hour.
    static constexpr Bounds DeliverySeconds = {0.01, 0.05, 0.1, 0.25, 0.5, 1,
                                               3,    10,   30,  120,  600, 3600};

    explicit LatencyHistogram(const Bounds &bounds = AnswerSeconds)
        : m_bounds(&bounds)
    {
    }

    /// A negative duration (a wall clock stepped back) is not counted.
    void observeNs(qint64 nanoseconds);
    void observeMs(qint64 milliseconds) { observeNs(milliseconds * 1'000'000); }

    const Bounds &bounds() const { return *m_bounds; }
    /// Observations at or under bounds()[i] (cumulative, as Prometheus counts them).
    quint64 countAtMost(std::size_t bound) const;
    quint64 count() const { return m_count; }
    double sumSeconds() const { return m_sumSeconds; }

private:
    const Bounds *m_bounds;
    std::array<quint64, std::tuple_size_v<Bounds>> m_inBucket{}; ///< each bucket alone
    quint64 m_count = 0;
    double m_sumSeconds = 0;
};

} // namespace Bridge
