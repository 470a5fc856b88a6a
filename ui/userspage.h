#pragma once

#include "usersmodel.h"

#include <QList>
#include <QStringList>
#include <QWidget>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace Console {

class BridgeHost;

/// The Users tab: every Slack member with the TheHive account HiveSlack acts as for them
/// (found by email through the bridge's user linker, or an override from the settings), that
/// account's TheHive profile and the card actions it allows (read by the bridge's
/// AnalystPermissions, as before every write), and, with an allow-list, whether they may act
/// (allowed user groups listed from Slack). Lookups run a few at a time with progress shown;
/// "Check" repeats one; overrides are set and cleared here and saved through BridgeHost.
class UsersPage final : public QWidget
{
    Q_OBJECT
public:
    UsersPage(BridgeHost &host, QWidget *parent = nullptr);

    /// How many lookups run at once: quick for a big workspace, gentle on Slack and TheHive.
    static constexpr int MaxConcurrentLookups = 4;

    UsersModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    /// Selects a user's row (clearing the filter if it hides it); false when unknown.
    bool selectUser(const QString &slackId);
    /// The Slack user id of the selected row, or empty.
    QString selectedUser() const;

    QLineEdit *filter() const { return m_filter; }
    QPushButton *reloadButton() const { return m_reload; }
    QPushButton *checkButton() const { return m_check; }
    QLineEdit *overrideLogin() const { return m_overrideLogin; }
    QPushButton *setOverrideButton() const { return m_setOverride; }
    QPushButton *clearOverrideButton() const { return m_clearOverride; }
    QProgressBar *progress() const { return m_progress; }
    /// Progress, the summary, or why nothing can be looked up.
    QLabel *status() const { return m_status; }
    /// Save outcomes and Slack errors.
    QLabel *banner() const { return m_banner; }
    /// What is known about the selected user.
    QLabel *details() const { return m_details; }
    /// True while users are being listed or matched.
    bool isBusy() const;

private:
    QWidget *buildSelection();
    void onBridgeReplaced();
    void loadUsers();
    void fetchUserPage(const QString &cursor, int page);
    void enqueue(const QStringList &slackIds, bool first = false);
    void pump();
    void lookUp(const QString &slackId);
    void readProfile(const QString &slackId);
    void finishLookup(const QString &slackId);
    void listAllowedGroups();
    void updateStatus();
    void updateSelection();
    void showBanner(const QString &text, bool error);
    void saveOverride(const QString &slackId, const QString &login);

    BridgeHost &m_host;
    UsersModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QTableView *m_table = nullptr;
    QLineEdit *m_filter = nullptr;
    QPushButton *m_reload = nullptr;
    QPushButton *m_check = nullptr;
    QLineEdit *m_overrideLogin = nullptr;
    QPushButton *m_setOverride = nullptr;
    QPushButton *m_clearOverride = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_banner = nullptr;
    QLabel *m_details = nullptr;

    /// Bumped whenever the bridge is replaced or the list reloaded: older answers are dropped.
    quint64 m_ticket = 0;
    bool m_listing = false;
    bool m_pumping = false;            ///< see pump()
    QList<UsersModel::User> m_fetched; ///< members gathered across users.list pages
    QStringList m_queue;
    QStringList m_inFlight;
    int m_done = 0;
    int m_total = 0;
};

} // namespace Console
