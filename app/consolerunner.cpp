#include "consolerunner.h"

#include "headlessrunner.h"

#include "mainwindow.h"

#include "bridgeservice.h"
#include "config/configloader.h"
#include "journal/journal.h"
#include "secrets/credentialsloader.h"
#include "secrets/envsecretstore.h"
#include "secrets/keychainsecretstore.h"

#include <QApplication>
#include <QCoreApplication>
#include <QDir>
#include <QMessageBox>
#include <QNetworkAccessManager>

namespace {

/// Reads each secret from the keychain and, where the keychain has none or cannot be reached
/// (no Secret Service on a bare desktop), from the environment: the same variables headless
/// mode reads, so one setup works in both modes.
class KeychainThenEnvStore final : public Bridge::SecretStore
{
public:
    explicit KeychainThenEnvStore(const QProcessEnvironment &env)
        : m_keychain(QStringLiteral("HiveSlack"))
        , m_env(env)
    {
    }

    void read(const QString &key, Callback done) override
    {
        m_keychain.read(key, [this, key, done](const Bridge::SecretResult &result) {
            using Status = Bridge::SecretResult::Status;
            if (result.status == Status::Unavailable || result.status == Status::NotFound)
                m_env.read(key, done);
            else
                done(result);
        });
    }
    void write(const QString &key, const QString &value, Callback done) override
    {
        m_keychain.write(key, value, std::move(done));
    }
    void remove(const QString &key, Callback done) override
    {
        m_keychain.remove(key, std::move(done));
    }
    QString backendName() const override
    {
        return m_keychain.backendName() + QStringLiteral(", then ") + m_env.backendName();
    }

private:
    Bridge::KeychainSecretStore m_keychain;
    Bridge::EnvSecretStore m_env;
};

/// Translation context for the start-up messages (lupdate finds ConsoleText::tr).
struct ConsoleText
{
    Q_DECLARE_TR_FUNCTIONS(ConsoleRunner)
};

int refuse(const QString &title, const QString &text, const QString &howTo, int code)
{
    QMessageBox box(QMessageBox::Critical, title, text);
    box.setInformativeText(howTo);
    box.exec();
    return code;
}

QString secretHelp()
{
    QStringList variables;
    for (const char *key :
         {Bridge::SecretKey::TheHiveApiKey, Bridge::SecretKey::TheHiveWebhookSecret,
          Bridge::SecretKey::SlackBotToken, Bridge::SecretKey::SlackSigningSecret})
        variables.append(Bridge::EnvSecretStore::variableFor(QLatin1String(key)));
    return ConsoleText::tr(
               "Store the secret in the OS keychain under the service \"HiveSlack\", or set the "
               "environment variables %1 (or the same names with _FILE pointing to a file). "
               "To try HiveSlack without TheHive and Slack, run `hiveslack --demo`.")
        .arg(variables.join(QStringLiteral(", ")));
}

} // namespace

int runConsole(int argc, char *argv[], const LaunchOptions &options)
{
    QApplication app(argc, argv);
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();

    const Bridge::ConfigResult loaded =
        Bridge::loadConfig(options.configFile, env, defaultDataDir());
    if (!loaded.config)
        return refuse(ConsoleText::tr("HiveSlack is not configured"),
                      ConsoleText::tr("A setting is missing or wrong: %1").arg(loaded.error),
                      ConsoleText::tr(
                          "Set it with the HIVESLACK_* environment variables (for example "
                          "HIVESLACK_THEHIVE_URL and HIVESLACK_SLACK_CHANNEL) or in a config file "
                          "passed with --config. To try HiveSlack without TheHive and Slack, run "
                          "`hiveslack --demo`."),
                      2);
    const Bridge::BridgeConfig &config = *loaded.config;

    KeychainThenEnvStore store(env);
    std::optional<Bridge::CredentialsResult> credentials;
    Bridge::loadCredentials(store, [&](const Bridge::CredentialsResult &r) { credentials = r; });
    while (!credentials)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    if (!credentials->ok())
        return refuse(ConsoleText::tr("HiveSlack has no credentials"),
                      ConsoleText::tr("A secret is missing: %1").arg(credentials->error),
                      secretHelp(), 2);

    if (!QDir().mkpath(config.dataDir))
        return refuse(ConsoleText::tr("HiveSlack cannot start"),
                      ConsoleText::tr("Cannot create the data directory %1.").arg(config.dataDir),
                      ConsoleText::tr("Choose a writable directory with HIVESLACK_DATA_DIR."), 2);
    Bridge::SystemClock clock;
    QString error;
    std::unique_ptr<Bridge::Journal> journal =
        Bridge::Journal::open(config.journalPath(), clock, &error);
    if (!journal)
        return refuse(
            ConsoleText::tr("HiveSlack cannot start"),
            ConsoleText::tr("Cannot open the journal %1: %2").arg(config.journalPath(), error),
            ConsoleText::tr("Choose a writable directory with HIVESLACK_DATA_DIR."), 2);

    QNetworkAccessManager network;
    Bridge::BridgeService bridge(config, credentials->credentials, *journal, clock, network);
    if (!bridge.start(&error))
        return refuse(
            ConsoleText::tr("HiveSlack cannot start"),
            ConsoleText::tr("The bridge did not start: %1").arg(error),
            ConsoleText::tr("Another program may already listen on that address; choose another "
                            "with HIVESLACK_LISTEN."),
            3);

    Console::MainWindow window(bridge, *journal);
    window.show();
    const int code = QApplication::exec();
    bridge.stop();
    return code;
}
