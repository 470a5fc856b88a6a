#pragma once

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QSet>
#include <QUrl>

#include <optional>

class QWebSocket;
class QWebSocketServer;

namespace TestSupport {

/// Slack's Socket Mode side (shared/docs/slack-api.md §5), on ws://127.0.0.1: FakeSlack's
/// apps.connections.open hands out single-use URLs from newTicketUrl(); a connection that
/// presents one is greeted with `hello` (the fixture's shape), anything else is closed at once.
/// Tests send envelopes, disconnect requests and drops; the acknowledgements come back here.
/// Like Slack, an envelope goes to one connection (here: the newest greeted one).
class FakeSocketMode final : public QObject
{
    Q_OBJECT
public:
    struct Ack
    {
        QJsonObject message; ///< as received: {"envelope_id": …[, "payload": …]}
        qint64 afterMs = 0;  ///< from sending the envelope to receiving its ack
        int connection = 0;  ///< which connection (in order of greeting, from 1) it came on
    };

    explicit FakeSocketMode(QObject *parent = nullptr);
    ~FakeSocketMode() override;

    bool listen();
    /// A file of tests/fixtures/slack/socket-mode, without its .json.
    static QJsonObject fixture(const QString &name);
    /// New connections get no hello (a proxy that swallows it) while true.
    void withholdHello(bool withhold) { m_withholdHello = withhold; }
    /// A fresh URL with a new single-use ticket.
    QUrl newTicketUrl();

    /// Connections opened with a valid ticket and still open.
    int openConnections() const;
    /// Connections opened with a valid ticket since the start.
    int accepted() const { return m_accepted; }
    /// Connections greeted with hello since the start.
    int greeted() const { return m_greeted; }

    /// Sends an envelope to the newest open connection; returns its envelope_id (empty when no
    /// connection is open).
    QString sendEnvelope(const QString &type, const QJsonObject &payload,
                         bool acceptsResponsePayload = false, int retryAttempt = 0);
    /// The acknowledgement of an envelope, once it came.
    std::optional<Ack> ack(const QString &envelopeId) const;
    int ackCount() const { return int(m_acks.size()); }
    /// Sends {"type":"disconnect","reason":…} on the newest open connection and, after
    /// `closeAfterMs` (< 0: never), closes it as Slack does after a refresh.
    void requestDisconnect(const QString &reason, int closeAfterMs = -1);
    /// Drops every open connection without a close frame (a network failure).
    void dropAll();

private:
    struct Connection
    {
        QWebSocket *socket = nullptr;
        int number = 0;
    };
    void onNewConnection();
    Connection *newest();

    QWebSocketServer *m_server = nullptr;
    QSet<QString> m_tickets;
    QList<Connection> m_connections;
    int m_greeted = 0;
    int m_accepted = 0;
    bool m_withholdHello = false;
    int m_ticketCounter = 0;
    int m_envelopeCounter = 0;
    QHash<QString, qint64> m_sentAt;
    QHash<QString, Ack> m_acks;
};

} // namespace TestSupport
