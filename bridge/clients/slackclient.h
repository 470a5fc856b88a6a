#pragma once

#include "clients/restclient.h"
#include "opsec/slackmessage.h"

#include <QJsonObject>

namespace Bridge {

/// How a Slack Web API call ended, in the terms delivery needs.
struct SlackResult
{
    enum class Kind {
        Ok,          ///< ok:true
        RateLimited, ///< HTTP 429: wait Retry-After
        Retryable,   ///< network error, timeout, 5xx, Slack-side failure: back off and retry
        Permanent,   ///< ok:false that will never succeed (channel_not_found, invalid_auth, …)
    };
    Kind kind = Kind::Retryable;
    QJsonObject json;
    QString error; ///< Slack's error code or a transport reason
    std::optional<int> retryAfterSecs;
    bool ok() const { return kind == Kind::Ok; }
};

/// Slack Web API client. Write methods send JSON; read methods send a query string, because
/// Slack's older read methods silently ignore JSON bodies (slack-api.md §3.1). Messages and
/// views are SlackMessages only, each to the channel it was made for: what they may say about
/// a case was decided before (opsec/caseview.h).
class SlackClient final : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const SlackResult &)>;

    SlackClient(RestClient &rest, QUrl apiBase, QString botToken, QObject *parent = nullptr);

    void postMessage(const SlackMessage &message, const QString &threadTs, Callback done);
    void updateMessage(const SlackMessage &message, const QString &ts, Callback done);
    void postEphemeral(const SlackMessage &message, const QString &user, const QString &threadTs,
                       Callback done);
    /// The view of a modal (a SlackMessage made for the channel it was opened from).
    void openView(const QString &triggerId, const SlackMessage &view, Callback done);
    void usersInfo(const QString &userId, Callback done);
    void lookupUserByEmail(const QString &email, Callback done);
    void authTest(Callback done);
    void listConversations(const QString &cursor, Callback done);
    /// One page of workspace members (users.list, 200 at a time); follow
    /// response_metadata.next_cursor until it is empty.
    void listUsers(const QString &cursor, Callback done);
    /// Members of a user group (scope usergroups:read).
    void userGroupMembers(const QString &groupId, Callback done);

    /// Classifies a raw reply; exposed for tests.
    static SlackResult classify(const RestReply &reply);

private:
    void write(const QString &method, const QJsonObject &args, Callback done);
    using QueryArgs = QList<QPair<QString, QString>>;
    void read(const QString &method, const QueryArgs &args, Callback done);
    QUrl methodUrl(const QString &method) const;

    RestClient &m_rest;
    QUrl m_apiBase;
    QString m_token;
};

} // namespace Bridge
