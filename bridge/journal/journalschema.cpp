#include "journal/journalschema.h"

#include "core/logging.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace Bridge::JournalSchema {

namespace {

void setError(QString *error, const QString &text)
{
    if (error)
        *error = text;
}

// Runs one statement; on failure reports "<what>: <sqlite text>".
bool run(const QSqlDatabase &db, const QString &sql, const QString &what, QString *error)
{
    QSqlQuery q(db);
    if (q.exec(sql))
        return true;
    setError(error, what % u": "_s % q.lastError().text());
    return false;
}

// Reads a single-value pragma, e.g. to check that journal_mode really switched to WAL.
QString pragmaValue(const QSqlDatabase &db, const QString &pragma, QString *error)
{
    QSqlQuery q(db);
    if (!q.exec(u"PRAGMA "_s % pragma) || !q.next()) {
        setError(error, u"PRAGMA "_s % pragma % u" failed: "_s % q.lastError().text());
        return {};
    }
    return q.value(0).toString();
}

QString tooNew(int stored, int supported)
{
    return u"the journal schema version %1 is newer than this build supports (%2); "
           "refusing to open it"_s.arg(stored)
               .arg(supported);
}

const QStringList version1 = {
    u"CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT)"_s,
    u"CREATE TABLE events("
    "id INTEGER PRIMARY KEY AUTOINCREMENT,"
    "source TEXT NOT NULL,"
    "kind TEXT NOT NULL,"
    "dedupe_key TEXT UNIQUE,"
    "case_key TEXT NOT NULL DEFAULT '',"
    "payload BLOB,"
    "state TEXT NOT NULL CHECK(state IN ('pending','delivered','failed','ignored','discarded')),"
    "attempts INTEGER NOT NULL DEFAULT 0,"
    "next_attempt_at INTEGER NOT NULL DEFAULT 0,"
    "last_error TEXT,"
    "note TEXT,"
    "created_at INTEGER NOT NULL,"
    "updated_at INTEGER NOT NULL,"
    "delivered_at INTEGER)"_s,
    u"CREATE INDEX events_state_due ON events(state, next_attempt_at)"_s,
    u"CREATE INDEX events_case_order ON events(case_key, id)"_s,
    u"CREATE TABLE cards("
    "case_id TEXT PRIMARY KEY,"
    "channel TEXT NOT NULL,"
    "ts TEXT NOT NULL,"
    "case_json BLOB,"
    "hive_version TEXT,"
    "posted_at INTEGER NOT NULL,"
    "updated_at INTEGER NOT NULL)"_s,
    u"CREATE TABLE audit("
    "id INTEGER PRIMARY KEY,"
    "at INTEGER NOT NULL,"
    "event_id INTEGER REFERENCES events(id) ON DELETE SET NULL,"
    "actor TEXT NOT NULL,"
    "action TEXT NOT NULL,"
    "detail TEXT)"_s,
    u"CREATE INDEX audit_event ON audit(event_id)"_s,
    u"CREATE TABLE user_links("
    "slack_user_id TEXT PRIMARY KEY,"
    "hive_login TEXT NOT NULL,"
    "source TEXT NOT NULL CHECK(source IN ('email','override')),"
    "checked_at INTEGER NOT NULL)"_s,
};

// Delivery asks for due events after every outcome. With a backlog, scanning all pending rows
// (and each one's case) made that quadratic; partial indexes keep it to the rows it returns.
const QStringList version2 = {
    u"CREATE INDEX events_pending ON events(id) WHERE state = 'pending'"_s,
    u"CREATE INDEX events_pending_case ON events(case_key, id) WHERE state = 'pending'"_s,
};

// A case may have a card in several channels (its current route's, and the ones it left, which
// keep a redacted card): cards are keyed by case and channel, and remember how much they show.
const QStringList version3 = {
    u"CREATE TABLE cards_v3("
    "case_id TEXT NOT NULL,"
    "channel TEXT NOT NULL,"
    "ts TEXT NOT NULL,"
    "case_json BLOB,"
    "hive_version TEXT,"
    "shown TEXT NOT NULL DEFAULT 'full' CHECK(shown IN ('full','redacted','hidden')),"
    "posted_at INTEGER NOT NULL,"
    "updated_at INTEGER NOT NULL,"
    "PRIMARY KEY(case_id, channel))"_s,
    u"INSERT INTO cards_v3(case_id, channel, ts, case_json, hive_version, posted_at, updated_at)"
    " SELECT case_id, channel, ts, case_json, hive_version, posted_at, updated_at FROM cards"_s,
    u"DROP TABLE cards"_s,
    u"ALTER TABLE cards_v3 RENAME TO cards"_s,
};

// Retention removes settled events and cards of closed cases by the age of their last change;
// without these it would scan every row per batch, which a backlog of millions makes slow.
const QStringList version4 = {
    u"CREATE INDEX events_settled_age ON events(updated_at)"
    " WHERE state IN ('delivered','ignored','discarded')"_s,
    u"CREATE INDEX cards_age ON cards(updated_at)"_s,
};

// A write that must not happen twice (a card posted, a task created) is marked begun before it
// is sent and cleared once its result is saved; one still marked when it is tried again may
// have happened unseen, and is looked for first (Journal::beginWrite()). An event's own mark
// ("event:<id>") goes in the same commit as the event's outcome, so no crash can separate them.
const QStringList version5 = {
    u"CREATE TABLE writes_begun(key TEXT PRIMARY KEY, begun_at INTEGER NOT NULL)"_s,
    u"CREATE TRIGGER events_settled_end_write AFTER UPDATE OF state ON events"
    " WHEN NEW.state IN ('delivered','ignored','discarded')"
    " BEGIN DELETE FROM writes_begun WHERE key = 'event:' || NEW.id; END"_s,
};

// A card can be asked for in any channel with `/hive <number>`, not only placed by a route.
const QStringList version6 = {
    u"ALTER TABLE cards ADD COLUMN summoned_by TEXT"_s,
};

// A reply in a card's thread names the card by its channel and ts (thread sync).
const QStringList version7 = {
    u"CREATE INDEX cards_by_message ON cards(channel, ts)"_s,
};

// TheHive alerts get cards of their own (alert triage); a promoted alert's card is handed to its
// case, which `case_id` remembers. Alerts batched into one digest message share its ts.
const QStringList version8 = {
    u"CREATE TABLE alert_cards("
    "alert_id TEXT NOT NULL,"
    "channel TEXT NOT NULL,"
    "ts TEXT NOT NULL,"
    "alert_json BLOB,"
    "shown TEXT NOT NULL DEFAULT 'full' CHECK(shown IN ('full','redacted','hidden')),"
    "case_id TEXT,"
    "outcome TEXT,"
    "digest INTEGER NOT NULL DEFAULT 0,"
    "posted_at INTEGER NOT NULL,"
    "updated_at INTEGER NOT NULL,"
    "PRIMARY KEY(alert_id, channel))"_s,
    u"CREATE INDEX alert_cards_age ON alert_cards(updated_at)"_s,
    u"CREATE INDEX alert_cards_by_message ON alert_cards(channel, ts)"_s,
};

} // namespace

const QList<Migration> &migrations()
{
    static const QList<Migration> all = {{1, version1}, {2, version2}, {3, version3},
                                         {4, version4}, {5, version5}, {6, version6},
                                         {7, version7}, {8, version8}};
    return all;
}

int latestVersion()
{
    return migrations().constLast().version;
}

std::optional<int> storedVersion(const QSqlDatabase &db, QString *error)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(u"SELECT count(*) FROM sqlite_master WHERE type='table' AND name='meta'"_s) ||
        !q.next()) {
        setError(error, u"cannot read the journal schema: "_s % q.lastError().text());
        return std::nullopt;
    }
    if (q.value(0).toInt() == 0)
        return 0;
    q.finish();
    if (!q.exec(u"SELECT value FROM meta WHERE key='schema_version'"_s)) {
        setError(error, u"cannot read the journal schema version: "_s % q.lastError().text());
        return std::nullopt;
    }
    if (!q.next())
        return 0;
    bool ok = false;
    const int version = q.value(0).toString().toInt(&ok);
    if (!ok || version < 0) {
        setError(error,
                 u"the journal schema version \"%1\" is not a number"_s.arg(q.value(0).toString()));
        return std::nullopt;
    }
    return version;
}

bool configure(const QSqlDatabase &db, QString *error)
{
    const QString mode = pragmaValue(db, u"journal_mode=WAL"_s, error);
    if (mode.isEmpty())
        return false;
    if (mode.compare(u"wal"_s, Qt::CaseInsensitive) != 0) {
        setError(error, u"the journal file refused WAL mode (journal_mode is \"%1\")"_s.arg(mode));
        return false;
    }
    return run(db, u"PRAGMA synchronous=FULL"_s, u"PRAGMA synchronous"_s, error) &&
           run(db, u"PRAGMA foreign_keys=ON"_s, u"PRAGMA foreign_keys"_s, error);
}

bool migrate(const QSqlDatabase &db, const QList<Migration> &steps, QString *error)
{
    const int newest = steps.isEmpty() ? 0 : steps.constLast().version;
    for (const Migration &step : steps) {
        // Checked outside a transaction first: an up-to-date file needs no write lock, so opening
        // it never waits for another connection's writes.
        std::optional<int> current = storedVersion(db, error);
        if (!current)
            return false;
        if (*current > newest) {
            setError(error, tooNew(*current, newest));
            return false;
        }
        if (*current >= step.version)
            continue;
        // IMMEDIATE takes the write lock up front, so two connections migrating a new file
        // serialise here; the re-check lets the second one see the first one's work.
        if (!run(db, u"BEGIN IMMEDIATE"_s, u"cannot start a schema migration"_s, error))
            return false;
        QString failure;
        current = storedVersion(db, &failure);
        bool ok = current.has_value();
        if (ok && *current >= step.version) {
            run(db, u"ROLLBACK"_s, u"ROLLBACK"_s, nullptr);
            continue;
        }
        for (const QString &sql : step.statements) {
            if (!ok)
                break;
            ok = run(db, sql, u"schema migration to version %1 failed"_s.arg(step.version),
                     &failure);
        }
        if (ok) {
            QSqlQuery bump(db);
            bump.prepare(u"INSERT INTO meta(key, value) VALUES('schema_version', ?) "
                         "ON CONFLICT(key) DO UPDATE SET value = excluded.value"_s);
            bump.addBindValue(QString::number(step.version));
            ok = bump.exec();
            if (!ok)
                failure = u"cannot record schema version %1: "_s.arg(step.version) %
                          bump.lastError().text();
        }
        if (ok)
            ok = run(db, u"COMMIT"_s, u"cannot commit schema version %1"_s.arg(step.version),
                     &failure);
        if (!ok) {
            run(db, u"ROLLBACK"_s, u"ROLLBACK"_s, nullptr);
            setError(error, failure);
            return false;
        }
        qCInfo(lcJournal) << "journal schema migrated to version" << step.version;
    }
    return true;
}

bool prepare(const QSqlDatabase &db, int busyTimeoutMs, QString *error)
{
    // busy_timeout is per connection and comes first, so a migration running in another
    // connection is waited for. The version check precedes the other pragmas: switching to WAL
    // already rewrites the file header, and a newer file must stay untouched.
    if (!run(db, u"PRAGMA busy_timeout=%1"_s.arg(busyTimeoutMs), u"PRAGMA busy_timeout"_s, error))
        return false;
    const std::optional<int> current = storedVersion(db, error);
    if (!current)
        return false;
    if (*current > latestVersion()) {
        setError(error, tooNew(*current, latestVersion()));
        return false;
    }
    return configure(db, error) && migrate(db, migrations(), error);
}

} // namespace Bridge::JournalSchema
