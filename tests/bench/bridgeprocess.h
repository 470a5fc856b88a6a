#pragma once

#include <QJsonObject>
#include <QObject>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>
#include <QUrl>

#include <optional>

namespace Bench {

/// What a child process holds in memory, from /proc/<pid>/status.
struct ProcessMemory
{
    qint64 rssKiB = 0; ///< VmRSS: resident now
    qint64 hwmKiB = 0; ///< VmHWM: the resident peak
};

/// The real `hiveslack --headless` as a child process, configured only through HIVESLACK_*
/// environment variables (secrets included) to talk to the in-process fakes, with a fresh
/// temporary data directory and a free loopback port. Its stdout/stderr go to a log file in
/// the data directory, shown when it dies.
class BridgeProcess final : public QObject
{
    Q_OBJECT
public:
    static constexpr char WebhookSecret[] = "bench-webhook-secret";
    static constexpr char SigningSecret[] = "8f742231b10e8888abcd99yyyzzz85a5";
    static constexpr char Channel[] = "C0BENCH01";

    struct Settings
    {
        QString program; ///< path of the hiveslack binary
        QUrl theHiveUrl;
        QString theHiveApiKey;
        QUrl slackApiUrl;
        QString slackBotToken;
        bool keepDataDir = false; ///< leave the journal and log behind for inspection
        /// Slack's rates times this (HIVESLACK_SLACK_RATE_FACTOR): the fake Slack only enforces
        /// Slack's limits in the scenarios about them, the others measure the bridge itself.
        double slackRateFactor = 1000;
        int reconcileSeconds = 0; ///< HIVESLACK_RECONCILE_SECONDS
    };

    explicit BridgeProcess(Settings settings, QObject *parent = nullptr);
    ~BridgeProcess() override;

    /// Starts the child without waiting for it. False (with @p error) if it cannot be set up.
    bool start(QString *error);
    /// Waits until GET /healthz answers 200 and reports TheHive's version and Slack "ok".
    bool waitReady(int timeoutMs, QString *error);
    /// SIGTERM, then SIGKILL if it has not exited after 5 s.
    void stop();

    bool isRunning() const { return m_process.state() == QProcess::Running; }
    quint16 port() const { return m_port; }
    qint64 pid() const { return m_process.processId(); }
    QString dataDir() const { return m_dir.path(); }
    /// The last lines the child wrote (stdout and stderr).
    QString logTail(int lines = 20) const;

    std::optional<ProcessMemory> memory() const;
    /// User + system CPU seconds the child has used, from /proc/<pid>/stat.
    std::optional<double> cpuSeconds() const;
    /// GET /healthz as JSON (empty when it does not answer 200 within 5 s).
    QJsonObject health();

private:
    Settings m_settings;
    QTemporaryDir m_dir;
    QProcess m_process;
    quint16 m_port = 0;
};

/// A TCP port on 127.0.0.1 that was free a moment ago (0 if none could be found).
quint16 freeLoopbackPort();

/// CPU seconds (user + system) this process has used.
double ownCpuSeconds();

} // namespace Bench
