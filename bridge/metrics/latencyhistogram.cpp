#include "metrics/latencyhistogram.h"

#include <algorithm>

namespace Bridge {

void LatencyHistogram::observeNs(qint64 nanoseconds)
{
    nanoseconds = std::max<qint64>(nanoseconds, 0);
    const double seconds = double(nanoseconds) / 1e9;
    const auto bound = std::lower_bound(BoundsSeconds.begin(), BoundsSeconds.end(), seconds);
    if (bound != BoundsSeconds.end())
        ++m_inBucket[std::size_t(bound - BoundsSeconds.begin())];
    ++m_count;
    m_sumNs += nanoseconds;
}

quint64 LatencyHistogram::countAtMost(std::size_t bound) const
{
    quint64 total = 0;
    for (std::size_t i = 0; i <= bound && i < m_inBucket.size(); ++i)
        total += m_inBucket[i];
    return total;
}

} // namespace Bridge
