#include "routing/router.h"

#include <algorithm>

namespace Bridge {

namespace {

/// The conditions cases and alerts share.
template<typename Record>
bool matchesCommon(const RouteRule &rule, const Record &r)
{
    if (!rule.organisations.isEmpty() &&
        !rule.organisations.contains(r.organisation, Qt::CaseInsensitive))
        return false;
    if (rule.minSeverity > 0 && r.severity < rule.minSeverity)
        return false;
    if (!rule.tlps.isEmpty() && !rule.tlps.contains(r.tlp))
        return false;
    if (!rule.tags.isEmpty()) {
        const bool anyTag =
            std::any_of(rule.tags.cbegin(), rule.tags.cend(),
                        [&](const QString &t) { return r.tags.contains(t, Qt::CaseInsensitive); });
        if (!anyTag)
            return false;
    }
    return true;
}

bool matches(const RouteRule &rule, const CaseRecord &c)
{
    return rule.kind == RouteKind::Case && matchesCommon(rule, c);
}

bool matches(const RouteRule &rule, const AlertRecord &a)
{
    const auto listed = [](const QStringList &list, const QString &value) {
        return list.isEmpty() || list.contains(value, Qt::CaseInsensitive);
    };
    return rule.kind == RouteKind::Alert && listed(rule.sources, a.source) &&
           listed(rule.types, a.type) && matchesCommon(rule, a);
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

std::optional<RouteRule> alertRouteFor(const AlertRecord &a, const BridgeConfig &config)
{
    for (const RouteRule &rule : config.routes) {
        if (matches(rule, a))
            return rule;
    }
    return std::nullopt;
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
