#pragma once

#include <QFrame>

class QLabel;
class QPushButton;

namespace Console {

class BridgeHost;

/// The line across the top of the Overview that says what to do next: on first start the
/// choice between the demo and configuring; in demo mode how to leave it; when the bridge
/// could not start, why. Hidden while the bridge runs for real.
class StateBanner final : public QFrame
{
    Q_OBJECT
public:
    enum class Kind { Hidden, FirstStart, Demo, Failed };
    Q_ENUM(Kind)

    explicit StateBanner(BridgeHost &host, QWidget *parent = nullptr);

    Kind kind() const { return m_kind; }
    QPushButton *demoButton() const { return m_demo; }
    QPushButton *configureButton() const { return m_configure; }
    QString text() const;

    /// Starts the demo as the "Try the demo" button does; why it failed shows in the banner.
    void startDemo();

Q_SIGNALS:
    /// The user wants to set up the connections (the main window shows that page).
    void configureRequested();

private:
    void update();
    void restart();
    void setKind(Kind kind);

    BridgeHost &m_host;
    Kind m_kind = Kind::Hidden;
    QLabel *m_title = nullptr;
    QLabel *m_text = nullptr;
    QLabel *m_error = nullptr; ///< why the demo could not start
    QPushButton *m_demo = nullptr;
    QPushButton *m_configure = nullptr;
    QPushButton *m_restart = nullptr; ///< leaves the demo, or tries the failed start again
};

} // namespace Console
