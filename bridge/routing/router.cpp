#include "routing/router.h"

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

RouteDecision::Show visibility(int tlp, int ceiling, AboveCeiling above)
{
    if (ceiling < 0 || tlp <= ceiling)
        return RouteDecision::Show::Full;
    return above == AboveCeiling::Drop ? RouteDecision::Show::Nothing
                                       : RouteDecision::Show::Redacted;
}

} // namespace

RouteDecision routeCase(const CaseRecord &c, const BridgeConfig &config)
{
    for (const RouteRule &rule : config.routes) {
        if (matches(rule, c))
            return {rule.channel, visibility(c.tlp, rule.tlpCeiling, rule.aboveCeiling), rule.name};
    }
    return {config.defaultChannel,
            visibility(c.tlp, config.defaultTlpCeiling, config.defaultAboveCeiling),
            {}};
}

} // namespace Bridge
