#include "thehive/casejson.h"

#include <QFile>
#include <QJsonDocument>
#include <QTest>

using namespace Bridge;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(Bridge::CaseRecord)
Q_DECLARE_METATYPE(Bridge::HiveVersion)

namespace {

QJsonObject fixtureBlock(const QString &name, const QString &block)
{
    QFile file(QStringLiteral(HIVESLACK_FIXTURES_DIR "/thehive/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open fixture %s", qPrintable(file.fileName()));
    return QJsonDocument::fromJson(file.readAll()).object().value(block).toObject();
}

QJsonObject json(const QByteArray &text)
{
    return QJsonDocument::fromJson(text).object();
}

template<typename F>
CaseRecord with(CaseRecord c, F change)
{
    change(c);
    return c;
}

const HiveVersion TH4{4, 1};
const HiveVersion TH50{5, 0};
const HiveVersion TH52{5, 2};

void compareCase(const CaseRecord &actual, const CaseRecord &expected)
{
    QCOMPARE(actual.id, expected.id);
    QCOMPARE(actual.number, expected.number);
    QCOMPARE(actual.title, expected.title);
    QCOMPARE(actual.description, expected.description);
    QCOMPARE(actual.severity, expected.severity);
    QCOMPARE(actual.tlp, expected.tlp);
    QCOMPARE(actual.pap, expected.pap);
    QCOMPARE(actual.status, expected.status);
    QCOMPARE(actual.stage, expected.stage);
    QCOMPARE(actual.assignee, expected.assignee);
    QCOMPARE(actual.tags, expected.tags);
    QCOMPARE(actual.createdAt, expected.createdAt);
    QCOMPARE(actual.createdBy, expected.createdBy);
    QCOMPARE(actual.organisation, expected.organisation);
    QCOMPARE(actual.resolutionStatus, expected.resolutionStatus);
    QCOMPARE(actual.impactStatus, expected.impactStatus);
    QCOMPARE(actual.summary, expected.summary);
    QCOMPARE(actual.taskCount, expected.taskCount);
    QVERIFY(actual == expected);
}

} // namespace

class TestCaseJson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fromJson_data();
    void fromJson();
    void describeChanges_data();
    void describeChanges();
};

void TestCaseJson::fromJson_data()
{
    QTest::addColumn<QJsonObject>("input");
    QTest::addColumn<HiveVersion>("version");
    QTest::addColumn<CaseRecord>("expected");

    const CaseRecord th4Created = with(CaseRecord{}, [](CaseRecord &c) {
        c.id = u"~41025656"_s;
        c.number = 42;
        c.title = u"Phishing - CEO mailbox"_s;
        c.description = u"Reported by user"_s;
        c.severity = 3;
        c.tlp = 2;
        c.pap = 2;
        c.status = u"Open"_s;
        c.stage = u"InProgress"_s;
        c.assignee = u"alice@soc.example"_s;
        c.tags = QStringList{u"phishing"_s};
        c.createdAt = 1700000000100;
        c.createdBy = u"alice@soc.example"_s;
    });
    QTest::newRow("th4 v0 object (create)")
        << fixtureBlock(u"th4-v0-case-create.json"_s, u"object"_s) << TH4 << th4Created;
    QTest::newRow("th4 v1 details (create)")
        << fixtureBlock(u"th4-v0-case-create.json"_s, u"details"_s) << TH4 << th4Created;

    QTest::newRow("th4 v0 object (close)")
        << fixtureBlock(u"th4-v0-case-close.json"_s, u"object"_s) << TH4
        << with(CaseRecord{}, [](CaseRecord &c) {
               c.id = u"~41025656"_s;
               c.number = 42;
               c.severity = 3;
               c.status = u"Resolved"_s;
               c.stage = u"Closed"_s;
               c.resolutionStatus = u"TruePositive"_s;
               c.impactStatus = u"NoImpact"_s;
               c.summary = u"Confirmed phishing, mailbox cleaned"_s;
               c.assignee = u"alice@soc.example"_s;
           });

    QTest::newRow("th3 object") << fixtureBlock(u"th3-case-create.json"_s, u"object"_s)
                                << HiveVersion{3, 0} << with(CaseRecord{}, [](CaseRecord &c) {
                                       c.id = u"AV6FZsTj0KeanEfOQfd_"_s;
                                       c.number = 1445;
                                       c.title = u"Legacy sender test"_s;
                                       c.status = u"Open"_s;
                                       c.stage = u"InProgress"_s;
                                       c.assignee = u"me"_s;
                                       c.createdAt = 1509021590417;
                                       c.createdBy = u"me"_s;
                                   });

    const CaseRecord th5New = with(CaseRecord{}, [](CaseRecord &c) {
        c.id = u"~327925760"_s;
        c.number = 34;
        c.title = u"Suspicious network activity detected"_s;
        c.description = u"***Description***"_s;
        c.severity = 3;
        c.tlp = 2;
        c.pap = 1;
        c.status = u"New"_s;
        c.stage = u"New"_s;
        c.assignee = u"sami@example.com"_s;
        c.tags = QStringList{u"tagA"_s};
        c.createdAt = 1693412835689;
        c.createdBy = u"sami@example.com"_s;
    });
    QTest::newRow("th5 object (create)")
        << fixtureBlock(u"th5-v1-case-create.json"_s, u"object"_s) << TH52 << th5New;
    QTest::newRow("th5 details (create)")
        << fixtureBlock(u"th5-v1-case-create.json"_s, u"details"_s) << TH52 << th5New;
    QTest::newRow("th5 context (status update)")
        << fixtureBlock(u"th5-v1-case-status-update.json"_s, u"context"_s) << TH52
        << with(th5New, [](CaseRecord &c) {
               c.status = u"InProgress"_s;
               c.stage = u"InProgress"_s;
           });

    QTest::newRow("numbers as strings, organisation string")
        << json(R"({"_id":"~1","number":"7","severity":"4","tlp":"3","pap":"0",
                    "_createdAt":"1700000000000","organisation":"SOC","status":"New"})")
        << TH52 << with(CaseRecord{}, [](CaseRecord &c) {
               c.id = u"~1"_s;
               c.number = 7;
               c.severity = 4;
               c.tlp = 3;
               c.pap = 0;
               c.createdAt = 1700000000000;
               c.organisation = u"SOC"_s;
               c.status = u"New"_s;
               c.stage = u"New"_s;
           });
    QTest::newRow("v0 caseId as string, organisation object")
        << json(R"({"id":"~2","caseId":"12","status":"Duplicated","resolutionStatus":"Duplicated",
                    "organisation":{"organisationId":"~4","organisation":"Partner"}})")
        << TH4 << with(CaseRecord{}, [](CaseRecord &c) {
               c.id = u"~2"_s;
               c.number = 12;
               c.status = u"Duplicated"_s;
               c.stage = u"Closed"_s;
               c.resolutionStatus = u"Duplicated"_s;
               c.organisation = u"Partner"_s;
           });
    QTest::newRow("th5 custom status without stage")
        << json(R"({"_id":"~3","number":3,"status":"Escalated"})") << TH52
        << with(CaseRecord{}, [](CaseRecord &c) {
               c.id = u"~3"_s;
               c.number = 3;
               c.status = u"Escalated"_s;
               c.stage = u"InProgress"_s;
           });
    QTest::newRow("th5 custom closing status keeps its stage")
        << json(R"({"_id":"~4","status":"Contained","stage":"Closed","summary":"done"})") << TH52
        << with(CaseRecord{}, [](CaseRecord &c) {
               c.id = u"~4"_s;
               c.status = u"Contained"_s;
               c.stage = u"Closed"_s;
               c.summary = u"done"_s;
           });
    QTest::newRow("th5 closing status, stage derived")
        << json(R"({"_id":"~5","status":"FalsePositive","impactStatus":"NotApplicable"})") << TH50
        << with(CaseRecord{}, [](CaseRecord &c) {
               c.id = u"~5"_s;
               c.status = u"FalsePositive"_s;
               c.stage = u"Closed"_s;
               c.impactStatus = u"NotApplicable"_s;
           });
    QTest::newRow("nulls, junk and odd tags")
        << json(R"({"_id":"~6","title":null,"owner":null,"summary":null,"severity":"high",
                    "tlp":2.5,"tags":["a",null,3,"",{"x":1},"b"]})")
        << TH4 << with(CaseRecord{}, [](CaseRecord &c) {
               c.id = u"~6"_s;
               c.tags = QStringList{u"a"_s, u"3"_s, u"b"_s};
           });
    QTest::newRow("empty object keeps defaults") << QJsonObject() << TH52 << CaseRecord{};
}

void TestCaseJson::fromJson()
{
    QFETCH(QJsonObject, input);
    QFETCH(HiveVersion, version);
    QFETCH(CaseRecord, expected);
    compareCase(caseFromJson(input, version), expected);
}

void TestCaseJson::describeChanges_data()
{
    QTest::addColumn<CaseRecord>("before");
    QTest::addColumn<CaseRecord>("after");
    QTest::addColumn<HiveVersion>("version");
    QTest::addColumn<QStringList>("expected");

    const CaseRecord th5 = with(CaseRecord{}, [](CaseRecord &c) {
        c.id = u"~1"_s;
        c.number = 1;
        c.title = u"Phish"_s;
        c.severity = 3;
        c.tlp = 1;
        c.pap = 1;
        c.status = u"New"_s;
        c.stage = u"New"_s;
        c.assignee = u"alice@x"_s;
        c.tags = QStringList{u"phishing"_s, u"mail"_s};
    });
    const CaseRecord th5Open = with(th5, [](CaseRecord &c) {
        c.status = u"InProgress"_s;
        c.stage = u"InProgress"_s;
    });
    const CaseRecord th4 = with(th5, [](CaseRecord &c) {
        c.status = u"Open"_s;
        c.stage = u"InProgress"_s;
    });
    const CaseRecord th4Closed = with(th4, [](CaseRecord &c) {
        c.status = u"Resolved"_s;
        c.stage = u"Closed"_s;
        c.resolutionStatus = u"TruePositive"_s;
        c.impactStatus = u"WithImpact"_s;
        c.summary = u"done"_s;
    });

    QTest::newRow("nothing") << th5 << th5 << TH52 << QStringList();
    QTest::newRow("only bookkeeping fields") << th5 << with(th5, [](CaseRecord &c) {
        c.number = 9;
        c.createdAt = 5;
        c.taskCount = 3;
    }) << TH52 << QStringList();
    QTest::newRow("severity") << th5 << with(th5, [](CaseRecord &c) { c.severity = 4; }) << TH52
                              << QStringList{u"severity High → Critical"_s};
    QTest::newRow("status") << th5 << th5Open << TH52 << QStringList{u"status New → In progress"_s};
    QTest::newRow("custom status")
        << th5Open << with(th5Open, [](CaseRecord &c) { c.status = u"Escalated"_s; }) << TH52
        << QStringList{u"status In progress → Escalated"_s};
    QTest::newRow("tlp 5.2") << th5 << with(th5, [](CaseRecord &c) { c.tlp = 2; }) << TH52
                             << QStringList{u"TLP TLP:GREEN → TLP:AMBER"_s};
    QTest::newRow("tlp amber+strict") << th5 << with(th5, [](CaseRecord &c) { c.tlp = 3; }) << TH52
                                      << QStringList{u"TLP TLP:GREEN → TLP:AMBER+STRICT"_s};
    QTest::newRow("tlp th4 red") << th4 << with(th4, [](CaseRecord &c) { c.tlp = 3; }) << TH4
                                 << QStringList{u"TLP TLP:GREEN → TLP:RED"_s};
    QTest::newRow("pap th4") << with(th4, [](CaseRecord &c) { c.pap = 0; })
                             << with(th4, [](CaseRecord &c) { c.pap = 3; }) << TH4
                             << QStringList{u"PAP PAP:WHITE → PAP:RED"_s};
    QTest::newRow("pap 5.2") << with(th5, [](CaseRecord &c) { c.pap = 0; }) << th5 << TH52
                             << QStringList{u"PAP PAP:CLEAR → PAP:GREEN"_s};
    QTest::newRow("reassigned") << th5 << with(th5, [](CaseRecord &c) { c.assignee = u"bob@x"_s; })
                                << TH52 << QStringList{u"assignee alice@x → bob@x"_s};
    QTest::newRow("unassigned") << th5 << with(th5, [](CaseRecord &c) { c.assignee.clear(); })
                                << TH52 << QStringList{u"assignee alice@x → unassigned"_s};
    QTest::newRow("assigned") << with(th5, [](CaseRecord &c) { c.assignee.clear(); }) << th5 << TH52
                              << QStringList{u"assignee unassigned → alice@x"_s};
    QTest::newRow("title") << th5 << with(th5, [](CaseRecord &c) { c.title = u"Phish 2"_s; })
                           << TH52 << QStringList{u"title “Phish” → “Phish 2”"_s};
    QTest::newRow("tags") << th5 << with(th5, [](CaseRecord &c) {
        c.tags = QStringList{u"mail"_s, u"vip"_s};
    }) << TH52 << QStringList{u"tags +vip −phishing"_s};
    QTest::newRow("tags reordered only") << th5 << with(th5, [](CaseRecord &c) {
        c.tags = QStringList{u"mail"_s, u"phishing"_s};
    }) << TH52 << QStringList();
    QTest::newRow("th5 closed") << th5Open << with(th5Open, [](CaseRecord &c) {
        c.status = u"FalsePositive"_s;
        c.stage = u"Closed"_s;
        c.summary = u"benign"_s;
    }) << TH52 << QStringList{u"closed as False positive"_s, u"summary updated"_s};
    QTest::newRow("th5 closed with custom status") << th5Open << with(th5Open, [](CaseRecord &c) {
        c.status = u"Contained"_s;
        c.stage = u"Closed"_s;
    }) << TH52 << QStringList{u"closed as Contained"_s};
    QTest::newRow("th4 closed") << th4 << th4Closed << TH4
                                << QStringList{u"closed as True positive"_s, u"summary updated"_s};
    QTest::newRow("th4 closed as duplicate") << th4 << with(th4, [](CaseRecord &c) {
        c.status = u"Duplicated"_s;
        c.stage = u"Closed"_s;
        c.resolutionStatus = u"Duplicated"_s;
    }) << TH4 << QStringList{u"closed as Duplicated"_s};
    QTest::newRow("th4 closed, stages not filled in")
        << with(th4, [](CaseRecord &c) { c.stage.clear(); })
        << with(th4Closed, [](CaseRecord &c) { c.stage.clear(); }) << TH4
        << QStringList{u"closed as True positive"_s, u"summary updated"_s};
    QTest::newRow("th5 reopened") << with(th5Open, [](CaseRecord &c) {
        c.status = u"FalsePositive"_s;
        c.stage = u"Closed"_s;
    }) << th5Open << TH52 << QStringList{u"reopened"_s};
    QTest::newRow("th4 reopened") << th4Closed << with(th4Closed, [](CaseRecord &c) {
        c.status = u"Open"_s;
        c.stage = u"InProgress"_s;
    }) << TH4 << QStringList{u"reopened"_s};
    QTest::newRow("th5 closing status corrected") << with(th5Open, [](CaseRecord &c) {
        c.status = u"TruePositive"_s;
        c.stage = u"Closed"_s;
    }) << with(th5Open, [](CaseRecord &c) {
        c.status = u"FalsePositive"_s;
        c.stage = u"Closed"_s;
    }) << TH52 << QStringList{u"status True positive → False positive"_s};
    QTest::newRow("th4 resolution corrected")
        << th4Closed
        << with(th4Closed,
                [](CaseRecord &c) {
                    c.resolutionStatus = u"FalsePositive"_s;
                    c.impactStatus = u"NoImpact"_s;
                })
        << TH4
        << QStringList{u"resolution True positive → False positive"_s,
                       u"impact With impact → No impact"_s};
    QTest::newRow("summary removed")
        << th4Closed << with(th4Closed, [](CaseRecord &c) { c.summary.clear(); }) << TH4
        << QStringList{u"summary removed"_s};
    QTest::newRow("description") << th5
                                 << with(th5, [](CaseRecord &c) { c.description = u"more"_s; })
                                 << TH52 << QStringList{u"description updated"_s};
    QTest::newRow("several at once")
        << th5
        << with(th5,
                [](CaseRecord &c) {
                    c.status = u"InProgress"_s;
                    c.stage = u"InProgress"_s;
                    c.severity = 1;
                    c.tlp = 4;
                    c.assignee = u"bob@x"_s;
                    c.tags.append(u"vip"_s);
                })
        << TH52
        << QStringList{u"status New → In progress"_s, u"severity High → Low"_s,
                       u"TLP TLP:GREEN → TLP:RED"_s, u"assignee alice@x → bob@x"_s, u"tags +vip"_s};
}

void TestCaseJson::describeChanges()
{
    QFETCH(CaseRecord, before);
    QFETCH(CaseRecord, after);
    QFETCH(HiveVersion, version);
    QTEST(Bridge::describeChanges(before, after, version), "expected");
}

QTEST_GUILESS_MAIN(TestCaseJson)
#include "tst_casejson.moc"
