// Scenario "startup": from starting the hiveslack process to GET /healthz answering 200, with
// the fakes up (as a real TheHive and Slack would be), on a fresh data directory each time.
#include "scenarios.h"

#include "benchclock.h"
#include "httpconnection.h"

#include <algorithm>
#include <cstdio>

namespace Bench {

namespace {

constexpr int Runs = 5;
constexpr int PollEveryMs = 5;
constexpr int GiveUpMs = 30'000;

/// Milliseconds from start() to the first 200 from /healthz, polling every PollEveryMs on a new
/// connection; nullopt if the child dies or never answers.
std::optional<double> timeToHealthy(BridgeProcess &bridge)
{
    QString error;
    const qint64 startNs = nowNs();
    if (!bridge.start(&error)) {
        std::fprintf(stderr, "[startup] %s\n", qPrintable(error));
        return std::nullopt;
    }
    while (msBetween(startNs, nowNs()) < GiveUpMs) {
        const qint64 attemptNs = nowNs();
        HttpConnection connection(bridge.port());
        std::optional<HttpReply> reply;
        connection.send(HttpConnection::request("GET", "/healthz", {}, {}, bridge.port()),
                        [&reply](const HttpReply &r) { reply = r; });
        waitUntil([&reply] { return reply.has_value(); }, 5000);
        if (reply && reply->status == 200)
            return msBetween(startNs, reply->answeredNs);
        if (!bridge.isRunning() && msBetween(startNs, nowNs()) > 100) {
            std::fprintf(stderr, "[startup] hiveslack exited:\n%s\n", qPrintable(bridge.logTail()));
            return std::nullopt;
        }
        const double waitMs = PollEveryMs - msBetween(attemptNs, nowNs());
        if (waitMs >= 1)
            settle(int(waitMs));
    }
    return std::nullopt;
}

} // namespace

bool runStartup(const Options &options, Summary &summary)
{
    Rig rig(options);
    QString error;
    if (!rig.startFakes(&error)) {
        std::fprintf(stderr, "[startup] %s\n", qPrintable(error));
        return false;
    }
    QList<double> times;
    QList<double> stops;
    for (int run = 1; run <= Runs; ++run) {
        BridgeProcess bridge(rig.bridgeSettings());
        const std::optional<double> ms = timeToHealthy(bridge);
        if (!ms)
            break;
        times.append(*ms);
        const qint64 stopNs = nowNs();
        bridge.stop();
        stops.append(msBetween(stopNs, nowNs()));
        std::printf("[startup] run %d: /healthz 200 after %.1f ms (SIGTERM to exit %.1f ms)\n", run,
                    *ms, stops.last());
        std::fflush(stdout);
    }
    const bool complete = times.size() == Runs;
    std::optional<double> median;
    if (complete) {
        std::sort(times.begin(), times.end());
        median = times.at(Runs / 2);
        std::printf("[startup] median %.1f ms, min %.1f ms, max %.1f ms\n", *median, times.first(),
                    times.last());
    }
    summary.add(Metric::info(QStringLiteral("startup_median_ms"),
                             QStringLiteral("exec -> /healthz 200, median of %1 (ms)").arg(Runs),
                             median, 1, QStringLiteral("~10000")));
    if (!complete)
        summary.addNote(
            QStringLiteral("startup: only %1 of %2 runs answered").arg(times.size()).arg(Runs));
    return complete; // a bridge that does not come up is a set-up failure
}

} // namespace Bench
