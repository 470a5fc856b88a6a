#include "authority/analystpermissions.h"

#include "thehive/dialect.h"

#include <QJsonArray>
#include <QJsonObject>

namespace Bridge {

namespace {

HiveProfile readProfile(const QString &login, const HiveResult &r, const QString &organisation)
{
    HiveProfile p;
    p.login = login;
    p.read = r;
    if (r.kind == HiveResult::Kind::Retryable) {
        p.state = HiveProfile::State::Unavailable;
        p.error = r.message;
        return p;
    }
    const QJsonObject user = r.json.object();
    if (!r.ok() || user.isEmpty()) {
        p.state = HiveProfile::State::Unreadable;
        p.error = QObject::tr("TheHive has no user %1 (%2)").arg(login, r.message);
        return p;
    }
    p.profile = user.value(u"profile").toString();
    const QString answeredFor = user.value(u"organisation").toString();
    if (!organisation.isEmpty() && !answeredFor.isEmpty() &&
        answeredFor.compare(organisation, Qt::CaseInsensitive) != 0) {
        p.state = HiveProfile::State::Unreadable;
        p.profile.clear();
        p.error = QObject::tr("%1 has no role in the organisation %2").arg(login, organisation);
        return p;
    }
    if (!user.value(u"permissions").isArray()) {
        p.state = HiveProfile::State::Unreadable;
        p.error = QObject::tr("TheHive did not say what %1 may do").arg(login);
        return p;
    }
    for (const QJsonValue &permission : user.value(u"permissions").toArray())
        p.permissions.append(permission.toString());
    p.state = HiveProfile::State::Known;
    return p;
}

} // namespace

bool HiveProfile::allows(CaseAction action, const HiveVersion &version) const
{
    const QStringList needed = permissionsFor(action, version);
    return state == State::Known &&
           std::any_of(needed.cbegin(), needed.cend(),
                       [this](const QString &p) { return permissions.contains(p); });
}

AnalystPermissions::AnalystPermissions(TheHiveClient &hive, const Clock &clock,
                                       QString organisation, QObject *parent)
    : QObject(parent)
    , m_hive(hive)
    , m_clock(clock)
    , m_organisation(std::move(organisation))
{
}

void AnalystPermissions::profileOf(const QString &login, const HiveVersion &version, Callback done)
{
    const QString key = login.toLower();
    if (const auto it = m_cache.constFind(key);
        it != m_cache.cend() && it->expiresAt > m_clock.nowMs())
        return done(it->profile);
    m_hive.send(HiveRequests::getUser(login, version),
                [this, key, login, done](const HiveResult &r) {
                    const HiveProfile profile = readProfile(login, r, m_organisation);
                    if (profile.state != HiveProfile::State::Unavailable)
                        m_cache.insert(key, {profile, m_clock.nowMs() + TtlMs});
                    done(profile);
                });
}

} // namespace Bridge
