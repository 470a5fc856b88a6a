#include "userspage.h"

#include "bridgehost.h"

#include "bridgeservice.h"
#include "clients/hiveversionprobe.h"
#include "clients/slackclient.h"
#include "directory/userlinker.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>
#include <optional>

namespace Console {

namespace {

/// 200 members a page: 20 000 people, and a bad cursor never loops forever.
constexpr int MaxUserPages = 100;

/// A workspace member as users.list describes it; bots and deactivated accounts never act.
std::optional<UsersModel::User> memberOf(const QJsonObject &member)
{
    const QString id = member.value(u"id").toString();
    if (id.isEmpty() || member.value(u"deleted").toBool() || member.value(u"is_bot").toBool() ||
        id == u"USLACKBOT")
        return std::nullopt;
    const QJsonObject profile = member.value(u"profile").toObject();
    QString name = profile.value(u"real_name").toString(member.value(u"real_name").toString());
    if (name.isEmpty())
        name = member.value(u"name").toString(id);
    UsersModel::User user;
    user.slackId = id;
    user.name = name;
    user.email = profile.value(u"email").toString();
    return user;
}

} // namespace

UsersPage::UsersPage(BridgeHost &host, QWidget *parent)
    : QWidget(parent)
    , m_host(host)
    , m_model(new UsersModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_table(new QTableView(this))
    , m_filter(new QLineEdit(this))
    , m_reload(new QPushButton(tr("&Reload users"), this))
    , m_progress(new QProgressBar(this))
    , m_status(new QLabel(this))
    , m_banner(new QLabel(this))
{
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);

    m_banner->setWordWrap(true);
    m_banner->hide();
    m_filter->setPlaceholderText(tr("Name, email or TheHive user"));
    m_filter->setClearButtonEnabled(true);
    auto *filterLabel = new QLabel(tr("Fil&ter:"), this);
    filterLabel->setBuddy(m_filter);
    auto *top = new QHBoxLayout;
    top->addWidget(filterLabel);
    top->addWidget(m_filter, 1);
    top->addWidget(m_reload);

    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(UsersModel::SlackUser, Qt::AscendingOrder);
    m_table->verticalHeader()->hide();
    // Every column shows whole; the last, May do, takes the rest.
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);

    m_progress->hide();
    m_status->setWordWrap(true);
    auto *statusRow = new QHBoxLayout;
    statusRow->addWidget(m_progress);
    statusRow->addWidget(m_status, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addLayout(top);
    layout->addWidget(m_table, 1);
    layout->addLayout(statusRow);
    layout->addWidget(buildSelection());

    connect(m_filter, &QLineEdit::textChanged, m_proxy,
            &QSortFilterProxyModel::setFilterFixedString);
    connect(m_reload, &QPushButton::clicked, this, &UsersPage::loadUsers);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        m_overrideLogin->setText(m_model->overrides().value(selectedUser()));
        updateSelection();
    });
    connect(m_model, &QAbstractItemModel::dataChanged, this, &UsersPage::updateSelection);
    connect(m_model, &QAbstractItemModel::modelReset, this, &UsersPage::updateSelection);
    connect(m_check, &QPushButton::clicked, this, [this] {
        // "Check" means a live lookup: drop what the bridge remembers about this user first.
        if (Bridge::BridgeService *bridge = m_host.bridge()) {
            bridge->users().forget(selectedUser());
            bridge->permissions().forget(m_model->hiveLogin(selectedUser()));
        }
        enqueue({selectedUser()}, true);
        pump();
    });
    connect(m_setOverride, &QPushButton::clicked, this, [this] {
        const QString login = m_overrideLogin->text().trimmed();
        if (login.isEmpty())
            return showBanner(tr("Type the TheHive login this user should act as."), true);
        saveOverride(selectedUser(), login);
    });
    connect(m_overrideLogin, &QLineEdit::returnPressed, m_setOverride, &QPushButton::click);
    connect(m_clearOverride, &QPushButton::clicked, this,
            [this] { saveOverride(selectedUser(), {}); });
    connect(&m_host, &BridgeHost::bridgeReplaced, this, &UsersPage::onBridgeReplaced);
    connect(&m_host, &BridgeHost::stateChanged, this, &UsersPage::updateStatus);

    onBridgeReplaced();
}

QWidget *UsersPage::buildSelection()
{
    auto *box = new QGroupBox(tr("Selected user"), this);
    m_details = new QLabel(box);
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_check = new QPushButton(tr("&Check now"), box);
    m_check->setToolTip(tr("Looks this user up again: Slack email, then the TheHive account "
                           "and its profile."));
    auto *detailsRow = new QHBoxLayout;
    detailsRow->addWidget(m_details, 1);
    detailsRow->addWidget(m_check);

    m_overrideLogin = new QLineEdit(box);
    m_overrideLogin->setPlaceholderText(tr("e.g. alice@soc.example"));
    m_setOverride = new QPushButton(tr("Set &override"), box);
    m_clearOverride = new QPushButton(tr("Cl&ear override"), box);
    auto *overrideRow = new QHBoxLayout;
    overrideRow->addWidget(m_overrideLogin, 1);
    overrideRow->addWidget(m_setOverride);
    overrideRow->addWidget(m_clearOverride);
    auto *hint = new QLabel(tr("An override makes HiveSlack act as this TheHive user whatever "
                               "the emails say: use it when the Slack and TheHive emails "
                               "differ."),
                            box);
    hint->setWordWrap(true);

    auto *loginLabel = new QLabel(tr("TheHive &login:"), box);
    loginLabel->setBuddy(m_overrideLogin);
    auto *form = new QFormLayout;
    form->addRow(loginLabel, overrideRow);
    auto *layout = new QVBoxLayout(box);
    layout->addLayout(detailsRow);
    layout->addLayout(form);
    layout->addWidget(hint);
    return box;
}

bool UsersPage::isBusy() const
{
    return m_listing || !m_inFlight.isEmpty() || !m_queue.isEmpty();
}

void UsersPage::onBridgeReplaced()
{
    ++m_ticket; // lookups on their way belong to a bridge that is gone
    m_listing = false;
    m_queue.clear();
    for (const QString &id : std::exchange(m_inFlight, {}))
        m_model->setUnchecked(id);
    m_model->setOverrides(m_host.config().userOverrides);
    m_model->setAllowList(m_host.config().allowedSlackUsers);
    m_table->setColumnHidden(UsersModel::MayAct, !m_model->hasAllowList());
    if (!m_host.bridge())
        return updateStatus();
    if (m_model->rowCount() == 0)
        return loadUsers();
    listAllowedGroups();
    // The new bridge has a fresh linker: finish what was left, keep what was found. A login
    // that changed (an override set) has its profile read.
    QStringList again;
    for (const UsersModel::User &u : m_model->users()) {
        if (m_model->match(u.slackId) == UsersModel::Match::Unchecked ||
            m_model->needsProfile(u.slackId))
            again.append(u.slackId);
    }
    enqueue(again);
    pump();
}

void UsersPage::loadUsers()
{
    if (!m_host.bridge())
        return updateStatus();
    ++m_ticket;
    m_queue.clear();
    for (const QString &id : std::exchange(m_inFlight, {}))
        m_model->setUnchecked(id);
    m_fetched.clear();
    m_listing = true;
    updateStatus();
    listAllowedGroups();
    fetchUserPage({}, 0);
}

void UsersPage::listAllowedGroups()
{
    Bridge::BridgeService *bridge = m_host.bridge();
    QPointer<UsersPage> self(this);
    const quint64 ticket = m_ticket;
    for (const QString &group : m_model->allowedGroups()) {
        bridge->slack().userGroupMembers(
            group, [self, ticket, bridge, group](const Bridge::SlackResult &r) {
                if (!self || self->m_ticket != ticket || self->m_host.bridge() != bridge)
                    return;
                QStringList members;
                for (const QJsonValue &id : r.json.value(u"users").toArray())
                    members.append(id.toString());
                // Like the bridge: a group Slack will not list allows nobody.
                self->m_model->setGroupMembers(group, r.ok() ? members : QStringList(),
                                               r.ok() ? QString() : r.error);
            });
    }
}

void UsersPage::fetchUserPage(const QString &cursor, int page)
{
    Bridge::BridgeService *bridge = m_host.bridge();
    QPointer<UsersPage> self(this);
    const quint64 ticket = m_ticket;
    bridge->slack().listUsers(cursor, [self, ticket, bridge, page](const Bridge::SlackResult &r) {
        if (!self || self->m_ticket != ticket || self->m_host.bridge() != bridge)
            return;
        if (!r.ok()) {
            self->m_listing = false;
            self->showBanner(
                r.error == u"missing_scope"
                    ? tr("Slack did not list the members: the Slack app lacks the users:read "
                         "permission. Reinstall it from the generated manifest.")
                    : tr("Slack did not list the members: %1").arg(r.error),
                true);
            return self->updateStatus();
        }
        for (const QJsonValue &member : r.json.value(u"members").toArray()) {
            if (const auto user = memberOf(member.toObject()))
                self->m_fetched.append(*user);
        }
        const QString next =
            r.json.value(u"response_metadata").toObject().value(u"next_cursor").toString();
        if (!next.isEmpty() && page + 1 < MaxUserPages)
            return self->fetchUserPage(next, page + 1);
        self->m_listing = false;
        self->m_banner->hide();
        self->m_model->setUsers(std::exchange(self->m_fetched, {}));
        // Overrides are looked up too: the linker answers them at once, then the profile is read.
        QStringList ids;
        for (const UsersModel::User &u : self->m_model->users())
            ids.append(u.slackId);
        self->enqueue(ids);
        self->pump();
    });
}

void UsersPage::enqueue(const QStringList &slackIds, bool first)
{
    if (m_queue.isEmpty() && m_inFlight.isEmpty())
        m_done = m_total = 0; // a new round of lookups
    for (const QString &id : slackIds) {
        if (id.isEmpty() || m_inFlight.contains(id))
            continue;
        if (!m_queue.removeOne(id))
            ++m_total;
        if (first)
            m_queue.prepend(id);
        else
            m_queue.append(id);
    }
}

void UsersPage::pump()
{
    // resolveUser() may answer at once (from its cache): lookUp() re-enters pump() then, and
    // the outer loop carries on instead of recursing once per user.
    if (m_pumping)
        return;
    m_pumping = true;
    while (m_host.bridge() && m_inFlight.size() < MaxConcurrentLookups && !m_queue.isEmpty())
        lookUp(m_queue.takeFirst());
    m_pumping = false;
    updateStatus();
}

void UsersPage::lookUp(const QString &slackId)
{
    Bridge::BridgeService *bridge = m_host.bridge();
    m_inFlight.append(slackId);
    m_model->setChecking(slackId);
    QPointer<UsersPage> self(this);
    const quint64 ticket = m_ticket;
    bridge->users().resolveUser(
        slackId, [self, ticket, bridge, slackId](const Bridge::UserLinker::Link &link) {
            if (!self || self->m_ticket != ticket || self->m_host.bridge() != bridge)
                return;
            self->m_model->setLookup(slackId, link.hiveLogin, link.reason);
            self->readProfile(slackId);
        });
}

void UsersPage::readProfile(const QString &slackId)
{
    const QString login = m_model->hiveLogin(slackId);
    if (login.isEmpty())
        return finishLookup(slackId);
    Bridge::BridgeService *bridge = m_host.bridge();
    m_model->setReadingProfile(slackId);
    QPointer<UsersPage> self(this);
    const quint64 ticket = m_ticket;
    const auto current = [self, ticket, bridge] {
        return self && self->m_ticket == ticket && self->m_host.bridge() == bridge;
    };
    // The profile the bridge reads before each write, judged for the version it talks to.
    bridge->versions().withVersion(
        [self, current, bridge, slackId, login](std::optional<Bridge::HiveVersion> version,
                                                const QString &error) {
            if (!current())
                return;
            if (!version) {
                Bridge::HiveProfile unknown;
                unknown.login = login;
                unknown.error = error;
                self->m_model->setProfile(slackId, unknown, {});
                return self->finishLookup(slackId);
            }
            bridge->permissions().profileOf(
                login, *version, [self, current, slackId, version](const Bridge::HiveProfile &p) {
                    if (!current())
                        return;
                    self->m_model->setProfile(slackId, p, *version);
                    self->finishLookup(slackId);
                });
        });
}

void UsersPage::finishLookup(const QString &slackId)
{
    m_inFlight.removeOne(slackId);
    ++m_done;
    // The model showed the result while the lookup still counted as running: Check comes back.
    updateSelection();
    pump();
}

void UsersPage::updateStatus()
{
    m_reload->setEnabled(m_host.bridge() && !m_listing);
    updateSelection();
    if (!m_host.bridge()) {
        m_progress->hide();
        m_status->setText(
            m_host.state() == BridgeHost::State::Starting
                ? tr("The bridge is starting…")
                : tr("Users are looked up by the running bridge, which is not "
                     "running: %1")
                      .arg(m_host.stateText().isEmpty() ? tr("stopped") : m_host.stateText()));
        return;
    }
    if (m_listing) {
        m_progress->setRange(0, 0); // busy: the member count is not known yet
        m_progress->show();
        m_status->setText(tr("Listing the Slack workspace members…"));
        return;
    }
    if (m_done < m_total) {
        m_progress->setRange(0, m_total);
        m_progress->setValue(m_done);
        m_progress->show();
        m_status->setText(tr("Matching with TheHive: %1 of %2…").arg(m_done).arg(m_total));
        return;
    }
    m_progress->hide();
    using Match = UsersModel::Match;
    m_status->setText(tr("Slack users: %1. Matched: %2, no TheHive user: %3, override: %4.")
                          .arg(m_model->rowCount())
                          .arg(m_model->count(Match::Matched))
                          .arg(m_model->count(Match::NoHiveUser))
                          .arg(m_model->count(Match::Override)));
}

QString UsersPage::selectedUser() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : rows.first().data(UsersModel::SlackIdRole).toString();
}

bool UsersPage::selectUser(const QString &slackId)
{
    const int row = m_model->rowOf(slackId);
    if (row < 0)
        return false;
    QModelIndex at = m_proxy->mapFromSource(m_model->index(row, 0));
    if (!at.isValid()) {
        m_filter->clear();
        at = m_proxy->mapFromSource(m_model->index(row, 0));
    }
    m_table->selectRow(at.row());
    m_table->scrollTo(at);
    return true;
}

void UsersPage::updateSelection()
{
    const QString id = selectedUser();
    const UsersModel::User *user = m_model->user(id);
    m_check->setEnabled(m_host.bridge() && user && !m_inFlight.contains(id));
    m_overrideLogin->setEnabled(user);
    m_setOverride->setEnabled(user);
    m_clearOverride->setEnabled(user && m_model->overrides().contains(id));
    if (!user)
        return m_details->setText(tr("Select a user to check them or set an override."));
    const int row = m_model->rowOf(id);
    const QModelIndex state = m_model->index(row, UsersModel::State);
    const QString why = state.data(Qt::ToolTipRole).toString();
    QString text = tr("%1 (Slack id %2): %3")
                       .arg(user->name, id, why.isEmpty() ? state.data().toString() : why);
    const QModelIndex profile = m_model->index(row, UsersModel::Profile);
    if (!profile.data().toString().isEmpty()) {
        // The table's words, with why May do says what it says (its tooltip) spelled out.
        const QModelIndex mayDo = m_model->index(row, UsersModel::MayDo);
        const QString reason = mayDo.data(Qt::ToolTipRole).toString();
        const QString may = reason.isEmpty() ? mayDo.data().toString()
                                             : tr("%1 (%2)").arg(mayDo.data().toString(), reason);
        text += u'\n' + tr("TheHive profile: %1").arg(profile.data().toString()) + u'\n' +
                tr("May do: %1").arg(may);
    }
    m_details->setText(text);
}

void UsersPage::showBanner(const QString &text, bool error)
{
    m_banner->setStyleSheet(
        error ? QStringLiteral("QLabel { background: #fdecea; color: #611a15; padding: 6px; }")
              : QStringLiteral("QLabel { background: #e8f4fd; color: #0d3c61; padding: 6px; }"));
    m_banner->setText(text);
    m_banner->show();
}

void UsersPage::saveOverride(const QString &slackId, const QString &login)
{
    const UsersModel::User *user = m_model->user(slackId);
    if (!user || (login.isEmpty() && !m_model->overrides().contains(slackId)))
        return;
    const QString name = user->name;
    Bridge::BridgeConfig config = m_host.config();
    if (login.isEmpty())
        config.userOverrides.remove(slackId);
    else
        config.userOverrides.insert(slackId, login);
    QString error;
    if (!m_host.saveConfig(config, &error))
        return showBanner(tr("The override was not saved: %1").arg(error), true);
    // The host may have restarted the bridge already; either way the settings hold this now.
    m_model->setOverrides(m_host.config().userOverrides);
    if (login.isEmpty()) {
        m_model->setUnchecked(slackId);
        showBanner(tr("Override removed: %1 is matched by email again.").arg(name), false);
    } else {
        showBanner(tr("Saved: %1 acts in TheHive as %2.").arg(name, login), false);
    }
    updateStatus();
}

} // namespace Console
