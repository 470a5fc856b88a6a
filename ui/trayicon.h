#pragma once

#include <QIcon>
#include <QObject>
#include <QTimer>

#include <memory>

class QMenu;
class QSystemTrayIcon;

namespace Console {

class BridgeHost;
class JournalWatcher;

/// The bridge in the system tray while the window is closed: the icon's colour and tooltip
/// say whether it runs, is not configured, or has failures waiting; the menu offers Show and
/// Quit.
class TrayIcon final : public QObject
{
    Q_OBJECT
public:
    enum class Status {
        Running,       ///< listening, nothing failed
        NotConfigured, ///< starting, or a setting or secret is missing
        Attention,     ///< the bridge could not start, or failed events wait for a Retry
    };
    Q_ENUM(Status)

    explicit TrayIcon(BridgeHost &host, QObject *parent = nullptr);
    ~TrayIcon() override;

    /// Whether the desktop has a tray to put the icon in.
    static bool isAvailable();
    /// The icon of a status: a coloured disc, so it reads at 16 px.
    static QIcon iconFor(Status status);

    void setVisible(bool visible);
    Status status() const { return m_status; }
    QString toolTip() const { return m_toolTip; }
    int failuresWaiting() const { return m_failed; }

    /// Tells the user once per session that closing the window left the bridge running.
    void notifyKeptRunning();

Q_SIGNALS:
    /// status() or toolTip() changed.
    void statusChanged();
    void showRequested();
    void quitRequested();

private:
    void refresh();

    BridgeHost &m_host;
    JournalWatcher *m_watcher = nullptr;
    std::unique_ptr<QMenu> m_menu; ///< a QMenu cannot have a QObject parent
    QSystemTrayIcon *m_tray = nullptr;
    QTimer m_coalesce; ///< one count query per burst of journal changes
    Status m_status = Status::NotConfigured;
    QString m_toolTip;
    int m_failed = 0;
    bool m_notified = false;
};

} // namespace Console
