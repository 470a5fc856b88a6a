#pragma once

#include <QByteArray>
#include <QJsonObject>

/// Events API `message` events (message.channels, message.groups), as thread sync reads them.
namespace Bridge::MessageEvents {

/// Whether `event` is a person's reply in a thread: type "message" with a thread_ts other than
/// its own ts, no bot_id, and no subtype or one that still carries a person's words
/// ("thread_broadcast", "file_share"). Edits, deletions and bots' messages are not.
bool isThreadReply(const QJsonObject &event);

/// `body` (an event_callback) with its message's words taken out: of `event` only type,
/// subtype, channel, channel_type, user, bot_id, ts, thread_ts and event_ts are kept.
QByteArray wordless(const QJsonObject &body);

} // namespace Bridge::MessageEvents
