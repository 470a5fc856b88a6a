#pragma once

#include "config/bridgeconfig.h"

#include <QObject>
#include <QProcess>

namespace Bridge {

/// The bundled simulator (`hiveslack-sim`: a fake TheHive and a fake Slack on loopback) run as
/// a child process for demo mode. It sends the bridge a sample case every few seconds, so the
/// whole loop can be watched without TheHive or a Slack workspace.
class Simulator final : public QObject
{
    Q_OBJECT
public:
    explicit Simulator(QObject *parent = nullptr);
    ~Simulator() override;

    /// Starts `program` and waits for it to say where it listens; it will post sample cases to
    /// http://127.0.0.1:<bridgePort>/thehive/webhook every `intervalMs`.
    bool start(const QString &program, quint16 bridgePort, int intervalMs, QString *error);
    void stop();

    /// A complete config and secrets for a bridge talking to this simulator.
    BridgeConfig demoConfig(const QString &dataDir, quint16 bridgePort) const;
    /// Removes the demo journal in `config`'s data directory: every simulator starts empty, and
    /// a journal from an earlier run would hold cards this Slack never had.
    static bool resetJournal(const BridgeConfig &config, QString *error);
    static Credentials demoCredentials();
    static QString defaultProgram(); ///< hiveslack-sim next to the running executable

Q_SIGNALS:
    /// One JSON line per request the simulated TheHive or Slack received.
    void logLine(const QByteArray &line);

private:
    QProcess m_process;
    QUrl m_theHiveUrl;
    QUrl m_slackApiUrl;
};

} // namespace Bridge
