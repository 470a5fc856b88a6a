#include "clients/slackclient.h"

#include "core/logging.h"

#include <QJsonDocument>

namespace Bridge {

namespace {

// ok:false codes worth retrying; every other code is a configuration or payload problem that
// the same request will hit again (slack-api.md §3.2). Rate limits never get here: the
// governor waits them out.
bool isTransientSlackError(const QString &code)
{
    static const QStringList transient = {
        QStringLiteral("internal_error"),
        QStringLiteral("fatal_error"),
        QStringLiteral("service_unavailable"),
        QStringLiteral("request_timeout"),
    };
    return transient.contains(code);
}

} // namespace

SlackClient::SlackClient(RestClient &rest, QUrl apiBase, QString botToken, SlackRateLimits limits,
                         QObject *parent)
    : QObject(parent)
    , m_rest(rest)
    , m_governor(rest, limits)
    , m_apiBase(std::move(apiBase))
    , m_token(std::move(botToken))
{
}

SlackResult SlackClient::classify(const RestReply &reply)
{
    SlackResult r;
    if (!reply.answered()) {
        r.kind = SlackResult::Kind::Retryable;
        r.error = reply.networkError;
        return r;
    }
    if (reply.httpStatus >= 500) {
        r.kind = SlackResult::Kind::Retryable;
        r.error = QStringLiteral("HTTP %1").arg(reply.httpStatus);
        return r;
    }
    r.json = QJsonDocument::fromJson(reply.body).object();
    if (reply.httpStatus != 200 || r.json.isEmpty()) {
        r.kind = SlackResult::Kind::Permanent;
        r.error = QStringLiteral("unexpected answer (HTTP %1)").arg(reply.httpStatus);
        return r;
    }
    if (r.json.value(u"ok").toBool()) {
        r.kind = SlackResult::Kind::Ok;
        return r;
    }
    r.error = r.json.value(u"error").toString(QStringLiteral("unknown_error"));
    r.kind = isTransientSlackError(r.error) ? SlackResult::Kind::Retryable
                                            : SlackResult::Kind::Permanent;
    return r;
}

SlackResult SlackClient::settle(const RestReply &reply)
{
    m_outages.record(reply);
    SlackResult r = classify(reply);
    if (!r.ok()) {
        const QString kind = reply.errorKind();
        m_errors.count(kind.isEmpty() ? r.error : kind);
    }
    return r;
}

QUrl SlackClient::methodUrl(const QString &method) const
{
    QUrl url = m_apiBase;
    QString path = url.path();
    if (!path.endsWith(u'/'))
        path += u'/';
    url.setPath(path + method);
    return url;
}

void SlackClient::write(const QString &method, const QString &channel, const QJsonObject &args,
                        Callback done)
{
    RestRequest req;
    req.method = QByteArrayLiteral("POST");
    req.url = methodUrl(method);
    req.headers = {
        {QByteArrayLiteral("Authorization"), "Bearer " + m_token.toUtf8()},
        {QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json; charset=utf-8")}};
    req.body = QJsonDocument(args).toJson(QJsonDocument::Compact);
    m_governor.send(method, channel, req,
                    [this, method, done = std::move(done)](const RestReply &reply) {
                        const SlackResult r = settle(reply);
                        if (!r.ok())
                            qCInfo(lcSlack) << method << "failed:" << r.error;
                        done(r);
                    });
}

void SlackClient::read(const QString &method, const QueryArgs &args, Callback done)
{
    RestRequest req;
    QUrl url = methodUrl(method);
    // Encoded by hand: QUrlQuery leaves '+' alone, which a server reads as a space
    // (bob+soc@example.com would become "bob soc@example.com").
    QByteArray query;
    for (const auto &[key, value] : args) {
        if (!query.isEmpty())
            query += '&';
        query += QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(value);
    }
    url.setQuery(QString::fromLatin1(query), QUrl::StrictMode);
    req.url = url;
    req.headers = {{QByteArrayLiteral("Authorization"), "Bearer " + m_token.toUtf8()}};
    m_governor.send(method, {}, req, [this, done = std::move(done)](const RestReply &reply) {
        done(settle(reply));
    });
}

void SlackClient::postMessage(const SlackMessage &message, const QString &threadTs, Callback done)
{
    QJsonObject args = message.json();
    args.insert(u"channel", message.channel());
    if (!threadTs.isEmpty())
        args.insert(u"thread_ts", threadTs);
    write(QStringLiteral("chat.postMessage"), message.channel(), args, std::move(done));
}

void SlackClient::updateMessage(const SlackMessage &message, const QString &ts, Callback done)
{
    QJsonObject args = message.json();
    args.insert(u"channel", message.channel());
    args.insert(u"ts", ts);
    write(QStringLiteral("chat.update"), message.channel(), args, std::move(done));
}

void SlackClient::postEphemeral(const SlackMessage &message, const QString &user,
                                const QString &threadTs, Callback done)
{
    QJsonObject args = message.json();
    args.insert(u"channel", message.channel());
    args.insert(u"user", user);
    if (!threadTs.isEmpty())
        args.insert(u"thread_ts", threadTs);
    write(QStringLiteral("chat.postEphemeral"), message.channel(), args, std::move(done));
}

void SlackClient::openView(const QString &triggerId, const SlackMessage &view, Callback done)
{
    write(QStringLiteral("views.open"), view.channel(),
          QJsonObject{{QStringLiteral("trigger_id"), triggerId},
                      {QStringLiteral("view"), view.json()}},
          std::move(done));
}

void SlackClient::openSocketModeConnection(Callback done)
{
    write(QStringLiteral("apps.connections.open"), {}, {}, std::move(done));
}

void SlackClient::tellPrivately(const QUrl &responseUrl, const SlackMessage &message,
                                const QString &user, Callback done)
{
    if (responseUrl.isEmpty())
        return postEphemeral(message, user, {}, std::move(done));
    respond(responseUrl, message,
            [this, message, user, done = std::move(done)](const SlackResult &r) {
                // Only a URL Slack refuses (expired, used up) is replaced: after a timeout the
                // answer may have arrived, and would be told twice.
                if (r.kind != SlackResult::Kind::Permanent)
                    return done(r);
                postEphemeral(message, user, {}, done);
            });
}

void SlackClient::respond(const QUrl &responseUrl, const SlackMessage &message, Callback done)
{
    const bool slacks =
        responseUrl.scheme() == u"https" && responseUrl.host() == u"hooks.slack.com";
    const bool apiHost = responseUrl.scheme() == m_apiBase.scheme() &&
                         responseUrl.host() == m_apiBase.host() &&
                         responseUrl.port() == m_apiBase.port();
    if (!responseUrl.isValid() || !(slacks || apiHost)) {
        SlackResult refused;
        refused.kind = SlackResult::Kind::Permanent;
        refused.error = QStringLiteral("not a Slack response_url: %1").arg(responseUrl.host());
        return done(refused);
    }
    QJsonObject body = message.json();
    body.insert(u"response_type", QStringLiteral("ephemeral"));
    RestRequest req;
    req.method = QByteArrayLiteral("POST");
    req.url = responseUrl;
    req.headers = {
        {QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json; charset=utf-8")}};
    req.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    // No documented rate limit: paced like an unknown method (Tier 3).
    m_governor.send(QStringLiteral("response_url"), {}, req,
                    [this, done = std::move(done)](const RestReply &reply) {
                        m_outages.record(reply);
                        SlackResult r;
                        if (reply.answered() && reply.httpStatus / 100 == 2) {
                            r.kind = SlackResult::Kind::Ok;
                            return done(r);
                        }
                        // Slack answers an expired or used-up URL with 404 and a word.
                        r.kind = !reply.answered() || reply.httpStatus >= 500
                                     ? SlackResult::Kind::Retryable
                                     : SlackResult::Kind::Permanent;
                        r.error = reply.answered()
                                      ? QStringLiteral("HTTP %1 %2")
                                            .arg(reply.httpStatus)
                                            .arg(QString::fromUtf8(reply.body.left(80)))
                                      : reply.networkError;
                        m_errors.count(reply.errorKind());
                        qCInfo(lcSlack) << "response_url failed:" << r.error;
                        done(r);
                    });
}

void SlackClient::usersInfo(const QString &userId, Callback done)
{
    read(QStringLiteral("users.info"), QueryArgs{{QStringLiteral("user"), userId}},
         std::move(done));
}

void SlackClient::getPermalink(const QString &channel, const QString &messageTs, Callback done)
{
    read(QStringLiteral("chat.getPermalink"),
         QueryArgs{{QStringLiteral("channel"), channel}, {QStringLiteral("message_ts"), messageTs}},
         std::move(done));
}

void SlackClient::lookupUserByEmail(const QString &email, Callback done)
{
    read(QStringLiteral("users.lookupByEmail"), QueryArgs{{QStringLiteral("email"), email}},
         std::move(done));
}

void SlackClient::userGroupMembers(const QString &groupId, Callback done)
{
    read(QStringLiteral("usergroups.users.list"), QueryArgs{{QStringLiteral("usergroup"), groupId}},
         std::move(done));
}

void SlackClient::authTest(Callback done)
{
    read(QStringLiteral("auth.test"), {}, std::move(done));
}

void SlackClient::listConversations(const QString &cursor, Callback done)
{
    QueryArgs q{{QStringLiteral("types"), QStringLiteral("public_channel,private_channel")},
                {QStringLiteral("exclude_archived"), QStringLiteral("true")},
                {QStringLiteral("limit"), QStringLiteral("200")}};
    if (!cursor.isEmpty())
        q.append({QStringLiteral("cursor"), cursor});
    read(QStringLiteral("conversations.list"), q, std::move(done));
}

void SlackClient::channelHistory(const QString &channel, const QString &oldestTs,
                                 const QString &cursor, Callback done)
{
    QueryArgs q{{QStringLiteral("channel"), channel},
                {QStringLiteral("oldest"), oldestTs},
                {QStringLiteral("limit"), QStringLiteral("100")},
                {QStringLiteral("include_all_metadata"), QStringLiteral("true")}};
    if (!cursor.isEmpty())
        q.append({QStringLiteral("cursor"), cursor});
    read(QStringLiteral("conversations.history"), q, std::move(done));
}

void SlackClient::listUsers(const QString &cursor, Callback done)
{
    QueryArgs q{{QStringLiteral("limit"), QStringLiteral("200")}};
    if (!cursor.isEmpty())
        q.append({QStringLiteral("cursor"), cursor});
    read(QStringLiteral("users.list"), q, std::move(done));
}

} // namespace Bridge
