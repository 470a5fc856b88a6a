#pragma once

#include "clients/restclient.h"

namespace Bridge {

/// Calls to one peer (TheHive or Slack) that failed for want of the peer, for /healthz and
/// /metrics: no HTTP answer (refused, reset, timed out) or a 5xx. Any other answer, a 4xx
/// too, shows the peer is there and ends the outage.
class PeerOutages
{
public:
    void record(const RestReply &reply);
    /// Such failures since the bridge started.
    quint64 failures() const { return m_failures; }
    /// Why the last call failed, while it was an outage; empty otherwise.
    QString current() const { return m_current; }

private:
    quint64 m_failures = 0;
    QString m_current;
};

} // namespace Bridge
