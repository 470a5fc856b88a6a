#pragma once

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace Console {

/// Slack workspace members and the TheHive account each one acts as: found by email, set by
/// hand (an override from the settings), or none. Read-only; the Users page fills it.
class UsersModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { SlackUser, Email, HiveLogin, State, MayAct, ColumnCount };
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
    /// Who may act; empty means everyone linked may.
    void setAllowList(const QStringList &allowed);
    bool hasAllowList() const { return !m_allowed.isEmpty(); }

    void setChecking(const QString &slackId);
    /// Records a live lookup: a login means matched, an empty login no TheHive user.
    void setLookup(const QString &slackId, const QString &hiveLogin, const QString &reason);
    /// Forgets a lookup (it will be run again).
    void setUnchecked(const QString &slackId);

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

    QList<User> m_users;
    QHash<QString, int> m_rows; ///< slack id → row
    QHash<QString, QString> m_overrides;
    QStringList m_allowed;
};

} // namespace Console
