#pragma once

#include "bridgeprocess.h"

#include "fakeslack.h"
#include "fakethehive.h"

#include <QObject>

#include <memory>
#include <optional>

namespace Bench {

/// Command-line settings shared by every scenario.
struct Options
{
    QString program;     ///< the hiveslack binary
    int events = 0;      ///< 0: each scenario's default
    double rate = 200;   ///< requests per second for the open-loop scenarios
    int connections = 8; ///< keep-alive connections for the open-loop scenarios
    int inflight = 64;   ///< concurrent requests for the throughput scenarios
    QString hiveVersion = QStringLiteral("5.2.9");
    bool keepData = false;         ///< keep each bridge's data directory (journal, log)
    double slackRateFactor = 1000; ///< see BridgeProcess::Settings
    /// Off but in "convergence": the fake TheHive answers listCase by scanning every case, and a
    /// scenario with 100,000 cases would measure that instead of the bridge.
    int reconcileSeconds = 0;
};

/// One measured set-up: the fake TheHive and fake Slack in this process (so a card's arrival is
/// timestamped on the benchmark's own monotonic clock) and the real hiveslack as a child.
class Rig final : public QObject
{
    Q_OBJECT
public:
    /// A create webhook for a new case, ready to send.
    struct Webhook
    {
        int number = 0; ///< the case number, which the card's text starts with ("#<number> ")
        QString caseId;
        QByteArray request; ///< the whole HTTP request
    };

    explicit Rig(const Options &options, QObject *parent = nullptr);
    ~Rig() override;

    /// Starts the fakes and the bridge and waits until the bridge is ready.
    bool start(QString *error);
    /// Starts only the fakes (for scenarios that run bridges themselves).
    bool startFakes(QString *error);
    /// How a BridgeProcess reaches the fakes.
    BridgeProcess::Settings bridgeSettings() const;

    TestSupport::FakeTheHive &hive() { return m_hive; }
    TestSupport::FakeSlack &slack() { return m_slack; }
    BridgeProcess &bridge() { return *m_bridge; }
    quint16 port() const { return m_bridge->port(); }

    /// Adds case number 1000 + @p serial to the fake TheHive and builds its create webhook.
    Webhook createWebhook(int serial);
    /// The whole HTTP request that delivers a TheHive webhook body to the bridge.
    QByteArray webhookRequest(const QJsonObject &body) const;
    /// A signed POST /slack/interactions (signed now: the signature holds a timestamp).
    QByteArray interactionRequest(const QByteArray &formBody) const;

    int cardsArrived() const { return m_cards; }
    int updatesArrived() const { return m_updates; }
    qint64 lastCardNs() const { return m_lastCardNs; }

Q_SIGNALS:
    /// A chat.postMessage reached the fake Slack; @p caseNumber is -1 when it is not a card.
    void cardArrived(int caseNumber, qint64 arrivedNs);

private:
    void onSlackRequest(const TestSupport::RecordedRequest &request);

    TestSupport::FakeTheHive m_hive;
    TestSupport::FakeSlack m_slack;
    Options m_options;
    std::unique_ptr<BridgeProcess> m_bridge;
    int m_cards = 0;
    int m_updates = 0;
    qint64 m_lastCardNs = 0;
};

/// Starts a Rig, printing why when it cannot. Returns nullptr on failure.
std::unique_ptr<Rig> startRig(const Options &options, const char *scenario);

} // namespace Bench
