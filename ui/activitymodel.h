#pragma once

#include "eventsummary.h"

#include "journal/journaltypes.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QPointer>

namespace Bridge {
class Journal;
}

namespace Console {

/// The journal's events as a table, newest first. It re-reads the journal on every
/// Journal::eventChanged so the view never shows a state the journal no longer holds.
class ActivityModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        Time,
        Direction,
        Case,
        Channel,
        Action,
        SlackUser,
        State,
        Attempts,
        Error,
        ColumnCount
    };

    /// How many events the console shows at most.
    static constexpr int RowLimit = 500;

    explicit ActivityModel(QObject *parent = nullptr);

    /// Shows this journal's events (null: none) and follows its changes.
    void setJournal(Bridge::Journal *journal);
    /// Narrows the rows to these states (empty: all) and this substring (empty: any).
    void setFilter(const QStringList &states, const QString &text);
    /// Re-reads the journal with the current filter.
    void refresh();

    /// The event shown in `row`; nullptr when out of range.
    const Bridge::JournalEvent *eventAt(int row) const;
    /// What the event in `row` was about; nullptr when out of range.
    const EventSummary *summaryAt(int row) const;
    /// Row of the event `id`, or -1 when the filter hides it.
    int rowOf(qint64 id) const;

    /// The rows as shown (plus the event id, full errors and ISO 8601 times) as RFC 4180 CSV.
    QByteArray toCsv() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    /// A case's card as far as the table needs it: which channel, and a readable label.
    struct CardInfo
    {
        QString channel;
        QString label;
    };
    EventSummary summarize(const Bridge::JournalEvent &event);
    QString text(const Bridge::JournalEvent &event, const EventSummary &summary, int column) const;

    QPointer<Bridge::Journal> m_journal;
    QMetaObject::Connection m_changes;
    Bridge::EventFilter m_filter;
    QList<Bridge::JournalEvent> m_events;
    QList<EventSummary> m_summaries;            ///< index-aligned with m_events
    QHash<qint64, EventSummary> m_payloadCache; ///< payloads never change: parse each once
    QHash<QString, CardInfo> m_cards;           ///< per refresh: many rows share a case
};

} // namespace Console
