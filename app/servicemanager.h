#pragma once

#include <QObject>
#include <QProcessEnvironment>
#include <QTimer>

/// Tells systemd (a `Type=notify` unit) how the service is doing, without libsystemd: one
/// datagram per state on the AF_UNIX socket named by NOTIFY_SOCKET (sd_notify(3)'s protocol,
/// an abstract socket when the name starts with '@'). READY=1 once serving, STOPPING=1 when a
/// clean stop begins, and WATCHDOG=1 every half of WATCHDOG_USEC while the event loop runs
/// (so a hung bridge is restarted). Without NOTIFY_SOCKET it does nothing.
class ServiceManager final : public QObject
{
    Q_OBJECT
public:
    explicit ServiceManager(const QProcessEnvironment &env, QObject *parent = nullptr);
    ~ServiceManager() override;

    bool isActive() const { return m_fd >= 0; }
    /// When stderr goes to journald (JOURNAL_STREAM names it), every log line starts with its
    /// syslog priority ("<3>" error … "<7>" debug), which journald keeps as PRIORITY.
    static void logToJournaldIfThere(const QProcessEnvironment &env);
    void ready();
    void stopping();

private:
    void send(const QByteArray &state);

    int m_fd = -1;
    QByteArray m_address; ///< sun_path, with a leading NUL for an abstract socket
    QTimer m_watchdog;
};
