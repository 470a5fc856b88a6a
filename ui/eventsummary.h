#pragma once

#include <QString>

namespace Bridge {
struct JournalEvent;
}

namespace Console {

/// What a journaled event was about, read from its payload for the Activity table.
struct EventSummary
{
    enum class Direction { HiveToSlack, SlackToHive };
    Direction direction = Direction::HiveToSlack;
    QString caseLabel; ///< "#42 Title" when the payload says, else the case id
    QString channel;   ///< Slack channel id the interaction came from (Slack events)
    QString action;    ///< "case created", "set status → Resolved", "close case"…
    QString slackUser; ///< "alice (U0123)" for Slack events
};

/// Reads the payload of a TheHive webhook or a Slack interaction; fields the payload does not
/// carry stay empty. Never fails: an unreadable payload gives only the direction and the kind.
EventSummary summarizeEvent(const Bridge::JournalEvent &event);

/// "TheHive → Slack" / "Slack → TheHive".
QString directionLabel(EventSummary::Direction direction);
/// An event state in words ("Failed", "Delivered"…); unknown states as they are.
QString stateLabel(const QString &state);

} // namespace Console
