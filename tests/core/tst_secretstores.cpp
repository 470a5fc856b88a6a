// Secret stores: the environment (headless) and the OS keychain (console). The keychain round
// trip needs a session bus with an unlocked keyring: resources/setup.sh test provides one and
// sets HIVESLACK_KEYRING_UNLOCKED; under CI it must run, never skip.
#include "secrets/credentialsloader.h"
#include "secrets/envsecretstore.h"
#include "secrets/keychainsecretstore.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Bridge;
using namespace Qt::StringLiterals;

namespace {

SecretResult wait(SecretStore &store, const std::function<void(SecretStore::Callback)> &call)
{
    std::optional<SecretResult> result;
    call([&](const SecretResult &r) { result = r; });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 10000))
        return {SecretResult::Status::Failed, {}, u"no answer"_s};
    Q_UNUSED(store);
    return *result;
}

} // namespace

class TestSecretStores : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void environmentValueAndFile()
    {
        QTemporaryDir dir;
        QFile file(dir.filePath(u"token"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("xoxb-from-file\n");
        file.close();
        QProcessEnvironment env;
        env.insert(u"HIVESLACK_SLACK_SIGNING_SECRET"_s, u"from-env"_s);
        env.insert(u"HIVESLACK_SLACK_BOT_TOKEN_FILE"_s, file.fileName());
        env.insert(u"HIVESLACK_THEHIVE_API_KEY"_s, u"a"_s);
        env.insert(u"HIVESLACK_THEHIVE_API_KEY_FILE"_s, file.fileName());
        EnvSecretStore store(env);
        QCOMPARE(store.readNow(u"slack_signing_secret"_s).value, u"from-env"_s);
        QCOMPARE(store.readNow(u"slack_bot_token"_s).value, u"xoxb-from-file"_s);
        const SecretResult both = store.readNow(u"thehive_api_key"_s);
        QCOMPARE(both.status, SecretResult::Status::Failed);
        QVERIFY(both.error.contains(u"HIVESLACK_THEHIVE_API_KEY_FILE"));
        const SecretResult missing = store.readNow(u"thehive_webhook_secret"_s);
        QCOMPARE(missing.status, SecretResult::Status::NotFound);
        QVERIFY(missing.error.contains(u"HIVESLACK_THEHIVE_WEBHOOK_SECRET"));
        QVERIFY(!missing.error.contains(u"from-env")); // no secret in any message
        const SecretResult write = wait(store, [&](SecretStore::Callback cb) {
            store.write(u"slack_bot_token"_s, u"x"_s, cb);
        });
        QCOMPARE(write.status, SecretResult::Status::Unavailable);
    }

    void credentialsNameTheFirstMissingSecret()
    {
        QProcessEnvironment env;
        env.insert(u"HIVESLACK_THEHIVE_API_KEY"_s, u"k"_s);
        env.insert(u"HIVESLACK_THEHIVE_WEBHOOK_SECRET"_s, u"w"_s);
        env.insert(u"HIVESLACK_SLACK_BOT_TOKEN"_s, u"t"_s);
        EnvSecretStore store(env);
        std::optional<CredentialsResult> result;
        loadCredentials(store, [&](const CredentialsResult &r) { result = r; });
        QVERIFY(QTest::qWaitFor([&] { return result.has_value(); }));
        QVERIFY(!result->ok());
        QVERIFY2(result->error.contains(u"HIVESLACK_SLACK_SIGNING_SECRET"),
                 qPrintable(result->error));
        // Either way in for Slack is named.
        QVERIFY2(result->error.contains(u"HIVESLACK_SLACK_APP_TOKEN"), qPrintable(result->error));
    }

    void anAppTokenStandsInForTheSigningSecret_data()
    {
        QTest::addColumn<QString>("appToken");
        QTest::addColumn<QString>("error"); // empty: loads
        QTest::newRow("Socket Mode only") << u"xapp-1-A111-123-abc"_s << QString();
        QTest::newRow("a bot token by mistake") << u"xoxb-123"_s << u"xapp-"_s;
    }
    void anAppTokenStandsInForTheSigningSecret()
    {
        QFETCH(QString, appToken);
        QFETCH(QString, error);
        QProcessEnvironment env;
        env.insert(u"HIVESLACK_THEHIVE_API_KEY"_s, u"k"_s);
        env.insert(u"HIVESLACK_THEHIVE_WEBHOOK_SECRET"_s, u"w"_s);
        env.insert(u"HIVESLACK_SLACK_BOT_TOKEN"_s, u"t"_s);
        env.insert(u"HIVESLACK_SLACK_APP_TOKEN"_s, appToken);
        EnvSecretStore store(env);
        std::optional<CredentialsResult> result;
        loadCredentials(store, [&](const CredentialsResult &r) { result = r; });
        QVERIFY(QTest::qWaitFor([&] { return result.has_value(); }));
        if (error.isEmpty()) {
            QVERIFY2(result->ok(), qPrintable(result->error));
            QCOMPARE(result->credentials.slackAppToken, appToken);
            QVERIFY(result->credentials.slackSigningSecret.isEmpty());
            QVERIFY(result->credentials.usesSocketMode());
        } else {
            QVERIFY(!result->ok());
            QVERIFY2(result->error.contains(error), qPrintable(result->error));
            QVERIFY(!result->error.contains(appToken)); // never the secret itself
        }
    }

    void keychainRoundTrip()
    {
        if (qEnvironmentVariable("HIVESLACK_KEYRING_UNLOCKED") != u"1") {
            if (qEnvironmentVariable("CI") == u"true")
                QFAIL("CI must run the keychain round trip inside resources/setup.sh test");
            QSKIP(
                "needs an unlocked keyring on a session bus (run through resources/setup.sh test)");
        }
        KeychainSecretStore store(u"HiveSlack-test-%1"_s.arg(QCoreApplication::applicationPid()));
        const QString value = u"xoxb-ünïcode-%1"_s.arg(QDateTime::currentMSecsSinceEpoch());
        QCOMPARE(wait(store, [&](auto cb) { store.write(u"slack_bot_token"_s, value, cb); }).status,
                 SecretResult::Status::Ok);
        const SecretResult read =
            wait(store, [&](auto cb) { store.read(u"slack_bot_token"_s, cb); });
        QCOMPARE(read.status, SecretResult::Status::Ok);
        QCOMPARE(read.value, value);
        QCOMPARE(wait(store, [&](auto cb) { store.remove(u"slack_bot_token"_s, cb); }).status,
                 SecretResult::Status::Ok);
        QCOMPARE(wait(store, [&](auto cb) { store.read(u"slack_bot_token"_s, cb); }).status,
                 SecretResult::Status::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestSecretStores)
#include "tst_secretstores.moc"
