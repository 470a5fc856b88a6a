#include "commandline.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

LaunchOptions parseCommandLine(const QStringList &arguments, bool consoleAvailable)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "HiveSlack brings TheHive cases into Slack as interactive cards and writes "
                "every action back to TheHive."));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  QCoreApplication::translate("main", "Show this help."));
    const QCommandLineOption version({QStringLiteral("v"), QStringLiteral("version")},
                                     QCoreApplication::translate("main", "Show the version."));
    const QCommandLineOption headless(
        QStringLiteral("headless"),
        QCoreApplication::translate("main", "Run the bridge without a window (servers)."));
    const QCommandLineOption demo(
        QStringLiteral("demo"),
        QCoreApplication::translate("main", "Run against the built-in TheHive and Slack "
                                            "simulator, with sample cases."));
    const QCommandLineOption config(
        QStringLiteral("config"),
        QCoreApplication::translate("main", "Read settings from this JSON file; HIVESLACK_* "
                                            "environment variables override it."),
        QStringLiteral("file"));
    const QCommandLineOption publicUrl(
        QStringLiteral("public-url"),
        QCoreApplication::translate("main", "For manifest: the public https:// address Slack "
                                            "calls when no app-level token is set."),
        QStringLiteral("url"));
    const QCommandLineOption state(
        QStringLiteral("state"),
        QCoreApplication::translate("main", "For events list: only events in this state "
                                            "(pending, delivered, failed, ignored, discarded)."),
        QStringLiteral("state"));
    const QCommandLineOption json(
        QStringLiteral("json"),
        QCoreApplication::translate("main", "For events list: a JSON array instead of lines."));
    parser.addOptions({help, version, headless, demo, config, publicUrl, state, json});
    parser.addPositionalArgument(
        QStringLiteral("command"),
        QCoreApplication::translate(
            "main", "manifest: print the Slack app manifest for this configuration (JSON). "
                    "events list | show ID | retry ID | discard ID: the bridge's journal, "
                    "safe while it runs. check: test the connections to TheHive and Slack."),
        QStringLiteral("[command]"));

    LaunchOptions options;
    if (!parser.parse(arguments)) {
        std::fprintf(stderr, "hiveslack: %s\n", qPrintable(parser.errorText()));
        options.exitNow = true;
        options.exitCode = 2;
        return options;
    }
    if (parser.isSet(help)) {
        // Parsed before any QCoreApplication exists, so Qt cannot know the program name.
        std::fputs(qPrintable(parser.helpText().replace(QStringLiteral("<executable_name>"),
                                                        QStringLiteral("hiveslack"))),
                   stdout);
        std::fputs(qPrintable(QCoreApplication::translate(
                       "main", "\nEnvironment: HIVESLACK_LISTEN, HIVESLACK_DATA_DIR, "
                               "HIVESLACK_THEHIVE_URL, HIVESLACK_THEHIVE_API_KEY, "
                               "HIVESLACK_THEHIVE_WEBHOOK_SECRET, HIVESLACK_THEHIVE_ACT_AS, "
                               "HIVESLACK_THEHIVE_USER_HEADER, HIVESLACK_RECONCILE_SECONDS "
                               "(default 60; 0 never looks back), HIVESLACK_SLACK_API_URL, "
                               "HIVESLACK_SLACK_BOT_TOKEN, HIVESLACK_SLACK_APP_TOKEN, "
                               "HIVESLACK_SLACK_SIGNING_SECRET, "
                               "HIVESLACK_SLACK_CHANNEL, HIVESLACK_JOURNAL_RETENTION_DAYS "
                               "(default 30; 0 keeps everything); every secret also as "
                               "<NAME>_FILE.\n")),
                   stdout);
        options.exitNow = true;
        return options;
    }
    if (parser.isSet(version)) {
        std::printf("hiveslack %s (Qt %s)\n", HIVESLACK_VERSION, qVersion());
        options.exitNow = true;
        return options;
    }
    const QStringList commands = parser.positionalArguments();
    if (commands.value(0) == u"events") {
        options.mode = LaunchOptions::Mode::Events;
        options.commandArguments = commands.mid(1);
        options.eventState = parser.value(state);
        options.json = parser.isSet(json);
        options.configFile = parser.value(config);
        return options;
    }
    if (commands == QStringList{QStringLiteral("check")}) {
        options.mode = LaunchOptions::Mode::Check;
        options.configFile = parser.value(config);
        return options;
    }
    if (commands == QStringList{QStringLiteral("manifest")}) {
        options.mode = LaunchOptions::Mode::Manifest;
        options.publicUrl = parser.value(publicUrl);
        options.configFile = parser.value(config);
        return options;
    }
    if (!commands.isEmpty()) {
        std::fprintf(stderr, "hiveslack: unknown command \"%s\" (see --help)\n",
                     qPrintable(commands.join(u' ')));
        options.exitNow = true;
        options.exitCode = 2;
        return options;
    }
    options.configFile = parser.value(config);
    options.windowed = consoleAvailable && !parser.isSet(headless);
    if (parser.isSet(demo))
        options.mode = LaunchOptions::Mode::Demo;
    else if (parser.isSet(headless) || !consoleAvailable)
        options.mode = LaunchOptions::Mode::Headless;
    return options;
}
