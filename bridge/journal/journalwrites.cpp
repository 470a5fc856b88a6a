// Journal: marks of writes that must not happen twice, while their outcome is not saved.
#include "journal/journal.h"

#include "core/clock.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace Bridge {

QString Journal::eventWriteKey(qint64 eventId)
{
    // The same text as the events_settled_end_write trigger builds (journalschema.cpp).
    return u"event:"_s + QString::number(eventId);
}

bool Journal::beginWrite(const QString &key)
{
    clearError();
    if (!demandPowerLossSafety())
        return noteWrite(false);
    QSqlQuery q(m_db);
    return noteWrite(run(q, u"INSERT OR IGNORE INTO writes_begun(key, begun_at) VALUES(?, ?)"_s,
                         {key, m_clock.nowMs()}, u"cannot mark the write %1 begun"_s.arg(key)));
}

std::optional<qint64> Journal::writeBegunAt(const QString &key) const
{
    clearError();
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!run(q, u"SELECT begun_at FROM writes_begun WHERE key = ?"_s, {key},
             u"cannot read the mark of the write %1"_s.arg(key)) ||
        !q.next())
        return std::nullopt;
    return q.value(0).toLongLong();
}

WriteStart Journal::startWrite(const QString &key)
{
    if (const std::optional<qint64> begun = writeBegunAt(key))
        return {WriteStart::Kind::Earlier, *begun};
    if (!lastError().isEmpty() || !beginWrite(key))
        return {WriteStart::Kind::Failed, 0};
    return {WriteStart::Kind::Begun, 0};
}

bool Journal::endWrite(const QString &key)
{
    clearError();
    // A mark left behind by a crash only costs one needless look: no fsync.
    relaxDurability();
    QSqlQuery q(m_db);
    return noteWrite(run(q, u"DELETE FROM writes_begun WHERE key = ?"_s, {key},
                         u"cannot clear the mark of the write %1"_s.arg(key)));
}

} // namespace Bridge
