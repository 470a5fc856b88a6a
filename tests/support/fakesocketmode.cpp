#include "fakesocketmode.h"

#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QTimer>
#include <QUrlQuery>
#include <QWebSocket>
#include <QWebSocketServer>

using namespace Qt::StringLiterals;

namespace TestSupport {

QJsonObject FakeSocketMode::fixture(const QString &name)
{
    QFile file(QStringLiteral(HIVESLACK_FIXTURES_DIR) + u"/slack/socket-mode/"_s + name +
               u".json"_s);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("FakeSocketMode: missing fixture %s", qPrintable(file.fileName()));
    return QJsonDocument::fromJson(file.readAll()).object();
}

namespace {

QString compact(const QJsonObject &json)
{
    return QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact));
}

} // namespace

FakeSocketMode::FakeSocketMode(QObject *parent)
    : QObject(parent)
    , m_server(
          new QWebSocketServer(u"fake-slack-socket-mode"_s, QWebSocketServer::NonSecureMode, this))
{
    connect(m_server, &QWebSocketServer::newConnection, this, &FakeSocketMode::onNewConnection);
}

FakeSocketMode::~FakeSocketMode() = default;

bool FakeSocketMode::listen()
{
    return m_server->listen(QHostAddress::LocalHost, 0);
}

QUrl FakeSocketMode::newTicketUrl()
{
    const QString ticket = u"ticket-%1"_s.arg(++m_ticketCounter);
    m_tickets.insert(ticket);
    QUrl url(u"ws://127.0.0.1:%1/link/"_s.arg(m_server->serverPort()));
    url.setQuery(u"ticket="_s + ticket + u"&app_id=A111"_s);
    return url;
}

void FakeSocketMode::onNewConnection()
{
    while (QWebSocket *socket = m_server->nextPendingConnection()) {
        socket->setParent(this);
        const QString ticket = QUrlQuery(socket->requestUrl()).queryItemValue(u"ticket"_s);
        // A ticket opens one connection, once.
        if (!m_tickets.remove(ticket)) {
            socket->close(QWebSocketProtocol::CloseCodePolicyViolated, u"invalid ticket"_s);
            socket->deleteLater();
            continue;
        }
        ++m_accepted;
        if (m_withholdHello) {
            connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
            continue;
        }
        const int number = ++m_greeted;
        m_connections.append({socket, number});
        connect(socket, &QWebSocket::textMessageReceived, this,
                [this, number](const QString &text) {
                    const QJsonObject message = QJsonDocument::fromJson(text.toUtf8()).object();
                    const QString id = message.value(u"envelope_id").toString();
                    if (id.isEmpty() || m_acks.contains(id))
                        return;
                    const qint64 now = QDateTime::currentMSecsSinceEpoch();
                    m_acks.insert(id, {message, now - m_sentAt.value(id, now), number});
                });
        connect(socket, &QWebSocket::disconnected, this, [this, socket] {
            m_connections.removeIf([socket](const Connection &c) { return c.socket == socket; });
            socket->deleteLater();
        });
        socket->sendTextMessage(compact(fixture(u"socket_mode_hello"_s)));
    }
}

int FakeSocketMode::openConnections() const
{
    return int(m_connections.size());
}

FakeSocketMode::Connection *FakeSocketMode::newest()
{
    return m_connections.isEmpty() ? nullptr : &m_connections.last();
}

QString FakeSocketMode::sendEnvelope(const QString &type, const QJsonObject &payload,
                                     bool acceptsResponsePayload, int retryAttempt)
{
    Connection *to = newest();
    if (!to)
        return {};
    const QString id = u"0f0e0d0c-%1-4000-8000-%2"_s.arg(++m_envelopeCounter, 4, 10, QChar(u'0'))
                           .arg(QDateTime::currentMSecsSinceEpoch());
    QJsonObject envelope{{u"envelope_id"_s, id},
                         {u"type"_s, type},
                         {u"payload"_s, payload},
                         {u"accepts_response_payload"_s, acceptsResponsePayload}};
    if (type == u"events_api") {
        envelope.insert(u"retry_attempt"_s, retryAttempt);
        envelope.insert(u"retry_reason"_s, retryAttempt > 0 ? u"timeout"_s : QString());
    }
    m_sentAt.insert(id, QDateTime::currentMSecsSinceEpoch());
    to->socket->sendTextMessage(compact(envelope));
    return id;
}

std::optional<FakeSocketMode::Ack> FakeSocketMode::ack(const QString &envelopeId) const
{
    const auto it = m_acks.constFind(envelopeId);
    if (it == m_acks.constEnd())
        return std::nullopt;
    return *it;
}

void FakeSocketMode::requestDisconnect(const QString &reason, int closeAfterMs)
{
    Connection *to = newest();
    if (!to)
        return;
    QJsonObject message = fixture(u"docs_disconnect_refresh_requested"_s);
    message.insert(u"reason"_s, reason);
    to->socket->sendTextMessage(compact(message));
    if (closeAfterMs < 0)
        return;
    QWebSocket *socket = to->socket;
    QTimer::singleShot(closeAfterMs, socket, [socket] { socket->close(); });
}

void FakeSocketMode::dropAll()
{
    for (const Connection &c : std::as_const(m_connections))
        c.socket->abort();
}

} // namespace TestSupport
