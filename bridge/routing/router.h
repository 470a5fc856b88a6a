#pragma once

#include "config/bridgeconfig.h"
#include "core/casemodel.h"

namespace Bridge {

/// Where a case goes and how much of it may be shown there.
struct RouteDecision
{
    enum class Show { Full, Redacted, Nothing };
    QString channel;
    Show show = Show::Full;
    QString ruleName; ///< the rule that matched; empty for the default channel
};

/// Picks the channel for a case: the first rule whose conditions all hold, else the default
/// channel; then applies that route's TLP ceiling (redact or drop above it).
RouteDecision routeCase(const CaseRecord &c, const BridgeConfig &config);

} // namespace Bridge
