#include "headlessrunner.h"

#include "servicemanager.h"
#include "unixsignals.h"

#include "bridgeservice.h"
#include "config/configloader.h"
#include "journal/journal.h"
#include "secrets/credentialsloader.h"
#include "secrets/envsecretstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QNetworkAccessManager>
#include <QStandardPaths>

#include <cstdio>

namespace {

int fail(const QString &message, int code = 2)
{
    std::fprintf(stderr, "hiveslack: %s\n", qPrintable(message));
    return code;
}

} // namespace

QString defaultDataDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

int serveBridge(const Bridge::BridgeConfig &config, const Bridge::Credentials &credentials)
{
    if (!QDir().mkpath(config.dataDir))
        return fail(QStringLiteral("cannot create the data directory %1").arg(config.dataDir));
    Bridge::SystemClock clock;
    QString error;
    std::unique_ptr<Bridge::Journal> journal =
        Bridge::Journal::open(config.journalPath(), clock, &error);
    if (!journal)
        return fail(
            QStringLiteral("cannot open the journal %1: %2").arg(config.journalPath(), error));

    QNetworkAccessManager network;
    Bridge::BridgeService bridge(config, credentials, *journal, clock, network);
    if (!bridge.start(&error))
        return fail(error, 3);

    ServiceManager systemd(QProcessEnvironment::systemEnvironment());
    UnixSignalWatcher watcher;
    QObject::connect(&watcher, &UnixSignalWatcher::terminationRequested, &bridge,
                     [&bridge, &systemd](int) {
                         std::fprintf(stderr, "hiveslack: stopping\n");
                         systemd.stopping();
                         bridge.shutdown([] { QCoreApplication::quit(); });
                     });
    std::fprintf(stderr, "hiveslack: listening on http://%s:%u (journal %s)\n",
                 qPrintable(config.listenAddress.toString()), unsigned(bridge.port()),
                 qPrintable(config.journalPath()));
    systemd.ready();
    return QCoreApplication::exec();
}

Bridge::CredentialsResult credentialsFromEnvironment(const QProcessEnvironment &env)
{
    // Environment reads never block, but the store's interface is asynchronous: wait for it.
    Bridge::EnvSecretStore store(env);
    std::optional<Bridge::CredentialsResult> credentials;
    Bridge::loadCredentials(store, [&](const Bridge::CredentialsResult &r) { credentials = r; });
    while (!credentials)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    return *credentials;
}

int runHeadless(const QString &configFile)
{
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    ServiceManager::logToJournaldIfThere(env);
    const Bridge::ConfigResult loaded = Bridge::loadConfig(configFile, env, defaultDataDir());
    if (!loaded.config)
        return fail(loaded.error);

    const Bridge::CredentialsResult credentials = credentialsFromEnvironment(env);
    if (!credentials.ok())
        return fail(credentials.error);
    return serveBridge(*loaded.config, credentials.credentials);
}
