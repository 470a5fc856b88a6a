#include "servicemanager.h"

#include <QCoreApplication>

#include <cstring>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

ServiceManager::ServiceManager(const QProcessEnvironment &env, QObject *parent)
    : QObject(parent)
{
    QByteArray path = env.value(QStringLiteral("NOTIFY_SOCKET")).toLocal8Bit();
    if (path.isEmpty() || path.size() >= qsizetype(sizeof(sockaddr_un::sun_path)))
        return;
    if (path.startsWith('@'))
        path[0] = '\0';
    else if (!path.startsWith('/'))
        return; // sd_notify accepts only absolute paths and abstract names
    m_fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (m_fd < 0)
        return;
    m_address = path;

    // The watchdog is meant for this process only (WATCHDOG_PID, when set, names it).
    const qint64 usec = env.value(QStringLiteral("WATCHDOG_USEC")).toLongLong();
    const QString pid = env.value(QStringLiteral("WATCHDOG_PID"));
    if (usec > 0 && (pid.isEmpty() || pid.toLongLong() == QCoreApplication::applicationPid())) {
        connect(&m_watchdog, &QTimer::timeout, this, [this] { send("WATCHDOG=1"); });
        m_watchdog.start(int(qMax<qint64>(1, usec / 2000)));
    }
}

void ServiceManager::logToJournaldIfThere(const QProcessEnvironment &env)
{
    // JOURNAL_STREAM is "<device>:<inode>" of the stream systemd connected; it is inherited,
    // so it counts only while stderr still is that stream.
    const QStringList stream = env.value(QStringLiteral("JOURNAL_STREAM")).split(u':');
    struct stat err
    {
    };
    if (stream.size() != 2 || ::fstat(STDERR_FILENO, &err) != 0 ||
        stream.at(0).toULongLong() != quint64(err.st_dev) ||
        stream.at(1).toULongLong() != quint64(err.st_ino))
        return;
    qSetMessagePattern(
        QStringLiteral("%{if-fatal}<2>%{endif}%{if-critical}<3>%{endif}%{if-warning}<4>%{endif}"
                       "%{if-info}<6>%{endif}%{if-debug}<7>%{endif}%{category}: %{message}"));
}

ServiceManager::~ServiceManager()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

void ServiceManager::ready()
{
    send("READY=1\nSTATUS=serving");
}

void ServiceManager::stopping()
{
    m_watchdog.stop();
    send("STOPPING=1");
}

void ServiceManager::send(const QByteArray &state)
{
    if (m_fd < 0)
        return;
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    std::memcpy(address.sun_path, m_address.constData(), size_t(m_address.size()));
    const auto length = socklen_t(offsetof(sockaddr_un, sun_path) + size_t(m_address.size()));
    // Best effort, as sd_notify: systemd not listening must not stop the bridge.
    [[maybe_unused]] const auto sent =
        ::sendto(m_fd, state.constData(), size_t(state.size()), MSG_NOSIGNAL,
                 reinterpret_cast<const sockaddr *>(&address), length);
}
