#include "core/clock.h"

#include <QDateTime>

namespace Bridge {

qint64 SystemClock::nowMs() const
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace Bridge
