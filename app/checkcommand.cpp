#include "checkcommand.h"

#include "headlessrunner.h"

#include "admin/connectiontester.h"
#include "config/configloader.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QNetworkAccessManager>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

void say(const QString &line)
{
    std::fprintf(stdout, "%s\n", qPrintable(line));
    std::fflush(stdout);
}

} // namespace

int runCheck(const QString &configFile)
{
    QLoggingCategory::setFilterRules(u"hiveslack.*.info=false"_s);
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const Bridge::ConfigResult loaded = Bridge::loadConfig(configFile, env, defaultDataDir());
    if (!loaded.config) {
        std::fprintf(stderr, "hiveslack check: %s\n", qPrintable(loaded.error));
        return 2;
    }
    const Bridge::BridgeConfig config = *loaded.config;
    const Bridge::CredentialsResult loadedSecrets = credentialsFromEnvironment(env);
    if (!loadedSecrets.ok()) {
        std::fprintf(stderr, "hiveslack check: %s\n", qPrintable(loadedSecrets.error));
        return 2;
    }
    const Bridge::Credentials credentials = loadedSecrets.credentials;
    QNetworkAccessManager network;
    Bridge::ConnectionTester tester(network);
    int failures = 0;
    int exitCode = -1;
    const auto finishWith = [&](int code) {
        exitCode = code;
        QCoreApplication::quit();
    };
    tester.testTheHive(
        config.theHiveUrl, credentials.theHiveApiKey, config.theHiveOrganisation,
        [&](const Bridge::TheHiveCheck &hive) {
            failures += hive.ok ? 0 : 1;
            say(hive.ok ? u"TheHive: ok - %1, API key of %2 (%3)"_s.arg(
                              hive.version, hive.userLogin,
                              hive.profile.isEmpty() ? u"no profile shown"_s : hive.profile)
                        : u"TheHive: FAILED - %1"_s.arg(hive.error));
            tester.testSlack(
                config.slackApiUrl, credentials.slackBotToken,
                [&](const Bridge::SlackCheck &slack) {
                    failures += slack.ok ? 0 : 1;
                    say(slack.ok
                            ? u"Slack: ok - workspace %1, bot @%2"_s.arg(slack.team, slack.botUser)
                            : u"Slack: FAILED - %1"_s.arg(slack.error));
                    if (!credentials.usesSocketMode())
                        return finishWith(failures ? 1 : 0);
                    tester.testSocketMode(
                        config.slackApiUrl, credentials.slackAppToken,
                        [&](const Bridge::SocketModeCheck &socket) {
                            failures += socket.ok ? 0 : 1;
                            say(socket.ok ? u"Socket Mode: ok - Slack hands out connections"_s
                                          : u"Socket Mode: FAILED - %1"_s.arg(socket.error));
                            finishWith(failures ? 1 : 0);
                        });
                });
        });
    if (exitCode < 0)
        QCoreApplication::exec();
    return exitCode;
}
