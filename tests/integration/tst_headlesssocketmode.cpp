// The real `hiveslack --headless` behind a firewall: configured with an app-level token and no
// signing secret, it takes an analyst's click over the Socket Mode connection it opens itself,
// while its HTTP listener refuses anything for Slack.
#include "fakeslack.h"
#include "fakethehive.h"
#include "headlessprocess.h"
#include "slackpayloads.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace TestSupport;
using namespace Qt::StringLiterals;

namespace {

constexpr char Secret[] = "socket-test-secret";
constexpr char Channel[] = "C0HIVE01";
constexpr char AppToken[] = "xapp-1-A111-process";

} // namespace

class TestHeadlessSocketMode : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aClickTravelsOnlyOverTheSocket()
    {
        FakeTheHive hive;
        FakeSlack slack;
        QVERIFY(hive.listen() && slack.listen());
        FakeSocketMode &socket = slack.enableSocketMode(QLatin1String(AppToken));
        slack.addChannel(QLatin1String(Channel), u"soc-cases"_s);
        slack.addUser(Alice.slackId, Alice.name, Alice.email);
        hive.addUser(Alice.email, u"Alice Martin"_s, Alice.email);
        QTemporaryDir dir;

        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"HIVESLACK_THEHIVE_URL"_s, hive.baseUrl().toString());
        env.insert(u"HIVESLACK_THEHIVE_API_KEY"_s, hive.apiKey());
        env.insert(u"HIVESLACK_THEHIVE_WEBHOOK_SECRET"_s, QLatin1String(Secret));
        env.insert(u"HIVESLACK_SLACK_API_URL"_s, slack.apiUrl().toString());
        env.insert(u"HIVESLACK_SLACK_BOT_TOKEN"_s, slack.token());
        env.insert(u"HIVESLACK_SLACK_APP_TOKEN"_s, QLatin1String(AppToken));
        env.remove(u"HIVESLACK_SLACK_SIGNING_SECRET"_s);
        env.insert(u"HIVESLACK_SLACK_CHANNEL"_s, QLatin1String(Channel));
        HeadlessProcess bridge(env, dir.path());
        QVERIFY(bridge.start());
        QVERIFY(QTest::qWaitFor([&] { return socket.openConnections() == 1; }, 5000));

        const QString caseId =
            hive.addCase({{u"title"_s, u"Beaconing from WS-017"_s}, {u"severity"_s, 2}})
                .value(u"_id"_s)
                .toString();
        QCOMPARE(bridge
                     .post(u"/thehive/webhook"_s,
                           QJsonDocument(hive.webhookFor(u"create"_s, caseId)).toJson(),
                           {{"Content-Type", "application/json"},
                            {"Authorization", QByteArray("Bearer ") + Secret}})
                     .first,
                 202);
        QVERIFY(QTest::qWaitFor([&] { return slack.messages(QLatin1String(Channel)).size() == 1; },
                                5000));
        const FakeSlack::PostedMessage card = slack.messages(QLatin1String(Channel)).constFirst();
        const std::optional<Control> severity = findControl(card.blocks, u"hs_severity"_s);
        QVERIFY(severity);
        const QJsonObject click = blockActions(
            Alice, card, selectAction(*severity, optionWithValue(severity->element, u"3"_s)));

        // Slack-facing HTTP is not there at all.
        QCOMPARE(bridge
                     .post(u"/slack/interactions"_s, "payload=" + QJsonDocument(click).toJson(),
                           {{"Content-Type", "application/x-www-form-urlencoded"}})
                     .first,
                 404);
        const QString envelope = socket.sendEnvelope(u"interactive"_s, click);
        QVERIFY(QTest::qWaitFor([&] { return socket.ack(envelope).has_value(); }, 5000));
        QVERIFY(socket.ack(envelope)->afterMs < 3000);
        QVERIFY(QTest::qWaitFor(
            [&] { return hive.caseJson(caseId).value(u"severity").toInt() == 3; }, 5000));
        QVERIFY(QTest::qWaitFor(
            [&] {
                return shownValue(slack.messages(QLatin1String(Channel)).constFirst().blocks,
                                  u"hs_severity"_s) == u"3";
            },
            5000));
        QVERIFY(
            bridge.get(u"/healthz"_s).second.contains("\"socketMode\":{\"state\":\"connected\"}"));
        QVERIFY(bridge.terminate());
    }
};

QTEST_GUILESS_MAIN(TestHeadlessSocketMode)
#include "tst_headlesssocketmode.moc"
