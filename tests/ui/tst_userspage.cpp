#include "bridgehost.h"
#include "usersmodel.h"
#include "userspage.h"

#include "fakeslack.h"
#include "fakethehive.h"
#include "manualclock.h"
#include "memorysecretstore.h"

#include "authority/analystwriter.h"
#include "bridgeservice.h"
#include "clients/hiveversionprobe.h"
#include "core/secretstore.h"
#include "directory/userlinker.h"

#include <QFile>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <optional>

using namespace Qt::StringLiterals;
using Console::BridgeHost;
using Console::UsersModel;

namespace {

const QString Alice = u"U0ALICE01"_s;
const QString Carol = u"U0CAROL01"_s;
const QString Rita = u"U0RITA001"_s;
const QString Tom = u"U0TOM0001"_s;
const QString Everything = u"everything HiveSlack offers"_s;

} // namespace

class TestUsersPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void usersAreMatchedByEmail();
    void anOverrideIsSavedAndShown();
    void profilesSayWhatEachMayDo();
    void checkReadsTheProfileAgain();
    void membersOfAnAllowedGroupMayAct();
    void checkRunsTheLookupAgain();
    void lookupsRunAFewAtATime();
    void aSlackRefusalIsShownInWords();
    void withoutARunningBridgeNothingIsLookedUp();
    void theLoginFieldHasAMnemonic();

private:
    bool startHost(BridgeHost::State expected = BridgeHost::State::Running);
    static QString cell(const Console::UsersPage &page, const QString &slackId, int column,
                        int role = Qt::DisplayRole);
    /// Rita (read-only) and Tom (a profile without manageTask) join Alice and Carol.
    void addProfiledUsers();
    /// Visible columns narrower than their widest cell or their header.
    static QStringList cutColumns(const Console::UsersPage &page);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<TestSupport::FakeTheHive> m_hive;
    std::unique_ptr<TestSupport::FakeSlack> m_slack;
    std::unique_ptr<TestSupport::MemorySecretStore> m_secrets;
    TestSupport::ManualClock m_clock; ///< moved by hand past the linker's one-minute miss cache
    std::unique_ptr<BridgeHost> m_host;
};

void TestUsersPage::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_hive = std::make_unique<TestSupport::FakeTheHive>();
    m_slack = std::make_unique<TestSupport::FakeSlack>();
    QVERIFY(m_hive->listen() && m_slack->listen());
    m_slack->addChannel(u"C0HIVE01"_s, u"soc-cases"_s);
    m_slack->addUser(Alice, u"alice"_s, u"alice@soc.example"_s);
    m_slack->addUser(Carol, u"carol"_s, u"carol@soc.example"_s);
    m_hive->addUser(u"alice@soc.example"_s, u"Alice"_s, u"alice@soc.example"_s);
    m_secrets = std::make_unique<TestSupport::MemorySecretStore>();
    m_secrets->insert(QLatin1String(Bridge::SecretKey::TheHiveApiKey), m_hive->apiKey());
    m_secrets->insert(QLatin1String(Bridge::SecretKey::TheHiveWebhookSecret), u"hook"_s);
    m_secrets->insert(QLatin1String(Bridge::SecretKey::SlackBotToken), m_slack->token());
    m_secrets->insert(QLatin1String(Bridge::SecretKey::SlackSigningSecret), u"signing"_s);
}

void TestUsersPage::cleanup()
{
    m_host.reset();
    m_secrets.reset();
    m_slack.reset();
    m_hive.reset();
    m_dir.reset();
}

bool TestUsersPage::startHost(BridgeHost::State expected)
{
    m_host = std::make_unique<BridgeHost>(*m_secrets, m_clock, m_dir->filePath(u"settings.json"_s),
                                          m_dir->filePath(u"data"_s));
    Bridge::BridgeConfig config;
    config.listenPort = 0;
    config.dataDir = m_dir->filePath(u"data"_s);
    config.theHiveUrl = m_hive->baseUrl();
    config.slackApiUrl = m_slack->apiUrl();
    config.defaultChannel = u"C0HIVE01"_s;
    QString error;
    if (!m_host->saveConfig(config, &error))
        qWarning("saveConfig: %s", qPrintable(error));
    return QTest::qWaitFor([&] { return m_host->state() == expected; }, 10000);
}

QString TestUsersPage::cell(const Console::UsersPage &page, const QString &slackId, int column,
                            int role)
{
    const UsersModel &model = *page.model();
    return model.index(model.rowOf(slackId), column).data(role).toString();
}

void TestUsersPage::addProfiledUsers()
{
    m_slack->addUser(Rita, u"rita"_s, u"rita@soc.example"_s);
    m_slack->addUser(Tom, u"tom"_s, u"tom@soc.example"_s);
    m_hive->addUser(u"rita@soc.example"_s, u"Rita"_s, u"rita@soc.example"_s, false, u"read-only"_s);
    QStringList noTasks = m_hive->profilePermissions(u"analyst"_s);
    noTasks.removeAll(u"manageTask"_s);
    m_hive->setProfilePermissions(u"no-tasks"_s, noTasks);
    m_hive->addUser(u"tom@soc.example"_s, u"Tom"_s, u"tom@soc.example"_s, false, u"no-tasks"_s);
}

QStringList TestUsersPage::cutColumns(const Console::UsersPage &page)
{
    QStringList cut;
    const QTableView *table = page.table();
    const QHeaderView *header = table->horizontalHeader();
    for (int column = 0; column < UsersModel::ColumnCount; ++column) {
        const int needed =
            std::max(static_cast<const QAbstractItemView *>(table)->sizeHintForColumn(column),
                     header->sectionSizeHint(column));
        if (!table->isColumnHidden(column) && header->sectionSize(column) < needed)
            cut << table->model()->headerData(column, Qt::Horizontal).toString();
    }
    return cut;
}

void TestUsersPage::usersAreMatchedByEmail()
{
    QVERIFY(startHost());
    Console::UsersPage page(*m_host);
    page.resize(1040, 600); // the console window's width
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QTRY_VERIFY(page.model()->rowCount() == 2 && !page.isBusy());

    // Every column shows its text whole; the last one, May do, takes the remaining width.
    QTRY_VERIFY2(cutColumns(page).isEmpty(), qPrintable(cutColumns(page).join(u", "_s)));
    const QHeaderView *header = page.table()->horizontalHeader();
    QVERIFY(header->sectionSize(UsersModel::MayDo) > header->sectionSize(UsersModel::Email));

    QCOMPARE(cell(page, Alice, UsersModel::SlackUser), u"alice"_s);
    QCOMPARE(cell(page, Alice, UsersModel::Email), u"alice@soc.example"_s);
    QCOMPARE(cell(page, Alice, UsersModel::HiveLogin), u"alice@soc.example"_s);
    QCOMPARE(cell(page, Alice, UsersModel::State), u"matched"_s);
    QCOMPARE(cell(page, Carol, UsersModel::Email), u"carol@soc.example"_s);
    QCOMPARE(cell(page, Carol, UsersModel::HiveLogin), QString());
    QCOMPARE(cell(page, Carol, UsersModel::State), u"no TheHive user"_s);
    QCOMPARE(cell(page, Carol, UsersModel::Profile), QString()); // no account, no profile
    QCOMPARE(cell(page, Carol, UsersModel::MayDo), QString());
    QVERIFY(!page.progress()->isVisible());
    QCOMPARE(page.status()->text(),
             u"Slack users: 2. Matched: 1, no TheHive user: 1, override: 0."_s);
    // No allow-list: the column saying who may act stays out of the way.
    QVERIFY(page.table()->isColumnHidden(UsersModel::MayAct));

    QVERIFY(page.selectUser(Carol));
    QCOMPARE(page.selectedUser(), Carol);
    QVERIFY2(
        page.details()->text().contains(u"No active TheHive account found for carol@soc.example"_s),
        qPrintable(page.details()->text()));
    QVERIFY(!page.clearOverrideButton()->isEnabled());

    // The filter narrows the table; selecting a hidden user clears it.
    page.filter()->setText(u"alice"_s);
    QCOMPARE(page.table()->model()->rowCount(), 1);
    QVERIFY(page.selectUser(Carol));
    QCOMPARE(page.filter()->text(), QString());
    QCOMPARE(page.table()->model()->rowCount(), 2);

    // With an allow-list the page says who may act; what was found is kept across the restart.
    Bridge::BridgeConfig config = m_host->config();
    config.allowedSlackUsers = QStringList{Alice};
    QString error;
    QVERIFY2(m_host->saveConfig(config, &error), qPrintable(error));
    QTRY_VERIFY(!page.table()->isColumnHidden(UsersModel::MayAct));
    QCOMPARE(cell(page, Alice, UsersModel::MayAct), u"allowed"_s);
    QCOMPARE(cell(page, Carol, UsersModel::MayAct), u"not allowed"_s);
    QCOMPARE(cell(page, Alice, UsersModel::State), u"matched"_s);
    QTRY_VERIFY2(cutColumns(page).isEmpty(), qPrintable(cutColumns(page).join(u", "_s)));
    QVERIFY(header->sectionSize(UsersModel::MayDo) > header->sectionSize(UsersModel::Email));
}

void TestUsersPage::profilesSayWhatEachMayDo()
{
    addProfiledUsers();
    QVERIFY(startHost());
    Console::UsersPage page(*m_host);
    page.resize(1040, 600);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QTRY_VERIFY(page.model()->rowCount() == 4 && !page.isBusy());
    QTRY_VERIFY2(cutColumns(page).isEmpty(), qPrintable(cutColumns(page).join(u", "_s)));

    QCOMPARE(cell(page, Alice, UsersModel::Profile), u"analyst"_s);
    QCOMPARE(cell(page, Alice, UsersModel::MayDo), Everything);
    QCOMPARE(cell(page, Alice, UsersModel::MayDo, Qt::ToolTipRole), QString());
    QVERIFY(cell(page, Alice, UsersModel::Profile, Qt::ToolTipRole).contains(u"manageTask"_s));

    QCOMPARE(cell(page, Rita, UsersModel::Profile), u"read-only"_s);
    QCOMPARE(cell(page, Rita, UsersModel::MayDo), u"nothing (read-only)"_s);
    QVERIFY(cell(page, Rita, UsersModel::MayDo, Qt::ToolTipRole).contains(u"manageCase/update"_s));

    QCOMPARE(cell(page, Tom, UsersModel::Profile), u"no-tasks"_s);
    QCOMPARE(cell(page, Tom, UsersModel::MayDo), u"everything but tasks"_s);
    QCOMPARE(cell(page, Tom, UsersModel::MayDo, Qt::ToolTipRole),
             u"Not allowed by the TheHive profile: tasks needs manageTask."_s);

    // The bridge decides alike, from the profile the page had it read (no second request).
    const qsizetype asked = m_hive->requests(u"/api/v1/user/tom@soc.example"_s).size();
    std::optional<Bridge::Verdict> verdict;
    m_host->bridge()->writer().check(u"tom@soc.example"_s, Bridge::CaseAction::AddTask,
                                     *m_host->bridge()->versions().known(),
                                     [&](const Bridge::Verdict &v) { verdict = v; });
    QVERIFY(verdict && verdict->kind == Bridge::Verdict::Kind::Refused);
    QCOMPARE(m_hive->requests(u"/api/v1/user/tom@soc.example"_s).size(), asked);

    QVERIFY(page.selectUser(Tom));
    QVERIFY2(page.details()->text().contains(u"TheHive profile: no-tasks"_s),
             qPrintable(page.details()->text()));
    QVERIFY(page.details()->text().contains(u"tasks needs manageTask"_s));
}

void TestUsersPage::checkReadsTheProfileAgain()
{
    addProfiledUsers();
    QVERIFY(startHost());
    Console::UsersPage page(*m_host);
    QTRY_VERIFY(page.model()->rowCount() == 4 && !page.isBusy());
    QCOMPARE(cell(page, Rita, UsersModel::MayDo), u"nothing (read-only)"_s);

    // Promoted in TheHive: Check shows it at once, without waiting for the bridge's memory.
    QVERIFY(m_hive->setProfile(u"rita@soc.example"_s, u"analyst"_s));
    QVERIFY(page.selectUser(Rita));
    QTest::mouseClick(page.checkButton(), Qt::LeftButton);
    QTRY_COMPARE(cell(page, Rita, UsersModel::Profile), u"analyst"_s);
    QCOMPARE(cell(page, Rita, UsersModel::MayDo), Everything);
    QTRY_VERIFY2(page.details()->text().contains(u"May do: "_s + Everything),
                 qPrintable(page.details()->text()));
}

void TestUsersPage::membersOfAnAllowedGroupMayAct()
{
    addProfiledUsers();
    m_slack->addUserGroup(u"S0SOCLEADS"_s, {Carol, Tom});
    QVERIFY(startHost());
    Bridge::BridgeConfig config = m_host->config();
    // S0GONE is a group Slack will not list: it allows nobody, as in the bridge.
    config.allowedSlackUsers = QStringList{Alice, u"S0SOCLEADS"_s, u"S0GONE"_s};
    QString error;
    QVERIFY2(m_host->saveConfig(config, &error), qPrintable(error));
    QTRY_VERIFY(m_host->bridge() && m_host->bridge()->config().allowedSlackUsers.size() == 3);

    Console::UsersPage page(*m_host);
    QTRY_VERIFY(page.model()->rowCount() == 4 && !page.isBusy());
    QVERIFY(!page.table()->isColumnHidden(UsersModel::MayAct));
    QTRY_COMPARE(cell(page, Tom, UsersModel::MayAct), u"allowed"_s);
    QCOMPARE(cell(page, Tom, UsersModel::MayAct, Qt::ToolTipRole),
             u"Allowed as a member of the user group S0SOCLEADS."_s);
    QCOMPARE(cell(page, Carol, UsersModel::MayAct), u"allowed"_s);
    QCOMPARE(cell(page, Alice, UsersModel::MayAct), u"allowed"_s);
    QCOMPARE(cell(page, Rita, UsersModel::MayAct), u"not allowed"_s);
    QVERIFY2(cell(page, Rita, UsersModel::MayAct, Qt::ToolTipRole)
                 .contains(u"S0GONE (no_such_subteam)"_s),
             qPrintable(cell(page, Rita, UsersModel::MayAct, Qt::ToolTipRole)));
}

void TestUsersPage::theLoginFieldHasAMnemonic()
{
    QVERIFY(startHost());
    Console::UsersPage page(*m_host);
    const QList<QLabel *> labels = page.findChildren<QLabel *>();
    const auto buddy = std::find_if(labels.cbegin(), labels.cend(), [&page](const QLabel *label) {
        return label->buddy() == page.overrideLogin();
    });
    QVERIFY(buddy != labels.cend());
    QCOMPARE((*buddy)->text(), u"TheHive &login:"_s); // the & underlines, it is not shown
}

void TestUsersPage::anOverrideIsSavedAndShown()
{
    QVERIFY(startHost());
    Console::UsersPage page(*m_host);
    QTRY_VERIFY(page.model()->rowCount() == 2 && !page.isBusy());

    QVERIFY(page.selectUser(Carol));
    QTest::keyClicks(page.overrideLogin(), u"carol.admin"_s);
    QTest::mouseClick(page.setOverrideButton(), Qt::LeftButton);

    const QHash<QString, QString> expected{{Carol, u"carol.admin"_s}};
    QCOMPARE(m_host->config().userOverrides, expected);
    QCOMPARE(cell(page, Carol, UsersModel::State), u"override"_s);
    QCOMPARE(cell(page, Carol, UsersModel::HiveLogin), u"carol.admin"_s);
    QCOMPARE(cell(page, Alice, UsersModel::State), u"matched"_s);
    QVERIFY(page.banner()->text().contains(u"carol acts in TheHive as carol.admin"_s));
    QFile settings(m_host->settingsFile());
    QVERIFY(settings.open(QIODevice::ReadOnly));
    QCOMPARE(
        QJsonDocument::fromJson(settings.readAll())[u"users"_s][u"overrides"_s][Carol].toString(),
        u"carol.admin"_s);

    // The restarted bridge acts as the override, and the page still shows it.
    QTRY_VERIFY(m_host->bridge() && m_host->bridge()->config().userOverrides == expected);
    QTRY_COMPARE(m_host->state(), BridgeHost::State::Running);
    QTRY_VERIFY(!page.isBusy());
    QCOMPARE(cell(page, Carol, UsersModel::State), u"override"_s);
    // TheHive has no carol.admin: no profile to read, and the page says why.
    QTRY_COMPARE(cell(page, Carol, UsersModel::Profile), u"cannot read"_s);
    QCOMPARE(cell(page, Carol, UsersModel::MayDo), u"unknown"_s);
    QVERIFY2(cell(page, Carol, UsersModel::Profile, Qt::ToolTipRole)
                 .contains(u"TheHive has no user carol.admin"_s),
             qPrintable(cell(page, Carol, UsersModel::Profile, Qt::ToolTipRole)));
    QVERIFY(page.selectUser(Carol));
    QCOMPARE(page.overrideLogin()->text(), u"carol.admin"_s);
    QVERIFY(page.clearOverrideButton()->isEnabled());

    // Clearing it goes back to the email match, looked up by the restarted bridge.
    QTest::mouseClick(page.clearOverrideButton(), Qt::LeftButton);
    QVERIFY(m_host->config().userOverrides.isEmpty());
    QTRY_VERIFY(m_host->bridge() && m_host->bridge()->config().userOverrides.isEmpty());
    QTRY_COMPARE(cell(page, Carol, UsersModel::State), u"no TheHive user"_s);
    QCOMPARE(page.status()->text(),
             u"Slack users: 2. Matched: 1, no TheHive user: 1, override: 0."_s);
}

void TestUsersPage::checkRunsTheLookupAgain()
{
    QVERIFY(startHost());
    Console::UsersPage page(*m_host);
    QTRY_VERIFY(page.model()->rowCount() == 2 && !page.isBusy());
    QCOMPARE(cell(page, Carol, UsersModel::State), u"no TheHive user"_s);

    // Carol gets a TheHive account; once the linker's short memory of the miss has passed,
    // Check finds it.
    m_hive->addUser(u"carol@soc.example"_s, u"Carol"_s, u"carol@soc.example"_s);
    m_clock.advanceMs(Bridge::UserLinker::MissTtlMs + 1000);
    QVERIFY(page.selectUser(Carol));
    QVERIFY(page.checkButton()->isEnabled());
    QTest::mouseClick(page.checkButton(), Qt::LeftButton);
    QTRY_COMPARE(cell(page, Carol, UsersModel::State), u"matched"_s);
    QCOMPARE(cell(page, Carol, UsersModel::HiveLogin), u"carol@soc.example"_s);
    QTRY_VERIFY(page.details()->text().contains(u"carol@soc.example is active"_s));
    // The details may say so while the profile read still counts as running.
    QTRY_VERIFY(page.checkButton()->isEnabled());
}

void TestUsersPage::lookupsRunAFewAtATime()
{
    for (int i = 0; i < 10; ++i) {
        const QString n = QString::number(i);
        m_slack->addUser(u"U0MANY0"_s + n, u"user"_s + n, u"user"_s + n + u"@soc.example"_s);
    }
    m_slack->delayNext(u"/api/users.info"_s, 150, 12);
    QVERIFY(startHost());
    Console::UsersPage page(*m_host);
    int mostAtOnce = 0;
    bool progressShown = false;
    connect(page.model(), &QAbstractItemModel::dataChanged, this, [&] {
        mostAtOnce = std::max(mostAtOnce, page.model()->count(UsersModel::Match::Checking));
        progressShown = progressShown || page.progress()->maximum() == 12;
    });
    QTRY_VERIFY_WITH_TIMEOUT(page.model()->rowCount() == 12 && !page.isBusy(), 15000);
    QCOMPARE(mostAtOnce, Console::UsersPage::MaxConcurrentLookups);
    QVERIFY(progressShown);
    QCOMPARE(page.model()->count(UsersModel::Match::Matched), 1);
    QCOMPARE(page.model()->count(UsersModel::Match::NoHiveUser), 11);
}

void TestUsersPage::aSlackRefusalIsShownInWords()
{
    m_slack->slackErrorNext(u"/api/users.list"_s, u"missing_scope"_s);
    QVERIFY(startHost());
    Console::UsersPage page(*m_host);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QTRY_VERIFY(page.banner()->isVisible());
    QVERIFY(page.banner()->text().contains(u"lacks the users:read permission"_s));
    QCOMPARE(page.model()->rowCount(), 0);
    QVERIFY(page.reloadButton()->isEnabled());
    QTest::mouseClick(page.reloadButton(), Qt::LeftButton);
    QTRY_VERIFY(page.model()->rowCount() == 2 && !page.isBusy());
    QVERIFY(!page.banner()->isVisible());
}

void TestUsersPage::withoutARunningBridgeNothingIsLookedUp()
{
    m_secrets->setUnavailable(true);
    QVERIFY(startHost(BridgeHost::State::NotConfigured));
    Console::UsersPage page(*m_host);
    QCOMPARE(page.model()->rowCount(), 0);
    QVERIFY(!page.isBusy());
    QVERIFY(!page.reloadButton()->isEnabled());
    QVERIFY(!page.checkButton()->isEnabled());
    QVERIFY2(page.status()->text().contains(u"not running"_s), qPrintable(page.status()->text()));
    QVERIFY(m_slack->requests(u"/api/users.list"_s).isEmpty());
}

QTEST_MAIN(TestUsersPage)
#include "tst_userspage.moc"
