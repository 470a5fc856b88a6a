#include "delivery/withheldpayload.h"

#include "journal/journal.h"
#include "thehive/webhookevent.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace Bridge {

namespace {

bool shownInFullSomewhere(const QList<CardRef> &cards)
{
    return std::any_of(cards.cbegin(), cards.cend(),
                       [](const CardRef &card) { return card.shown == CardShown::Full; });
}

} // namespace

QByteArray withheldEventSummary(const HiveEvent &event)
{
    // Not a webhook any more on purpose: nothing may mistake it for the case as TheHive sent it.
    const QJsonObject summary{
        {QStringLiteral("hiveslackSummary"),
         QStringLiteral("payload not kept: the case is not shown in full in any Slack channel")},
        {QStringLiteral("caseId"), event.caseId},
        {QStringLiteral("caseNumber"), event.caseNumber},
        {QStringLiteral("objectType"), event.objectType},
        {QStringLiteral("objectId"), event.objectId},
        {QStringLiteral("action"), event.action},
        {QStringLiteral("actor"), event.actor},
        {QStringLiteral("organisation"), event.organisation},
        {QStringLiteral("requestId"), event.requestId},
        {QStringLiteral("timestamp"), event.timestampMs},
    };
    return QJsonDocument(summary).toJson(QJsonDocument::Compact);
}

Dispatcher::Completion keepingSummaryUnlessShown(const Journal &journal, const HiveEvent &event,
                                                 Dispatcher::Completion done)
{
    if (event.caseId.isEmpty())
        return done;
    return [&journal, event, done = std::move(done)](const Outcome &outcome) {
        const bool settled =
            outcome.kind == Outcome::Kind::Delivered || outcome.kind == Outcome::Kind::Ignored;
        // Read after the drawing: the cards say what each channel shows now.
        if (!settled || shownInFullSomewhere(journal.cards(event.caseId)))
            return done(outcome);
        Outcome summarised = outcome;
        summarised.keptPayload = withheldEventSummary(event);
        done(summarised);
    };
}

} // namespace Bridge
