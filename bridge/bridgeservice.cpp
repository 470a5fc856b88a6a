#include "bridgeservice.h"

#include "alerts/alertcards.h"
#include "alerts/alerttriage.h"
#include "authority/analystpermissions.h"
#include "authority/analystwriter.h"
#include "clients/hiveversionprobe.h"
#include "clients/restclient.h"
#include "clients/slackclient.h"
#include "clients/thehiveclient.h"
#include "commands/commandhandler.h"
#include "commands/responseurls.h"
#include "core/logging.h"
#include "delivery/actionhandler.h"
#include "delivery/cardpublisher.h"
#include "delivery/dispatcher.h"
#include "directory/slackdirectory.h"
#include "directory/userlinker.h"
#include "evidence/casesuggestions.h"
#include "evidence/evidencehandler.h"
#include "http/hardenedtcpserver.h"
#include "http/httplistener.h"
#include "intake/slackhttproutes.h"
#include "intake/slackintake.h"
#include "intake/thehiveintake.h"
#include "journal/journal.h"
#include "journal/journalretention.h"
#include "newcase/newcasehandler.h"
#include "reconcile/casereconciler.h"
#include "socketmode/socketmodeclient.h"
#include "status/statusreport.h"
#include "threadsync/threadsync.h"

#include <QHttpServerRequest>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>

namespace Bridge {

namespace {
constexpr int OutboundTimeoutMs = 10'000;
}

BridgeService::BridgeService(BridgeConfig config, Credentials credentials, Journal &journal,
                             const Clock &clock, QNetworkAccessManager &network, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_credentials(std::move(credentials))
    , m_journal(journal)
    , m_clock(clock)
{
    m_rest = std::make_unique<RestClient>(network, OutboundTimeoutMs);
    m_hive =
        std::make_unique<TheHiveClient>(*m_rest, m_config.theHiveUrl, m_credentials.theHiveApiKey,
                                        m_config.theHiveOrganisation, m_config.theHiveUserHeader);
    m_versions = std::make_unique<HiveVersionProbe>(*m_hive, m_config.theHiveVersion);
    m_slack = std::make_unique<SlackClient>(*m_rest, m_config.slackApiUrl,
                                            m_credentials.slackBotToken, m_config.slackRateLimits);
    m_directory = std::make_unique<SlackDirectory>(*m_slack, m_clock);
    m_cards = std::make_unique<CardPublisher>(m_config, m_journal, *m_hive, *m_versions, *m_slack,
                                              *m_directory);
    m_users = std::make_unique<UserLinker>(m_config, m_clock, *m_directory, *m_slack, *m_hive,
                                           *m_versions);
    m_permissions =
        std::make_unique<AnalystPermissions>(*m_hive, m_clock, m_config.theHiveOrganisation);
    m_writer = std::make_unique<AnalystWriter>(m_config, *m_hive, *m_permissions);
    m_actions = std::make_unique<ActionHandler>(m_config, m_journal, *m_hive, *m_versions, *m_slack,
                                                *m_users, *m_writer, *m_cards);
    m_responseUrls = std::make_unique<ResponseUrls>(m_clock);
    const BridgeParts parts{m_config, m_journal, *m_hive,  *m_versions,    *m_slack,
                            *m_users, *m_writer, *m_cards, *m_responseUrls};
    m_newCases = std::make_unique<NewCaseHandler>(parts);
    m_evidence = std::make_unique<EvidenceHandler>(parts);
    m_threads = std::make_unique<ThreadSync>(parts);
    m_alertCards = std::make_unique<AlertCards>(parts);
    m_alertTriage = std::make_unique<AlertTriage>(parts, *m_alertCards);
    m_suggestions = std::make_unique<CaseSuggestions>(*m_users, *m_versions, *m_writer, *m_cards);
    m_commands = std::make_unique<CommandHandler>(parts, *m_newCases);
    m_reconciler = std::make_unique<CaseReconciler>(m_journal, *m_hive, *m_versions, *m_cards,
                                                    m_clock, m_config.reconcileSeconds);
    m_dispatcher = std::make_unique<Dispatcher>(
        m_journal, m_clock, m_config.retryPolicy(),
        [this](const JournalEvent &event, Dispatcher::Completion done) {
            handleEvent(event, std::move(done));
        });
    connect(m_dispatcher.get(), &Dispatcher::outcomeRecorded, this,
            [this](qint64 id) { Q_EMIT outcomeRecorded(id); });
    connect(m_dispatcher.get(), &Dispatcher::gaveUp, this,
            [this](const JournalEvent &event, const QString &reason) {
                if (NewCaseHandler::handles(event))
                    m_newCases->tellGaveUp(event, reason);
                else if (EvidenceHandler::handles(event))
                    m_evidence->tellGaveUp(event, reason);
                else if (AlertTriage::handles(event))
                    m_alertTriage->tellGaveUp(event, reason);
                else
                    m_actions->tellGaveUp(event, reason);
            });
    m_retention =
        std::make_unique<JournalRetention>(m_journal, m_clock, m_config.journalRetentionDays);

    m_hiveIntake =
        std::make_unique<TheHiveIntake>(m_journal, m_credentials.theHiveWebhookSecret.toUtf8());
    m_slackIntake =
        std::make_unique<SlackIntake>(m_journal, m_clock, m_config.taskTimeZone, *m_responseUrls);
    m_slackIntake->setSuggestionSource(
        [this](const SlackInteraction &in, std::function<void(const QJsonObject &)> answer) {
            m_suggestions->suggest(in, std::move(answer));
        });
    m_slackRoutes = std::make_unique<SlackHttpRoutes>(*m_slackIntake, m_clock,
                                                      m_credentials.slackSigningSecret.toUtf8());
    if (m_credentials.usesSocketMode()) {
        m_appSlack = std::make_unique<SlackClient>(
            *m_rest, m_config.slackApiUrl, m_credentials.slackAppToken, m_config.slackRateLimits);
        m_socketMode = std::make_unique<SocketModeClient>(*m_slackIntake, *m_appSlack,
                                                          m_config.socketModeTiming);
    }
    connect(m_hiveIntake.get(), &TheHiveIntake::journaled, this, &BridgeService::eventJournaled);
    connect(m_slackIntake.get(), &SlackIntake::journaled, this, &BridgeService::eventJournaled);
    connect(m_reconciler.get(), &CaseReconciler::eventJournaled, this,
            &BridgeService::eventJournaled);
    connect(this, &BridgeService::eventJournaled, m_dispatcher.get(), &Dispatcher::wake);
    m_http = std::make_unique<HttpListener>(m_config.http);
    registerRoutes();
}

BridgeService::~BridgeService() = default;

void BridgeService::handleEvent(const JournalEvent &event,
                                std::function<void(const Outcome &)> done)
{
    if (ThreadSync::handles(event))
        m_threads->handle(event, std::move(done));
    else if (AlertCards::handles(event))
        m_alertCards->handle(event, std::move(done));
    else if (AlertTriage::handles(event))
        m_alertTriage->handle(event, std::move(done));
    else if (event.source == EventSource::TheHive)
        m_cards->handle(event, std::move(done));
    else if (event.source == EventSource::Reconcile)
        m_reconciler->deliver(event, std::move(done));
    else if (event.kind == u"slack.command")
        m_commands->handle(event, std::move(done));
    else if (NewCaseHandler::handles(event))
        m_newCases->handle(event, std::move(done));
    else if (EvidenceHandler::handles(event))
        m_evidence->handle(event, std::move(done));
    else
        m_actions->handle(event, std::move(done));
}

void BridgeService::registerRoutes()
{
    QHttpServer &server = m_http->server();
    server.route(QStringLiteral("/thehive/webhook"), QHttpServerRequest::Method::Post,
                 [this](const QHttpServerRequest &request, TheHiveIntake::Responder responder) {
                     m_hiveIntake->handle(request, std::move(responder));
                 });
    m_slackRoutes->registerOn(server);
    server.route(QStringLiteral("/healthz"), QHttpServerRequest::Method::Get, [this] {
        const StatusSnapshot s = snapshot();
        return HttpListener::json(healthStatusCode(s),
                                  QJsonDocument(healthJson(s)).toJson(QJsonDocument::Compact));
    });
    server.route(QStringLiteral("/metrics"), QHttpServerRequest::Method::Get, [this] {
        return QHttpServerResponse(QByteArrayLiteral("text/plain; version=0.0.4"),
                                   metricsText(snapshot()));
    });
}

StatusSnapshot BridgeService::snapshot() const
{
    StatusSnapshot s;
    s.uptimeMs = m_clock.nowMs() - m_startedAtMs;
    const Counts counts = m_journal.counts();
    s.pending = counts.pending;
    s.delivered = counts.delivered;
    s.failed = counts.failed;
    s.ignored = counts.ignored;
    s.discarded = counts.discarded;
    if (const auto v = m_versions->known()) {
        s.hiveVersion = v->toString();
        s.hiveState = m_hiveReachable ? QStringLiteral("ok") : QStringLiteral("unknown");
    } else {
        s.hiveState =
            m_versions->lastError().isEmpty() ? QStringLiteral("unknown") : QStringLiteral("error");
        s.hiveError = m_versions->lastError();
    }
    s.slackState = m_slackState;
    s.slackTeam = m_slackTeam;
    s.slackError = m_slackError;
    reportOutages(s);
    const SlackRateGovernor::Stats pacing = m_slack->rateStats();
    s.slackRateLimited = pacing.rateLimited;
    s.slackPausedMs = pacing.pausedMs;
    s.slackQueuedByChannel = pacing.queuedByChannel;
    const CaseReconciler::Status reconcile = m_reconciler->status();
    s.reconcilePasses = reconcile.passes;
    s.reconcileFound = reconcile.casesJournaled;
    s.reconcileError = reconcile.lastError;
    if (m_config.reconcileSeconds > 0 && reconcile.lastPassAtMs > 0)
        s.reconcileLagMs = m_clock.nowMs() - reconcile.lastPassAtMs;
    s.webhooksAccepted = m_hiveIntake->accepted();
    s.webhooksRejected = m_hiveIntake->rejected();
    s.interactionsAccepted = m_slackIntake->accepted();
    s.interactionsRejected = m_slackIntake->rejected();
    if (const HardenedTcpServer *tcp = m_http->tcpServer()) {
        s.httpTooLarge = tcp->rejectedTooLarge();
        s.httpTimedOut = tcp->closedForTimeout();
    }
    s.inFlight = m_dispatcher->inFlight();
    s.deliveryLatency = m_dispatcher->deliveryLatency();
    s.requestLatency = m_slackRoutes->latencies();
    s.requestLatency.insert(QStringLiteral("/thehive/webhook"), m_hiveIntake->latency());
    if (m_socketMode) {
        const SocketModeClient::Status socket = m_socketMode->status();
        s.socketMode = SocketModeClient::stateName(socket.state);
        s.socketModeError = socket.lastError;
        s.socketModeConnections = socket.connections;
        s.socketModeEnvelopes = socket.envelopes;
        s.socketModeUnacknowledged = socket.unacknowledged;
        s.requestLatency.insert(QStringLiteral("socket_mode"), socket.ackLatency);
    }
    return s;
}

void BridgeService::reportOutages(StatusSnapshot &s) const
{
    s.journalError = m_journal.lastWriteError();
    s.journalOk = s.journalError.isEmpty();
    s.journalWriteFailures = m_journal.writeFailures();
    s.hiveFailures = m_hive->outages().failures();
    s.slackFailures = m_slack->outages().failures();
    s.hiveErrors = m_hive->errors().byKind();
    s.slackErrors = m_slack->errors().byKind();
    if (m_appSlack) {
        for (const auto &[kind, n] : m_appSlack->errors().byKind().asKeyValueRange())
            s.slackErrors[kind] += n;
    }
    // The last call tells more than the start-up check.
    if (const QString down = m_hive->outages().current(); !down.isEmpty()) {
        s.hiveState = QStringLiteral("error");
        s.hiveError = down;
    }
    if (const QString down = m_slack->outages().current(); !down.isEmpty()) {
        s.slackState = QStringLiteral("error");
        s.slackError = down;
    }
}

bool BridgeService::start(QString *error)
{
    if (!m_http->listen(m_config.listenAddress, m_config.listenPort, error))
        return false;
    m_startedAtMs = m_clock.nowMs();
    m_dispatcher->start();
    m_retention->start();
    m_reconciler->start();
    if (m_socketMode)
        m_socketMode->start();
    checkPeers();
    qCInfo(lcHttp) << "listening on" << m_config.listenAddress.toString() << m_http->port();
    return true;
}

void BridgeService::checkPeers()
{
    m_versions->withVersion([this](std::optional<HiveVersion> v, const QString &) {
        m_hiveReachable = v.has_value() && !m_config.theHiveVersion;
        if (v)
            m_dispatcher->wake();
    });
    m_slack->authTest([this](const SlackResult &r) {
        m_slackState = r.ok() ? QStringLiteral("ok") : QStringLiteral("error");
        m_slackTeam = r.json.value(u"team").toString();
        m_slackError = r.ok() ? QString() : r.error;
    });
}

void BridgeService::stop()
{
    if (m_socketMode)
        m_socketMode->stop();
    m_dispatcher->stop();
    m_retention->stop();
    m_reconciler->stop();
    m_http.reset(); // closes the listening socket and every connection
}

void BridgeService::shutdown(std::function<void()> done, int timeoutMs)
{
    stop();
    if (m_dispatcher->inFlight() == 0)
        return done();
    auto once = std::make_shared<std::function<void()>>(std::move(done));
    auto finish = [once] {
        if (*once)
            std::exchange(*once, nullptr)();
    };
    connect(m_dispatcher.get(), &Dispatcher::drained, this, finish);
    QTimer::singleShot(timeoutMs, this, finish);
}

quint16 BridgeService::port() const
{
    return m_http ? m_http->port() : 0;
}

bool BridgeService::isListening() const
{
    return m_http && m_http->isListening();
}

void BridgeService::sendTestMessage(const QString &channel,
                                    std::function<void(bool, const QString &)> done)
{
    // A sample card shows the admin what analysts will see in this channel; its controls are
    // left out, so nobody can try to change a case that does not exist.
    CaseRecord sample;
    sample.id = QStringLiteral("hiveslack-test-card");
    sample.title = QStringLiteral("HiveSlack can post in this channel: a test card");
    sample.description = QStringLiteral("New TheHive cases routed to this channel appear as "
                                        "cards like this one, with controls to work them.");
    sample.severity = 2;
    sample.tlp = 1;
    sample.status = QStringLiteral("New");
    sample.stage = QStringLiteral("New");
    sample.createdAt = m_clock.nowMs();
    CardOptions options;
    options.version = m_versions->known().value_or(HiveVersion{});
    options.controls = false;
    m_slack->postMessage(m_cards->policy().sample(sample, channel).card(options), {},
                         [done](const SlackResult &r) { done(r.ok(), r.error); });
}

bool BridgeService::retryEvent(qint64 eventId)
{
    if (!m_journal.retryNow(eventId))
        return false;
    m_dispatcher->wake();
    return true;
}

} // namespace Bridge
