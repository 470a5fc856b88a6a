#include "thehive/dialect.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Bridge;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(Bridge::HiveVersion)
Q_DECLARE_METATYPE(Bridge::HiveRequest)

namespace {

const HiveVersion TH4{4, 1};
const HiveVersion TH52{5, 2};

QJsonObject json(const QByteArray &text)
{
    const QJsonDocument doc = QJsonDocument::fromJson(text);
    if (!doc.isObject())
        qFatal("bad JSON in test: %s", text.constData());
    return doc.object();
}

HiveRequest patch(const QString &path, const QByteArray &body)
{
    HiveRequest r;
    r.method = "PATCH";
    r.path = path;
    r.body = json(body);
    r.hasBody = true;
    return r;
}

HiveRequest post(const QString &path, const QByteArray &body)
{
    HiveRequest r = patch(path, body);
    r.method = "POST";
    return r;
}

HiveRequest get(const QString &path)
{
    HiveRequest r;
    r.method = "GET";
    r.path = path;
    return r;
}

} // namespace

class TestDialect : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void versionString_data();
    void versionString();
    void publicStatus();
    void legacyStatus();
    void builders_data();
    void builders();
    void commentNeedsTheHive5();
    void neverSendsFlag();
    void payload();
    void errors_data();
    void errors();
    void uiUrl_data();
    void uiUrl();
};

void TestDialect::versionString_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<int>("major");
    QTest::addColumn<int>("minor");
    QTest::newRow("5.2.9-1") << u"5.2.9-1"_s << true << 5 << 2;
    QTest::newRow("5.1.0") << u"5.1.0"_s << true << 5 << 1;
    QTest::newRow("4.1.24-1") << u"4.1.24-1"_s << true << 4 << 1;
    QTest::newRow("5.5.16") << u"5.5.16"_s << true << 5 << 5;
    QTest::newRow("5.0.19-1") << u"5.0.19-1"_s << true << 5 << 0;
    QTest::newRow("pinned 5.2") << u"5.2"_s << true << 5 << 2;
    QTest::newRow("pinned 4") << u"4"_s << true << 4 << 0;
    QTest::newRow("pinned 5 means the 5.2 TLP table") << u"5"_s << true << 5 << 2;
    QTest::newRow("leading v and spaces") << u"  v5.3.1 "_s << true << 5 << 3;
    QTest::newRow("3.x legacy parses") << u"3.4.0-1"_s << true << 3 << 4;
    QTest::newRow("empty") << QString() << false << 0 << 0;
    QTest::newRow("garbage") << u"garbage"_s << false << 0 << 0;
    QTest::newRow("5.x") << u"5.x"_s << false << 0 << 0;
    QTest::newRow("major 0") << u"0.9"_s << false << 0 << 0;
    QTest::newRow("trailing junk") << u"5.2 beta"_s << false << 0 << 0;
    QTest::newRow("negative") << u"-5.2"_s << false << 0 << 0;
    QTest::newRow("dot only") << u"."_s << false << 0 << 0;
}

void TestDialect::versionString()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    const std::optional<HiveVersion> v = parseVersionString(text);
    QCOMPARE(v.has_value(), valid);
    if (!valid)
        return;
    QTEST(v->major, "major");
    QTEST(v->minor, "minor");
}

void TestDialect::publicStatus()
{
    const auto v = parsePublicStatus(
        json(R"({"sso":false,"ssoProviders":[],"version":"5.2.9-1","imports":{}})"));
    QVERIFY(v);
    QCOMPARE(*v, (HiveVersion{5, 2}));
    QVERIFY(v->hasAmberStrict());
    QCOMPARE(parsePublicStatus(json(R"({"version":"5.1.0"})")), (HiveVersion{5, 1}));
    QVERIFY(!parsePublicStatus(json(R"({"sso":false})")));
    QVERIFY(!parsePublicStatus(json(R"({"version":5.2})")));
    QVERIFY(!parsePublicStatus(json(R"({"version":"nope"})")));
    // A TheHive 4 /api/status answer is not a public status.
    QVERIFY(!parsePublicStatus(json(R"({"versions":{"TheHive":"4.1.24-1"}})")));
}

void TestDialect::legacyStatus()
{
    const auto v = parseLegacyStatus(json(
        R"({"versions":{"Scalligraph":"4.1.24-1","TheHive":"4.1.24-1","Play":"2.8.x"},
            "connectors":{},"config":{"authType":["local"]}})"));
    QVERIFY(v);
    QCOMPARE(*v, (HiveVersion{4, 1}));
    QVERIFY(v->isTheHive4());
    QCOMPARE(parseLegacyStatus(json(R"({"versions":{"TheHive":"5.2.9-1"}})")), (HiveVersion{5, 2}));
    QVERIFY(!parseLegacyStatus(json(R"({"versions":{"Scalligraph":"4.1.24-1"}})")));
    QVERIFY(!parseLegacyStatus(json(R"({"version":"5.2.9-1"})")));
    QVERIFY(!parseLegacyStatus(json(R"({"versions":"4.1.24"})")));
    QVERIFY(!parseLegacyStatus(json(R"({"versions":{"TheHive":"garbage"}})")));
}

void TestDialect::builders_data()
{
    QTest::addColumn<HiveRequest>("actual");
    QTest::addColumn<HiveRequest>("expected");

    QTest::newRow("getCase th4") << HiveRequests::getCase(u"~123"_s, TH4)
                                 << get(u"/api/case/~123"_s);
    QTest::newRow("getCase th5") << HiveRequests::getCase(u"~123"_s, TH52)
                                 << get(u"/api/v1/case/~123"_s);
    QTest::newRow("getCase by number")
        << HiveRequests::getCase(u"42"_s, TH52) << get(u"/api/v1/case/42"_s);
    QTest::newRow("getCase id is one segment")
        << HiveRequests::getCase(u"a/b?c#d"_s, TH52) << get(u"/api/v1/case/a%2Fb%3Fc%23d"_s);

    QTest::newRow("severity th4") << HiveRequests::setSeverity(u"~1"_s, 4, TH4)
                                  << patch(u"/api/case/~1"_s, R"({"severity":4})");
    QTest::newRow("severity th5") << HiveRequests::setSeverity(u"~1"_s, 1, TH52)
                                  << patch(u"/api/v1/case/~1"_s, R"({"severity":1})");
    QTest::newRow("tlp th4") << HiveRequests::setTlp(u"~1"_s, 3, TH4)
                             << patch(u"/api/case/~1"_s, R"({"tlp":3})");
    QTest::newRow("tlp th5") << HiveRequests::setTlp(u"~1"_s, 4, TH52)
                             << patch(u"/api/v1/case/~1"_s, R"({"tlp":4})");
    QTest::newRow("pap th4") << HiveRequests::setPap(u"~1"_s, 0, TH4)
                             << patch(u"/api/case/~1"_s, R"({"pap":0})");
    QTest::newRow("pap th5") << HiveRequests::setPap(u"~1"_s, 2, TH52)
                             << patch(u"/api/v1/case/~1"_s, R"({"pap":2})");
    QTest::newRow("status th4") << HiveRequests::setStatus(u"~1"_s, u"Open"_s, TH4)
                                << patch(u"/api/case/~1"_s, R"({"status":"Open"})");
    QTest::newRow("status th5") << HiveRequests::setStatus(u"~1"_s, u"InProgress"_s, TH52)
                                << patch(u"/api/v1/case/~1"_s, R"({"status":"InProgress"})");

    QTest::newRow("assign th4") << HiveRequests::assign(u"~1"_s, u"bob@soc.example"_s, TH4)
                                << patch(u"/api/case/~1"_s, R"({"owner":"bob@soc.example"})");
    QTest::newRow("assign th5") << HiveRequests::assign(u"~1"_s, u"bob@soc.example"_s, TH52)
                                << patch(u"/api/v1/case/~1"_s, R"({"assignee":"bob@soc.example"})");
    QTest::newRow("unassign th4") << HiveRequests::assign(u"~1"_s, QString(), TH4)
                                  << patch(u"/api/case/~1"_s, R"({"owner":null})");
    QTest::newRow("unassign th5") << HiveRequests::assign(u"~1"_s, QString(), TH52)
                                  << patch(u"/api/v1/case/~1"_s, R"({"assignee":null})");

    QTest::newRow("close th4") << HiveRequests::close(u"~1"_s, u"FalsePositive"_s,
                                                      u"NotApplicable"_s, u"benign"_s, TH4)
                               << patch(u"/api/case/~1"_s,
                                        R"({"status":"Resolved","resolutionStatus":"FalsePositive",
                     "impactStatus":"NotApplicable","summary":"benign"})");
    QTest::newRow("close th4 duplicate")
        << HiveRequests::close(u"~1"_s, u"Duplicated"_s, u"NoImpact"_s, u"dup of #3"_s, TH4)
        << patch(u"/api/case/~1"_s,
                 R"({"status":"Duplicated","resolutionStatus":"Duplicated",
                     "impactStatus":"NoImpact","summary":"dup of #3"})");
    QTest::newRow("close th5")
        << HiveRequests::close(u"~1"_s, u"FalsePositive"_s, u"NotApplicable"_s, u"benign"_s, TH52)
        << patch(u"/api/v1/case/~1"_s,
                 R"({"status":"FalsePositive","impactStatus":"NotApplicable","summary":"benign"})");
    QTest::newRow("close th5 without impact and summary")
        << HiveRequests::close(u"~1"_s, u"TruePositive"_s, QString(), QString(), TH52)
        << patch(u"/api/v1/case/~1"_s, R"({"status":"TruePositive"})");
    QTest::newRow("reopen th4") << HiveRequests::reopen(u"~1"_s, TH4)
                                << patch(u"/api/case/~1"_s, R"({"status":"Open"})");
    QTest::newRow("reopen th5") << HiveRequests::reopen(u"~1"_s, TH52)
                                << patch(u"/api/v1/case/~1"_s, R"({"status":"InProgress"})");

    const TaskDraft task{u"Isolate host"_s,    u"Pull the cable"_s, u"containment"_s,
                         u"bob@soc.example"_s, 1700086400000,       true};
    QTest::newRow("task th4") << HiveRequests::createTask(u"~1"_s, task, TH4)
                              << post(u"/api/case/~1/task"_s,
                                      R"({"title":"Isolate host","group":"containment",
                                          "description":"Pull the cable",
                                          "owner":"bob@soc.example","dueDate":1700086400000})");
    QTest::newRow("task th5") << HiveRequests::createTask(u"~1"_s, task, TH52)
                              << post(u"/api/v1/case/~1/task"_s,
                                      R"({"title":"Isolate host","group":"containment",
                                          "description":"Pull the cable",
                                          "assignee":"bob@soc.example","dueDate":1700086400000,
                                          "mandatory":true})");
    QTest::newRow("minimal task th4")
        << HiveRequests::createTask(u"~1"_s, TaskDraft{u"Triage"_s, {}, {}, {}, 0, true}, TH4)
        << post(u"/api/case/~1/task"_s, R"({"title":"Triage"})");
    QTest::newRow("minimal task th5")
        << HiveRequests::createTask(u"~1"_s, TaskDraft{u"Triage"_s, {}, {}, {}, 0, false}, TH52)
        << post(u"/api/v1/case/~1/task"_s, R"({"title":"Triage","mandatory":false})");

    const CaseDraft incident{u"Phishing wave"_s, u"Five reports"_s, 3,        1,
                             std::nullopt,       {u"vip"_s},        u"~77"_s, u"bob@soc.example"_s};
    QTest::newRow("new case th4") << HiveRequests::createCase(incident, TH4)
                                  << post(u"/api/case"_s,
                                          R"({"title":"Phishing wave","description":"Five reports",
                                              "severity":3,"tlp":1,"tags":["vip"],
                                              "template":"~77","user":"bob@soc.example"})");
    QTest::newRow("new case th5") << HiveRequests::createCase(incident, TH52)
                                  << post(u"/api/v1/case"_s,
                                          R"({"title":"Phishing wave","description":"Five reports",
                                              "severity":3,"tlp":1,"tags":["vip"],
                                              "caseTemplate":"~77",
                                              "assignee":"bob@soc.example"})");
    QTest::newRow("minimal new case th5")
        << HiveRequests::createCase(
               CaseDraft{u"Scan"_s, u"Seen at the edge"_s, {}, {}, {}, {}, {}, {}}, TH52)
        << post(u"/api/v1/case"_s,
                R"({"title":"Scan","description":"Seen at the edge","tags":[]})");
    QTest::newRow("case templates") << HiveRequests::listCaseTemplates(100)
                                    << post(u"/api/v1/query"_s,
                                            R"({"query":[{"_name":"listCaseTemplate"},
                             {"_name":"sort","_fields":[{"displayName":"asc"}]},
                             {"_name":"page","from":0,"to":100}]})");

    QTest::newRow("comment th5")
        << HiveRequests::addCaseComment(u"~1"_s, u"Closed from Slack by @alice"_s, TH52).value()
        << post(u"/api/v1/case/~1/comment"_s, R"({"message":"Closed from Slack by @alice"})");

    QTest::newRow("user th4") << HiveRequests::getUser(u"bob@soc.example"_s, TH4)
                              << get(u"/api/v1/user/bob@soc.example"_s);
    QTest::newRow("user th5") << HiveRequests::getUser(u"jdoe"_s, TH52)
                              << get(u"/api/v1/user/jdoe"_s);
    QTest::newRow("user th5 odd login")
        << HiveRequests::getUser(u"a b/c"_s, TH52) << get(u"/api/v1/user/a%20b%2Fc"_s);
    QTest::newRow("user by email th5") << HiveRequests::findUserByEmail(u"Bob@SOC.example"_s, TH52)
                                       << post(u"/api/v1/query"_s,
                                               R"({"query":[{"_name":"listUser"},
                             {"_name":"filter","_eq":{"_field":"email","_value":"Bob@SOC.example"}},
                             {"_name":"page","from":0,"to":10}]})");
    QTest::newRow("user by email th4 filters the login")
        << HiveRequests::findUserByEmail(u" Bob@SOC.example "_s, TH4)
        << post(u"/api/v1/query"_s,
                R"({"query":[{"_name":"listUser"},
                             {"_name":"filter","_eq":{"_field":"login","_value":"bob@soc.example"}},
                             {"_name":"page","from":0,"to":10}]})");
    QTest::newRow("user by login th5") << HiveRequests::findUserByLogin(u"jdoe"_s, TH52)
                                       << post(u"/api/v1/query"_s,
                                               R"({"query":[{"_name":"listUser"},
                             {"_name":"filter","_eq":{"_field":"login","_value":"jdoe"}},
                             {"_name":"page","from":0,"to":10}]})");
    QTest::newRow("user by login th4") << HiveRequests::findUserByLogin(u"JDoe@Soc.example"_s, TH4)
                                       << post(u"/api/v1/query"_s,
                                               R"({"query":[{"_name":"listUser"},
                             {"_name":"filter","_eq":{"_field":"login","_value":"jdoe@soc.example"}},
                             {"_name":"page","from":0,"to":10}]})");
    const QByteArray count = R"({"query":[{"_name":"getCase","idOrName":"~1"},
                                          {"_name":"tasks"},{"_name":"count"}]})";
    QTest::newRow("count tasks th4")
        << HiveRequests::countTasks(u"~1"_s, TH4) << post(u"/api/v1/query"_s, count);
    QTest::newRow("count tasks th5")
        << HiveRequests::countTasks(u"~1"_s, TH52) << post(u"/api/v1/query"_s, count);
}

void TestDialect::builders()
{
    QFETCH(HiveRequest, actual);
    QFETCH(HiveRequest, expected);
    QCOMPARE(actual.method, expected.method);
    QCOMPARE(actual.path, expected.path);
    QCOMPARE(actual.hasBody, expected.hasBody);
    // Exact equality: a key the builder should not send fails here too.
    QCOMPARE(QJsonDocument(actual.body).toJson(QJsonDocument::Compact),
             QJsonDocument(expected.body).toJson(QJsonDocument::Compact));
    QVERIFY(actual.rawBody.isNull());
}

void TestDialect::commentNeedsTheHive5()
{
    QVERIFY(!HiveRequests::addCaseComment(u"~1"_s, u"hi"_s, TH4).has_value());
    QVERIFY(!HiveRequests::addCaseComment(u"~1"_s, u"hi"_s, HiveVersion{3, 0}).has_value());
    QVERIFY(HiveRequests::addCaseComment(u"~1"_s, u"hi"_s, HiveVersion{5, 0}).has_value());
}

void TestDialect::neverSendsFlag()
{
    const TaskDraft task{u"t"_s, u"d"_s, u"g"_s, u"a"_s, 1, true};
    for (const HiveVersion &v : {TH4, HiveVersion{5, 0}, TH52}) {
        const QList<HiveRequest> requests = {
            HiveRequests::setSeverity(u"~1"_s, 2, v),
            HiveRequests::setTlp(u"~1"_s, 2, v),
            HiveRequests::setPap(u"~1"_s, 2, v),
            HiveRequests::setStatus(u"~1"_s, u"New"_s, v),
            HiveRequests::assign(u"~1"_s, u"x"_s, v),
            HiveRequests::close(u"~1"_s, u"Other"_s, u"NoImpact"_s, u"s"_s, v),
            HiveRequests::reopen(u"~1"_s, v),
            HiveRequests::createTask(u"~1"_s, task, v),
        };
        for (const HiveRequest &r : requests) {
            QVERIFY2(!r.body.contains("flag"_L1), qPrintable(r.path));
            QVERIFY(r.hasBody);
        }
    }
}

void TestDialect::payload()
{
    const HiveRequest g = HiveRequests::getCase(u"~1"_s, TH52);
    QVERIFY(g.payload().isEmpty());
    QCOMPARE(HiveRequests::setSeverity(u"~1"_s, 3, TH52).payload(), R"({"severity":3})"_ba);
    QCOMPARE(HiveRequests::assign(u"~1"_s, QString(), TH4).payload(), R"({"owner":null})"_ba);

    HiveRequest raw = HiveRequests::setTlp(u"~1"_s, 1, TH52);
    raw.rawBody = QJsonArray{1, u"two"_s};
    QCOMPARE(raw.payload(), R"([1,"two"])"_ba);
    raw.rawBody = u"text"_s;
    QCOMPARE(raw.payload(), R"("text")"_ba);
    raw.rawBody = 7;
    QCOMPARE(raw.payload(), "7"_ba);
    raw.hasBody = false;
    QVERIFY(raw.payload().isEmpty());
}

void TestDialect::errors_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("message");

    QTest::newRow("th4 attribute check (verbatim)")
        << 400
        << R"json({"type":"AttributeCheckingError","message":"[Invalid format for status: FAny(List(Resolved)), expected org.thp.thehive.models.CaseStatus.Value (Duplicated,Resolved,Open)]","errors":[{"name":"status","format":"org.thp.thehive.models.CaseStatus.Value","acceptedInput":["Duplicated","Resolved","Open"],"field":"FAny(List(Resolved))","type":"InvalidFormatAttributeError"}]})json"_ba
        << u"AttributeCheckingError"_s
        << u"[Invalid format for status: FAny(List(Resolved)), expected org.thp.thehive.models.CaseStatus.Value (Duplicated,Resolved,Open)]"_s;
    QTest::newRow("auth")
        << 401 << R"({"type":"AuthenticationError","message":"Authentication failure"})"_ba
        << u"AuthenticationError"_s << u"Authentication failure"_s;
    QTest::newRow("forbidden")
        << 403 << R"({"type":"AuthorizationError","message":"Your are not authorized"})"_ba
        << u"AuthorizationError"_s << u"Your are not authorized"_s;
    QTest::newRow("not found mentions th4 permissions")
        << 404 << R"({"type":"NotFoundError","message":"Case not found"})"_ba << u"NotFoundError"_s
        << u"Case not found (TheHive 4 also answers 404 when the API user lacks the permission)"_s;
    QTest::newRow("message from cause") << 500 << R"({"type":"InternalError","cause":"boom"})"_ba
                                        << u"InternalError"_s << u"boom"_s;
    QTest::newRow("json without type or message")
        << 500 << R"({"error":"x"})"_ba << u"InternalError"_s << uR"({"error":"x"})"_s;
    QTest::newRow("proxy html") << 502
                                << "<html><head><title>502 Bad Gateway</title></head><body><center>"
                                   "<h1>502 Bad Gateway</h1></center><hr><center>nginx</center>"
                                   "</body></html>"_ba
                                << u"HttpError"_s << u"502 Bad Gateway"_s;
    QTest::newRow("html without title")
        << 503 << "<html><body>down</body></html>"_ba << u"HttpError"_s << u"HTTP 503"_s;
    QTest::newRow("plain text") << 400 << "  Bad request:\n  invalid JSON  "_ba << u"BadRequest"_s
                                << u"Bad request: invalid JSON"_s;
    QTest::newRow("empty body") << 500 << QByteArray() << u"InternalError"_s << u"HTTP 500"_s;
    QTest::newRow("empty 404")
        << 404 << QByteArray() << u"NotFoundError"_s
        << u"HTTP 404 (TheHive 4 also answers 404 when the API user lacks the permission)"_s;
    QTest::newRow("long text is bounded")
        << 500 << QByteArray(400, 'a') << u"InternalError"_s << QString(299, u'a') + u'…';
}

void TestDialect::errors()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    const HiveError e = parseError(status, body);
    QCOMPARE(e.httpStatus, status);
    QTEST(e.type, "type");
    QTEST(e.message, "message");
}

void TestDialect::uiUrl_data()
{
    QTest::addColumn<QUrl>("base");
    QTest::addColumn<QString>("caseId");
    QTest::addColumn<HiveVersion>("version");
    QTest::addColumn<QString>("expected");

    QTest::newRow("th4") << QUrl(u"https://hive.example"_s) << u"~41025656"_s << TH4
                         << u"https://hive.example/index.html#!/case/~41025656/details"_s;
    QTest::newRow("th4 with prefix and slash")
        << QUrl(u"https://soc.example/thehive/"_s) << u"~41025656"_s << TH4
        << u"https://soc.example/thehive/index.html#!/case/~41025656/details"_s;
    QTest::newRow("th5") << QUrl(u"https://hive.example:9000"_s) << u"~327925760"_s << TH52
                         << u"https://hive.example:9000/cases/~327925760/details"_s;
    QTest::newRow("th5 with prefix, query and fragment dropped")
        << QUrl(u"https://soc.example/hive//?x=1#y"_s) << u"~327925760"_s << TH52
        << u"https://soc.example/hive/cases/~327925760/details"_s;
    QTest::newRow("no id") << QUrl(u"https://hive.example"_s) << QString() << TH52 << QString();
    QTest::newRow("relative base") << QUrl(u"hive.example/x"_s) << u"~1"_s << TH52 << QString();
    QTest::newRow("empty base") << QUrl() << u"~1"_s << TH52 << QString();
}

void TestDialect::uiUrl()
{
    QFETCH(QUrl, base);
    QFETCH(QString, caseId);
    QFETCH(HiveVersion, version);
    CaseRecord c;
    c.id = caseId;
    c.number = 42;
    QTEST(caseUiUrl(base, c, version), "expected");
}

QTEST_GUILESS_MAIN(TestDialect)
#include "tst_dialect.moc"
