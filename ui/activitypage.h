#pragma once

#include <QWidget>

#include <functional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableView;

namespace Bridge {
class Journal;
}

namespace Console {

class ActivityModel;

/// The Activity tab: the journal's recent events with state and text filters, the selected
/// event's payload, and Retry / Discard for events that failed.
class ActivityPage final : public QWidget
{
    Q_OBJECT
public:
    /// Re-delivers a failed event; true when it was queued again.
    using RetryFunction = std::function<bool(qint64 eventId)>;

    /// `retry` is BridgeService::retryEvent in the app; taking a function keeps the page
    /// testable without a running bridge.
    ActivityPage(Bridge::Journal &journal, RetryFunction retry, QWidget *parent = nullptr);

    ActivityModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QPushButton *retryButton() const { return m_retry; }
    QPushButton *discardButton() const { return m_discard; }
    QPlainTextEdit *details() const { return m_details; }

private:
    void applyFilter();
    void rememberSelection();
    void restoreSelection();
    void showSelected();
    qint64 selectedId() const;
    void retrySelected();
    void discardSelected();

    Bridge::Journal &m_journal;
    RetryFunction m_retryFunction;
    ActivityModel *m_model = nullptr;
    QComboBox *m_stateFilter = nullptr;
    QLineEdit *m_textFilter = nullptr;
    QTableView *m_table = nullptr;
    QPlainTextEdit *m_details = nullptr;
    QPushButton *m_retry = nullptr;
    QPushButton *m_discard = nullptr;
    QLabel *m_message = nullptr;
    qint64 m_keptId = 0; ///< selection carried across a model reset
};

} // namespace Console
