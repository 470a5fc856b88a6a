// TheHive's permissions from Slack, end to end: each analyst's own TheHive profile decides what
// they may do from a card (service mode), or TheHive itself decides as the analyst (header
// mode). Real bridge on loopback; the fake TheHive enforces profiles like the real one
// (403 on TheHive 5, 404 on TheHive 4) and implements header authentication.

#include "bridgeharness.h"
#include "slackpayloads.h"

#include "slack/modals.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace TestSupport;

namespace {

const Person Rita{u"U0RITA"_s, u"rita"_s, u"rita@soc.example"_s}; ///< read-only in TheHive
const Person Nora{u"U0NORA"_s, u"nora"_s, u"nora@soc.example"_s}; ///< may not manage tasks

bool isWrite(const RecordedRequest &r)
{
    return r.method == "PATCH" || (r.method == "POST" && !r.path.endsWith(u"/query"_s));
}

} // namespace

class TestPermissions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase_data();
    void init();
    void cleanup();
    void readOnlyAnalystIsRefusedEveryAction();
    void withoutManageTaskTheCaseChangesButNoTaskIsAdded();
    void serviceModeWritesWithTheKeyAndNamesTheAnalyst();
    void headerModeWritesAsTheAnalystOnly();
    void headerModeRelaysTheHivesOwnRefusal();

private:
    void startWithCase(Bridge::ActAs mode = Bridge::ActAs::Service);
    bool settle();
    bool click(const Person &who, const QString &actionId, const QString &value = {});
    QList<RecordedRequest> hiveWrites() const;
    QString lastEphemeralFor(const Person &who) const;

    std::unique_ptr<BridgeHarness> h;
    QString caseId;
};

void TestPermissions::initTestCase_data()
{
    QTest::addColumn<QString>("version");
    QTest::newRow("TheHive 5") << u"5.2.9"_s;
    QTest::newRow("TheHive 4") << u"4.1.24"_s;
}

void TestPermissions::init()
{
    QFETCH_GLOBAL(QString, version);
    h = std::make_unique<BridgeHarness>(version);
    for (const Person &p : {Alice, Rita, Nora}) {
        h->slack.addUser(p.slackId, p.name, p.email);
    }
    h->hive.addUser(Alice.email, u"Alice"_s, Alice.email, false, u"analyst"_s);
    h->hive.addUser(Rita.email, u"Rita"_s, Rita.email, false, u"read-only"_s);
    h->hive.setProfilePermissions(
        u"no-tasks"_s,
        h->hive.isTheHive4()
            ? QStringList{u"manageCase"_s}
            : QStringList{u"manageCase/update"_s, u"manageCase/reopen"_s, u"manageComment"_s});
    h->hive.addUser(Nora.email, u"Nora"_s, Nora.email, false, u"no-tasks"_s);
}

void TestPermissions::cleanup()
{
    h.reset();
}

void TestPermissions::startWithCase(Bridge::ActAs mode)
{
    h->config.theHiveActAs = mode;
    h->start();
    caseId = h->hive.addCase({{u"title"_s, u"Beaconing from WS-042"_s}, {u"tlp"_s, 1}})
                 .value(u"_id"_s)
                 .toString();
    QCOMPARE(h->postWebhook(h->hive.webhookFor(u"create"_s, caseId)).status, 202);
    QVERIFY(settle());
    QCOMPARE(h->cards().size(), 1);
    h->hive.clearRequests();
}

bool TestPermissions::settle()
{
    for (int round = 0; round < 2; ++round) {
        if (!BridgeHarness::waitFor([this] { return h->journal().counts().pending == 0; }))
            return false;
        QTest::qWait(60);
    }
    return true;
}

bool TestPermissions::click(const Person &who, const QString &actionId, const QString &value)
{
    const FakeSlack::PostedMessage card = h->cards().constFirst();
    const std::optional<Control> control = findControl(card.blocks, actionId);
    if (!control) {
        qWarning() << "no control" << actionId;
        return false;
    }
    QJsonObject action;
    if (actionId == u"hs_assignee"_s)
        action = usersSelectAction(*control, value);
    else if (value.isEmpty())
        action = buttonAction(*control);
    else
        action = selectAction(*control, optionWithValue(control->element, value));
    return h->postInteraction(blockActions(who, card, action)).status == 200 && settle();
}

QList<RecordedRequest> TestPermissions::hiveWrites() const
{
    QList<RecordedRequest> writes;
    for (const RecordedRequest &r : h->hive.requests()) {
        if (isWrite(r))
            writes.append(r);
    }
    return writes;
}

QString TestPermissions::lastEphemeralFor(const Person &who) const
{
    const QList<QJsonObject> all = h->slack.ephemerals();
    for (auto it = all.crbegin(); it != all.crend(); ++it) {
        if (it->value(u"user"_s).toString() == who.slackId)
            return it->value(u"text"_s).toString();
    }
    return {};
}

void TestPermissions::readOnlyAnalystIsRefusedEveryAction()
{
    startWithCase();
    const bool th4 = h->hive.isTheHive4();
    const QString caseRight = th4 ? u"manageCase"_s : u"manageCase/update"_s;
    const QString newStatus = th4 ? u"Open"_s : u"InProgress"_s;
    struct Click
    {
        QString actionId;
        QString value;
        QString needs;
    };
    const QList<Click> clicks = {
        {u"hs_status"_s, newStatus, caseRight},
        {u"hs_severity"_s, u"4"_s, caseRight},
        {u"hs_tlp"_s, u"0"_s, caseRight},
        {u"hs_pap"_s, u"3"_s, caseRight},
        {u"hs_assignee"_s, Alice.slackId, caseRight},
        {u"hs_assign_me"_s, {}, caseRight},
        {u"hs_add_task"_s, {}, u"manageTask"_s},
        {u"hs_close"_s, {}, caseRight},
    };
    const QJsonObject before = h->hive.caseJson(caseId);
    for (const Click &c : clicks) {
        QVERIFY2(click(Rita, c.actionId, c.value), qPrintable(c.actionId));
        const QString told = lastEphemeralFor(Rita);
        QVERIFY2(told.contains(u"read-only"_s) && told.contains(c.needs),
                 qPrintable(c.actionId + u": "_s + told));
    }
    QCOMPARE(h->slack.ephemerals().size(), clicks.size());
    QVERIFY(hiveWrites().isEmpty());
    QVERIFY(h->slack.requests(u"/api/views.open"_s).isEmpty());
    QCOMPARE(h->hive.caseJson(caseId).value(u"severity"_s), before.value(u"severity"_s));
    QCOMPARE(h->cards().constFirst().updates, 0);
    QCOMPARE(h->journal().counts().failed, 0); // refused, not failed: nothing to retry

    // Reopening a case closed in TheHive is refused as well.
    QVERIFY(h->hive.setCaseField(caseId, u"status"_s, th4 ? u"Resolved"_s : u"TruePositive"_s));
    QCOMPARE(h->postWebhook(h->hive.webhookFor(u"update"_s, caseId)).status, 202);
    QVERIFY(settle());
    QVERIFY(click(Rita, u"hs_reopen"_s));
    QVERIFY2(lastEphemeralFor(Rita).contains(th4 ? u"manageCase"_s : u"manageCase/reopen"_s),
             qPrintable(lastEphemeralFor(Rita)));
    QVERIFY(hiveWrites().isEmpty());
}

void TestPermissions::withoutManageTaskTheCaseChangesButNoTaskIsAdded()
{
    startWithCase();
    QVERIFY(click(Nora, u"hs_severity"_s, u"3"_s));
    QCOMPARE(h->hive.caseJson(caseId).value(u"severity"_s).toInt(), 3);
    QVERIFY(lastEphemeralFor(Nora).isEmpty());

    QVERIFY(click(Nora, u"hs_add_task"_s));
    QVERIFY(h->slack.requests(u"/api/views.open"_s).isEmpty()); // no form to fill in vain
    QVERIFY2(lastEphemeralFor(Nora).contains(u"manageTask"_s), qPrintable(lastEphemeralFor(Nora)));

    // A form opened earlier (before her profile changed) is refused when submitted.
    QVERIFY(click(Alice, u"hs_add_task"_s));
    const QList<RecordedRequest> opened = h->slack.requests(u"/api/views.open"_s);
    QCOMPARE(opened.size(), 1);
    const QJsonObject view = opened.constFirst().json().value(u"view"_s).toObject();
    const QJsonObject values = addTaskValues(u"Isolate WS-042"_s, {}, h->hive.isTheHive4());
    QCOMPARE(h->postInteraction(viewSubmission(Nora, view, values)).status, 200);
    QVERIFY(settle());
    QVERIFY(h->hive.tasks(caseId).isEmpty());
    QVERIFY2(lastEphemeralFor(Nora).contains(u"manageTask"_s), qPrintable(lastEphemeralFor(Nora)));
}

void TestPermissions::serviceModeWritesWithTheKeyAndNamesTheAnalyst()
{
    startWithCase();
    QVERIFY(click(Alice, u"hs_pap"_s, u"1"_s));
    const QList<RecordedRequest> writes = hiveWrites();
    QVERIFY(!writes.isEmpty());
    for (const RecordedRequest &w : writes) {
        QCOMPARE(w.header("Authorization"), "Bearer " + h->hive.apiKey().toUtf8());
        QVERIFY(w.header("X-USER").isEmpty());
    }
    QCOMPARE(h->hive.caseJson(caseId).value(u"pap"_s).toInt(), 1);
    if (!h->hive.isTheHive4()) {
        // TheHive's audit names the service account; the case comment names the analyst.
        QVERIFY(BridgeHarness::waitFor([&] { return !h->hive.comments(caseId).isEmpty(); }));
        QVERIFY(h->hive.comments(caseId)
                    .constFirst()
                    .value(u"message"_s)
                    .toString()
                    .contains(Alice.email));
    }
    // The card's thread names the analyst on both versions.
    const QList<FakeSlack::PostedMessage> replies =
        h->threadReplies(h->cards().constFirst().channel, h->cards().constFirst().ts);
    QVERIFY(!replies.isEmpty());
    QVERIFY(replies.constLast().text.contains(u"<@"_s + Alice.slackId + u'>'));
}

void TestPermissions::headerModeWritesAsTheAnalystOnly()
{
    h->config.theHiveUserHeader = u"X-Remote-User"_s;
    h->hive.enableHeaderAuth(u"X-Remote-User"_s);
    startWithCase(Bridge::ActAs::Header);
    QVERIFY(click(Alice, u"hs_severity"_s, u"4"_s));
    QCOMPARE(h->hive.caseJson(caseId).value(u"severity"_s).toInt(), 4);
    const QList<RecordedRequest> writes = hiveWrites();
    QCOMPARE(writes.size(), 1); // the change itself: TheHive audits Alice, no comment needed
    QCOMPARE(writes.constFirst().header("X-Remote-User"), Alice.email.toUtf8());
    QVERIFY(writes.constFirst().header("Authorization").isEmpty());
    QCOMPARE(h->hive.caseJson(caseId).value(u"_updatedBy"_s).toString(), Alice.email);
    // Reads the bridge makes for itself keep the key.
    for (const RecordedRequest &r : h->hive.requests()) {
        if (!isWrite(r))
            QVERIFY(!r.header("Authorization").isEmpty());
    }
    // A read-only analyst is refused by HiveSlack's own check before TheHive is asked.
    QVERIFY(click(Rita, u"hs_severity"_s, u"1"_s));
    QVERIFY(lastEphemeralFor(Rita).contains(u"read-only"_s));
    QCOMPARE(hiveWrites().size(), 1);
}

void TestPermissions::headerModeRelaysTheHivesOwnRefusal()
{
    h->hive.enableHeaderAuth();
    startWithCase(Bridge::ActAs::Header);
    QVERIFY(click(Nora, u"hs_severity"_s, u"3"_s)); // her profile is now cached as allowed
    QCOMPARE(h->hive.caseJson(caseId).value(u"severity"_s).toInt(), 3);
    // Her profile is changed in TheHive within the cache's two minutes: TheHive refuses her.
    QVERIFY(h->hive.setProfile(Nora.email, u"read-only"_s));
    h->hive.clearRequests();
    QVERIFY(click(Nora, u"hs_severity"_s, u"1"_s));
    QCOMPARE(h->hive.caseJson(caseId).value(u"severity"_s).toInt(), 3);
    const QString told = lastEphemeralFor(Nora);
    QVERIFY2(told.contains(u"TheHive refused"_s), qPrintable(told));
    const QList<RecordedRequest> writes = hiveWrites();
    QCOMPARE(writes.size(), 1); // tried once as Nora, never again with the key
    QCOMPARE(writes.constFirst().header("X-USER"), Nora.email.toUtf8());
    QVERIFY(writes.constFirst().header("Authorization").isEmpty());
}

QTEST_MAIN(TestPermissions)
#include "tst_permissions.moc"
