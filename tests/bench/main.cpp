// hiveslack-bench: measures the real `hiveslack --headless` (a child process) against the fake
// TheHive and fake Slack of tests/support, run in this process on loopback. Not a ctest: the
// figures depend on the machine. See README.md ("Performance") for the targets.
#include "scenarios.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QThread>

#include <cstdio>
#include <functional>

using namespace Bench;

namespace {

const QStringList Scenarios{
    QStringLiteral("latency"), QStringLiteral("throughput"),  QStringLiteral("memory"),
    QStringLiteral("ack"),     QStringLiteral("startup"),     QStringLiteral("burst"),
    QStringLiteral("storm"),   QStringLiteral("convergence"), QStringLiteral("journal")};

bool positive(const QString &text, double *value)
{
    bool ok = false;
    *value = text.toDouble(&ok);
    return ok && *value > 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    // The journal the benchmark writes itself must not talk: only measured figures are printed.
    QLoggingCategory::setFilterRules(QStringLiteral("hiveslack.*.info=false"));
    QCoreApplication::setApplicationName(QStringLiteral("hiveslack-bench"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Benchmarks hiveslack --headless against in-process fake TheHive and Slack servers.\n"
        "Scenarios: latency (webhook -> chat.postMessage at --rate), throughput (accepted "
        "webhooks/s with --inflight requests in flight), memory (RSS after 100,000 events), ack "
        "(Slack interaction answer latency at --rate), startup (exec -> /healthz), burst (--events "
        "new cases, default 40, for one channel under Slack's rate limits), storm (300 changes "
        "on 30 cards under Slack's rate limits), convergence (100 cases and 100 changes with no "
        "webhooks, healed by reconciliation every 10 s), journal (1,000,000 month-old events "
        "pruned by the running bridge).\n"
        "Exit code: 0 all targets met, 1 a target missed, 2 a scenario could not run."));
    parser.addHelpOption();
    const QCommandLineOption program(QStringLiteral("hiveslack"),
                                     QStringLiteral("The hiveslack binary (default: next to this "
                                                    "one)."),
                                     QStringLiteral("path"));
    const QCommandLineOption events(
        QStringLiteral("events"),
        QStringLiteral("Events per scenario (default: rate x 10 s for latency and ack, 20000 for "
                       "throughput, 100000 for memory)."),
        QStringLiteral("n"));
    const QCommandLineOption rate(QStringLiteral("rate"),
                                  QStringLiteral("Requests per second for latency and ack "
                                                 "(default 200)."),
                                  QStringLiteral("r"), QStringLiteral("200"));
    const QCommandLineOption scenario(QStringLiteral("scenario"),
                                      QStringLiteral("all, or one of: ") +
                                          Scenarios.join(QStringLiteral(", ")),
                                      QStringLiteral("name"), QStringLiteral("all"));
    const QCommandLineOption connections(
        QStringLiteral("connections"),
        QStringLiteral("Keep-alive connections for latency and ack (default 8)."),
        QStringLiteral("n"), QStringLiteral("8"));
    const QCommandLineOption inflight(
        QStringLiteral("inflight"),
        QStringLiteral("Requests in flight for throughput and memory (default 64)."),
        QStringLiteral("n"), QStringLiteral("64"));
    const QCommandLineOption hiveVersion(QStringLiteral("thehive-version"),
                                         QStringLiteral("Version the fake TheHive reports "
                                                        "(default 5.2.9)."),
                                         QStringLiteral("version"), QStringLiteral("5.2.9"));
    const QCommandLineOption keepData(
        QStringLiteral("keep-data"),
        QStringLiteral("Keep each bridge's data directory (journal.sqlite, hiveslack.log)."));
    parser.addOptions(
        {program, events, rate, scenario, connections, inflight, hiveVersion, keepData});
    parser.process(app);

    Options options;
    options.program = parser.isSet(program)
                          ? parser.value(program)
                          : QCoreApplication::applicationDirPath() + QStringLiteral("/hiveslack");
    options.hiveVersion = parser.value(hiveVersion);
    options.keepData = parser.isSet(keepData);
    double number = 0;
    if (!positive(parser.value(rate), &number)) {
        std::fprintf(stderr, "--rate must be a positive number\n");
        return 2;
    }
    options.rate = number;
    if (parser.isSet(events)) {
        if (!positive(parser.value(events), &number)) {
            std::fprintf(stderr, "--events must be a positive number\n");
            return 2;
        }
        options.events = int(number);
    }
    if (!positive(parser.value(connections), &number)) {
        std::fprintf(stderr, "--connections must be a positive number\n");
        return 2;
    }
    options.connections = int(number);
    if (!positive(parser.value(inflight), &number)) {
        std::fprintf(stderr, "--inflight must be a positive number\n");
        return 2;
    }
    options.inflight = int(number);
    const QString which = parser.value(scenario);
    if (which != u"all" && !Scenarios.contains(which)) {
        std::fprintf(stderr, "unknown scenario %s\n", qPrintable(which));
        return 2;
    }
    const QFileInfo binary(options.program);
    if (!binary.isFile() || !binary.isExecutable()) {
        std::fprintf(stderr, "no hiveslack binary at %s (use --hiveslack)\n",
                     qPrintable(options.program));
        return 2;
    }
    options.program = binary.absoluteFilePath();
    std::printf("hiveslack-bench: %s, %d CPU cores, scenario %s\n", qPrintable(options.program),
                QThread::idealThreadCount(), qPrintable(which));
    std::fflush(stdout);

    Summary summary;
    using Runner = std::function<bool()>;
    const QList<QPair<QString, Runner>> runners{
        {QStringLiteral("startup"), [&] { return runStartup(options, summary); }},
        {QStringLiteral("latency"), [&] { return runLatency(options, summary); }},
        {QStringLiteral("ack"), [&] { return runAck(options, summary); }},
        {QStringLiteral("throughput"), [&] { return runThroughput(options, summary, false); }},
        {QStringLiteral("memory"), [&] { return runThroughput(options, summary, true); }},
        {QStringLiteral("burst"), [&] { return runBurst(options, summary); }},
        {QStringLiteral("storm"), [&] { return runStorm(options, summary); }},
        {QStringLiteral("convergence"), [&] { return runConvergence(options, summary); }},
        {QStringLiteral("journal"), [&] { return runJournalSize(options, summary); }},
    };
    bool ran = true;
    for (const auto &[name, run] : runners) {
        if (which != u"all" && which != name)
            continue;
        if (!run()) {
            summary.addFailed(name);
            ran = false;
        }
    }
    summary.print();
    if (!ran)
        return 2;
    return summary.allTargetsMet() ? 0 : 1;
}
