// The headless contract: JSON config + HIVESLACK_* environment (which wins), validation with one
// line naming what is wrong, and no secrets in the file.
#include "config/configloader.h"
#include "config/jsoncomments.h"
#include "routing/router.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace Bridge;
using namespace Qt::StringLiterals;

namespace {

QProcessEnvironment baseEnv()
{
    QProcessEnvironment env;
    env.insert(u"HIVESLACK_THEHIVE_URL"_s, u"https://thehive.example"_s);
    env.insert(u"HIVESLACK_SLACK_CHANNEL"_s, u"C0HIVE01"_s);
    return env;
}

ConfigResult fromJson(const QByteArray &json, const QProcessEnvironment &env = baseEnv())
{
    return configFromJson(QJsonDocument::fromJson(stripJsonComments(json)).object(), env,
                          u"/tmp/hs"_s);
}

} // namespace

class TestConfigLoader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void environmentAloneIsEnough()
    {
        const ConfigResult r = fromJson("{}");
        QVERIFY2(r.config, qPrintable(r.error));
        QCOMPARE(r.config->listenAddress, QHostAddress(QHostAddress::LocalHost));
        QCOMPARE(r.config->listenPort, quint16(8990));
        QCOMPARE(r.config->slackApiUrl, QUrl(u"https://slack.com/api"_s));
        QCOMPARE(r.config->theHiveUiUrl, QUrl(u"https://thehive.example"_s));
        QCOMPARE(r.config->journalPath(), u"/tmp/hs/journal.sqlite"_s);
    }

    void environmentWinsOverTheFile()
    {
        QProcessEnvironment env = baseEnv();
        env.insert(u"HIVESLACK_LISTEN"_s, u"0.0.0.0:9000"_s);
        // Comments are allowed, and "//" inside strings is kept.
        const QByteArray json = "{\"listen\":\"127.0.0.1:7000\", // the port\n"
                                "\"thehive\":{\"url\":\"http://file.example\"},"
                                "\"slack\":{\"defaultChannel\":\"CFILE\"}}";
        const ConfigResult r = fromJson(json, env);
        QVERIFY2(r.config, qPrintable(r.error));
        QCOMPARE(r.config->listenPort, quint16(9000));
        QCOMPARE(r.config->theHiveUrl, QUrl(u"https://thehive.example"_s));
        QCOMPARE(r.config->defaultChannel, u"C0HIVE01"_s);
    }

    void readsRoutesAndOverrides()
    {
        const ConfigResult r = fromJson(R"({"routes":[{"name":"crit","minSeverity":4,"tags":["vip"],
            "tlp":[0,1],"channel":"C9","tlpCeiling":1,"aboveCeiling":"drop",
            "papCeiling":2,"allowRestricted":true}],
            "users":{"overrides":{"U1":"alice@soc.example"},"allowed":["U1"]}})");
        QVERIFY2(r.config, qPrintable(r.error));
        QCOMPARE(r.config->routes.size(), 1);
        QCOMPARE(r.config->routes.first().aboveCeiling, AboveCeiling::Drop);
        QCOMPARE(r.config->routes.first().tlps, QList<int>({0, 1}));
        QCOMPARE(r.config->routes.first().papCeiling, 2);
        QVERIFY(r.config->routes.first().allowRestricted);
        QCOMPARE(r.config->defaultPapCeiling, -1);
        QVERIFY(!r.config->defaultAllowRestricted);
        QCOMPARE(r.config->userOverrides.value(u"U1"_s), u"alice@soc.example"_s);
        // What the console exports, headless mode reads back unchanged.
        const ConfigResult again = configFromJson(configToJson(*r.config), baseEnv(), u"/x"_s);
        QVERIFY2(again.config, qPrintable(again.error));
        QCOMPARE(again.config->routes, r.config->routes);
    }

    void readsAlertRoutes()
    {
        const ConfigResult r = fromJson(R"({"routes":[{"name":"siem","kind":"alert",
            "sources":["splunk","QRadar"],"types":["siem"],"minSeverity":3,"channel":"C8",
            "batchPerMinute":5,
            "tlpCeiling":2},{"name":"cases","channel":"C9"}]})");
        QVERIFY2(r.config, qPrintable(r.error));
        const RouteRule &alerts = r.config->routes.first();
        QCOMPARE(alerts.kind, RouteKind::Alert);
        QCOMPARE(alerts.sources, QStringList({u"splunk"_s, u"QRadar"_s}));
        QCOMPARE(alerts.types, QStringList({u"siem"_s}));
        QCOMPARE(alerts.batchPerMinute, 5);
        QCOMPARE(r.config->routes.last().kind, RouteKind::Case);
        const ConfigResult again = configFromJson(configToJson(*r.config), baseEnv(), u"/x"_s);
        QVERIFY2(again.config, qPrintable(again.error));
        QCOMPARE(again.config->routes, r.config->routes);

        AlertRecord splunk;
        splunk.source = u"Splunk"_s; // TheHive keeps the source as the connector wrote it
        splunk.type = u"siem"_s;
        splunk.severity = 3;
        QCOMPARE(alertRouteFor(splunk, *r.config)->channel, u"C8"_s);
        splunk.severity = 2;
        QVERIFY(!alertRouteFor(splunk, *r.config)); // alerts have no default channel
        splunk.severity = 4;
        splunk.type = u"edr"_s;
        QVERIFY(!alertRouteFor(splunk, *r.config));
        // Cases are never routed by an alert route.
        CaseRecord c;
        c.severity = 4;
        QCOMPARE(routeFor(c, *r.config).channel, u"C9"_s);
    }

    void identityModeFromFileAndEnvironment()
    {
        ConfigResult r = fromJson("{}");
        QVERIFY2(r.config, qPrintable(r.error));
        QCOMPARE(r.config->theHiveActAs, ActAs::Service); // the default
        QCOMPARE(r.config->theHiveUserHeader, u"X-USER"_s);

        r = fromJson("{\"thehive\":{\"actAs\":\"header\",\"userHeader\":\"X-Remote-User\"}}");
        QVERIFY2(r.config, qPrintable(r.error));
        QCOMPARE(r.config->theHiveActAs, ActAs::Header);
        QCOMPARE(r.config->theHiveUserHeader, u"X-Remote-User"_s);
        const ConfigResult again = configFromJson(configToJson(*r.config), baseEnv(), u"/x"_s);
        QVERIFY2(again.config, qPrintable(again.error));
        QCOMPARE(again.config->theHiveActAs, ActAs::Header);
        QCOMPARE(again.config->theHiveUserHeader, u"X-Remote-User"_s);

        QProcessEnvironment env = baseEnv();
        env.insert(u"HIVESLACK_THEHIVE_ACT_AS"_s, u"service"_s);
        env.insert(u"HIVESLACK_THEHIVE_USER_HEADER"_s, u"X-Proxy-Login"_s);
        r = fromJson("{\"thehive\":{\"actAs\":\"header\"}}", env);
        QVERIFY2(r.config, qPrintable(r.error));
        QCOMPARE(r.config->theHiveActAs, ActAs::Service);
        QCOMPARE(r.config->theHiveUserHeader, u"X-Proxy-Login"_s);
    }

    void reconcileIntervalFromFileAndEnvironment()
    {
        ConfigResult r = fromJson("{}");
        QVERIFY2(r.config, qPrintable(r.error));
        QCOMPARE(r.config->reconcileSeconds, 60); // the default
        r = fromJson(R"({"thehive":{"reconcileSeconds":0}})");
        QVERIFY2(r.config, qPrintable(r.error));
        QCOMPARE(r.config->reconcileSeconds, 0); // off
        r = fromJson(R"({"thehive":{"reconcileSeconds":300}})");
        QVERIFY2(r.config, qPrintable(r.error));
        const ConfigResult again = configFromJson(configToJson(*r.config), baseEnv(), u"/x"_s);
        QVERIFY2(again.config, qPrintable(again.error));
        QCOMPARE(again.config->reconcileSeconds, 300);

        QProcessEnvironment env = baseEnv();
        env.insert(u"HIVESLACK_RECONCILE_SECONDS"_s, u"15"_s);
        r = fromJson(R"({"thehive":{"reconcileSeconds":300}})", env);
        QVERIFY2(r.config, qPrintable(r.error));
        QCOMPARE(r.config->reconcileSeconds, 15);

        for (const char *bad :
             {R"({"thehive":{"reconcileSeconds":-1}})", R"({"thehive":{"reconcileSeconds":1.5}})",
              R"({"thehive":{"reconcileSeconds":"60"}})",
              R"({"thehive":{"reconcileSeconds":86401}})"}) {
            r = fromJson(bad);
            QVERIFY2(!r.config, bad);
            QVERIFY2(r.error.contains(u"thehive.reconcileSeconds"), qPrintable(r.error));
        }
        env.insert(u"HIVESLACK_RECONCILE_SECONDS"_s, u"often"_s);
        r = fromJson("{}", env);
        QVERIFY(!r.config);
        QVERIFY2(r.error.contains(u"HIVESLACK_RECONCILE_SECONDS"), qPrintable(r.error));
    }

    void slackRatesOnlySpeedUpForAFakeSlack()
    {
        ConfigResult r = fromJson("{}");
        QVERIFY2(r.config, qPrintable(r.error));
        QCOMPARE(r.config->slackRateLimits, Bridge::SlackRateLimits()); // Slack's own
        QProcessEnvironment env = baseEnv();
        env.insert(u"HIVESLACK_SLACK_RATE_FACTOR"_s, u"1000"_s);
        r = fromJson("{}", env);
        QVERIFY2(r.config, qPrintable(r.error));
        QCOMPARE(r.config->slackRateLimits.postsPerChannel.perMinute, 60'000.0);
        QCOMPARE(r.config->slackRateLimits.tier3.perMinute, 50'000.0);
        for (const QString &bad : {u"0"_s, u"-2"_s, u"fast"_s, u"20000"_s}) {
            env.insert(u"HIVESLACK_SLACK_RATE_FACTOR"_s, bad);
            r = fromJson("{}", env);
            QVERIFY2(!r.config, qPrintable(bad));
            QVERIFY2(r.error.contains(u"HIVESLACK_SLACK_RATE_FACTOR"), qPrintable(r.error));
        }
    }

    void journalRetentionFromFileAndEnvironment()
    {
        ConfigResult r = fromJson("{}");
        QVERIFY2(r.config, qPrintable(r.error));
        QCOMPARE(r.config->journalRetentionDays, 30); // the default

        r = fromJson(R"({"journal":{"retentionDays":0}})");
        QVERIFY2(r.config, qPrintable(r.error));
        QCOMPARE(r.config->journalRetentionDays, 0); // keep forever
        r = fromJson(R"({"journal":{"retentionDays":3650}})");
        QVERIFY2(r.config, qPrintable(r.error));
        QCOMPARE(r.config->journalRetentionDays, 3650);
        const ConfigResult again = configFromJson(configToJson(*r.config), baseEnv(), u"/x"_s);
        QVERIFY2(again.config, qPrintable(again.error));
        QCOMPARE(again.config->journalRetentionDays, 3650);

        QProcessEnvironment env = baseEnv();
        env.insert(u"HIVESLACK_JOURNAL_RETENTION_DAYS"_s, u"7"_s);
        r = fromJson(R"({"journal":{"retentionDays":90}})", env);
        QVERIFY2(r.config, qPrintable(r.error));
        QCOMPARE(r.config->journalRetentionDays, 7); // the environment wins, as everywhere

        env.insert(u"HIVESLACK_JOURNAL_RETENTION_DAYS"_s, u"a month"_s);
        r = fromJson("{}", env);
        QVERIFY(!r.config);
        QVERIFY2(r.error.contains(u"HIVESLACK_JOURNAL_RETENTION_DAYS"_s) &&
                     r.error.contains(u"a month"_s),
                 qPrintable(r.error));
    }

    void evidenceFilesAreCopiedOnlyWhenAsked()
    {
        ConfigResult r = fromJson("{}");
        QVERIFY2(r.config, qPrintable(r.error));
        QCOMPARE(r.config->evidenceFiles, EvidenceFiles{}); // off, 25 MB
        QVERIFY(!r.config->evidenceFiles.copy);

        r = fromJson(R"({"evidence":{"copyFiles":true,"maxFileMb":100}})");
        QVERIFY2(r.config, qPrintable(r.error));
        QVERIFY(r.config->evidenceFiles.copy);
        QCOMPARE(r.config->evidenceFiles.maxMegabytes, 100);
        const ConfigResult again = configFromJson(configToJson(*r.config), baseEnv(), u"/x"_s);
        QVERIFY2(again.config, qPrintable(again.error));
        QCOMPARE(again.config->evidenceFiles, r.config->evidenceFiles);
    }

    void refusesWithOneLineNamingTheProblem_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("unsetVariable");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("secret in file")
            << QByteArray(R"({"slack":{"botToken":"xoxb"}})") << QString() << u"slack.botToken"_s;
        QTest::newRow("app token in file")
            << QByteArray(R"({"slack":{"appToken":"xapp-1"}})") << QString() << u"slack.appToken"_s;
        QTest::newRow("bad URL") << QByteArray(R"({})") << QString() << u"ftp://x"_s;
        QTest::newRow("no TheHive URL")
            << QByteArray("{}") << u"HIVESLACK_THEHIVE_URL"_s << u"HIVESLACK_THEHIVE_URL"_s;
        QTest::newRow("no channel")
            << QByteArray("{}") << u"HIVESLACK_SLACK_CHANNEL"_s << u"HIVESLACK_SLACK_CHANNEL"_s;
        QTest::newRow("bad listen")
            << QByteArray(R"({"listen":"nowhere"})") << QString() << u"listen"_s;
        QTest::newRow("route without channel")
            << QByteArray(R"({"routes":[{"name":"r"}]})") << QString() << u"no channel"_s;
        QTest::newRow("route naming a channel by name")
            << QByteArray("{\"routes\":[{\"name\":\"r\",\"channel\":\"#soc\"}]}") << QString()
            << u"channel id"_s;
        QTest::newRow("unknown identity mode")
            << QByteArray("{\"thehive\":{\"actAs\":\"impersonate\"}}") << QString()
            << u"thehive.actAs"_s;
        QTest::newRow("the key's header as user header")
            << QByteArray("{\"thehive\":{\"userHeader\":\"Authorization\"}}") << QString()
            << u"Authorization"_s;
        QTest::newRow("retention not a number")
            << QByteArray(R"({"journal":{"retentionDays":"30"}})") << QString()
            << u"journal.retentionDays must be a whole number of days from 0 (keep forever) to "
               "3650, got \"30\""_s;
        QTest::newRow("retention in fractions")
            << QByteArray(R"({"journal":{"retentionDays":1.5}})") << QString() << u"got 1.5"_s;
        QTest::newRow("retention negative") << QByteArray(R"({"journal":{"retentionDays":-1}})")
                                            << QString() << u"journal.retentionDays"_s;
        QTest::newRow("retention beyond ten years")
            << QByteArray(R"({"journal":{"retentionDays":3651}})") << QString() << u"3651"_s;
        QTest::newRow("unknown route kind")
            << QByteArray(R"({"routes":[{"name":"r","kind":"incident","channel":"C1"}]})")
            << QString() << u"routes[0].kind must be \"case\" or \"alert\""_s;
        QTest::newRow("alert conditions on a case route")
            << QByteArray(R"({"routes":[{"name":"r","sources":["splunk"],"channel":"C1"}]})")
            << QString() << u"sources, types and batchPerMinute are for"_s;
        QTest::newRow("batching beyond 50")
            << QByteArray(R"({"routes":[{"name":"r","kind":"alert","batchPerMinute":51,)"
                          R"("channel":"C1"}]})")
            << QString() << u"batchPerMinute must be 0"_s;
        QTest::newRow("copyFiles as text")
            << QByteArray(R"({"evidence":{"copyFiles":"yes"}})") << QString()
            << u"evidence.copyFiles must be true or false, got \"yes\""_s;
        QTest::newRow("no megabytes to copy")
            << QByteArray(R"({"evidence":{"maxFileMb":0}})") << QString()
            << u"evidence.maxFileMb must be a whole number of megabytes from 1 to 100, got 0"_s;
        QTest::newRow("more megabytes than held in memory")
            << QByteArray(R"({"evidence":{"maxFileMb":101}})") << QString() << u"got 101"_s;
        QTest::newRow("not a header name")
            << QByteArray("{\"thehive\":{\"userHeader\":\"X USER\"}}") << QString() << u"X USER"_s;
    }
    void refusesWithOneLineNamingTheProblem()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, unsetVariable);
        QFETCH(QString, mentions);
        QProcessEnvironment env = baseEnv();
        if (!unsetVariable.isEmpty())
            env.remove(unsetVariable);
        if (QTest::currentDataTag() == QByteArray("bad URL"))
            env.insert(u"HIVESLACK_THEHIVE_URL"_s, u"ftp://x"_s);
        const ConfigResult r = fromJson(json, env);
        QVERIFY(!r.config);
        QVERIFY2(r.error.contains(mentions), qPrintable(r.error));
        QVERIFY(!r.error.contains(u'\n'));
    }

    void anUnreadableFileIsAnError()
    {
        const ConfigResult r = loadConfig(u"/nonexistent/hiveslack.json"_s, baseEnv(), u"/tmp"_s);
        QVERIFY(!r.config);
        QVERIFY(r.error.contains(u"/nonexistent/hiveslack.json"));
    }

    void theShippedExampleLoads()
    {
        const ConfigResult r =
            loadConfig(QStringLiteral(HIVESLACK_SOURCE_DIR "/resources/hiveslack.example.json"),
                       QProcessEnvironment(), u"/tmp"_s);
        QVERIFY2(r.config, qPrintable(r.error));
        QVERIFY(!r.config->routes.isEmpty());
        QVERIFY(r.config->routes.first().threadToCase);
        QVERIFY(!r.config->defaultThreadToCase);
        QVERIFY(syncsThreads(u"C0RESTRICT1"_s, *r.config));
        QVERIFY(!syncsThreads(u"C0CRITICAL1"_s, *r.config));
        QCOMPARE(r.config->routes.last().kind, RouteKind::Alert);
        QCOMPARE(r.config->evidenceFiles, EvidenceFiles{});
    }
};

QTEST_GUILESS_MAIN(TestConfigLoader)
#include "tst_configloader.moc"
