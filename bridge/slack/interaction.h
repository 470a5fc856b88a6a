#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace Bridge {

/// One element of `actions[]` in a block_actions payload. Every field is empty when Slack
/// did not send it or sent null (a deselected option, a cleared date).
struct SlackAction
{
    QString actionId;
    QString blockId;
    QString type;           ///< "button", "static_select", "users_select", "datepicker", …
    QString value;          ///< button value / dispatched plain_text_input value
    QString selectedOption; ///< selected_option.value (static/external select, overflow, radio)
    QString selectedUser;   ///< users_select
    QString selectedDate;   ///< datepicker, YYYY-MM-DD
    QString actionTs;       ///< when the click happened (Slack's own id of it)
};

/// What the bridge needs from an interactivity payload (shared/docs/slack-api.md §2.2, §2.3):
/// the `payload` form field in HTTP mode, or an `interactive` envelope's `payload` in
/// Socket Mode. Absent and null fields are empty strings.
struct SlackInteraction
{
    enum class Type {
        BlockActions,
        ViewSubmission,
        ViewClosed,
        Shortcut,
        MessageAction,   ///< a message shortcut; `message` holds the message
        BlockSuggestion, ///< an external_select asking for options; `query` is what was typed
        Other
    };
    Type type = Type::Other;
    QString typeName;    ///< the raw "type", e.g. "app_home_opened" for Type::Other
    QString userId;      ///< user.id: what users.info takes
    QString userName;    ///< user.username, else user.name
    QString teamId;      ///< team.id; user.team_id when team is null (org-wide installs)
    QString triggerId;   ///< for views.open: valid for 3 s, once
    QString channelId;   ///< channel.id, else container.channel_id
    QString messageTs;   ///< container.message_ts, else message.ts
    QString responseUrl; ///< absent for modal and App Home actions
    QList<SlackAction> actions;
    QString viewId;
    QString callbackId; ///< view.callback_id, or the top-level one of shortcuts
    QString privateMetadata;
    QJsonObject stateValues; ///< view.state.values, else the top-level state.values
    QJsonObject message;     ///< a message shortcut's message (text, user, ts, files, …)
    QString query;           ///< block_suggestion: the text typed so far
};

/// Parses @p payloadJson. Returns nullopt (and sets @p error when given) for anything that
/// is not a JSON object with a string "type"; every other field is optional.
std::optional<SlackInteraction> parseInteraction(const QByteArray &payloadJson, QString *error);

} // namespace Bridge
