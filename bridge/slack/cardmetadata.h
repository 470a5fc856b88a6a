#pragma once

#include <QJsonObject>
#include <QString>

namespace Bridge {

/// Slack message metadata that marks a message as the card of a case (or of an alert: TheHive's
/// ids are unique across entities, so the alert's id serves the same way), so that a card whose ts
/// was never saved (its answer lost, the bridge stopped before saving it) can be found again in
/// the channel's history instead of being posted twice. It names the case by its TheHive id
/// only: the id says nothing about the case, and metadata is not shown to people.
namespace CardMetadata {

/// {"event_type": "hiveslack_case_card", "event_payload": {"case_id": …}} for chat.postMessage
/// and chat.update.
QJsonObject forCase(const QString &caseId);
/// The case id of a message (as conversations.history gives it with include_all_metadata)
/// that is a HiveSlack card; empty for any other message.
QString caseIdOf(const QJsonObject &message);

} // namespace CardMetadata

} // namespace Bridge
