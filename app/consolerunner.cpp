#include "consolerunner.h"

#include "headlessrunner.h"
#include "unixsignals.h"

#include "bridgehost.h"
#include "fallbacksecretstore.h"
#include "mainwindow.h"
#include "overviewpage.h"
#include "singleinstance.h"
#include "statebanner.h"

#include "core/clock.h"
#include "secrets/envsecretstore.h"
#include "secrets/keychainsecretstore.h"

#include <QApplication>
#include <QStandardPaths>

namespace {

/// The console's own settings file, the same JSON headless mode reads.
QString settingsFile(const LaunchOptions &options)
{
    if (!options.configFile.isEmpty())
        return options.configFile;
    return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) +
           QStringLiteral("/hiveslack.json");
}

} // namespace

int runConsole(int argc, char *argv[], const LaunchOptions &options)
{
    QApplication app(argc, argv);
    Console::SingleInstance instance;
    if (!instance.claim())
        return 0; // the running console was asked to come forward

    Bridge::KeychainSecretStore keychain(QStringLiteral("HiveSlack"));
    Bridge::EnvSecretStore environment(QProcessEnvironment::systemEnvironment());
    Console::FallbackSecretStore secrets(keychain, environment);
    Bridge::SystemClock clock;
    Console::BridgeHost host(secrets, clock, settingsFile(options), defaultDataDir());

    Console::MainWindow window(host);
    QObject::connect(&instance, &Console::SingleInstance::showRequested, &window,
                     &Console::MainWindow::bringToFront);
    // A logout or `kill` ends the console like Quit: window state saved, bridge stopped.
    UnixSignalWatcher unixSignals;
    QObject::connect(&unixSignals, &UnixSignalWatcher::terminationRequested, &window,
                     &Console::MainWindow::quit);
    window.show();
    // Never start() before the demo: its secrets answer later and would replace the demo.
    if (options.mode == LaunchOptions::Mode::Demo)
        window.overview()->banner()->startDemo();
    else
        host.start();
    const int code = QApplication::exec();
    host.stop();
    return code;
}
