// The real `hiveslack --headless` under a Type=notify unit, without systemd: a datagram socket
// plays systemd's NOTIFY_SOCKET and hears READY=1 once the bridge serves, WATCHDOG=1 at half
// of WATCHDOG_USEC, and STOPPING=1 when SIGTERM starts a clean stop; its log lines carry
// journald priorities when stderr is journald's stream. And the unit shipped in
// resources/systemd passes systemd's own checks.
#include "fakeslack.h"
#include "fakethehive.h"
#include "headlessprocess.h"

#include <QFile>
#include <QProcess>
#include <QSocketNotifier>
#include <QTemporaryDir>
#include <QTest>

#include <cstring>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

using namespace TestSupport;
using namespace Qt::StringLiterals;

namespace {

/// systemd's end of sd_notify: a bound AF_UNIX datagram socket, collecting what arrives.
class NotifySocket
{
public:
    explicit NotifySocket(const QString &path)
    {
        m_fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
        sockaddr_un address{};
        address.sun_family = AF_UNIX;
        const QByteArray name = path.toLocal8Bit();
        std::memcpy(address.sun_path, name.constData(), size_t(name.size()));
        m_bound = m_fd >= 0 &&
                  ::bind(m_fd, reinterpret_cast<const sockaddr *>(&address), sizeof address) == 0;
        m_notifier = std::make_unique<QSocketNotifier>(m_fd, QSocketNotifier::Read);
        QObject::connect(m_notifier.get(), &QSocketNotifier::activated, [this] { drain(); });
    }
    ~NotifySocket() { ::close(m_fd); }

    bool bound() const { return m_bound; }
    QList<QByteArray> messages() const { return m_messages; }
    int count(const QByteArray &state) const
    {
        int n = 0;
        for (const QByteArray &m : m_messages)
            n += m.split('\n').contains(state) ? 1 : 0;
        return n;
    }

private:
    void drain()
    {
        char buffer[512];
        for (;;) {
            const ssize_t got = ::recv(m_fd, buffer, sizeof buffer, 0);
            if (got <= 0)
                return;
            m_messages.append(QByteArray(buffer, int(got)));
        }
    }

    int m_fd = -1;
    bool m_bound = false;
    std::unique_ptr<QSocketNotifier> m_notifier;
    QList<QByteArray> m_messages;
};

} // namespace

class TestSystemdNotify : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readyWatchdogStopping()
    {
        FakeTheHive hive;
        FakeSlack slack;
        QVERIFY(hive.listen() && slack.listen());
        slack.addChannel(u"C0HIVE01"_s, u"soc-cases"_s);
        QTemporaryDir dir;
        NotifySocket systemd(dir.filePath(u"notify"_s));
        QVERIFY(systemd.bound());

        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"HIVESLACK_THEHIVE_URL"_s, hive.baseUrl().toString());
        env.insert(u"HIVESLACK_THEHIVE_API_KEY"_s, hive.apiKey());
        env.insert(u"HIVESLACK_THEHIVE_WEBHOOK_SECRET"_s, u"w"_s);
        env.insert(u"HIVESLACK_SLACK_API_URL"_s, slack.apiUrl().toString());
        env.insert(u"HIVESLACK_SLACK_BOT_TOKEN"_s, slack.token());
        env.insert(u"HIVESLACK_SLACK_SIGNING_SECRET"_s, u"s"_s);
        env.insert(u"HIVESLACK_SLACK_CHANNEL"_s, u"C0HIVE01"_s);
        env.insert(u"NOTIFY_SOCKET"_s, dir.filePath(u"notify"_s));
        env.insert(u"WATCHDOG_USEC"_s, u"200000"_s); // a ping every 100 ms
        // stderr is "journald": the stream JOURNAL_STREAM names.
        const QString log = dir.filePath(u"stderr.log"_s);
        QFile(log).open(QIODevice::WriteOnly);
        struct stat logStat
        {
        };
        QVERIFY(::stat(QFile::encodeName(log).constData(), &logStat) == 0);
        env.insert(u"QT_LOGGING_RULES"_s, u"hiveslack.*.info=true"_s); // ctest turns them off
        env.insert(u"JOURNAL_STREAM"_s,
                   u"%1:%2"_s.arg(quint64(logStat.st_dev)).arg(quint64(logStat.st_ino)));
        HeadlessProcess bridge(env, dir.filePath(u"data"_s));
        bridge.setStandardErrorFile(log);
        QVERIFY(bridge.start());
        QVERIFY(QTest::qWaitFor([&] { return systemd.count("READY=1") == 1; }, 2000));
        QCOMPARE(systemd.count("STOPPING=1"), 0);
        QVERIFY(QTest::qWaitFor([&] { return systemd.count("WATCHDOG=1") >= 3; }, 2000));

        QVERIFY(bridge.terminate());
        QVERIFY(QTest::qWaitFor([&] { return systemd.count("STOPPING=1") == 1; }, 2000));
        QCOMPARE(systemd.count("READY=1"), 1);
        // Each log line carries its syslog priority for journald.
        QFile written(log);
        QVERIFY(written.open(QIODevice::ReadOnly));
        const QByteArray lines = written.readAll();
        QVERIFY2(lines.contains("<6>hiveslack.http: listening on"), lines.constData());
    }

    void theUnitPassesSystemdsChecks()
    {
        QFile unit(QStringLiteral(HIVESLACK_SOURCE_DIR) +
                   u"/resources/systemd/hiveslack.service"_s);
        QVERIFY(unit.open(QIODevice::ReadOnly));
        QByteArray text = unit.readAll();
        for (const QByteArray &line :
             {QByteArray("Type=notify"), QByteArray("WatchdogSec="), QByteArray("DynamicUser=yes"),
              QByteArray("StateDirectory=hiveslack"), QByteArray("ProtectSystem=strict"),
              QByteArray("NoNewPrivileges=yes"), QByteArray("LoadCredential=")})
            QVERIFY2(text.contains(QByteArray(QByteArray("\n") + line)), line.constData());
        // Verified with the binary of this build in place of the installed one.
        text.replace("ExecStart=/usr/bin/hiveslack", "ExecStart=" HIVESLACK_BINARY);
        QTemporaryDir dir;
        QFile copy(dir.filePath(u"hiveslack.service"_s));
        QVERIFY(copy.open(QIODevice::WriteOnly) && copy.write(text) == text.size());
        copy.close();
        QProcess analyze;
        analyze.start(u"systemd-analyze"_s, {u"verify"_s, u"--man=no"_s, copy.fileName()});
        QVERIFY2(analyze.waitForFinished(30'000), "systemd-analyze is missing or hangs");
        const QByteArray complaints = analyze.readAllStandardError();
        QCOMPARE(analyze.exitCode(), 0);
        QVERIFY2(complaints.isEmpty(), complaints.constData()); // unknown keys are only warned
    }
};

QTEST_GUILESS_MAIN(TestSystemdNotify)
#include "tst_systemdnotify.moc"
