#pragma once

#include "journal/journaltypes.h"

#include <QAbstractTableModel>
#include <QList>

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
    enum Column { Time, Source, Kind, Case, State, Attempts, LastError, ColumnCount };

    /// How many events the console shows at most.
    static constexpr int RowLimit = 500;

    explicit ActivityModel(Bridge::Journal &journal, QObject *parent = nullptr);

    /// Narrows the rows to these states (empty: all) and this substring (empty: any).
    void setFilter(const QStringList &states, const QString &text);
    /// Re-reads the journal with the current filter.
    void refresh();

    /// The event shown in `row`; nullptr when out of range.
    const Bridge::JournalEvent *eventAt(int row) const;
    /// Row of the event `id`, or -1 when the filter hides it.
    int rowOf(qint64 id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    Bridge::Journal &m_journal;
    Bridge::EventFilter m_filter;
    QList<Bridge::JournalEvent> m_events;
};

} // namespace Console
