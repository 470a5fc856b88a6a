#pragma once

#include "config/bridgeconfig.h"

#include <QTcpServer>

namespace Bridge {

/// The TCP side of HiveSlack's HTTP listener. QtHttpServer 6.4 has no body limit, no
/// timeouts and a backlog of 50 (qt-6.4-notes.md §2), so it is handed this server through
/// QHttpServer::bind(). Each accepted socket gets a guard that:
///  - answers 413 to a request whose Content-Length (or buffered body) exceeds the limit,
///    and 431 to a request head over the header limit, without buffering the rest;
///  - closes a connection whose request does not arrive whole within the request deadline
///    (slow clients) and an idle keep-alive connection after the idle deadline.
/// The guard's readyRead slot is connected before QtHttpServer's, so it sees data first.
class HardenedTcpServer final : public QTcpServer
{
    Q_OBJECT
public:
    explicit HardenedTcpServer(const HttpLimits &limits, QObject *parent = nullptr);

    /// Connections refused or closed by a guard since start, by reason, for /metrics.
    quint64 rejectedTooLarge() const { return m_tooLarge; }
    quint64 closedForTimeout() const { return m_timedOut; }

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    friend class ConnectionGuard;
    HttpLimits m_limits;
    quint64 m_tooLarge = 0;
    quint64 m_timedOut = 0;
};

} // namespace Bridge
