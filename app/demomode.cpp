#include "demomode.h"

#include "headlessrunner.h"

#include "config/configloader.h"
#include "demo/simulator.h"

#include <QCoreApplication>

#include <cstdio>

int runDemo()
{
    QHostAddress address;
    quint16 port = 0;
    const QString listen =
        qEnvironmentVariable("HIVESLACK_LISTEN", QStringLiteral("127.0.0.1:8990"));
    if (!Bridge::parseListen(listen, &address, &port)) {
        std::fprintf(stderr, "hiveslack: HIVESLACK_LISTEN must be host:port\n");
        return 2;
    }
    Bridge::Simulator simulator;
    QString error;
    if (!simulator.start(Bridge::Simulator::defaultProgram(), port, 5000, &error)) {
        std::fprintf(stderr, "hiveslack: %s\n", qPrintable(error));
        return 2;
    }
    // Show what the simulated TheHive and Slack receive.
    QObject::connect(&simulator, &Bridge::Simulator::logLine, &simulator,
                     [](const QByteArray &line) {
                         std::printf("%s\n", line.constData());
                         std::fflush(stdout);
                     });
    Bridge::BridgeConfig config =
        simulator.demoConfig(defaultDataDir() + QStringLiteral("/demo"), port);
    config.listenAddress = address;
    if (!Bridge::Simulator::resetJournal(config, &error)) {
        std::fprintf(stderr, "hiveslack: %s\n", qPrintable(error));
        return 2;
    }
    std::fprintf(stderr,
                 "hiveslack: demo mode: simulated TheHive at %s, simulated Slack at %s; a sample "
                 "case arrives every 5 s\n",
                 qPrintable(config.theHiveUrl.toString()),
                 qPrintable(config.slackApiUrl.toString()));
    return serveBridge(config, Bridge::Simulator::demoCredentials());
}
