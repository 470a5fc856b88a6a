#pragma once

#include "config/bridgeconfig.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace Bridge {
class Journal;
struct JournalEvent;
} // namespace Bridge

namespace Console {

/// The Slack card an event is about, rendered the way the bridge renders it.
struct CardPreview
{
    QString caption;     ///< where the card is, or why there is none
    QJsonObject message; ///< {"text", "blocks"}; empty when the case is not posted at all
};

/// The card of the event's case as the journal last rendered it or, for a case creation not
/// posted yet (a failed delivery), the card its webhook's case gives. Routing (channel,
/// redaction, TLP ceiling) follows `config`. `knownVersion` is the bridge's detected TheHive
/// version, if any. nullopt when the event has no case the journal or payload can show.
std::optional<CardPreview> cardPreviewFor(const Bridge::JournalEvent &event,
                                          const Bridge::Journal &journal,
                                          const Bridge::BridgeConfig &config,
                                          std::optional<Bridge::HiveVersion> knownVersion);

/// A Block Kit message in plain text for people: the fallback text, then each block (header,
/// sections with their fields as "Label: value" lines, context, buttons and menus in
/// [brackets]), with mrkdwn markup and emoji codes removed.
QString cardPreviewText(const QJsonObject &message);

/// Slack mrkdwn as plain text: links as "label (url)", markup and emoji codes removed,
/// entities unescaped.
QString mrkdwnToPlain(const QString &mrkdwn);

} // namespace Console
