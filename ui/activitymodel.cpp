#include "activitymodel.h"

#include "journal/journal.h"

#include <QDateTime>

namespace Console {

ActivityModel::ActivityModel(Bridge::Journal &journal, QObject *parent)
    : QAbstractTableModel(parent)
    , m_journal(journal)
{
    m_filter.limit = RowLimit;
    connect(&m_journal, &Bridge::Journal::eventChanged, this, &ActivityModel::refresh);
    refresh();
}

void ActivityModel::setFilter(const QStringList &states, const QString &text)
{
    m_filter.states = states;
    m_filter.text = text;
    refresh();
}

void ActivityModel::refresh()
{
    // A full reset is cheap at 500 rows and keeps the model trivially consistent.
    beginResetModel();
    m_events = m_journal.events(m_filter);
    endResetModel();
}

const Bridge::JournalEvent *ActivityModel::eventAt(int row) const
{
    if (row < 0 || row >= m_events.size())
        return nullptr;
    return &m_events.at(row);
}

int ActivityModel::rowOf(qint64 id) const
{
    for (int row = 0; row < m_events.size(); ++row) {
        if (m_events.at(row).id == id)
            return row;
    }
    return -1;
}

int ActivityModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_events.size());
}

int ActivityModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ActivityModel::data(const QModelIndex &index, int role) const
{
    const Bridge::JournalEvent *event = eventAt(index.row());
    if (!event || !index.isValid())
        return {};
    if (role == Qt::ToolTipRole && index.column() == LastError)
        return event->lastError;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Time:
        return QDateTime::fromMSecsSinceEpoch(event->createdAt)
            .toLocalTime()
            .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    case Source:
        return event->source;
    case Kind:
        return event->kind;
    case Case:
        return event->caseKey;
    case State:
        return event->state;
    case Attempts:
        return event->attempts;
    case LastError:
        return event->lastError;
    default:
        return {};
    }
}

QVariant ActivityModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Time:
        return tr("Time");
    case Source:
        return tr("Source");
    case Kind:
        return tr("Kind");
    case Case:
        return tr("Case");
    case State:
        return tr("State");
    case Attempts:
        return tr("Attempts");
    case LastError:
        return tr("Last error");
    default:
        return {};
    }
}

} // namespace Console
