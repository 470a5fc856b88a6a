#include "mainwindow.h"

#include "activitypage.h"
#include "overviewpage.h"

#include "bridgeservice.h"

#include <QHostAddress>
#include <QLabel>
#include <QStatusBar>
#include <QTabWidget>

namespace Console {

QString listenUrl(const QHostAddress &address, quint16 port)
{
    const QString host = address.protocol() == QAbstractSocket::IPv6Protocol
                             ? QLatin1Char('[') + address.toString() + QLatin1Char(']')
                             : address.toString();
    return QStringLiteral("http://%1:%2").arg(host).arg(port);
}

MainWindow::MainWindow(Bridge::BridgeService &bridge, Bridge::Journal &journal, QWidget *parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("HiveSlack"));
    const QString url = listenUrl(bridge.config().listenAddress, bridge.port());

    auto *tabs = new QTabWidget(this);
    tabs->addTab(new OverviewPage(url, journal, tabs), tr("&Overview"));
    tabs->addTab(new ActivityPage(
                     journal, [&bridge](qint64 id) { return bridge.retryEvent(id); }, tabs),
                 tr("&Activity"));
    setCentralWidget(tabs);

    // A permanent widget: showMessage() text would vanish behind the first tool tip.
    statusBar()->addWidget(new QLabel(tr("Listening on %1").arg(url), statusBar()));
    resize(960, 640);
}

} // namespace Console
