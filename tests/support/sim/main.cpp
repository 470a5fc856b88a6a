// hiveslack-sim: a fake TheHive and a fake Slack Web API in one process, for running the
// bridge or the console without either service. Prints one JSON line when ready and one per
// request, so scripts can read the ports and follow the traffic.
#include "casefeeder.h"
#include "fakeslack.h"
#include "fakethehive.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>
#include <QSocketNotifier>

#include <csignal>
#include <cstdio>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using TestSupport::FakeSlack;
using TestSupport::FakeTheHive;
using TestSupport::RecordedRequest;

namespace {

int g_signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(g_signalPipe[0], &byte, 1);
}

/// SIGTERM/SIGINT → QCoreApplication::quit() through a self-pipe (the only safe way out of a
/// signal handler).
void quitOnSignals(QCoreApplication &app)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalPipe) != 0)
        return;
    auto *notifier = new QSocketNotifier(g_signalPipe[1], QSocketNotifier::Read, &app);
    QObject::connect(notifier, &QSocketNotifier::activated, &app, [&app] {
        char byte = 0;
        [[maybe_unused]] const auto got = ::read(g_signalPipe[1], &byte, 1);
        app.quit();
    });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    ::sigaction(SIGTERM, &action, nullptr);
    ::sigaction(SIGINT, &action, nullptr);
}

void printLine(const QJsonObject &object)
{
    const QByteArray line = QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fflush(stdout);
}

void logRequests(TestSupport::FakeHttpServer *server, const QString &name)
{
    QObject::connect(
        server, &TestSupport::FakeHttpServer::requestAnswered, server,
        [name](const RecordedRequest &request, int status) {
            printLine({{u"event"_s, u"request"_s},
                       {u"server"_s, name},
                       {u"method"_s, QString::fromLatin1(request.method)},
                       {u"path"_s, request.path},
                       {u"status"_s, status},
                       {u"ms"_s, QDateTime::currentMSecsSinceEpoch() - request.receivedAtMs}});
        });
}

void seedDemo(FakeTheHive &hive, FakeSlack &slack)
{
    slack.setWorkspace(u"Acme SOC"_s, u"hiveslack"_s, u"https://acme-soc.slack.com/"_s);
    hive.addUser(u"alice@soc.example"_s, u"Alice Analyst"_s, u"alice@soc.example"_s);
    hive.addUser(u"bob@soc.example"_s, u"Bob Responder"_s, u"bob@soc.example"_s);
    hive.addUser(u"carol@soc.example"_s, u"Carol Lead"_s, u"carol@soc.example"_s);
    // Read-only in TheHive: the cards refuse him every change, naming what his profile lacks.
    hive.addUser(u"erik@soc.example"_s, u"Erik Hunter"_s, u"erik@soc.example"_s, false,
                 u"read-only"_s);
    slack.addUser(u"U0ALICE01"_s, u"alice"_s, u"alice@soc.example"_s);
    slack.addUser(u"U0BOB0001"_s, u"bob"_s, u"bob@soc.example"_s);
    slack.addUser(u"U0CAROL01"_s, u"carol"_s, u"carol@soc.example"_s);
    // In Slack only: the console's Users page shows her as "no TheHive user".
    slack.addUser(u"U0DANA001"_s, u"dana"_s, u"dana@soc.example"_s);
    slack.addUser(u"U0ERIK001"_s, u"erik"_s, u"erik@soc.example"_s);
    slack.addChannel(u"C0HIVE01"_s, u"soc-cases"_s);
    slack.addChannel(u"C0ONCALL01"_s, u"soc-critical"_s);
    slack.addChannel(u"C0PHISH01"_s, u"soc-phishing"_s);
    slack.addChannel(u"C0EMEA001"_s, u"soc-emea"_s);
    slack.addChannel(u"C0HIVERED1"_s, u"soc-restricted"_s);

    const bool th4 = hive.isTheHive4();
    hive.addCase({{u"title"_s, u"Phishing - CEO mailbox"_s},
                  {u"description"_s, u"Reported by the CEO's assistant."_s},
                  {u"severity"_s, 3},
                  {u"tags"_s, QJsonArray{u"phishing"_s}},
                  {u"assignee"_s, u"alice@soc.example"_s}});
    hive.addCase({{u"title"_s, u"Suspicious PowerShell on WS-042"_s},
                  {u"description"_s, u"EDR flagged an encoded command line."_s},
                  {u"severity"_s, 2},
                  {u"status"_s, th4 ? u"Open"_s : u"InProgress"_s},
                  {u"tags"_s, QJsonArray{u"edr"_s, u"powershell"_s}},
                  {u"assignee"_s, u"bob@soc.example"_s}});
    hive.addCase({{u"title"_s, u"Brute force on VPN gateway"_s},
                  {u"description"_s, u"3,000 failed logins in 10 minutes."_s},
                  {u"severity"_s, 4},
                  {u"tlp"_s, 1},
                  {u"tags"_s, QJsonArray{u"vpn"_s}}});
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"hiveslack-sim"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(HIVESLACK_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Fake TheHive and Slack Web API on 127.0.0.1 for trying HiveSlack.\n"
        u"Prints {\"event\":\"ready\",…} once, then one JSON line per request."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption hivePort(u"thehive-port"_s, u"TheHive port (0: any free port)."_s,
                                      u"port"_s, u"0"_s);
    const QCommandLineOption slackPort(u"slack-port"_s, u"Slack port (0: any free port)."_s,
                                       u"port"_s, u"0"_s);
    const QCommandLineOption hiveVersion(u"thehive-version"_s,
                                         u"TheHive version to play, e.g. 5.2.9 or 4.1.24."_s,
                                         u"version"_s, u"5.2.9"_s);
    const QCommandLineOption hiveKey(u"thehive-api-key"_s, u"API key TheHive accepts."_s, u"key"_s,
                                     u"sim-thehive-key"_s);
    const QCommandLineOption slackToken(u"slack-token"_s, u"Bot token Slack accepts."_s, u"token"_s,
                                        u"xoxb-sim"_s);
    const QCommandLineOption appToken(u"slack-app-token"_s,
                                      u"Turn on Socket Mode: apps.connections.open accepts this "
                                      u"app-level token (xapp-…)."_s,
                                      u"token"_s);
    const QCommandLineOption demo(u"demo"_s,
                                  u"Seed workspace \"Acme SOC\" (bot @hiveslack), users alice, "
                                  u"bob, carol, dana (no TheHive account) and erik, channels "
                                  u"C0HIVE01 (#soc-cases), #soc-critical, #soc-phishing and "
                                  u"#soc-emea, and three cases."_s);
    const QCommandLineOption webhookUrl(u"webhook-url"_s,
                                        u"Send a sample case webhook to this bridge URL every "
                                        u"--every milliseconds."_s,
                                        u"url"_s);
    const QCommandLineOption webhookSecret(u"webhook-secret"_s,
                                           u"Bearer secret for --webhook-url."_s, u"secret"_s);
    const QCommandLineOption every(u"every"_s, u"Interval of the sample webhooks (ms)."_s, u"ms"_s,
                                   u"5000"_s);
    parser.addOptions({hivePort, slackPort, hiveVersion, hiveKey, slackToken, appToken, demo,
                       webhookUrl, webhookSecret, every});
    parser.process(app);

    const auto portOf = [&parser](const QCommandLineOption &option, bool *ok) {
        const uint port = parser.value(option).toUInt(ok);
        *ok = *ok && port <= 65535;
        return quint16(port);
    };
    bool hivePortOk = false;
    bool slackPortOk = false;
    const quint16 hivePortValue = portOf(hivePort, &hivePortOk);
    const quint16 slackPortValue = portOf(slackPort, &slackPortOk);
    if (!hivePortOk || !slackPortOk) {
        std::fputs("hiveslack-sim: ports must be numbers between 0 and 65535\n", stderr);
        return 2;
    }

    FakeTheHive hive(parser.value(hiveVersion), parser.value(hiveKey));
    FakeSlack slack(parser.value(slackToken));
    if (!hive.listen(hivePortValue) || !slack.listen(slackPortValue)) {
        std::fputs("hiveslack-sim: cannot listen (port in use?)\n", stderr);
        return 1;
    }
    if (parser.isSet(demo))
        seedDemo(hive, slack);
    if (parser.isSet(appToken))
        slack.enableSocketMode(parser.value(appToken));
    logRequests(&hive, u"thehive"_s);
    logRequests(&slack, u"slack"_s);
    quitOnSignals(app);

    std::unique_ptr<CaseFeeder> feeder;
    if (parser.isSet(webhookUrl))
        feeder = std::make_unique<CaseFeeder>(hive, QUrl(parser.value(webhookUrl)),
                                              parser.value(webhookSecret).toUtf8(),
                                              qMax(200, parser.value(every).toInt()));

    printLine({{u"event"_s, u"ready"_s},
               {u"thehive"_s, hive.baseUrl().toString()},
               {u"slack"_s, slack.apiUrl().toString()}});
    return app.exec();
}
