#include "demo/simulator.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

namespace Bridge {

namespace {
const char DemoWebhookSecret[] = "demo-webhook-secret";
const char DemoChannel[] = "C0HIVE01";             // seeded by `hiveslack-sim --demo` as #soc-cases
const char DemoRestrictedChannel[] = "C0HIVERED1"; // and #soc-restricted
} // namespace

Simulator::Simulator(QObject *parent)
    : QObject(parent)
{
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
}

Simulator::~Simulator()
{
    stop();
}

QString Simulator::defaultProgram()
{
    return QCoreApplication::applicationDirPath() + QStringLiteral("/hiveslack-sim");
}

bool Simulator::start(const QString &program, quint16 bridgePort, int intervalMs, QString *error)
{
    m_process.start(program, {QStringLiteral("--demo"), QStringLiteral("--webhook-url"),
                              QStringLiteral("http://127.0.0.1:%1/thehive/webhook").arg(bridgePort),
                              QStringLiteral("--webhook-secret"), QLatin1String(DemoWebhookSecret),
                              QStringLiteral("--every"), QString::number(intervalMs)});
    if (!m_process.waitForStarted(5000)) {
        *error = tr("cannot start the simulator %1: %2").arg(program, m_process.errorString());
        return false;
    }
    // The first line says where the fakes listen: {"event":"ready","thehive":…,"slack":…}.
    while (!m_process.canReadLine()) {
        if (!m_process.waitForReadyRead(5000)) {
            *error = tr("the simulator did not say where it listens");
            stop();
            return false;
        }
    }
    const QJsonObject ready = QJsonDocument::fromJson(m_process.readLine()).object();
    m_theHiveUrl = QUrl(ready.value(u"thehive").toString());
    m_slackApiUrl = QUrl(ready.value(u"slack").toString());
    if (!m_theHiveUrl.isValid() || !m_slackApiUrl.isValid()) {
        *error = tr("the simulator did not say where it listens");
        stop();
        return false;
    }
    // Only now: connected earlier, this would also swallow the "ready" line above.
    const auto forward = [this] {
        while (m_process.canReadLine())
            Q_EMIT logLine(m_process.readLine().trimmed());
    };
    connect(&m_process, &QProcess::readyReadStandardOutput, this, forward);
    forward();
    return true;
}

void Simulator::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(3000))
        m_process.kill();
}

BridgeConfig Simulator::demoConfig(const QString &dataDir, quint16 bridgePort) const
{
    BridgeConfig config;
    config.dataDir = dataDir;
    config.listenPort = bridgePort;
    config.theHiveUrl = m_theHiveUrl;
    config.theHiveUiUrl = m_theHiveUrl;
    config.slackApiUrl = m_slackApiUrl;
    config.defaultChannel = QLatin1String(DemoChannel);
    // As the example configuration: the broad channel shows up to TLP:GREEN, TLP:RED cases go
    // to a restricted channel (the simulator's TheHive numbers RED 4).
    config.defaultTlpCeiling = 1;
    RouteRule red;
    red.name = QStringLiteral("TLP:RED");
    red.tlps = {4};
    red.channel = QLatin1String(DemoRestrictedChannel);
    config.routes = {red};
    return config;
}

bool Simulator::resetJournal(const BridgeConfig &config, QString *error)
{
    const QString journal = config.journalPath();
    const QStringList files{journal, journal + QStringLiteral("-wal"),
                            journal + QStringLiteral("-shm")};
    for (const QString &file : files) {
        if (QFile::exists(file) && !QFile::remove(file)) {
            if (error)
                *error = tr("cannot remove the old demo journal %1").arg(file);
            return false;
        }
    }
    return true;
}

Credentials Simulator::demoCredentials()
{
    Credentials c;
    c.theHiveApiKey = QStringLiteral("sim-thehive-key");
    c.slackBotToken = QStringLiteral("xoxb-sim");
    c.theHiveWebhookSecret = QLatin1String(DemoWebhookSecret);
    c.slackSigningSecret = QStringLiteral("demo-signing-secret");
    return c;
}

} // namespace Bridge
