#include "directory/userlinker.h"

#include "clients/hiveversionprobe.h"
#include "clients/slackclient.h"
#include "clients/thehiveclient.h"
#include "directory/slackdirectory.h"
#include "thehive/dialect.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

namespace Bridge {

namespace {

bool isActive(const QJsonObject &user)
{
    return !user.isEmpty() && !user.value(u"locked").toBool();
}

QString loginOf(const QJsonObject &user)
{
    return user.value(u"login").toString(user.value(u"_id").toString());
}

UserLinker::Link unreachable(const QString &email, const QString &why)
{
    return {{},
            email,
            QCoreApplication::translate("Bridge::UserLinker",
                                        "TheHive could not be asked for your account: %1")
                .arg(why),
            true};
}

} // namespace

UserLinker::UserLinker(const BridgeConfig &config, const Clock &clock, SlackDirectory &directory,
                       SlackClient &slack, TheHiveClient &hive, HiveVersionProbe &versions,
                       QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_clock(clock)
    , m_directory(directory)
    , m_slack(slack)
    , m_hive(hive)
    , m_versions(versions)
{
}

void UserLinker::resolveActor(const QString &slackUserId, Callback done)
{
    const QStringList &allowed = m_config.allowedSlackUsers;
    if (allowed.isEmpty() || allowed.contains(slackUserId))
        return resolveUser(slackUserId, std::move(done));
    inAllowedGroup(slackUserId, [this, slackUserId, done](bool member) {
        if (!member)
            return done(
                {{}, {}, tr("you are not on HiveSlack's list of people allowed to change cases")});
        resolveUser(slackUserId, done);
    });
}

QStringList UserLinker::userGroupsOf(const QStringList &allowList)
{
    QStringList groups;
    for (const QString &entry : allowList) {
        if (entry.startsWith(u'S'))
            groups.append(entry);
    }
    return groups;
}

void UserLinker::inAllowedGroup(const QString &slackUserId, std::function<void(bool)> done)
{
    checkGroups(slackUserId, userGroupsOf(m_config.allowedSlackUsers), std::move(done));
}

void UserLinker::checkGroups(const QString &slackUserId, QStringList groups,
                             std::function<void(bool)> done)
{
    if (groups.isEmpty())
        return done(false);
    const QString group = groups.takeFirst();
    auto withMembers = [this, slackUserId, groups, done](const QStringList &members) {
        if (members.contains(slackUserId))
            return done(true);
        checkGroups(slackUserId, groups, done);
    };
    if (const auto it = m_groups.constFind(group);
        it != m_groups.cend() && it->expiresAt > m_clock.nowMs())
        return withMembers(it->members);
    // A group Slack will not list (missing usergroups:read, unknown id) contains nobody: a
    // misconfiguration denies rather than allows.
    m_slack.userGroupMembers(group, [this, group, withMembers](const SlackResult &r) {
        QStringList members;
        for (const QJsonValue &id : r.json.value(u"users").toArray())
            members.append(id.toString());
        if (r.ok())
            m_groups.insert(group, {members, m_clock.nowMs() + GroupTtlMs});
        withMembers(members);
    });
}

void UserLinker::resolveUser(const QString &slackUserId, Callback done)
{
    if (const auto it = m_config.userOverrides.constFind(slackUserId);
        it != m_config.userOverrides.cend())
        return done({*it, {}, {}});
    if (const auto it = m_cache.constFind(slackUserId);
        it != m_cache.cend() && it->expiresAt > m_clock.nowMs())
        return done(it->link);
    lookUp(slackUserId, [this, slackUserId, done](const Link &link) {
        if (!link.unavailable)
            m_cache.insert(slackUserId,
                           {link, m_clock.nowMs() + (link.ok() ? LinkTtlMs : MissTtlMs)});
        done(link);
    });
}

void UserLinker::lookUp(const QString &slackUserId, Callback done)
{
    m_directory.emailForUser(slackUserId, [this, done](const QString &email, const QString &error) {
        if (email.isEmpty())
            return done(
                {{},
                 {},
                 tr("your Slack account is not linked to a TheHive account (%1)").arg(error)});
        findHiveUser(email, done);
    });
}

void UserLinker::findHiveUser(const QString &email, Callback done)
{
    m_versions.withVersion([this, email, done](std::optional<HiveVersion> version,
                                               const QString &error) {
        if (!version)
            return done(unreachable(email, error));
        const QString notLinked =
            tr("your Slack account (%1) is not linked to an active TheHive account").arg(email);
        m_hive.send(HiveRequests::getUser(email.toLower(), *version), [this, email, version,
                                                                       notLinked,
                                                                       done](const HiveResult &r) {
            if (r.ok() && isActive(r.json.object()))
                return done({loginOf(r.json.object()), email, {}});
            if (r.kind == HiveResult::Kind::Retryable)
                return done(unreachable(email, r.message));
            if (version->isTheHive4()) // a TheHive 4 login is the email
                return done({{}, email, notLinked});
            // TheHive 5 logins need not be emails: look for the email, then the login.
            m_hive.send(HiveRequests::findUserByEmail(email, *version),
                        [this, email, version, notLinked, done](const HiveResult &byEmail) {
                            if (byEmail.kind == HiveResult::Kind::Retryable)
                                return done(unreachable(email, byEmail.message));
                            for (const QJsonValue &u : byEmail.json.array()) {
                                if (isActive(u.toObject()))
                                    return done({loginOf(u.toObject()), email, {}});
                            }
                            m_hive.send(HiveRequests::findUserByLogin(email, *version),
                                        [email, notLinked, done](const HiveResult &byLogin) {
                                            if (byLogin.kind == HiveResult::Kind::Retryable)
                                                return done(unreachable(email, byLogin.message));
                                            for (const QJsonValue &u : byLogin.json.array()) {
                                                if (isActive(u.toObject()))
                                                    return done({loginOf(u.toObject()), email, {}});
                                            }
                                            done({{}, email, notLinked});
                                        });
                        });
        });
    });
}

} // namespace Bridge
