#include "thehive/webhookevent.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QSet>
#include <QTest>

using namespace Bridge;
using namespace Qt::StringLiterals;

namespace {

QByteArray fixture(const QString &name)
{
    QFile file(QStringLiteral(HIVESLACK_FIXTURES_DIR "/thehive/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open fixture %s", qPrintable(file.fileName()));
    return file.readAll();
}

HiveEvent parseOk(const QByteArray &body)
{
    const WebhookParse parsed = parseWebhook(body);
    if (!parsed.event)
        qFatal("expected an event, got error: %s", qPrintable(parsed.error));
    return *parsed.event;
}

} // namespace

class TestWebhookEvent : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fixtures_data();
    void fixtures();
    void everyFixtureIsCovered();
    void fixtureBlocksArePassedThrough();
    void edgeCases_data();
    void edgeCases();
    void objectTypeNames_data();
    void objectTypeNames();
    void theHive3Operations_data();
    void theHive3Operations();
    void rejects_data();
    void rejects();
    void dedupeKey();
    void detailsGivenAsString();
    void hugeFields();
};

// Columns shared by fixtures() and edgeCases().
static void addEventColumns()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("family");
    QTest::addColumn<QString>("action");
    QTest::addColumn<QString>("objectType");
    QTest::addColumn<QString>("objectId");
    QTest::addColumn<QString>("rootId");
    QTest::addColumn<QString>("caseId");
    QTest::addColumn<qint64>("caseNumber");
    QTest::addColumn<QString>("requestId");
    QTest::addColumn<QString>("organisation");
    QTest::addColumn<QString>("organisationId");
    QTest::addColumn<QString>("actor");
    QTest::addColumn<bool>("mainAction");
    QTest::addColumn<qint64>("timestampMs");
}

static void checkEvent()
{
    QFETCH(QByteArray, body);
    const WebhookParse parsed = parseWebhook(body);
    QVERIFY2(parsed.event.has_value(), qPrintable(parsed.error));
    QVERIFY(parsed.error.isEmpty());
    const HiveEvent &e = *parsed.event;
    QTEST(int(e.family), "family");
    QTEST(e.action, "action");
    QTEST(e.objectType, "objectType");
    QTEST(e.objectId, "objectId");
    QTEST(e.rootId, "rootId");
    QTEST(e.caseId, "caseId");
    QTEST(e.caseNumber, "caseNumber");
    QTEST(e.requestId, "requestId");
    QTEST(e.organisation, "organisation");
    QTEST(e.organisationId, "organisationId");
    QTEST(e.actor, "actor");
    QTEST(e.mainAction, "mainAction");
    QTEST(e.timestampMs, "timestampMs");
}

static const int TH5 = int(HiveEvent::Family::TheHive5);
static const int TH4 = int(HiveEvent::Family::TheHive4);
static const int TH3 = int(HiveEvent::Family::TheHive3);

void TestWebhookEvent::fixtures_data()
{
    addEventColumns();
    QTest::newRow("th3-case-create.json")
        << fixture(u"th3-case-create.json"_s) << TH3 << u"create"_s << u"Case"_s
        << u"AV6FZsTj0KeanEfOQfd_"_s << u"AV6FZsTj0KeanEfOQfd_"_s << u"AV6FZsTj0KeanEfOQfd_"_s
        << qint64(1445) << u"4e3e6ba4a4e1f1dd:-2f7aa8a7:15f5c6b5e6c:-8000:2"_s << QString()
        << QString() << u"me"_s << true << qint64(1509021590417);
    QTest::newRow("th4-v0-case-close.json")
        << fixture(u"th4-v0-case-close.json"_s) << TH4 << u"update"_s << u"Case"_s << u"~41025656"_s
        << u"~41025656"_s << u"~41025656"_s << qint64(42)
        << u"a1b2c3d4e5f60718:-5dad3d10:18bcd0a95f3:-8000:12690"_s << u"SOC"_s << u"~4192"_s
        << u"bob@soc.example"_s << true << qint64(1700003600050);
    QTest::newRow("th4-v0-case-create.json")
        << fixture(u"th4-v0-case-create.json"_s) << TH4 << u"create"_s << u"Case"_s
        << u"~41025656"_s << u"~41025656"_s << u"~41025656"_s << qint64(42)
        << u"a1b2c3d4e5f60718:-5dad3d10:18bcd0a95f3:-8000:12615"_s << u"SOC"_s << u"~4192"_s
        << u"alice@soc.example"_s << true << qint64(1700000000123);
    QTest::newRow("th5-v1-case-create.json")
        << fixture(u"th5-v1-case-create.json"_s) << TH5 << u"create"_s << u"Case"_s
        << u"~327925760"_s << u"~327925760"_s << u"~327925760"_s << qint64(34)
        << u"74dc37479904ebe7:3957d351:18a847d4266:-8000:77"_s << u"TheOrganization"_s
        << u"~4169864"_s << u"sami@example.com"_s << true << qint64(1693412835700);
    QTest::newRow("th5-v1-case-status-update.json")
        << fixture(u"th5-v1-case-status-update.json"_s) << TH5 << u"update"_s << u"Case"_s
        << u"~327925760"_s << u"~327925760"_s << u"~327925760"_s << qint64(34)
        << u"74dc37479904ebe7:3957d351:18a847d4266:-8000:109"_s << u"TheOrganization"_s
        << u"~4169864"_s << u"alice@example.com"_s << true << qint64(1694441999960);
}

void TestWebhookEvent::fixtures()
{
    checkEvent();
}

void TestWebhookEvent::everyFixtureIsCovered()
{
    // A new fixture must get expectations in fixtures_data(), not slip by untested.
    const QStringList files =
        QDir(QStringLiteral(HIVESLACK_FIXTURES_DIR "/thehive")).entryList({u"*.json"_s});
    QCOMPARE(files.size(), 5);
    for (const QString &file : files)
        QVERIFY2(parseWebhook(fixture(file)).event.has_value(), qPrintable(file));
}

void TestWebhookEvent::fixtureBlocksArePassedThrough()
{
    const HiveEvent th5 = parseOk(fixture(u"th5-v1-case-status-update.json"_s));
    QCOMPARE(th5.details,
             (QJsonObject{{u"status"_s, u"InProgress"_s}, {u"stage"_s, u"InProgress"_s}}));
    QCOMPARE(th5.object.value("title"_L1).toString(), u"Suspicious network activity detected"_s);
    QCOMPARE(th5.context.value("number"_L1).toInt(), 34);
    QVERIFY(th5.isCaseEvent());
    QVERIFY(!th5.isTaskCreation());

    const HiveEvent th4 = parseOk(fixture(u"th4-v0-case-close.json"_s));
    QCOMPARE(th4.details.value("resolutionStatus"_L1).toString(), u"TruePositive"_s);
    QCOMPARE(th4.object.value("owner"_L1).toString(), u"alice@soc.example"_s);
    QVERIFY(th4.context.isEmpty());
}

void TestWebhookEvent::edgeCases_data()
{
    addEventColumns();
    QTest::newRow("th5 on webhook version 0 (operation, org object, base false)")
        << R"({"operation":"update","objectType":"case_task","objectId":"~8","rootId":"~4",
              "base":false,"startDate":"1700000000000","requestId":"r1",
              "object":{"_id":"~8","title":"Triage","updatedBy":"bob@x","case":{"caseId":"12"}},
              "organisation":{"organisationId":"~1","organisation":"SOC"}})"_ba
        << TH4 << u"update"_s << u"Task"_s << u"~8"_s << u"~4"_s << u"~4"_s << qint64(12) << u"r1"_s
        << u"SOC"_s << u"~1"_s << u"bob@x"_s << false << qint64(1700000000000);
    QTest::newRow("th5 alert create is not case-related")
        << R"({"_createdBy":"soar@x","_createdAt":1,"action":"create","mainAction":true,
              "requestId":"r2","rootId":"~99","objectId":"~99","objectType":"Alert",
              "object":{"_id":"~99","_type":"Alert","title":"Phish"},
              "context":{"_id":"~99","_type":"Alert"},
              "organisation":{"organisationId":"~1","organisation":"SOC"}})"_ba
        << TH5 << u"create"_s << u"Alert"_s << u"~99"_s << u"~99"_s << QString() << qint64(0)
        << u"r2"_s << u"SOC"_s << u"~1"_s << u"soar@x"_s << true << qint64(1);
    QTest::newRow("th5 task create takes the case from rootId and context")
        << R"({"_createdBy":"alice@x","_createdAt":5,"action":"create","mainAction":true,
              "requestId":"r3","rootId":"~50","objectId":"~60","objectType":"Task",
              "object":{"_id":"~60","_type":"Task","title":"Isolate host"},
              "context":{"_id":"~50","_type":"Case","number":7},
              "organisation":{"organisationId":"~1","organisation":"SOC"}})"_ba
        << TH5 << u"create"_s << u"Task"_s << u"~60"_s << u"~50"_s << u"~50"_s << qint64(7)
        << u"r3"_s << u"SOC"_s << u"~1"_s << u"alice@x"_s << true << qint64(5);
    QTest::newRow("th5 observable of an alert")
        << R"({"_createdBy":"a@x","_createdAt":5,"action":"create","requestId":"r4",
              "rootId":"~99","objectId":"~100","objectType":"Observable",
              "context":{"_id":"~99","_type":"Alert"}})"_ba
        << TH5 << u"create"_s << u"Observable"_s << u"~100"_s << u"~99"_s << QString() << qint64(0)
        << u"r4"_s << QString() << QString() << u"a@x"_s << true << qint64(5);
    QTest::newRow("th4 v0 observable of an alert")
        << R"({"operation":"create","objectType":"case_artifact","objectId":"~100","rootId":"~99",
              "base":true,"startDate":9,"requestId":"r5",
              "object":{"_id":"~100","createdBy":"a@x","alert":{"_id":"~99"}},
              "organisationId":"~1","organisation":"SOC"})"_ba
        << TH4 << u"create"_s << u"Observable"_s << u"~100"_s << u"~99"_s << QString() << qint64(0)
        << u"r5"_s << u"SOC"_s << u"~1"_s << u"a@x"_s << true << qint64(9);
    QTest::newRow("th4 v0 task log finds the case number two levels down")
        << R"({"operation":"create","objectType":"case_task_log","objectId":"~300","rootId":"~50",
              "base":true,"startDate":9,"requestId":"r6",
              "object":{"_id":"~300","createdBy":"a@x",
                        "case_task":{"_id":"~60","case":{"_id":"~50","caseId":77}}},
              "organisationId":"~1","organisation":"SOC"})"_ba
        << TH4 << u"create"_s << u"Log"_s << u"~300"_s << u"~50"_s << u"~50"_s << qint64(77)
        << u"r6"_s << u"SOC"_s << u"~1"_s << u"a@x"_s << true << qint64(9);
    QTest::newRow("th5 without organisation")
        << R"({"_createdBy":"a@x","_createdAt":5,"action":"update","mainAction":true,
              "requestId":"r7","rootId":"~50","objectId":"~50","objectType":"Case",
              "object":{"_id":"~50","number":3}})"_ba
        << TH5 << u"update"_s << u"Case"_s << u"~50"_s << u"~50"_s << u"~50"_s << qint64(3)
        << u"r7"_s << QString() << QString() << u"a@x"_s << true << qint64(5);
    QTest::newRow("th5 mainAction false (copy for another org)")
        << R"({"_createdBy":"a@x","_createdAt":5,"action":"update","mainAction":false,
              "requestId":"r8","rootId":"~50","objectId":"~50","objectType":"Case",
              "object":{"_id":"~50","number":3},
              "organisation":{"organisationId":"~2","organisation":"Partner"}})"_ba
        << TH5 << u"update"_s << u"Case"_s << u"~50"_s << u"~50"_s << u"~50"_s << qint64(3)
        << u"r8"_s << u"Partner"_s << u"~2"_s << u"a@x"_s << false << qint64(5);
    QTest::newRow("th5 ints given as strings")
        << R"({"_createdBy":"a@x","_createdAt":"1694441999960","action":"update",
              "mainAction":"false","requestId":"r9","rootId":"~50","objectId":"~50",
              "objectType":"Case","object":{"_id":"~50","number":"34"}})"_ba
        << TH5 << u"update"_s << u"Case"_s << u"~50"_s << u"~50"_s << u"~50"_s << qint64(34)
        << u"r9"_s << QString() << QString() << u"a@x"_s << false << qint64(1694441999960);
    QTest::newRow("th5 case number from context when object lacks it")
        << R"({"_createdBy":"a@x","_createdAt":5,"action":"update","requestId":"r10",
              "rootId":"~50","objectId":"~50","objectType":"Case","object":{"_id":"~50"},
              "context":{"_id":"~50","_type":"Case","number":8}})"_ba
        << TH5 << u"update"_s << u"Case"_s << u"~50"_s << u"~50"_s << u"~50"_s << qint64(8)
        << u"r10"_s << QString() << QString() << u"a@x"_s << true << qint64(5);
    QTest::newRow("th4 version 1 raw merge")
        << R"({"operation":"merge","objectType":"Case","objectId":"~70","rootId":"~70",
              "base":true,"startDate":11,"requestId":"r11",
              "object":{"_id":"~70","number":71,"_updatedBy":"m@x"},
              "organisationId":"~1","organisation":"SOC"})"_ba
        << TH4 << u"merge"_s << u"Case"_s << u"~70"_s << u"~70"_s << u"~70"_s << qint64(71)
        << u"r11"_s << u"SOC"_s << u"~1"_s << u"m@x"_s << true << qint64(11);
    QTest::newRow("th5 comment on a case")
        << R"({"_createdBy":"c@x","_createdAt":5,"action":"create","requestId":"r12",
              "rootId":"~50","objectId":"~80","objectType":"Comment",
              "object":{"_id":"~80","message":"hi"}})"_ba
        << TH5 << u"create"_s << u"Comment"_s << u"~80"_s << u"~50"_s << u"~50"_s << qint64(0)
        << u"r12"_s << QString() << QString() << u"c@x"_s << true << qint64(5);
    QTest::newRow("th3 ES-style ids, delete, no organisation")
        << R"({"operation":"Delete","objectType":"case_task","objectId":"AV6Fa-tTj0KeanEfOQfe",
              "rootId":"AV6FZsTj0KeanEfOQfd_","base":true,"startDate":1509021599999,
              "requestId":"4e3e:-2f7a:15f5:-8000:9","object":{"updatedBy":"me"}})"_ba
        << TH3 << u"delete"_s << u"Task"_s << u"AV6Fa-tTj0KeanEfOQfe"_s << u"AV6FZsTj0KeanEfOQfd_"_s
        << u"AV6FZsTj0KeanEfOQfd_"_s << qint64(0) << u"4e3e:-2f7a:15f5:-8000:9"_s << QString()
        << QString() << u"me"_s << true << qint64(1509021599999);
}

void TestWebhookEvent::edgeCases()
{
    checkEvent();
}

void TestWebhookEvent::objectTypeNames_data()
{
    QTest::addColumn<QString>("raw");
    QTest::addColumn<QString>("normalised");
    QTest::newRow("case") << u"case"_s << u"Case"_s;
    QTest::newRow("case_task") << u"case_task"_s << u"Task"_s;
    QTest::newRow("case_task_log") << u"case_task_log"_s << u"Log"_s;
    QTest::newRow("case_artifact") << u"case_artifact"_s << u"Observable"_s;
    QTest::newRow("alert") << u"alert"_s << u"Alert"_s;
    QTest::newRow("case_artifact_job") << u"case_artifact_job"_s << u"Job"_s;
    QTest::newRow("other v0 label") << u"user"_s << u"User"_s;
    QTest::newRow("snake v0 label") << u"case_template"_s << u"CaseTemplate"_s;
    QTest::newRow("TH5 label kept") << u"Observable"_s << u"Observable"_s;
    QTest::newRow("TH5 camel label kept") << u"CaseTemplate"_s << u"CaseTemplate"_s;
}

void TestWebhookEvent::objectTypeNames()
{
    QFETCH(QString, raw);
    const QByteArray body =
        R"({"operation":"update","objectId":"~1","objectType":")" + raw.toUtf8() + R"("})";
    QTEST(parseOk(body).objectType, "normalised");
}

void TestWebhookEvent::theHive3Operations_data()
{
    QTest::addColumn<QString>("operation");
    QTest::addColumn<QString>("action");
    QTest::addColumn<int>("family");
    QTest::newRow("Creation") << u"Creation"_s << u"create"_s << TH3;
    QTest::newRow("Update") << u"Update"_s << u"update"_s << TH3;
    QTest::newRow("Delete") << u"Delete"_s << u"delete"_s << TH3;
    QTest::newRow("th4 create") << u"create"_s << u"create"_s << TH4;
    QTest::newRow("th4 delete") << u"delete"_s << u"delete"_s << TH4;
}

void TestWebhookEvent::theHive3Operations()
{
    QFETCH(QString, operation);
    const QByteArray body =
        R"({"objectType":"case","objectId":"x","operation":")" + operation.toUtf8() + R"("})";
    const HiveEvent e = parseOk(body);
    QTEST(e.action, "action");
    QTEST(int(e.family), "family");
}

void TestWebhookEvent::rejects_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("reason");
    QTest::newRow("empty") << QByteArray() << u"malformed JSON"_s;
    QTest::newRow("not json") << "hello"_ba << u"malformed JSON"_s;
    QTest::newRow("truncated") << R"({"action":"create","objectType":"Case")"_ba
                               << u"malformed JSON"_s;
    QTest::newRow("array") << R"([{"action":"create","objectType":"Case"}])"_ba
                           << u"not an object"_s;
    QTest::newRow("empty object") << "{}"_ba << u"no action or operation"_s;
    QTest::newRow("no action") << R"({"objectType":"case","objectId":"~1"})"_ba
                               << u"no action or operation"_s;
    QTest::newRow("empty action") << R"({"action":" ","objectType":"Case"})"_ba
                                  << u"no action or operation"_s;
    QTest::newRow("numeric operation")
        << R"({"operation":5,"objectType":"case"})"_ba << u"no action or operation"_s;
    QTest::newRow("no objectType")
        << R"({"action":"update","objectId":"~1"})"_ba << u"no objectType"_s;
    QTest::newRow("null objectType")
        << R"({"operation":"update","objectType":null})"_ba << u"no objectType"_s;
    QTest::newRow("slack payload")
        << R"({"type":"block_actions","actions":[]})"_ba << u"no action or operation"_s;
}

void TestWebhookEvent::rejects()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, reason);
    const WebhookParse parsed = parseWebhook(body);
    QVERIFY(!parsed.event.has_value());
    QVERIFY2(parsed.error.contains(reason), qPrintable(parsed.error));
    QVERIFY(parsed.error.size() < 200);
}

void TestWebhookEvent::dedupeKey()
{
    const QByteArray body = fixture(u"th5-v1-case-status-update.json"_s);
    const HiveEvent e = parseOk(body);
    QCOMPARE(
        e.dedupeKey(),
        u"74dc37479904ebe7:3957d351:18a847d4266:-8000:109|~327925760|update|TheOrganization"_s);
    QCOMPARE(parseOk(body).dedupeKey(), e.dedupeKey());

    // The same audit delivered to a second organisation is a different delivery.
    QJsonObject other = QJsonDocument::fromJson(body).object();
    other.insert(u"organisation"_s,
                 QJsonObject{{u"organisationId"_s, u"~9"_s}, {u"organisation"_s, u"Partner"_s}});
    QVERIFY(parseOk(QJsonDocument(other).toJson()).dedupeKey() != e.dedupeKey());

    // The TheHive 3 and 4 families yield distinct keys per action as well.
    const HiveEvent create = parseOk(fixture(u"th4-v0-case-create.json"_s));
    const HiveEvent close = parseOk(fixture(u"th4-v0-case-close.json"_s));
    QCOMPARE(create.dedupeKey(),
             u"a1b2c3d4e5f60718:-5dad3d10:18bcd0a95f3:-8000:12615|~41025656|create|SOC"_s);
    QVERIFY(create.dedupeKey() != close.dedupeKey());

    // Without organisation name the id stands in; without either the key stays printable.
    const HiveEvent idOnly = parseOk(
        R"({"action":"update","objectType":"Case","objectId":"~1","requestId":"r",
            "organisation":{"organisationId":"~7"}})"_ba);
    QCOMPARE(idOnly.dedupeKey(), u"r|~1|update|~7"_s);
    const HiveEvent bare = parseOk(R"({"action":"update","objectType":"Case"})"_ba);
    QCOMPARE(bare.dedupeKey(), u"||update|"_s);
}

void TestWebhookEvent::detailsGivenAsString()
{
    const HiveEvent e = parseOk(
        R"({"action":"update","objectType":"Case","objectId":"~1","details":"{\"severity\":4}"})"_ba);
    QCOMPARE(e.details.value("severity"_L1).toInt(), 4);
}

void TestWebhookEvent::hugeFields()
{
    QJsonObject json = QJsonDocument::fromJson(fixture(u"th5-v1-case-create.json"_s)).object();
    const QString description(4 * 1024 * 1024, u'x');
    QJsonObject object = json.value("object"_L1).toObject();
    object.insert(u"description"_s, description);
    json.insert(u"object"_s, object);
    json.insert(u"requestId"_s, QString(10000, u'r'));

    const HiveEvent e = parseOk(QJsonDocument(json).toJson(QJsonDocument::Compact));
    QCOMPARE(e.object.value("description"_L1).toString().size(), description.size());
    QCOMPARE(e.requestId.size(), 10000);
    QCOMPARE(e.caseNumber, qint64(34));
    QCOMPARE(e.caseId, u"~327925760"_s);
}

QTEST_GUILESS_MAIN(TestWebhookEvent)
#include "tst_webhookevent.moc"
