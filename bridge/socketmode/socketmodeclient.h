#pragma once

#include "metrics/latencyhistogram.h"
#include "socketmode/socketmodetiming.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

class QWebSocket;

namespace Bridge {

class SlackClient;
class SlackIntake;
struct SlackAck;

/// Slack's Socket Mode transport into the SlackIntake: the bridge opens an outbound WebSocket
/// (the URL apps.connections.open gives, used exactly as returned) and Slack sends every
/// interaction, slash command and event through it, so nothing from the internet has to reach
/// the bridge.
///
/// Each envelope is acknowledged with {"envelope_id": …} (plus "payload" where Slack accepts
/// one and the intake has one: a modal's field errors) only after the intake journaled it;
/// one the journal cannot take is not acknowledged (Slack sends an event again, and shows the
/// person who clicked or typed an error). Envelopes the bridge does not know, or that carry
/// nothing valid, are acknowledged anyway (sent again they would be no better). A retried envelope
/// comes under a new envelope id; the intake recognises it by its own ids and journals it once.
///
/// Connections are replaced make-before-break: on `disconnect` (refresh_requested, warning,
/// or any other reason but link_disabled) a new URL is fetched and the old connection is
/// closed only once the new one said hello (too_many_websockets instead backs off). A dropped
/// connection, or one that never says hello, reopens with exponential backoff and jitter;
/// pings and a limit on silence (SocketModeTiming) catch half-open connections. link_disabled
/// (Socket Mode switched off for the app) and a refused app-level token stop it, loudly.
class SocketModeClient final : public QObject
{
    Q_OBJECT
public:
    enum class State {
        Off,          ///< not started, or stopped
        Connecting,   ///< asking for a URL or opening the WebSocket
        Connected,    ///< a connection said hello
        Reconnecting, ///< waiting to try again after a failure
        Disabled,     ///< Slack says Socket Mode is off for this app (link_disabled)
        Refused,      ///< Slack refuses the app-level token (invalid_auth, …)
    };
    /// A connection that lived this long ends a run of failures (the backoff starts over).
    static constexpr qint64 StableConnectionMs = 60'000;
    struct Status
    {
        State state = State::Off;
        QString lastError;           ///< why the last connection failed or closed; empty when none
        quint64 connections = 0;     ///< hellos received since start
        quint64 envelopes = 0;       ///< envelopes received
        quint64 unacknowledged = 0;  ///< envelopes left unacknowledged (journal down)
        LatencyHistogram ackLatency; ///< from an envelope's arrival to its ack
    };

    /// `appSlack` is a SlackClient made with the app-level token (xapp-…).
    SocketModeClient(SlackIntake &intake, SlackClient &appSlack, SocketModeTiming timing,
                     QObject *parent = nullptr);
    ~SocketModeClient() override;

    void start();
    void stop();
    Status status() const { return m_status; }
    static QString stateName(State state);

Q_SIGNALS:
    void stateChanged(Bridge::SocketModeClient::State state);

private:
    /// Asks for a URL and opens a connection; the current one (if any) stays until its
    /// replacement says hello.
    void connectNew();
    void open(const QUrl &url);
    void onHelloTimeout();
    void onMessage(QWebSocket *socket, const QString &text);
    void onHello(QWebSocket *socket);
    void onDisconnectRequest(QWebSocket *socket, const QString &reason);
    void onClosed(QWebSocket *socket);
    void onEnvelope(QWebSocket *socket, const QJsonObject &envelope);
    SlackAck take(const QString &type, const QJsonObject &payload);
    /// Sends the ack of `envelope` (with the answer's payload when Slack accepts one).
    void acknowledge(QWebSocket *socket, const QJsonObject &envelope, const SlackAck &ack,
                     const QElapsedTimer &received);
    void checkSilence();
    void retryLater(const QString &error);
    void setState(State state);
    /// Stops for good (until start()): closes everything, in `state`.
    void halt(State state, const QString &error);
    void drop(QWebSocket *socket);

    SlackIntake &m_intake;
    SlackClient &m_slack;
    SocketModeTiming m_timing;
    Status m_status;
    bool m_running = false;
    bool m_asking = false;           ///< apps.connections.open under way
    QWebSocket *m_current = nullptr; ///< the connection that said hello
    QWebSocket *m_pending = nullptr; ///< a connection opened, not yet greeted
    QElapsedTimer m_sinceHeard;      ///< since anything came on m_current
    QElapsedTimer m_connectedFor;    ///< since m_current said hello; invalid when none
    int m_failures = 0;              ///< consecutive failed attempts, for the backoff
    QTimer m_retryTimer;
    QTimer m_pingTimer;
    QTimer m_helloTimer; ///< limits the wait for a new connection's hello
};

} // namespace Bridge
