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
#include <QEventLoop>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QStandardPaths>
#include <QTranslator>

namespace {

/// The console's own settings file, the same JSON headless mode reads.
QString settingsFile(const LaunchOptions &options)
{
    if (!options.configFile.isEmpty())
        return options.configFile;
    return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) +
           QStringLiteral("/hiveslack.json");
}

/// The console's language: "language" in the shell's console-window.ini ("de", "fr", "en") wins;
/// else the first of the user's languages (LANGUAGE, LC_ALL, LC_MESSAGES, LANG) that is English or
/// translated, so that LANGUAGE=en:de stays English.
QLocale consoleLocale()
{
    const QSettings window(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) +
                               QStringLiteral("/console-window.ini"),
                           QSettings::IniFormat);
    const QString chosen = window.value(QStringLiteral("language")).toString();
    if (!chosen.isEmpty())
        return QLocale(chosen);
    for (const QString &name : QLocale::system().uiLanguages()) {
        const QLocale locale(name);
        if (locale.language() == QLocale::English ||
            QTranslator().load(locale, QStringLiteral("hiveslack"), QStringLiteral("_"),
                               QStringLiteral(":/i18n")))
            return locale;
    }
    return QLocale::system();
}

/// Qt's own texts (standard buttons, file dialogs) from Qt's translations directory, ours from
/// the .qm files embedded under :/i18n. English needs neither.
void installTranslators(QTranslator &qtTexts, QTranslator &ourTexts)
{
    const QLocale locale = consoleLocale();
    if (qtTexts.load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                     QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(&qtTexts);
    if (ourTexts.load(locale, QStringLiteral("hiveslack"), QStringLiteral("_"),
                      QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(&ourTexts);
}

} // namespace

int runConsole(int argc, char *argv[], const LaunchOptions &options)
{
    QApplication app(argc, argv);
    Console::SingleInstance instance;
    if (!instance.claim())
        return 0; // the running console was asked to come forward
    QTranslator qtTexts;
    QTranslator ourTexts;
    installTranslators(qtTexts, ourTexts);

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
    // Quit ends the event loop first; the deliveries under way finish in a second, short one
    // (at most BridgeHost::DrainTimeoutMs), so a card Slack already has is not posted again
    // on the next start. Headless mode does the same on SIGTERM.
    QEventLoop drain;
    bool drained = false;
    host.shutdown([&] {
        drained = true;
        drain.quit();
    });
    if (!drained)
        drain.exec();
    return code;
}
