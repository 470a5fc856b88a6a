#include "clients/peeroutages.h"

namespace Bridge {

void PeerOutages::record(const RestReply &reply)
{
    if (reply.answered() && reply.httpStatus < 500) {
        m_current.clear();
        return;
    }
    ++m_failures;
    m_current =
        reply.answered() ? QStringLiteral("HTTP %1").arg(reply.httpStatus) : reply.networkError;
}

} // namespace Bridge
