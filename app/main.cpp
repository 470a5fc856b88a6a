#include "checkcommand.h"
#include "commandline.h"
#include "demomode.h"
#include "eventscommand.h"
#include "headlessrunner.h"
#include "manifestcommand.h"

#ifdef HIVESLACK_WITH_UI
#include "consolerunner.h"
#endif

#include <QCoreApplication>

#include <memory>

namespace {

bool displayAvailable()
{
#ifdef HIVESLACK_WITH_UI
    return !qEnvironmentVariableIsEmpty("DISPLAY") ||
           !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") ||
           !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
#else
    return false;
#endif
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication::setApplicationName(QStringLiteral("HiveSlack"));
    QCoreApplication::setApplicationVersion(QStringLiteral(HIVESLACK_VERSION));

    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    const LaunchOptions options = parseCommandLine(arguments, displayAvailable());
    if (options.exitNow)
        return options.exitCode;
    if (options.mode == LaunchOptions::Mode::Manifest)
        return runManifest(options.publicUrl, options.configFile);
    if (options.mode == LaunchOptions::Mode::Check) {
        QCoreApplication app(argc, argv);
        return runCheck(options.configFile);
    }
    if (options.mode == LaunchOptions::Mode::Events) {
        QCoreApplication app(argc, argv);
        return runEvents(options.commandArguments, options.eventState, options.json,
                         options.configFile);
    }

#ifdef HIVESLACK_WITH_UI
    // With a display, --demo opens the console in demo mode; without one it runs headless.
    const bool demoInConsole = options.mode == LaunchOptions::Mode::Demo && options.windowed;
    if (options.mode == LaunchOptions::Mode::Console || demoInConsole)
        return runConsole(argc, argv, options);
#endif
    QCoreApplication app(argc, argv);
    if (options.mode == LaunchOptions::Mode::Demo)
        return runDemo();
    return runHeadless(options.configFile);
}
