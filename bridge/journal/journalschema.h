#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

class QSqlDatabase;

/// Versioned SQLite schema of the journal.
///
/// The version lives in `meta(key, value)` under `schema_version`. Migrations run in order, each in
/// its own `BEGIN IMMEDIATE` transaction that also bumps the version, and roll back on the first
/// failing statement. A file written by a newer build is refused before anything is changed.
namespace Bridge::JournalSchema {

/// One step from `version - 1` to `version`.
struct Migration
{
    int version = 0;
    QStringList statements;
};

/// The migrations this build knows, in ascending order.
const QList<Migration> &migrations();

/// Highest version this build can read and write.
int latestVersion();

/// Version stored in the file: 0 when it has no schema yet (new or empty file), nullopt on error.
std::optional<int> storedVersion(const QSqlDatabase &db, QString *error);

/// Sets the durability pragmas: journal_mode=WAL (checked), synchronous=FULL, foreign_keys=ON.
bool configure(const QSqlDatabase &db, QString *error);

/// Applies every migration newer than the stored version. Refuses (and changes nothing) when the
/// stored version is above the last migration given. Tests pass their own list; the product uses
/// migrations().
bool migrate(const QSqlDatabase &db, const QList<Migration> &steps, QString *error);

/// Sets busy_timeout, checks the stored version, configures the connection, then migrates to
/// latestVersion().
bool prepare(const QSqlDatabase &db, int busyTimeoutMs, QString *error);

} // namespace Bridge::JournalSchema
