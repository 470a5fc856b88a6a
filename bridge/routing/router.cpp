#include "routing/router.h"

#include <algorithm>

namespace Bridge {

namespace {

bool matches(const RouteRule &rule, const CaseRecord &c)
{
    if (!rule.organisations.isEmpty() &&
        !rule.organisations.contains(c.organisation, Qt::CaseInsensitive))
        return false;
    if (rule.minSeverity > 0 && c.severity < rule.minSeverity)
        return false;
    if (!rule.tlps.isEmpty() && !rule.tlps.contains(c.tlp))
        return false;
    if (!rule.tags.isEmpty()) {
        const bool anyTag =
            std::any_of(rule.tags.cbegin(), rule.tags.cend(),
                        [&](const QString &t) { return c.tags.contains(t, Qt::CaseInsensitive); });
        if (!anyTag)
            return false;
    }
    return true;
}

} // namespace

RouteRule defaultRoute(const BridgeConfig &config)
{
    RouteRule rule;
    rule.channel = config.defaultChannel;
    rule.tlpCeiling = config.defaultTlpCeiling;
    rule.papCeiling = config.defaultPapCeiling;
    rule.aboveCeiling = config.defaultAboveCeiling;
    rule.allowRestricted = config.defaultAllowRestricted;
    rule.threadToCase = config.defaultThreadToCase;
    return rule;
}

RouteRule routeFor(const CaseRecord &c, const BridgeConfig &config)
{
    for (const RouteRule &rule : config.routes) {
        if (matches(rule, c))
            return rule;
    }
    return defaultRoute(config);
}

QList<RouteRule> rulesForChannel(const QString &channel, const BridgeConfig &config)
{
    QList<RouteRule> rules;
    for (const RouteRule &rule : config.routes) {
        if (rule.channel == channel)
            rules.append(rule);
    }
    if (config.defaultChannel == channel)
        rules.append(defaultRoute(config));
    return rules;
}

bool syncsThreads(const QString &channel, const BridgeConfig &config)
{
    const QList<RouteRule> rules = rulesForChannel(channel, config);
    return std::any_of(rules.cbegin(), rules.cend(),
                       [](const RouteRule &rule) { return rule.threadToCase; });
}

} // namespace Bridge
