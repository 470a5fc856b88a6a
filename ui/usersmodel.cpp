#include "usersmodel.h"

#include <algorithm>

namespace Console {

UsersModel::UsersModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void UsersModel::setUsers(const QList<User> &users)
{
    beginResetModel();
    m_users = users;
    m_rows.clear();
    for (int row = 0; row < m_users.size(); ++row)
        m_rows.insert(m_users.at(row).slackId, row);
    endResetModel();
}

int UsersModel::rowOf(const QString &slackId) const
{
    return m_rows.value(slackId, -1);
}

const UsersModel::User *UsersModel::user(const QString &slackId) const
{
    const int row = rowOf(slackId);
    return row < 0 ? nullptr : &m_users.at(row);
}

void UsersModel::rowChanged(int row)
{
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void UsersModel::setOverrides(const QHash<QString, QString> &overrides)
{
    m_overrides = overrides;
    if (!m_users.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void UsersModel::setAllowList(const QStringList &allowed)
{
    m_allowed = allowed;
    if (!m_users.isEmpty())
        Q_EMIT dataChanged(index(0, MayAct), index(rowCount() - 1, MayAct));
}

void UsersModel::changeLookup(const QString &slackId, Match match, const QString &login,
                              const QString &reason)
{
    const int row = rowOf(slackId);
    if (row < 0)
        return;
    User &u = m_users[row];
    u.lookup = match;
    u.foundLogin = login;
    u.reason = reason;
    rowChanged(row);
}

void UsersModel::setChecking(const QString &slackId)
{
    const User *u = user(slackId);
    if (u)
        changeLookup(slackId, Match::Checking, u->foundLogin, u->reason);
}

void UsersModel::setLookup(const QString &slackId, const QString &hiveLogin, const QString &reason)
{
    changeLookup(slackId, hiveLogin.isEmpty() ? Match::NoHiveUser : Match::Matched, hiveLogin,
                 reason);
}

void UsersModel::setUnchecked(const QString &slackId)
{
    changeLookup(slackId, Match::Unchecked, {}, {});
}

UsersModel::Match UsersModel::match(const QString &slackId) const
{
    if (m_overrides.contains(slackId))
        return Match::Override;
    const User *u = user(slackId);
    return u ? u->lookup : Match::Unchecked;
}

QString UsersModel::hiveLogin(const QString &slackId) const
{
    if (const auto it = m_overrides.constFind(slackId); it != m_overrides.cend())
        return *it;
    const User *u = user(slackId);
    return u && u->lookup == Match::Matched ? u->foundLogin : QString();
}

int UsersModel::count(Match wanted) const
{
    return int(std::count_if(m_users.cbegin(), m_users.cend(),
                             [&](const User &u) { return match(u.slackId) == wanted; }));
}

QString UsersModel::matchText(Match match)
{
    switch (match) {
    case Match::Unchecked:
        return tr("not checked");
    case Match::Checking:
        return tr("checking…");
    case Match::Matched:
        return tr("matched");
    case Match::NoHiveUser:
        return tr("no TheHive user");
    case Match::Override:
        return tr("override");
    }
    return {};
}

int UsersModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_users.size());
}

int UsersModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString UsersModel::toolTip(const User &user) const
{
    switch (match(user.slackId)) {
    case Match::Override:
        return tr("Set by hand: %1 acts in TheHive as %2, whatever the email says.")
            .arg(user.name, m_overrides.value(user.slackId));
    case Match::Matched:
        return tr("Found by email: the TheHive account %1 is active.").arg(user.foundLogin);
    case Match::NoHiveUser: {
        if (user.email.isEmpty())
            return tr("Slack does not share this user's email (the app needs the "
                      "users:read.email permission), so no TheHive account can be found.");
        const QString text = tr("No active TheHive account found for %1.").arg(user.email);
        return user.reason.isEmpty() ? text : text + u' ' + tr("(%1)").arg(user.reason);
    }
    default:
        return {};
    }
}

QVariant UsersModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const User &u = m_users.at(index.row());
    if (role == SlackIdRole)
        return u.slackId;
    if (role == MatchRole)
        return int(match(u.slackId));
    if (role == Qt::ToolTipRole)
        return index.column() == SlackUser ? u.slackId : toolTip(u);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case SlackUser:
        return u.name;
    case Email:
        return u.email.isEmpty() ? tr("(not shared by Slack)") : u.email;
    case HiveLogin:
        return hiveLogin(u.slackId);
    case State:
        return matchText(match(u.slackId));
    case MayAct:
        if (m_allowed.isEmpty())
            return tr("allowed");
        return m_allowed.contains(u.slackId) ? tr("allowed") : tr("not allowed");
    }
    return {};
}

QVariant UsersModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SlackUser:
        return tr("Slack user");
    case Email:
        return tr("Email");
    case HiveLogin:
        return tr("TheHive user");
    case State:
        return tr("State");
    case MayAct:
        return tr("May act");
    }
    return {};
}

} // namespace Console
