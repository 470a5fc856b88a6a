#include "slack/messageevents.h"

#include <QJsonDocument>
#include <QStringList>

namespace Bridge::MessageEvents {

bool isThreadReply(const QJsonObject &event)
{
    const QString threadTs = event.value(u"thread_ts").toString();
    const QString subtype = event.value(u"subtype").toString();
    return event.value(u"type").toString() == u"message" && !threadTs.isEmpty() &&
           threadTs != event.value(u"ts").toString() && !event.contains(u"bot_id") &&
           (subtype.isEmpty() || subtype == u"thread_broadcast" || subtype == u"file_share");
}

QByteArray wordless(const QJsonObject &body)
{
    static const QStringList kept{
        QStringLiteral("type"),         QStringLiteral("subtype"),   QStringLiteral("channel"),
        QStringLiteral("channel_type"), QStringLiteral("user"),      QStringLiteral("bot_id"),
        QStringLiteral("ts"),           QStringLiteral("thread_ts"), QStringLiteral("event_ts")};
    const QJsonObject event = body.value(u"event").toObject();
    QJsonObject bare;
    for (const QString &key : kept) {
        if (event.contains(key))
            bare.insert(key, event.value(key));
    }
    QJsonObject out = body;
    out.remove(QStringLiteral("token"));
    out.insert(QStringLiteral("event"), bare);
    return QJsonDocument(out).toJson(QJsonDocument::Compact);
}

} // namespace Bridge::MessageEvents
