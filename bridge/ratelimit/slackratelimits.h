#pragma once

#include "ratelimit/ratebucket.h"

#include <QString>

namespace Bridge {

/// Slack's Web API limits as HiveSlack paces itself (docs.slack.dev/apis/web-api/rate-limits):
/// each method has its own budget per workspace by tier, and chat.postMessage has a special one
/// of about one message per second per channel under a workspace-wide ceiling of several hundred
/// a minute. Slack publishes the rates, not the bursts it tolerates: the bursts here are modest
/// guesses, and where Slack is stricter its 429 pauses the calls (SlackRateGovernor).
struct SlackRateLimits
{
    /// Tier 1 paces only apps.connections.open: "1+ per minute". A burst of three lets a Socket
    /// Mode refresh or reconnect right after another open at once instead of a minute later.
    RateSpec tier1{1, 3};
    RateSpec tier2{20, 3};
    RateSpec tier3{50, 5};
    RateSpec tier4{100, 10};
    RateSpec postsPerChannel{60, 3};
    RateSpec postsPerWorkspace{300, 10};

    /// The tier budget of a method other than chat.postMessage (unknown methods: Tier 3).
    RateSpec forMethod(const QString &method) const;
    /// Whether a method's budget is per channel (chat.postMessage), under postsPerWorkspace.
    static bool isPerChannel(const QString &method);
    /// Every rate `factor` times Slack's (for a fake Slack that is faster than the real one).
    SlackRateLimits faster(double factor) const;
    friend bool operator==(const SlackRateLimits &, const SlackRateLimits &) = default;
};

} // namespace Bridge
