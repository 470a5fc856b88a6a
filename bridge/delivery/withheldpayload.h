#pragma once

#include "delivery/dispatcher.h"

namespace Bridge {

class Journal;
struct HiveEvent;

/// What the journal keeps of a TheHive event whose case Slack does not show in full.
///
/// Once such an event is delivered or ignored and no card of its case shows the case in full
/// (every card redacted or withdrawn, or none posted because the case is above what its
/// channel may see), its payload (title, description, what changed) would be the only copy of
/// that content on the bridge's disk. The journal then keeps a summary that identifies the
/// event instead. A retry or a failure keeps the payload: it is needed to deliver again.
///
/// Wraps `done` so that the outcome carries the summary when the rule applies.
Dispatcher::Completion keepingSummaryUnlessShown(const Journal &journal, const HiveEvent &event,
                                                 Dispatcher::Completion done);

/// The summary: which event it was and of which case, none of the case's content.
QByteArray withheldEventSummary(const HiveEvent &event);

} // namespace Bridge
