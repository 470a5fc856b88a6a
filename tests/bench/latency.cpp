// Scenario "latency": webhooks at a fixed rate; for each case, the time from writing its
// create webhook to the fake Slack receiving its card's chat.postMessage.
#include "scenarios.h"

#include "benchclock.h"
#include "httpconnection.h"
#include "openloop.h"

#include <QHash>

#include <cstdio>

namespace Bench {

namespace {

/// Sends @p count webhooks from @p first at the given rate and waits for their cards.
struct Wave
{
    int first = 0;
    int count = 0;
};

} // namespace

bool runLatency(const Options &options, Summary &summary)
{
    const int count = options.events > 0 ? options.events : int(options.rate * 10);
    const int warmup = qMax(10, int(options.rate / 4));
    std::unique_ptr<Rig> rig = startRig(options, "latency");
    if (!rig)
        return false;

    const int total = warmup + count;
    QList<QByteArray> requests;
    QHash<int, int> indexOfNumber;
    for (int i = 0; i < total; ++i) {
        Rig::Webhook w = rig->createWebhook(i);
        indexOfNumber.insert(w.number, i);
        requests.append(std::move(w.request));
    }
    QList<qint64> issuedNs(total, 0);
    QList<qint64> sentNs(total, 0);
    QList<qint64> cardNs(total, 0);
    QList<double> answerMs;
    int refused = 0;
    int cards = 0;
    QObject::connect(rig.get(), &Rig::cardArrived, rig.get(), [&](int number, qint64 ns) {
        const int i = indexOfNumber.value(number, -1);
        if (i >= 0 && cardNs[i] == 0) {
            cardNs[i] = ns;
            ++cards;
        }
    });

    HttpPool pool(rig->port(), options.connections);
    if (!pool.openAll(5000)) {
        std::fprintf(stderr, "[latency] cannot open %d connections\n", options.connections);
        return false;
    }
    const auto sendWave = [&](const Wave &wave, double *maxLagMs) {
        OpenLoop loop(wave.count, options.rate, [&, wave](int k, qint64 issued) {
            const int i = wave.first + k;
            issuedNs[i] = issued;
            pool.send(
                requests.at(i),
                [&, i](const HttpReply &reply) {
                    if (reply.status / 100 != 2)
                        ++refused;
                    else if (i >= warmup)
                        answerMs.append(msBetween(reply.sentNs, reply.answeredNs));
                },
                [&, i](qint64 ns) { sentNs[i] = ns; });
        });
        const int expected = wave.first + wave.count;
        loop.start();
        const bool ok = waitUntil([&] { return loop.isFinished() && cards >= expected; },
                                  int(wave.count / options.rate * 1000) + 30'000);
        *maxLagMs = loop.maxLagMs();
        return ok;
    };

    double lag = 0;
    std::printf("[latency] warm-up: %d webhooks at %.0f/s\n", warmup, options.rate);
    if (!sendWave({0, warmup}, &lag))
        std::printf("[latency] warm-up: only %d of %d cards arrived\n", cards, warmup);
    const double cpuBefore = rig->bridge().cpuSeconds().value_or(0);
    const double ownCpuBefore = ownCpuSeconds();
    std::printf("[latency] measuring: %d webhooks at %.0f/s over %d connections\n", count,
                options.rate, options.connections);
    std::fflush(stdout);
    const qint64 startNs = nowNs();
    const bool complete = sendWave({warmup, count}, &lag);
    const double elapsedS = msBetween(startNs, nowNs()) / 1000.0;
    const double cpu = rig->bridge().cpuSeconds().value_or(0) - cpuBefore;
    const double ownCpu = ownCpuSeconds() - ownCpuBefore;

    // A card that never came counts as infinitely late: more than 1% missing fails p99.
    QList<double> latencies;
    QList<double> fromWrite;
    for (int i = warmup; i < total; ++i) {
        const bool arrived = cardNs[i] > 0 && sentNs[i] > 0;
        latencies.append(arrived ? msBetween(issuedNs[i], cardNs[i]) : qInf());
        if (arrived)
            fromWrite.append(msBetween(sentNs[i], cardNs[i]));
    }
    const int missing = count - int(fromWrite.size());
    const Distribution d = distributionOf(latencies);
    const Distribution a = distributionOf(answerMs);
    std::printf("[latency] webhook issued  -> chat.postMessage: %s\n", qPrintable(describe(d)));
    std::printf("[latency] webhook written -> chat.postMessage: %s\n",
                qPrintable(describe(distributionOf(fromWrite))));
    std::printf("[latency] webhook written -> HTTP answer:      %s\n", qPrintable(describe(a)));
    std::printf("[latency] cards missing %d, non-2xx answers %d, client queueing %d (max queue "
                "%d), max schedule lag %.2f ms, bridge CPU %.2f s (%.0f us/event), benchmark "
                "process CPU %.2f s, in %.1f s\n",
                missing, refused, pool.queuedTotal(), pool.maxQueue(), lag, cpu, cpu * 1e6 / count,
                ownCpu, elapsedS);
    std::fflush(stdout);

    const auto value = [&](double v) {
        return d.count > 0 && qIsFinite(v) ? std::optional<double>(v) : std::nullopt;
    };
    const QString rate = QString::number(options.rate, 'f', 0);
    summary.add(Metric::atMost(QStringLiteral("latency_p50_ms"),
                               QStringLiteral("webhook->card p50 ms @%1/s").arg(rate), value(d.p50),
                               5, QStringLiteral("~94"), 2));
    summary.add(Metric::info(QStringLiteral("latency_p90_ms"),
                             QStringLiteral("webhook->card p90 ms @%1/s").arg(rate), value(d.p90),
                             2));
    summary.add(Metric::atMost(QStringLiteral("latency_p99_ms"),
                               QStringLiteral("webhook->card p99 ms @%1/s").arg(rate), value(d.p99),
                               25, QStringLiteral("~240"), 2));
    summary.add(Metric::info(QStringLiteral("latency_max_ms"),
                             QStringLiteral("webhook->card max ms @%1/s").arg(rate), value(d.max),
                             2));
    summary.add(Metric::info(QStringLiteral("latency_webhook_answer_p99_ms"),
                             QStringLiteral("webhook answer p99 ms @%1/s").arg(rate),
                             a.count > 0 ? std::optional<double>(a.p99) : std::nullopt, 2));
    if (!complete || refused > 0)
        summary.addNote(QStringLiteral("latency: %1 cards missing (counted as infinitely late), "
                                       "%2 webhooks refused")
                            .arg(missing)
                            .arg(refused));
    return true;
}

} // namespace Bench
