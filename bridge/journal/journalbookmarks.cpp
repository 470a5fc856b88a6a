// Journal: where the bridge's own look-backs (reconciliation with TheHive) got to.
#include "journal/journal.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace Bridge {

namespace {

// Kept in the schema's meta table beside schema_version, under their own prefix.
QString metaKey(const QString &key)
{
    return u"bookmark."_s + key;
}

} // namespace

std::optional<qint64> Journal::bookmark(const QString &key) const
{
    clearError();
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!run(q, u"SELECT value FROM meta WHERE key = ?"_s, {metaKey(key)},
             u"cannot read the bookmark %1"_s.arg(key)) ||
        !q.next())
        return std::nullopt;
    bool ok = false;
    const qint64 value = q.value(0).toString().toLongLong(&ok);
    return ok ? std::optional<qint64>(value) : std::nullopt;
}

bool Journal::setBookmark(const QString &key, qint64 value)
{
    clearError();
    // Moving a bookmark back or losing one in a power cut only makes the next look-back look
    // further: no fsync.
    relaxDurability();
    QSqlQuery q(m_db);
    return noteWrite(run(q, u"INSERT OR REPLACE INTO meta(key, value) VALUES(?, ?)"_s,
                         {metaKey(key), QString::number(value)},
                         u"cannot save the bookmark %1"_s.arg(key)));
}

std::optional<qint64> Journal::lastEventAt(const QString &source) const
{
    clearError();
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!run(q, u"SELECT MAX(created_at) FROM events WHERE source = ?"_s, {source},
             u"cannot find the newest %1 event"_s.arg(source)) ||
        !q.next() || q.value(0).isNull())
        return std::nullopt;
    return q.value(0).toLongLong();
}

} // namespace Bridge
