// Journal: retention, one bounded batch at a time (JournalRetention decides when and how old).
#include "journal/journal.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace Bridge {

namespace {

// Walks the partial index events_settled_age (schema v4) oldest first and stops after `limit`.
// Left to itself the planner (no ANALYZE statistics) picks events_state_due and sorts every
// settled row per batch. The state list must read exactly as in the index's WHERE.
const QString oldSettledEvents = u"SELECT id FROM events INDEXED BY events_settled_age"
                                 " WHERE state IN ('delivered','ignored','discarded')"
                                 " AND updated_at < ? ORDER BY updated_at LIMIT ?"_s;

// case_json is the CaseRecord as last drawn (caserecordjson.cpp): closed means stage "Closed"
// (CaseRecord::isClosed). CASE keeps json_extract off a card saved without valid JSON, which
// would abort the whole statement; such a card counts as open.
const QString oldClosedCards =
    u"SELECT rowid FROM cards INDEXED BY cards_age WHERE updated_at < ? AND CASE"
    " WHEN json_valid(CAST(case_json AS TEXT))"
    " THEN json_extract(CAST(case_json AS TEXT), '$.stage') END = 'Closed' LIMIT ?"_s;

// alert_json is the AlertRecord as last drawn (alertrecord.cpp): an alert promoted, merged or
// closed has nothing left to triage; a card handed to its case is the case's to keep.
const QString oldSettledAlertCards =
    u"SELECT rowid FROM alert_cards INDEXED BY alert_cards_age WHERE updated_at < ? AND"
    " (case_id IS NOT NULL OR CASE WHEN json_valid(CAST(alert_json AS TEXT))"
    " THEN json_extract(CAST(alert_json AS TEXT), '$.stage') END IN ('Closed', 'Imported'))"
    " LIMIT ?"_s;

const QString oldUnlinkedAudit =
    u"SELECT id FROM audit WHERE event_id IS NULL AND at < ? ORDER BY id LIMIT ?"_s;

} // namespace

std::optional<PruneBatch> Journal::prune(qint64 cutoffMs, int limit)
{
    clearError();
    // Losing a prune to a crash only means doing it again: no fsync.
    relaxDurability();
    if (!noteWrite(begin()))
        return std::nullopt;
    PruneBatch batch;
    QSqlQuery q(m_db);
    bool ok = run(q, u"DELETE FROM audit WHERE event_id IN ("_s % oldSettledEvents % u')',
                  {cutoffMs, limit}, u"cannot remove the audit entries of old events"_s);
    batch.auditEntries = ok ? q.numRowsAffected() : 0;
    ok = ok && run(q, u"DELETE FROM events WHERE id IN ("_s % oldSettledEvents % u')',
                   {cutoffMs, limit}, u"cannot remove old events from the journal"_s);
    batch.events = ok ? q.numRowsAffected() : 0;
    ok = ok && run(q, u"DELETE FROM audit WHERE id IN ("_s % oldUnlinkedAudit % u')',
                   {cutoffMs, limit}, u"cannot remove old audit entries"_s);
    const int unlinked = ok ? q.numRowsAffected() : 0;
    batch.auditEntries += unlinked;
    ok = ok && run(q, u"DELETE FROM cards WHERE rowid IN ("_s % oldClosedCards % u')',
                   {cutoffMs, limit}, u"cannot remove the cards of old closed cases"_s);
    batch.cards = ok ? q.numRowsAffected() : 0;
    ok = ok && run(q, u"DELETE FROM alert_cards WHERE rowid IN ("_s % oldSettledAlertCards % u')',
                   {cutoffMs, limit}, u"cannot remove the cards of old settled alerts"_s);
    const int alertCards = ok ? q.numRowsAffected() : 0;
    const int caseCards = batch.cards;
    batch.cards += alertCards;
    // An event's mark lives as long as the event is pending or failed (journalschema.cpp);
    // another mark this old was left by a post long given up.
    ok = ok && run(q,
                   u"DELETE FROM writes_begun WHERE key IN (SELECT key FROM writes_begun"
                   " WHERE begun_at < ? AND key NOT LIKE 'event:%' LIMIT ?)"_s,
                   {cutoffMs, limit}, u"cannot remove old marks of writes"_s);
    const int marks = ok ? q.numRowsAffected() : 0;
    if (!noteWrite(ok && commit())) {
        rollback();
        return std::nullopt;
    }
    batch.more = batch.events == limit || unlinked == limit || caseCards == limit ||
                 alertCards == limit || marks == limit;
    return batch;
}

} // namespace Bridge
