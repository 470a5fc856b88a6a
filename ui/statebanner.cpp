#include "statebanner.h"

#include "bridgehost.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace Console {

namespace {

/// A tint rather than a fixed colour, so the banner reads on light and dark themes.
QString bannerStyle(const QString &rgb)
{
    return QStringLiteral("Console--StateBanner { background: rgba(%1, 0.12); border: 1px solid "
                          "rgba(%1, 0.55); border-radius: 4px; }")
        .arg(rgb);
}

} // namespace

StateBanner::StateBanner(BridgeHost &host, QWidget *parent)
    : QFrame(parent)
    , m_host(host)
    , m_title(new QLabel(this))
    , m_text(new QLabel(this))
    , m_error(new QLabel(this))
    , m_demo(new QPushButton(tr("Try the &demo"), this))
    , m_configure(new QPushButton(tr("&Configure…"), this))
    , m_restart(new QPushButton(this))
{
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_text->setWordWrap(true);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c0392b;"));
    m_error->setObjectName(QStringLiteral("demoError"));
    m_error->hide();
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_demo);
    buttons->addWidget(m_configure);
    buttons->addWidget(m_restart);
    buttons->addStretch(1);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_text);
    layout->addWidget(m_error);
    layout->addLayout(buttons);

    connect(m_demo, &QPushButton::clicked, this, &StateBanner::startDemo);
    connect(m_configure, &QPushButton::clicked, this, &StateBanner::configureRequested);
    connect(m_restart, &QPushButton::clicked, this, &StateBanner::restart);
    connect(&m_host, &BridgeHost::stateChanged, this, &StateBanner::update);
    connect(&m_host, &BridgeHost::bridgeReplaced, this, &StateBanner::update);
    update();
}

QString StateBanner::text() const
{
    return m_title->text() + QLatin1Char('\n') + m_text->text();
}

void StateBanner::update()
{
    if (m_host.isDemo())
        setKind(Kind::Demo);
    else if (m_host.state() == BridgeHost::State::NotConfigured)
        setKind(Kind::FirstStart);
    else if (m_host.state() == BridgeHost::State::Failed)
        setKind(Kind::Failed);
    else
        setKind(Kind::Hidden);
}

void StateBanner::setKind(Kind kind)
{
    m_kind = kind;
    setVisible(kind != Kind::Hidden);
    m_demo->setVisible(kind == Kind::FirstStart);
    m_restart->setVisible(kind == Kind::Demo || kind == Kind::Failed);
    switch (kind) {
    case Kind::Hidden:
        return;
    case Kind::FirstStart:
        setStyleSheet(bannerStyle(QStringLiteral("52, 120, 246")));
        m_title->setText(tr("HiveSlack is not set up yet"));
        m_text->setText(
            tr("Try the demo to watch sample cases travel through a simulated TheHive and Slack "
               "workspace, or configure the connections to your own. Missing now: %1")
                .arg(m_host.stateText()));
        m_configure->setText(tr("&Configure…"));
        return;
    case Kind::Demo:
        setStyleSheet(bannerStyle(QStringLiteral("46, 157, 79")));
        m_title->setText(tr("Demo mode"));
        m_text->setText(tr("The bridge talks to the built-in simulator: a sample case arrives "
                           "every 5 seconds. Nothing reaches a real TheHive or Slack."));
        m_restart->setText(tr("&Stop the demo"));
        m_configure->setText(tr("&Configure for real…"));
        return;
    case Kind::Failed:
        setStyleSheet(bannerStyle(QStringLiteral("208, 58, 47")));
        m_title->setText(tr("The bridge is not running"));
        m_text->setText(m_host.stateText());
        m_restart->setText(tr("&Try again"));
        m_configure->setText(tr("&Configure…"));
        return;
    }
}

void StateBanner::startDemo()
{
    m_demo->setEnabled(false);
    m_error->hide();
    // The simulator needs a moment to start; say so instead of looking frozen.
    QApplication::setOverrideCursor(Qt::WaitCursor);
    QString error;
    const bool started = m_host.startDemo(&error);
    QApplication::restoreOverrideCursor();
    m_demo->setEnabled(true);
    if (!started) {
        m_error->setText(
            tr("The demo could not start: %1").arg(error.isEmpty() ? m_host.stateText() : error));
        m_error->show();
    }
    update();
}

void StateBanner::restart()
{
    m_error->hide();
    // start() lets the running bridge (or demo) finish its deliveries, leaves the demo and
    // reads the saved settings as on a fresh start.
    m_host.start();
}

} // namespace Console
