#include "http/hardenedtcpserver.h"

#include "core/logging.h"

#include <QTcpSocket>
#include <QTimer>

namespace Bridge {

/// Watches one connection on behalf of HardenedTcpServer (see its comment).
class ConnectionGuard final : public QObject
{
public:
    ConnectionGuard(QTcpSocket *socket, HardenedTcpServer *server)
        : QObject(socket)
        , m_socket(socket)
        , m_server(server)
        , m_limits(server->m_limits)
    {
        m_deadline.setSingleShot(true);
        connect(&m_deadline, &QTimer::timeout, this, &ConnectionGuard::expire);
        connect(socket, &QTcpSocket::readyRead, this, &ConnectionGuard::inspect);
        m_deadline.start(m_limits.idleTimeoutMs);
    }

private:
    enum class Phase { Idle, InRequest, Rejected };

    // QtHttpServer 6.4 reads each request inside a QIODevice transaction that stays open until
    // the request is complete, consuming everything on every readyRead. So what is available
    // when this slot runs is exactly the new data, and "no transaction" means "between requests".
    void inspect()
    {
        if (m_phase == Phase::Rejected) {
            m_socket->readAll(); // swallow what the client still sends after our answer
            return;
        }
        if (m_phase == Phase::Idle) {
            m_phase = Phase::InRequest;
            m_head.clear();
            m_requestBytes = 0;
            m_deadline.start(m_limits.requestTimeoutMs);
        }
        const QByteArray chunk = m_socket->peek(m_socket->bytesAvailable());
        m_requestBytes += chunk.size();
        qsizetype headEnd = m_head.indexOf("\r\n\r\n");
        if (headEnd < 0) {
            m_head.append(chunk.left(m_limits.maxHeaderBytes + 4));
            headEnd = m_head.indexOf("\r\n\r\n");
        }
        if (headEnd < 0 && m_head.size() > m_limits.maxHeaderBytes)
            reject(431, "Request Header Fields Too Large");
        else if (headEnd >= 0 && (declaredLength(m_head.left(headEnd)) > m_limits.maxBodyBytes ||
                                  m_requestBytes - (headEnd + 4) > m_limits.maxBodyBytes))
            reject(413, "Payload Too Large");
        if (m_phase == Phase::Rejected)
            return;
        // QtHttpServer's slot runs after this one and commits its transaction once it has a
        // whole request; then the connection is idle again.
        QTimer::singleShot(0, this, [this] {
            if (m_phase == Phase::InRequest && !m_socket->isTransactionStarted() &&
                m_socket->bytesAvailable() == 0) {
                m_phase = Phase::Idle;
                m_deadline.start(m_limits.idleTimeoutMs);
            }
        });
    }

    static qint64 declaredLength(const QByteArray &head)
    {
        for (const QByteArray &line : head.split('\n')) {
            const qsizetype colon = line.indexOf(':');
            if (colon > 0 &&
                line.left(colon).trimmed().compare("content-length", Qt::CaseInsensitive) == 0) {
                bool ok = false;
                const qint64 n = line.mid(colon + 1).trimmed().toLongLong(&ok);
                return ok ? n : -1;
            }
        }
        return -1;
    }

    void reject(int status, const char *reason)
    {
        ++m_server->m_tooLarge;
        m_phase = Phase::Rejected;
        qCInfo(lcHttp) << "refused a request from" << m_socket->peerAddress().toString() << status;
        const QByteArray body = QByteArray(reason) + '\n';
        // Reading past QtHttpServer's transaction position leaves its parser waiting for a
        // request that never completes; the deadline below then closes the connection.
        m_socket->readAll();
        m_socket->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + reason +
                        "\r\nContent-Type: text/plain\r\nConnection: close\r\nContent-Length: " +
                        QByteArray::number(body.size()) + "\r\n\r\n" + body);
        m_socket->flush();
        // Keep draining briefly so the client reads the answer instead of a reset, then close.
        m_deadline.start(1000);
    }

    void expire()
    {
        if (m_phase == Phase::InRequest) {
            ++m_server->m_timedOut;
            qCInfo(lcHttp) << "closed a slow connection from" << m_socket->peerAddress().toString();
        }
        m_socket->abort();
    }

    QTcpSocket *m_socket;
    HardenedTcpServer *m_server;
    HttpLimits m_limits;
    QTimer m_deadline;
    Phase m_phase = Phase::Idle;
    QByteArray m_head;
    qint64 m_requestBytes = 0;
};

HardenedTcpServer::HardenedTcpServer(const HttpLimits &limits, QObject *parent)
    : QTcpServer(parent)
    , m_limits(limits)
{
    setListenBacklogSize(limits.listenBacklog);
}

void HardenedTcpServer::incomingConnection(qintptr socketDescriptor)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(socketDescriptor)) {
        delete socket;
        return;
    }
    // A hard cap on what Qt buffers per socket, whatever the guard decides.
    socket->setReadBufferSize(m_limits.maxBodyBytes + m_limits.maxHeaderBytes + 64 * 1024);
    new ConnectionGuard(socket, this);
    addPendingConnection(socket);
}

} // namespace Bridge
