#pragma once

#include "config/bridgeconfig.h"

#include <QHttpServer>
#include <QHttpServerResponse>
#include <QObject>

namespace Bridge {

class HardenedTcpServer;

/// QHttpServer bound to a HardenedTcpServer, plus the few request/response helpers that
/// differ between Qt 6.4 and later (headers became QHttpHeaders in 6.8). Routes are
/// registered by the owner on server(); every route answers synchronously.
class HttpListener final : public QObject
{
    Q_OBJECT
public:
    explicit HttpListener(const HttpLimits &limits, QObject *parent = nullptr);

    /// Binds and listens; on failure returns false and says why in *error.
    bool listen(const QHostAddress &address, quint16 port, QString *error);
    quint16 port() const;
    bool isListening() const;
    QHttpServer &server() { return m_server; }
    const HardenedTcpServer *tcpServer() const { return m_tcp; }

    /// Header value, case-insensitive; duplicated headers come back joined with ", ".
    static QByteArray header(const QHttpServerRequest &request, const QByteArray &name);
    static QHttpServerResponse text(int status, const QByteArray &body);
    static QHttpServerResponse json(int status, const QByteArray &body);
    static QHttpServerResponse withHeader(QHttpServerResponse response, const QByteArray &name,
                                          const QByteArray &value);

private:
    HttpLimits m_limits;
    QHttpServer m_server;
    HardenedTcpServer *m_tcp = nullptr;
};

} // namespace Bridge
