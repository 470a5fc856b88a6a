#include "opsec/slackmessage.h"

namespace Bridge {

SlackMessage SlackMessage::notice(const QString &channel, const QString &text)
{
    return SlackMessage(channel, QJsonObject{{QStringLiteral("text"), text}});
}

SlackMessage SlackMessage::form(const QString &channel, const QJsonObject &view)
{
    return SlackMessage(channel, view);
}

} // namespace Bridge
