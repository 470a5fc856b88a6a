#pragma once

#include "alerts/alertforms.h"
#include "alerts/alertrecord.h"
#include "delivery/bridgeparts.h"
#include "delivery/dispatcher.h"
#include "slack/interaction.h"

namespace Bridge {

class AlertCards;
class SlackMessage;
struct Verdict;

/// Slack → TheHive for alerts: the alert card's Promote, Merge and Ignore.
/// 1. A click opens its form for a linked analyst whose TheHive profile allows it (promote and
///    merge `manageAlert/import`, ignore `manageAlert/update`; TheHive 4 and 5.0 `manageAlert`),
///    on an alert the card's channel may see in full that still waits for triage.
/// 2. The submission is checked again, then carried out as the analyst (AnalystWriter):
///    promote `POST /api/v1/alert/{id}/case` (TheHive 4 `…/createCase`), merge
///    `POST …/merge/{caseId}` (the case must be one the analyst can read), ignore a closed
///    status and reason (TheHive 4: marked read, "Ignored"). A retry after a lost answer reads
///    the alert first: one already promoted or merged is not sent again.
/// 3. A promoted alert's card becomes the new case's live card ("alert.adopt", keyed by the
///    case so it is delivered in order with TheHive's own create webhook: if that one placed a
///    card in the channel first, the alert card only says where the case went). A merged or
///    ignored alert's card loses its buttons and says what became of it; a thread note names
///    who did it.
class AlertTriage final : public QObject
{
    Q_OBJECT
public:
    AlertTriage(const BridgeParts &bridge, AlertCards &alertCards, QObject *parent = nullptr);
    ~AlertTriage() override;

    static bool handles(const JournalEvent &event);
    void handle(const JournalEvent &event, Dispatcher::Completion done);
    /// Tells the analyst that a triage retried until the dispatcher gave up was not made.
    void tellGaveUp(const JournalEvent &event, const QString &reason);

private:
    struct Request;
    /// The analyst, TheHive's version, and the alert as the card's channel may see it now.
    void withAlert(std::shared_ptr<Request> r, std::function<void()> next);
    void openForm(std::shared_ptr<Request> r);
    void submit(std::shared_ptr<Request> r);
    void promote(std::shared_ptr<Request> r);
    void merge(std::shared_ptr<Request> r);
    void mergeInto(std::shared_ptr<Request> r, const QString &caseId);
    void ignore(std::shared_ptr<Request> r);
    /// Whether the alert, found settled, is as this submission would have left it.
    bool isOwnResult(std::shared_ptr<Request> r) const;
    /// Goes on from a change an earlier attempt made (its answer lost).
    void carryOn(std::shared_ptr<Request> r);
    /// After a promote or merge: on with the case, or TheHive's refusal (after checking that a
    /// resent write was not refused because the first one was made).
    void written(std::shared_ptr<Request> r, const Verdict &verdict);
    /// The alert is in `c` now: hand its card over (promote) or say so on it (merge). `fresh`:
    /// this attempt made the change (it is recorded in the case once).
    void joined(std::shared_ptr<Request> r, const CaseRecord &c, bool fresh);
    void settled(std::shared_ptr<Request> r, const QString &outcome, const QString &doneNote);
    void adopt(const JournalEvent &event, Dispatcher::Completion done);
    void refuse(std::shared_ptr<Request> r, const QString &reason, const Outcome &outcome);
    /// Ends an attempt on TheHive's verdict: a retry while it cannot be reached, else a refusal.
    void settleVerdict(std::shared_ptr<Request> r, const Verdict &verdict, const QString &doing);

    const BridgeParts m_bridge;
    AlertCards &m_alertCards;
};

} // namespace Bridge
