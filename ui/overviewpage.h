#pragma once

#include "recentevents.h"

#include <QTimer>
#include <QWidget>

class QLabel;
class QPushButton;

namespace Console {

class BridgeHost;
class EventChart;
class JournalWatcher;
class PeerStatus;
class StateBanner;

/// The Overview: what to do next (first start, demo, a failed start), whether the bridge
/// listens and the URLs to give TheHive and Slack, whether TheHive and Slack answer, what the
/// bridge did in the last hour, and a chart of events and errors per minute.
class OverviewPage final : public QWidget
{
    Q_OBJECT
public:
    explicit OverviewPage(BridgeHost &host, QWidget *parent = nullptr);

    StateBanner *banner() const { return m_banner; }
    EventChart *chart() const { return m_chart; }
    PeerStatus *peers() const { return m_peers; }
    /// The URL TheHive's webhook must call; empty while the bridge does not listen.
    QString webhookUrl() const;
    /// The Slack app's interactivity request URL; empty while the bridge does not listen.
    QString interactionsUrl() const;
    /// The numbers shown, for tests: cards posted, actions applied, failures waiting.
    QString countsText() const;

Q_SIGNALS:
    void configureRequested();
    /// "Show" next to the failures: the main window opens Activity filtered to failed events.
    void failuresRequested();

private:
    void updateBridge();
    void updatePeers();
    void reloadEvents();
    void eventChanged(qint64 id);
    void updateCounts();

    BridgeHost &m_host;
    JournalWatcher *m_watcher = nullptr;
    PeerStatus *m_peers = nullptr;
    StateBanner *m_banner = nullptr;
    QLabel *m_state = nullptr;
    QLabel *m_webhook = nullptr;
    QLabel *m_interactions = nullptr;
    QPushButton *m_copyWebhook = nullptr;
    QPushButton *m_copyInteractions = nullptr;
    QLabel *m_hive = nullptr;
    QLabel *m_slack = nullptr;
    QPushButton *m_check = nullptr;
    QLabel *m_cards = nullptr;
    QLabel *m_actions = nullptr;
    QLabel *m_failures = nullptr;
    QLabel *m_pending = nullptr;
    QPushButton *m_showFailures = nullptr;
    EventChart *m_chart = nullptr;
    RecentEvents m_recent;
    QTimer m_coalesce; ///< one redraw per burst of journal changes
    QTimer m_tick;     ///< moves the chart's hour along
};

} // namespace Console
