#include "demomode.h"

#include "headlessrunner.h"

#include "config/configloader.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>

#include <cstdio>

namespace {

const char DemoWebhookSecret[] = "demo-webhook-secret";
const char DemoSigningSecret[] = "demo-signing-secret";
const char DemoChannel[] = "C0HIVE01";

} // namespace

int runDemo()
{
    Bridge::BridgeConfig config;
    config.dataDir = defaultDataDir() + QStringLiteral("/demo");
    const QString listen =
        qEnvironmentVariable("HIVESLACK_LISTEN", QStringLiteral("127.0.0.1:8990"));
    if (!Bridge::parseListen(listen, &config.listenAddress, &config.listenPort)) {
        std::fprintf(stderr, "hiveslack: HIVESLACK_LISTEN must be host:port\n");
        return 2;
    }

    const QString simPath =
        QCoreApplication::applicationDirPath() + QStringLiteral("/hiveslack-sim");
    QProcess sim;
    sim.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    const QString webhookUrl =
        QStringLiteral("http://127.0.0.1:%1/thehive/webhook").arg(config.listenPort);
    sim.start(simPath, {QStringLiteral("--demo"), QStringLiteral("--webhook-url"), webhookUrl,
                        QStringLiteral("--webhook-secret"), QLatin1String(DemoWebhookSecret),
                        QStringLiteral("--every"), QStringLiteral("5000")});
    if (!sim.waitForStarted(5000) || !sim.waitForReadyRead(5000)) {
        std::fprintf(stderr, "hiveslack: cannot start the simulator %s\n", qPrintable(simPath));
        return 2;
    }
    const QJsonObject ready = QJsonDocument::fromJson(sim.readLine()).object();
    config.theHiveUrl = QUrl(ready.value(u"thehive").toString());
    config.theHiveUiUrl = config.theHiveUrl;
    config.slackApiUrl = QUrl(ready.value(u"slack").toString());
    config.defaultChannel = QLatin1String(DemoChannel);
    if (!config.theHiveUrl.isValid() || !config.slackApiUrl.isValid()) {
        std::fprintf(stderr, "hiveslack: the simulator did not say where it listens\n");
        return 2;
    }
    // Show what the simulated TheHive and Slack receive, as the simulator logs it.
    QObject::connect(&sim, &QProcess::readyReadStandardOutput, &sim, [&sim] {
        while (sim.canReadLine())
            std::fputs(sim.readLine().constData(), stdout);
        std::fflush(stdout);
    });
    std::fprintf(stderr,
                 "hiveslack: demo mode: simulated TheHive at %s, simulated Slack at %s; a sample "
                 "case arrives every 5 s\n",
                 qPrintable(config.theHiveUrl.toString()),
                 qPrintable(config.slackApiUrl.toString()));

    Bridge::Credentials credentials;
    credentials.theHiveApiKey = QStringLiteral("sim-thehive-key");
    credentials.slackBotToken = QStringLiteral("xoxb-sim");
    credentials.theHiveWebhookSecret = QLatin1String(DemoWebhookSecret);
    credentials.slackSigningSecret = QLatin1String(DemoSigningSecret);
    const int code = serveBridge(config, credentials);
    sim.terminate();
    sim.waitForFinished(3000);
    return code;
}
