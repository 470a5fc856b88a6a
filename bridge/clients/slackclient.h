#pragma once

#include "clients/peeroutages.h"
#include "clients/restclient.h"
#include "metrics/errortally.h"
#include "opsec/slackmessage.h"
#include "ratelimit/slackrategovernor.h"

#include <QJsonObject>

namespace Bridge {

/// How a Slack Web API call ended, in the terms delivery needs.
struct SlackResult
{
    enum class Kind {
        Ok,        ///< ok:true
        Retryable, ///< network error, timeout, 5xx, Slack-side failure: back off and retry
        Permanent, ///< ok:false that will never succeed (channel_not_found, invalid_auth, …)
    };
    Kind kind = Kind::Retryable;
    QJsonObject json;
    QString error; ///< Slack's error code or a transport reason
    bool ok() const { return kind == Kind::Ok; }
};

/// A file's bytes as Slack gave them (SlackClient::downloadFile).
struct SlackDownload
{
    SlackResult result; ///< its `error` says why not: a transport reason, "HTTP <status>", …
    QByteArray content;
};

/// Whether a file address may be fetched, and with the bot token: yes on Slack's own hosts
/// (https slack.com and *.slack.com, or the API URL's origin), without it on Slack's file CDN
/// (https *.slack-edge.com, slack-files.com), not at all anywhere else.
enum class SlackFileHost { WithToken, WithoutToken, Refused };
SlackFileHost slackFileHost(const QUrl &url, const QUrl &apiBase);

/// Slack Web API client. Write methods send JSON; read methods send a query string, because
/// Slack's older read methods silently ignore JSON bodies (slack-api.md §3.1). Messages and
/// views are SlackMessages only, each to the channel it was made for: what they may say about
/// a case was decided before (opsec/caseview.h). Every call is paced to Slack's rate limits
/// (SlackRateGovernor): callers never see a 429, only a later answer.
class SlackClient final : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const SlackResult &)>;

    SlackClient(RestClient &rest, QUrl apiBase, QString botToken, SlackRateLimits limits = {},
                QObject *parent = nullptr);

    void postMessage(const SlackMessage &message, const QString &threadTs, Callback done);
    void updateMessage(const SlackMessage &message, const QString &ts, Callback done);
    void postEphemeral(const SlackMessage &message, const QString &user, const QString &threadTs,
                       Callback done);
    /// The view of a modal (a SlackMessage made for the channel it was opened from).
    void openView(const QString &triggerId, const SlackMessage &view, Callback done);
    /// Answers a slash command or a click through its `response_url` (up to 5 times within 30
    /// minutes), seen only by the person who typed or clicked: it works in channels the bot is
    /// not in. Only Slack's own URL (https://hooks.slack.com/…, or the API URL's host) is
    /// used; the bot token is never sent there.
    void respond(const QUrl &responseUrl, const SlackMessage &message, Callback done);
    /// Tells `user` alone: through `responseUrl` when there is one (respond()), else, or when
    /// Slack refuses it (expired, used up: not after a timeout, when it may have arrived), by
    /// chat.postEphemeral in the message's channel.
    void tellPrivately(const QUrl &responseUrl, const SlackMessage &message, const QString &user,
                       Callback done);
    void usersInfo(const QString &userId, Callback done);
    /// chat.getPermalink: the message's permanent link (`permalink` in the answer).
    void getPermalink(const QString &channel, const QString &messageTs, Callback done);
    void lookupUserByEmail(const QString &email, Callback done);
    void authTest(Callback done);
    void listConversations(const QString &cursor, Callback done);
    /// One page of workspace members (users.list, 200 at a time); follow
    /// response_metadata.next_cursor until it is empty.
    void listUsers(const QString &cursor, Callback done);
    /// Members of a user group (scope usergroups:read).
    void userGroupMembers(const QString &groupId, Callback done);
    /// One page (up to 100, newest first) of a channel's messages posted after `oldestTs`, with
    /// their metadata (scopes channels:history, groups:history); follow
    /// response_metadata.next_cursor while has_more.
    void channelHistory(const QString &channel, const QString &oldestTs, const QString &cursor,
                        Callback done);

    /// files.info (files:read): the file object, its url_private_download included.
    void fileInfo(const QString &fileId, Callback done);
    /// The bytes behind a file's url_private_download, if there are at most `maxBytes`
    /// ("too_large"). The bot token goes only where slackFileHost() allows it; redirects are
    /// followed by hand, at most three ("too_many_redirects"), and only to such hosts
    /// ("foreign_host"). An HTML page where a file was expected is Slack's sign-in page: the
    /// token lacks files:read ("sign_in_page"). Not paced: downloads are no Web API method.
    void downloadFile(const QUrl &url, const QByteArray &expectedType, qint64 maxBytes,
                      std::function<void(const SlackDownload &)> done);
    /// A Socket Mode WebSocket URL (apps.connections.open). Needs a client made with the
    /// app-level token (xapp-…), not the bot token.
    void openSocketModeConnection(Callback done);

    /// 429s met, time paused by them, calls waiting per channel.
    SlackRateGovernor::Stats rateStats() const { return m_governor.stats(); }
    const PeerOutages &outages() const { return m_outages; }
    /// Failed calls by kind: the transport's, "http_<status>", or Slack's ok:false code.
    const ErrorTally &errors() const { return m_errors; }

    /// Classifies a raw reply; exposed for tests.
    static SlackResult classify(const RestReply &reply);

private:
    void downloadHop(const QUrl &url, const QByteArray &expectedType, qint64 maxBytes, int hops,
                     std::function<void(const SlackDownload &)> done);
    /// `channel` chooses chat.postMessage's per-channel lane; other methods ignore it.
    void write(const QString &method, const QString &channel, const QJsonObject &args,
               Callback done);
    using QueryArgs = QList<QPair<QString, QString>>;
    void read(const QString &method, const QueryArgs &args, Callback done);
    QUrl methodUrl(const QString &method) const;
    /// Classifies the reply and counts it in the outages and errors.
    SlackResult settle(const RestReply &reply);

    RestClient &m_rest; ///< file downloads: no Web API method, so no tier and no ok:false
    SlackRateGovernor m_governor;
    QUrl m_apiBase;
    QString m_token;
    PeerOutages m_outages;
    ErrorTally m_errors;
};

} // namespace Bridge
