// Journal: the cards of TheHive alerts.
#include "journal/journal.h"

#include "core/clock.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace Bridge {

namespace {

const QString alertCardColumns = u"alert_id, channel, ts, alert_json, shown, case_id, outcome,"
                                 " digest, posted_at, updated_at"_s;

QList<AlertCardRef> readAlertCards(QSqlQuery &q)
{
    QList<AlertCardRef> found;
    while (q.next()) {
        AlertCardRef card;
        card.alertId = q.value(0).toString();
        card.channel = q.value(1).toString();
        card.ts = q.value(2).toString();
        card.alertJson = q.value(3).toByteArray();
        card.shown = q.value(4).toString();
        card.caseId = q.value(5).toString();
        card.outcome = q.value(6).toString();
        card.digest = q.value(7).toBool();
        card.postedAt = q.value(8).toLongLong();
        card.updatedAt = q.value(9).toLongLong();
        found.append(card);
    }
    return found;
}

} // namespace

QList<AlertCardRef> Journal::alertCards(const QString &alertId) const
{
    clearError();
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!run(q,
             u"SELECT "_s % alertCardColumns %
                 u" FROM alert_cards WHERE alert_id = ? ORDER BY posted_at, channel"_s,
             {alertId}, u"cannot read the cards of alert %1"_s.arg(alertId)))
        return {};
    return readAlertCards(q);
}

QList<AlertCardRef> Journal::alertCardsAt(const QString &channel, const QString &ts) const
{
    clearError();
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!run(q,
             u"SELECT "_s % alertCardColumns %
                 u" FROM alert_cards WHERE channel = ? AND ts = ? ORDER BY posted_at, alert_id"_s,
             {channel, ts}, u"cannot read the alerts at %1 in %2"_s.arg(ts, channel)))
        return {};
    return readAlertCards(q);
}

QList<AlertCardRef> Journal::alertCardsPostedWithin(const QString &channel, qint64 windowMs) const
{
    clearError();
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!run(q,
             u"SELECT "_s % alertCardColumns %
                 u" FROM alert_cards WHERE channel = ? AND posted_at >= ? ORDER BY posted_at"_s,
             {channel, m_clock.nowMs() - windowMs},
             u"cannot read the recent alert cards of %1"_s.arg(channel)))
        return {};
    return readAlertCards(q);
}

bool Journal::saveAlertCard(const AlertCardRef &card)
{
    clearError();
    if (card.alertId.isEmpty() || card.channel.isEmpty() || card.ts.isEmpty()) {
        setError(u"cannot save an alert card without alert id, channel and ts"_s);
        return false;
    }
    if (!demandPowerLossSafety())
        return noteWrite(false);
    const qint64 now = m_clock.nowMs();
    QSqlQuery q(m_db);
    return noteWrite(
        run(q,
            u"INSERT INTO alert_cards(alert_id, channel, ts, alert_json, shown, case_id, outcome,"
            " digest, posted_at, updated_at) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT(alert_id, channel) DO UPDATE SET ts = excluded.ts,"
            " alert_json = excluded.alert_json, shown = excluded.shown,"
            " case_id = coalesce(excluded.case_id, alert_cards.case_id),"
            " outcome = coalesce(excluded.outcome, alert_cards.outcome),"
            " updated_at = excluded.updated_at"_s,
            {card.alertId, card.channel, card.ts, card.alertJson,
             card.shown.isEmpty() ? QString(CardShown::Full) : card.shown,
             card.caseId.isEmpty() ? QVariant() : QVariant(card.caseId),
             card.outcome.isEmpty() ? QVariant() : QVariant(card.outcome), card.digest ? 1 : 0, now,
             now},
            u"cannot save the card of alert %1"_s.arg(card.alertId)));
}

} // namespace Bridge
