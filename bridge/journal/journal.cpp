#include "journal/journal.h"

#include <algorithm>

#include "core/clock.h"
#include "core/logging.h"
#include "journal/journalschema.h"

#include <QSqlError>
#include <QSqlQuery>

#include <atomic>

using namespace Qt::StringLiterals;

namespace Bridge {

namespace {

const QString insertSql =
    u"INSERT INTO events(source, kind, dedupe_key, case_key, payload, state, attempts,"
    " next_attempt_at, note, created_at, updated_at)"
    " VALUES(?, ?, ?, COALESCE(?, ''), ?, ?, 0, ?, ?, ?, ?)"
    " ON CONFLICT(dedupe_key) DO NOTHING"_s;

// Empty strings become SQL NULL: dedupe_key must be NULL to stay out of the UNIQUE check.
QVariant nullIfEmpty(const QString &text)
{
    return text.isEmpty() ? QVariant() : QVariant(text);
}

QVariant nullIfNone(const std::optional<QByteArray> &bytes)
{
    return bytes ? QVariant(*bytes) : QVariant();
}

QString invalidReason(const NewEvent &event)
{
    if (event.source.isEmpty())
        return u"the event has no source"_s;
    if (event.kind.isEmpty())
        return u"the event has no kind"_s;
    return {};
}

} // namespace

Journal::Journal(const QString &filePath, const QString &connectionName, const Clock &clock)
    : m_filePath(filePath)
    , m_connectionName(connectionName)
    , m_clock(clock)
{
}

Journal::~Journal()
{
    // removeDatabase() is only clean once no QSqlDatabase/QSqlQuery refers to the connection;
    // queries are all function-local, and this is the last handle.
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

std::unique_ptr<Journal> Journal::open(const QString &filePath, const Clock &clock, QString *error,
                                       int busyTimeoutMs)
{
    const auto fail = [&](const QString &why) {
        const QString text = u"cannot open the journal %1: %2"_s.arg(filePath, why);
        qCWarning(lcJournal).noquote() << text;
        if (error)
            *error = text;
        return std::unique_ptr<Journal>();
    };
    if (!QSqlDatabase::isDriverAvailable(u"QSQLITE"_s))
        return fail(u"the Qt SQLite driver (QSQLITE, package libqt6sql6-sqlite) is missing"_s);

    // Unique per instance: two bridges in one process must never share a connection.
    static std::atomic<quint64> serial{0};
    const QString name = u"hiveslack-journal-%1"_s.arg(++serial);
    std::unique_ptr<Journal> journal(new Journal(filePath, name, clock));
    journal->m_db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
    journal->m_db.setDatabaseName(filePath);
    if (!journal->m_db.open())
        return fail(journal->m_db.lastError().text());
    QString why;
    if (!JournalSchema::prepare(journal->m_db, busyTimeoutMs, &why))
        return fail(why);
    qCInfo(lcJournal).noquote() << "journal open:" << filePath;
    return journal;
}

void Journal::setError(const QString &error) const
{
    m_lastError = error;
    qCWarning(lcJournal).noquote() << error;
}

bool Journal::run(QSqlQuery &query, const QString &sql, const QVariantList &binds,
                  const QString &what) const
{
    if (!query.prepare(sql)) {
        setError(what % u": "_s % query.lastError().text());
        return false;
    }
    for (qsizetype i = 0; i < binds.size(); ++i)
        query.bindValue(int(i), binds.at(i));
    if (!query.exec()) {
        setError(what % u": "_s % query.lastError().text());
        return false;
    }
    return true;
}

bool Journal::applyDurability(Durability durability, QString *error)
{
    if (durability == m_durability)
        return true;
    QSqlQuery q(m_db);
    if (!q.exec(durability == Durability::PowerLoss ? u"PRAGMA synchronous=FULL"_s
                                                    : u"PRAGMA synchronous=NORMAL"_s)) {
        *error = u"cannot set the journal's durability: "_s % q.lastError().text();
        return false;
    }
    m_durability = durability;
    return true;
}

bool Journal::demandPowerLossSafety()
{
    QString error;
    if (applyDurability(Durability::PowerLoss, &error))
        return true;
    setError(error);
    return false;
}

void Journal::relaxDurability()
{
    QString error;
    if (!applyDurability(Durability::ProcessCrash, &error))
        qCWarning(lcJournal).noquote() << error << "(writes stay fsync'd)";
}

bool Journal::noteWrite(bool stored)
{
    if (stored) {
        m_lastWriteError.clear();
        return true;
    }
    ++m_writeFailures;
    m_lastWriteError = m_lastError;
    return false;
}

bool Journal::begin()
{
    // IMMEDIATE takes the write lock now (waiting up to busy_timeout) instead of failing later
    // when a deferred transaction tries to upgrade.
    QSqlQuery q(m_db);
    return run(q, u"BEGIN IMMEDIATE"_s, {}, u"cannot start a journal transaction"_s);
}

bool Journal::commit()
{
    QSqlQuery q(m_db);
    return run(q, u"COMMIT"_s, {}, u"cannot commit to the journal"_s);
}

void Journal::rollback()
{
    // SQLite may already have rolled back on its own (e.g. disk full); then this fails harmlessly.
    QSqlQuery q(m_db);
    q.exec(u"ROLLBACK"_s);
}

AppendResult Journal::append(const NewEvent &event)
{
    return appendBatch({event}).constFirst();
}

QList<AppendResult> Journal::appendBatch(const QList<NewEvent> &events)
{
    clearError();
    // Accepted means on disk; only a batch of the bridge's own derived work may skip the fsync.
    const bool derivedOnly = std::all_of(events.cbegin(), events.cend(),
                                         [](const NewEvent &e) { return !e.survivesPowerLoss; });
    QList<AppendResult> results(events.size());
    if (events.isEmpty())
        return results;

    QList<bool> valid(events.size(), true);
    for (qsizetype i = 0; i < events.size(); ++i) {
        const QString why = invalidReason(events.at(i));
        if (!why.isEmpty()) {
            valid[i] = false;
            results[i].error = why;
            setError(u"journal append refused: "_s % why);
        }
    }

    if (derivedOnly)
        relaxDurability();
    else if (!demandPowerLossSafety())
        return failAll(valid, results);
    const qint64 now = m_clock.nowMs();
    bool ok = begin();
    if (ok) {
        QSqlQuery insert(m_db);
        if (!insert.prepare(insertSql)) {
            setError(u"cannot prepare the journal insert: "_s % insert.lastError().text());
            ok = false;
        }
        for (qsizetype i = 0; ok && i < events.size(); ++i) {
            if (!valid.at(i))
                continue;
            results[i] = insertEvent(insert, events.at(i), now);
            ok = results.at(i).outcome != AppendOutcome::Failed;
        }
    }
    ok = ok && commit();
    if (!ok) {
        rollback();
        return failAll(valid, results);
    }
    noteWrite(true);
    for (const AppendResult &result : std::as_const(results)) {
        if (result.outcome == AppendOutcome::Inserted)
            Q_EMIT eventChanged(result.id);
    }
    return results;
}

QList<AppendResult> Journal::failAll(const QList<bool> &valid, QList<AppendResult> results)
{
    noteWrite(false);
    for (qsizetype i = 0; i < valid.size(); ++i) {
        if (valid.at(i))
            results[i] = {AppendOutcome::Failed, 0, m_lastError};
    }
    return results;
}

AppendResult Journal::insertEvent(QSqlQuery &insert, const NewEvent &event, qint64 now)
{
    insert.bindValue(0, event.source);
    insert.bindValue(1, event.kind);
    insert.bindValue(2, nullIfEmpty(event.dedupeKey));
    insert.bindValue(3, nullIfEmpty(event.caseKey));
    insert.bindValue(4, event.payload);
    insert.bindValue(5, QString(event.ignored ? EventState::Ignored : EventState::Pending));
    insert.bindValue(6, now);
    insert.bindValue(7, nullIfEmpty(event.note));
    insert.bindValue(8, now);
    insert.bindValue(9, now);
    if (!insert.exec()) {
        setError(u"cannot append a %1 event to the journal: "_s.arg(event.kind) %
                 insert.lastError().text());
        return {AppendOutcome::Failed, 0, m_lastError};
    }
    if (insert.numRowsAffected() == 1)
        return {AppendOutcome::Inserted, insert.lastInsertId().toLongLong(), {}};

    // ON CONFLICT DO NOTHING left the row alone; report which row owns the key.
    QSqlQuery existing(m_db);
    if (!run(existing, u"SELECT id FROM events WHERE dedupe_key = ?"_s, {event.dedupeKey},
             u"cannot look up a duplicate journal event"_s))
        return {AppendOutcome::Failed, 0, m_lastError};
    if (!existing.next()) {
        setError(u"journal insert of %1 changed nothing and no row has its dedupe key"_s.arg(
            event.kind));
        return {AppendOutcome::Failed, 0, m_lastError};
    }
    qCDebug(lcJournal) << "duplicate event" << event.dedupeKey;
    return {AppendOutcome::Duplicate, existing.value(0).toLongLong(), {}};
}

bool Journal::transition(qint64 id, const QString &action, const QStringList &fromStates,
                         const QString &assignments, const QVariantList &values)
{
    clearError();
    relaxDurability();
    QVariantList binds = values;
    binds << m_clock.nowMs() << id;
    QStringList marks;
    for (const QString &state : fromStates) {
        binds << state;
        marks << u"?"_s;
    }
    QSqlQuery q(m_db);
    if (!noteWrite(run(q,
                       u"UPDATE events SET "_s % assignments %
                           u", updated_at = ? WHERE id = ? AND state IN ("_s % marks.join(u',') %
                           u")"_s,
                       binds, u"cannot %1 journal event %2"_s.arg(action).arg(id))))
        return false;
    if (q.numRowsAffected() == 0) {
        const std::optional<JournalEvent> current = event(id);
        if (current)
            setError(u"cannot %1 journal event %2: it is %3, not %4"_s.arg(action).arg(id).arg(
                current->state, fromStates.join(u" or "_s)));
        else
            setError(u"cannot %1: "_s.arg(action) % m_lastError);
        return false;
    }
    Q_EMIT eventChanged(id);
    return true;
}

bool Journal::markDelivered(qint64 id, const QString &note,
                            const std::optional<QByteArray> &keptPayload)
{
    return transition(id, u"mark delivered"_s, {EventState::Pending},
                      u"state = 'delivered', delivered_at = ?, note = COALESCE(?, note),"
                      " payload = COALESCE(?, payload)"_s,
                      {m_clock.nowMs(), nullIfEmpty(note), nullIfNone(keptPayload)});
}

bool Journal::markIgnored(qint64 id, const QString &note,
                          const std::optional<QByteArray> &keptPayload)
{
    return transition(
        id, u"mark ignored"_s, {EventState::Pending},
        u"state = 'ignored', note = COALESCE(?, note), payload = COALESCE(?, payload)"_s,
        {nullIfEmpty(note), nullIfNone(keptPayload)});
}

bool Journal::scheduleRetry(qint64 id, qint64 nextAttemptAtMs, const QString &error)
{
    return transition(id, u"schedule a retry of"_s, {EventState::Pending},
                      u"attempts = attempts + 1, next_attempt_at = ?, last_error = ?"_s,
                      {nextAttemptAtMs, error});
}

bool Journal::markFailed(qint64 id, const QString &error)
{
    return transition(id, u"mark failed"_s, {EventState::Pending},
                      u"state = 'failed', attempts = attempts + 1, last_error = ?"_s, {error});
}

bool Journal::retryNow(qint64 id)
{
    // A failed event starts a fresh retry budget; a pending one only loses its backoff wait.
    return transition(id, u"retry"_s, {EventState::Failed, EventState::Pending},
                      u"attempts = CASE WHEN state = 'failed' THEN 0 ELSE attempts END,"
                      " state = 'pending', next_attempt_at = ?"_s,
                      {m_clock.nowMs()});
}

bool Journal::discard(qint64 id)
{
    return transition(id, u"discard"_s, {EventState::Pending, EventState::Failed},
                      u"state = 'discarded'"_s, {});
}

} // namespace Bridge
