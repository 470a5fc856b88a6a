#include "slackclicks.h"

#include "slack/cardids.h"
#include "slack/slacksignature.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QtCore/qtestsupport_core.h>
#include <QUrl>

using namespace Qt::StringLiterals;

SlackClicks::SlackClicks(quint16 bridgePort, QByteArray signingSecret)
    : m_port(bridgePort)
    , m_signingSecret(std::move(signingSecret))
{
}

int SlackClicks::assignToMe(const Card &card, const QString &userId, const QString &userName)
{
    return post(card, userId, userName,
                {{u"type"_s, u"button"_s},
                 {u"action_id"_s, QString(Bridge::CardIds::AssignMe)},
                 {u"block_id"_s, Bridge::CardIds::blockId(u"controls"_s, card.caseId, u"0"_s)},
                 {u"value"_s, card.caseId}});
}

int SlackClicks::assignTo(const Card &card, const QString &userId, const QString &userName,
                          const QString &assigneeId)
{
    return post(card, userId, userName,
                {{u"type"_s, u"users_select"_s},
                 {u"action_id"_s, QString(Bridge::CardIds::Assignee)},
                 {u"block_id"_s, Bridge::CardIds::blockId(u"controls"_s, card.caseId, u"0"_s)},
                 {u"selected_user"_s, assigneeId}});
}

int SlackClicks::setSeverity(const Card &card, const QString &userId, const QString &userName,
                             int value, const QString &label)
{
    const QJsonObject option{
        {u"text"_s, QJsonObject{{u"type"_s, u"plain_text"_s}, {u"text"_s, label}}},
        {u"value"_s, QString::number(value)}};
    return post(card, userId, userName,
                {{u"type"_s, u"static_select"_s},
                 {u"action_id"_s, QString(Bridge::CardIds::Severity)},
                 {u"block_id"_s, Bridge::CardIds::blockId(u"controls"_s, card.caseId, u"0"_s)},
                 {u"selected_option"_s, option}});
}

int SlackClicks::post(const Card &card, const QString &userId, const QString &userName,
                      const QJsonObject &action)
{
    const QJsonObject payload{
        {u"type"_s, u"block_actions"_s},
        {u"user"_s, QJsonObject{{u"id"_s, userId}, {u"username"_s, userName}}},
        // Slack's trigger ids are unique per click; the bridge drops repeats as duplicates.
        {u"trigger_id"_s, u"%1.%2"_s.arg(QDateTime::currentSecsSinceEpoch()).arg(++m_clicks)},
        {u"channel"_s, QJsonObject{{u"id"_s, card.channel}}},
        {u"container"_s, QJsonObject{{u"type"_s, u"message"_s}, {u"message_ts"_s, card.ts}}},
        {u"actions"_s, QJsonArray{action}}};
    const QByteArray body =
        "payload=" + QUrl::toPercentEncoding(
                         QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Compact)));
    const QByteArray timestamp = QByteArray::number(QDateTime::currentSecsSinceEpoch());

    QNetworkRequest request(QUrl(u"http://127.0.0.1:%1/slack/interactions"_s.arg(m_port)));
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      QByteArrayLiteral("application/x-www-form-urlencoded"));
    request.setRawHeader("X-Slack-Request-Timestamp", timestamp);
    request.setRawHeader("X-Slack-Signature",
                         Bridge::computeSlackSignature(m_signingSecret, timestamp, body));
    QNetworkReply *reply = m_network.post(request, body);
    // Slack itself gives up after three seconds; so do we.
    if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 3000))
        reply->abort();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    delete reply;
    return status;
}
