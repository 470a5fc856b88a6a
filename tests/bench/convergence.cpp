// Scenario "convergence": no webhooks at all. 100 cases created in TheHive reach Slack, and then
// 100 changes to them, only through reconciliation (HIVESLACK_RECONCILE_SECONDS=10): how long
// until every card shows its case as TheHive has it, against one interval.
#include "scenarios.h"

#include "benchclock.h"

#include <cstdio>

using namespace Qt::StringLiterals;

namespace Bench {

namespace {

constexpr int Cases = 100;
constexpr int IntervalSeconds = 10;

/// Top-level cards in the bench channel whose text holds `text`.
int cardsShowing(Rig &rig, const QString &text)
{
    int n = 0;
    for (const auto &m : rig.slack().messages(QLatin1String(BridgeProcess::Channel)))
        if (m.threadTs.isEmpty() && m.text.contains(text))
            ++n;
    return n;
}

} // namespace

bool runConvergence(const Options &options, Summary &summary)
{
    Options reconciling = options;
    reconciling.reconcileSeconds = IntervalSeconds;
    std::unique_ptr<Rig> rig = startRig(reconciling, "convergence");
    if (!rig)
        return false;
    QList<Rig::Webhook> created;
    const qint64 createdNs = nowNs();
    for (int i = 0; i < Cases; ++i)
        created.append(rig->createWebhook(i)); // added to TheHive; the webhook is never sent
    const bool allPosted = waitUntil([&] { return cardsShowing(*rig, u"Bench case"_s) >= Cases; },
                                     3 * IntervalSeconds * 1000, 100);
    const double postedS = msBetween(createdNs, nowNs()) / 1000.0;
    std::printf("[convergence] %d cases created in TheHive, no webhook: %s after %.1f s "
                "(interval %d s)\n",
                Cases, allPosted ? "every card posted" : "NOT every card posted", postedS,
                IntervalSeconds);
    std::fflush(stdout);

    const qint64 changedNs = nowNs();
    for (const Rig::Webhook &c : std::as_const(created))
        rig->hive().setCaseField(c.caseId, u"title"_s, u"Renamed case %1"_s.arg(c.number));
    const bool allRight = waitUntil([&] { return cardsShowing(*rig, u"Renamed case"_s) >= Cases; },
                                    3 * IntervalSeconds * 1000, 100);
    const double rightS = msBetween(changedNs, nowNs()) / 1000.0;
    const int failed =
        rig->bridge().health().value(u"journal").toObject().value(u"failed").toInt(-1);
    std::printf("[convergence] %d changes in TheHive, no webhook: %s after %.1f s; %d cards in "
                "all, %d events failed\n",
                Cases, allRight ? "every card right" : "NOT every card right", rightS,
                cardsShowing(*rig, u"case"_s), failed);
    std::fflush(stdout);

    summary.add(Metric::atMost(u"convergence_new_s"_s,
                               u"no webhooks: s until 100 new cases are on Slack (interval 10 s)"_s,
                               allPosted ? std::optional<double>(postedS) : std::nullopt,
                               IntervalSeconds + 1, {}, 1));
    summary.add(Metric::atMost(
        u"convergence_changed_s"_s, u"no webhooks: s until 100 changed cards are right"_s,
        allRight ? std::optional<double>(rightS) : std::nullopt, IntervalSeconds + 1, {}, 1));
    return true;
}

} // namespace Bench
