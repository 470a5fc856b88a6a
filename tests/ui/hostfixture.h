#pragma once

// A console BridgeHost over the fakes for GUI tests: fake TheHive and fake Slack on loopback,
// secrets in memory, the settings file and journal in a temporary directory.

#include "bridgehost.h"
#include "fakeslack.h"
#include "fakethehive.h"
#include "manualclock.h"
#include "memorysecretstore.h"

#include <QNetworkAccessManager>
#include <QTemporaryDir>

namespace TestSupport {

class HostFixture
{
public:
    static constexpr char WebhookSecret[] = "hive-webhook-secret";
    static constexpr char SigningSecret[] = "8f742231b10e8888abcd99yyyzzz85a5";
    static constexpr char Channel[] = "C0HIVE01";

    /// `clock` null: the system clock (for anything that talks HTTP with real timeouts).
    explicit HostFixture(ManualClock *clock = nullptr);
    ~HostFixture();

    /// A complete config for the fakes, listening on a free port.
    Bridge::BridgeConfig config() const;
    /// Saves config() through the host and waits until the bridge runs; false on timeout.
    bool startConfigured();
    /// Starts with no settings file at all: the host stays NotConfigured with a journal.
    void startUnconfigured();

    /// POSTs a TheHive webhook with the right secret to the running bridge; the HTTP status.
    int postWebhook(const QJsonObject &body);
    /// POSTs a signed Slack interaction (payload=<json>) to the running bridge; the HTTP status.
    int postInteraction(const QJsonObject &payload);

    QTemporaryDir dir;
    Bridge::SystemClock systemClock;
    MemorySecretStore secrets;
    FakeTheHive hive;
    FakeSlack slack;
    Console::BridgeHost host;

private:
    int post(const QString &path, const QByteArray &body,
             const QList<QPair<QByteArray, QByteArray>> &headers);

    QNetworkAccessManager m_client;
};

} // namespace TestSupport
