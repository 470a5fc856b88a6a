#include "httpconnection.h"

#include "benchclock.h"

#include <QHostAddress>

#include <algorithm>

namespace Bench {

HttpConnection::HttpConnection(quint16 port, QObject *parent)
    : QObject(parent)
    , m_port(port)
{
    connect(&m_socket, &QTcpSocket::connected, this, [this] {
        // Requests are small and one at a time: Nagle would only add delay.
        m_socket.setSocketOption(QAbstractSocket::LowDelayOption, 1);
        writePending();
    });
    connect(&m_socket, &QTcpSocket::readyRead, this, &HttpConnection::onReadyRead);
    connect(&m_socket, &QTcpSocket::disconnected, this, &HttpConnection::onBroken);
    connect(&m_socket, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError) {
        // A peer that closes an idle keep-alive connection is not a failure.
        if (m_done)
            onBroken();
    });
}

HttpConnection::~HttpConnection()
{
    // The socket outlives the other members: keep its last signals away from them.
    m_socket.disconnect(this);
    m_socket.abort();
}

void HttpConnection::open()
{
    if (m_socket.state() == QAbstractSocket::UnconnectedState) {
        m_buffer.clear();
        m_socket.connectToHost(QHostAddress(QHostAddress::LocalHost), m_port);
    }
}

void HttpConnection::send(const QByteArray &request, Done done, Sent sent)
{
    Q_ASSERT(!m_done);
    m_done = std::move(done);
    m_sent = std::move(sent);
    m_pending = request;
    if (isOpen())
        writePending();
    else
        open();
}

void HttpConnection::writePending()
{
    if (m_pending.isEmpty())
        return;
    m_sentNs = nowNs();
    if (m_sent)
        m_sent(m_sentNs);
    m_socket.write(m_pending);
    m_pending.clear();
}

QByteArray HttpConnection::request(const QByteArray &method, const QByteArray &path,
                                   const Headers &headers, const QByteArray &body, quint16 port)
{
    QByteArray out =
        method + ' ' + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port) + "\r\n";
    for (const auto &[name, value] : headers)
        out += name + ": " + value + "\r\n";
    if (!body.isEmpty() || method != "GET")
        out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    out += "\r\n" + body;
    return out;
}

void HttpConnection::onReadyRead()
{
    m_buffer += m_socket.readAll();
    if (!m_done)
        return; // nothing asked: stray bytes from a peer that is misbehaving
    const qsizetype headEnd = m_buffer.indexOf("\r\n\r\n");
    if (headEnd < 0)
        return;
    const QByteArray head = m_buffer.left(headEnd);
    const QList<QByteArray> lines = head.split('\n');
    // "HTTP/1.1 202 Accepted"
    const QList<QByteArray> statusLine = lines.first().trimmed().split(' ');
    const int status = statusLine.size() >= 2 ? statusLine.at(1).toInt() : 0;
    qint64 length = 0;
    bool closeAfter = false;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray &line = lines.at(i);
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "content-length")
            length = value.toLongLong();
        else if (name == "connection" && value.toLower() == "close")
            closeAfter = true;
    }
    const qsizetype total = headEnd + 4 + length;
    if (m_buffer.size() < total)
        return;
    const QByteArray body = m_buffer.mid(headEnd + 4, length);
    m_buffer.remove(0, total);
    finish(status, body, closeAfter);
}

void HttpConnection::onBroken()
{
    m_buffer.clear();
    m_pending.clear();
    if (m_done)
        finish(0, {});
    if (m_socket.state() != QAbstractSocket::UnconnectedState)
        m_socket.abort();
}

void HttpConnection::finish(int status, const QByteArray &body, bool closeFirst)
{
    HttpReply reply{status, body, m_sentNs, nowNs()};
    // The callback may send the next request on this connection: clear first.
    Done done = std::move(m_done);
    m_done = nullptr;
    m_sent = nullptr;
    if (closeFirst) {
        m_buffer.clear();
        m_socket.abort(); // the next send() reconnects
    }
    done(reply);
}

HttpPool::HttpPool(quint16 port, int connections, QObject *parent)
    : QObject(parent)
{
    for (int i = 0; i < connections; ++i)
        m_connections.append(new HttpConnection(port, this));
}

bool HttpPool::openAll(int timeoutMs)
{
    for (HttpConnection *c : std::as_const(m_connections))
        c->open();
    return waitUntil(
        [this] {
            return std::all_of(m_connections.cbegin(), m_connections.cend(),
                               [](const HttpConnection *c) { return c->isOpen(); });
        },
        timeoutMs);
}

void HttpPool::send(const QByteArray &request, HttpConnection::Done done, HttpConnection::Sent sent)
{
    for (HttpConnection *c : std::as_const(m_connections)) {
        if (!c->isBusy())
            return dispatch(c, {request, std::move(done), std::move(sent)});
    }
    m_queue.push_back({request, std::move(done), std::move(sent)});
    ++m_queuedTotal;
    m_maxQueue = qMax(m_maxQueue, int(m_queue.size()));
}

void HttpPool::dispatch(HttpConnection *connection, Queued job)
{
    connection->send(
        job.request,
        [this, connection, done = std::move(job.done)](const HttpReply &reply) {
            done(reply);
            if (!connection->isBusy() && !m_queue.empty()) {
                Queued next = std::move(m_queue.front());
                m_queue.pop_front();
                dispatch(connection, std::move(next));
            }
        },
        std::move(job.sent));
}

int HttpPool::inFlight() const
{
    return int(std::count_if(m_connections.cbegin(), m_connections.cend(),
                             [](const HttpConnection *c) { return c->isBusy(); }));
}

} // namespace Bench
