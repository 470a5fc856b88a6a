#pragma once

#include <QWidget>

class QLabel;

namespace Bridge {
class Journal;
}

namespace Console {

/// The Overview tab: the URLs to give TheHive and Slack, and how many events are in each state.
class OverviewPage final : public QWidget
{
    Q_OBJECT
public:
    /// `baseUrl` is where the bridge listens, e.g. "http://127.0.0.1:8990".
    OverviewPage(const QString &baseUrl, Bridge::Journal &journal, QWidget *parent = nullptr);

private:
    void refreshCounts();

    Bridge::Journal &m_journal;
    QLabel *m_pending = nullptr;
    QLabel *m_delivered = nullptr;
    QLabel *m_failed = nullptr;
    QLabel *m_ignored = nullptr;
};

} // namespace Console
