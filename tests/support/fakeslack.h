#pragma once

#include "fakehttpserver.h"
#include "fakesocketmode.h"
#include "slackratelimiter.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace TestSupport {

/// A Slack Web API on 127.0.0.1 under /api (configure the bridge with apiUrl()).
///
/// Like Slack it answers HTTP 200 with {"ok":false,"error":…} for refusals: a missing token
/// is `not_authed`, a wrong one `invalid_auth`. Write methods (chat.postMessage, chat.update,
/// chat.postEphemeral, views.open, views.update) read JSON bodies (form bodies too); read
/// methods (users.info, users.lookupByEmail, users.list, usergroups.users.list, conversations.list,
/// conversations.info, conversations.history, auth.test) read only the query string or a form
/// body and, like Slack, ignore a JSON body. The list methods page with `limit` and an opaque
/// `cursor` (response_metadata.next_cursor; conversations.history also says has_more).
/// Messages keep their `metadata` (chat.update without one leaves it); conversations.history
/// lists a channel's top-level messages after `oldest`, newest first, with their metadata only
/// under include_all_metadata=true. A ts is the posting time, as Slack's is. Answers are the
/// fixture shapes of tests/fixtures/slack/web-api with fields patched. Nothing is seeded: add
/// channels, users and files first.
///
/// Files (file-facts.md C1–C3; docs.slack.dev/reference/objects/file-object): addFile() hosts
/// one and gives its file object, whose url_private and url_private_download point here
/// (/files-pri/<team>-<id>/[download/]<name>). `files.info` is a read method (`file`; needs
/// files:read): file_not_found, file_deleted, a tombstone / hidden_by_limit file reduced to
/// {id, mode}. A download (GET on those URLs, or the same under /files-origin) needs
/// `Authorization: Bearer <bot token>` and files:read; without them Slack does not refuse but
/// answers HTTP 200 with its HTML sign-in page, which is what the fake does (whatever the path).
/// An authenticated download of an unknown, deleted, tombstoned or hidden file is 404;
/// otherwise 200 with the file's mimetype and bytes (url_private_download adds
/// Content-Disposition: attachment). redirectDownloadsTo() puts a 302 hop in front, as
/// files.slack.com → files-origin.slack.com does.
class FakeSlack final : public FakeHttpServer
{
    Q_OBJECT
public:
    /// A message posted with chat.postMessage, as it stands after any chat.update.
    struct PostedMessage
    {
        QString channel; ///< channel id
        QString ts;
        QString threadTs; ///< empty for a top-level message
        QString text;
        QJsonArray blocks;
        int updates = 0;      ///< how many chat.update calls changed it
        QJsonObject metadata; ///< {event_type, event_payload}, or empty
    };

    explicit FakeSlack(const QString &token = QStringLiteral("xoxb-sim"),
                       QObject *parent = nullptr);

    /// baseUrl() + "/api".
    QUrl apiUrl() const;
    QString token() const { return m_token; }
    /// Identity auth.test reports (from the fixture auth.test.ok2.json).
    QString botUserId() const;
    QString botId() const;
    QString teamId() const;
    /// Names auth.test reports instead of the fixture's: the workspace, the bot user and the
    /// workspace URL (an empty one is left as it is). The ids above do not change.
    void setWorkspace(const QString &team, const QString &botUser, const QString &url = {});

    /// A public channel the bot is a member of; chat methods accept its id or its name.
    void addChannel(const QString &id, const QString &name);
    /// A workspace member; users.info, users.lookupByEmail (case-insensitive) and users.list
    /// find it.
    void addUser(const QString &id, const QString &name, const QString &email);
    /// A user group (e.g. "S0SOCLEADS"); usergroups.users.list answers its members.
    void addUserGroup(const QString &id, const QStringList &memberIds);

    /// Posted messages in posting order (top-level and thread replies), optionally one channel.
    QList<PostedMessage> messages(const QString &channel = {}) const;
    std::optional<PostedMessage> message(const QString &channel, const QString &ts) const;
    /// A person deleting a message in Slack: chat.update answers message_not_found from now on.
    bool removeMessage(const QString &channel, const QString &ts);
    /// chat.postEphemeral arguments as received, plus the "message_ts" answered.
    QList<QJsonObject> ephemerals() const { return m_ephemerals; }
    /// A message someone wrote in `channel` (not the bot): known to chat.getPermalink, which
    /// answers message_not_found for any other ts. Returns its ts.
    QString addUserMessage(const QString &channel, const QString &userId);
    /// A new response_url on this fake, as Slack hands one out with each slash command: POST
    /// JSON to it (no token) to answer; Slack honours five uses, then answers 404 `used_url`.
    QUrl newResponseUrl();
    /// What was posted to response_urls, in order, each with "response_url" added.
    QList<QJsonObject> responses() const { return m_responses; }
    /// Views opened with views.open, in their current state (views.update replaces them).
    QList<QJsonObject> openedViews() const { return m_views; }

    /// Turns Socket Mode on: apps.connections.open, called with `appToken` (the bot token is
    /// refused with not_allowed_token_type, as Slack does), answers a fresh ws:// URL of the
    /// returned FakeSocketMode.
    FakeSocketMode &enableSocketMode(const QString &appToken = QStringLiteral("xapp-1-sim"));
    FakeSocketMode *socketMode() { return m_socketMode.get(); }

    /// A file `userId` uploaded (mode "hosted"), for a message's `files` array: returns its file
    /// object (id "F0…", created/timestamp now, name and title, mimetype, filetype from the
    /// extension, pretty_type, user, size, is_external false, is_public true, url_private,
    /// url_private_download, permalink on the workspace URL auth.test reports,
    /// permalink_public…). Call it after listen(): the URLs carry this server's port.
    QJsonObject addFile(const QString &userId, const QString &name, const QByteArray &content,
                        const QString &mimetype = QStringLiteral("application/octet-stream"));
    /// The file object as a message shows it now: reduced to {id, mode} once tombstoned (or
    /// deleted) or hidden_by_limit. Empty for an unknown id.
    QJsonObject fileJson(const QString &id) const;
    /// Changes a file's `mode`, e.g. "tombstone" (files.info: file_deleted) or
    /// "hidden_by_limit" (free-plan limit; files.info: ok with {id, mode} only, no URLs). Either
    /// makes downloads 404; other modes only change the field.
    void setFileMode(const QString &id, const QString &mode);
    /// Someone deletes the file: files.info answers file_deleted, downloads 404, and messages
    /// show it as a tombstone.
    void deleteFile(const QString &id);
    /// From now on an authenticated download answers `302 Location: <base><its path>` (query
    /// kept) instead of the bytes, as files.slack.com sends some to files-origin.slack.com.
    /// Downloads under /files-origin on this fake never redirect, so
    /// redirectDownloadsTo(baseUrl().resolved(QUrl("/files-origin"))) is a same-origin hop that
    /// still needs the token. An empty QUrl turns it off.
    void redirectDownloadsTo(const QUrl &base) { m_downloadRedirect = base; }

    /// The app loses a scope: methods that need it answer missing_scope (only channels:history,
    /// which conversations.history needs, and files:read, which files.info and downloads need,
    /// are checked).
    void revokeScope(const QString &scope) { m_revokedScopes.append(scope); }

    /// From now on, calls over Slack's rate limits are answered as Slack does: HTTP 429,
    /// `Retry-After: <seconds>`, {"ok":false,"error":"ratelimited"}, and nothing done.
    void emulateRateLimits(const SlackRateLimiter::Limits &limits = {});
    /// How many calls were refused that way.
    int rateLimitedCount() const { return m_rateLimited; }

protected:
    void handle(const RecordedRequest &request, Reply &reply) override;

private:
    struct Channel
    {
        QString id;
        QString name;
    };
    struct User
    {
        QString id;
        QString name;
        QString email;
    };
    struct HostedFile
    {
        QJsonObject fields; ///< the file object without its URLs (they follow baseUrl())
        QByteArray content;
        bool deleted = false;
    };

    QJsonObject fixture(const QString &name) const;
    QString resolveChannel(const QJsonValue &channel) const;
    QString nextTs();
    static bool parseBlocks(const QJsonValue &value, QJsonArray *blocks);
    /// A message's metadata: absent, or an object (a JSON string in a form body) with an
    /// event_type and an event_payload object.
    static bool parseMetadata(const QJsonValue &value, QJsonObject *metadata);

    QJsonObject authTest() const;
    QJsonObject openConnection();
    QJsonObject postMessage(const QJsonObject &args);
    QJsonObject updateMessage(const QJsonObject &args);
    QJsonObject postEphemeral(const QJsonObject &args);
    QJsonObject openView(const QJsonObject &args);
    QJsonObject updateView(const QJsonObject &args);
    QJsonObject userInfo(const QJsonObject &args) const;
    QJsonObject lookupByEmail(const QJsonObject &args) const;
    QJsonObject listConversations(const QJsonObject &args) const;
    QJsonObject listUsers(const QJsonObject &args) const;
    QJsonObject conversationInfo(const QJsonObject &args) const;
    QJsonObject permalink(const QJsonObject &args) const;
    QJsonObject history(const QJsonObject &args) const;
    QJsonObject userGroupMembers(const QJsonObject &args) const;
    // Files (fakeslackfiles.cpp)
    QString workspaceUrl() const;
    QJsonObject renderFile(const HostedFile &file) const;
    QJsonObject fileInfo(const QJsonObject &args) const;
    static bool isDownloadPath(const QString &path);
    void answerDownload(const RecordedRequest &request, Reply &reply) const;
    QJsonObject renderUser(const User &user, const QString &fixtureName) const;
    QJsonObject renderChannel(const Channel &channel, const QJsonObject &shape) const;
    QJsonObject renderView(const QJsonObject &requested, const QJsonObject &base);

    QString m_token;
    QString m_appToken;
    std::unique_ptr<FakeSocketMode> m_socketMode;
    std::unique_ptr<SlackRateLimiter> m_rateLimiter;
    int m_rateLimited = 0;
    QJsonObject m_workspace; ///< auth.test fields set by setWorkspace()
    QList<Channel> m_channels;
    QList<User> m_users;
    QHash<QString, QStringList> m_userGroups;
    QList<PostedMessage> m_messages;
    QList<QPair<QString, QString>> m_userMessages; ///< (channel, ts)
    QList<QJsonObject> m_ephemerals;
    QList<QJsonObject> m_responses;
    QHash<QString, int> m_responseUrlUses; ///< path → uses so far
    void answerResponseUrl(const RecordedRequest &request, Reply &reply);
    QList<QJsonObject> m_views;
    qint64 m_lastTsMicros = 0;
    QStringList m_revokedScopes;
    QHash<QString, HostedFile> m_files; ///< by id
    int m_fileCounter = 0;
    QUrl m_downloadRedirect;
    int m_viewCounter = 0;
    int m_hashCounter = 0;
    mutable QHash<QString, QJsonObject> m_fixtures;
};

} // namespace TestSupport
