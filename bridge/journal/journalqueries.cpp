// Journal: read-only queries over the events table.
#include "journal/journal.h"

#include "core/clock.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace Bridge {

namespace {

const QString eventColumns =
    u"id, source, kind, dedupe_key, case_key, payload, state, attempts, next_attempt_at,"
    " created_at, updated_at, delivered_at, last_error, note"_s;

// The oldest pending event of each case, plus every pending event without a case. An event whose
// case has an older pending one waits: per-case order is the whole point of case_key.
const QString headOfCase =
    u"e.state = 'pending' AND (e.case_key = '' OR NOT EXISTS ("
    "SELECT 1 FROM events o WHERE o.case_key = e.case_key AND o.state = 'pending'"
    " AND o.id < e.id))"_s;

JournalEvent readEvent(const QSqlQuery &q)
{
    JournalEvent e;
    e.id = q.value(0).toLongLong();
    e.source = q.value(1).toString();
    e.kind = q.value(2).toString();
    e.dedupeKey = q.value(3).toString();
    e.caseKey = q.value(4).toString();
    e.payload = q.value(5).toByteArray();
    e.state = q.value(6).toString();
    e.attempts = q.value(7).toInt();
    e.nextAttemptAt = q.value(8).toLongLong();
    e.createdAt = q.value(9).toLongLong();
    e.updatedAt = q.value(10).toLongLong();
    e.deliveredAt = q.value(11).toLongLong();
    e.lastError = q.value(12).toString();
    e.note = q.value(13).toString();
    return e;
}

QList<JournalEvent> readEvents(QSqlQuery &q)
{
    QList<JournalEvent> events;
    while (q.next())
        events << readEvent(q);
    return events;
}

// LIKE treats % and _ as wildcards; the console's search box means them literally.
QString likePattern(const QString &text)
{
    QString escaped = text;
    escaped.replace(u'\\', u"\\\\"_s).replace(u'%', u"\\%"_s).replace(u'_', u"\\_"_s);
    return u'%' % escaped % u'%';
}

} // namespace

std::optional<JournalEvent> Journal::event(qint64 id) const
{
    clearError();
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!run(q, u"SELECT "_s % eventColumns % u" FROM events WHERE id = ?"_s, {id},
             u"cannot read journal event %1"_s.arg(id)))
        return std::nullopt;
    if (!q.next()) {
        m_lastError = u"no journal event %1"_s.arg(id);
        return std::nullopt;
    }
    return readEvent(q);
}

bool Journal::hasPending(const QString &caseKey) const
{
    clearError();
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    return run(q,
               u"SELECT 1 FROM events INDEXED BY events_pending_case"
               " WHERE case_key = ? AND state = 'pending' LIMIT 1"_s,
               {caseKey}, u"cannot look for pending events of case %1"_s.arg(caseKey)) &&
           q.next();
}

QList<JournalEvent> Journal::due(int limit) const
{
    clearError();
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!run(q,
             u"SELECT "_s % eventColumns % u" FROM events e INDEXED BY events_pending WHERE "_s %
                 headOfCase % u" AND e.next_attempt_at <= ? ORDER BY e.id LIMIT ?"_s,
             {m_clock.nowMs(), limit}, u"cannot list due journal events"_s))
        return {};
    return readEvents(q);
}

std::optional<qint64> Journal::nextDueAt() const
{
    clearError();
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!run(q, u"SELECT MIN(e.next_attempt_at) FROM events e WHERE "_s % headOfCase, {},
             u"cannot find the next due journal event"_s) ||
        !q.next() || q.value(0).isNull())
        return std::nullopt;
    return q.value(0).toLongLong();
}

QList<JournalEvent> Journal::events(const EventFilter &filter) const
{
    clearError();
    QString sql = u"SELECT "_s % eventColumns % u" FROM events WHERE 1 = 1"_s;
    QVariantList binds;
    if (!filter.states.isEmpty()) {
        QStringList marks;
        for (const QString &state : filter.states) {
            marks << u"?"_s;
            binds << state;
        }
        sql += u" AND state IN ("_s % marks.join(u',') % u')';
    }
    if (filter.beforeId > 0) {
        sql += u" AND id < ?"_s;
        binds << filter.beforeId;
    }
    if (!filter.text.isEmpty()) {
        const QString pattern = likePattern(filter.text);
        const QStringList columns = {u"kind"_s,
                                     u"source"_s,
                                     u"case_key"_s,
                                     u"dedupe_key"_s,
                                     u"last_error"_s,
                                     u"note"_s,
                                     u"CAST(payload AS TEXT)"_s};
        QStringList terms;
        for (const QString &column : columns) {
            terms << column % u" LIKE ? ESCAPE '\\'"_s;
            binds << pattern;
        }
        bool isNumber = false;
        const qint64 id = filter.text.trimmed().toLongLong(&isNumber);
        if (isNumber) {
            terms << u"id = ?"_s;
            binds << id;
        }
        sql += u" AND ("_s % terms.join(u" OR "_s) % u')';
    }
    sql += u" ORDER BY id DESC LIMIT ?"_s;
    binds << (filter.limit > 0 ? filter.limit : -1);

    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!run(q, sql, binds, u"cannot list journal events"_s))
        return {};
    return readEvents(q);
}

Counts Journal::counts() const
{
    clearError();
    Counts counts;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!run(q, u"SELECT state, COUNT(*) FROM events GROUP BY state"_s, {},
             u"cannot count journal events"_s))
        return counts;
    while (q.next()) {
        const QString state = q.value(0).toString();
        const int n = q.value(1).toInt();
        if (state == EventState::Pending)
            counts.pending = n;
        else if (state == EventState::Delivered)
            counts.delivered = n;
        else if (state == EventState::Failed)
            counts.failed = n;
        else if (state == EventState::Ignored)
            counts.ignored = n;
        else if (state == EventState::Discarded)
            counts.discarded = n;
    }
    return counts;
}

} // namespace Bridge
