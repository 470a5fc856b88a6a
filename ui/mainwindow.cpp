#include "mainwindow.h"

#include "activitypage.h"
#include "bridgehost.h"
#include "channelspage.h"
#include "connectionspage.h"
#include "hoststatus.h"
#include "overviewpage.h"
#include "trayicon.h"
#include "userspage.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>

namespace Console {

namespace {

/// Window geometry only: the console's settings and secrets live elsewhere.
QString windowSettingsFile()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) +
           QStringLiteral("/console-window.ini");
}

} // namespace

MainWindow::MainWindow(BridgeHost &host, QWidget *parent)
    : QMainWindow(parent)
    , m_host(host)
    , m_navigation(new QListWidget(this))
    , m_stack(new QStackedWidget(this))
    , m_stateIcon(new QLabel(this))
    , m_stateText(new QLabel(this))
    , m_tray(new TrayIcon(host, this))
{
    setWindowIcon(TrayIcon::iconFor(TrayIcon::Status::Running));

    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *quitAction = file->addAction(tr("&Quit"), this, &MainWindow::quit);
    quitAction->setShortcut(QKeySequence::Quit);
    quitAction->setMenuRole(QAction::QuitRole);
    m_goMenu = menuBar()->addMenu(tr("&Go"));
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About HiveSlack"), this, [this] {
        QMessageBox::about(
            this, tr("About HiveSlack"),
            tr("<h3>HiveSlack %1</h3><p>Brings TheHive cases into Slack as interactive cards and "
               "writes every action taken in Slack back to TheHive.</p><p>Built with Qt %2.</p>")
                .arg(QCoreApplication::applicationVersion(), QString::fromLatin1(qVersion())));
    });
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);

    m_navigation->setAccessibleName(tr("Pages"));
    m_navigation->setFixedWidth(180);
    m_navigation->setIconSize({0, 0});
    m_navigation->setSpacing(2);

    m_overview = new OverviewPage(host, m_stack);
    m_activity = new ActivityPage(host, m_stack);
    addPage(Page::Overview, tr("Overview"), m_overview);
    addPage(Page::Connections, tr("Connections"), new ConnectionsPage(host, m_stack));
    addPage(Page::Channels, tr("Channels"), new ChannelsPage(host, m_stack));
    addPage(Page::Users, tr("Users"), new UsersPage(host, m_stack));
    addPage(Page::Activity, tr("Activity"), m_activity);

    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->addWidget(m_navigation);
    layout->addWidget(m_stack, 1);
    setCentralWidget(central);

    // Permanent widgets: showMessage() text would vanish behind the first tool tip.
    statusBar()->addWidget(m_stateIcon);
    statusBar()->addWidget(m_stateText, 1);

    connect(m_navigation, &QListWidget::currentRowChanged, m_stack,
            &QStackedWidget::setCurrentIndex);
    connect(m_overview, &OverviewPage::configureRequested, this,
            [this] { showPage(Page::Connections); });
    connect(m_overview, &OverviewPage::failuresRequested, this, [this] {
        m_activity->showFailed();
        showPage(Page::Activity);
    });
    connect(&m_host, &BridgeHost::stateChanged, this, &MainWindow::updateState);
    connect(&m_host, &BridgeHost::bridgeReplaced, this, &MainWindow::updateState);
    connect(m_tray, &TrayIcon::statusChanged, this, &MainWindow::updateState);
    connect(m_tray, &TrayIcon::showRequested, this, &MainWindow::bringToFront);
    connect(m_tray, &TrayIcon::quitRequested, this, &MainWindow::quit);

    setCloseToTray(TrayIcon::isAvailable());
    updateState();
    resize(1040, 700);
    restoreWindowState();
}

MainWindow::~MainWindow() = default;

void MainWindow::addPage(Page page, const QString &title, QWidget *widget)
{
    m_stack->addWidget(widget);
    auto *item = new QListWidgetItem(title, m_navigation);
    item->setData(Qt::UserRole, QVariant::fromValue(page));
    item->setSizeHint({0, 32});
    const int number = m_navigation->count();
    QAction *go = m_goMenu->addAction(title, this, [this, page] { showPage(page); });
    go->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_0 + number)));
    if (m_navigation->currentRow() < 0)
        m_navigation->setCurrentRow(0);
}

bool MainWindow::showPage(Page page)
{
    for (int row = 0; row < m_navigation->count(); ++row) {
        if (m_navigation->item(row)->data(Qt::UserRole).value<Page>() == page) {
            m_navigation->setCurrentRow(row);
            return true;
        }
    }
    return false;
}

std::optional<MainWindow::Page> MainWindow::currentPage() const
{
    const QListWidgetItem *item = m_navigation->currentItem();
    if (!item)
        return std::nullopt;
    return item->data(Qt::UserRole).value<Page>();
}

void MainWindow::setCloseToTray(bool closeToTray)
{
    m_closeToTray = closeToTray;
    m_tray->setVisible(closeToTray);
    // With a tray the application ends on Quit only, not when the last window hides.
    QApplication::setQuitOnLastWindowClosed(!closeToTray);
}

QString MainWindow::statusText() const
{
    return m_stateText->text();
}

void MainWindow::updateState()
{
    m_stateText->setText(stateSummary(m_host));
    m_stateIcon->setPixmap(TrayIcon::iconFor(m_tray->status()).pixmap(16, 16));
    setWindowTitle(m_host.isDemo() ? tr("HiveSlack (demo)") : tr("HiveSlack"));
}

void MainWindow::bringToFront()
{
    if (isMinimized())
        showNormal();
    else
        show();
    raise();
    activateWindow();
}

void MainWindow::quit()
{
    m_quitting = true;
    saveWindowState();
    close();
    QCoreApplication::quit();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveWindowState();
    if (m_closeToTray && !m_quitting) {
        hide();
        m_tray->notifyKeptRunning();
        event->ignore();
        return;
    }
    event->accept();
}

void MainWindow::restoreWindowState()
{
    QSettings settings(windowSettingsFile(), QSettings::IniFormat);
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    const QVariant page = settings.value(QStringLiteral("window/page"));
    if (page.isValid())
        showPage(Page(page.toInt()));
}

void MainWindow::saveWindowState() const
{
    QSettings settings(windowSettingsFile(), QSettings::IniFormat);
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    if (const std::optional<Page> page = currentPage())
        settings.setValue(QStringLiteral("window/page"), int(*page));
}

} // namespace Console
