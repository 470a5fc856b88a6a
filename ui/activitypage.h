#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTableView;

namespace Bridge {
struct JournalEvent;
}

namespace Console {

class ActivityModel;
class BridgeHost;
class JournalWatcher;

/// What the bridge did, live: the journal's recent events with direction, case, channel,
/// action, Slack user, state and error; filters by state and text; the selected event's
/// request and outcome and a preview of its Slack card; Retry (redelivers through the bridge)
/// and Discard for failed events; export of the rows shown as CSV.
class ActivityPage final : public QWidget
{
    Q_OBJECT
public:
    explicit ActivityPage(BridgeHost &host, QWidget *parent = nullptr);

    ActivityModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QPushButton *retryButton() const { return m_retry; }
    QPushButton *discardButton() const { return m_discard; }
    QComboBox *stateFilter() const { return m_stateFilter; }
    QLineEdit *textFilter() const { return m_textFilter; }
    QPlainTextEdit *details() const { return m_details; }
    QPlainTextEdit *cardPreview() const { return m_card; }
    /// The last Retry/Discard/export outcome, in words.
    QString message() const;

    /// Narrows the table to failed events (the Overview's "Show in Activity").
    void showFailed();
    /// Writes the rows shown to `path` as CSV; false plus a reason when it cannot.
    bool exportCsv(const QString &path, QString *error);

private:
    void applyFilter();
    void rememberSelection();
    void restoreSelection();
    void showSelected();
    void showCard(const Bridge::JournalEvent &event);
    qint64 selectedId() const;
    void retrySelected();
    void discardSelected();
    void chooseExportFile();
    void followRetried();
    void say(const QString &text, bool error = false);

    BridgeHost &m_host;
    JournalWatcher *m_watcher = nullptr;
    ActivityModel *m_model = nullptr;
    QComboBox *m_stateFilter = nullptr;
    QLineEdit *m_textFilter = nullptr;
    QPushButton *m_export = nullptr;
    QTableView *m_table = nullptr;
    QTabWidget *m_tabs = nullptr;
    QPlainTextEdit *m_details = nullptr;
    QPlainTextEdit *m_card = nullptr;
    QPushButton *m_retry = nullptr;
    QPushButton *m_discard = nullptr;
    QLabel *m_message = nullptr;
    qint64 m_keptId = 0;    ///< selection carried across a model reset
    qint64 m_retriedId = 0; ///< retried event whose outcome is still to be told
};

} // namespace Console
