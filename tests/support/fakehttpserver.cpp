#include "fakehttpserver.h"

#include <QDateTime>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <memory>

using namespace Qt::StringLiterals;

namespace TestSupport {

namespace {

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    case QHttpServerRequest::Method::Options:
        return "OPTIONS";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    case QHttpServerRequest::Method::Connect:
        return "CONNECT";
    case QHttpServerRequest::Method::Trace:
        return "TRACE";
    default:
        return "UNKNOWN";
    }
}

} // namespace

QString formDecode(const QByteArray &encoded, const QString &key)
{
    const QByteArray wanted = key.toUtf8();
    for (const QByteArray &pair : encoded.split('&')) {
        const qsizetype eq = pair.indexOf('=');
        QByteArray name = eq < 0 ? pair : pair.left(eq);
        name.replace('+', ' ');
        if (QByteArray::fromPercentEncoding(name) != wanted)
            continue;
        QByteArray value = eq < 0 ? QByteArray() : pair.mid(eq + 1);
        value.replace('+', ' ');
        return QString::fromUtf8(QByteArray::fromPercentEncoding(value));
    }
    return {};
}

QByteArray RecordedRequest::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QJsonObject RecordedRequest::json() const
{
    return QJsonDocument::fromJson(body).object();
}

QString RecordedRequest::formValue(const QString &key) const
{
    return formDecode(body, key);
}

QString RecordedRequest::queryValue(const QString &key) const
{
    return formDecode(query.query(QUrl::FullyEncoded).toUtf8(), key);
}

void FakeHttpServer::Reply::setJson(const QJsonObject &object, int httpStatus)
{
    status = httpStatus;
    body = QJsonDocument(object).toJson(QJsonDocument::Compact);
}

void FakeHttpServer::Reply::setJson(const QJsonArray &array, int httpStatus)
{
    status = httpStatus;
    body = QJsonDocument(array).toJson(QJsonDocument::Compact);
}

void FakeHttpServer::Reply::setRawJson(const QByteArray &json, int httpStatus)
{
    status = httpStatus;
    body = json;
}

void FakeHttpServer::Reply::setEmpty(int httpStatus)
{
    status = httpStatus;
    body.clear();
}

FakeHttpServer::FakeHttpServer(QObject *parent)
    : QObject(parent)
    , m_server(new QHttpServer(this))
{
    m_server->setMissingHandler(
        [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
            onRequest(request, std::move(responder));
        });
}

FakeHttpServer::~FakeHttpServer() = default;

bool FakeHttpServer::listen(quint16 port)
{
    auto *tcp = new QTcpServer;
    tcp->setListenBacklogSize(1024);
    if (!tcp->listen(QHostAddress::LocalHost, port)) {
        qWarning("FakeHttpServer: cannot listen on 127.0.0.1:%u: %s", unsigned(port),
                 qPrintable(tcp->errorString()));
        delete tcp;
        return false;
    }
    m_port = tcp->serverPort();
    m_server->bind(tcp); // takes ownership
    return true;
}

QUrl FakeHttpServer::baseUrl() const
{
    QUrl url;
    url.setScheme(u"http"_s);
    url.setHost(u"127.0.0.1"_s);
    url.setPort(m_port);
    return url;
}

QList<RecordedRequest> FakeHttpServer::requests(const QString &path) const
{
    if (path.isEmpty())
        return m_requests;
    QList<RecordedRequest> matching;
    for (const RecordedRequest &request : m_requests) {
        if (request.path == path)
            matching.append(request);
    }
    return matching;
}

void FakeHttpServer::clearRequests()
{
    m_requests.clear();
}

void FakeHttpServer::addFault(const QString &path, const Fault &fault, int times)
{
    if (times > 0)
        m_faults.append({path, fault, times});
}

void FakeHttpServer::failNext(const QString &path, int httpStatus, const QByteArray &body,
                              int times)
{
    Fault fault;
    fault.kind = Fault::Status;
    fault.httpStatus = httpStatus;
    fault.body = body;
    addFault(path, fault, times);
}

void FakeHttpServer::slackErrorNext(const QString &path, const QString &error, int times)
{
    Fault fault;
    fault.kind = Fault::SlackError;
    fault.slackError = error;
    addFault(path, fault, times);
}

void FakeHttpServer::rateLimitNext(const QString &path, int retryAfterSecs, int times)
{
    Fault fault;
    fault.kind = Fault::RateLimited;
    fault.retryAfterSecs = retryAfterSecs;
    addFault(path, fault, times);
}

void FakeHttpServer::delayNext(const QString &path, int ms, int times)
{
    Fault fault;
    fault.kind = Fault::Delay;
    fault.delayMs = ms;
    addFault(path, fault, times);
}

void FakeHttpServer::loseAnswerNext(const QString &path, int httpStatus, int times)
{
    Fault fault;
    fault.kind = Fault::Lost;
    fault.httpStatus = httpStatus;
    addFault(path, fault, times);
}

void FakeHttpServer::dropNext(const QString &path, int times)
{
    Fault fault;
    fault.kind = Fault::Drop;
    addFault(path, fault, times);
}

void FakeHttpServer::clearFaults()
{
    m_faults.clear();
}

int FakeHttpServer::pendingFaults() const
{
    int count = 0;
    for (const QueuedFault &queued : m_faults)
        count += queued.remaining;
    return count;
}

bool FakeHttpServer::takeFault(const QString &path, Fault *fault)
{
    for (auto it = m_faults.begin(); it != m_faults.end(); ++it) {
        if (!it->path.isEmpty() && it->path != path)
            continue;
        *fault = it->fault;
        if (--it->remaining <= 0)
            m_faults.erase(it);
        return true;
    }
    return false;
}

void FakeHttpServer::write(QHttpServerResponder &responder, const Reply &reply)
{
    // Headers are built one by one: the responder's HeaderList is an initializer_list.
    responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(reply.status));
    if (reply.status != 204) {
        responder.writeHeader("Content-Type", reply.contentType);
        responder.writeHeader("Content-Length", QByteArray::number(reply.body.size()));
    }
    for (const auto &[name, value] : reply.headers)
        responder.writeHeader(name, value);
    responder.writeBody(reply.body);
}

void FakeHttpServer::onRequest(const QHttpServerRequest &request, QHttpServerResponder &&responder)
{
    RecordedRequest recorded;
    recorded.method = methodName(request.method());
    recorded.path = request.url().path();
    recorded.query = request.query();
    recorded.headers = request.headers();
    recorded.body = request.body();
    recorded.receivedAtMs = QDateTime::currentMSecsSinceEpoch();
    m_requests.append(recorded);
    Q_EMIT requestRecorded(recorded);

    Fault fault;
    const bool faulty = takeFault(recorded.path, &fault);
    Reply reply;
    if (!faulty || fault.kind == Fault::Delay || fault.kind == Fault::Lost)
        handle(recorded, reply);

    if (faulty) {
        switch (fault.kind) {
        case Fault::Status:
        case Fault::Lost:
            reply = Reply();
            reply.status = fault.httpStatus;
            reply.body = fault.body;
            if (!fault.body.startsWith('{') && !fault.body.startsWith('['))
                reply.contentType = "text/plain; charset=utf-8";
            break;
        case Fault::SlackError:
            reply = Reply();
            reply.setJson(QJsonObject{{u"ok"_s, false}, {u"error"_s, fault.slackError}});
            break;
        case Fault::RateLimited:
            reply = Reply();
            reply.setJson(QJsonObject{{u"ok"_s, false}, {u"error"_s, u"ratelimited"_s}}, 429);
            reply.headers.append({"Retry-After", QByteArray::number(fault.retryAfterSecs)});
            break;
        case Fault::Delay: {
            // QtHttpServer 6.4 keeps a raw socket pointer in the responder: only touch it
            // while the socket still exists and is connected.
            QPointer<QTcpSocket> socket(responder.socket());
            auto pending = std::make_shared<QHttpServerResponder>(std::move(responder));
            QTimer::singleShot(fault.delayMs, this, [this, pending, socket, reply, recorded] {
                if (!socket || socket->state() != QAbstractSocket::ConnectedState) {
                    Q_EMIT requestAnswered(recorded, 0);
                    return;
                }
                write(*pending, reply);
                Q_EMIT requestAnswered(recorded, reply.status);
            });
            return;
        }
        case Fault::Drop: {
            // Abort after the server has finished with this request, never inside it.
            QPointer<QTcpSocket> socket(responder.socket());
            QTimer::singleShot(0, this, [socket] {
                if (socket)
                    socket->abort();
            });
            Q_EMIT requestAnswered(recorded, 0);
            return;
        }
        }
    }
    write(responder, reply);
    Q_EMIT requestAnswered(recorded, reply.status);
}

} // namespace TestSupport
