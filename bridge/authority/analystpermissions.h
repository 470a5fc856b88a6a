#pragma once

#include "authority/caseaction.h"
#include "clients/thehiveclient.h"
#include "core/clock.h"

#include <QHash>
#include <QObject>

#include <functional>

namespace Bridge {

/// A TheHive user's profile and permissions in the bridge's organisation.
struct HiveProfile
{
    enum class State {
        Known,       ///< profile and permissions read
        Unreadable,  ///< TheHive answered, without permissions for this organisation
        Unavailable, ///< TheHive could not be asked (down, 5xx): try again later
    };
    State state = State::Unavailable;
    QString login;
    QString profile;
    QStringList permissions;
    QString error;   ///< why not Known, in words for people
    HiveResult read; ///< TheHive's answer to the lookup

    /// The rule: a Known profile holding any one of permissionsFor(action, version).
    bool allows(CaseAction action, const HiveVersion &version) const;
};

/// Reads analysts' TheHive permissions with the bridge's key (`GET /api/v1/user/{login}`,
/// which TheHive answers with the profile and permissions the user has in the caller's
/// organisation), cached for two minutes so a profile changed in TheHive takes effect within
/// minutes. A user whose answer is about another organisation (TheHive 4 falls back to one
/// when the user has no role in ours) has no permissions here.
class AnalystPermissions final : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const HiveProfile &)>;

    AnalystPermissions(TheHiveClient &hive, const Clock &clock, QString organisation,
                       QObject *parent = nullptr);

    void profileOf(const QString &login, const HiveVersion &version, Callback done);
    void forget(const QString &login) { m_cache.remove(login.toLower()); }

    static constexpr qint64 TtlMs = 2 * 60 * 1000;

private:
    TheHiveClient &m_hive;
    const Clock &m_clock;
    QString m_organisation;
    struct Cached
    {
        HiveProfile profile;
        qint64 expiresAt = 0;
    };
    QHash<QString, Cached> m_cache;
};

} // namespace Bridge
