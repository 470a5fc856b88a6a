#pragma once

// A whole bridge on loopback for integration tests: the fake TheHive and fake Slack from
// tests/support, a real SQLite journal in a temporary directory, real HTTP both ways.

#include "fakeslack.h"
#include "fakethehive.h"

#include "bridgeservice.h"
#include "config/bridgeconfig.h"
#include "core/clock.h"
#include "journal/journal.h"

#include <QNetworkAccessManager>
#include <QTemporaryDir>

#include <memory>

namespace TestSupport {

struct HttpAnswer
{
    int status = 0;
    QByteArray body;
};

class BridgeHarness
{
public:
    static constexpr char WebhookSecret[] = "hive-webhook-secret";
    static constexpr char SigningSecret[] = "8f742231b10e8888abcd99yyyzzz85a5";
    static constexpr char Channel[] = "C0HIVE01";

    explicit BridgeHarness(const QString &hiveVersion = QStringLiteral("5.2.9"));
    ~BridgeHarness();

    /// Edit before start() to change routing, ceilings, overrides… The bridge paces Slack calls
    /// 100 times faster than Slack's limits and does not reconcile with TheHive: tests that are
    /// about those set them.
    Bridge::BridgeConfig config;
    /// How long the bridge's journal waits for a lock another connection holds.
    int journalBusyTimeoutMs = Bridge::Journal::DefaultBusyTimeoutMs;
    FakeTheHive hive;
    FakeSlack slack;

    /// Before start(): Slack reaches the bridge by Socket Mode (an app-level token), with the
    /// signing secret for HTTP as well only when asked to keep it.
    FakeSocketMode &useSocketMode(bool keepSigningSecret = false);

    /// Starts (or restarts, on the same journal file) the bridge.
    void start();
    /// Stops and destroys the bridge and its journal, as a crash or restart would.
    void stop();
    Bridge::BridgeService &bridge() { return *m_bridge; }
    Bridge::Journal &journal() { return *m_journal; }
    QString journalPath() const;
    QUrl url(const QString &path) const;

    /// POSTs a webhook with the right secret (or `authorization` when given) and waits.
    HttpAnswer postWebhook(const QJsonObject &body, const QByteArray &authorization = {});
    HttpAnswer postRaw(const QString &path, const QByteArray &body,
                       const QList<QPair<QByteArray, QByteArray>> &headers);
    /// POSTs a signed Slack interaction (payload=<json>, form-encoded).
    /// `payload=` form-encoded and signed, to /slack/interactions (or another interactivity
    /// path: /slack/options for a block_suggestion).
    HttpAnswer postInteraction(const QJsonObject &payload,
                               const QString &path = QStringLiteral("/slack/interactions"));
    /// A slash command's fields, form-encoded and signed, to /slack/commands.
    HttpAnswer postCommand(const QJsonObject &fields);
    static QByteArray formBody(const QJsonObject &payload);
    HttpAnswer get(const QString &path);

    /// Processes events until `condition` holds or `timeoutMs` passes.
    static bool waitFor(const std::function<bool()> &condition, int timeoutMs = 5000);

    /// Top-level card messages in a channel (not thread replies).
    QList<FakeSlack::PostedMessage> cards(const QString &channel = QLatin1String(Channel)) const;
    QList<FakeSlack::PostedMessage> threadReplies(const QString &channel, const QString &ts) const;
    /// How many cards in a channel show `text` in their blocks (tests choose texts so that
    /// none contains another).
    int cardsShowing(const QString &text, const QString &channel = QLatin1String(Channel)) const;

private:
    Bridge::SystemClock m_clock;
    QString m_appToken;
    bool m_signingSecret = true;
    QTemporaryDir m_dir;
    QNetworkAccessManager m_client;                   ///< the test's own HTTP client
    std::unique_ptr<QNetworkAccessManager> m_network; ///< the bridge's, gone with it
    std::unique_ptr<Bridge::Journal> m_journal;
    std::unique_ptr<Bridge::BridgeService> m_bridge;
};

} // namespace TestSupport
