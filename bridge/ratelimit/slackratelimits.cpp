#include "ratelimit/slackratelimits.h"

#include <QHash>

namespace Bridge {

SlackRateLimits SlackRateLimits::faster(double factor) const
{
    SlackRateLimits limits = *this;
    for (RateSpec *spec : {&limits.tier1, &limits.tier2, &limits.tier3, &limits.tier4,
                           &limits.postsPerChannel, &limits.postsPerWorkspace})
        spec->perMinute *= factor;
    return limits;
}

bool SlackRateLimits::isPerChannel(const QString &method)
{
    return method == u"chat.postMessage";
}

RateSpec SlackRateLimits::forMethod(const QString &method) const
{
    // Tiers from Slack's method pages (java-slack-sdk keeps them in rate_limit_tiers.json).
    // auth.test is "special: hundreds per minute", paced like Tier 4.
    static const QHash<QString, int> tiers = {
        {QStringLiteral("apps.connections.open"), 1},
        {QStringLiteral("conversations.list"), 2},
        {QStringLiteral("users.list"), 2},
        {QStringLiteral("usergroups.users.list"), 2},
        {QStringLiteral("chat.update"), 3},
        {QStringLiteral("users.lookupByEmail"), 3},
        {QStringLiteral("conversations.info"), 3},
        // Tier 3 for internal apps; Slack cut it to 1/min for apps distributed outside its
        // Marketplace (2025), which a per-SOC HiveSlack app is not.
        {QStringLiteral("conversations.history"), 3},
        {QStringLiteral("chat.postEphemeral"), 4},
        {QStringLiteral("views.open"), 4},
        {QStringLiteral("views.update"), 4},
        {QStringLiteral("users.info"), 4},
        {QStringLiteral("files.info"), 4},
        {QStringLiteral("auth.test"), 4},
    };
    switch (tiers.value(method, 3)) {
    case 1:
        return tier1;
    case 2:
        return tier2;
    case 4:
        return tier4;
    default:
        return tier3;
    }
}

} // namespace Bridge
