#include "activitymodel.h"

#include "csv.h"

#include "core/caserecordjson.h"
#include "journal/journal.h"

#include <QBrush>
#include <QColor>
#include <QDateTime>

namespace Console {

ActivityModel::ActivityModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    m_filter.limit = RowLimit;
}

void ActivityModel::setJournal(Bridge::Journal *journal)
{
    disconnect(m_changes);
    m_journal = journal;
    m_payloadCache.clear(); // ids are only unique within one journal
    if (journal)
        m_changes = connect(journal, &Bridge::Journal::eventChanged, this, &ActivityModel::refresh);
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
    m_events = m_journal ? m_journal->events(m_filter) : QList<Bridge::JournalEvent>();
    m_summaries.clear();
    m_cards.clear(); // a title may have changed since
    m_summaries.reserve(m_events.size());
    for (const Bridge::JournalEvent &event : std::as_const(m_events))
        m_summaries.append(summarize(event));
    endResetModel();
}

EventSummary ActivityModel::summarize(const Bridge::JournalEvent &event)
{
    auto cached = m_payloadCache.constFind(event.id);
    if (cached == m_payloadCache.cend())
        cached = m_payloadCache.insert(event.id, summarizeEvent(event));
    EventSummary summary = *cached;
    if (event.caseKey.isEmpty() || !m_journal)
        return summary;
    auto card = m_cards.constFind(event.caseKey);
    if (card == m_cards.cend()) {
        const QList<Bridge::CardRef> cards = m_journal->cards(event.caseKey);
        if (cards.isEmpty())
            return summary;                              // not posted yet
        const Bridge::CardRef *ref = &cards.constLast(); // the newest card: the current route
        const Bridge::CaseRecord record = Bridge::caseFromStoredJson(ref->caseJson);
        QString label;
        if (record.number > 0)
            label = QLatin1Char('#') + QString::number(record.number) + QLatin1Char(' ') +
                    record.title.simplified();
        card = m_cards.insert(event.caseKey, CardInfo{ref->channel, label.trimmed()});
    }
    if (summary.channel.isEmpty())
        summary.channel = card->channel;
    if (!card->label.isEmpty())
        summary.caseLabel = card->label;
    return summary;
}

const Bridge::JournalEvent *ActivityModel::eventAt(int row) const
{
    if (row < 0 || row >= m_events.size())
        return nullptr;
    return &m_events.at(row);
}

const EventSummary *ActivityModel::summaryAt(int row) const
{
    if (row < 0 || row >= m_summaries.size())
        return nullptr;
    return &m_summaries.at(row);
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

QString ActivityModel::text(const Bridge::JournalEvent &event, const EventSummary &summary,
                            int column) const
{
    switch (column) {
    case Time:
        return QDateTime::fromMSecsSinceEpoch(event.createdAt)
            .toLocalTime()
            .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    case Direction:
        return directionLabel(summary.direction);
    case Case:
        return summary.caseLabel;
    case Channel:
        return summary.channel;
    case Action:
        return summary.action;
    case SlackUser:
        return summary.slackUser;
    case State:
        return stateLabel(event.state);
    case Attempts:
        return QString::number(event.attempts);
    case Error:
        return event.lastError;
    default:
        return {};
    }
}

QVariant ActivityModel::data(const QModelIndex &index, int role) const
{
    const Bridge::JournalEvent *event = eventAt(index.row());
    if (!event || !index.isValid())
        return {};
    const EventSummary &summary = m_summaries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == Attempts)
            return event->attempts;
        if (index.column() == Error) // one line in the table; the whole text in the tooltip
            return event->lastError.section(QLatin1Char('\n'), 0, 0);
        return text(*event, summary, index.column());
    case Qt::ToolTipRole:
        if (index.column() == Error || index.column() == Case || index.column() == Action)
            return text(*event, summary, index.column());
        return {};
    case Qt::ForegroundRole:
        if (index.column() == State && event->state == Bridge::EventState::Failed)
            return QBrush(QColor(0xc0, 0x39, 0x2b));
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == Attempts)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
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
    case Direction:
        return tr("Direction");
    case Case:
        return tr("Case");
    case Channel:
        return tr("Channel");
    case Action:
        return tr("Action");
    case SlackUser:
        return tr("Slack user");
    case State:
        return tr("State");
    case Attempts:
        return tr("Attempts");
    case Error:
        return tr("Error");
    default:
        return {};
    }
}

QByteArray ActivityModel::toCsv() const
{
    QList<QStringList> rows;
    QStringList header{tr("Event")};
    for (int column = 0; column < ColumnCount; ++column)
        header.append(headerData(column, Qt::Horizontal).toString());
    rows.append(header);
    for (int row = 0; row < m_events.size(); ++row) {
        const Bridge::JournalEvent &event = m_events.at(row);
        QStringList fields{QString::number(event.id)};
        for (int column = 0; column < ColumnCount; ++column)
            fields.append(column == Time ? QDateTime::fromMSecsSinceEpoch(event.createdAt)
                                               .toLocalTime()
                                               .toString(Qt::ISODate)
                                         : text(event, m_summaries.at(row), column));
        rows.append(fields);
    }
    return csvDocument(rows);
}

} // namespace Console
