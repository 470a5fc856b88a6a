#pragma once

#include "config/bridgeconfig.h"
#include "core/clock.h"

#include <QObject>

#include <memory>

class QNetworkAccessManager;

namespace Bridge {

class ActionHandler;
class AlertCards;
class AlertTriage;
class AnalystPermissions;
class AnalystWriter;
class CardPublisher;
class CommandHandler;
class ResponseUrls;
class CaseReconciler;
class Dispatcher;
class CaseSuggestions;
class EvidenceHandler;
class ThreadSync;
class HiveVersionProbe;
class HttpListener;
class Journal;
class JournalRetention;
class NewCaseHandler;
class RestClient;
class SlackClient;
class SlackDirectory;
class SlackHttpRoutes;
class SlackIntake;
class SocketModeClient;
class TheHiveClient;
class TheHiveIntake;
class UserLinker;
struct Outcome;
struct JournalEvent;
struct StatusSnapshot;

/// The bridge, composed: intake (HTTP routes, and Socket Mode when an app-level token is given)
/// → journal → dispatcher → TheHive and Slack clients.
/// Everything it depends on is handed in (config, secrets, journal, clock, network), so two
/// bridges can run side by side in one process.
class BridgeService final : public QObject
{
    Q_OBJECT
public:
    BridgeService(BridgeConfig config, Credentials credentials, Journal &journal,
                  const Clock &clock, QNetworkAccessManager &network, QObject *parent = nullptr);
    ~BridgeService() override;

    /// Listens and starts delivering what the journal holds, and keeps the journal within
    /// journalRetentionDays (JournalRetention); false plus a reason on failure.
    bool start(QString *error);
    /// Stops listening and delivering. Journaled events stay for the next start.
    void stop();
    /// A clean stop: stops listening and taking new events, lets the deliveries under way
    /// record their outcome (so a card Slack already has is not posted again after a restart),
    /// then calls `done` — at the latest after `timeoutMs`.
    void shutdown(std::function<void()> done, int timeoutMs = 5000);

    quint16 port() const;
    bool isListening() const;
    const BridgeConfig &config() const { return m_config; }
    Journal &journal() { return m_journal; }
    /// Re-delivers a failed event now (the console's Retry).
    bool retryEvent(qint64 eventId);

    /// Posts a sample card (no controls) as this channel would show a case routed to it, under
    /// the strictest ceiling set for it: the console's channel check.
    void sendTestMessage(const QString &channel,
                         std::function<void(bool ok, const QString &error)> done);

    // The bridge's own clients, for the console's checks (user links, test cards, pickers).
    SlackClient &slack() { return *m_slack; }
    TheHiveClient &hive() { return *m_hive; }
    HiveVersionProbe &versions() { return *m_versions; }
    UserLinker &users() { return *m_users; }
    CardPublisher &cards() { return *m_cards; }
    CaseReconciler &reconciler() { return *m_reconciler; }
    AnalystPermissions &permissions() { return *m_permissions; }
    AnalystWriter &writer() { return *m_writer; }
    /// Null in HTTP mode (no app-level token).
    SocketModeClient *socketMode() { return m_socketMode.get(); }

Q_SIGNALS:
    void eventJournaled(qint64 eventId);
    void outcomeRecorded(qint64 eventId);

private:
    void registerRoutes();
    void checkPeers();
    StatusSnapshot snapshot() const;
    /// Journal write failures and peer outages, as they stand now.
    void reportOutages(StatusSnapshot &s) const;
    void handleEvent(const JournalEvent &event, std::function<void(const Outcome &)> done);

    BridgeConfig m_config;
    Credentials m_credentials;
    Journal &m_journal;
    const Clock &m_clock;
    std::unique_ptr<RestClient> m_rest;
    std::unique_ptr<TheHiveClient> m_hive;
    std::unique_ptr<HiveVersionProbe> m_versions;
    std::unique_ptr<SlackClient> m_slack;
    std::unique_ptr<SlackDirectory> m_directory;
    std::unique_ptr<UserLinker> m_users;
    std::unique_ptr<AnalystPermissions> m_permissions;
    std::unique_ptr<AnalystWriter> m_writer;
    std::unique_ptr<CardPublisher> m_cards;
    std::unique_ptr<ActionHandler> m_actions;
    std::unique_ptr<ResponseUrls> m_responseUrls; ///< slash commands' answer URLs, in memory only
    std::unique_ptr<NewCaseHandler> m_newCases;
    std::unique_ptr<EvidenceHandler> m_evidence;
    std::unique_ptr<CaseSuggestions> m_suggestions;
    std::unique_ptr<ThreadSync> m_threads;
    std::unique_ptr<AlertCards> m_alertCards;
    std::unique_ptr<AlertTriage> m_alertTriage;
    std::unique_ptr<CommandHandler> m_commands;
    std::unique_ptr<CaseReconciler> m_reconciler;
    std::unique_ptr<Dispatcher> m_dispatcher;
    std::unique_ptr<JournalRetention> m_retention;
    std::unique_ptr<TheHiveIntake> m_hiveIntake;
    std::unique_ptr<SlackIntake> m_slackIntake;
    std::unique_ptr<SlackHttpRoutes> m_slackRoutes;
    std::unique_ptr<SlackClient> m_appSlack;        ///< with the app-level token, for Socket Mode
    std::unique_ptr<SocketModeClient> m_socketMode; ///< null in HTTP mode
    std::unique_ptr<HttpListener> m_http;
    qint64 m_startedAtMs = 0;
    bool m_hiveReachable = false;
    QString m_slackState = QStringLiteral("unknown");
    QString m_slackTeam;
    QString m_slackError;
};

} // namespace Bridge
