#include "fakeslack.h"
#include "fakethehive.h"

#include "admin/connectiontester.h"

#include <QNetworkAccessManager>
#include <QTcpServer>
#include <QTest>

#include <optional>

using namespace Qt::StringLiterals;
using Bridge::ConnectionTester;
using Bridge::SlackCheck;
using Bridge::TheHiveCheck;

class TestConnectionTester : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void theHiveShowsVersionAndUser_data();
    void theHiveShowsVersionAndUser();
    void theHiveWrongKey_data();
    void theHiveWrongKey();
    void theHiveServerDown();
    void theHiveUnknownOrganisation();
    void notATheHiveServer();
    void theHiveRefusesBadInputWithoutCalling();
    void slackShowsWorkspaceAndBot();
    void slackInvalidToken();
    void slackServerDown();
    void slackErrorWords_data();
    void slackErrorWords();
    void destroyedTesterNeverAnswers();

private:
    std::optional<TheHiveCheck> checkHive(const QUrl &url, const QString &key,
                                          const QString &organisation = {});
    std::optional<SlackCheck> checkSlack(const QUrl &url, const QString &token);
    static QUrl closedPortUrl();

    QNetworkAccessManager m_network;
};

std::optional<TheHiveCheck> TestConnectionTester::checkHive(const QUrl &url, const QString &key,
                                                            const QString &organisation)
{
    ConnectionTester tester(m_network, 5000);
    std::optional<TheHiveCheck> answer;
    int answers = 0;
    tester.testTheHive(url, key, organisation, [&](const TheHiveCheck &c) {
        answer = c;
        ++answers;
    });
    if (!QTest::qWaitFor([&] { return answer.has_value(); }, 10000))
        return std::nullopt;
    QTest::qWait(20); // a second answer would arrive now
    return answers == 1 ? answer : std::nullopt;
}

std::optional<SlackCheck> TestConnectionTester::checkSlack(const QUrl &url, const QString &token)
{
    ConnectionTester tester(m_network, 5000);
    std::optional<SlackCheck> answer;
    int answers = 0;
    tester.testSlack(url, token, [&](const SlackCheck &c) {
        answer = c;
        ++answers;
    });
    if (!QTest::qWaitFor([&] { return answer.has_value(); }, 10000))
        return std::nullopt;
    QTest::qWait(20);
    return answers == 1 ? answer : std::nullopt;
}

QUrl TestConnectionTester::closedPortUrl()
{
    // A port that was free a moment ago: nothing listens there now.
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    const quint16 port = probe.serverPort();
    probe.close();
    QUrl url(u"http://127.0.0.1"_s);
    url.setPort(port);
    return url;
}

void TestConnectionTester::theHiveShowsVersionAndUser_data()
{
    QTest::addColumn<QString>("version");
    QTest::addColumn<int>("major");
    QTest::addColumn<int>("minor");
    QTest::newRow("TheHive 5.2.9") << u"5.2.9"_s << 5 << 2;
    QTest::newRow("TheHive 4.1.24") << u"4.1.24"_s << 4 << 1;
}

void TestConnectionTester::theHiveShowsVersionAndUser()
{
    QFETCH(QString, version);
    QFETCH(int, major);
    QFETCH(int, minor);
    TestSupport::FakeTheHive hive(version, u"good-key"_s);
    QVERIFY(hive.listen());

    const std::optional<TheHiveCheck> check = checkHive(hive.baseUrl(), u"good-key"_s, u"SOC"_s);
    QVERIFY(check);
    QVERIFY2(check->ok, qPrintable(check->error));
    QVERIFY(check->error.isEmpty());
    QVERIFY2(check->version.startsWith(version), qPrintable(check->version));
    QVERIFY(check->parsed);
    QCOMPARE(check->parsed->major, major);
    QCOMPARE(check->parsed->minor, minor);
    QCOMPARE(check->userLogin, hive.apiUserLogin());
    QCOMPARE(check->userName, u"HiveSlack"_s);
    QCOMPARE(check->organisation, u"SOC"_s);
    QCOMPARE(check->profile, u"analyst"_s);
    // TheHive 4 has one case permission; TheHive 5 splits it.
    QVERIFY(check->permissions.contains(major == 4 ? u"manageCase"_s : u"manageCase/update"_s));
    // The organisation travels as TheHive expects it.
    const QList<TestSupport::RecordedRequest> users = hive.requests(u"/api/v1/user/current"_s);
    QCOMPARE(users.size(), 1);
    QCOMPARE(users.first().header("X-Organisation"), QByteArray("SOC"));
    // TheHive 4 has no public v1 status: the legacy one must have been asked.
    QCOMPARE(hive.requests(u"/api/status"_s).size(), major == 4 ? 1 : 0);
}

void TestConnectionTester::theHiveWrongKey_data()
{
    QTest::addColumn<QString>("version");
    QTest::newRow("TheHive 5.2.9") << u"5.2.9"_s;
    QTest::newRow("TheHive 4.1.24") << u"4.1.24"_s;
}

void TestConnectionTester::theHiveWrongKey()
{
    QFETCH(QString, version);
    TestSupport::FakeTheHive hive(version, u"good-key"_s);
    QVERIFY(hive.listen());

    const std::optional<TheHiveCheck> check = checkHive(hive.baseUrl(), u"bad-key"_s);
    QVERIFY(check);
    QVERIFY(!check->ok);
    QVERIFY2(check->error.startsWith(u"wrong API key"_s), qPrintable(check->error));
    // The version was read before the key was refused: the admin learns the server is right.
    QVERIFY(check->version.startsWith(version));
    QVERIFY(check->userLogin.isEmpty());
}

void TestConnectionTester::theHiveServerDown()
{
    const QUrl url = closedPortUrl();
    const std::optional<TheHiveCheck> check = checkHive(url, u"any-key"_s);
    QVERIFY(check);
    QVERIFY(!check->ok);
    const QString where = u"cannot connect to 127.0.0.1:"_s + QString::number(url.port());
    QVERIFY2(check->error.startsWith(where), qPrintable(check->error));
    QVERIFY(check->version.isEmpty());
}

void TestConnectionTester::theHiveUnknownOrganisation()
{
    TestSupport::FakeTheHive hive(u"5.2.9"_s, u"good-key"_s);
    QVERIFY(hive.listen());
    const std::optional<TheHiveCheck> check =
        checkHive(hive.baseUrl(), u"good-key"_s, u"Elsewhere"_s);
    QVERIFY(check);
    QVERIFY(!check->ok);
    QVERIFY2(check->error.contains(u"not in organisation \"Elsewhere\""_s),
             qPrintable(check->error));
    QVERIFY(check->error.contains(u"SOC"_s));
}

void TestConnectionTester::notATheHiveServer()
{
    // Slack's fake answers 404 on every TheHive path.
    TestSupport::FakeSlack slack;
    QVERIFY(slack.listen());
    const std::optional<TheHiveCheck> check = checkHive(slack.baseUrl(), u"any-key"_s);
    QVERIFY(check);
    QVERIFY(!check->ok);
    QVERIFY2(check->error.startsWith(u"not a TheHive server"_s), qPrintable(check->error));
    QVERIFY(check->error.contains(u"404"_s));
}

void TestConnectionTester::theHiveRefusesBadInputWithoutCalling()
{
    TestSupport::FakeTheHive hive;
    QVERIFY(hive.listen());
    std::optional<TheHiveCheck> noKey = checkHive(hive.baseUrl(), {});
    QVERIFY(noKey);
    QVERIFY(!noKey->ok);
    QVERIFY(noKey->error.startsWith(u"no API key"_s));
    std::optional<TheHiveCheck> badUrl = checkHive(QUrl(u"ftp://thehive.example"_s), u"k"_s);
    QVERIFY(badUrl);
    QVERIFY(!badUrl->ok);
    QVERIFY(badUrl->error.contains(u"http://"_s));
    QCOMPARE(hive.requests().size(), 0);
}

void TestConnectionTester::slackShowsWorkspaceAndBot()
{
    TestSupport::FakeSlack slack(u"xoxb-good"_s);
    QVERIFY(slack.listen());
    const std::optional<SlackCheck> check = checkSlack(slack.apiUrl(), u"xoxb-good"_s);
    QVERIFY(check);
    QVERIFY2(check->ok, qPrintable(check->error));
    QCOMPARE(check->team, u"Subarachnoid Workspace"_s);
    QCOMPARE(check->teamId, slack.teamId());
    QCOMPARE(check->url, u"https://subarachnoid.slack.com/"_s);
    QCOMPARE(check->botUser, u"bot"_s);
    QCOMPARE(check->botUserId, slack.botUserId());
    QCOMPARE(check->botId, slack.botId());
    const QList<TestSupport::RecordedRequest> calls = slack.requests(u"/api/auth.test"_s);
    QCOMPARE(calls.size(), 1);
    QCOMPARE(calls.first().header("Authorization"), QByteArray("Bearer xoxb-good"));
}

void TestConnectionTester::slackInvalidToken()
{
    TestSupport::FakeSlack slack(u"xoxb-good"_s);
    QVERIFY(slack.listen());
    const std::optional<SlackCheck> check = checkSlack(slack.apiUrl(), u"xoxb-wrong"_s);
    QVERIFY(check);
    QVERIFY(!check->ok);
    QVERIFY2(check->error.startsWith(u"the bot token is not valid"_s), qPrintable(check->error));
    QVERIFY(check->team.isEmpty());
}

void TestConnectionTester::slackServerDown()
{
    QUrl url = closedPortUrl();
    url.setPath(u"/api"_s);
    const std::optional<SlackCheck> check = checkSlack(url, u"xoxb-any"_s);
    QVERIFY(check);
    QVERIFY(!check->ok);
    QVERIFY2(check->error.startsWith(u"cannot connect to 127.0.0.1:"_s), qPrintable(check->error));
}

void TestConnectionTester::slackErrorWords_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("words");
    QTest::newRow("invalid_auth") << u"invalid_auth"_s << u"not valid"_s;
    QTest::newRow("not_authed") << u"not_authed"_s << u"no bot token"_s;
    QTest::newRow("account_inactive") << u"account_inactive"_s << u"disabled workspace"_s;
    QTest::newRow("token_revoked") << u"token_revoked"_s << u"revoked"_s;
    QTest::newRow("other") << u"team_disabled"_s << u"refused"_s;
}

void TestConnectionTester::slackErrorWords()
{
    QFETCH(QString, code);
    QFETCH(QString, words);
    TestSupport::FakeSlack slack(u"xoxb-good"_s);
    QVERIFY(slack.listen());
    slack.slackErrorNext(u"/api/auth.test"_s, code);
    const std::optional<SlackCheck> check = checkSlack(slack.apiUrl(), u"xoxb-good"_s);
    QVERIFY(check);
    QVERIFY(!check->ok);
    QVERIFY2(check->error.contains(words), qPrintable(check->error));
    QVERIFY(check->error.contains(u"(Slack: "_s + code + u')'));
}

void TestConnectionTester::destroyedTesterNeverAnswers()
{
    TestSupport::FakeSlack slack;
    QVERIFY(slack.listen());
    slack.delayNext(u"/api/auth.test"_s, 200);
    bool answered = false;
    {
        ConnectionTester tester(m_network);
        tester.testSlack(slack.apiUrl(), u"xoxb-sim"_s,
                         [&](const SlackCheck &) { answered = true; });
        QTRY_COMPARE(slack.requests(u"/api/auth.test"_s).size(), 1);
    }
    QTest::qWait(400);
    QVERIFY(!answered);
}

QTEST_GUILESS_MAIN(TestConnectionTester)
#include "tst_connectiontester.moc"
