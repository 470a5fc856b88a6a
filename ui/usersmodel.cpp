#include "usersmodel.h"

#include "directory/userlinker.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Console {

namespace {

/// What a card lets an analyst do, in the console's words (the bridge's describeAction() is
/// English for Slack); empty for what no card control does.
QString actionLabel(Bridge::CaseAction action)
{
    switch (action) {
    case Bridge::CaseAction::SetStatus:
        return UsersModel::tr("status");
    case Bridge::CaseAction::SetSeverity:
        return UsersModel::tr("severity");
    case Bridge::CaseAction::SetTlp:
        return UsersModel::tr("TLP");
    case Bridge::CaseAction::SetPap:
        return UsersModel::tr("PAP");
    case Bridge::CaseAction::Assign:
        return UsersModel::tr("assign");
    case Bridge::CaseAction::Close:
        return UsersModel::tr("close");
    case Bridge::CaseAction::Reopen:
        return UsersModel::tr("reopen");
    case Bridge::CaseAction::AddTask:
        return UsersModel::tr("tasks");
    case Bridge::CaseAction::CreateCase:
        return UsersModel::tr("new cases");
    case Bridge::CaseAction::PromoteAlert:
        return UsersModel::tr("promote alerts");
    case Bridge::CaseAction::MergeAlert:
        return UsersModel::tr("merge alerts");
    case Bridge::CaseAction::CloseAlert:
        return UsersModel::tr("ignore alerts");
    case Bridge::CaseAction::Comment:
    case Bridge::CaseAction::AttachFiles:
        break; // no card control: the bridge's own notes, the evidence shortcut
    }
    return {};
}

} // namespace

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
    m_groups.clear();
    if (!m_users.isEmpty())
        Q_EMIT dataChanged(index(0, MayAct), index(rowCount() - 1, MayAct));
}

QStringList UsersModel::allowedGroups() const
{
    return Bridge::UserLinker::userGroupsOf(m_allowed);
}

void UsersModel::setGroupMembers(const QString &group, const QStringList &members,
                                 const QString &error)
{
    m_groups.insert(group, {members, error});
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
    if (const int row = rowOf(slackId); row >= 0)
        m_users[row].readingProfile = false;
    changeLookup(slackId, Match::Unchecked, {}, {});
}

void UsersModel::setReadingProfile(const QString &slackId)
{
    const int row = rowOf(slackId);
    if (row < 0)
        return;
    m_users[row].readingProfile = true;
    rowChanged(row);
}

void UsersModel::setProfile(const QString &slackId, const Bridge::HiveProfile &profile,
                            const Bridge::HiveVersion &version)
{
    const int row = rowOf(slackId);
    if (row < 0)
        return;
    User &u = m_users[row];
    u.readingProfile = false;
    u.profile = profile;
    u.version = version;
    rowChanged(row);
}

bool UsersModel::needsProfile(const QString &slackId) const
{
    const User *u = user(slackId);
    return u && !hiveLogin(slackId).isEmpty() && !u->readingProfile && !currentProfile(*u);
}

const Bridge::HiveProfile *UsersModel::currentProfile(const User &user) const
{
    const QString login = hiveLogin(user.slackId);
    return user.profile && !login.isEmpty() && user.profile->login == login ? &*user.profile
                                                                            : nullptr;
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

QString UsersModel::profileText(const User &user) const
{
    if (user.readingProfile)
        return tr("checking…");
    const Bridge::HiveProfile *profile = currentProfile(user);
    if (!profile)
        return {};
    return profile->state == Bridge::HiveProfile::State::Known ? profile->profile
                                                               : tr("cannot read");
}

QString UsersModel::profileToolTip(const User &user) const
{
    const Bridge::HiveProfile *profile = currentProfile(user);
    if (!profile || user.readingProfile)
        return {};
    if (profile->state != Bridge::HiveProfile::State::Known)
        return profile->error;
    return profile->permissions.isEmpty()
               ? tr("This profile has no TheHive permissions.")
               : tr("TheHive permissions: %1").arg(profile->permissions.join(u", "_s));
}

QString UsersModel::mayDoText(const User &user) const
{
    if (user.readingProfile)
        return tr("checking…");
    const Bridge::HiveProfile *profile = currentProfile(user);
    if (!profile)
        return {};
    if (profile->state != Bridge::HiveProfile::State::Known)
        return tr("unknown");
    QStringList may;
    QStringList mayNot;
    for (const Bridge::CaseAction action : Bridge::allCaseActions()) {
        const QString label = actionLabel(action);
        if (!label.isEmpty())
            (profile->allows(action, user.version) ? may : mayNot).append(label);
    }
    if (mayNot.isEmpty())
        return tr("everything HiveSlack offers");
    if (may.isEmpty())
        return tr("nothing (read-only)");
    // The shorter list says it: most profiles lack one or two things.
    return mayNot.size() < may.size() ? tr("everything but %1").arg(mayNot.join(u", "_s))
                                      : may.join(u", "_s);
}

QString UsersModel::mayDoToolTip(const User &user) const
{
    const Bridge::HiveProfile *profile = currentProfile(user);
    if (!profile || user.readingProfile)
        return {};
    if (profile->state != Bridge::HiveProfile::State::Known)
        return profile->error;
    QStringList refused;
    for (const Bridge::CaseAction action : Bridge::allCaseActions()) {
        const QString label = actionLabel(action);
        const QStringList needed = Bridge::permissionsFor(action, user.version);
        if (!label.isEmpty() && !profile->allows(action, user.version))
            refused.append(tr("%1 needs %2").arg(label, needed.join(tr(" or "))));
    }
    return refused.isEmpty()
               ? QString()
               : tr("Not allowed by the TheHive profile: %1.").arg(refused.join(u"; "_s));
}

QString UsersModel::mayActText(const User &user) const
{
    if (m_allowed.isEmpty() || m_allowed.contains(user.slackId) || !allowingGroup(user).isEmpty())
        return tr("allowed");
    const QStringList groups = allowedGroups();
    const bool listed = std::all_of(groups.cbegin(), groups.cend(), [this](const QString &group) {
        return m_groups.contains(group);
    });
    return listed ? tr("not allowed") : tr("checking…");
}

QString UsersModel::mayActToolTip(const User &user) const
{
    if (m_allowed.isEmpty())
        return {};
    if (m_allowed.contains(user.slackId))
        return tr("On the allow-list.");
    if (const QString group = allowingGroup(user); !group.isEmpty())
        return tr("Allowed as a member of the user group %1.").arg(group);
    QStringList lines;
    for (auto it = m_groups.cbegin(); it != m_groups.cend(); ++it) {
        if (!it->error.isEmpty())
            lines.append(tr("Slack did not list the user group %1 (%2): it allows nobody.")
                             .arg(it.key(), it->error));
    }
    return lines.join(u'\n');
}

QString UsersModel::allowingGroup(const User &user) const
{
    for (auto it = m_groups.cbegin(); it != m_groups.cend(); ++it) {
        if (it->members.contains(user.slackId))
            return it.key();
    }
    return {};
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
    if (role == Qt::ToolTipRole) {
        switch (index.column()) {
        case SlackUser:
            return u.slackId;
        case Profile:
            return profileToolTip(u);
        case MayDo:
            return mayDoToolTip(u);
        case MayAct:
            return mayActToolTip(u);
        default:
            return toolTip(u);
        }
    }
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
    case Profile:
        return profileText(u);
    case MayDo:
        return mayDoText(u);
    case MayAct:
        return mayActText(u);
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
    case Profile:
        return tr("TheHive profile");
    case MayDo:
        return tr("May do");
    case MayAct:
        return tr("May act");
    }
    return {};
}

} // namespace Console
