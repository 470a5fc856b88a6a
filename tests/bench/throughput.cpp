// Scenarios "throughput" and "memory": webhooks as fast as the bridge answers them with many
// requests in flight; accepted (journaled-before-answer) webhooks per second, the time until
// every card is delivered, and for "memory" the child's resident memory afterwards.
#include "scenarios.h"

#include "benchclock.h"
#include "httpconnection.h"

#include <QJsonDocument>
#include <QMap>

#include <cstdio>

namespace Bench {

namespace {

double mib(qint64 kib)
{
    return double(kib) / 1024.0;
}

void printMemory(const char *scenario, const char *when, const BridgeProcess &bridge)
{
    if (const std::optional<ProcessMemory> m = bridge.memory())
        std::printf("[%s] %s: VmRSS %.1f MiB, VmHWM %.1f MiB\n", scenario, when, mib(m->rssKiB),
                    mib(m->hwmKiB));
    std::fflush(stdout);
}

} // namespace

bool runThroughput(const Options &options, Summary &summary, bool memory)
{
    const char *name = memory ? "memory" : "throughput";
    const int count = options.events > 0 ? options.events : (memory ? 100'000 : 20'000);
    std::unique_ptr<Rig> rig = startRig(options, name);
    if (!rig)
        return false;
    printMemory(name, "idle after start", rig->bridge());

    // Built beforehand: generating webhooks must not take CPU from the measured bridge.
    const qint64 buildStart = nowNs();
    QList<QByteArray> requests;
    requests.reserve(count);
    for (int i = 0; i < count; ++i)
        requests.append(rig->createWebhook(i).request);
    std::printf("[%s] %d webhooks built in %.1f s\n", name, count,
                msBetween(buildStart, nowNs()) / 1000.0);

    HttpPool pool(rig->port(), options.inflight);
    if (!pool.openAll(5000)) {
        std::fprintf(stderr, "[%s] cannot open %d connections\n", name, options.inflight);
        return false;
    }
    int answered = 0;
    int accepted = 0;
    qint64 lastAcceptedNs = 0;
    QMap<int, int> statuses;
    std::printf("[%s] sending %d webhooks, %d in flight\n", name, count, options.inflight);
    std::fflush(stdout);
    const double cpuBefore = rig->bridge().cpuSeconds().value_or(0);
    const double ownCpuBefore = ownCpuSeconds();
    const qint64 startNs = nowNs();
    for (const QByteArray &request : std::as_const(requests)) {
        pool.send(request, [&](const HttpReply &reply) {
            ++answered;
            ++statuses[reply.status];
            if (reply.status / 100 == 2) {
                ++accepted;
                lastAcceptedNs = reply.answeredNs;
            }
        });
    }
    requests.clear(); // the pool holds the ones still queued
    // Generous bounds: a bridge slower than 100 webhooks/s fails the target anyway. The memory
    // run measures after intake and after at most 5 minutes of delivery.
    const int intakeBoundMs = 30'000 + count * 10;
    const int deliveryBoundMs = memory ? 300'000 : intakeBoundMs;
    const bool allAnswered = waitUntil([&] { return answered == count; }, intakeBoundMs);
    const double intakeS = msBetween(startNs, lastAcceptedNs) / 1000.0;
    const double acceptedPerS = intakeS > 0 ? accepted / intakeS : 0;
    const int cardsAtIntakeEnd = rig->cardsArrived();
    std::printf("[%s] %d/%d accepted in %.2f s: %.0f webhooks/s; %d cards already delivered\n",
                name, accepted, count, intakeS, acceptedPerS, cardsAtIntakeEnd);
    if (statuses.size() > 1 || !statuses.contains(202)) {
        for (auto it = statuses.cbegin(); it != statuses.cend(); ++it)
            std::printf("[%s]   HTTP %d: %d answers\n", name, it.key(), it.value());
    }
    printMemory(name, "after intake", rig->bridge());

    const bool allDelivered =
        waitUntil([&] { return rig->cardsArrived() >= accepted; }, deliveryBoundMs);
    const double deliveredS = msBetween(startNs, rig->lastCardNs()) / 1000.0;
    const double cpu = rig->bridge().cpuSeconds().value_or(0) - cpuBefore;
    const double ownCpu = ownCpuSeconds() - ownCpuBefore;
    std::printf("[%s] %d cards delivered %.2f s after the first webhook (%.0f cards/s); bridge "
                "CPU %.1f s (%.0f us/event), benchmark process CPU %.1f s\n",
                name, rig->cardsArrived(), deliveredS,
                deliveredS > 0 ? rig->cardsArrived() / deliveredS : 0, cpu, cpu * 1e6 / count,
                ownCpu);
    std::fflush(stdout);

    const std::optional<ProcessMemory> mem = rig->bridge().memory();
    printMemory(name, "after delivery", rig->bridge());
    const QJsonObject health = rig->bridge().health();
    std::printf("[%s] healthz journal: %s\n", name,
                QJsonDocument(health.value(u"journal").toObject())
                    .toJson(QJsonDocument::Compact)
                    .constData());
    std::fflush(stdout);

    const auto measured = [](bool ok, double v) {
        return ok ? std::optional<double>(v) : std::nullopt;
    };
    if (memory) {
        summary.add(Metric::atMost(QStringLiteral("memory_rss_mib"),
                                   QStringLiteral("VmRSS MiB after %1 events").arg(count),
                                   measured(mem.has_value(), mem ? mib(mem->rssKiB) : 0), 60,
                                   QStringLiteral("~680"), 1));
        summary.add(Metric::info(QStringLiteral("memory_hwm_mib"),
                                 QStringLiteral("VmHWM (peak) MiB, %1 events").arg(count),
                                 measured(mem.has_value(), mem ? mib(mem->hwmKiB) : 0), 1));
        summary.add(Metric::info(QStringLiteral("memory_accepted_per_s"),
                                 QStringLiteral("accepted webhooks/s (memory run)"),
                                 measured(allAnswered, acceptedPerS), 0));
    } else {
        summary.add(Metric::atLeast(
            QStringLiteral("throughput_accepted_per_s"),
            QStringLiteral("accepted webhooks/s, %1 in flight").arg(options.inflight),
            measured(allAnswered, acceptedPerS), 2000, {}, 0));
        summary.add(Metric::info(QStringLiteral("throughput_all_delivered_s"),
                                 QStringLiteral("s until all %1 cards posted").arg(count),
                                 measured(allDelivered, deliveredS), 2));
        summary.add(Metric::info(QStringLiteral("throughput_cards_per_s"),
                                 QStringLiteral("cards posted/s (end to end)"),
                                 measured(allDelivered, count / deliveredS), 0));
    }
    if (!allAnswered || !allDelivered || accepted != count)
        summary.addNote(QStringLiteral("%1: %2 of %3 accepted, %4 cards posted")
                            .arg(QLatin1String(name))
                            .arg(accepted)
                            .arg(count)
                            .arg(rig->cardsArrived()));
    return true;
}

} // namespace Bench
