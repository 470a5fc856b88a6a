#pragma once

#include <QMainWindow>

#include <optional>

class QLabel;
class QListWidget;
class QMenu;
class QStackedWidget;

namespace Console {

class ActivityPage;
class BridgeHost;
class OverviewPage;
class TrayIcon;

/// The console window: a navigation list on the left, the pages on the right, the bridge's
/// state in the status bar. Closing it leaves the bridge running in the system tray when the
/// desktop has one; Quit (menu or tray) ends both. Geometry persists across starts.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    enum class Page { Overview, Connections, Channels, Users, Activity };
    Q_ENUM(Page)

    explicit MainWindow(BridgeHost &host, QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Switches to `page`; false when this build has no such page.
    bool showPage(Page page);
    std::optional<Page> currentPage() const;
    QListWidget *navigation() const { return m_navigation; }
    OverviewPage *overview() const { return m_overview; }
    ActivityPage *activity() const { return m_activity; }

    /// Whether closing hides to the tray (default: when the desktop has a tray).
    void setCloseToTray(bool closeToTray);
    bool closesToTray() const { return m_closeToTray; }
    TrayIcon *tray() const { return m_tray; }
    QString statusText() const;

    /// Shows, raises and activates the window (a second start, the tray's Show).
    void bringToFront();
    /// Saves the window state and ends the application, bridge included.
    void quit();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void addPage(Page page, const QString &title, QWidget *widget);
    void updateState();
    void restoreWindowState();
    void saveWindowState() const;

    BridgeHost &m_host;
    QListWidget *m_navigation = nullptr;
    QStackedWidget *m_stack = nullptr;
    QMenu *m_goMenu = nullptr;
    QLabel *m_stateIcon = nullptr;
    QLabel *m_stateText = nullptr;
    OverviewPage *m_overview = nullptr;
    ActivityPage *m_activity = nullptr;
    TrayIcon *m_tray = nullptr;
    bool m_closeToTray = false;
    bool m_quitting = false;
};

} // namespace Console
