#include "bridgeprocess.h"

#include "benchclock.h"
#include "httpconnection.h"

#include <QFile>
#include <QJsonDocument>
#include <QProcessEnvironment>
#include <QTcpServer>

#include <csignal>

#include <sys/prctl.h>
#include <sys/resource.h>
#include <unistd.h>

namespace Bench {

namespace {

QString logPath(const QTemporaryDir &dir)
{
    return dir.filePath(QStringLiteral("hiveslack.log"));
}

/// The value of a "Name:   123 kB" line of /proc/<pid>/status.
qint64 statusField(const QByteArray &status, const QByteArray &name)
{
    for (const QByteArray &line : status.split('\n')) {
        if (line.startsWith(QByteArray(name + ':')))
            return line.mid(name.size() + 1).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

} // namespace

BridgeProcess::BridgeProcess(Settings settings, QObject *parent)
    : QObject(parent)
    , m_settings(std::move(settings))
{
    m_dir.setAutoRemove(!m_settings.keepDataDir);
}

BridgeProcess::~BridgeProcess()
{
    stop();
}

bool BridgeProcess::start(QString *error)
{
    if (!m_dir.isValid()) {
        *error = QStringLiteral("cannot create a temporary data directory");
        return false;
    }
    m_port = freeLoopbackPort();
    if (m_port == 0) {
        *error = QStringLiteral("no free loopback port");
        return false;
    }
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    // Whatever the caller's shell configures must not leak into the measured bridge.
    for (const QString &key : env.keys()) {
        if (key.startsWith(u"HIVESLACK_"))
            env.remove(key);
    }
    env.insert(QStringLiteral("HIVESLACK_LISTEN"), QStringLiteral("127.0.0.1:%1").arg(m_port));
    env.insert(QStringLiteral("HIVESLACK_DATA_DIR"), m_dir.path());
    env.insert(QStringLiteral("HIVESLACK_THEHIVE_URL"), m_settings.theHiveUrl.toString());
    env.insert(QStringLiteral("HIVESLACK_THEHIVE_UI_URL"),
               QStringLiteral("https://thehive.example"));
    env.insert(QStringLiteral("HIVESLACK_THEHIVE_API_KEY"), m_settings.theHiveApiKey);
    env.insert(QStringLiteral("HIVESLACK_THEHIVE_WEBHOOK_SECRET"),
               QString::fromLatin1(WebhookSecret));
    env.insert(QStringLiteral("HIVESLACK_SLACK_API_URL"), m_settings.slackApiUrl.toString());
    env.insert(QStringLiteral("HIVESLACK_SLACK_BOT_TOKEN"), m_settings.slackBotToken);
    env.insert(QStringLiteral("HIVESLACK_SLACK_SIGNING_SECRET"),
               QString::fromLatin1(SigningSecret));
    env.insert(QStringLiteral("HIVESLACK_SLACK_CHANNEL"), QString::fromLatin1(Channel));
    env.insert(QStringLiteral("HIVESLACK_SLACK_RATE_FACTOR"),
               QString::number(m_settings.slackRateFactor));
    env.insert(QStringLiteral("HIVESLACK_RECONCILE_SECONDS"),
               QString::number(m_settings.reconcileSeconds));
    m_process.setProcessEnvironment(env);
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    m_process.setStandardOutputFile(logPath(m_dir));
    // However the benchmark ends (Ctrl-C, timeout), the bridge must not outlive it.
    m_process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
    m_process.start(m_settings.program, {QStringLiteral("--headless")});
    return true;
}

bool BridgeProcess::waitReady(int timeoutMs, QString *error)
{
    const qint64 deadlineNs = nowNs() + qint64(timeoutMs) * 1'000'000;
    while (nowNs() < deadlineNs) {
        if (m_process.state() == QProcess::NotRunning) {
            *error = QStringLiteral("hiveslack exited (code %1):\n%2")
                         .arg(m_process.exitCode())
                         .arg(logTail());
            return false;
        }
        const QJsonObject h = health();
        if (!h.value(u"thehive").toObject().value(u"version").toString().isEmpty() &&
            h.value(u"slack").toObject().value(u"state").toString() == u"ok")
            return true;
        settle(20);
    }
    *error = QStringLiteral("hiveslack was not ready (healthz with TheHive version and Slack ok) "
                            "within %1 ms:\n%2")
                 .arg(timeoutMs)
                 .arg(logTail());
    return false;
}

void BridgeProcess::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(5000)) {
        m_process.kill();
        m_process.waitForFinished(2000);
    }
}

QString BridgeProcess::logTail(int lines) const
{
    QFile file(logPath(m_dir));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QStringList all = QString::fromUtf8(file.readAll()).split(u'\n', Qt::SkipEmptyParts);
    return all.mid(qMax(0, int(all.size()) - lines)).join(u'\n');
}

std::optional<ProcessMemory> BridgeProcess::memory() const
{
    QFile file(QStringLiteral("/proc/%1/status").arg(pid()));
    if (pid() <= 0 || !file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QByteArray status = file.readAll();
    ProcessMemory m{statusField(status, "VmRSS"), statusField(status, "VmHWM")};
    if (m.rssKiB < 0 || m.hwmKiB < 0)
        return std::nullopt;
    return m;
}

std::optional<double> BridgeProcess::cpuSeconds() const
{
    QFile file(QStringLiteral("/proc/%1/stat").arg(pid()));
    if (pid() <= 0 || !file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QByteArray stat = file.readAll();
    // Fields after "(comm)": state is field 3, utime 14 and stime 15.
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return std::nullopt;
    const double ticks = double(fields.at(11).toLongLong() + fields.at(12).toLongLong());
    return ticks / double(::sysconf(_SC_CLK_TCK));
}

QJsonObject BridgeProcess::health()
{
    HttpConnection connection(m_port);
    std::optional<HttpReply> reply;
    connection.send(HttpConnection::request("GET", "/healthz", {}, {}, m_port),
                    [&reply](const HttpReply &r) { reply = r; });
    if (!waitUntil([&reply] { return reply.has_value(); }, 5000) || reply->status != 200)
        return {};
    return QJsonDocument::fromJson(reply->body).object();
}

quint16 freeLoopbackPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

double ownCpuSeconds()
{
    rusage usage{};
    ::getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

} // namespace Bench
