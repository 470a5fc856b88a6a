#include "http/httplistener.h"

#include "http/hardenedtcpserver.h"

#include <QHttpServerRequest>

namespace Bridge {

HttpListener::HttpListener(const HttpLimits &limits, QObject *parent)
    : QObject(parent)
    , m_limits(limits)
{
}

bool HttpListener::listen(const QHostAddress &address, quint16 port, QString *error)
{
    auto tcp = std::make_unique<HardenedTcpServer>(m_limits);
    if (!tcp->listen(address, port)) {
        *error = tr("cannot listen on %1:%2: %3")
                     .arg(address.toString())
                     .arg(port)
                     .arg(tcp->errorString());
        return false;
    }
    m_tcp = tcp.release();
    m_server.bind(m_tcp); // the HTTP server takes ownership
    return true;
}

quint16 HttpListener::port() const
{
    return m_tcp ? m_tcp->serverPort() : 0;
}

bool HttpListener::isListening() const
{
    return m_tcp && m_tcp->isListening();
}

QByteArray HttpListener::header(const QHttpServerRequest &request, const QByteArray &name)
{
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    return request.headers().combinedValue(name);
#else
    return request.value(name);
#endif
}

QHttpServerResponse HttpListener::text(int status, const QByteArray &body)
{
    return QHttpServerResponse(QByteArrayLiteral("text/plain; charset=utf-8"), body,
                               QHttpServerResponse::StatusCode(status));
}

QHttpServerResponse HttpListener::json(int status, const QByteArray &body)
{
    return QHttpServerResponse(QByteArrayLiteral("application/json"), body,
                               QHttpServerResponse::StatusCode(status));
}

QHttpServerResponse HttpListener::withHeader(QHttpServerResponse response, const QByteArray &name,
                                             const QByteArray &value)
{
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    QHttpHeaders headers = response.headers();
    headers.replaceOrAppend(name, value);
    response.setHeaders(std::move(headers));
#else
    response.setHeader(name, value);
#endif
    return response;
}

} // namespace Bridge
