#include "trayicon.h"

#include "bridgehost.h"
#include "hoststatus.h"
#include "journalwatcher.h"

#include "journal/journal.h"

#include <QMenu>
#include <QPainter>
#include <QPixmap>
#include <QSystemTrayIcon>

namespace Console {

namespace {
constexpr int CoalesceMs = 200;
}

TrayIcon::TrayIcon(BridgeHost &host, QObject *parent)
    : QObject(parent)
    , m_host(host)
    , m_watcher(new JournalWatcher(host, this))
    , m_menu(std::make_unique<QMenu>())
    , m_tray(new QSystemTrayIcon(this))
{
    m_menu->addAction(tr("&Show HiveSlack"), this, &TrayIcon::showRequested);
    m_menu->addSeparator();
    m_menu->addAction(tr("&Quit"), this, &TrayIcon::quitRequested);
    m_tray->setContextMenu(m_menu.get());
    connect(m_tray, &QSystemTrayIcon::activated, this,
            [this](QSystemTrayIcon::ActivationReason reason) {
                if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
                    Q_EMIT showRequested();
            });

    m_coalesce.setSingleShot(true);
    m_coalesce.setInterval(CoalesceMs);
    connect(&m_coalesce, &QTimer::timeout, this, &TrayIcon::refresh);
    connect(m_watcher, &JournalWatcher::eventChanged, &m_coalesce, qOverload<>(&QTimer::start));
    connect(m_watcher, &JournalWatcher::journalReplaced, this, &TrayIcon::refresh);
    connect(&m_host, &BridgeHost::stateChanged, this, &TrayIcon::refresh);
    refresh();
}

TrayIcon::~TrayIcon() = default;

bool TrayIcon::isAvailable()
{
    return QSystemTrayIcon::isSystemTrayAvailable();
}

QIcon TrayIcon::iconFor(Status status)
{
    QColor colour;
    switch (status) {
    case Status::Running:
        colour = QColor(0x2e, 0x9d, 0x4f);
        break;
    case Status::NotConfigured:
        colour = QColor(0x8a, 0x8f, 0x98);
        break;
    case Status::Attention:
        colour = QColor(0xd0, 0x3a, 0x2f);
        break;
    }
    QIcon icon;
    for (const int size : {16, 22, 32, 64}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(QPen(colour.darker(140), size / 16.0));
        painter.setBrush(colour);
        const qreal margin = size / 16.0;
        painter.drawEllipse(QRectF(margin, margin, size - 2 * margin, size - 2 * margin));
        // A white inner ring: two-tone stays legible on light and dark panels alike.
        painter.setPen(QPen(Qt::white, size / 10.0));
        painter.setBrush(Qt::NoBrush);
        const qreal inner = size * 0.3;
        painter.drawEllipse(QRectF(inner, inner, size - 2 * inner, size - 2 * inner));
        painter.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}

void TrayIcon::setVisible(bool visible)
{
    m_tray->setVisible(visible);
}

void TrayIcon::refresh()
{
    const Bridge::Journal *journal = m_watcher->journal();
    m_failed = journal ? journal->counts().failed : 0;
    switch (m_host.state()) {
    case BridgeHost::State::Running:
        m_status = m_failed > 0 ? Status::Attention : Status::Running;
        break;
    case BridgeHost::State::Failed:
        m_status = Status::Attention;
        break;
    case BridgeHost::State::NotConfigured:
    case BridgeHost::State::Starting:
        m_status = m_failed > 0 ? Status::Attention : Status::NotConfigured;
        break;
    }
    // The summary already counts the failures waiting.
    m_toolTip = tr("HiveSlack") + QLatin1Char('\n') + stateSummary(m_host);
    m_tray->setIcon(iconFor(m_status));
    m_tray->setToolTip(m_toolTip);
    Q_EMIT statusChanged();
}

void TrayIcon::notifyKeptRunning()
{
    if (m_notified || !m_tray->isVisible() || !QSystemTrayIcon::supportsMessages())
        return;
    m_notified = true;
    m_tray->showMessage(tr("HiveSlack keeps running"),
                        tr("The bridge keeps delivering in the background. Use the tray icon to "
                           "open the console again or to quit."),
                        iconFor(m_status));
}

} // namespace Console
