#include "opsec/visibilitypolicy.h"

#include "routing/router.h"

#include <algorithm>

namespace Bridge {

namespace {

Visibility aboveCeiling(AboveCeiling mode)
{
    return mode == AboveCeiling::Drop ? Visibility::Hidden : Visibility::Redacted;
}

bool above(int value, int ceiling)
{
    return ceiling >= 0 && value > ceiling;
}

} // namespace

QString VisibilityPolicy::homeChannel(const CaseRecord &current) const
{
    return routeFor(current, m_config).channel;
}

CaseView VisibilityPolicy::decide(const CaseRecord &current, const QString &channel,
                                  Placement placement) const
{
    const RouteRule home = routeFor(current, m_config);
    if (channel != home.channel && placement == Placement::Summoned) {
        RouteRule broad = defaultRoute(m_config);
        broad.channel = channel;
        return underRule(current, channel, strictestFor(channel, broad));
    }
    if (channel != home.channel) {
        return CaseView(current, channel,
                        dropsIn(channel) ? Visibility::Hidden : Visibility::Redacted,
                        Withheld::Rerouted);
    }
    return underRule(current, channel, home);
}

CaseView VisibilityPolicy::underRule(const CaseRecord &c, const QString &channel,
                                     const RouteRule &rule) const
{
    if (c.restricted && !rule.allowRestricted)
        return CaseView(c, channel, aboveCeiling(rule.aboveCeiling), Withheld::Restricted);
    const auto [visibility, withheld] = ceilings(c.tlp, c.pap, rule);
    return CaseView(c, channel, visibility, withheld);
}

std::pair<Visibility, Withheld> VisibilityPolicy::ceilings(int tlp, int pap, const RouteRule &rule)
{
    if (above(tlp, rule.tlpCeiling))
        return {aboveCeiling(rule.aboveCeiling), Withheld::AboveTlpCeiling};
    if (above(pap, rule.papCeiling))
        return {aboveCeiling(rule.aboveCeiling), Withheld::AbovePapCeiling};
    return {Visibility::Full, Withheld::Nothing};
}

AlertView VisibilityPolicy::decide(const AlertRecord &current, const QString &channel) const
{
    const std::optional<RouteRule> route = alertRouteFor(current, m_config);
    if (!route || route->channel != channel)
        return AlertView(current, channel,
                         dropsIn(channel) ? Visibility::Hidden : Visibility::Redacted,
                         Withheld::Rerouted);
    const auto [visibility, withheld] = ceilings(current.tlp, current.pap, *route);
    return AlertView(current, channel, visibility, withheld);
}

CaseView VisibilityPolicy::unreadable(const CaseRecord &lastKnown, const QString &channel) const
{
    return CaseView(lastKnown, channel,
                    dropsIn(channel) ? Visibility::Hidden : Visibility::Redacted,
                    Withheld::Unreadable);
}

CaseView VisibilityPolicy::sample(const CaseRecord &sample, const QString &channel) const
{
    RouteRule unrouted; // no rule names the channel: no case is routed there
    unrouted.channel = channel;
    return underRule(sample, channel, strictestFor(channel, unrouted));
}

RouteRule VisibilityPolicy::strictestFor(const QString &channel, const RouteRule &fallback) const
{
    const QList<RouteRule> rules = rulesForChannel(channel, m_config);
    if (rules.isEmpty())
        return fallback;
    RouteRule strictest;
    strictest.channel = channel;
    strictest.allowRestricted = true;
    const auto lower = [](int a, int b) { return a < 0 ? b : (b < 0 ? a : std::min(a, b)); };
    for (const RouteRule &rule : rules) {
        strictest.tlpCeiling = lower(strictest.tlpCeiling, rule.tlpCeiling);
        strictest.papCeiling = lower(strictest.papCeiling, rule.papCeiling);
        if (rule.aboveCeiling == AboveCeiling::Drop)
            strictest.aboveCeiling = AboveCeiling::Drop;
        strictest.allowRestricted = strictest.allowRestricted && rule.allowRestricted;
    }
    return strictest;
}

bool VisibilityPolicy::dropsIn(const QString &channel) const
{
    const QList<RouteRule> rules = rulesForChannel(channel, m_config);
    return std::any_of(rules.cbegin(), rules.cend(),
                       [](const RouteRule &r) { return r.aboveCeiling == AboveCeiling::Drop; });
}

} // namespace Bridge
