#include "benchclock.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QTimer>

namespace Bench {

qint64 nowNs()
{
    static const QElapsedTimer clock = [] {
        QElapsedTimer t;
        t.start();
        return t;
    }();
    return clock.nsecsElapsed();
}

bool waitUntil(const std::function<bool()> &done, int timeoutMs, int pollMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    // The timer only wakes the blocking wait below: at the deadline, or every pollMs.
    QTimer wake;
    wake.setSingleShot(pollMs <= 0);
    wake.start(pollMs > 0 ? qMin(pollMs, timeoutMs) : timeoutMs);
    while (!done()) {
        if (deadline.hasExpired())
            return done();
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    }
    return true;
}

void settle(int ms)
{
    waitUntil([] { return false; }, ms);
}

} // namespace Bench
