#include "slack/appmanifest.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Bridge::AppManifest {

QStringList botScopes(const Features &features)
{
    QStringList scopes{
        u"chat:write"_s,
        u"users:read"_s,
        u"users:read.email"_s,
        u"channels:read"_s,
        u"groups:read"_s,
        // Finding a card whose post answer was lost, instead of posting it twice; and the
        // message.channels / message.groups events of thread sync.
        u"channels:history"_s,
        u"groups:history"_s,
        // The /hive command and the message shortcut.
        u"commands"_s,
        // The app_mention event.
        u"app_mentions:read"_s,
    };
    // Only asked for when used: it reads every file in the channels the bot is in.
    if (features.copyFiles)
        scopes.append(u"files:read"_s);
    return scopes;
}

QUrl endpoint(const QUrl &base, const QString &path)
{
    QUrl url = base.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::StripTrailingSlash);
    url.setPath(url.path() + path);
    return url;
}

QJsonObject build(const QUrl &publicBase, const Features &features)
{
    const bool socketMode = publicBase.isEmpty();
    const auto withUrl = [&](QJsonObject object, const QString &key, const QString &path) {
        if (!socketMode)
            object.insert(key, endpoint(publicBase, path).toString());
        return object;
    };
    // What Slack shows its users, so it stays in English like the cards themselves.
    const QJsonObject command =
        withUrl({{u"command"_s, u"/hive"_s},
                 {u"description"_s, u"Find, start and work TheHive cases"_s},
                 {u"usage_hint"_s, u"[case number | new | mine | help]"_s},
                 {u"should_escape"_s, false}},
                u"url"_s, u"/slack/commands"_s);
    const QJsonObject shortcut{
        {u"name"_s, u"Add to TheHive case"_s},
        {u"type"_s, u"message"_s},
        {u"callback_id"_s, u"hs_add_evidence"_s},
        {u"description"_s, u"Add this message to a TheHive case as evidence"_s}};
    return {
        {u"_metadata"_s, QJsonObject{{u"major_version"_s, 1}, {u"minor_version"_s, 1}}},
        {u"display_information"_s,
         QJsonObject{{u"name"_s, u"HiveSlack"_s},
                     {u"description"_s, u"TheHive cases in Slack: triage, assign and close "
                                        u"them where the team talks."_s}}},
        {u"features"_s, QJsonObject{{u"bot_user"_s, QJsonObject{{u"display_name"_s, u"HiveSlack"_s},
                                                                {u"always_online"_s, true}}},
                                    {u"slash_commands"_s, QJsonArray{command}},
                                    {u"shortcuts"_s, QJsonArray{shortcut}}}},
        {u"oauth_config"_s,
         QJsonObject{{u"scopes"_s,
                      QJsonObject{{u"bot"_s, QJsonArray::fromStringList(botScopes(features))}}}}},
        {u"settings"_s,
         QJsonObject{
             {u"event_subscriptions"_s,
              withUrl({{u"bot_events"_s,
                        QJsonArray{u"app_mention"_s, u"message.channels"_s, u"message.groups"_s}}},
                      u"request_url"_s, u"/slack/events"_s)},
             {u"interactivity"_s, withUrl(withUrl({{u"is_enabled"_s, true}}, u"request_url"_s,
                                                  u"/slack/interactions"_s),
                                          u"message_menu_options_url"_s, u"/slack/options"_s)},
             {u"org_deploy_enabled"_s, false},
             {u"socket_mode_enabled"_s, socketMode},
             // HiveSlack keeps one bot token; a rotating one would expire after 12 hours.
             {u"token_rotation_enabled"_s, false}}},
    };
}

} // namespace Bridge::AppManifest
