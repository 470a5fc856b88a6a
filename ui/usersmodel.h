#pragma once

#include "authority/analystpermissions.h"
#include "authority/caseaction.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Console {

/// Slack workspace members and the TheHive account each one acts as: found by email, set by
/// hand (an override from the settings), or none; that account's TheHive profile and the card
/// actions it allows (the bridge's permissionsFor(), so the console and the bridge decide
/// alike); and whether the allow-list lets them act. Read-only; the Users page fills it.
class UsersModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { SlackUser, Email, HiveLogin, State, MayAct, Profile, MayDo, ColumnCount };
    Q_ENUM(Column)

    /// What is known about a user's TheHive account. Override wins over any lookup.
    enum class Match { Unchecked, Checking, Matched, NoHiveUser, Override };
    Q_ENUM(Match)

    enum Role {
        SlackIdRole = Qt::UserRole + 1, ///< the Slack user id, on every column
        MatchRole,                      ///< Match as int, on every column
    };

    struct User
    {
        QString slackId;
        QString name;
        QString email; ///< empty when Slack withholds it (no users:read.email scope)
        Match lookup = Match::Unchecked; ///< the last live lookup; never Override
        QString foundLogin;              ///< the TheHive login the lookup found
        QString reason;                  ///< why the lookup found none
        bool readingProfile = false;
        /// The last profile read; shown only while it is the profile of hiveLogin().
        std::optional<Bridge::HiveProfile> profile;
        Bridge::HiveVersion version; ///< the TheHive version `profile` is judged for
    };

    explicit UsersModel(QObject *parent = nullptr);

    /// Replaces all users (fresh from users.list: nothing looked up yet).
    void setUsers(const QList<User> &users);
    QList<User> users() const { return m_users; }
    int rowOf(const QString &slackId) const;
    const User *user(const QString &slackId) const;

    /// Slack user id → TheHive login, from the settings.
    void setOverrides(const QHash<QString, QString> &overrides);
    QHash<QString, QString> overrides() const { return m_overrides; }
    /// Who may act; empty means everyone linked may. User groups (S…) in it count as unknown
    /// until setGroupMembers() says who is in them.
    void setAllowList(const QStringList &allowed);
    bool hasAllowList() const { return !m_allowed.isEmpty(); }
    /// The user groups (S…) of the allow-list.
    QStringList allowedGroups() const;
    /// The members of an allowed user group; `error` says why Slack did not list it (then
    /// `members` is empty: such a group allows nobody, as in the bridge).
    void setGroupMembers(const QString &group, const QStringList &members, const QString &error);

    void setChecking(const QString &slackId);
    /// Records a live lookup: a login means matched, an empty login no TheHive user.
    void setLookup(const QString &slackId, const QString &hiveLogin, const QString &reason);
    /// Forgets a lookup (it will be run again).
    void setUnchecked(const QString &slackId);
    void setReadingProfile(const QString &slackId);
    /// Records the TheHive profile read for the user's login, judged for `version`.
    void setProfile(const QString &slackId, const Bridge::HiveProfile &profile,
                    const Bridge::HiveVersion &version);
    /// True when the user acts as a TheHive login whose profile is neither read nor being read.
    bool needsProfile(const QString &slackId) const;

    /// The state shown: Override when an override is set, else the lookup's.
    Match match(const QString &slackId) const;
    /// The TheHive login the user acts as (override or match), or empty.
    QString hiveLogin(const QString &slackId) const;
    int count(Match match) const;
    static QString matchText(Match match);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    void changeLookup(const QString &slackId, Match match, const QString &login,
                      const QString &reason);
    void rowChanged(int row);
    QString toolTip(const User &user) const;
    /// The profile read for the login the user acts as now; null when none is.
    const Bridge::HiveProfile *currentProfile(const User &user) const;
    QString profileText(const User &user) const;
    QString profileToolTip(const User &user) const;
    QString mayDoText(const User &user) const;
    QString mayDoToolTip(const User &user) const;
    QString mayActText(const User &user) const;
    QString mayActToolTip(const User &user) const;
    /// The listed allowed user group the user is in, or empty.
    QString allowingGroup(const User &user) const;

    QList<User> m_users;
    QHash<QString, int> m_rows; ///< slack id → row
    QHash<QString, QString> m_overrides;
    QStringList m_allowed;
    struct Group
    {
        QStringList members;
        QString error; ///< why Slack did not list it
    };
    QHash<QString, Group> m_groups; ///< allowed user groups listed so far
};

} // namespace Console
