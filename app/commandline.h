#pragma once

#include <QString>
#include <QStringList>

/// What the command line asked for. app/ is the only place that knows about modes.
struct LaunchOptions
{
    enum class Mode { Console, Headless, Demo, Manifest, Events, Check };
    Mode mode = Mode::Console;
    QString publicUrl;            ///< manifest: where Slack reaches the bridge over HTTP
    QStringList commandArguments; ///< events: the verb and its arguments
    QString eventState;           ///< events list --state
    bool json = false;            ///< events list --json
    bool windowed = false;        ///< a display is there and --headless was not given
    QString configFile;
    bool exitNow = false; ///< --help / --version were answered
    int exitCode = 0;
};

/// Parses the arguments; prints --help/--version or a usage error itself.
LaunchOptions parseCommandLine(const QStringList &arguments, bool consoleAvailable);
