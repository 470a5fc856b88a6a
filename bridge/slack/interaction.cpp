#include "slack/interaction.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

namespace Bridge {

namespace {

/// A string member, or empty for absent, null or non-string values.
QString str(const QJsonObject &object, const QString &key)
{
    return object.value(key).toString();
}

QJsonObject obj(const QJsonObject &object, const QString &key)
{
    return object.value(key).toObject();
}

QString firstNonEmpty(const QString &a, const QString &b)
{
    return a.isEmpty() ? b : a;
}

SlackInteraction::Type typeFromName(const QString &name)
{
    if (name == QLatin1StringView("block_actions"))
        return SlackInteraction::Type::BlockActions;
    if (name == QLatin1StringView("view_submission"))
        return SlackInteraction::Type::ViewSubmission;
    if (name == QLatin1StringView("view_closed"))
        return SlackInteraction::Type::ViewClosed;
    if (name == QLatin1StringView("shortcut"))
        return SlackInteraction::Type::Shortcut;
    if (name == QLatin1StringView("message_action"))
        return SlackInteraction::Type::MessageAction;
    if (name == QLatin1StringView("block_suggestion"))
        return SlackInteraction::Type::BlockSuggestion;
    return SlackInteraction::Type::Other;
}

SlackAction parseAction(const QJsonObject &a)
{
    SlackAction action;
    action.actionId = str(a, QStringLiteral("action_id"));
    action.blockId = str(a, QStringLiteral("block_id"));
    action.type = str(a, QStringLiteral("type"));
    action.value = str(a, QStringLiteral("value"));
    action.selectedOption = str(obj(a, QStringLiteral("selected_option")), QStringLiteral("value"));
    action.selectedUser = str(a, QStringLiteral("selected_user"));
    action.selectedDate = str(a, QStringLiteral("selected_date"));
    action.actionTs = str(a, QStringLiteral("action_ts"));
    return action;
}

void setError(QString *error, const QString &message)
{
    if (error)
        *error = message;
}

} // namespace

std::optional<SlackInteraction> parseInteraction(const QByteArray &payloadJson, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(payloadJson, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        setError(error, QStringLiteral("payload is not valid JSON: ") + parseError.errorString() +
                            QStringLiteral(" at offset ") + QString::number(parseError.offset));
        return std::nullopt;
    }
    if (!doc.isObject()) {
        setError(error, QStringLiteral("payload is not a JSON object"));
        return std::nullopt;
    }
    const QJsonObject p = doc.object();
    const QString typeName = str(p, QStringLiteral("type"));
    if (typeName.isEmpty()) {
        setError(error, QStringLiteral("payload has no \"type\""));
        return std::nullopt;
    }

    SlackInteraction in;
    in.typeName = typeName;
    in.type = typeFromName(typeName);

    const QJsonObject user = obj(p, QStringLiteral("user"));
    in.userId = str(user, QStringLiteral("id"));
    in.userName =
        firstNonEmpty(str(user, QStringLiteral("username")), str(user, QStringLiteral("name")));
    // team is null for org-wide (Enterprise Grid) installs.
    in.teamId = firstNonEmpty(str(obj(p, QStringLiteral("team")), QStringLiteral("id")),
                              str(user, QStringLiteral("team_id")));
    in.triggerId = str(p, QStringLiteral("trigger_id"));
    in.responseUrl = str(p, QStringLiteral("response_url"));

    const QJsonObject container = obj(p, QStringLiteral("container"));
    in.channelId = firstNonEmpty(str(obj(p, QStringLiteral("channel")), QStringLiteral("id")),
                                 str(container, QStringLiteral("channel_id")));
    in.messageTs = firstNonEmpty(str(container, QStringLiteral("message_ts")),
                                 str(obj(p, QStringLiteral("message")), QStringLiteral("ts")));

    for (const QJsonValue &a : p.value(QStringLiteral("actions")).toArray()) {
        if (a.isObject())
            in.actions.append(parseAction(a.toObject()));
    }

    const QJsonObject view = obj(p, QStringLiteral("view"));
    in.viewId =
        firstNonEmpty(str(view, QStringLiteral("id")), str(container, QStringLiteral("view_id")));
    in.callbackId = firstNonEmpty(str(view, QStringLiteral("callback_id")),
                                  str(p, QStringLiteral("callback_id")));
    in.privateMetadata = str(view, QStringLiteral("private_metadata"));
    // Message actions carry their surface state at the top level, view actions inside view.
    const QJsonObject viewState = obj(obj(view, QStringLiteral("state")), QStringLiteral("values"));
    in.stateValues = view.contains(QStringLiteral("state"))
                         ? viewState
                         : obj(obj(p, QStringLiteral("state")), QStringLiteral("values"));
    in.message = obj(p, QStringLiteral("message"));
    if (in.type == SlackInteraction::Type::BlockSuggestion)
        in.query = str(p, QStringLiteral("value"));
    return in;
}

} // namespace Bridge
