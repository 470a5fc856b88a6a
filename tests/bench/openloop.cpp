#include "openloop.h"

#include "benchclock.h"

#include <cmath>

namespace Bench {

OpenLoop::OpenLoop(int count, double ratePerSecond, Send send, QObject *parent)
    : QObject(parent)
    , m_count(count)
    , m_intervalNs(1e9 / ratePerSecond)
    , m_send(std::move(send))
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &OpenLoop::tick);
}

void OpenLoop::start()
{
    m_startNs = nowNs();
    m_next = 0;
    tick();
}

qint64 OpenLoop::dueNs(int i) const
{
    return m_startNs + qint64(std::llround(double(i) * m_intervalNs));
}

void OpenLoop::tick()
{
    qint64 now = nowNs();
    while (m_next < m_count && dueNs(m_next) <= now) {
        m_maxLagNs = qMax(m_maxLagNs, now - dueNs(m_next));
        m_send(m_next++, now);
        now = nowNs();
    }
    if (m_next < m_count)
        m_timer.start(int((dueNs(m_next) - now + 999'999) / 1'000'000));
}

} // namespace Bench
