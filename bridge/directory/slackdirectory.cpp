#include "directory/slackdirectory.h"

namespace Bridge {

SlackDirectory::SlackDirectory(SlackClient &slack, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_slack(slack)
    , m_clock(clock)
{
}

std::optional<QString> SlackDirectory::cached(const QHash<QString, Entry> &cache,
                                              const QString &key) const
{
    const auto it = cache.constFind(key);
    if (it == cache.cend() || it->expiresAt < m_clock.nowMs())
        return std::nullopt;
    return it->value;
}

void SlackDirectory::remember(QHash<QString, Entry> &cache, const QString &key,
                              const QString &value)
{
    cache.insert(key, {value, m_clock.nowMs() + (value.isEmpty() ? MissTtlMs : HitTtlMs)});
}

void SlackDirectory::userIdForEmail(const QString &email, std::function<void(const QString &)> done)
{
    const QString key = email.trimmed().toLower();
    if (key.isEmpty() || !key.contains(u'@'))
        return done({});
    if (const auto hit = cached(m_userByEmail, key))
        return done(*hit);
    m_slack.lookupUserByEmail(key, [this, key, done](const SlackResult &r) {
        const QString id =
            r.ok() ? r.json.value(u"user").toObject().value(u"id").toString() : QString();
        // Transport failures are not remembered: the next card tries again.
        if (r.ok() || r.kind == SlackResult::Kind::Permanent)
            remember(m_userByEmail, key, id);
        done(id);
    });
}

void SlackDirectory::emailForUser(const QString &userId,
                                  std::function<void(const QString &, const QString &)> done)
{
    if (const auto hit = cached(m_emailByUser, userId); hit && !hit->isEmpty())
        return done(*hit, {});
    m_slack.usersInfo(userId, [this, userId, done](const SlackResult &r) {
        if (!r.ok())
            return done({}, r.error);
        const QJsonObject user = r.json.value(u"user").toObject();
        const QString email = user.value(u"profile").toObject().value(u"email").toString();
        if (user.value(u"deleted").toBool())
            return done({}, tr("the Slack account is deactivated"));
        if (email.isEmpty())
            return done({}, tr("Slack gave no email (is the users:read.email scope granted?)"));
        remember(m_emailByUser, userId, email);
        done(email, {});
    });
}

} // namespace Bridge
