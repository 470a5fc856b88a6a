// Journal: the side tables (Slack cards, audit trail, user-link cache).
#include "journal/journal.h"

#include "core/clock.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace Bridge {

namespace {

AuditEntry readAudit(const QSqlQuery &q)
{
    AuditEntry a;
    a.id = q.value(0).toLongLong();
    a.at = q.value(1).toLongLong();
    a.eventId = q.value(2).toLongLong();
    a.actor = q.value(3).toString();
    a.action = q.value(4).toString();
    a.detail = q.value(5).toString();
    return a;
}

QList<AuditEntry> readAudits(QSqlQuery &q)
{
    QList<AuditEntry> entries;
    while (q.next())
        entries << readAudit(q);
    return entries;
}

const QString auditColumns = u"id, at, event_id, actor, action, detail"_s;

const QString cardColumns =
    u"case_id, channel, ts, case_json, hive_version, shown, posted_at, updated_at, summoned_by"_s;

CardRef readCard(const QSqlQuery &q)
{
    CardRef card;
    card.caseId = q.value(0).toString();
    card.channel = q.value(1).toString();
    card.ts = q.value(2).toString();
    card.caseJson = q.value(3).toByteArray();
    card.hiveVersion = q.value(4).toString();
    card.shown = q.value(5).toString();
    card.postedAt = q.value(6).toLongLong();
    card.updatedAt = q.value(7).toLongLong();
    card.summonedBy = q.value(8).toString();
    return card;
}

} // namespace

std::optional<CardRef> Journal::card(const QString &caseId, const QString &channel) const
{
    clearError();
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!run(q, u"SELECT "_s % cardColumns % u" FROM cards WHERE case_id = ? AND channel = ?"_s,
             {caseId, channel}, u"cannot read the card of case %1"_s.arg(caseId)) ||
        !q.next())
        return std::nullopt;
    return readCard(q);
}

std::optional<CardRef> Journal::cardAt(const QString &channel, const QString &ts) const
{
    clearError();
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!run(q, u"SELECT "_s % cardColumns % u" FROM cards WHERE channel = ? AND ts = ?"_s,
             {channel, ts}, u"cannot read the card at %1 in %2"_s.arg(ts, channel)) ||
        !q.next())
        return std::nullopt;
    return readCard(q);
}

QList<CardRef> Journal::cards(const QString &caseId) const
{
    clearError();
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    QList<CardRef> found;
    if (!run(q,
             u"SELECT "_s % cardColumns %
                 u" FROM cards WHERE case_id = ? ORDER BY posted_at, channel"_s,
             {caseId}, u"cannot read the cards of case %1"_s.arg(caseId)))
        return found;
    while (q.next())
        found.append(readCard(q));
    return found;
}

bool Journal::saveCard(const CardRef &card)
{
    clearError();
    if (card.caseId.isEmpty() || card.channel.isEmpty() || card.ts.isEmpty()) {
        setError(u"cannot save a card without case id, channel and ts"_s);
        return false;
    }
    // A recorded ts is what keeps a card from being posted twice: it must survive a power cut.
    if (!demandPowerLossSafety())
        return noteWrite(false);
    const qint64 now = m_clock.nowMs();
    QSqlQuery q(m_db);
    return noteWrite(
        run(q,
            u"INSERT INTO cards(case_id, channel, ts, case_json, hive_version, shown, posted_at,"
            " updated_at, summoned_by) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT(case_id, channel) DO UPDATE SET ts = excluded.ts,"
            " case_json = excluded.case_json, hive_version = excluded.hive_version,"
            " shown = excluded.shown, updated_at = excluded.updated_at,"
            // Once summoned, a card stays summoned: a repost by its route does not undo that.
            " summoned_by = coalesce(excluded.summoned_by, cards.summoned_by)"_s,
            {card.caseId, card.channel, card.ts, card.caseJson, card.hiveVersion,
             card.shown.isEmpty() ? QString(CardShown::Full) : card.shown, now, now,
             card.summonedBy.isEmpty() ? QVariant() : QVariant(card.summonedBy)},
            u"cannot save the card of case %1"_s.arg(card.caseId)));
}

bool Journal::updateCard(const CardRef &card)
{
    clearError();
    // Only what a saved card shows changes: after a power cut the next redraw may note a change
    // again, which is no reason for an fsync per redraw.
    relaxDurability();
    QSqlQuery q(m_db);
    if (!noteWrite(
            run(q,
                u"UPDATE cards SET case_json = ?, hive_version = ?, shown = ?, updated_at = ?"
                " WHERE case_id = ? AND channel = ? AND ts = ?"_s,
                {card.caseJson, card.hiveVersion,
                 card.shown.isEmpty() ? QString(CardShown::Full) : card.shown, m_clock.nowMs(),
                 card.caseId, card.channel, card.ts},
                u"cannot update the card of case %1"_s.arg(card.caseId))))
        return false;
    if (q.numRowsAffected() != 1) {
        setError(
            u"no saved card of case %1 in %2 with ts %3"_s.arg(card.caseId, card.channel, card.ts));
        return false;
    }
    return true;
}

bool Journal::audit(qint64 eventId, const QString &actor, const QString &action,
                    const QString &detail)
{
    clearError();
    QSqlQuery q(m_db);
    // COALESCE: a null QString binds as SQL NULL, which the NOT NULL columns would refuse.
    return noteWrite(
        run(q,
            u"INSERT INTO audit(at, event_id, actor, action, detail)"
            " VALUES(?, ?, COALESCE(?, ''), COALESCE(?, ''), ?)"_s,
            {m_clock.nowMs(), eventId > 0 ? QVariant(eventId) : QVariant(), actor, action, detail},
            u"cannot write the audit entry \"%1\""_s.arg(action)));
}

QList<AuditEntry> Journal::auditFor(qint64 eventId) const
{
    clearError();
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!run(q, u"SELECT "_s % auditColumns % u" FROM audit WHERE event_id = ? ORDER BY id"_s,
             {eventId}, u"cannot read the audit trail of event %1"_s.arg(eventId)))
        return {};
    return readAudits(q);
}

QList<AuditEntry> Journal::recentAudit(int limit) const
{
    clearError();
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!run(q, u"SELECT "_s % auditColumns % u" FROM audit ORDER BY id DESC LIMIT ?"_s,
             {limit > 0 ? limit : -1}, u"cannot read the audit trail"_s))
        return {};
    return readAudits(q);
}

std::optional<UserLink> Journal::userLink(const QString &slackUserId) const
{
    clearError();
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!run(q,
             u"SELECT slack_user_id, hive_login, source, checked_at FROM user_links"
             " WHERE slack_user_id = ?"_s,
             {slackUserId}, u"cannot read the user link of %1"_s.arg(slackUserId)) ||
        !q.next())
        return std::nullopt;
    return UserLink{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                    q.value(3).toLongLong()};
}

bool Journal::saveUserLink(const QString &slackUserId, const QString &hiveLogin,
                           const QString &source)
{
    clearError();
    if (slackUserId.isEmpty() || hiveLogin.isEmpty()) {
        setError(u"cannot save a user link without Slack user id and TheHive login"_s);
        return false;
    }
    QSqlQuery q(m_db);
    return noteWrite(run(q,
                         u"INSERT INTO user_links(slack_user_id, hive_login, source, checked_at)"
                         " VALUES(?, ?, ?, ?) ON CONFLICT(slack_user_id) DO UPDATE SET"
                         " hive_login = excluded.hive_login, source = excluded.source,"
                         " checked_at = excluded.checked_at"_s,
                         {slackUserId, hiveLogin, source, m_clock.nowMs()},
                         u"cannot save the user link of %1"_s.arg(slackUserId)));
}

bool Journal::forgetUserLink(const QString &slackUserId)
{
    clearError();
    QSqlQuery q(m_db);
    return noteWrite(run(q, u"DELETE FROM user_links WHERE slack_user_id = ?"_s, {slackUserId},
                         u"cannot forget the user link of %1"_s.arg(slackUserId)));
}

} // namespace Bridge
