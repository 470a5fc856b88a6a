#include "metrics/latencyhistogram.h"

#include <algorithm>

namespace Bridge {

void LatencyHistogram::observeNs(qint64 nanoseconds)
{
    if (nanoseconds < 0)
        return;
    const double seconds = double(nanoseconds) / 1e9;
    const auto bound = std::lower_bound(m_bounds->begin(), m_bounds->end(), seconds);
    if (bound != m_bounds->end())
        ++m_inBucket[std::size_t(bound - m_bounds->begin())];
    ++m_count;
    m_sumSeconds += seconds;
}

quint64 LatencyHistogram::countAtMost(std::size_t bound) const
{
    quint64 total = 0;
    for (std::size_t i = 0; i <= bound && i < m_inBucket.size(); ++i)
        total += m_inBucket[i];
    return total;
}

} // namespace Bridge
