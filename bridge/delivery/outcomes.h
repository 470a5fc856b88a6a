#pragma once

#include "clients/slackclient.h"
#include "clients/thehiveclient.h"
#include "delivery/dispatcher.h"

namespace Bridge {

/// Maps a failed Slack call to a delivery outcome: transport and server errors back off, errors
/// that will never succeed fail at once with Slack's reason (429s never get here: the
/// SlackClient waits them out).
Outcome outcomeFor(const SlackResult &result, const QString &doing);
/// The same for TheHive: 5xx, 429 (after its Retry-After) and transport errors retry, other
/// 4xx fail with TheHive's reason.
Outcome outcomeFor(const HiveResult &result, const QString &doing);

} // namespace Bridge
