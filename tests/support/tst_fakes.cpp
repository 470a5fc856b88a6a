#include "fakeslack.h"
#include "fakethehive.h"
#include "manualclock.h"
#include "memorysecretstore.h"
#include "multipartform.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QHttpMultiPart>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace TestSupport;

namespace {

struct Answer
{
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
    QByteArray retryAfter;
    QList<QNetworkReply::RawHeaderPair> headers;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QJsonArray array() const { return QJsonDocument::fromJson(body).array(); }
    QByteArray header(const QByteArray &name) const
    {
        for (const auto &[key, value] : headers) {
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return value;
        }
        return {};
    }
};

const QByteArray kBoundary = "hiveslack-test-7f3a";
const QByteArray kFormType = "multipart/form-data; boundary=" + kBoundary;

/// A multipart/form-data body of these parts (each its headers, a blank line and its bytes).
QByteArray formBody(const QList<QByteArray> &parts, const QByteArray &boundary = kBoundary)
{
    QByteArray body;
    for (const QByteArray &part : parts)
        body += "--" + boundary + "\r\n" + part + "\r\n";
    return body + "--" + boundary + "--\r\n";
}

QByteArray dataPart(const QByteArray &name, const QByteArray &data)
{
    return "Content-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + data;
}

QByteArray filePart(const QByteArray &name, const QByteArray &fileName,
                    const QByteArray &contentType, const QByteArray &data)
{
    return "Content-Disposition: form-data; name=\"" + name + "\"; filename=\"" + fileName +
           "\"\r\nContent-Type: " + contentType + "\r\n\r\n" + data;
}

QString hexHash(const QByteArray &data, QCryptographicHash::Algorithm algorithm)
{
    return QString::fromLatin1(QCryptographicHash::hash(data, algorithm).toHex());
}

QJsonObject fixtureObject(const QString &relative)
{
    QFile file(QStringLiteral(HIVESLACK_FIXTURES_DIR) + u'/' + relative);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(relative));
    return QJsonDocument::fromJson(file.readAll()).object();
}

QStringList keysOf(const QJsonValue &value)
{
    return value.toObject().keys();
}

/// The `version` column with one row for TheHive 5 and one for TheHive 4.
void addTheHiveVersionRows()
{
    QTest::addColumn<QString>("version");
    QTest::newRow("5") << u"5.2.9"_s;
    QTest::newRow("4") << u"4.1.24"_s;
}

} // namespace

class TestFakes : public QObject
{
    Q_OBJECT

private:
    QNetworkAccessManager m_nam;

    /// One request over real HTTP; waits for the answer (or the network error).
    Answer call(const QByteArray &verb, const QUrl &url, const QByteArray &body = {},
                const QByteArray &authorization = {},
                const QByteArray &contentType = "application/json; charset=utf-8",
                const QList<QPair<QByteArray, QByteArray>> &headers = {})
    {
        QNetworkRequest request(url);
        if (!authorization.isEmpty())
            request.setRawHeader("Authorization", authorization);
        for (const auto &[name, value] : headers)
            request.setRawHeader(name, value);
        if (!body.isEmpty())
            request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
        return finish(m_nam.sendCustomRequest(request, verb, body));
    }

    /// Waits for the reply and takes it over.
    static Answer finish(QNetworkReply *sent)
    {
        std::unique_ptr<QNetworkReply> reply(sent);
        QSignalSpy finished(reply.get(), &QNetworkReply::finished);
        if (!reply->isFinished())
            finished.wait(5000);
        Answer answer;
        answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        answer.error = reply->error();
        answer.body = reply->readAll();
        answer.retryAfter = reply->rawHeader("Retry-After");
        answer.headers = reply->rawHeaderPairs();
        return answer;
    }

    /// A GET like a file download: Qt's default redirect policy (which follows, keeping
    /// Authorization), or none, to see the 302 itself.
    Answer download(const QUrl &url, const QByteArray &authorization, bool followRedirects = true)
    {
        QNetworkRequest request(url);
        if (!authorization.isEmpty())
            request.setRawHeader("Authorization", authorization);
        if (!followRedirects)
            request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                                 QNetworkRequest::ManualRedirectPolicy);
        return finish(m_nam.get(request));
    }

    /// A multipart/form-data POST with the test TheHive key.
    Answer hiveForm(const FakeTheHive &server, const QString &path, const QList<QByteArray> &parts)
    {
        return call("POST", at(server, path), formBody(parts), "Bearer k", kFormType);
    }

    /// A TheHive query with the test key; its answer.
    Answer hiveQuery(const FakeTheHive &server, const QJsonArray &operations)
    {
        return hiveCall(server, "POST", u"/api/v1/query"_s, {{u"query"_s, operations}});
    }

    static QUrl at(const FakeHttpServer &server, const QString &pathAndQuery)
    {
        return server.baseUrl().resolved(QUrl(pathAndQuery));
    }

    static QByteArray json(const QJsonObject &object)
    {
        return QJsonDocument(object).toJson(QJsonDocument::Compact);
    }

    /// A TheHive call with the test key "k".
    Answer hiveCall(const FakeTheHive &server, const QByteArray &verb, const QString &path,
                    const QJsonObject &body = {})
    {
        return call(verb, at(server, path), body.isEmpty() ? QByteArray() : json(body), "Bearer k");
    }

    /// A TheHive call that names its user in a header (`X-USER` unless told) and has no key
    /// unless `authorization` is given.
    Answer hiveAs(const FakeTheHive &server, const QString &login, const QByteArray &verb,
                  const QString &path, const QJsonObject &body = {},
                  const QByteArray &authorization = {}, const QByteArray &header = "X-USER")
    {
        return call(verb, at(server, path), body.isEmpty() ? QByteArray() : json(body),
                    authorization, "application/json; charset=utf-8", {{header, login.toUtf8()}});
    }

    static QString typeOf(const Answer &answer)
    {
        return answer.json().value(u"type"_s).toString();
    }

    /// A Slack Web API method called with a JSON body and the test token "xoxb-t".
    Answer slackCall(const FakeSlack &server, const QString &method, const QJsonObject &args = {})
    {
        return call("POST", at(server, u"/api/"_s + method),
                    args.isEmpty() ? QByteArray() : json(args), "Bearer xoxb-t");
    }

    /// A Slack read method called with a query string and the test token.
    Answer slackGet(const FakeSlack &server, const QString &methodAndQuery)
    {
        return call("GET", at(server, u"/api/"_s + methodAndQuery), {}, "Bearer xoxb-t");
    }

private Q_SLOTS:
    void initTestCase() { m_nam.setProxy(QNetworkProxy::NoProxy); }

    void theHiveRefusesBadKeys_data()
    {
        QTest::addColumn<QString>("version");
        QTest::addColumn<QByteArray>("authorization");
        QTest::newRow("5: no key") << u"5.2.9"_s << QByteArray();
        QTest::newRow("5: wrong key") << u"5.2.9"_s << QByteArray("Bearer nope");
        QTest::newRow("4: raw key") << u"4.1.24"_s << QByteArray("good");
    }
    void theHiveRefusesBadKeys()
    {
        QFETCH(QString, version);
        QFETCH(QByteArray, authorization);
        FakeTheHive hive(version, u"good"_s);
        QVERIFY(hive.listen());
        const QString id = hive.addCase().value(u"_id"_s).toString();
        const Answer a = call("GET", at(hive, u"/api/v1/case/"_s + id), {}, authorization);
        QCOMPARE(a.status, 401);
        QCOMPARE(a.json().value(u"type"_s).toString(), u"AuthenticationError"_s);
        QCOMPARE(a.json().value(u"message"_s).toString(), u"Authentication failure"_s);
        QCOMPARE(call("GET", at(hive, u"/api/v1/case/"_s + id), {}, "Bearer good").status, 200);
    }

    void theHiveStatus_data()
    {
        QTest::addColumn<QString>("version");
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("reported");
        QTest::newRow("5 public") << u"5.2.9"_s << u"/api/v1/status/public"_s << 200
                                  << u"5.2.9-1"_s;
        QTest::newRow("5 legacy") << u"5.2.9"_s << u"/api/status"_s << 200 << u"5.2.9-1"_s;
        QTest::newRow("4 legacy") << u"4.1.24"_s << u"/api/status"_s << 200 << u"4.1.24-1"_s;
        QTest::newRow("4 public") << u"4.1.24"_s << u"/api/v1/status/public"_s << 404 << QString();
    }
    void theHiveStatus()
    {
        QFETCH(QString, version);
        QFETCH(QString, path);
        QFETCH(int, status);
        QFETCH(QString, reported);
        FakeTheHive hive(version, u"k"_s);
        QVERIFY(hive.listen());
        const Answer a = call("GET", at(hive, path)); // no key needed
        QCOMPARE(a.status, status);
        const QJsonObject o = a.json();
        const QString got = o.contains(u"version"_s)
                                ? o.value(u"version"_s).toString()
                                : o.value(u"versions"_s).toObject().value(u"TheHive"_s).toString();
        QCOMPARE(got, reported);
    }

    void theHive5CaseRoundTrip()
    {
        FakeTheHive hive(u"5.2.9"_s, u"k"_s);
        QVERIFY(hive.listen());
        hive.addUser(u"alice@soc.example"_s, u"Alice"_s, u"alice@soc.example"_s);
        const QJsonObject added = hive.addCase({{u"title"_s, u"Phish"_s}, {u"tlp"_s, 3}});
        const QString id = added.value(u"_id"_s).toString();
        const QString number = QString::number(added.value(u"number"_s).toInt());
        QVERIFY(id.startsWith(u'~'));

        Answer a = hiveCall(hive, "GET", u"/api/v1/case/"_s + number);
        QCOMPARE(a.status, 200);
        QCOMPARE(a.json().value(u"_id"_s).toString(), id);
        QCOMPARE(a.json().value(u"_type"_s).toString(), u"Case"_s);
        QCOMPARE(a.json().value(u"stage"_s).toString(), u"New"_s);
        QCOMPARE(a.json().value(u"tlpLabel"_s).toString(), u"AMBER+STRICT"_s);
        QCOMPARE(a.json().value(u"severityLabel"_s).toString(), u"MEDIUM"_s);

        const QString casePath = u"/api/v1/case/"_s + id;
        a = hiveCall(hive, "PATCH", casePath, {{u"assignee"_s, u"alice@soc.example"_s}});
        QCOMPARE(a.status, 204);
        QVERIFY(a.body.isEmpty());
        a = hiveCall(hive, "PATCH", casePath, {{u"assignee"_s, u"mallory@x"_s}});
        QCOMPARE(a.status, 404);
        QCOMPARE(a.json().value(u"message"_s).toString(), u"User not found"_s);
        a = hiveCall(hive, "PATCH", casePath, {{u"status"_s, u"Resolved"_s}});
        QCOMPARE(a.status, 400); // a TheHive 4 status
        a = hiveCall(hive, "PATCH", casePath, {{u"owner"_s, u"alice@soc.example"_s}});
        QCOMPARE(a.status, 400); // a v0 field name

        a = hiveCall(hive, "POST", u"/api/v1/case/"_s + id + u"/task"_s,
                     {{u"title"_s, u"Isolate host"_s}, {u"assignee"_s, u"alice@soc.example"_s}});
        QCOMPARE(a.status, 201);
        QCOMPARE(a.json().value(u"status"_s).toString(), u"Waiting"_s);
        QCOMPARE(a.json().value(u"_type"_s).toString(), u"Task"_s);
        QCOMPARE(a.json().value(u"mandatory"_s).toBool(), false);
        a = hiveCall(hive, "POST", u"/api/v1/case/"_s + id + u"/comment"_s,
                     {{u"message"_s, u"from Slack"_s}});
        QCOMPARE(a.status, 201);
        QCOMPARE(hive.comments(id).value(0).value(u"message"_s).toString(), u"from Slack"_s);

        a = hiveCall(hive, "PATCH", casePath, {{u"status"_s, u"FalsePositive"_s}});
        QCOMPARE(a.status, 204);
        const QJsonObject closed = hive.caseJson(id);
        QCOMPARE(closed.value(u"stage"_s).toString(), u"Closed"_s);
        QCOMPARE(closed.value(u"assignee"_s).toString(), u"alice@soc.example"_s);
        QVERIFY(closed.value(u"endDate"_s).toInteger() > 0);
        QCOMPARE(hive.tasks(id).value(0).value(u"status"_s).toString(), u"Cancel"_s);

        a = hiveCall(hive, "GET", u"/api/v1/case/~999"_s);
        QCOMPARE(a.status, 404);
        QCOMPARE(a.json(), QJsonObject({{u"type"_s, u"NotFoundError"_s},
                                        {u"message"_s, u"Case not found"_s}}));
        QCOMPARE(hiveCall(hive, "GET", u"/api/case/"_s + id).status, 404);
    }

    void theHive4CaseRoundTrip()
    {
        FakeTheHive hive(u"4.1.24"_s, u"k"_s);
        QVERIFY(hive.listen());
        hive.addUser(u"Bob@SOC.example"_s, u"Bob"_s);
        const QString id =
            hive.addCase({{u"owner"_s, u"bob@soc.example"_s}}).value(u"_id"_s).toString();
        Answer a = hiveCall(hive, "GET", u"/api/case/"_s + id);
        QCOMPARE(a.status, 200);
        QCOMPARE(a.json().value(u"_type"_s).toString(), u"case"_s);
        QCOMPARE(a.json().value(u"status"_s).toString(), u"Open"_s);
        QCOMPARE(a.json().value(u"owner"_s).toString(), u"bob@soc.example"_s);
        QCOMPARE(a.json().value(u"caseId"_s).toInt(), 1);

        a = hiveCall(hive, "PATCH", u"/api/case/"_s + id,
                     {{u"status"_s, u"Resolved"_s},
                      {u"resolutionStatus"_s, u"FalsePositive"_s},
                      {u"impactStatus"_s, u"NoImpact"_s},
                      {u"summary"_s, u"nothing"_s}});
        QCOMPARE(a.status, 200); // v0 answers with the case
        QCOMPARE(a.json().value(u"status"_s).toString(), u"Resolved"_s);
        QCOMPARE(a.json().value(u"resolutionStatus"_s).toString(), u"FalsePositive"_s);
        QVERIFY(a.json().value(u"endDate"_s).toInteger() > 0);

        a = hiveCall(hive, "PATCH", u"/api/v1/case/"_s + id, {{u"status"_s, u"Open"_s}});
        QCOMPARE(a.status, 204); // TheHive 4's v1 API answers 204
        QVERIFY(hive.caseJsonV0(id).value(u"endDate"_s).isNull());
        a = hiveCall(hive, "PATCH", u"/api/case/"_s + id, {{u"status"_s, u"Closed"_s}});
        QCOMPARE(a.status, 400);
        QCOMPARE(a.json().value(u"type"_s).toString(), u"AttributeCheckingError"_s);
        QCOMPARE(a.json().value(u"errors"_s)[0][u"acceptedInput"_s].toArray().size(), 3);
        a = hiveCall(hive, "PATCH", u"/api/case/"_s + id, {{u"resolutionStatus"_s, u"Solved"_s}});
        QCOMPARE(a.status, 404);

        a = hiveCall(hive, "POST", u"/api/case/"_s + id + u"/task"_s,
                     {{u"title"_s, u"Reset password"_s}, {u"owner"_s, u"bob@soc.example"_s}});
        QCOMPARE(a.status, 201);
        QCOMPARE(a.json().value(u"_type"_s).toString(), u"case_task"_s);
        QCOMPARE(a.json().value(u"owner"_s).toString(), u"bob@soc.example"_s);
        const QString taskId = a.json().value(u"_id"_s).toString();
        a = hiveCall(hive, "POST", u"/api/case/task/"_s + taskId + u"/log"_s,
                     {{u"message"_s, u"done"_s}});
        QCOMPARE(a.status, 201);
        QCOMPARE(hive.taskLogs(id).size(), 1);
        QCOMPARE(hiveCall(hive, "POST", u"/api/v1/case/"_s + id + u"/comment"_s,
                          {{u"message"_s, u"x"_s}})
                     .status,
                 404); // TheHive 4 has no case comments

        a = hiveCall(hive, "GET", u"/api/user/bob@soc.example"_s);
        QCOMPARE(a.status, 200);
        QCOMPARE(a.json().value(u"login"_s).toString(), u"bob@soc.example"_s);
        a = hiveCall(hive, "GET", u"/api/v1/user/current"_s);
        QCOMPARE(a.json().value(u"login"_s).toString(), hive.apiUserLogin());
    }

    void theHiveQuery_data()
    {
        QTest::addColumn<QString>("version");
        QTest::addColumn<QString>("field");
        QTest::addColumn<int>("found");
        QTest::newRow("5 by email") << u"5.2.9"_s << u"email"_s << 1;
        QTest::newRow("5 by login") << u"5.2.9"_s << u"login"_s << 1;
        QTest::newRow("4 by email") << u"4.1.24"_s << u"email"_s << 0; // no email in TheHive 4
        QTest::newRow("4 by login") << u"4.1.24"_s << u"login"_s << 1;
    }
    void theHiveQuery()
    {
        QFETCH(QString, version);
        QFETCH(QString, field);
        QFETCH(int, found);
        FakeTheHive hive(version, u"k"_s);
        QVERIFY(hive.listen());
        hive.addUser(u"alice@soc.example"_s, u"Alice"_s, u"alice@soc.example"_s);
        hive.addUser(u"bob@soc.example"_s, u"Bob"_s, u"bob@soc.example"_s);
        const QJsonObject eq{{u"_field"_s, field}, {u"_value"_s, u"alice@soc.example"_s}};
        const QJsonArray query{QJsonObject{{u"_name"_s, u"listUser"_s}},
                               QJsonObject{{u"_name"_s, u"filter"_s}, {u"_eq"_s, eq}},
                               QJsonObject{{u"_name"_s, u"page"_s}, {u"from"_s, 0}, {u"to"_s, 10}}};
        const QString url = u"/api/v1/query"_s;
        Answer a = hiveCall(hive, "POST", url, {{u"query"_s, query}});
        QCOMPARE(a.status, 200);
        const QJsonArray users = QJsonDocument::fromJson(a.body).array();
        QCOMPARE(users.size(), found);
        if (found)
            QCOMPARE(users[0][u"name"_s].toString(), u"Alice"_s);

        const QString id = hive.addCase().value(u"_id"_s).toString();
        for (const QString &title : {u"a"_s, u"b"_s}) {
            const QString route = hive.isTheHive4() ? u"/api/case/"_s : u"/api/v1/case/"_s;
            QCOMPARE(hiveCall(hive, "POST", route + id + u"/task"_s, {{u"title"_s, title}}).status,
                     201);
        }
        const QJsonObject getCase{{u"_name"_s, u"getCase"_s}, {u"idOrName"_s, id}};
        const QJsonObject tasks{{u"_name"_s, u"tasks"_s}};
        const QJsonObject count{{u"_name"_s, u"count"_s}};
        a = hiveCall(hive, "POST", url, {{u"query"_s, QJsonArray{getCase, tasks, count}}});
        QCOMPARE(a.body, QByteArray("2"));
        a = hiveCall(hive, "POST", url, {{u"query"_s, QJsonArray{getCase, tasks}}});
        QCOMPARE(QJsonDocument::fromJson(a.body).array()[1][u"title"_s].toString(), u"b"_s);
    }

    void theHiveHeaderAuth_data() { addTheHiveVersionRows(); }
    void theHiveHeaderAuth()
    {
        QFETCH(QString, version);
        FakeTheHive hive(version, u"k"_s);
        QVERIFY(hive.listen());
        const QString alice = u"alice@soc.example"_s;
        hive.addUser(alice, u"Alice"_s);
        hive.addUser(u"gone@soc.example"_s, u"Gone"_s, {}, true);
        const QString me = u"/api/v1/user/current"_s;

        // Off by default: the header alone authenticates nobody.
        Answer a = hiveAs(hive, alice, "GET", me);
        QCOMPARE(a.status, 401);
        QCOMPARE(typeOf(a), u"AuthenticationError"_s);

        hive.enableHeaderAuth();
        a = hiveAs(hive, alice, "GET", me);
        QCOMPARE(a.status, 200);
        QCOMPARE(a.json().value(u"login"_s).toString(), alice);
        for (const QString &refused : {u"mallory@soc.example"_s, u"gone@soc.example"_s}) {
            a = hiveAs(hive, refused, "GET", me);
            QCOMPARE(a.status, 401);
            QCOMPARE(a.json(), QJsonObject({{u"type"_s, u"AuthenticationError"_s},
                                            {u"message"_s, u"Authentication failure"_s}}));
        }
        // TheHive 4 logins are lower-cased emails; TheHive 5 compares them as they are.
        a = hiveAs(hive, u"Alice@SOC.example"_s, "GET", me);
        QCOMPARE(a.status, hive.isTheHive4() ? 200 : 401);

        // A key wins over the header; a wrong key is not rescued by it.
        a = hiveAs(hive, alice, "GET", me, {}, "Bearer k");
        QCOMPARE(a.json().value(u"login"_s).toString(), hive.apiUserLogin());
        QCOMPARE(hiveAs(hive, alice, "GET", me, {}, "Bearer nope").status, 401);

        hive.enableHeaderAuth(u"X-Remote-User"_s);
        QCOMPARE(hiveAs(hive, alice, "GET", me).status, 401);
        QCOMPARE(hiveAs(hive, alice, "GET", me, {}, {}, "X-Remote-User").status, 200);
        hive.disableHeaderAuth();
        QCOMPARE(hiveAs(hive, alice, "GET", me, {}, {}, "X-Remote-User").status, 401);

        QStringList expected{alice};
        if (hive.isTheHive4())
            expected << alice;
        expected << hive.apiUserLogin() << alice;
        QCOMPARE(hive.callers(), expected);
        QCOMPARE(hive.callerOf(0), QString()); // refused before header auth was on
        QCOMPARE(hive.callerOf(1), alice);
        QCOMPARE(hive.callerOf(int(hive.requests().size()) - 1), QString());
        hive.clearRequests();
        QVERIFY(hive.callers().isEmpty());
        hive.failNext(me, 500); // a fault answers before anyone is authenticated
        QCOMPARE(hiveCall(hive, "GET", me).status, 500);
        QCOMPARE(hiveCall(hive, "GET", me).status, 200);
        QCOMPARE(hive.callers(), QStringList{hive.apiUserLogin()});
        QCOMPARE(hive.callerOf(0), QString());
        QCOMPARE(hive.callerOf(1), hive.apiUserLogin());
    }

    void theHiveProfilesEnforced_data()
    {
        QTest::addColumn<QString>("version");
        QTest::addColumn<int>("refused");
        QTest::addColumn<QString>("refusal");
        QTest::newRow("5") << u"5.2.9"_s << 403 << u"AuthorizationError"_s;
        // TheHive 4 filters by permission before looking the case up (thehive-api.md §0.9).
        QTest::newRow("4") << u"4.1.24"_s << 404 << u"NotFoundError"_s;
    }
    void theHiveProfilesEnforced()
    {
        QFETCH(QString, version);
        QFETCH(int, refused);
        QFETCH(QString, refusal);
        FakeTheHive hive(version, u"k"_s);
        QVERIFY(hive.listen());
        hive.enableHeaderAuth();
        const QString rita = u"rita@soc.example"_s;
        const QString alice = u"alice@soc.example"_s;
        hive.addUser(rita, u"Rita"_s, {}, false, u"read-only"_s);
        hive.addUser(alice, u"Alice"_s);
        const QString id = hive.addCase().value(u"_id"_s).toString();
        const bool th4 = hive.isTheHive4();
        const QString casePath = (th4 ? u"/api/case/"_s : u"/api/v1/case/"_s) + id;
        const QString taskId = hiveCall(hive, "POST", casePath + u"/task"_s, {{u"title"_s, u"t"_s}})
                                   .json()
                                   .value(u"_id"_s)
                                   .toString();
        const QString taskPath = (th4 ? u"/api/case/task/"_s : u"/api/v1/task/"_s) + taskId;

        // Reading needs no permission, writing does.
        QCOMPARE(hiveAs(hive, rita, "GET", casePath).status, 200);
        Answer a = hiveAs(hive, rita, "PATCH", casePath, {{u"severity"_s, 3}});
        QCOMPARE(a.status, refused);
        QCOMPARE(typeOf(a), refusal);
        if (th4)
            QCOMPARE(a.json().value(u"message"_s).toString(), u"Case not found"_s);
        QCOMPARE(hiveAs(hive, rita, "PATCH", u"/api/v1/case/"_s + id, {{u"severity"_s, 3}}).status,
                 th4 ? 404 : 403);
        QCOMPARE(hive.caseJson(id).value(u"severity"_s).toInt(), 2);
        a = hiveAs(hive, rita, "POST", casePath + u"/task"_s, {{u"title"_s, u"x"_s}});
        QCOMPARE(typeOf(a), refusal);
        a = hiveAs(hive, rita, "PATCH", taskPath, {{u"status"_s, u"InProgress"_s}});
        QCOMPARE(typeOf(a), refusal);
        a = hiveAs(hive, rita, "POST", taskPath + u"/log"_s, {{u"message"_s, u"x"_s}});
        QCOMPARE(a.status, refused);
        if (th4)
            QCOMPARE(a.json().value(u"message"_s).toString(), u"Task not found"_s);
        if (!th4) {
            a = hiveAs(hive, rita, "POST", casePath + u"/comment"_s, {{u"message"_s, u"x"_s}});
            QCOMPARE(a.status, 403);
        }
        QCOMPARE(hive.tasks(id).size(), 1);
        QVERIFY(hive.taskLogs(id).isEmpty());

        // An analyst may, and every write records who did it.
        a = hiveAs(hive, alice, "PATCH", casePath, {{u"severity"_s, 3}});
        QCOMPARE(a.status, th4 ? 200 : 204);
        QCOMPARE(hive.caseJson(id).value(u"_updatedBy"_s).toString(), alice);
        const QJsonObject event = hive.webhookFor(u"update"_s, id, {{u"severity"_s, 3}});
        if (th4)
            QCOMPARE(event[u"object"_s][u"updatedBy"_s].toString(), alice);
        else
            QCOMPARE(event.value(u"_createdBy"_s).toString(), alice);
        QCOMPARE(hiveAs(hive, alice, "POST", casePath + u"/task"_s, {{u"title"_s, u"y"_s}}).status,
                 201);
        QCOMPARE(hive.tasks(id).value(1).value(u"_createdBy"_s).toString(), alice);
        QCOMPARE(hiveAs(hive, alice, "PATCH", taskPath, {{u"status"_s, u"InProgress"_s}}).status,
                 th4 ? 200 : 204);
        QCOMPARE(hive.tasks(id).value(0).value(u"_updatedBy"_s).toString(), alice);
        QCOMPARE(hiveAs(hive, alice, "POST", taskPath + u"/log"_s, {{u"message"_s, u"m"_s}}).status,
                 201);
        QCOMPARE(hive.taskLogs(id).value(0).value(u"createdBy"_s).toString(), alice);
        if (!th4) {
            a = hiveAs(hive, alice, "POST", casePath + u"/comment"_s, {{u"message"_s, u"c"_s}});
            QCOMPARE(a.status, 201);
            QCOMPARE(a.json().value(u"createdBy"_s).toString(), alice);
        }
        QVERIFY(hive.callers().contains(rita));
        QCOMPARE(hive.callers().constFirst(), hive.apiUserLogin());
        QCOMPARE(hive.callers().constLast(), alice);

        // What the test changes itself is still the API user's doing.
        hive.setCaseField(id, u"severity"_s, 1);
        QCOMPARE(hive.caseJson(id).value(u"_updatedBy"_s).toString(), hive.apiUserLogin());
    }

    void theHiveCustomProfile_data()
    {
        QTest::addColumn<QString>("version");
        QTest::addColumn<QString>("casePermission");
        QTest::newRow("5") << u"5.2.9"_s << u"manageCase/update"_s;
        QTest::newRow("4") << u"4.1.24"_s << u"manageCase"_s;
    }
    void theHiveCustomProfile()
    {
        QFETCH(QString, version);
        QFETCH(QString, casePermission);
        FakeTheHive hive(version, u"k"_s);
        QVERIFY(hive.listen());
        hive.enableHeaderAuth();
        hive.setProfilePermissions(u"no-tasks"_s, {casePermission});
        const QString carl = u"carl@soc.example"_s;
        hive.addUser(carl, u"Carl"_s, {}, false, u"no-tasks"_s);
        const QString id = hive.addCase().value(u"_id"_s).toString();
        const QString casePath = u"/api/v1/case/"_s + id;
        const QString taskPath =
            (hive.isTheHive4() ? u"/api/case/"_s : u"/api/v1/case/"_s) + id + u"/task"_s;

        QCOMPARE(hiveAs(hive, carl, "PATCH", casePath, {{u"flag"_s, true}}).status, 204);
        const Answer a = hiveAs(hive, carl, "POST", taskPath, {{u"title"_s, u"x"_s}});
        QCOMPARE(a.status, hive.isTheHive4() ? 404 : 403);
        QVERIFY(hive.tasks(id).isEmpty());

        QVERIFY(hive.setProfile(carl, u"analyst"_s));
        QCOMPARE(hiveAs(hive, carl, "POST", taskPath, {{u"title"_s, u"x"_s}}).status, 201);
        QVERIFY(!hive.setProfile(u"nobody@soc.example"_s, u"analyst"_s));

        // The API user's profile counts just the same.
        hive.setApiUserProfile(u"read-only"_s);
        QCOMPARE(hiveCall(hive, "PATCH", casePath, {{u"flag"_s, false}}).status,
                 hive.isTheHive4() ? 404 : 403);
        QCOMPARE(hiveCall(hive, "GET", casePath).status, 200);
    }

    void theHiveUserProfiles()
    {
        FakeTheHive five(u"5.2.9"_s, u"k"_s);
        QVERIFY(five.listen());
        five.addUser(u"rita"_s, u"Rita"_s, u"rita@soc.example"_s, false, u"read-only"_s);
        five.addUser(u"alice"_s, u"Alice"_s, u"alice@soc.example"_s);
        five.addUser(u"olga"_s, u"Olga"_s, {}, false, u"org-admin"_s);

        Answer a = hiveCall(five, "GET", u"/api/v1/user/rita"_s);
        QCOMPARE(a.json().value(u"profile"_s).toString(), u"read-only"_s);
        QCOMPARE(a.json().value(u"permissions"_s).toArray(), QJsonArray());
        QCOMPARE(a.json()[u"organisations"_s][0][u"profile"_s].toString(), u"read-only"_s);
        a = hiveCall(five, "GET", u"/api/v1/user/alice"_s);
        QCOMPARE(a.json().value(u"profile"_s).toString(), u"analyst"_s);
        QStringList permissions = a.json().value(u"permissions"_s).toVariant().toStringList();
        QCOMPARE(permissions.size(), 18);
        QVERIFY(permissions.contains(u"manageCase/reopen"_s));
        QVERIFY(!permissions.contains(u"manageUser"_s));
        QStringList sorted = permissions;
        sorted.sort();
        QCOMPARE(permissions, sorted);
        a = hiveCall(five, "GET", u"/api/v1/user/olga"_s);
        permissions = a.json().value(u"permissions"_s).toVariant().toStringList();
        QCOMPARE(permissions.size(), 23);
        QVERIFY(permissions.contains(u"manageUser"_s));
        QVERIFY(permissions.contains(u"manageTask"_s));

        a = hiveCall(five, "GET", u"/api/v1/user/current"_s);
        QCOMPARE(a.json().value(u"profile"_s).toString(), u"analyst"_s);
        five.setApiUserProfile(u"org-admin"_s);
        a = hiveCall(five, "GET", u"/api/v1/user/current"_s);
        QCOMPARE(a.json().value(u"profile"_s).toString(), u"org-admin"_s);
        QVERIFY(a.json()[u"permissions"_s].toArray().contains(u"manageConfig"_s));

        // Cases carry the caller's permissions.
        five.enableHeaderAuth();
        const QString casePath = u"/api/v1/case/"_s + five.addCase().value(u"_id"_s).toString();
        QCOMPARE(hiveAs(five, u"rita"_s, "GET", casePath).json().value(u"userPermissions"_s),
                 QJsonValue(QJsonArray()));
        QVERIFY(hiveAs(five, u"alice"_s, "GET", casePath)
                    .json()[u"userPermissions"_s]
                    .toArray()
                    .contains(u"manageCase/update"_s));

        FakeTheHive four(u"4.1.24"_s, u"k"_s);
        QVERIFY(four.listen());
        four.addUser(u"rita@soc.example"_s, u"Rita"_s, {}, false, u"read-only"_s);
        four.addUser(u"alice@soc.example"_s, u"Alice"_s);
        four.addUser(u"olga@soc.example"_s, u"Olga"_s, {}, false, u"org-admin"_s);
        a = hiveCall(four, "GET", u"/api/v1/user/alice@soc.example"_s);
        QCOMPARE(a.json().value(u"profile"_s).toString(), u"analyst"_s);
        QCOMPARE(a.json().value(u"permissions"_s).toArray().size(),
                 four.profilePermissions(u"analyst"_s).size());
        QVERIFY(a.json()[u"permissions"_s].toArray().contains(u"manageCase"_s));
        // v0 derives roles like TheHive 4's permissions2Roles (manageAlert adds "alert").
        const auto roles = [&](const QString &login) {
            return hiveCall(four, "GET", u"/api/user/"_s + login)
                .json()
                .value(u"roles"_s)
                .toVariant()
                .toStringList();
        };
        QCOMPARE(roles(u"rita@soc.example"_s), QStringList({u"read"_s}));
        QCOMPARE(roles(u"alice@soc.example"_s), QStringList({u"read"_s, u"write"_s, u"alert"_s}));
        QCOMPARE(roles(u"olga@soc.example"_s),
                 QStringList({u"read"_s, u"write"_s, u"admin"_s, u"alert"_s}));
    }

    void theHiveRestrictedCase()
    {
        FakeTheHive hive(u"5.5.16"_s, u"k"_s);
        QVERIFY(hive.listen());
        hive.enableHeaderAuth();
        const QString alice = u"alice@soc.example"_s;
        const QString bob = u"bob@soc.example"_s;
        hive.addUser(alice, u"Alice"_s);
        hive.addUser(bob, u"Bob"_s);
        const QString open = hive.addCase().value(u"_id"_s).toString();
        const QString secret = hive.addCase({{u"title"_s, u"Secret"_s}}).value(u"_id"_s).toString();
        const QString casePath = u"/api/v1/case/"_s + secret;
        QCOMPARE(hive.caseJson(open).value(u"access"_s).toObject(),
                 QJsonObject({{u"_kind"_s, u"OrganisationAccessKind"_s}}));
        const QString taskId = hiveCall(hive, "POST", casePath + u"/task"_s, {{u"title"_s, u"t"_s}})
                                   .json()
                                   .value(u"_id"_s)
                                   .toString();
        QVERIFY(hive.setCaseAccess(secret, {alice}));

        Answer a = hiveAs(hive, alice, "GET", casePath);
        QCOMPARE(a.status, 200);
        QCOMPARE(a.json()[u"access"_s][u"_kind"_s].toString(), u"UserAccessKind"_s);
        QCOMPARE(a.json()[u"access"_s][u"users"_s].toArray(), QJsonArray{alice});
        QCOMPARE(hiveAs(hive, alice, "PATCH", casePath, {{u"flag"_s, true}}).status, 204);

        // For anyone else, the API user included, it is not there.
        a = hiveAs(hive, bob, "GET", casePath);
        QCOMPARE(a.status, 404);
        QCOMPARE(typeOf(a), u"NotFoundError"_s);
        QCOMPARE(hiveCall(hive, "GET", casePath).status, 404);
        QCOMPARE(hiveAs(hive, bob, "GET", u"/api/v1/case/2"_s).status, 404); // by number too
        QCOMPARE(hiveAs(hive, bob, "PATCH", casePath, {{u"flag"_s, false}}).status, 404);
        QCOMPARE(hiveAs(hive, bob, "POST", casePath + u"/task"_s, {{u"title"_s, u"x"_s}}).status,
                 404);
        QCOMPARE(
            hiveAs(hive, bob, "POST", casePath + u"/comment"_s, {{u"message"_s, u"x"_s}}).status,
            404);
        QCOMPARE(
            hiveAs(hive, bob, "PATCH", u"/api/v1/task/"_s + taskId, {{u"flag"_s, true}}).status,
            404);
        QCOMPARE(hiveAs(hive, bob, "POST", u"/api/v1/task/"_s + taskId + u"/log"_s,
                        {{u"message"_s, u"x"_s}})
                     .status,
                 404);
        QVERIFY(hive.caseJson(secret).value(u"flag"_s).toBool());

        const QString query = u"/api/v1/query"_s;
        const QJsonObject listCase{
            {u"query"_s, QJsonArray{QJsonObject{{u"_name"_s, u"listCase"_s}}}}};
        const auto ids = [](const Answer &answer) {
            QStringList found;
            for (const QJsonValue &c : QJsonDocument::fromJson(answer.body).array())
                found << c[u"_id"_s].toString();
            return found;
        };
        QCOMPARE(ids(hiveAs(hive, bob, "POST", query, listCase)), QStringList{open});
        QCOMPARE(ids(hiveAs(hive, alice, "POST", query, listCase)), QStringList({open, secret}));
        const QJsonObject getCase{{u"query"_s, QJsonArray{QJsonObject{{u"_name"_s, u"getCase"_s},
                                                                      {u"idOrName"_s, secret}}}}};
        QCOMPARE(hiveAs(hive, bob, "POST", query, getCase).status, 404);
        QCOMPARE(hiveAs(hive, alice, "POST", query, getCase).status, 200);

        QVERIFY(hive.setCaseAccess(secret, {}));
        QCOMPARE(hiveAs(hive, bob, "GET", casePath).status, 200);
        QVERIFY(hive.setCaseField(
            secret, u"access"_s,
            QJsonObject{{u"_kind"_s, u"UserAccessKind"_s}, {u"users"_s, QJsonArray{bob}}}));
        QCOMPARE(hiveAs(hive, alice, "GET", casePath).status, 404);
        QCOMPARE(hiveAs(hive, bob, "GET", casePath).status, 200);

        // Before 5.5 there are no restricted cases.
        FakeTheHive older(u"5.4.0"_s, u"k"_s);
        const QString id = older.addCase().value(u"_id"_s).toString();
        QVERIFY(!older.setCaseAccess(id, {alice}));
        QVERIFY(!older.caseJson(id).contains(u"access"_s));
    }

    void theHiveReopenNeedsReopenPermission()
    {
        FakeTheHive hive(u"5.2.9"_s, u"k"_s);
        QVERIFY(hive.listen());
        hive.enableHeaderAuth();
        QStringList noReopen = hive.profilePermissions(u"analyst"_s);
        noReopen.removeAll(u"manageCase/reopen"_s);
        hive.setProfilePermissions(u"no-reopen"_s, noReopen);
        hive.setProfilePermissions(u"reopen-only"_s, {u"manageCase/reopen"_s});
        const QString nora = u"nora"_s;
        const QString rey = u"rey"_s;
        hive.addUser(nora, u"Nora"_s, {}, false, u"no-reopen"_s);
        hive.addUser(rey, u"Rey"_s, {}, false, u"reopen-only"_s);
        const QString id =
            hive.addCase({{u"status"_s, u"FalsePositive"_s}}).value(u"_id"_s).toString();
        const QString casePath = u"/api/v1/case/"_s + id;
        QCOMPARE(hive.caseJson(id).value(u"stage"_s).toString(), u"Closed"_s);

        Answer a = hiveAs(hive, nora, "PATCH", casePath, {{u"status"_s, u"InProgress"_s}});
        QCOMPARE(a.status, 403);
        QCOMPARE(typeOf(a), u"AuthorizationError"_s);
        QCOMPARE(hive.caseJson(id).value(u"stage"_s).toString(), u"Closed"_s);
        QCOMPARE(hiveAs(hive, nora, "PATCH", casePath, {{u"summary"_s, u"s"_s}}).status, 204);

        // Reopening alone needs only manageCase/reopen; anything more is an update.
        a = hiveAs(hive, rey, "PATCH", casePath, {{u"status"_s, u"New"_s}, {u"title"_s, u"t"_s}});
        QCOMPARE(a.status, 403);
        QCOMPARE(hiveAs(hive, rey, "PATCH", casePath, {{u"status"_s, u"InProgress"_s}}).status,
                 204);
        QCOMPARE(hive.caseJson(id).value(u"stage"_s).toString(), u"InProgress"_s);
        QCOMPARE(hive.caseJson(id).value(u"_updatedBy"_s).toString(), rey);
        QCOMPARE(hiveAs(hive, rey, "PATCH", casePath, {{u"status"_s, u"TruePositive"_s}}).status,
                 403);
    }

    void theHiveWebhookShapes_data()
    {
        QTest::addColumn<QString>("version");
        QTest::addColumn<QString>("fixture");
        QTest::newRow("5 create") << u"5.2.9"_s << u"thehive/th5-v1-case-create.json"_s;
        QTest::newRow("4 create") << u"4.1.24"_s << u"thehive/th4-v0-case-create.json"_s;
    }
    void theHiveWebhookShapes()
    {
        QFETCH(QString, version);
        QFETCH(QString, fixture);
        FakeTheHive hive(version, u"k"_s);
        const QString id = hive.addCase({{u"title"_s, u"Phish"_s}, {u"assignee"_s, u"a@b.c"_s}})
                               .value(u"_id"_s)
                               .toString();
        const QJsonObject expected = fixtureObject(fixture);
        const QJsonObject first = hive.webhookFor(u"create"_s, id);
        QCOMPARE(keysOf(first), expected.keys());
        for (const QString &key : keysOf(expected.value(u"object"_s)))
            QVERIFY2(first.value(u"object"_s).toObject().contains(key), qPrintable(key));
        for (const QString &key : keysOf(expected.value(u"details"_s)))
            QVERIFY2(first.value(u"details"_s).toObject().contains(key), qPrintable(key));
        QCOMPARE(first.value(u"objectId"_s).toString(), id);
        const QJsonObject second = hive.webhookFor(u"update"_s, id, {{u"status"_s, u"x"_s}});
        QVERIFY(first.value(u"requestId"_s) != second.value(u"requestId"_s));
        if (hive.isTheHive4()) {
            QCOMPARE(second.value(u"operation"_s).toString(), u"update"_s);
            QCOMPARE(second.value(u"organisation"_s).toString(), hive.organisation());
        } else {
            QCOMPARE(second.value(u"action"_s).toString(), u"update"_s);
            QVERIFY(second.value(u"details"_s).toObject().contains(u"stage"_s));
            QCOMPARE(second[u"organisation"_s][u"organisation"_s].toString(), hive.organisation());
        }
    }

    void theHive5AlertPromote()
    {
        FakeTheHive hive(u"5.2.9"_s, u"k"_s);
        QVERIFY(hive.listen());
        hive.enableHeaderAuth();
        const QString alice = u"alice@soc.example"_s;
        const QString rita = u"rita@soc.example"_s;
        hive.addUser(alice, u"Alice"_s, alice);
        hive.addUser(rita, u"Rita"_s, rita, false, u"read-only"_s);
        hive.addCaseTemplate({{u"name"_s, u"SIEM"_s},
                              {u"titlePrefix"_s, u"[SIEM]"_s},
                              {u"tags"_s, QJsonArray{u"siem"_s}},
                              {u"tasks"_s, QJsonArray{QJsonObject{{u"title"_s, u"Triage"_s}}}}});

        const QJsonObject added = hive.addAlert({{u"title"_s, u"Brute force"_s},
                                                 {u"severity"_s, 3},
                                                 {u"tlp"_s, 1},
                                                 {u"tags"_s, QJsonArray{u"ssh"_s}},
                                                 {u"observableCount"_s, 2}});
        const QString id = added.value(u"_id"_s).toString();
        QVERIFY(id.startsWith(u'~'));
        QCOMPARE(hive.alertIds(), QStringList{id});
        QCOMPARE(added.value(u"_type"_s).toString(), u"Alert"_s);
        QCOMPARE(added.value(u"type"_s).toString(), u"external"_s);
        QCOMPARE(added.value(u"source"_s).toString(), u"sim"_s);
        QCOMPARE(added.value(u"sourceRef"_s).toString(), u"ref-1"_s);
        QCOMPARE(added.value(u"status"_s).toString(), u"New"_s);
        QCOMPARE(added.value(u"stage"_s).toString(), u"New"_s);
        QCOMPARE(added.value(u"severityLabel"_s).toString(), u"HIGH"_s);
        QCOMPARE(added.value(u"tlpLabel"_s).toString(), u"GREEN"_s);
        QCOMPARE(added.value(u"observableCount"_s).toInt(), 2);
        QCOMPARE(added.value(u"_createdBy"_s).toString(), hive.apiUserLogin());
        for (const QString &absent : {u"caseId"_s, u"_updatedAt"_s, u"_updatedBy"_s})
            QVERIFY2(!added.contains(absent), qPrintable(absent));
        // type, source and sourceRef name an alert, and only one.
        QVERIFY(hive.addAlert({{u"sourceRef"_s, u"ref-1"_s}}).isEmpty());
        QCOMPARE(hive.addAlert().value(u"sourceRef"_s).toString(), u"ref-2"_s);

        const QString path = u"/api/v1/alert/"_s + id;
        Answer a = hiveAs(hive, rita, "GET", path);
        QCOMPARE(a.status, 200);
        QCOMPARE(a.json(), hive.alertJson(id));
        QCOMPARE(hiveAs(hive, rita, "GET", u"/api/v1/alert/external;sim;ref-1"_s).json(),
                 hive.alertJson(id));
        a = hiveAs(hive, alice, "GET", u"/api/v1/alert/~999"_s);
        QCOMPARE(a.status, 404);
        QCOMPARE(a.json(), QJsonObject({{u"type"_s, u"NotFoundError"_s},
                                        {u"message"_s, u"Alert not found"_s}}));
        QCOMPARE(hiveCall(hive, "GET", u"/api/alert/"_s + id).status, 404); // no v0 on 5

        QSignalSpy created(&hive, &FakeTheHive::caseCreated);
        QSignalSpy imported(&hive, &FakeTheHive::alertImported);
        const QJsonObject promote{{u"caseTemplate"_s, u"SIEM"_s}, {u"assignee"_s, alice}};
        a = hiveAs(hive, rita, "POST", path + u"/case"_s, promote);
        QCOMPARE(a.status, 403);
        QCOMPARE(typeOf(a), u"AuthorizationError"_s);
        QCOMPARE(hiveAs(hive, alice, "POST", u"/api/v1/alert/~999/case"_s).status, 404);
        a = hiveAs(hive, alice, "POST", path + u"/case"_s,
                   {{u"assignee"_s, u"mallory@soc.example"_s}});
        QCOMPARE(a.status, 404);
        QCOMPARE(a.json().value(u"message"_s).toString(), u"User not found"_s);
        QCOMPARE(
            hiveAs(hive, alice, "POST", path + u"/case"_s, {{u"caseTemplate"_s, u"x"_s}}).status,
            404);
        QCOMPARE(hive.caseIds().size(), 0);
        QCOMPARE(hive.alertJson(id).value(u"status"_s).toString(), u"New"_s);

        a = hiveAs(hive, alice, "POST", path + u"/case"_s, promote);
        QCOMPARE(a.status, 201);
        const QJsonObject theCase = a.json();
        const QString caseId = theCase.value(u"_id"_s).toString();
        QCOMPARE(hive.caseIds(), QStringList{caseId});
        QCOMPARE(theCase.value(u"_type"_s).toString(), u"Case"_s);
        QCOMPARE(theCase.value(u"title"_s).toString(), u"[SIEM] Brute force"_s);
        QCOMPARE(theCase.value(u"severity"_s).toInt(), 3);
        QCOMPARE(theCase.value(u"tlp"_s).toInt(), 1);
        QCOMPARE(theCase.value(u"tags"_s).toArray(), QJsonArray({u"ssh"_s, u"siem"_s}));
        QCOMPARE(theCase.value(u"assignee"_s).toString(), alice);
        QCOMPARE(theCase.value(u"_createdBy"_s).toString(), alice);
        QCOMPARE(theCase.value(u"status"_s).toString(), u"New"_s);
        QCOMPARE(hive.tasks(caseId).value(0).value(u"title"_s).toString(), u"Triage"_s);

        const QJsonObject alert = hive.alertJson(id);
        QCOMPARE(alert.value(u"status"_s).toString(), u"Imported"_s);
        QCOMPARE(alert.value(u"stage"_s).toString(), u"Imported"_s);
        QCOMPARE(alert.value(u"caseId"_s).toString(), caseId);
        QCOMPARE(alert.value(u"_updatedBy"_s).toString(), alice);
        QVERIFY(alert.value(u"importedDate"_s).toInteger() > 0);
        QTRY_COMPARE(imported.size(), 1);
        QCOMPARE(created.size(), 1);
        QCOMPARE(created.at(0).at(0).toString(), caseId);
        QCOMPARE(imported.at(0), QVariantList({id, caseId}));

        // Imported once is imported for good: no second case, no merge.
        a = hiveAs(hive, alice, "POST", path + u"/case"_s);
        QCOMPARE(a.status, 400);
        QCOMPARE(a.json(), QJsonObject({{u"type"_s, u"BadRequest"_s},
                                        {u"message"_s, u"Alert is already imported"_s}}));
        const QString other = hive.addCase().value(u"_id"_s).toString();
        QCOMPARE(hiveAs(hive, alice, "POST", path + u"/merge/"_s + other).status, 400);
        QCOMPARE(hive.caseIds().size(), 2);
        QCOMPARE(hive.alertJson(id).value(u"caseId"_s).toString(), caseId);
    }

    void theHive5AlertMergeAndStatus()
    {
        FakeTheHive hive(u"5.2.9"_s, u"k"_s);
        QVERIFY(hive.listen());
        hive.enableHeaderAuth();
        const QString alice = u"alice@soc.example"_s;
        const QString rita = u"rita@soc.example"_s;
        const QString nora = u"nora@soc.example"_s;
        hive.addUser(alice, u"Alice"_s, alice);
        hive.addUser(rita, u"Rita"_s, rita, false, u"read-only"_s);
        QStringList noReopen = hive.profilePermissions(u"analyst"_s);
        QVERIFY(noReopen.contains(u"manageAlert/reopen"_s));
        noReopen.removeAll(u"manageAlert/reopen"_s);
        hive.setProfilePermissions(u"no-reopen"_s, noReopen);
        hive.addUser(nora, u"Nora"_s, nora, false, u"no-reopen"_s);

        const QJsonObject target = hive.addCase({{u"tags"_s, QJsonArray{u"a"_s}}});
        const QString caseId = target.value(u"_id"_s).toString();
        const QString number = QString::number(target.value(u"number"_s).toInt());
        const QString merged =
            hive.addAlert({{u"tags"_s, QJsonArray{u"b"_s}}}).value(u"_id"_s).toString();
        const QString closed = hive.addAlert().value(u"_id"_s).toString();

        QSignalSpy created(&hive, &FakeTheHive::caseCreated);
        QSignalSpy imported(&hive, &FakeTheHive::alertImported);
        const QString mergePath = u"/api/v1/alert/"_s + merged + u"/merge/"_s;
        Answer a = hiveAs(hive, rita, "POST", mergePath + number);
        QCOMPARE(a.status, 403);
        QCOMPARE(typeOf(a), u"AuthorizationError"_s);
        a = hiveAs(hive, alice, "POST", mergePath + u"~999"_s);
        QCOMPARE(a.status, 404);
        QCOMPARE(a.json().value(u"message"_s).toString(), u"Case not found"_s);
        a = hiveAs(hive, alice, "POST", mergePath + number);
        QCOMPARE(a.status, 200);
        QCOMPARE(a.json().value(u"_id"_s).toString(), caseId);
        QCOMPARE(a.json().value(u"tags"_s).toArray(), QJsonArray({u"a"_s, u"b"_s}));
        QCOMPARE(a.json().value(u"_updatedBy"_s).toString(), alice);
        const QJsonObject alert = hive.alertJson(merged);
        QCOMPARE(alert.value(u"caseId"_s).toString(), caseId);
        QCOMPARE(alert.value(u"status"_s).toString(), u"Imported"_s);
        QCOMPARE(alert.value(u"stage"_s).toString(), u"Imported"_s);
        QTRY_COMPARE(imported.size(), 1);
        QCOMPARE(imported.at(0), QVariantList({merged, caseId}));
        QCOMPARE(created.size(), 0); // no new case
        QCOMPARE(hiveAs(hive, alice, "POST", mergePath + number).status, 400);

        // Closing is a status of the Closed stage; Imported is TheHive's own doing.
        const QString path = u"/api/v1/alert/"_s + closed;
        QCOMPARE(hiveAs(hive, rita, "PATCH", path, {{u"status"_s, u"Ignored"_s}}).status, 403);
        a = hiveAs(hive, alice, "PATCH", path, {{u"status"_s, u"Imported"_s}});
        QCOMPARE(a.status, 400);
        QCOMPARE(typeOf(a), u"BadRequest"_s);
        a = hiveAs(hive, alice, "PATCH", path, {{u"status"_s, u"Other"_s}});
        QCOMPARE(a.status, 400);
        QCOMPARE(typeOf(a), u"AttributeCheckingError"_s);
        QCOMPARE(hiveAs(hive, alice, "PATCH", path, {{u"severity"_s, 9}}).status, 400);
        QCOMPARE(hiveAs(hive, alice, "PATCH", path, {{u"owner"_s, alice}}).status, 400);
        a = hiveAs(hive, alice, "PATCH", path, {{u"assignee"_s, u"mallory@soc.example"_s}});
        QCOMPARE(a.status, 404);
        QCOMPARE(hive.alertJson(closed).value(u"status"_s).toString(), u"New"_s);
        QVERIFY(!hive.alertJson(closed).contains(u"_updatedAt"_s));

        a = hiveAs(
            hive, alice, "PATCH", path,
            {{u"status"_s, u"Ignored"_s}, {u"summary"_s, u"noise"_s}, {u"assignee"_s, alice}});
        QCOMPARE(a.status, 204);
        QVERIFY(a.body.isEmpty());
        QJsonObject now = hive.alertJson(closed);
        QCOMPARE(now.value(u"status"_s).toString(), u"Ignored"_s);
        QCOMPARE(now.value(u"stage"_s).toString(), u"Closed"_s);
        QCOMPARE(now.value(u"summary"_s).toString(), u"noise"_s);
        QCOMPARE(now.value(u"assignee"_s).toString(), alice);
        QCOMPARE(now.value(u"_updatedBy"_s).toString(), alice);
        QVERIFY(now.value(u"closedDate"_s).toInteger() > 0);

        // Back from Closed takes manageAlert/reopen.
        a = hiveAs(hive, nora, "PATCH", path, {{u"status"_s, u"InProgress"_s}});
        QCOMPARE(a.status, 403);
        QCOMPARE(hiveAs(hive, nora, "PATCH", path, {{u"status"_s, u"Duplicated"_s}}).status, 204);
        QCOMPARE(hiveAs(hive, alice, "PATCH", path, {{u"status"_s, u"Pending"_s}}).status, 204);
        now = hive.alertJson(closed);
        QCOMPARE(now.value(u"stage"_s).toString(), u"InProgress"_s);
        QVERIFY(!now.contains(u"closedDate"_s));

        // The query API: listAlert with filters, getAlert, listAlertStatus.
        const QString url = u"/api/v1/query"_s;
        const QJsonObject byStage{
            {u"_name"_s, u"filter"_s},
            {u"_eq"_s, QJsonObject{{u"_field"_s, u"stage"_s}, {u"_value"_s, u"Imported"_s}}}};
        a = hiveCall(
            hive, "POST", url,
            {{u"query"_s, QJsonArray{QJsonObject{{u"_name"_s, u"listAlert"_s}}, byStage}}});
        QCOMPARE(a.status, 200);
        QJsonArray list = QJsonDocument::fromJson(a.body).array();
        QCOMPARE(list.size(), 1);
        QCOMPARE(list[0][u"_id"_s].toString(), merged);
        const QJsonObject getAlert{{u"_name"_s, u"getAlert"_s}, {u"idOrName"_s, closed}};
        a = hiveCall(hive, "POST", url, {{u"query"_s, QJsonArray{getAlert}}});
        QCOMPARE(a.json(), hive.alertJson(closed));
        const QJsonObject page{{u"_name"_s, u"page"_s}, {u"from"_s, 0}, {u"to"_s, 1}};
        a = hiveCall(hive, "POST", url, {{u"query"_s, QJsonArray{getAlert, page}}});
        QCOMPARE(QJsonDocument::fromJson(a.body).array().size(), 1);
        a = hiveCall(hive, "POST", url,
                     {{u"query"_s, QJsonArray{QJsonObject{{u"_name"_s, u"getAlert"_s},
                                                          {u"idOrName"_s, u"~999"_s}}}}});
        QCOMPARE(a.status, 404);
        a = hiveCall(hive, "POST", url,
                     {{u"query"_s, QJsonArray{QJsonObject{{u"_name"_s, u"listAlertStatus"_s}}}}});
        list = QJsonDocument::fromJson(a.body).array();
        QStringList closedValues;
        for (const QJsonValue &status : std::as_const(list)) {
            if (status[u"stage"_s].toString() == u"Closed")
                closedValues << status[u"value"_s].toString();
        }
        QCOMPARE(closedValues, QStringList({u"Duplicated"_s, u"FalsePositive"_s, u"Ignored"_s}));
    }

    void theHive4AlertRoutes()
    {
        FakeTheHive hive(u"4.1.24"_s, u"k"_s);
        QVERIFY(hive.listen());
        hive.enableHeaderAuth();
        const QString alice = u"alice@soc.example"_s;
        const QString rita = u"rita@soc.example"_s;
        const QString otto = u"otto@soc.example"_s;
        hive.addUser(alice, u"Alice"_s);
        hive.addUser(rita, u"Rita"_s, {}, false, u"read-only"_s);
        hive.setProfilePermissions(u"alerts-only"_s, {u"manageAlert"_s});
        hive.addUser(otto, u"Otto"_s, {}, false, u"alerts-only"_s);
        QVERIFY(hive.profilePermissions(u"analyst"_s).contains(u"manageAlert"_s));
        QVERIFY(hive.profilePermissions(u"read-only"_s).isEmpty());
        hive.addCaseTemplate({{u"name"_s, u"SIEM"_s},
                              {u"titlePrefix"_s, u"[SIEM]"_s},
                              {u"severity"_s, 4},
                              {u"tags"_s, QJsonArray{u"siem"_s}}});

        const QString id = hive.addAlert({{u"title"_s, u"Scan"_s},
                                          {u"observableCount"_s, 2},
                                          {u"tags"_s, QJsonArray{u"x"_s}}})
                               .value(u"_id"_s)
                               .toString();
        // v1 on TheHive 4: `read`, no status nor stage.
        QJsonObject v1 = hive.alertJson(id);
        QCOMPARE(v1.value(u"read"_s), QJsonValue(false));
        QVERIFY(!v1.contains(u"status"_s) && !v1.contains(u"stage"_s));
        QCOMPARE(v1.value(u"observableCount"_s).toInt(), 2);

        const QString path = u"/api/alert/"_s + id;
        Answer a = hiveAs(hive, rita, "GET", path);
        QCOMPARE(a.status, 200);
        QJsonObject v0 = a.json();
        QCOMPARE(v0, hive.alertJsonV0(id));
        QCOMPARE(v0.value(u"_type"_s).toString(), u"alert"_s);
        QCOMPARE(v0.value(u"id"_s).toString(), id);
        QCOMPARE(v0.value(u"status"_s).toString(), u"New"_s);
        QCOMPARE(v0.value(u"case"_s), QJsonValue(QJsonValue::Null));
        QCOMPARE(v0.value(u"artifacts"_s).toArray().size(), 2);
        QCOMPARE(v0.value(u"createdBy"_s).toString(), hive.apiUserLogin());

        // manageAlert is checked first: 403, even for an alert that does not exist.
        for (const QString &target : {path, u"/api/alert/~999"_s}) {
            a = hiveAs(hive, rita, "POST", target + u"/markAsRead"_s);
            QCOMPARE(a.status, 403);
            QCOMPARE(typeOf(a), u"AuthorizationError"_s);
            QVERIFY(a.json().value(u"message"_s).toString().contains(u"manageAlert"_s));
        }
        QCOMPARE(hiveAs(hive, rita, "POST", path + u"/createCase"_s).status, 403);
        QCOMPARE(hiveAs(hive, rita, "PATCH", path, {{u"title"_s, u"t"_s}}).status, 403);
        a = hiveAs(hive, alice, "POST", u"/api/alert/~999/markAsRead"_s);
        QCOMPARE(a.status, 404);
        QCOMPARE(a.json().value(u"message"_s).toString(), u"Alert not found"_s);

        // Ignoring is marking read; the status is computed, not patched.
        a = hiveAs(hive, alice, "POST", path + u"/markAsRead"_s);
        QCOMPARE(a.status, 200);
        QCOMPARE(a.json().value(u"status"_s).toString(), u"Ignored"_s);
        QCOMPARE(a.json().value(u"updatedBy"_s).toString(), alice);
        a = hiveAs(hive, alice, "POST", path + u"/markAsUnread"_s);
        QCOMPARE(a.json().value(u"status"_s).toString(), u"New"_s);
        a = hiveAs(hive, alice, "PATCH", path,
                   {{u"status"_s, u"Ignored"_s}, {u"title"_s, u"Scan 2"_s}});
        QCOMPARE(a.status, 200);
        QCOMPARE(a.json().value(u"status"_s).toString(), u"New"_s);
        QCOMPARE(a.json().value(u"title"_s).toString(), u"Scan 2"_s);
        QCOMPARE(hiveAs(hive, alice, "PATCH", u"/api/v1/alert/"_s + id, {{u"read"_s, true}}).status,
                 204);
        QCOMPARE(hive.alertJsonV0(id).value(u"status"_s).toString(), u"Ignored"_s);

        // createCase: the alert's levels, the template's prefix glued on, the caller assigned.
        QSignalSpy created(&hive, &FakeTheHive::caseCreated);
        QSignalSpy imported(&hive, &FakeTheHive::alertImported);
        a = hiveAs(hive, alice, "POST", path + u"/createCase"_s, {{u"caseTemplate"_s, u"SIEM"_s}});
        QCOMPARE(a.status, 201);
        const QJsonObject theCase = a.json();
        const QString caseId = theCase.value(u"_id"_s).toString();
        QCOMPARE(theCase.value(u"_type"_s).toString(), u"case"_s);
        QCOMPARE(theCase.value(u"title"_s).toString(), u"[SIEM]Scan 2"_s);
        QCOMPARE(theCase.value(u"severity"_s).toInt(), 2);
        QCOMPARE(theCase.value(u"status"_s).toString(), u"Open"_s);
        QCOMPARE(theCase.value(u"owner"_s).toString(), alice);
        QCOMPARE(theCase.value(u"tags"_s).toArray(), QJsonArray({u"x"_s, u"siem"_s}));
        QVERIFY(theCase.value(u"caseId"_s).toInt() > 0);
        v0 = hive.alertJsonV0(id);
        QCOMPARE(v0.value(u"status"_s).toString(), u"Imported"_s);
        QCOMPARE(v0.value(u"case"_s).toString(), caseId);
        QTRY_COMPARE(imported.size(), 1);
        QCOMPARE(created.size(), 1);
        QCOMPARE(imported.at(0), QVariantList({id, caseId}));

        // Promoting again gives the same case back; merging an imported alert is refused.
        a = hiveAs(hive, alice, "POST", path + u"/createCase"_s);
        QCOMPARE(a.status, 201);
        QCOMPARE(a.json().value(u"_id"_s).toString(), caseId);
        QCOMPARE(hive.caseIds().size(), 1);
        a = hiveAs(hive, alice, "POST", path + u"/merge/"_s + caseId);
        QCOMPARE(a.status, 400);
        QCOMPARE(a.json(), QJsonObject({{u"type"_s, u"BadRequest"_s},
                                        {u"message"_s, u"Alert is already imported"_s}}));
        a = hiveAs(hive, alice, "POST", path + u"/markAsUnread"_s);
        QCOMPARE(a.json().value(u"status"_s).toString(), u"Updated"_s);

        // merge: by number, the alert appended to the description; needs manageCase on the case.
        const QString second = hive.addAlert({{u"title"_s, u"Login"_s},
                                              {u"description"_s, u"from SIEM "_s},
                                              {u"tags"_s, QJsonArray{u"y"_s}}})
                                   .value(u"_id"_s)
                                   .toString();
        const QString number = QString::number(theCase.value(u"caseId"_s).toInt());
        const QString mergePath = u"/api/alert/"_s + second + u"/merge/"_s + number;
        QCOMPARE(hiveAs(hive, rita, "POST", mergePath).status, 403);
        a = hiveAs(hive, otto, "POST", mergePath);
        QCOMPARE(a.status, 404);
        QCOMPARE(a.json().value(u"message"_s).toString(), u"Case not found"_s);
        a = hiveAs(hive, alice, "POST", mergePath);
        QCOMPARE(a.status, 200);
        QCOMPARE(a.json().value(u"_id"_s).toString(), caseId);
        QVERIFY(a.json()
                    .value(u"description"_s)
                    .toString()
                    .endsWith(u"\n  \n#### Merged with alert #ref-2 Login\n\nfrom SIEM"_s));
        QCOMPARE(a.json().value(u"tags"_s).toArray(), QJsonArray({u"x"_s, u"siem"_s, u"y"_s}));
        QCOMPARE(hive.alertJsonV0(second).value(u"status"_s).toString(), u"Imported"_s);
        QTRY_COMPARE(imported.size(), 2);

        // Without manageCase the new case has no owner; v1 promotes with /case and reads.
        const QString third = hive.addAlert().value(u"_id"_s).toString();
        a = hiveAs(hive, otto, "POST", u"/api/v1/alert/"_s + third + u"/case"_s);
        QCOMPARE(a.status, 201);
        QCOMPARE(a.json().value(u"_type"_s).toString(), u"Case"_s);
        QVERIFY(!a.json().contains(u"assignee"_s));
        QCOMPARE(hive.alertJson(third).value(u"caseId"_s).toString(),
                 a.json().value(u"_id"_s).toString());
        QCOMPARE(hiveAs(hive, otto, "POST", u"/api/v1/alert/"_s + third + u"/unread"_s).status,
                 204);
        QCOMPARE(hive.alertJson(third).value(u"read"_s), QJsonValue(false));
        // No v1 merge and no v0 promote by /case on TheHive 4.
        QCOMPARE(hiveAs(hive, alice, "POST", u"/api/v1/alert/"_s + third + u"/merge/1"_s).status,
                 404);
        QCOMPARE(hiveAs(hive, alice, "POST", path + u"/case"_s).status, 404);

        // Its query API filters on the computed status.
        const QJsonObject byStatus{
            {u"_name"_s, u"filter"_s},
            {u"_eq"_s, QJsonObject{{u"_field"_s, u"status"_s}, {u"_value"_s, u"Imported"_s}}}};
        a = hiveCall(hive, "POST", u"/api/v1/query"_s,
                     {{u"query"_s, QJsonArray{QJsonObject{{u"_name"_s, u"listAlert"_s}}, byStatus,
                                              QJsonObject{{u"_name"_s, u"count"_s}}}}});
        QCOMPARE(a.body, QByteArray("1")); // the second; the first is Updated, the third unread
    }

    void theHiveAlertWebhookShapes_data() { addTheHiveVersionRows(); }
    void theHiveAlertWebhookShapes()
    {
        QFETCH(QString, version);
        FakeTheHive hive(version, u"k"_s);
        QVERIFY(hive.listen());
        const bool th4 = hive.isTheHive4();
        const QString id = hive.addAlert({{u"title"_s, u"Phish"_s}, {u"observableCount"_s, 3}})
                               .value(u"_id"_s)
                               .toString();
        QVERIFY(hive.alertWebhook(u"create"_s, u"~999"_s).isEmpty());

        const QJsonObject create = hive.alertWebhook(u"create"_s, id);
        QCOMPARE(create.value(u"objectId"_s).toString(), id);
        QCOMPARE(create.value(u"rootId"_s).toString(), id);
        QCOMPARE(create[u"details"_s][u"title"_s].toString(), u"Phish"_s);
        if (th4) {
            QCOMPARE(keysOf(create), QStringList({u"base"_s, u"details"_s, u"object"_s,
                                                  u"objectId"_s, u"objectType"_s, u"operation"_s,
                                                  u"organisation"_s, u"organisationId"_s,
                                                  u"requestId"_s, u"rootId"_s, u"startDate"_s}));
            QCOMPARE(create.value(u"operation"_s).toString(), u"create"_s);
            QCOMPARE(create.value(u"objectType"_s).toString(), u"alert"_s);
            QCOMPARE(create.value(u"base"_s), QJsonValue(true));
            QCOMPARE(create[u"object"_s][u"_type"_s].toString(), u"alert"_s);
            QCOMPARE(create[u"object"_s][u"artifacts"_s].toArray(), QJsonArray());
            QCOMPARE(create[u"details"_s][u"observableCount"_s].toInt(), 0);
            QCOMPARE(create.value(u"organisation"_s).toString(), hive.organisation());
        } else {
            QCOMPARE(keysOf(create),
                     QStringList({u"_createdAt"_s, u"_createdBy"_s, u"_id"_s, u"_type"_s,
                                  u"action"_s, u"context"_s, u"details"_s, u"mainAction"_s,
                                  u"object"_s, u"objectId"_s, u"objectType"_s, u"organisation"_s,
                                  u"requestId"_s, u"rootId"_s}));
            QCOMPARE(create.value(u"action"_s).toString(), u"create"_s);
            QCOMPARE(create.value(u"objectType"_s).toString(), u"Alert"_s);
            QCOMPARE(create.value(u"_createdBy"_s).toString(), hive.apiUserLogin());
            QCOMPARE(create.value(u"object"_s).toObject(), hive.alertJson(id));
            QCOMPARE(create.value(u"context"_s).toObject(), hive.alertJson(id));
            QCOMPARE(create.value(u"details"_s).toObject(), hive.alertJson(id));
            QCOMPARE(create[u"organisation"_s][u"organisationId"_s].toString(),
                     hive.organisationId());
            const QJsonObject closing =
                hive.alertWebhook(u"update"_s, id, {{u"status"_s, u"Ignored"_s}});
            QVERIFY(closing[u"details"_s].toObject().contains(u"stage"_s));
            QVERIFY(closing.value(u"requestId"_s) != create.value(u"requestId"_s));
        }

        // Promoted through the API: the import event has the case as context.
        const QString route =
            th4 ? u"/api/alert/"_s + id + u"/createCase"_s : u"/api/v1/alert/"_s + id + u"/case"_s;
        Answer a = hiveCall(hive, "POST", route);
        QCOMPARE(a.status, 201);
        const QString caseId = a.json().value(u"_id"_s).toString();
        const QJsonObject linked = hive.alertWebhook(u"update"_s, id, {{u"caseId"_s, caseId}});
        QCOMPARE(linked.value(u"objectId"_s).toString(), id);
        QCOMPARE(linked.value(u"rootId"_s).toString(), caseId);
        if (th4) {
            // As a real one (TheHive issue #2064): the object is the case, not the main audit.
            QCOMPARE(linked.value(u"operation"_s).toString(), u"update"_s);
            QCOMPARE(linked.value(u"objectType"_s).toString(), u"alert"_s);
            QCOMPARE(linked.value(u"base"_s), QJsonValue(false));
            QCOMPARE(linked[u"object"_s][u"_type"_s].toString(), u"case"_s);
            QCOMPARE(linked[u"object"_s][u"_id"_s].toString(), caseId);
            QCOMPARE(hive.alertWebhook(u"merge"_s, id)[u"operation"_s].toString(), u"update"_s);
        } else {
            QCOMPARE(linked[u"object"_s][u"caseId"_s].toString(), caseId);
            QCOMPARE(linked[u"object"_s][u"stage"_s].toString(), u"Imported"_s);
            QCOMPARE(linked[u"context"_s][u"_type"_s].toString(), u"Case"_s);
            QCOMPARE(linked[u"context"_s][u"_id"_s].toString(), caseId);
            const QJsonObject merge = hive.alertWebhook(u"merge"_s, id);
            QCOMPARE(merge.value(u"action"_s).toString(), u"merge"_s);
            QCOMPARE(merge[u"context"_s][u"_id"_s].toString(), caseId);
            // A later change of the imported alert is about the alert alone.
            const QJsonObject later = hive.alertWebhook(u"update"_s, id, {{u"summary"_s, u"s"_s}});
            QCOMPARE(later[u"context"_s][u"_type"_s].toString(), u"Alert"_s);
            QCOMPARE(later.value(u"rootId"_s).toString(), id);
            QCOMPARE(later.value(u"_createdBy"_s).toString(), hive.apiUserLogin());
        }
    }

    void theHive5CaseAttachments()
    {
        FakeTheHive hive(u"5.2.9"_s, u"k"_s);
        QVERIFY(hive.listen());
        hive.enableHeaderAuth();
        const QString rita = u"rita@soc.example"_s;
        hive.addUser(rita, u"Rita"_s, {}, false, u"read-only"_s);
        const QJsonObject added = hive.addCase();
        const QString id = added.value(u"_id"_s).toString();
        const QString path = u"/api/v1/case/"_s + id + u"/attachments"_s;
        const QByteArray ioc = "1.2.3.4\n";
        const QByteArray mail = "From: x@y\r\n\r\nhello";

        // Two files in one request, the way thehive4py sends them.
        Answer a = hiveForm(hive, path,
                            {filePart("attachments", "ioc.txt", "text/plain", ioc),
                             filePart("attachments", "mail.eml", "message/rfc822", mail)});
        QCOMPARE(a.status, 201);
        const QJsonArray stored = a.json().value(u"attachments"_s).toArray();
        QCOMPARE(stored.size(), 2);
        const QJsonObject first = stored[0].toObject();
        QCOMPARE(first.value(u"_type"_s).toString(), u"Attachment"_s);
        QVERIFY(first.value(u"_id"_s).toString().startsWith(u'~'));
        QCOMPARE(first.value(u"_createdBy"_s).toString(), hive.apiUserLogin());
        QVERIFY(first.value(u"_createdAt"_s).toInteger() > 0);
        QCOMPARE(first.value(u"name"_s).toString(), u"ioc.txt"_s);
        QCOMPARE(first.value(u"size"_s).toInt(), ioc.size());
        QCOMPARE(first.value(u"contentType"_s).toString(), u"text/plain"_s);
        const QString sha256 = hexHash(ioc, QCryptographicHash::Sha256);
        QCOMPARE(first.value(u"hashes"_s).toArray(),
                 QJsonArray({sha256, hexHash(ioc, QCryptographicHash::Sha1),
                             hexHash(ioc, QCryptographicHash::Md5)}));
        QCOMPARE(first.value(u"id"_s).toString(), sha256);
        QCOMPARE(first.value(u"path"_s).toString(), QString());
        QCOMPARE(first.value(u"extraData"_s).toObject(), QJsonObject());
        QCOMPARE(stored[1][u"contentType"_s].toString(), u"message/rfc822"_s);
        QCOMPARE(hive.attachmentContent(sha256), ioc);
        QCOMPARE(hive.attachmentContent(stored[1][u"id"_s].toString()), mail);
        QCOMPARE(hive.caseAttachments(id).size(), 2);

        // A name the case has is renamed; the case may be named by its number.
        const QString byNumber = u"/api/v1/case/"_s +
                                 QString::number(added.value(u"number"_s).toInt()) +
                                 u"/attachments"_s;
        a = hiveForm(hive, byNumber,
                     {filePart("attachments", "ioc.txt", "text/plain", "other"),
                      filePart("attachments", "ioc.txt", "text/plain", "third")});
        QCOMPARE(a.status, 201);
        QCOMPARE(a.json()[u"attachments"_s][0][u"name"_s].toString(), u"ioc (1).txt"_s);
        QCOMPARE(a.json()[u"attachments"_s][1][u"name"_s].toString(), u"ioc (2).txt"_s);

        // Qt's own encoder, with a raw UTF-8 file name.
        auto *form = new QHttpMultiPart(QHttpMultiPart::FormDataType);
        QHttpPart part;
        part.setRawHeader("Content-Disposition",
                          u"form-data; name=\"attachments\"; filename=\"résumé.pdf\""_s.toUtf8());
        part.setRawHeader("Content-Type", "application/pdf");
        part.setBody("%PDF");
        form->append(part);
        QNetworkRequest request(at(hive, path));
        request.setRawHeader("Authorization", "Bearer k");
        a = finish(m_nam.post(request, form));
        delete form;
        QCOMPARE(a.status, 201);
        QCOMPARE(a.json()[u"attachments"_s][0][u"name"_s].toString(), u"résumé.pdf"_s);
        QCOMPARE(a.json()[u"attachments"_s][0][u"contentType"_s].toString(), u"application/pdf"_s);

        // Refusals: nothing stored.
        const qsizetype count = hive.caseAttachments(id).size();
        QCOMPARE(count, 5);
        a = call("POST", at(hive, path),
                 formBody({filePart("attachments", "x", "text/plain", "x")}), {}, kFormType,
                 {{"X-USER", rita.toUtf8()}});
        QCOMPARE(a.status, 403);
        QCOMPARE(typeOf(a), u"AuthorizationError"_s);
        a = hiveForm(hive, u"/api/v1/case/~999/attachments"_s,
                     {filePart("attachments", "x", "text/plain", "x")});
        QCOMPARE(a.status, 404);
        QCOMPARE(a.json().value(u"message"_s).toString(), u"Case not found"_s);
        a = hiveCall(hive, "POST", path, {{u"attachments"_s, QJsonArray()}});
        QCOMPARE(a.status, 400);
        QCOMPARE(typeOf(a), u"BadRequest"_s);
        a = hiveForm(
            hive, path,
            {dataPart("attachments", "x"), filePart("attachment", "x", "text/plain", "x")});
        QCOMPARE(a.status, 400);
        QCOMPARE(typeOf(a), u"BadRequest"_s);
        QCOMPARE(hive.caseAttachments(id).size(), count);

        // The query lists them, with filter, sort and page.
        const QJsonObject getCase{{u"_name"_s, u"getCase"_s}, {u"idOrName"_s, id}};
        const QJsonObject attachments{{u"_name"_s, u"attachments"_s}};
        a = hiveQuery(hive, {getCase, attachments});
        QCOMPARE(a.status, 200);
        QCOMPARE(a.array().size(), 5);
        QCOMPARE(a.array()[0].toObject(), first);
        const QJsonObject filter{
            {u"_name"_s, u"filter"_s},
            {u"_like"_s, QJsonObject{{u"_field"_s, u"name"_s}, {u"_value"_s, u"ioc*"_s}}}};
        const QJsonObject sort{{u"_name"_s, u"sort"_s},
                               {u"_fields"_s, QJsonArray{QJsonObject{{u"name"_s, u"desc"_s}}}}};
        const QJsonObject page{{u"_name"_s, u"page"_s}, {u"from"_s, 0}, {u"to"_s, 2}};
        a = hiveQuery(hive, {getCase, attachments, filter, sort, page});
        QCOMPARE(a.array().size(), 2);
        QCOMPARE(a.array()[0][u"name"_s].toString(), u"ioc.txt"_s);
        QCOMPARE(a.array()[1][u"name"_s].toString(), u"ioc (2).txt"_s);

        // A TheHive 5 task log takes repeated `attachments` and lists them in its answer.
        const QString taskId =
            hiveCall(hive, "POST", u"/api/v1/case/"_s + id + u"/task"_s, {{u"title"_s, u"t"_s}})
                .json()
                .value(u"_id"_s)
                .toString();
        a = hiveForm(hive, u"/api/v1/task/"_s + taskId + u"/log"_s,
                     {dataPart("_json", R"({"message":"two files"})"),
                      filePart("attachments", "a.txt", "text/plain", "a"),
                      filePart("attachments", "b.txt", "text/plain", "b")});
        QCOMPARE(a.status, 201);
        QCOMPARE(a.json().value(u"message"_s).toString(), u"two files"_s);
        QCOMPARE(a.json().value(u"attachments"_s).toArray().size(), 2);
        QCOMPARE(a.json()[u"attachments"_s][1][u"name"_s].toString(), u"b.txt"_s);
        QCOMPARE(hive.caseAttachments(id).size(), count); // not case attachments

        // Play's maxDiskBuffer: 413 before anything, authentication included.
        hive.setMaxUploadBytes(200);
        const QByteArray big(300, 'z');
        a = hiveForm(hive, path, {filePart("attachments", "big.bin", "application/zip", big)});
        QCOMPARE(a.status, 413);
        QCOMPARE(a.json(), QJsonObject({{u"type"_s, u"Unknown"_s},
                                        {u"message"_s, u"Request Entity Too Large"_s}}));
        a = call("POST", at(hive, path),
                 formBody({filePart("attachments", "big.bin", "application/zip", big)}), {},
                 kFormType);
        QCOMPARE(a.status, 413);
        QCOMPARE(hive.caseAttachments(id).size(), count);
        QVERIFY(hive.attachmentContent(hexHash(big, QCryptographicHash::Sha256)).isEmpty());
        QCOMPARE(hiveForm(hive, path, {filePart("attachments", "s", "text/plain", "s")}).status,
                 201);
        hive.setMaxUploadBytes(0);
        QCOMPARE(hiveForm(hive, path, {filePart("attachments", "big.bin", "a/b", big)}).status,
                 201);

        // TheHive 5.0 had the single manageCase.
        FakeTheHive five0(u"5.0.7"_s, u"k"_s);
        QVERIFY(five0.listen());
        five0.setProfilePermissions(u"coarse"_s, {u"manageCase"_s});
        five0.setApiUserProfile(u"coarse"_s);
        const QString path50 =
            u"/api/v1/case/"_s + five0.addCase().value(u"_id"_s).toString() + u"/attachments"_s;
        const QList<QByteArray> one{filePart("attachments", "x.txt", "text/plain", "x")};
        QCOMPARE(hiveForm(five0, path50, one).status, 201);
        five0.setProfilePermissions(u"coarse"_s, {u"manageTask"_s});
        QCOMPARE(hiveForm(five0, path50, one).status, 403);
    }

    void theHive4HasNoCaseAttachments()
    {
        FakeTheHive hive(u"4.1.24"_s, u"k"_s);
        QVERIFY(hive.listen());
        const QString id = hive.addCase().value(u"_id"_s).toString();
        const QList<QByteArray> parts{filePart("attachments", "x.txt", "text/plain", "x")};
        for (const QString &prefix : {u"/api/v1/case/"_s, u"/api/case/"_s}) {
            const Answer a = hiveForm(hive, prefix + id + u"/attachments"_s, parts);
            QCOMPARE(a.status, 404);
            QCOMPARE(typeOf(a), u"NotFound"_s);
            QVERIFY(a.json().value(u"message"_s).toString().startsWith(u"No route"_s));
        }
        const QJsonObject getCase{{u"_name"_s, u"getCase"_s}, {u"idOrName"_s, id}};
        QCOMPARE(hiveQuery(hive, {getCase, QJsonObject{{u"_name"_s, u"attachments"_s}}}).status,
                 400);
        QVERIFY(hive.caseAttachments(id).isEmpty());
    }

    void theHive4TaskLogAttachment()
    {
        FakeTheHive hive(u"4.1.24"_s, u"k"_s);
        QVERIFY(hive.listen());
        const QString id = hive.addCase().value(u"_id"_s).toString();
        const QString taskId =
            hiveCall(hive, "POST", u"/api/case/"_s + id + u"/task"_s, {{u"title"_s, u"t"_s}})
                .json()
                .value(u"_id"_s)
                .toString();
        const QString logPath = u"/api/case/task/"_s + taskId + u"/log"_s;
        const QByteArray pdf = "%PDF-1.4 report";

        // `_json` + file part `attachment`, as TheHive 4's docs show with curl.
        Answer a =
            hiveForm(hive, logPath,
                     {dataPart("_json", R"({"message":"From Slack","startDate":1700000000000})"),
                      filePart("attachment", "report.pdf", "application/pdf", pdf)});
        QCOMPARE(a.status, 201);
        QCOMPARE(a.json().value(u"message"_s).toString(), u"From Slack"_s);
        QCOMPARE(a.json().value(u"startDate"_s).toInteger(), 1700000000000);
        QCOMPARE(a.json().value(u"_type"_s).toString(), u"case_task_log"_s);
        QVERIFY(!a.json().contains(u"attachment"_s)); // RichLog(log, Nil)
        QVERIFY(!a.json().contains(u"attachments"_s));
        const QString logId = a.json().value(u"_id"_s).toString();

        const QString sha256 = hexHash(pdf, QCryptographicHash::Sha256);
        const QJsonObject expected{
            {u"name"_s, u"report.pdf"_s},
            {u"hashes"_s, QJsonArray{sha256, hexHash(pdf, QCryptographicHash::Sha1),
                                     hexHash(pdf, QCryptographicHash::Md5)}},
            {u"size"_s, pdf.size()},
            {u"contentType"_s, u"application/pdf"_s},
            {u"id"_s, sha256}};
        const QJsonObject getTask{{u"_name"_s, u"getTask"_s}, {u"idOrName"_s, taskId}};
        const QJsonObject logs{{u"_name"_s, u"logs"_s}};
        a = hiveQuery(hive, {getTask, logs});
        QCOMPARE(a.status, 200);
        QCOMPARE(a.array().size(), 1);
        QCOMPARE(a.array()[0][u"_id"_s].toString(), logId);
        QCOMPARE(a.array()[0][u"attachment"_s].toObject(), expected);
        QCOMPARE(hive.taskLogs(id).value(0).value(u"attachment"_s).toObject(), expected);
        QCOMPARE(hive.attachmentContent(sha256), pdf);

        // `message` as a plain field; two `attachment` parts: the last one is the log's.
        a = hiveForm(hive, logPath,
                     {dataPart("message", "two"),
                      filePart("attachment", "a.txt", "text/plain", "a"),
                      filePart("attachment", "b.txt", "text/plain", "b")});
        QCOMPARE(a.status, 201);
        QCOMPARE(hive.taskLogs(id).value(1).value(u"message"_s).toString(), u"two"_s);
        QCOMPARE(hive.taskLogs(id).value(1)[u"attachment"_s][u"name"_s].toString(), u"b.txt"_s);
        // A file part under another name is no attachment.
        a = hiveForm(hive, logPath,
                     {dataPart("_json", R"({"message":"none"})"),
                      filePart("attachments", "c.txt", "text/plain", "c")});
        QCOMPARE(a.status, 201);
        QVERIFY(!hive.taskLogs(id).value(2).contains(u"attachment"_s));
        // Still a message is required, and a JSON body works as before.
        a = hiveForm(hive, logPath, {filePart("attachment", "d.txt", "text/plain", "d")});
        QCOMPARE(a.status, 400);
        QCOMPARE(typeOf(a), u"AttributeCheckingError"_s);
        a = hiveCall(hive, "POST", logPath, {{u"message"_s, u"plain"_s}});
        QCOMPARE(a.status, 201);
        QVERIFY(!hive.taskLogs(id).value(3).contains(u"attachment"_s));
        QCOMPARE(hive.taskLogs(id).size(), 4);

        hive.setMaxUploadBytes(100);
        a = hiveForm(hive, logPath,
                     {dataPart("_json", R"({"message":"big"})"),
                      filePart("attachment", "big.bin", "application/zip", QByteArray(200, 'z'))});
        QCOMPARE(a.status, 413);
        QCOMPARE(hive.taskLogs(id).size(), 4);
    }

    void slackRefusesBadTokens_data()
    {
        QTest::addColumn<QByteArray>("authorization");
        QTest::addColumn<QString>("error");
        QTest::newRow("missing") << QByteArray() << u"not_authed"_s;
        QTest::newRow("wrong") << QByteArray("Bearer xoxb-other") << u"invalid_auth"_s;
    }
    void slackRefusesBadTokens()
    {
        QFETCH(QByteArray, authorization);
        QFETCH(QString, error);
        FakeSlack slack(u"xoxb-t"_s);
        QVERIFY(slack.listen());
        const Answer a = call("POST", at(slack, u"/api/auth.test"_s), {}, authorization);
        QCOMPARE(a.status, 200); // Slack refuses with HTTP 200
        QCOMPARE(a.json().value(u"ok"_s).toBool(), false);
        QCOMPARE(a.json().value(u"error"_s).toString(), error);
    }

    void slackWorkspaceNames()
    {
        FakeSlack slack(u"xoxb-t"_s);
        QVERIFY(slack.listen());
        QJsonObject a = slackCall(slack, u"auth.test"_s).json();
        QCOMPARE(a.value(u"team"_s).toString(), u"Subarachnoid Workspace"_s); // the fixture's
        QCOMPARE(a.value(u"user"_s).toString(), u"bot"_s);

        slack.setWorkspace(u"Acme SOC"_s, u"hiveslack"_s, u"https://acme-soc.slack.com/"_s);
        a = slackCall(slack, u"auth.test"_s).json();
        QCOMPARE(a.value(u"ok"_s).toBool(), true);
        QCOMPARE(a.value(u"team"_s).toString(), u"Acme SOC"_s);
        QCOMPARE(a.value(u"user"_s).toString(), u"hiveslack"_s);
        QCOMPARE(a.value(u"url"_s).toString(), u"https://acme-soc.slack.com/"_s);
        // The ids stay the fixture's, so tests comparing against them keep holding.
        QCOMPARE(a.value(u"user_id"_s).toString(), slack.botUserId());
        QCOMPARE(a.value(u"team_id"_s).toString(), slack.teamId());
        QCOMPARE(a.value(u"bot_id"_s).toString(), slack.botId());
        QCOMPARE(slack.botUserId(), u"W23456789"_s);

        slack.setWorkspace(u"Other"_s, u"bridge"_s); // no URL: the fixture's stays
        a = slackCall(slack, u"auth.test"_s).json();
        QCOMPARE(a.value(u"team"_s).toString(), u"Other"_s);
        QCOMPARE(a.value(u"url"_s).toString(), u"https://subarachnoid.slack.com/"_s);
    }

    void slackPostAndUpdate()
    {
        FakeSlack slack(u"xoxb-t"_s);
        QVERIFY(slack.listen());
        slack.addChannel(u"C0HIVE01"_s, u"soc-cases"_s);
        const QString post = u"chat.postMessage"_s;
        const QJsonArray blocks{QJsonObject{{u"type"_s, u"divider"_s}}};
        Answer a =
            slackCall(slack, post,
                      {{u"channel"_s, u"C0HIVE01"_s}, {u"text"_s, u"hi"_s}, {u"blocks"_s, blocks}});
        QCOMPARE(a.json().value(u"ok"_s).toBool(), true);
        const QString ts = a.json().value(u"ts"_s).toString();
        QCOMPARE(a.json()[u"message"_s][u"text"_s].toString(), u"hi"_s);
        a = slackCall(
            slack, post,
            {{u"channel"_s, u"soc-cases"_s}, {u"text"_s, u"reply"_s}, {u"thread_ts"_s, ts}});
        const QString replyTs = a.json().value(u"ts"_s).toString();
        QCOMPARE(a.json().value(u"channel"_s).toString(), u"C0HIVE01"_s);
        QVERIFY(replyTs.toDouble() > ts.toDouble());
        QCOMPARE(slack.messages(u"C0HIVE01"_s).size(), 2);
        QCOMPARE(slack.message(u"C0HIVE01"_s, replyTs)->threadTs, ts);

        a = slackCall(slack, u"chat.update"_s,
                      {{u"channel"_s, u"C0HIVE01"_s}, {u"ts"_s, ts}, {u"text"_s, u"edited"_s}});
        QCOMPARE(a.json().value(u"ok"_s).toBool(), true);
        const auto updated = slack.message(u"C0HIVE01"_s, ts);
        QVERIFY(updated.has_value());
        QCOMPARE(updated->text, u"edited"_s);
        QCOMPARE(updated->updates, 1);
        QCOMPARE(updated->blocks, blocks); // untouched when not sent

        const auto error = [&](const QString &method, const QJsonObject &args) {
            return slackCall(slack, method, args).json().value(u"error"_s).toString();
        };
        QCOMPARE(error(u"chat.update"_s,
                       {{u"channel"_s, u"C0HIVE01"_s}, {u"ts"_s, u"1.2"_s}, {u"text"_s, u"x"_s}}),
                 u"message_not_found"_s);
        QCOMPARE(error(u"chat.postMessage"_s, {{u"channel"_s, u"C0NOPE"_s}, {u"text"_s, u"x"_s}}),
                 u"channel_not_found"_s);
        QJsonArray tooMany;
        for (int i = 0; i < 51; ++i)
            tooMany.append(QJsonObject{{u"type"_s, u"divider"_s}});
        QCOMPARE(
            error(u"chat.postMessage"_s, {{u"channel"_s, u"C0HIVE01"_s}, {u"blocks"_s, tooMany}}),
            u"invalid_blocks"_s);
        QCOMPARE(slack.messages().size(), 2);
    }

    void slackLookupsReadQueryAndFormOnly()
    {
        FakeSlack slack(u"xoxb-t"_s);
        QVERIFY(slack.listen());
        slack.addUser(u"U0ALICE01"_s, u"alice"_s, u"alice@soc.example"_s);
        Answer a = slackGet(slack, u"users.lookupByEmail?email=ALICE%40soc.example"_s);
        QCOMPARE(a.json()[u"user"_s][u"id"_s].toString(), u"U0ALICE01"_s);
        QCOMPARE(a.json()[u"user"_s][u"profile"_s][u"email"_s].toString(), u"alice@soc.example"_s);
        a = slackGet(slack, u"users.lookupByEmail?email=eve%40x"_s);
        QCOMPARE(a.json().value(u"error"_s).toString(), u"users_not_found"_s);
        a = call("POST", at(slack, u"/api/users.info"_s), "user=U0ALICE01", "Bearer xoxb-t",
                 "application/x-www-form-urlencoded");
        QCOMPARE(a.json()[u"user"_s][u"name"_s].toString(), u"alice"_s);
        a = slackCall(slack, u"users.info"_s, {{u"user"_s, u"U0ALICE01"_s}});
        QCOMPARE(a.json().value(u"error"_s).toString(), u"user_not_found"_s); // JSON ignored

        slack.addChannel(u"C1"_s, u"one"_s);
        slack.addChannel(u"C2"_s, u"two"_s);
        a = slackGet(slack, u"conversations.list?limit=1"_s);
        QCOMPARE(a.json()[u"channels"_s][0][u"id"_s].toString(), u"C1"_s);
        const QString cursor = a.json()[u"response_metadata"_s][u"next_cursor"_s].toString();
        QVERIFY(!cursor.isEmpty());
        a = slackGet(slack, u"conversations.list?limit=1&cursor="_s + cursor);
        QCOMPARE(a.json()[u"channels"_s][0][u"name"_s].toString(), u"two"_s);
        QCOMPARE(a.json()[u"response_metadata"_s][u"next_cursor"_s].toString(), QString());
    }

    void slackListsUsersInPages()
    {
        FakeSlack slack(u"xoxb-t"_s);
        QVERIFY(slack.listen());
        slack.addUser(u"U0ALICE01"_s, u"alice"_s, u"alice@soc.example"_s);
        slack.addUser(u"U0CAROL01"_s, u"carol"_s, u"carol@soc.example"_s);
        slack.addUser(u"U0DAVE001"_s, u"dave"_s, u"dave@soc.example"_s);

        Answer a = slackGet(slack, u"users.list?limit=2"_s);
        QVERIFY(a.json().value(u"ok"_s).toBool());
        QJsonArray members = a.json().value(u"members"_s).toArray();
        QCOMPARE(members.size(), 2);
        QCOMPARE(members[0][u"id"_s].toString(), u"U0ALICE01"_s);
        QCOMPARE(members[0][u"name"_s].toString(), u"alice"_s);
        QCOMPARE(members[0][u"profile"_s][u"email"_s].toString(), u"alice@soc.example"_s);
        QCOMPARE(members[0][u"deleted"_s], QJsonValue(false));
        QCOMPARE(members[0][u"is_bot"_s], QJsonValue(false));
        QCOMPARE(members[1][u"id"_s].toString(), u"U0CAROL01"_s);
        const QString cursor = a.json()[u"response_metadata"_s][u"next_cursor"_s].toString();
        QVERIFY(!cursor.isEmpty());

        a = slackGet(slack, u"users.list?limit=2&cursor="_s + cursor);
        members = a.json().value(u"members"_s).toArray();
        QCOMPARE(members.size(), 1);
        QCOMPARE(members[0][u"profile"_s][u"email"_s].toString(), u"dave@soc.example"_s);
        QCOMPARE(a.json()[u"response_metadata"_s][u"next_cursor"_s].toString(), QString());

        QCOMPARE(slackGet(slack, u"users.list?cursor=bm9wZQ%3D%3D"_s).json()[u"error"_s].toString(),
                 u"invalid_cursor"_s);
        QCOMPARE(slackGet(slack, u"users.list?limit=0"_s).json()[u"error"_s].toString(),
                 u"invalid_limit"_s);
    }

    void slackViews()
    {
        FakeSlack slack(u"xoxb-t"_s);
        QVERIFY(slack.listen());
        const QJsonObject view{{u"type"_s, u"modal"_s},
                               {u"callback_id"_s, u"close_case"_s},
                               {u"blocks"_s, QJsonArray()}};
        Answer a = slackCall(slack, u"views.open"_s, {{u"view"_s, view}});
        QCOMPARE(a.json().value(u"error"_s).toString(), u"invalid_arguments"_s);
        a = slackCall(slack, u"views.open"_s, {{u"trigger_id"_s, u"1.2.3"_s}, {u"view"_s, view}});
        const QString viewId = a.json()[u"view"_s][u"id"_s].toString();
        QVERIFY(!viewId.isEmpty());
        QCOMPARE(a.json()[u"view"_s][u"callback_id"_s].toString(), u"close_case"_s);
        QJsonObject changed = view;
        changed.insert(u"callback_id"_s, u"done"_s);
        a = slackCall(slack, u"views.update"_s, {{u"view_id"_s, viewId}, {u"view"_s, changed}});
        QCOMPARE(a.json().value(u"ok"_s).toBool(), true);
        QCOMPARE(slack.openedViews().size(), 1);
        QCOMPARE(slack.openedViews()[0][u"callback_id"_s].toString(), u"done"_s);
    }

    void slackFilesInfo()
    {
        FakeSlack slack(u"xoxb-t"_s);
        QVERIFY(slack.listen());
        const QByteArray pdf = "%PDF-1.7 fake";
        const QJsonObject file =
            slack.addFile(u"U0ALICE01"_s, u"report final.pdf"_s, pdf, u"application/pdf"_s);
        const QString id = file.value(u"id"_s).toString();
        QVERIFY(id.startsWith(u"F0"_s));
        QVERIFY(slack.addFile(u"U0ALICE01"_s, u"b.txt"_s, "b").value(u"id"_s).toString() != id);
        QCOMPARE(file.value(u"name"_s).toString(), u"report final.pdf"_s);
        QCOMPARE(file.value(u"title"_s).toString(), u"report final.pdf"_s);
        QCOMPARE(file.value(u"mimetype"_s).toString(), u"application/pdf"_s);
        QCOMPARE(file.value(u"filetype"_s).toString(), u"pdf"_s);
        QCOMPARE(file.value(u"pretty_type"_s).toString(), u"PDF"_s);
        QCOMPARE(file.value(u"user"_s).toString(), u"U0ALICE01"_s);
        QCOMPARE(file.value(u"size"_s).toInt(), pdf.size());
        QCOMPARE(file.value(u"mode"_s).toString(), u"hosted"_s);
        QCOMPARE(file.value(u"is_external"_s), QJsonValue(false));
        QCOMPARE(file.value(u"external_type"_s).toString(), QString());
        QCOMPARE(file.value(u"is_public"_s), QJsonValue(true));
        QVERIFY(file.value(u"created"_s).toInteger() > 0);
        QCOMPARE(file.value(u"timestamp"_s), file.value(u"created"_s));
        const QString folder =
            slack.baseUrl().toString() + u"/files-pri/"_s + slack.teamId() + u'-' + id;
        QCOMPARE(file.value(u"url_private"_s).toString(), folder + u"/report%20final.pdf"_s);
        QCOMPARE(file.value(u"url_private_download"_s).toString(),
                 folder + u"/download/report%20final.pdf"_s);
        QCOMPARE(file.value(u"permalink"_s).toString(),
                 u"https://subarachnoid.slack.com/files/U0ALICE01/"_s + id +
                     u"/report%20final.pdf"_s);
        QVERIFY(file.value(u"permalink_public"_s)
                    .toString()
                    .startsWith(u"https://slack-files.com/"_s + slack.teamId() + u'-' + id + u'-'));
        QCOMPARE(slack.fileJson(id), file);

        // files.info reads the query string or a form body, not JSON.
        Answer a = slackGet(slack, u"files.info?file="_s + id);
        QCOMPARE(a.json().value(u"ok"_s), QJsonValue(true));
        QCOMPARE(a.json().value(u"file"_s).toObject(), file);
        QCOMPARE(a.json().value(u"comments"_s).toArray(), QJsonArray());
        QCOMPARE(a.json()[u"response_metadata"_s][u"next_cursor"_s].toString(), QString());
        a = call("POST", at(slack, u"/api/files.info"_s), "file=" + id.toUtf8(), "Bearer xoxb-t",
                 "application/x-www-form-urlencoded");
        QCOMPARE(a.json()[u"file"_s][u"id"_s].toString(), id);
        a = slackCall(slack, u"files.info"_s, {{u"file"_s, id}});
        QCOMPARE(a.json().value(u"error"_s).toString(), u"invalid_arguments"_s);
        QCOMPARE(slackGet(slack, u"files.info?file=F0NOPE"_s).json()[u"error"_s].toString(),
                 u"file_not_found"_s);
        a = call("GET", at(slack, u"/api/files.info?file="_s + id));
        QCOMPARE(a.json().value(u"error"_s).toString(), u"not_authed"_s);

        // Reduced files: a message shows {id, mode}; files.info says so or file_deleted.
        slack.setFileMode(id, u"hidden_by_limit"_s);
        const QJsonObject hidden{{u"id"_s, id}, {u"mode"_s, u"hidden_by_limit"_s}};
        QCOMPARE(slack.fileJson(id), hidden);
        a = slackGet(slack, u"files.info?file="_s + id);
        QCOMPARE(a.json().value(u"ok"_s), QJsonValue(true));
        QCOMPARE(a.json().value(u"file"_s).toObject(), hidden);
        slack.setFileMode(id, u"tombstone"_s);
        QCOMPARE(slackGet(slack, u"files.info?file="_s + id).json()[u"error"_s].toString(),
                 u"file_deleted"_s);
        slack.setFileMode(id, u"hosted"_s);
        QCOMPARE(slackGet(slack, u"files.info?file="_s + id).json()[u"ok"_s], QJsonValue(true));
        slack.deleteFile(id);
        QCOMPARE(slackGet(slack, u"files.info?file="_s + id).json()[u"error"_s].toString(),
                 u"file_deleted"_s);
        QCOMPARE(slack.fileJson(id).value(u"mode"_s).toString(), u"tombstone"_s);

        slack.revokeScope(u"files:read"_s);
        a = slackGet(slack, u"files.info?file="_s + id);
        QCOMPARE(a.json().value(u"error"_s).toString(), u"missing_scope"_s);
        QCOMPARE(a.json().value(u"needed"_s).toString(), u"files:read"_s);
        const QStringList provided = a.json().value(u"provided"_s).toString().split(u',');
        QVERIFY(provided.contains(u"chat:write"_s));
        QVERIFY(!provided.contains(u"files:read"_s));
    }

    void slackFileDownloads()
    {
        FakeSlack slack(u"xoxb-t"_s);
        QVERIFY(slack.listen());
        slack.setWorkspace(u"Acme SOC"_s, u"hiveslack"_s, u"https://acme-soc.slack.com/"_s);
        const QByteArray bytes("\x89PNG\r\n\x1a\n\0\x01", 10);
        const QJsonObject file =
            slack.addFile(u"U0ALICE01"_s, u"écran \"1\".png"_s, bytes, u"image/png"_s);
        QVERIFY(file.value(u"permalink"_s).toString().startsWith(u"https://acme-soc.slack.com/"_s));
        const QUrl privateUrl(file.value(u"url_private"_s).toString());
        const QUrl downloadUrl(file.value(u"url_private_download"_s).toString());

        Answer a = download(privateUrl, "Bearer xoxb-t");
        QCOMPARE(a.status, 200);
        QCOMPARE(a.header("Content-Type"), QByteArray("image/png"));
        QCOMPARE(a.body, bytes);
        QVERIFY(a.header("Content-Disposition").isEmpty());
        a = download(downloadUrl, "Bearer xoxb-t");
        QCOMPARE(a.status, 200);
        QCOMPARE(a.body, bytes);
        const QByteArray disposition = a.header("Content-Disposition");
        QVERIFY2(disposition.startsWith("attachment; filename=\"\xc3\xa9"
                                        "cran \\\"1\\\".png\""),
                 disposition.constData());

        // No token, another token: Slack's sign-in page, with HTTP 200.
        for (const QByteArray &authorization :
             {QByteArray(), QByteArray("Bearer xoxb-other"), QByteArray("xoxb-t")}) {
            a = download(downloadUrl, authorization);
            QCOMPARE(a.status, 200);
            QCOMPARE(a.header("Content-Type"), QByteArray("text/html; charset=utf-8"));
            QVERIFY(a.body.contains("<html"));
            QVERIFY(a.body.contains("Sign in to Acme SOC"));
        }
        // With the token, a file that is not there (or not under that name) is 404.
        QUrl wrong = privateUrl;
        wrong.setPath(privateUrl.path().replace(u".png"_s, u".jpg"_s));
        QCOMPARE(download(wrong, "Bearer xoxb-t").status, 404);
        QCOMPARE(
            download(at(slack, u"/files-pri/T0G9PQBBK-F0NOPE/x.png"_s), "Bearer xoxb-t").status,
            404);

        // files.slack.com → files-origin hops: 302 once, and the hop still needs the token.
        slack.redirectDownloadsTo(slack.baseUrl().resolved(QUrl(u"/files-origin"_s)));
        a = download(downloadUrl, "Bearer xoxb-t", false);
        QCOMPARE(a.status, 302);
        const QUrl location = QUrl::fromEncoded(a.header("Location"));
        QCOMPARE(location.path(), u"/files-origin"_s + downloadUrl.path());
        QCOMPARE(location.port(), int(slack.port()));
        QCOMPARE(download(location, "Bearer xoxb-t", false).body, bytes);
        QVERIFY(download(location, {}, false).body.contains("<html"));
        QVERIFY(download(downloadUrl, {}, false).body.contains("<html")); // no hop without it
        slack.clearRequests();
        a = download(privateUrl, "Bearer xoxb-t"); // Qt follows, Authorization included
        QCOMPARE(a.status, 200);
        QCOMPARE(a.body, bytes);
        // Qt may send a request twice when the connection it reused was closed meanwhile.
        const QList<RecordedRequest> seen = slack.requests();
        QVERIFY(!seen.isEmpty());
        for (const RecordedRequest &r : seen)
            QVERIFY2(r.path == privateUrl.path() ||
                         r.path == u"/files-origin"_s + privateUrl.path(),
                     qPrintable(r.path));
        QCOMPARE(seen.constLast().path, u"/files-origin"_s + privateUrl.path());
        QCOMPARE(seen.constLast().header("Authorization"), QByteArray("Bearer xoxb-t"));
        slack.redirectDownloadsTo({});
        QCOMPARE(download(privateUrl, "Bearer xoxb-t", false).status, 200);

        // Gone files are 404 to the token holder; without files:read it is the sign-in page.
        slack.setFileMode(file.value(u"id"_s).toString(), u"hidden_by_limit"_s);
        QCOMPARE(download(privateUrl, "Bearer xoxb-t").status, 404);
        slack.setFileMode(file.value(u"id"_s).toString(), u"hosted"_s);
        slack.revokeScope(u"files:read"_s);
        a = download(privateUrl, "Bearer xoxb-t");
        QCOMPARE(a.status, 200);
        QCOMPARE(a.header("Content-Type"), QByteArray("text/html; charset=utf-8"));
        QVERIFY(a.body != bytes);
        FakeSlack other(u"xoxb-t"_s);
        QVERIFY(other.listen());
        const QJsonObject gone = other.addFile(u"U1"_s, u"x.txt"_s, "x", u"text/plain"_s);
        other.deleteFile(gone.value(u"id"_s).toString());
        QCOMPARE(download(QUrl(gone.value(u"url_private"_s).toString()), "Bearer xoxb-t").status,
                 404);
    }

    void faultStatusAndSlackError()
    {
        FakeSlack slack(u"xoxb-t"_s);
        QVERIFY(slack.listen());
        slack.addChannel(u"C1"_s, u"one"_s);
        const QString path = u"/api/chat.postMessage"_s;
        const QJsonObject args{{u"channel"_s, u"C1"_s}, {u"text"_s, u"x"_s}};
        slack.failNext(path, 503, "busy");
        slack.slackErrorNext({}, u"is_archived"_s);
        Answer a = slackCall(slack, u"chat.postMessage"_s, args);
        QCOMPARE(a.status, 503);
        QCOMPARE(a.body, QByteArray("busy"));
        a = slackCall(slack, u"auth.test"_s); // "" = any path
        QCOMPARE(a.json(), QJsonObject({{u"ok"_s, false}, {u"error"_s, u"is_archived"_s}}));
        QCOMPARE(slack.pendingFaults(), 0);
        a = slackCall(slack, u"chat.postMessage"_s, args);
        QCOMPARE(a.json().value(u"ok"_s).toBool(), true);
        QCOMPARE(slack.messages().size(), 1);     // faulted requests did nothing
        QCOMPARE(slack.requests(path).size(), 2); // ... but were recorded
    }

    void faultRateLimited()
    {
        FakeTheHive hive(u"5.2.9"_s, u"k"_s);
        QVERIFY(hive.listen());
        hive.rateLimitNext(u"/api/v1/status/public"_s, 7, 2);
        for (int i = 0; i < 2; ++i) {
            const Answer a = call("GET", at(hive, u"/api/v1/status/public"_s));
            QCOMPARE(a.status, 429);
            QCOMPARE(a.retryAfter, QByteArray("7"));
            QCOMPARE(a.json().value(u"error"_s).toString(), u"ratelimited"_s);
        }
        QCOMPARE(call("GET", at(hive, u"/api/v1/status/public"_s)).status, 200);
    }

    void faultDelay()
    {
        FakeTheHive hive(u"5.2.9"_s, u"k"_s);
        QVERIFY(hive.listen());
        hive.delayNext(u"/api/status"_s, 300);
        QElapsedTimer timer;
        timer.start();
        const Answer a = call("GET", at(hive, u"/api/status"_s));
        QCOMPARE(a.status, 200);
        QVERIFY2(timer.elapsed() >= 280, qPrintable(QString::number(timer.elapsed())));
    }

    void faultDelayOutlivesClient()
    {
        // The 6.4 responder keeps a raw socket: clients leaving first must not crash us.
        FakeTheHive hive(u"5.2.9"_s, u"k"_s);
        QVERIFY(hive.listen());
        QSignalSpy answered(&hive, &FakeHttpServer::requestAnswered);
        const int clients = 6; // QNAM opens at most 6 connections per host
        hive.delayNext(u"/api/status"_s, 150, clients);
        QList<QNetworkReply *> replies;
        for (int i = 0; i < clients; ++i)
            replies.append(m_nam.get(QNetworkRequest(at(hive, u"/api/status"_s))));
        QTRY_COMPARE(hive.requests().size(), clients);
        for (QNetworkReply *reply : std::as_const(replies)) {
            reply->abort();
            reply->deleteLater();
        }
        QTRY_COMPARE(answered.size(), clients);
        for (const QList<QVariant> &signal : std::as_const(answered))
            QCOMPARE(signal[1].toInt(), 0); // nobody left to answer
        QCOMPARE(call("GET", at(hive, u"/api/status"_s)).status, 200);
    }

    void faultDelayPendingWhenDestroyed()
    {
        // Test teardown while the client still waits: no crash, the client sees an error.
        auto hive = std::make_unique<FakeTheHive>(u"5.2.9"_s, u"k"_s);
        QVERIFY(hive->listen());
        hive->delayNext({}, 10000);
        std::unique_ptr<QNetworkReply> reply(
            m_nam.get(QNetworkRequest(at(*hive, u"/api/status"_s))));
        QTRY_COMPARE(hive->requests().size(), 1);
        hive.reset();
        QTRY_VERIFY(reply->isFinished());
        QVERIFY(reply->error() != QNetworkReply::NoError);
    }

    void faultDrop_data()
    {
        QTest::addColumn<int>("drops");
        QTest::addColumn<int>("status");
        // QNetworkAccessManager silently resends a request whose connection died before any
        // answer, up to twice: only a third drop reaches the caller as a network error.
        QTest::newRow("resent by QNAM") << 1 << 200;
        QTest::newRow("error") << 2 << 0;
    }
    void faultDrop()
    {
        QFETCH(int, drops);
        QFETCH(int, status);
        FakeSlack slack(u"xoxb-t"_s);
        QVERIFY(slack.listen());
        slack.dropNext(u"/api/auth.test"_s, drops);
        const Answer a = call("POST", at(slack, u"/api/auth.test"_s), "x=1", "Bearer xoxb-t",
                              "application/x-www-form-urlencoded");
        QCOMPARE(a.status, status);
        QCOMPARE(a.error != QNetworkReply::NoError, status == 0);
        QCOMPARE(slack.requests(u"/api/auth.test"_s).size(), status ? drops + 1 : drops);
        QCOMPARE(slackCall(slack, u"auth.test"_s).status, 200);
    }

    void requestsAreRecorded()
    {
        FakeSlack slack(u"xoxb-t"_s);
        QVERIFY(slack.listen(0));
        QVERIFY(slack.port() != 0);
        QCOMPARE(slack.apiUrl().toString(),
                 u"http://127.0.0.1:"_s + QString::number(slack.port()) + u"/api"_s);
        QSignalSpy recorded(&slack, &FakeHttpServer::requestRecorded);
        call("POST", at(slack, u"/api/users.info?x=a+b"_s), "user=U1&text=a+b%2Bc", "Bearer xoxb-t",
             "application/x-www-form-urlencoded");
        QCOMPARE(recorded.size(), 1);
        const RecordedRequest r = slack.requests().constFirst();
        QCOMPARE(r.method, QByteArray("POST"));
        QCOMPARE(r.path, u"/api/users.info"_s);
        QCOMPARE(r.header("authorization"), QByteArray("Bearer xoxb-t"));
        QCOMPARE(r.formValue(u"text"_s), u"a b+c"_s);
        QCOMPARE(r.queryValue(u"x"_s), u"a b"_s);
        QVERIFY(r.receivedAtMs > 0);
        QCOMPARE(slack.requests(u"/api/other"_s).size(), 0);
        slack.clearRequests();
        QVERIFY(slack.requests().isEmpty());
    }

    void multipartParse()
    {
        // A quoted boundary (which may hold a space and a colon), a preamble and an epilogue,
        // names escaped the HTML way, a raw UTF-8 name, two file parts under one name, and part
        // bytes that end in a CRLF of their own.
        const QByteArray type = "Multipart/Form-Data; charset=utf-8; boundary=\"b:1 x\"";
        const QByteArray body =
            "preamble\r\n--b:1 x\r\n"
            "Content-Disposition: form-data; name=\"_json\"\r\n\r\n{\"message\":\"hi\"}\r\n"
            "--b:1 x\r\n"
            "content-disposition: form-data; name=\"attachments\"; "
            "filename=\"a%22b%0D%0Ac;%41.txt\""
            "\r\nContent-Type: text/csv\r\n\r\nx,y\r\n"
            "--b:1 x  \r\n"
            "Content-Disposition: form-data; filename=\"rapport \xc3\xa9t\xc3\xa9.pdf\"; "
            "name=\"attachments\"\r\n\r\n%PDF\r\n\r\n"
            "--b:1 x--\r\nepilogue --b:1 x";
        const std::optional<QList<FormPart>> parts = parseMultipart(type, body);
        QVERIFY(parts);
        QCOMPARE(parts->size(), 3);
        const FormPart &json = parts->at(0);
        QCOMPARE(json.name, u"_json"_s);
        QVERIFY(!json.isFile());
        QCOMPARE(json.contentType, QByteArray("text/plain"));
        QCOMPARE(json.data, QByteArray("{\"message\":\"hi\"}"));
        const FormPart &csv = parts->at(1);
        QVERIFY(csv.isFile());
        QCOMPARE(csv.name, u"attachments"_s);
        QCOMPARE(csv.fileName, u"a\"b\r\nc;%41.txt"_s); // only %22 %0D %0A are escapes
        QCOMPARE(csv.contentType, QByteArray("text/csv"));
        QCOMPARE(csv.data, QByteArray("x,y"));
        const FormPart &pdf = parts->at(2);
        QCOMPARE(pdf.name, u"attachments"_s);
        QCOMPARE(pdf.fileName, u"rapport été.pdf"_s);
        QCOMPARE(pdf.contentType, QByteArray("application/octet-stream"));
        QCOMPARE(pdf.data, QByteArray("%PDF\r\n"));

        // An unquoted boundary; a file input left empty is still a file part.
        const QByteArray plain = "multipart/form-data; boundary=" + kBoundary;
        const std::optional<QList<FormPart>> empty =
            parseMultipart(plain, formBody({filePart("f", "", "text/plain", "")}));
        QVERIFY(empty);
        QCOMPARE(empty->size(), 1);
        QVERIFY(empty->at(0).isFile());
        QVERIFY(empty->at(0).fileName.isEmpty());
        QVERIFY(empty->at(0).data.isEmpty());
        const std::optional<QList<FormPart>> none = parseMultipart(plain, "--" + kBoundary + "--");
        QVERIFY(none);
        QVERIFY(none->isEmpty());

        // Malformed: nullopt.
        const QByteArray ok = formBody({dataPart("a", "1")});
        QVERIFY(parseMultipart(plain, ok));
        QVERIFY(!parseMultipart("multipart/form-data", ok)); // no boundary
        QVERIFY(!parseMultipart("application/json", ok));
        QVERIFY(!parseMultipart("multipart/form-data; boundary=other", ok));
        QVERIFY(!parseMultipart(plain, ok.chopped(4))); // no close delimiter
        QVERIFY(!parseMultipart(plain, formBody({"Content-Type: text/plain\r\n\r\nx"})));
        QVERIFY(!parseMultipart(plain, formBody({"Content-Disposition: form-data\r\n\r\nx"})));
        QVERIFY(!parseMultipart(plain, formBody({"Content-Disposition: form-data; name=\"a\""})));
        QVERIFY(!parseMultipart(plain,
                                formBody({"Content-Disposition: form-data; name=\"a\r\n\r\nx"})));
    }

    void memorySecretStoreAnswersLater()
    {
        MemorySecretStore store;
        Bridge::SecretResult last;
        int answers = 0;
        const auto done = [&](const Bridge::SecretResult &r) { last = r, ++answers; };
        store.write(u"k"_s, u"v"_s, done);
        QCOMPARE(answers, 0); // never synchronous
        QVERIFY(!store.contains(u"k"_s));
        QTRY_COMPARE(answers, 1);
        QVERIFY(last.ok());
        QCOMPARE(store.peek(u"k"_s), u"v"_s);
        store.read(u"missing"_s, done);
        QTRY_COMPARE(answers, 2);
        QCOMPARE(last.status, Bridge::SecretResult::Status::NotFound);
        store.setUnavailable(true, u"locked"_s);
        store.read(u"k"_s, done);
        QTRY_COMPARE(answers, 3);
        QCOMPARE(last.status, Bridge::SecretResult::Status::Unavailable);
        QCOMPARE(last.error, u"locked"_s);
    }

    void manualClock()
    {
        ManualClock clock(1000);
        clock.advanceMs(500);
        QCOMPARE(clock.nowMs(), 1500);
        QCOMPARE(clock.nowSecs(), 1);
        clock.setNowMs(7000);
        QCOMPARE(clock.nowSecs(), 7);
    }
};

QTEST_GUILESS_MAIN(TestFakes)
#include "tst_fakes.moc"
