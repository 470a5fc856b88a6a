// The operator's CLI on the journal of a running bridge: `hiveslack events list / show /
// retry / discard`, the real binary beside a bridge that keeps running, repairs a failed event.
#include "bridgeharness.h"

#include "delivery/dispatcher.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTest>

using namespace TestSupport;
using namespace Qt::StringLiterals;

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

/// `hiveslack events …` with only the data directory set, as an operator's shell might be.
Run events(const BridgeHarness &h, const QStringList &arguments)
{
    QProcess process;
    QProcessEnvironment env;
    env.insert(u"PATH"_s, qEnvironmentVariable("PATH"));
    env.insert(u"HIVESLACK_DATA_DIR"_s, h.config.dataDir);
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(HIVESLACK_BINARY), QStringList{u"events"_s} + arguments);
    // The bridge in this process keeps serving meanwhile.
    if (!QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, 10'000))
        process.kill();
    return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
}

/// `hiveslack check` with the environment a service would have, against the fakes.
Run check(BridgeHarness &h, const QString &apiKey, const QString &appToken)
{
    QProcess process;
    QProcessEnvironment env;
    env.insert(u"PATH"_s, qEnvironmentVariable("PATH"));
    env.insert(u"HIVESLACK_DATA_DIR"_s, h.config.dataDir);
    env.insert(u"HIVESLACK_THEHIVE_URL"_s, h.hive.baseUrl().toString());
    env.insert(u"HIVESLACK_THEHIVE_API_KEY"_s, apiKey);
    env.insert(u"HIVESLACK_THEHIVE_WEBHOOK_SECRET"_s, u"w"_s);
    env.insert(u"HIVESLACK_SLACK_API_URL"_s, h.slack.apiUrl().toString());
    env.insert(u"HIVESLACK_SLACK_BOT_TOKEN"_s, h.slack.token());
    env.insert(u"HIVESLACK_SLACK_CHANNEL"_s, QLatin1String(BridgeHarness::Channel));
    if (appToken.isEmpty())
        env.insert(u"HIVESLACK_SLACK_SIGNING_SECRET"_s, u"s"_s);
    else
        env.insert(u"HIVESLACK_SLACK_APP_TOKEN"_s, appToken);
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(HIVESLACK_BINARY), {u"check"_s});
    if (!QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, 15'000))
        process.kill();
    return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
}

} // namespace

class TestOperatorCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aFailedEventIsRepairedWhileTheBridgeRuns()
    {
        BridgeHarness h;
        h.start();
        // Slack refuses the card for good: the event fails.
        h.slack.slackErrorNext(u"/api/chat.postMessage"_s, u"channel_not_found"_s);
        const QString id =
            h.hive.addCase({{u"title"_s, u"case the operator saves"_s}}).value(u"_id").toString();
        QCOMPARE(h.postWebhook(h.hive.webhookFor(u"create"_s, id)).status, 202);
        QVERIFY(BridgeHarness::waitFor([&] { return h.journal().counts().failed == 1; }));

        const Run listed = events(h, {u"list"_s, u"--state"_s, u"failed"_s, u"--json"_s});
        QCOMPARE(listed.exitCode, 0);
        QVERIFY2(listed.err.isEmpty(), listed.err.constData());
        const QJsonArray failed = QJsonDocument::fromJson(listed.out).array();
        QCOMPARE(failed.size(), 1);
        const QJsonObject event = failed.first().toObject();
        QCOMPARE(event.value(u"state").toString(), u"failed"_s);
        QCOMPARE(event.value(u"case").toString(), id);
        QVERIFY(event.value(u"lastError").toString().contains(u"channel_not_found"_s));
        const QString eventId = QString::number(event.value(u"id").toInteger());

        const Run shown = events(h, {u"show"_s, eventId});
        QCOMPARE(shown.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(shown.out).object().value(u"kind").toString(),
                 u"case.create"_s);

        // The channel is fixed; the operator retries, and the running bridge delivers it.
        const Run retried = events(h, {u"retry"_s, eventId});
        QCOMPARE(retried.exitCode, 0);
        QVERIFY(BridgeHarness::waitFor(
            [&] { return h.cardsShowing(u"case the operator saves"_s) == 1; },
            2 * int(Bridge::Dispatcher::IdleLookMs)));
        QVERIFY(BridgeHarness::waitFor([&] { return h.journal().counts().delivered == 1; }));
        QCOMPARE(h.journal().auditFor(eventId.toLongLong()).constLast().action, u"retry"_s);

        // A settled event cannot be retried or discarded: exit 1, one line saying why.
        const Run again = events(h, {u"discard"_s, eventId});
        QCOMPARE(again.exitCode, 1);
        QCOMPARE(again.err.count('\n'), 1);
        QVERIFY2(again.err.contains("delivered"), again.err.constData());
    }

    void checkTestsEveryConnection()
    {
        BridgeHarness h;
        h.slack.enableSocketMode(u"xapp-1-A111-check"_s);
        const Run passed = check(h, h.hive.apiKey(), u"xapp-1-A111-check"_s);
        QCOMPARE(passed.exitCode, 0);
        QVERIFY2(passed.out.contains("TheHive: ok - 5.2.9"), passed.out.constData());
        QVERIFY2(passed.out.contains("Slack: ok"), passed.out.constData());
        QVERIFY2(passed.out.contains("Socket Mode: ok"), passed.out.constData());
        QVERIFY(!passed.out.contains("xapp-1")); // never a secret

        const Run wrongKey = check(h, u"not-the-key"_s, {});
        QCOMPARE(wrongKey.exitCode, 1);
        QVERIFY2(wrongKey.out.contains("TheHive: FAILED"), wrongKey.out.constData());
        QVERIFY2(wrongKey.out.contains("Slack: ok"), wrongKey.out.constData());
        QVERIFY(!wrongKey.out.contains("Socket Mode")); // HTTP mode: nothing to test there
        QVERIFY(!wrongKey.out.contains("not-the-key"));

        const Run wrongAppToken = check(h, h.hive.apiKey(), u"xapp-1-stale"_s);
        QCOMPARE(wrongAppToken.exitCode, 1);
        QVERIFY2(wrongAppToken.out.contains("Socket Mode: FAILED"), wrongAppToken.out.constData());
    }

    void badInputIsOneLineAndChangesNothing_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("no verb") << QStringList() << 2;
        QTest::newRow("unknown verb") << QStringList{u"frob"_s} << 2;
        QTest::newRow("retry without id") << QStringList{u"retry"_s} << 2;
        QTest::newRow("id not a number") << QStringList{u"show"_s, u"seven"_s} << 2;
        QTest::newRow("unknown state") << QStringList{u"list"_s, u"--state"_s, u"lost"_s} << 2;
        QTest::newRow("no such event") << QStringList{u"show"_s, u"999999"_s} << 1;
    }
    void badInputIsOneLineAndChangesNothing()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        BridgeHarness h;
        h.start();
        const Run run = events(h, arguments);
        QCOMPARE(run.exitCode, exitCode);
        QCOMPARE(run.err.count('\n'), 1);
        QVERIFY(run.out.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestOperatorCli)
#include "tst_operatorcli.moc"
