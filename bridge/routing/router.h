#pragma once

#include "config/bridgeconfig.h"
#include "core/casemodel.h"

#include <QList>

namespace Bridge {

/// The rule that names a case's channel: the first rule whose conditions all hold, else the
/// default channel with its ceilings (as a rule with an empty name). Only where a case goes;
/// what a channel may see of it is opsec/visibilitypolicy.h's decision.
RouteRule routeFor(const CaseRecord &c, const BridgeConfig &config);

/// The default channel's settings as a rule (with an empty name).
RouteRule defaultRoute(const BridgeConfig &config);

/// Every rule that names `channel`, the default channel's settings included.
QList<RouteRule> rulesForChannel(const QString &channel, const BridgeConfig &config);

/// Whether a rule naming `channel` asks for its card threads and case comments to be kept in
/// step (`threadToCase`).
bool syncsThreads(const QString &channel, const BridgeConfig &config);

} // namespace Bridge
