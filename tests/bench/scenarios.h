#pragma once

#include "rig.h"
#include "summary.h"

namespace Bench {

// Each scenario starts its own bridge on a fresh data directory, prints what it measures as
// it goes and adds its figures to the summary; a figure it could not measure (a run that did
// not complete in its time bound) is added without a value. Returns false only when the
// scenario could not be set up (the bridge did not start, connections failed).

/// Webhook → chat.postMessage latency under an open-loop webhook rate.
bool runLatency(const Options &options, Summary &summary);
/// Accepted (journaled) webhooks per second with many requests in flight, then the time until
/// every card is delivered. With @p memory, the run is the memory scenario (100,000 events by
/// default) and the child's VmRSS/VmHWM are reported.
bool runThroughput(const Options &options, Summary &summary, bool memory);
/// Slack interaction (block_actions) request → answer latency under an open-loop rate.
bool runAck(const Options &options, Summary &summary);
/// Time from starting hiveslack to /healthz answering 200.
bool runStartup(const Options &options, Summary &summary);
/// A burst of new cases for one channel under Slack's emulated rate limits.
bool runBurst(const Options &options, Summary &summary);
/// 300 changes on 30 cards under Slack's emulated rate limits.
bool runStorm(const Options &options, Summary &summary);
/// Cases created and changed in TheHive with no webhook at all, healed by reconciliation.
bool runConvergence(const Options &options, Summary &summary);
/// A month-old journal of 1,000,000 settled events pruned by the running bridge.
bool runJournalSize(const Options &options, Summary &summary);

} // namespace Bench
