// Slack → TheHive end to end (issue 4): a whole bridge on loopback with the fake TheHive and
// fake Slack, signed interactivity requests built like Slack's, and assertions on what the
// fakes received and on the journal. Every test runs against TheHive 5 and TheHive 4.

#include "bridgeharness.h"
#include "slackpayloads.h"

#include "slack/modals.h"
#include "slack/slacksignature.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QTest>
#include <QTimeZone>

#include <memory>
#include <optional>

using namespace Qt::StringLiterals;
using TestSupport::BridgeHarness;
using TestSupport::FakeSlack;
using TestSupport::RecordedRequest;
using namespace TestSupport;

namespace {

using Headers = QList<QPair<QByteArray, QByteArray>>;

/// An HTTP answer with the header a view_submission ack depends on.
struct Answer
{
    int status = 0;
    QByteArray body;
    QByteArray contentType;
};

QList<int> countsOf(const Bridge::Counts &c)
{
    return {c.pending, c.delivered, c.failed, c.ignored, c.discarded};
}

QJsonObject jsonOf(const QByteArray &bytes)
{
    return QJsonDocument::fromJson(bytes).object();
}

/// The `view` a views.open request carried (a JSON body, or a form field holding JSON).
QJsonObject viewArgument(const RecordedRequest &request)
{
    const QJsonValue view = request.json().value(u"view"_s);
    if (view.isObject())
        return view.toObject();
    const QString text = view.isString() ? view.toString() : request.formValue(u"view"_s);
    return jsonOf(text.toUtf8());
}

QString triggerArgument(const RecordedRequest &request)
{
    const QString fromJson = request.json().value(u"trigger_id"_s).toString();
    return fromJson.isEmpty() ? request.formValue(u"trigger_id"_s) : fromJson;
}

/// A bridge with alice and bob known to both fakes, carol known to Slack only, and one open
/// case whose card is posted.
class Scene
{
public:
    explicit Scene(const QString &version)
        : h(version)
    {
    }

    BridgeHarness h;
    QString caseId;

    bool isTheHive4() const { return h.hive.isTheHive4(); }
    QString casePath() const
    {
        return (isTheHive4() ? u"/api/case/"_s : u"/api/v1/case/"_s) + caseId;
    }

    /// Sets the scene up; false (with a warning saying why) when it could not.
    bool open(const QJsonObject &overrides = {})
    {
        for (const Person &p : {Alice, Bob, Carol})
            h.slack.addUser(p.slackId, p.name, p.email);
        h.hive.addUser(Alice.email, u"Alice Martin"_s, Alice.email);
        h.hive.addUser(Bob.email, u"Bob Chen"_s, Bob.email);
        h.start();
        QJsonObject fields{{u"title"_s, u"Suspicious PowerShell on WS-042"_s},
                           {u"description"_s, u"Encoded command spawned by winword.exe"_s},
                           {u"severity"_s, 2},
                           {u"tlp"_s, 2},
                           {u"pap"_s, 2},
                           {u"tags"_s, QJsonArray{u"phishing"_s, u"edr"_s}}};
        for (auto it = overrides.begin(); it != overrides.end(); ++it)
            fields.insert(it.key(), it.value());
        caseId = h.hive.addCase(fields).value(u"_id"_s).toString();
        const TestSupport::HttpAnswer answer =
            h.postWebhook(h.hive.webhookFor(u"create"_s, caseId));
        if (answer.status / 100 != 2) {
            qWarning() << "create webhook answered" << answer.status << answer.body;
            return false;
        }
        if (!BridgeHarness::waitFor([this] { return h.cards().size() == 1; })) {
            qWarning() << "no card was posted; journal counts" << countsOf(h.journal().counts());
            return false;
        }
        if (!settle() || h.journal().cards(caseId).isEmpty()) {
            qWarning() << "the card was not recorded in the journal";
            return false;
        }
        return true;
    }

    /// Waits until the journal holds nothing pending.
    bool settle(int timeoutMs = 5000)
    {
        return BridgeHarness::waitFor([this] { return h.journal().counts().pending == 0; },
                                      timeoutMs);
    }

    FakeSlack::PostedMessage card() const { return h.cards().value(0); }

    /// Alice clicks "Add task" on the card; true once the form is open and the click settled.
    bool openAddTaskForm()
    {
        const std::optional<Control> addTask = findControl(card().blocks, u"hs_add_task"_s);
        return addTask &&
               h.postInteraction(blockActions(Alice, card(), buttonAction(*addTask))).status ==
                   200 &&
               BridgeHarness::waitFor([this] { return h.slack.openedViews().size() == 1; }) &&
               settle();
    }

    QList<RecordedRequest> patches() const
    {
        QList<RecordedRequest> out;
        for (const RecordedRequest &r : h.hive.requests(casePath())) {
            if (r.method == "PATCH")
                out.append(r);
        }
        return out;
    }

    /// Every request that could change something in TheHive.
    QList<RecordedRequest> writes() const
    {
        QList<RecordedRequest> out;
        for (const RecordedRequest &r : h.hive.requests()) {
            if (r.method != "GET" && r.path != u"/api/v1/query")
                out.append(r);
        }
        return out;
    }

    /// Posts a signed click and checks Slack gets its empty 200.
    bool click(const Person &who, const QJsonObject &action)
    {
        const TestSupport::HttpAnswer answer = h.postInteraction(blockActions(who, card(), action));
        if (answer.status != 200 || !answer.body.isEmpty()) {
            qWarning() << "click answered" << answer.status << answer.body;
            return false;
        }
        return true;
    }

    Bridge::JournalEvent newestEvent()
    {
        Bridge::EventFilter filter;
        filter.limit = 1;
        return h.journal().events(filter).value(0);
    }

    QList<FakeSlack::PostedMessage> replies() const
    {
        return h.threadReplies(card().channel, card().ts);
    }
};

} // namespace

class TstSlackToHive final : public QObject
{
    Q_OBJECT

private:
    QNetworkAccessManager m_network;

    Answer send(Scene &s, const QByteArray &body, const Headers &headers);
    Answer sendSigned(Scene &s, const QJsonObject &payload);
    static Headers signedHeaders(const QByteArray &body, qint64 timestamp,
                                 const QByteArray &secret = BridgeHarness::SigningSecret);

private Q_SLOTS:
    void initTestCase_data();

    void severityCriticalChangesCaseAndCard();
    void unauthenticatedRequestsAreRefused_data();
    void unauthenticatedRequestsAreRefused();
    void sslCheckIsAnsweredAndNotJournaled();
    void selectChangesOnlyThatField_data();
    void selectChangesOnlyThatField();
    void closingStatusOpensCloseModal();
    void assign_data();
    void assign();
    void addTaskFlow();
    void aLostAnswerNeverGivesASecondTask();
    void aTaskCreatedJustBeforeARestartIsNotCreatedAgain();
    void invalidSubmissionsAreRefused_data();
    void invalidSubmissionsAreRefused();
    void closeFlow();
    void reopenClosedCase();
    void hiveRefusalReachesTheUser();
    void unlinkedUserIsTold();
    void allowListNarrowsWhoMayAct();
    void foreignActionsAreIgnored_data();
    void foreignActionsAreIgnored();
    void concurrentChangesBothLand();
};

Answer TstSlackToHive::send(Scene &s, const QByteArray &body, const Headers &headers)
{
    QNetworkRequest request(s.h.url(u"/slack/interactions"_s));
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    std::unique_ptr<QNetworkReply> reply(m_network.post(request, body));
    BridgeHarness::waitFor([&reply] { return reply->isFinished(); }, 10000);
    return {reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll(),
            reply->rawHeader("Content-Type")};
}

Headers TstSlackToHive::signedHeaders(const QByteArray &body, qint64 timestamp,
                                      const QByteArray &secret)
{
    const QByteArray ts = QByteArray::number(timestamp);
    return {{"Content-Type", "application/x-www-form-urlencoded"},
            {"X-Slack-Request-Timestamp", ts},
            {"X-Slack-Signature", Bridge::computeSlackSignature(secret, ts, body)}};
}

Answer TstSlackToHive::sendSigned(Scene &s, const QJsonObject &payload)
{
    const QByteArray body = BridgeHarness::formBody(payload);
    return send(s, body, signedHeaders(body, QDateTime::currentSecsSinceEpoch()));
}

void TstSlackToHive::initTestCase_data()
{
    QTest::addColumn<QString>("version");
    QTest::newRow("TheHive 5") << u"5.2.9"_s;
    QTest::newRow("TheHive 4") << u"4.1.24"_s;
}

void TstSlackToHive::severityCriticalChangesCaseAndCard()
{
    QFETCH_GLOBAL(QString, version);
    Scene s(version);
    QVERIFY(s.open());
    const FakeSlack::PostedMessage before = s.card();
    const std::optional<Control> severity = findControl(before.blocks, u"hs_severity"_s);
    QVERIFY(severity);
    const QJsonObject critical = optionWithValue(severity->element, u"4"_s);
    QVERIFY2(critical[u"text"_s][u"text"_s].toString().endsWith(u"Critical"),
             qPrintable(critical[u"text"_s][u"text"_s].toString()));

    // A slow TheHive must not delay the ack: Slack gives up after 3 s.
    s.h.hive.delayNext(s.casePath(), 1500);
    QElapsedTimer timer;
    timer.start();
    const TestSupport::HttpAnswer ack =
        s.h.postInteraction(blockActions(Alice, before, selectAction(*severity, critical)));
    const qint64 ackMs = timer.elapsed();
    QCOMPARE(ack.status, 200);
    QCOMPARE(ack.body, QByteArray());
    QVERIFY2(ackMs < 1000, qPrintable(u"ack took %1 ms"_s.arg(ackMs)));

    QVERIFY(BridgeHarness::waitFor([&] { return s.card().updates > before.updates; }));
    QVERIFY(s.settle());
    const QList<RecordedRequest> patches = s.patches();
    QCOMPARE(patches.size(), 1);
    QCOMPARE(patches.first().json(), QJsonObject({{u"severity"_s, 4}}));
    QCOMPARE(patches.first().body, QByteArray(R"({"severity":4})"));
    QCOMPARE(s.h.hive.caseJson(s.caseId).value(u"severity"_s).toInt(), 4);

    // The same card (same ts, not a new message) now shows Critical.
    QCOMPARE(s.h.cards().size(), 1);
    const FakeSlack::PostedMessage after = s.card();
    QCOMPARE(after.ts, before.ts);
    QCOMPARE(shownValue(after.blocks, u"hs_severity"_s), u"4"_s);
    QVERIFY2(factsOf(after.blocks).contains(u"*Severity*\n:red_circle: Critical"),
             qPrintable(factsOf(after.blocks)));

    // The thread says who changed what.
    QVERIFY(BridgeHarness::waitFor([&] { return !s.replies().isEmpty(); }));
    const QString note = s.replies().constLast().text;
    QVERIFY2(note.contains(u"<@U0ALICE>") && note.contains(u"Critical"), qPrintable(note));

    // The click and the card refresh it journaled were both delivered.
    const Bridge::Counts counts = s.h.journal().counts();
    QCOMPARE(counts.failed, 0);
    QCOMPARE(counts.delivered, 3); // card creation, the click, the refresh

    if (s.isTheHive4()) {
        QVERIFY(s.h.hive.requests(s.casePath() + u"/comment"_s).isEmpty());
    } else {
        QVERIFY(BridgeHarness::waitFor([&] { return !s.h.hive.comments(s.caseId).isEmpty(); }));
        const QString comment =
            s.h.hive.comments(s.caseId).constFirst().value(u"message"_s).toString();
        QVERIFY2(comment.contains(u"Critical") && comment.contains(Alice.email),
                 qPrintable(comment));
    }

    // The first redraw counts the tasks; a later change that is not about tasks keeps the
    // count without asking TheHive again.
    QVERIFY(factsOf(after.blocks).contains(u"*Tasks*\n0"));
    const qsizetype queries = s.h.hive.requests(u"/api/v1/query"_s).size();
    const std::optional<Control> again = findControl(after.blocks, u"hs_severity"_s);
    QVERIFY(again);
    QVERIFY(s.click(Alice, selectAction(*again, optionWithValue(again->element, u"3"_s))));
    QVERIFY(BridgeHarness::waitFor([&] { return s.card().updates > after.updates; }));
    QVERIFY(s.settle());
    QVERIFY(factsOf(s.card().blocks).contains(u"*Tasks*\n0"));
    QCOMPARE(s.h.hive.requests(u"/api/v1/query"_s).size(), queries);
}

enum class Tamper { Unsigned, WrongSecret, AlteredByte, StaleTimestamp };

void TstSlackToHive::unauthenticatedRequestsAreRefused_data()
{
    QTest::addColumn<int>("tamper");
    QTest::newRow("unsigned") << int(Tamper::Unsigned);
    QTest::newRow("wrong signature") << int(Tamper::WrongSecret);
    QTest::newRow("body altered by one byte") << int(Tamper::AlteredByte);
    QTest::newRow("timestamp 301 s old") << int(Tamper::StaleTimestamp);
}

void TstSlackToHive::unauthenticatedRequestsAreRefused()
{
    QFETCH_GLOBAL(QString, version);
    QFETCH(int, tamper);
    Scene s(version);
    QVERIFY(s.open());
    const std::optional<Control> severity = findControl(s.card().blocks, u"hs_severity"_s);
    QVERIFY(severity);
    const QByteArray body = BridgeHarness::formBody(blockActions(
        Alice, s.card(), selectAction(*severity, optionWithValue(severity->element, u"4"_s))));
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const QList<int> countsBefore = countsOf(s.h.journal().counts());

    Answer answer;
    switch (Tamper(tamper)) {
    case Tamper::Unsigned:
        answer = send(s, body, {{"Content-Type", "application/x-www-form-urlencoded"}});
        break;
    case Tamper::WrongSecret:
        answer = send(s, body, signedHeaders(body, now, "not-the-signing-secret"));
        break;
    case Tamper::AlteredByte: {
        // Sign the real body, then change the chosen severity 4 → 3 (one byte).
        const qsizetype selected = body.indexOf("%22selected_option%22");
        const QByteArray valueKey = "%22value%22%3A%22";
        const qsizetype digit = body.indexOf(valueKey, selected) + valueKey.size();
        QVERIFY(selected > 0 && digit > selected);
        QCOMPARE(body.at(digit), '4');
        QByteArray altered = body;
        altered[digit] = '3';
        answer = send(s, altered, signedHeaders(body, now));
        break;
    }
    case Tamper::StaleTimestamp:
        answer = send(s, body, signedHeaders(body, now - 301));
        break;
    }
    QCOMPARE(answer.status, 401);

    QTest::qWait(300); // anything wrongly accepted would be dispatched by now
    QVERIFY(s.patches().isEmpty());
    QCOMPARE(countsOf(s.h.journal().counts()), countsBefore);
    QCOMPARE(s.card().updates, 0);
}

void TstSlackToHive::sslCheckIsAnsweredAndNotJournaled()
{
    QFETCH_GLOBAL(QString, version);
    Scene s(version);
    QVERIFY(s.open());
    const QList<int> countsBefore = countsOf(s.h.journal().counts());
    const qsizetype hiveRequests = s.h.hive.requests().size();
    const Answer answer = send(s, "ssl_check=1&token=legacy-verification-token",
                               {{"Content-Type", "application/x-www-form-urlencoded"}});
    QCOMPARE(answer.status, 200);
    QTest::qWait(200);
    QCOMPARE(countsOf(s.h.journal().counts()), countsBefore);
    QCOMPARE(s.h.hive.requests().size(), hiveRequests);
}

void TstSlackToHive::selectChangesOnlyThatField_data()
{
    QTest::addColumn<QString>("actionId");
    QTest::addColumn<QString>("value5"); // TheHive 5 option value
    QTest::addColumn<QString>("value4"); // TheHive 4 option value
    QTest::addColumn<QString>("field");
    QTest::addColumn<bool>("numeric");
    QTest::addColumn<QString>("fact5"); // what the facts section then shows
    QTest::addColumn<QString>("fact4");

    QTest::newRow("severity") << u"hs_severity"_s << u"4"_s << u"4"_s << u"severity"_s << true
                              << u"*Severity*\n:red_circle: Critical"_s
                              << u"*Severity*\n:red_circle: Critical"_s;
    QTest::newRow("TLP") << u"hs_tlp"_s << u"1"_s << u"1"_s << u"tlp"_s << true
                         << u"*TLP*\n:large_green_circle: TLP:GREEN"_s
                         << u"*TLP*\n:large_green_circle: TLP:GREEN"_s;
    QTest::newRow("PAP") << u"hs_pap"_s << u"3"_s << u"3"_s << u"pap"_s << true
                         << u"*PAP*\n:red_circle: PAP:RED"_s << u"*PAP*\n:red_circle: PAP:RED"_s;
    QTest::newRow("status, not closing")
        << u"hs_status"_s << u"InProgress"_s << u"Open"_s << u"status"_s << false
        << u"*Status*\n:hourglass_flowing_sand: In progress"_s
        << u"*Status*\n:large_blue_circle: Open"_s;
}

void TstSlackToHive::selectChangesOnlyThatField()
{
    QFETCH_GLOBAL(QString, version);
    QFETCH(QString, actionId);
    QFETCH(QString, value5);
    QFETCH(QString, value4);
    QFETCH(QString, field);
    QFETCH(bool, numeric);
    QFETCH(QString, fact5);
    QFETCH(QString, fact4);
    Scene s(version);
    QVERIFY(s.open());
    const QString value = s.isTheHive4() ? value4 : value5;
    const FakeSlack::PostedMessage before = s.card();
    const std::optional<Control> select = findControl(before.blocks, actionId);
    QVERIFY(select);
    const QJsonObject option = optionWithValue(select->element, value);
    QVERIFY2(!option.isEmpty(), qPrintable(u"no option "_s + value));

    QVERIFY(s.click(Alice, selectAction(*select, option)));
    QVERIFY(BridgeHarness::waitFor([&] { return s.card().updates > before.updates; }));
    QVERIFY(s.settle());

    const QList<RecordedRequest> patches = s.patches();
    QCOMPARE(patches.size(), 1);
    const QJsonValue expected = numeric ? QJsonValue(value.toInt()) : QJsonValue(value);
    QCOMPARE(patches.first().json(), QJsonObject({{field, expected}}));
    const QJsonValue stored = s.h.hive.caseJson(s.caseId).value(field);
    QCOMPARE(stored, expected);

    const FakeSlack::PostedMessage after = s.card();
    QCOMPARE(after.ts, before.ts);
    QCOMPARE(s.h.cards().size(), 1);
    QCOMPARE(shownValue(after.blocks, actionId), value);
    const QString facts = factsOf(after.blocks);
    QVERIFY2(facts.contains(s.isTheHive4() ? fact4 : fact5), qPrintable(facts));
}

void TstSlackToHive::closingStatusOpensCloseModal()
{
    QFETCH_GLOBAL(QString, version);
    Scene s(version);
    QVERIFY(s.open());
    const std::optional<Control> status = findControl(s.card().blocks, u"hs_status"_s);
    QVERIFY(status);
    const QString closing = s.isTheHive4() ? u"Resolved"_s : u"FalsePositive"_s;
    const QJsonObject option = optionWithValue(status->element, closing);
    QVERIFY(!option.isEmpty());
    const QJsonObject payload = blockActions(Alice, s.card(), selectAction(*status, option));

    QCOMPARE(s.h.postInteraction(payload).status, 200);
    QVERIFY(BridgeHarness::waitFor(
        [&] { return !s.h.slack.requests(u"/api/views.open"_s).isEmpty(); }));
    QVERIFY(s.settle());
    const RecordedRequest open = s.h.slack.requests(u"/api/views.open"_s).constFirst();
    QCOMPARE(triggerArgument(open), payload[u"trigger_id"_s].toString());
    const QJsonObject view = viewArgument(open);
    QCOMPARE(view[u"callback_id"_s].toString(), u"hs_close_case"_s);
    QCOMPARE(jsonOf(view[u"private_metadata"_s].toString().toUtf8())[u"case"_s].toString(),
             s.caseId);
    QVERIFY(s.patches().isEmpty());
    QCOMPARE(s.h.hive.caseJson(s.caseId).value(u"status"_s).toString(),
             s.isTheHive4() ? u"Open"_s : u"New"_s);
}

void TstSlackToHive::assign_data()
{
    QTest::addColumn<QString>("actionId");
    QTest::addColumn<QString>("picked"); // users_select choice, empty for the button
    QTest::addColumn<QString>("login");
    QTest::addColumn<QString>("slackId");

    QTest::newRow("assign to me") << u"hs_assign_me"_s << QString() << Alice.email << Alice.slackId;
    QTest::newRow("assignee select") << u"hs_assignee"_s << Bob.slackId << Bob.email << Bob.slackId;
}

void TstSlackToHive::assign()
{
    QFETCH_GLOBAL(QString, version);
    QFETCH(QString, actionId);
    QFETCH(QString, picked);
    QFETCH(QString, login);
    QFETCH(QString, slackId);
    Scene s(version);
    QVERIFY(s.open());
    const FakeSlack::PostedMessage before = s.card();
    const std::optional<Control> control = findControl(before.blocks, actionId);
    QVERIFY(control);
    QVERIFY(s.click(Alice, picked.isEmpty() ? buttonAction(*control)
                                            : usersSelectAction(*control, picked)));
    QVERIFY(BridgeHarness::waitFor([&] { return s.card().updates > before.updates; }));
    QVERIFY(s.settle());

    const QList<RecordedRequest> patches = s.patches();
    QCOMPARE(patches.size(), 1);
    const QString key = s.isTheHive4() ? u"owner"_s : u"assignee"_s;
    QCOMPARE(patches.first().json(), QJsonObject({{key, login}}));
    QCOMPARE(s.h.hive.caseJson(s.caseId).value(u"assignee"_s).toString(), login);

    const FakeSlack::PostedMessage after = s.card();
    QCOMPARE(shownValue(after.blocks, u"hs_assignee"_s), slackId);
    QVERIFY2(factsOf(after.blocks).contains(u"*Assignee*\n<@"_s + slackId + u'>'),
             qPrintable(factsOf(after.blocks)));
}

void TstSlackToHive::addTaskFlow()
{
    QFETCH_GLOBAL(QString, version);
    Scene s(version);
    QVERIFY(s.open());
    const std::optional<Control> addTask = findControl(s.card().blocks, u"hs_add_task"_s);
    QVERIFY(addTask);
    const QJsonObject click = blockActions(Alice, s.card(), buttonAction(*addTask));
    QCOMPARE(s.h.postInteraction(click).status, 200);
    QVERIFY(BridgeHarness::waitFor([&] { return s.h.slack.openedViews().size() == 1; }));
    QVERIFY(s.settle());

    const RecordedRequest open = s.h.slack.requests(u"/api/views.open"_s).constFirst();
    QCOMPARE(triggerArgument(open), click[u"trigger_id"_s].toString());
    const QJsonObject opened = s.h.slack.openedViews().constFirst();
    QCOMPARE(opened[u"callback_id"_s].toString(), u"hs_add_task"_s);
    QCOMPARE(jsonOf(opened[u"private_metadata"_s].toString().toUtf8())[u"case"_s].toString(),
             s.caseId);
    QVERIFY(s.writes().isEmpty());

    const FakeSlack::PostedMessage before = s.card();
    const QString title = u"Collect EDR triage package"_s;
    const QDate due = QDate::currentDate().addDays(7);
    const Answer ack = sendSigned(
        s, viewSubmission(Alice, opened,
                          addTaskValues(title, due.toString(Qt::ISODate), s.isTheHive4())));
    QCOMPARE(ack.status, 200);
    QCOMPARE(ack.body, QByteArray());

    QVERIFY(BridgeHarness::waitFor([&] { return s.h.hive.tasks(s.caseId).size() == 1; }));
    QVERIFY(s.settle());
    const QList<RecordedRequest> posts = s.h.hive.requests(s.casePath() + u"/task"_s);
    QCOMPARE(posts.size(), 1);
    QCOMPARE(posts.first().method, QByteArray("POST"));
    const qint64 midnightUtc = QDateTime(due, QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch();
    const QJsonObject body = posts.first().json();
    QCOMPARE(body.value(s.isTheHive4() ? u"owner"_s : u"assignee"_s).toString(), Bob.email);
    QCOMPARE(body.value(u"title"_s).toString(), title);
    QCOMPARE(body.value(u"dueDate"_s).toInteger(), midnightUtc);

    const QJsonObject task = s.h.hive.tasks(s.caseId).constFirst();
    QCOMPARE(task.value(u"title"_s).toString(), title);
    QCOMPARE(task.value(u"assignee"_s).toString(), Bob.email); // not the submitter
    QCOMPARE(task.value(u"dueDate"_s).toInteger(), midnightUtc);
    QVERIFY(s.patches().isEmpty());

    QVERIFY(BridgeHarness::waitFor([&] {
        for (const FakeSlack::PostedMessage &m : s.replies()) {
            if (m.text.contains(title))
                return true;
        }
        return false;
    }));
    // The card is redrawn with the new task count.
    QVERIFY(BridgeHarness::waitFor([&] { return s.card().updates > before.updates; }));
    QVERIFY2(factsOf(s.card().blocks).contains(u"*Tasks*\n1"),
             qPrintable(factsOf(s.card().blocks)));
}

void TstSlackToHive::aLostAnswerNeverGivesASecondTask()
{
    QFETCH_GLOBAL(QString, version);
    Scene s(version);
    QVERIFY(s.open());
    QVERIFY(s.openAddTaskForm());

    // TheHive creates the task, but its answer is lost on the way (a gateway's 504): the
    // bridge cannot know, and retries.
    const QString taskPath = s.casePath() + u"/task"_s;
    s.h.hive.loseAnswerNext(taskPath, 504);
    const QString title = u"Pull proxy logs"_s;
    QCOMPARE(sendSigned(s, viewSubmission(Alice, s.h.slack.openedViews().constFirst(),
                                          addTaskValues(title, {}, s.isTheHive4())))
                 .status,
             200);
    QVERIFY(BridgeHarness::waitFor([&] {
        const QList<Bridge::JournalEvent> submissions =
            s.h.journal().events({.states = {}, .text = u"view_submission"_s});
        return !submissions.isEmpty() && submissions.first().state == u"delivered";
    }));
    QVERIFY(s.settle());
    // The retry looked for the task, found it, and did not create it again.
    QCOMPARE(s.h.hive.requests(taskPath).size(), 1);
    QCOMPARE(s.h.hive.tasks(s.caseId).size(), 1);
    QCOMPARE(s.h.journal().events({.states = {}, .text = u"view_submission"_s}).first().attempts,
             1);
    // Said once in the thread, like any task added from Slack.
    QVERIFY(BridgeHarness::waitFor([&] {
        const QList<FakeSlack::PostedMessage> replies = s.replies();
        return std::count_if(
                   replies.begin(), replies.end(),
                   [&](const FakeSlack::PostedMessage &m) { return m.text.contains(title); }) == 1;
    }));
}

void TstSlackToHive::aTaskCreatedJustBeforeARestartIsNotCreatedAgain()
{
    QFETCH_GLOBAL(QString, version);
    Scene s(version);
    QVERIFY(s.open());
    QVERIFY(s.openAddTaskForm());

    // TheHive creates the task at once; the bridge stops before its answer comes, so the
    // submission is still pending, never attempted as far as the journal knows.
    const QString taskPath = s.casePath() + u"/task"_s;
    s.h.hive.delayNext(taskPath, 30'000);
    QCOMPARE(sendSigned(s, viewSubmission(Alice, s.h.slack.openedViews().constFirst(),
                                          addTaskValues(u"Image the disk"_s, {}, s.isTheHive4())))
                 .status,
             200);
    QVERIFY(BridgeHarness::waitFor([&] { return s.h.hive.tasks(s.caseId).size() == 1; }));
    s.h.stop();
    s.h.start();
    QVERIFY(s.settle());
    const Bridge::JournalEvent submission =
        s.h.journal().events({.states = {}, .text = u"view_submission"_s}).first();
    QCOMPARE(submission.state, u"delivered"_s);
    QCOMPARE(submission.attempts, 0);
    QCOMPARE(s.h.hive.requests(taskPath).size(), 1);
    QCOMPARE(s.h.hive.tasks(s.caseId).size(), 1);
}

void TstSlackToHive::invalidSubmissionsAreRefused_data()
{
    QTest::addColumn<QString>("button"); // which modal: hs_add_task or hs_close
    QTest::addColumn<QString>("title");
    QTest::addColumn<int>("dueInDays");
    QTest::addColumn<QString>("summary");
    QTest::addColumn<QString>("errorKey");

    QTest::newRow("empty title") << u"hs_add_task"_s << u"   "_s << 3 << QString()
                                 << QString(Bridge::ModalIds::TaskTitle);
    QTest::newRow("title of 129 chars") << u"hs_add_task"_s << QString(129, u'x') << 3 << QString()
                                        << QString(Bridge::ModalIds::TaskTitle);
    QTest::newRow("due date in the past") << u"hs_add_task"_s << u"Isolate WS-042"_s << -2
                                          << QString() << QString(Bridge::ModalIds::TaskDue);
    QTest::newRow("close without summary")
        << u"hs_close"_s << QString() << 0 << u"  "_s << QString(Bridge::ModalIds::Summary);
}

void TstSlackToHive::invalidSubmissionsAreRefused()
{
    QFETCH_GLOBAL(QString, version);
    QFETCH(QString, button);
    QFETCH(QString, title);
    QFETCH(int, dueInDays);
    QFETCH(QString, summary);
    QFETCH(QString, errorKey);
    Scene s(version);
    QVERIFY(s.open());
    const std::optional<Control> control = findControl(s.card().blocks, button);
    QVERIFY(control);
    QVERIFY(s.click(Alice, buttonAction(*control)));
    QVERIFY(BridgeHarness::waitFor([&] { return s.h.slack.openedViews().size() == 1; }));
    QVERIFY(s.settle());
    const QList<RecordedRequest> writesBefore = s.writes();
    const qsizetype hiveRequestsBefore = s.h.hive.requests().size();

    const QJsonObject values =
        button == u"hs_close"
            ? closeValues(summary)
            : addTaskValues(title, QDate::currentDate().addDays(dueInDays).toString(Qt::ISODate),
                            s.isTheHive4());
    const Answer ack =
        sendSigned(s, viewSubmission(Alice, s.h.slack.openedViews().constFirst(), values));
    QCOMPARE(ack.status, 200);
    QVERIFY2(ack.contentType.startsWith("application/json"), ack.contentType.constData());
    const QJsonObject json = jsonOf(ack.body);
    QCOMPARE(json.value(u"response_action"_s).toString(), u"errors"_s);
    const QJsonObject errors = json.value(u"errors"_s).toObject();
    QCOMPARE(errors.keys(), QStringList{errorKey});
    QVERIFY(!errors.value(errorKey).toString().isEmpty());

    QTest::qWait(300);
    QCOMPARE(s.h.hive.requests().size(), hiveRequestsBefore);
    QCOMPARE(s.writes().size(), writesBefore.size());
    QVERIFY(s.h.hive.tasks(s.caseId).isEmpty());
    const Bridge::JournalEvent event = s.newestEvent();
    QCOMPARE(event.kind, u"slack.view_submission"_s);
    QCOMPARE(event.state, QString(Bridge::EventState::Ignored));
}

void TstSlackToHive::closeFlow()
{
    QFETCH_GLOBAL(QString, version);
    Scene s(version);
    QVERIFY(s.open());
    const std::optional<Control> close = findControl(s.card().blocks, u"hs_close"_s);
    QVERIFY(close);
    QVERIFY(!findControl(s.card().blocks, u"hs_reopen"_s));
    QVERIFY(s.click(Alice, buttonAction(*close)));
    QVERIFY(BridgeHarness::waitFor([&] { return s.h.slack.openedViews().size() == 1; }));
    QVERIFY(s.settle());
    const QJsonObject opened = s.h.slack.openedViews().constFirst();
    QCOMPARE(opened[u"callback_id"_s].toString(), u"hs_close_case"_s);
    QVERIFY(s.patches().isEmpty());

    const FakeSlack::PostedMessage before = s.card();
    const QString summary = u"Red-team phishing exercise; no user credentials were entered."_s;
    const Answer ack = sendSigned(s, viewSubmission(Alice, opened, closeValues(summary)));
    QCOMPARE(ack.status, 200);
    QCOMPARE(ack.body, QByteArray());
    QVERIFY(BridgeHarness::waitFor([&] { return s.card().updates > before.updates; }));
    QVERIFY(s.settle());

    const QList<RecordedRequest> patches = s.patches();
    QCOMPARE(patches.size(), 1);
    const QJsonObject expected = s.isTheHive4()
                                     ? QJsonObject{{u"status"_s, u"Resolved"_s},
                                                   {u"resolutionStatus"_s, u"FalsePositive"_s},
                                                   {u"impactStatus"_s, u"NoImpact"_s},
                                                   {u"summary"_s, summary}}
                                     : QJsonObject{{u"status"_s, u"FalsePositive"_s},
                                                   {u"impactStatus"_s, u"NoImpact"_s},
                                                   {u"summary"_s, summary}};
    QCOMPARE(patches.first().json(), expected);

    const FakeSlack::PostedMessage after = s.card();
    QCOMPARE(after.ts, before.ts);
    QVERIFY(findControl(after.blocks, u"hs_reopen"_s));
    QVERIFY(!findControl(after.blocks, u"hs_close"_s));
    QVERIFY(!findControl(after.blocks, u"hs_status"_s));
    const QString rendered = QString::fromUtf8(QJsonDocument(after.blocks).toJson());
    QVERIFY2(rendered.contains(u"False positive") && rendered.contains(summary),
             qPrintable(rendered));
}

void TstSlackToHive::reopenClosedCase()
{
    QFETCH_GLOBAL(QString, version);
    Scene s(version);
    const bool th4 = version.startsWith(u'4');
    QJsonObject closed{{u"status"_s, th4 ? u"Resolved"_s : u"TruePositive"_s},
                       {u"impactStatus"_s, u"WithImpact"_s},
                       {u"summary"_s, u"Contained."_s}};
    if (th4)
        closed.insert(u"resolutionStatus"_s, u"TruePositive"_s);
    QVERIFY(s.open(closed));
    const FakeSlack::PostedMessage before = s.card();
    QVERIFY(!findControl(before.blocks, u"hs_close"_s));
    const std::optional<Control> reopen = findControl(before.blocks, u"hs_reopen"_s);
    QVERIFY(reopen);

    QVERIFY(s.click(Alice, buttonAction(*reopen)));
    QVERIFY(BridgeHarness::waitFor([&] { return s.card().updates > before.updates; }));
    QVERIFY(s.settle());
    const QList<RecordedRequest> patches = s.patches();
    QCOMPARE(patches.size(), 1);
    QCOMPARE(patches.first().json(),
             QJsonObject({{u"status"_s, th4 ? u"Open"_s : u"InProgress"_s}}));
    QVERIFY(findControl(s.card().blocks, u"hs_close"_s));
    QVERIFY(!findControl(s.card().blocks, u"hs_reopen"_s));
}

void TstSlackToHive::hiveRefusalReachesTheUser()
{
    QFETCH_GLOBAL(QString, version);
    Scene s(version);
    QVERIFY(s.open());
    const FakeSlack::PostedMessage before = s.card();
    const std::optional<Control> severity = findControl(before.blocks, u"hs_severity"_s);
    QVERIFY(severity);
    // Alice may change cases, but the bridge's own account may not: TheHive itself refuses
    // (403 on TheHive 5, "Case not found" on TheHive 4).
    s.h.hive.setApiUserProfile(u"read-only"_s);
    const QString reason = s.h.hive.isTheHive4() ? u"Case not found"_s : u"Your profile"_s;

    QVERIFY(s.click(Alice, selectAction(*severity, optionWithValue(severity->element, u"4"_s))));
    QVERIFY(BridgeHarness::waitFor([&] { return !s.h.slack.ephemerals().isEmpty(); }));
    QVERIFY(s.settle());
    QTest::qWait(200);

    const QJsonObject ephemeral = s.h.slack.ephemerals().constFirst();
    QCOMPARE(ephemeral.value(u"user"_s).toString(), Alice.slackId);
    QCOMPARE(ephemeral.value(u"channel"_s).toString(), before.channel);
    QVERIFY2(ephemeral.value(u"text"_s).toString().contains(reason),
             qPrintable(ephemeral.value(u"text"_s).toString()));
    QCOMPARE(s.h.slack.ephemerals().size(), 1);

    QCOMPARE(s.patches().size(), 1); // tried once, refused: a 403 is not retried
    QCOMPARE(s.h.hive.caseJson(s.caseId).value(u"severity"_s).toInt(), 2);
    QCOMPARE(s.card().updates, before.updates);
    QVERIFY(s.replies().isEmpty());
    QCOMPARE(s.h.journal().counts().failed, 1);
}

void TstSlackToHive::unlinkedUserIsTold()
{
    QFETCH_GLOBAL(QString, version);
    Scene s(version);
    QVERIFY(s.open());
    const FakeSlack::PostedMessage before = s.card();
    const std::optional<Control> severity = findControl(before.blocks, u"hs_severity"_s);
    QVERIFY(severity);

    QVERIFY(s.click(Carol, selectAction(*severity, optionWithValue(severity->element, u"4"_s))));
    QVERIFY(BridgeHarness::waitFor([&] { return !s.h.slack.ephemerals().isEmpty(); }));
    QVERIFY(s.settle());
    const QJsonObject ephemeral = s.h.slack.ephemerals().constFirst();
    QCOMPARE(ephemeral.value(u"user"_s).toString(), Carol.slackId);
    QVERIFY2(ephemeral.value(u"text"_s).toString().contains(u"not linked"),
             qPrintable(ephemeral.value(u"text"_s).toString()));
    QVERIFY(s.patches().isEmpty());
    QVERIFY(s.writes().isEmpty());
    QCOMPARE(s.card().updates, before.updates);
}

void TstSlackToHive::allowListNarrowsWhoMayAct()
{
    QFETCH_GLOBAL(QString, version);
    Scene s(version);
    // Only the user group S0SOCLEADS may act; alice is in it, bob (also linked) is not.
    s.h.config.allowedSlackUsers = {u"S0SOCLEADS"_s};
    s.h.slack.addUserGroup(u"S0SOCLEADS"_s, {Alice.slackId});
    QVERIFY(s.open());
    const FakeSlack::PostedMessage before = s.card();
    const std::optional<Control> severity = findControl(before.blocks, u"hs_severity"_s);
    QVERIFY(severity);

    QVERIFY(s.click(Bob, selectAction(*severity, optionWithValue(severity->element, u"4"_s))));
    QVERIFY(BridgeHarness::waitFor([&] { return !s.h.slack.ephemerals().isEmpty(); }));
    QVERIFY(s.settle());
    const QJsonObject refusal = s.h.slack.ephemerals().constFirst();
    QCOMPARE(refusal.value(u"user"_s).toString(), Bob.slackId);
    QVERIFY2(refusal.value(u"text"_s).toString().contains(u"not on HiveSlack's list"),
             qPrintable(refusal.value(u"text"_s).toString()));
    QVERIFY(s.patches().isEmpty());

    QVERIFY(s.click(Alice, selectAction(*severity, optionWithValue(severity->element, u"4"_s))));
    QVERIFY(BridgeHarness::waitFor([&] { return s.patches().size() == 1; }));
    QCOMPARE(s.patches().constFirst().body, QByteArray(R"({"severity":4})"));
    QCOMPARE(s.h.slack.ephemerals().size(), 1);
}

void TstSlackToHive::foreignActionsAreIgnored_data()
{
    QTest::addColumn<QString>("actionId");
    QTest::addColumn<QString>("blockId"); // empty: the card's own block

    QTest::newRow("another app's action") << u"approve_expense"_s << u"expense_approval"_s;
    QTest::newRow("link button (Slack opens it)") << u"hs_open_case"_s << QString();
}

void TstSlackToHive::foreignActionsAreIgnored()
{
    QFETCH_GLOBAL(QString, version);
    QFETCH(QString, actionId);
    QFETCH(QString, blockId);
    Scene s(version);
    QVERIFY(s.open());
    const FakeSlack::PostedMessage before = s.card();
    QJsonObject action{{u"type"_s, u"button"_s},    {u"action_id"_s, actionId},
                       {u"block_id"_s, blockId},    {u"text"_s, plainText(u"Approve"_s)},
                       {u"value"_s, u"EXP-2291"_s}, {u"action_ts"_s, actionTs()}};
    if (blockId.isEmpty()) {
        const std::optional<Control> link = findControl(before.blocks, actionId);
        QVERIFY(link);
        action = buttonAction(*link);
        action.insert(u"url"_s, link->element[u"url"_s]);
    }
    const Bridge::Counts countsBefore = s.h.journal().counts();
    const qsizetype hiveRequests = s.h.hive.requests().size();
    const qsizetype slackRequests = s.h.slack.requests().size();

    QVERIFY(s.click(Alice, action));
    QVERIFY(s.settle());
    QTest::qWait(200);
    const Bridge::JournalEvent event = s.newestEvent();
    QCOMPARE(event.kind, u"slack.block_actions"_s);
    QCOMPARE(event.state, QString(Bridge::EventState::Ignored));
    // The journal keeps the interaction but none of its credentials.
    QVERIFY(!event.payload.contains("legacy-verification-token"));
    QVERIFY(!event.payload.contains("hooks.slack.com"));
    QVERIFY(event.payload.contains(actionId.toUtf8()));
    QCOMPARE(s.h.journal().counts().ignored, countsBefore.ignored + 1);
    QCOMPARE(s.h.journal().counts().delivered, countsBefore.delivered);
    QCOMPARE(s.h.hive.requests().size(), hiveRequests);
    QCOMPARE(s.h.slack.requests().size(), slackRequests);
}

void TstSlackToHive::concurrentChangesBothLand()
{
    QFETCH_GLOBAL(QString, version);
    Scene s(version);
    QVERIFY(s.open());
    const FakeSlack::PostedMessage before = s.card();
    const std::optional<Control> severity = findControl(before.blocks, u"hs_severity"_s);
    const std::optional<Control> tlp = findControl(before.blocks, u"hs_tlp"_s);
    QVERIFY(severity && tlp);

    // Both click the card as it was; neither waits for the other's change.
    QVERIFY(s.click(Alice, selectAction(*severity, optionWithValue(severity->element, u"4"_s))));
    QVERIFY(s.click(Bob, selectAction(*tlp, optionWithValue(tlp->element, u"1"_s))));
    QVERIFY(s.settle(8000));

    const QList<RecordedRequest> patches = s.patches();
    QCOMPARE(patches.size(), 2);
    QList<QJsonObject> bodies{patches[0].json(), patches[1].json()};
    QVERIFY(bodies.contains(QJsonObject({{u"severity"_s, 4}})));
    QVERIFY(bodies.contains(QJsonObject({{u"tlp"_s, 1}})));
    const QJsonObject hiveCase = s.h.hive.caseJson(s.caseId);
    QCOMPARE(hiveCase.value(u"severity"_s).toInt(), 4);
    QCOMPARE(hiveCase.value(u"tlp"_s).toInt(), 1);

    const FakeSlack::PostedMessage after = s.card();
    QCOMPARE(s.h.cards().size(), 1);
    QCOMPARE(after.ts, before.ts);
    QCOMPARE(shownValue(after.blocks, u"hs_severity"_s), u"4"_s);
    QCOMPARE(shownValue(after.blocks, u"hs_tlp"_s), u"1"_s);
    const QString facts = factsOf(after.blocks);
    QVERIFY2(facts.contains(u"Critical") && facts.contains(u"TLP:GREEN"), qPrintable(facts));
}

QTEST_GUILESS_MAIN(TstSlackToHive)
#include "tst_slacktohive.moc"
