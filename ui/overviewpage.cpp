#include "overviewpage.h"

#include "bridgehost.h"
#include "eventchart.h"
#include "hoststatus.h"
#include "journalwatcher.h"
#include "peerstatus.h"
#include "statebanner.h"

#include "journal/journal.h"

#include <QClipboard>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace Console {

namespace {

constexpr int CoalesceMs = 250;
constexpr int TickMs = 30'000;

/// A URL the admin copies into TheHive or Slack: selectable, so no retyping.
QLabel *urlLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    label->setFocusPolicy(Qt::StrongFocus);
    return label;
}

QString peerText(const PeerStatus::Peer &peer)
{
    switch (peer.state) {
    case PeerStatus::State::Checking:
        return OverviewPage::tr("Checking…");
    case PeerStatus::State::Ok:
        return QStringLiteral("✔ ") + peer.text;
    case PeerStatus::State::Error:
        return QStringLiteral("✖ ") + peer.text;
    case PeerStatus::State::Unknown:
        break;
    }
    return peer.text;
}

QString legendHtml()
{
    return OverviewPage::tr("<span style=\"color:#3478f6\">■</span> events &nbsp; "
                            "<span style=\"color:#d03a2f\">■</span> errors (failed or retrying)");
}

} // namespace

OverviewPage::OverviewPage(BridgeHost &host, QWidget *parent)
    : QWidget(parent)
    , m_host(host)
    , m_watcher(new JournalWatcher(host, this))
    , m_peers(new PeerStatus(host, this))
    , m_banner(new StateBanner(host, this))
    , m_state(new QLabel(this))
    , m_webhook(urlLabel(this))
    , m_interactions(urlLabel(this))
    , m_copyWebhook(new QPushButton(tr("Copy"), this))
    , m_copyInteractions(new QPushButton(tr("Copy"), this))
    , m_hive(new QLabel(this))
    , m_slack(new QLabel(this))
    , m_check(new QPushButton(tr("Check &now"), this))
    , m_cards(new QLabel(this))
    , m_actions(new QLabel(this))
    , m_failures(new QLabel(this))
    , m_pending(new QLabel(this))
    , m_showFailures(new QPushButton(tr("Show in &Activity"), this))
    , m_chart(new EventChart(this))
{
    m_showFailures->setObjectName(QStringLiteral("showFailures"));
    m_check->setObjectName(QStringLiteral("checkNow"));
    m_state->setWordWrap(true);
    m_hive->setWordWrap(true);
    m_slack->setWordWrap(true);
    m_copyWebhook->setAccessibleName(tr("Copy the TheHive webhook URL"));
    m_copyInteractions->setAccessibleName(tr("Copy the Slack interactivity URL"));

    auto *bridgeBox = new QGroupBox(tr("Bridge"), this);
    auto *bridgeGrid = new QGridLayout(bridgeBox);
    bridgeGrid->addWidget(new QLabel(tr("State:"), bridgeBox), 0, 0);
    bridgeGrid->addWidget(m_state, 0, 1, 1, 2);
    auto *webhookLabel = new QLabel(tr("TheHive webhook URL:"), bridgeBox);
    webhookLabel->setBuddy(m_webhook);
    bridgeGrid->addWidget(webhookLabel, 1, 0);
    bridgeGrid->addWidget(m_webhook, 1, 1);
    bridgeGrid->addWidget(m_copyWebhook, 1, 2);
    auto *interactionsLabel = new QLabel(tr("Slack interactivity request URL:"), bridgeBox);
    interactionsLabel->setBuddy(m_interactions);
    bridgeGrid->addWidget(interactionsLabel, 2, 0);
    bridgeGrid->addWidget(m_interactions, 2, 1);
    bridgeGrid->addWidget(m_copyInteractions, 2, 2);
    auto *hint = new QLabel(
        tr("Slack only calls public HTTPS addresses: put a reverse proxy in front of the bridge "
           "and give Slack that address with the same path."),
        bridgeBox);
    hint->setWordWrap(true);
    QPalette dimmed = hint->palette(); // secondary text, still readable and enabled
    dimmed.setColor(QPalette::WindowText, dimmed.color(QPalette::PlaceholderText));
    hint->setPalette(dimmed);
    bridgeGrid->addWidget(hint, 3, 1, 1, 2);
    bridgeGrid->setColumnStretch(1, 1);

    auto *peersBox = new QGroupBox(tr("TheHive and Slack"), this);
    auto *peersForm = new QFormLayout(peersBox);
    peersForm->addRow(tr("TheHive:"), m_hive);
    peersForm->addRow(tr("Slack:"), m_slack);
    auto *checkRow = new QHBoxLayout;
    checkRow->addWidget(m_check);
    checkRow->addStretch(1);
    peersForm->addRow(checkRow);

    auto *activityBox = new QGroupBox(tr("Last hour"), this);
    auto *activityGrid = new QGridLayout(activityBox);
    activityGrid->addWidget(new QLabel(tr("Cards posted or updated:"), activityBox), 0, 0);
    activityGrid->addWidget(m_cards, 0, 1);
    activityGrid->addWidget(new QLabel(tr("Slack actions applied in TheHive:"), activityBox), 1, 0);
    activityGrid->addWidget(m_actions, 1, 1);
    activityGrid->addWidget(new QLabel(tr("Failures waiting (all time):"), activityBox), 2, 0);
    activityGrid->addWidget(m_failures, 2, 1);
    activityGrid->addWidget(m_showFailures, 2, 2);
    activityGrid->addWidget(new QLabel(tr("Waiting for delivery:"), activityBox), 3, 0);
    activityGrid->addWidget(m_pending, 3, 1);
    activityGrid->addWidget(m_chart, 4, 0, 1, 4);
    activityGrid->addWidget(new QLabel(legendHtml(), activityBox), 5, 0, 1, 4);
    activityGrid->setColumnStretch(3, 1);

    auto *content = new QWidget(this);
    auto *layout = new QVBoxLayout(content);
    layout->addWidget(m_banner);
    layout->addWidget(bridgeBox);
    layout->addWidget(peersBox);
    layout->addWidget(activityBox);
    layout->addStretch(1);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);

    connect(m_banner, &StateBanner::configureRequested, this, &OverviewPage::configureRequested);
    connect(m_showFailures, &QPushButton::clicked, this, &OverviewPage::failuresRequested);
    connect(m_copyWebhook, &QPushButton::clicked, this,
            [this] { QGuiApplication::clipboard()->setText(webhookUrl()); });
    connect(m_copyInteractions, &QPushButton::clicked, this,
            [this] { QGuiApplication::clipboard()->setText(interactionsUrl()); });
    connect(m_check, &QPushButton::clicked, m_peers, &PeerStatus::checkNow);
    connect(m_peers, &PeerStatus::changed, this, &OverviewPage::updatePeers);
    connect(&m_host, &BridgeHost::stateChanged, this, &OverviewPage::updateBridge);
    connect(&m_host, &BridgeHost::bridgeReplaced, this, &OverviewPage::updateBridge);
    connect(m_watcher, &JournalWatcher::journalReplaced, this, &OverviewPage::reloadEvents);
    connect(m_watcher, &JournalWatcher::eventChanged, this, &OverviewPage::eventChanged);
    m_coalesce.setSingleShot(true);
    m_coalesce.setInterval(CoalesceMs);
    connect(&m_coalesce, &QTimer::timeout, this, &OverviewPage::updateCounts);
    m_tick.setInterval(TickMs);
    connect(&m_tick, &QTimer::timeout, this, &OverviewPage::updateCounts);
    m_tick.start();

    updateBridge();
    updatePeers();
    reloadEvents();
}

QString OverviewPage::webhookUrl() const
{
    const QString base = bridgeUrl(m_host);
    return base.isEmpty() ? QString() : base + QStringLiteral("/thehive/webhook");
}

QString OverviewPage::interactionsUrl() const
{
    const QString base = bridgeUrl(m_host);
    return base.isEmpty() ? QString() : base + QStringLiteral("/slack/interactions");
}

QString OverviewPage::countsText() const
{
    return tr("cards %1, actions %2, failures %3, pending %4")
        .arg(m_cards->text(), m_actions->text(), m_failures->text(), m_pending->text());
}

void OverviewPage::updateBridge()
{
    m_state->setText(stateSummary(m_host));
    const QString notListening = tr("— (the bridge is not listening)");
    const bool listening = !bridgeUrl(m_host).isEmpty();
    m_webhook->setText(listening ? webhookUrl() : notListening);
    m_interactions->setText(listening ? interactionsUrl() : notListening);
    m_copyWebhook->setEnabled(listening);
    m_copyInteractions->setEnabled(listening);
    m_check->setEnabled(m_host.bridge() != nullptr);
}

void OverviewPage::updatePeers()
{
    m_hive->setText(peerText(m_peers->hive()));
    m_slack->setText(peerText(m_peers->slack()));
    const bool checking = m_peers->hive().state == PeerStatus::State::Checking ||
                          m_peers->slack().state == PeerStatus::State::Checking;
    m_check->setEnabled(m_host.bridge() != nullptr && !checking);
}

void OverviewPage::reloadEvents()
{
    if (const Bridge::Journal *journal = m_watcher->journal())
        m_recent.load(*journal, m_host.clock().nowMs());
    else
        m_recent.clear();
    updateCounts();
}

void OverviewPage::eventChanged(qint64 id)
{
    const Bridge::Journal *journal = m_watcher->journal();
    if (const std::optional<Bridge::JournalEvent> event =
            journal ? journal->event(id) : std::nullopt)
        m_recent.update(*event, m_host.clock().nowMs());
    m_coalesce.start();
}

void OverviewPage::updateCounts()
{
    m_state->setText(stateSummary(m_host)); // it names the failures waiting
    const qint64 now = m_host.clock().nowMs();
    const Bridge::Journal *journal = m_watcher->journal();
    const Bridge::Counts counts = journal ? journal->counts() : Bridge::Counts{};
    m_cards->setText(
        QString::number(m_recent.delivered(QString(Bridge::EventSource::TheHive), now)));
    m_actions->setText(
        QString::number(m_recent.delivered(QString(Bridge::EventSource::Slack), now)));
    m_failures->setText(QString::number(counts.failed));
    m_failures->setStyleSheet(
        counts.failed > 0 ? QStringLiteral("color: #c0392b; font-weight: bold;") : QString());
    m_showFailures->setVisible(counts.failed > 0);
    m_pending->setText(QString::number(counts.pending));
    m_chart->setBuckets(m_recent.buckets(now));
}

} // namespace Console
