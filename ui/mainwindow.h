#pragma once

#include <QMainWindow>

class QHostAddress;

namespace Bridge {
class BridgeService;
class Journal;
} // namespace Bridge

namespace Console {

/// "http://host:port" for a listen address, with IPv6 hosts bracketed.
QString listenUrl(const QHostAddress &address, quint16 port);

/// The console window: an Overview and an Activity tab over a running bridge.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    /// `bridge` must already be started (its port is shown); both must outlive the window.
    MainWindow(Bridge::BridgeService &bridge, Bridge::Journal &journal, QWidget *parent = nullptr);
};

} // namespace Console
