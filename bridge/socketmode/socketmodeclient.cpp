#include "socketmode/socketmodeclient.h"

#include "clients/slackclient.h"
#include "core/logging.h"
#include "intake/slackintake.h"

#include <QJsonDocument>
#include <QPointer>
#include <QWebSocket>

using namespace Qt::StringLiterals;

namespace Bridge {

namespace {

/// apps.connections.open answers that will not change by asking again soon.
bool isTokenProblem(const QString &error)
{
    static const QStringList codes = {
        u"not_authed"_s,    u"invalid_auth"_s,           u"account_inactive"_s,
        u"token_revoked"_s, u"not_allowed_token_type"_s, u"missing_scope"_s};
    return codes.contains(error);
}

} // namespace

SocketModeClient::SocketModeClient(SlackIntake &intake, SlackClient &appSlack,
                                   SocketModeTiming timing, QObject *parent)
    : QObject(parent)
    , m_intake(intake)
    , m_slack(appSlack)
    , m_timing(timing)
{
    m_retryTimer.setSingleShot(true);
    m_helloTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &SocketModeClient::connectNew);
    connect(&m_helloTimer, &QTimer::timeout, this, &SocketModeClient::onHelloTimeout);
    connect(&m_pingTimer, &QTimer::timeout, this, &SocketModeClient::checkSilence);
}

SocketModeClient::~SocketModeClient()
{
    stop();
}

QString SocketModeClient::stateName(State state)
{
    switch (state) {
    case State::Off:
        return u"off"_s;
    case State::Connecting:
        return u"connecting"_s;
    case State::Connected:
        return u"connected"_s;
    case State::Reconnecting:
        return u"reconnecting"_s;
    case State::Disabled:
        return u"disabled"_s;
    case State::Refused:
        return u"refused"_s;
    }
    return {};
}

void SocketModeClient::start()
{
    if (m_running)
        return;
    m_running = true;
    m_failures = 0;
    connectNew();
}

void SocketModeClient::stop()
{
    halt(State::Off, {});
}

void SocketModeClient::halt(State state, const QString &error)
{
    m_running = false;
    m_retryTimer.stop();
    drop(m_pending);
    drop(m_current);
    if (!error.isEmpty())
        m_status.lastError = error;
    setState(state);
}

void SocketModeClient::setState(State state)
{
    if (m_status.state == state)
        return;
    m_status.state = state;
    Q_EMIT stateChanged(state);
}

void SocketModeClient::drop(QWebSocket *socket)
{
    if (!socket)
        return;
    // Each connection's own timer goes with it.
    if (socket == m_current) {
        m_current = nullptr;
        m_pingTimer.stop();
    }
    if (socket == m_pending) {
        m_pending = nullptr;
        m_helloTimer.stop();
    }
    socket->disconnect(this);
    socket->close();
    socket->deleteLater();
}

void SocketModeClient::connectNew()
{
    if (!m_running || m_asking || m_pending)
        return;
    // Whatever scheduled an attempt, this is it: no second one when the timer fires.
    m_retryTimer.stop();
    m_asking = true;
    if (!m_current)
        setState(State::Connecting);
    // A fresh URL for every connection: Slack's are single-use tickets.
    m_slack.openSocketModeConnection([this](const SlackResult &r) {
        m_asking = false;
        if (!m_running)
            return;
        const QUrl url(r.json.value(u"url").toString());
        if (r.ok() && url.isValid() && !url.isEmpty())
            return open(url);
        const QString why = r.ok() ? u"apps.connections.open gave no URL"_s : r.error;
        if (isTokenProblem(why)) {
            // Asking again will not change Slack's mind: stop, loudly (as Slack's SDKs do).
            qCCritical(lcSlack).noquote()
                << "Socket Mode: Slack refuses the app-level token:" << why
                << "(it must be an xapp- token with the connections:write scope)";
            return halt(State::Refused, why);
        }
        retryLater(why);
    });
}

void SocketModeClient::open(const QUrl &url)
{
    auto *socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    m_pending = socket;
    connect(socket, &QWebSocket::textMessageReceived, this,
            [this, socket](const QString &text) { onMessage(socket, text); });
    connect(socket, &QWebSocket::pong, this, [this, socket] {
        if (socket == m_current)
            m_sinceHeard.restart();
    });
    connect(socket, &QWebSocket::disconnected, this, [this, socket] { onClosed(socket); });
    // A connection that never says hello (a proxy swallowing it) must not block the next one.
    m_helloTimer.start(m_timing.silenceLimitMs);
    // The ticket in the URL is a credential: it is never logged.
    socket->open(url);
}

void SocketModeClient::onHelloTimeout()
{
    if (!m_pending)
        return;
    qCWarning(lcSlack) << "Socket Mode: no hello from Slack within" << m_timing.silenceLimitMs
                       << "ms";
    drop(m_pending);
    retryLater(u"no hello from Slack"_s);
}

void SocketModeClient::onMessage(QWebSocket *socket, const QString &text)
{
    if (socket == m_current)
        m_sinceHeard.restart();
    const QJsonObject message = QJsonDocument::fromJson(text.toUtf8()).object();
    const QString type = message.value(u"type").toString();
    if (type == u"hello")
        return onHello(socket);
    if (type == u"disconnect")
        return onDisconnectRequest(socket, message.value(u"reason").toString());
    if (message.contains(u"envelope_id"))
        return onEnvelope(socket, message);
    qCInfo(lcSlack) << "Socket Mode: ignored a message of type" << type;
}

void SocketModeClient::onHello(QWebSocket *socket)
{
    if (socket != m_pending)
        return;
    // The new connection is up: only now does the old one go (make-before-break).
    QWebSocket *old = m_current;
    m_current = socket;
    m_pending = nullptr;
    m_helloTimer.stop();
    m_retryTimer.stop();
    drop(old);
    m_sinceHeard.restart();
    m_connectedFor.start();
    m_pingTimer.start(m_timing.pingIntervalMs);
    ++m_status.connections;
    m_status.lastError.clear();
    qCInfo(lcSlack) << "Socket Mode: connected";
    setState(State::Connected);
}

void SocketModeClient::onDisconnectRequest(QWebSocket *socket, const QString &reason)
{
    if (reason == u"link_disabled") {
        qCCritical(lcSlack) << "Socket Mode was switched off in the Slack app's settings: "
                               "HiveSlack receives nothing from Slack until it is on again";
        return halt(State::Disabled, reason);
    }
    if (reason == u"too_many_websockets") {
        // More connections than Slack allows: another one now would only be refused again.
        qCWarning(lcSlack) << "Socket Mode: Slack refuses more connections (too_many_websockets)";
        drop(socket);
        if (!m_current)
            retryLater(reason);
        return;
    }
    qCInfo(lcSlack).noquote() << "Socket Mode: Slack asks to reconnect:" << reason;
    if (socket == m_current)
        connectNew();
}

void SocketModeClient::onClosed(QWebSocket *socket)
{
    const QString why =
        socket->closeReason().isEmpty() ? socket->errorString() : socket->closeReason();
    const bool wasCurrent = socket == m_current;
    if (!wasCurrent && socket != m_pending)
        return;
    drop(socket);
    if (!m_running)
        return;
    qCWarning(lcSlack).noquote() << "Socket Mode: connection closed:" << why;
    if (wasCurrent && (m_pending || m_asking)) {
        m_status.lastError = why;
        return setState(State::Connecting); // its replacement is on the way
    }
    retryLater(why);
}

void SocketModeClient::retryLater(const QString &error)
{
    m_status.lastError = error;
    if (!m_running)
        return;
    if (!m_current)
        setState(State::Reconnecting);
    if (m_retryTimer.isActive() || m_asking || m_pending)
        return;
    // A connection that lived a while ends a run of failures; one kicked out at once does not.
    if (m_connectedFor.isValid() && m_connectedFor.elapsed() > StableConnectionMs)
        m_failures = 0;
    m_connectedFor.invalidate();
    ++m_failures;
    const qint64 delay = retryDelayMs(m_timing.reconnect, m_failures, std::nullopt);
    qCWarning(lcSlack).noquote() << "Socket Mode: connecting failed:" << error
                                 << "- trying again in" << delay << "ms";
    m_retryTimer.start(int(delay));
}

void SocketModeClient::checkSilence()
{
    if (!m_current)
        return;
    if (m_sinceHeard.elapsed() > m_timing.silenceLimitMs) {
        // Half-open: the peer is gone without a close. Replace it.
        qCWarning(lcSlack) << "Socket Mode: nothing from Slack for" << m_sinceHeard.elapsed()
                           << "ms; reconnecting";
        drop(m_current);
        m_status.lastError = u"no answer to pings"_s;
        setState(State::Connecting);
        return connectNew();
    }
    m_current->ping();
}

SlackAck SocketModeClient::take(const QString &type, const QJsonObject &payload)
{
    if (type == u"interactive")
        return m_intake.takeInteraction(QJsonDocument(payload).toJson(QJsonDocument::Compact));
    if (type == u"slash_commands")
        return m_intake.takeCommand(payload);
    if (type == u"events_api")
        return m_intake.takeEvent(payload);
    m_intake.countRejected();
    return {SlackAck::Kind::Invalid, {}, u"unknown envelope type \"%1\""_s.arg(type)};
}

void SocketModeClient::onEnvelope(QWebSocket *socket, const QJsonObject &envelope)
{
    QElapsedTimer received;
    received.start();
    ++m_status.envelopes;
    const QString type = envelope.value(u"type").toString();
    const QJsonObject payload = envelope.value(u"payload").toObject();
    if (type == u"interactive" && payload.value(u"type").toString() == u"block_suggestion") {
        // Answered once the options are found; the socket may be gone by then.
        const QPointer<QWebSocket> alive(socket);
        const QPointer<SocketModeClient> self(this);
        return m_intake.takeSuggestion(QJsonDocument(payload).toJson(QJsonDocument::Compact),
                                       [self, alive, envelope, received](const SlackAck &ack) {
                                           if (self && alive)
                                               self->acknowledge(alive, envelope, ack, received);
                                       });
    }
    acknowledge(socket, envelope, take(type, payload), received);
}

void SocketModeClient::acknowledge(QWebSocket *socket, const QJsonObject &envelope,
                                   const SlackAck &ack, const QElapsedTimer &received)
{
    const QString id = envelope.value(u"envelope_id").toString();
    const QString type = envelope.value(u"type").toString();
    if (ack.kind == SlackAck::Kind::JournalDown) {
        // Unacknowledged, nothing is taken that is not kept: Slack sends an event again, and
        // shows the person who clicked or typed an error.
        ++m_status.unacknowledged;
        return;
    }
    if (ack.kind == SlackAck::Kind::Invalid)
        qCWarning(lcSlack).noquote() << "Socket Mode: acknowledged and dropped an envelope of type"
                                     << type << "-" << ack.error;
    QJsonObject answer{{u"envelope_id"_s, id}};
    if (!ack.payload.isEmpty() && envelope.value(u"accepts_response_payload").toBool())
        answer.insert(u"payload"_s, ack.payload);
    socket->sendTextMessage(
        QString::fromUtf8(QJsonDocument(answer).toJson(QJsonDocument::Compact)));
    m_status.ackLatency.observeNs(received.nsecsElapsed());
}

} // namespace Bridge
