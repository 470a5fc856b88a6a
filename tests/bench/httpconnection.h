#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPair>
#include <QTcpSocket>

#include <deque>
#include <functional>

namespace Bench {

/// The answer to one request. status is 0 when the connection failed before an answer.
struct HttpReply
{
    int status = 0;
    QByteArray body;
    qint64 sentNs = 0;     ///< nowNs() right before the request was written to the socket
    qint64 answeredNs = 0; ///< nowNs() when the whole answer had been read
};

/// One keep-alive HTTP/1.1 connection to 127.0.0.1 with at most one request in flight (no
/// pipelining). Lighter and more predictable than QNetworkAccessManager: the client shares the
/// CPU with the bridge, and times are taken right at the socket. Only answers with a
/// Content-Length (or none, meaning an empty body) are understood — all QtHttpServer sends.
class HttpConnection final : public QObject
{
    Q_OBJECT
public:
    using Headers = QList<QPair<QByteArray, QByteArray>>;
    using Done = std::function<void(const HttpReply &)>;
    using Sent = std::function<void(qint64 sentNs)>;

    explicit HttpConnection(quint16 port, QObject *parent = nullptr);
    ~HttpConnection() override;

    /// Starts connecting (send() does it too when needed).
    void open();
    bool isOpen() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    bool isBusy() const { return bool(m_done); }

    /// Sends a complete request built by request(). @p sent runs when it is written (after
    /// connecting, if the connection was closed); @p done runs once with the answer or failure.
    void send(const QByteArray &request, Done done, Sent sent = {});

    /// Raw request bytes (Host and Content-Length added).
    static QByteArray request(const QByteArray &method, const QByteArray &path,
                              const Headers &headers, const QByteArray &body, quint16 port);

private:
    void writePending();
    void onReadyRead();
    void onBroken();
    /// @p closeFirst: the peer said Connection: close, so drop the socket before @p done runs.
    void finish(int status, const QByteArray &body, bool closeFirst = false);

    quint16 m_port;
    QTcpSocket m_socket;
    QByteArray m_pending; ///< a request waiting for the connection
    QByteArray m_buffer;
    Done m_done;
    Sent m_sent;
    qint64 m_sentNs = 0;
};

/// A fixed set of HttpConnections. A request sent while all are busy waits in FIFO order (so
/// an open-loop schedule is never slowed by the client); queueing is counted so a run can show
/// whether the client kept up.
class HttpPool final : public QObject
{
    Q_OBJECT
public:
    HttpPool(quint16 port, int connections, QObject *parent = nullptr);

    /// Connects every connection; false if they are not all open within @p timeoutMs.
    bool openAll(int timeoutMs);
    void send(const QByteArray &request, HttpConnection::Done done, HttpConnection::Sent sent = {});

    int inFlight() const;
    /// Requests that had to wait for a free connection, and the longest such wait queue.
    int queuedTotal() const { return m_queuedTotal; }
    int maxQueue() const { return m_maxQueue; }

private:
    struct Queued
    {
        QByteArray request;
        HttpConnection::Done done;
        HttpConnection::Sent sent;
    };
    void dispatch(HttpConnection *connection, Queued job);

    QList<HttpConnection *> m_connections;
    std::deque<Queued> m_queue;
    int m_queuedTotal = 0;
    int m_maxQueue = 0;
};

} // namespace Bench
