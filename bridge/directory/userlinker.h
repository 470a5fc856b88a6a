#pragma once

#include "config/bridgeconfig.h"
#include "core/clock.h"

#include <QHash>
#include <QObject>

#include <functional>

namespace Bridge {

class HiveVersionProbe;
class SlackClient;
class SlackDirectory;
class TheHiveClient;

/// Who may act: Slack user → email (users.info) → an active TheHive user. TheHive 4 logins are
/// emails; TheHive 5 is asked for the user by login, then by an email or login match in the
/// user list. Overrides from the config win; an optional allow-list narrows who may act.
/// Answers are cached: a link for 15 minutes, a miss for one minute; an outage of TheHive is
/// no answer and is not cached.
class UserLinker final : public QObject
{
    Q_OBJECT
public:
    struct Link
    {
        QString hiveLogin; ///< empty when the user may not act
        QString email;
        QString reason; ///< why there is no link, in words for the Slack user
        /// TheHive could not be asked (no answer, 5xx): nothing is known, ask again later.
        bool unavailable = false;
        bool ok() const { return !hiveLogin.isEmpty(); }
    };
    using Callback = std::function<void(const Link &)>;

    UserLinker(const BridgeConfig &config, const Clock &clock, SlackDirectory &directory,
               SlackClient &slack, TheHiveClient &hive, HiveVersionProbe &versions,
               QObject *parent = nullptr);

    /// The TheHive account of a Slack user who wants to change a case. The allow-list applies:
    /// user ids (U…, W…) and user groups (S…, whose members are asked from Slack).
    void resolveActor(const QString &slackUserId, Callback done);
    /// The TheHive account of any Slack user (an assignee picked in a select or modal).
    void resolveUser(const QString &slackUserId, Callback done);
    /// The Slack user groups (S…) of an allow-list; its other entries are user ids.
    static QStringList userGroupsOf(const QStringList &allowList);
    /// Drops the cached answer for one user, so the next resolve asks Slack and TheHive again.
    void forget(const QString &slackUserId) { m_cache.remove(slackUserId); }

    static constexpr qint64 LinkTtlMs = 15 * 60 * 1000;
    static constexpr qint64 MissTtlMs = 60 * 1000;
    static constexpr qint64 GroupTtlMs = 5 * 60 * 1000;

private:
    void lookUp(const QString &slackUserId, Callback done);
    /// Answers whether the user is in one of the allowed user groups (members cached).
    void inAllowedGroup(const QString &slackUserId, std::function<void(bool)> done);
    void checkGroups(const QString &slackUserId, QStringList groups,
                     std::function<void(bool)> done);
    void findHiveUser(const QString &email, Callback done);

    const BridgeConfig &m_config;
    const Clock &m_clock;
    SlackDirectory &m_directory;
    SlackClient &m_slack;
    TheHiveClient &m_hive;
    HiveVersionProbe &m_versions;
    struct Cached
    {
        Link link;
        qint64 expiresAt = 0;
    };
    QHash<QString, Cached> m_cache;
    struct Group
    {
        QStringList members;
        qint64 expiresAt = 0;
    };
    QHash<QString, Group> m_groups;
};

} // namespace Bridge
