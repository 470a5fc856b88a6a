#pragma once

#include "alerts/alertrecord.h"
#include "config/bridgeconfig.h"
#include "core/casemodel.h"

#include <QList>

#include <optional>

namespace Bridge {

/// The rule that names a case's channel: the first rule whose conditions all hold, else the
/// default channel with its ceilings (as a rule with an empty name); alert routes are skipped.
/// Only where a case goes; what a channel may see of it is opsec/visibilitypolicy.h's decision.
RouteRule routeFor(const CaseRecord &c, const BridgeConfig &config);

/// The first alert route (`"kind": "alert"`) whose conditions (source, type, severity, TLP,
/// tags, organisation) all hold; none: the alert gets no card, as alerts are off unless a route
/// asks for them.
std::optional<RouteRule> alertRouteFor(const AlertRecord &a, const BridgeConfig &config);

/// The default channel's settings as a rule (with an empty name).
RouteRule defaultRoute(const BridgeConfig &config);

/// Every rule that names `channel` (alert routes too: their ceilings hold there as well), the
/// default channel's settings included.
QList<RouteRule> rulesForChannel(const QString &channel, const BridgeConfig &config);

/// Whether a rule naming `channel` asks for its card threads and case comments to be kept in
/// step (`threadToCase`).
bool syncsThreads(const QString &channel, const BridgeConfig &config);

} // namespace Bridge
