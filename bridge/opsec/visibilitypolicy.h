#pragma once

#include "config/bridgeconfig.h"
#include "core/casemodel.h"
#include "journal/journaltypes.h"
#include "opsec/alertview.h"
#include "opsec/caseview.h"

namespace Bridge {

/// How a card came to be in its channel.
enum class Placement {
    Routed,   ///< the case's route named the channel (now or earlier)
    Summoned, ///< someone asked for it there with `/hive <number>`
};

/// How a journaled card came to be in its channel.
inline Placement placementOf(const CardRef &card)
{
    return card.summonedBy.isEmpty() ? Placement::Routed : Placement::Summoned;
}

/// The one decision about what a Slack channel may see of a case, now.
///
/// - A case is shown in full only in the channel its current route names (routing/router.h),
///   and only while its current TLP (and PAP, when the route sets a PAP ceiling) is at or under
///   that route's ceiling, and — for a TheHive 5.5+ case restricted to named users — only when
///   the route allows restricted cases.
/// - Above that, the route's `aboveCeiling` applies: "redact" shows number, severity and link;
///   "drop" shows nothing (a card already there is withdrawn).
/// - A card someone asked for with `/hive <number>` (Placement::Summoned) is held to its own
///   channel's ceilings instead: the strictest of the rules naming that channel, or the default
///   channel's for a channel no rule names. The case's route does not matter there.
/// - Any other channel (one that holds a card from an earlier route) never sees more than the
///   redacted card, even without a ceiling of its own; it sees nothing when a rule naming it
///   drops cases above its ceiling.
///
/// - An alert is shown in full only in the channel its alert route names, under that route's
///   TLP/PAP ceilings like a case; a channel holding its card from an earlier route sees the
///   redacted card, or nothing where a rule naming it drops.
///
/// Ceilings use TheHive's TLP/PAP numbers for the configured version (see HiveVersion).
class VisibilityPolicy
{
public:
    explicit VisibilityPolicy(BridgeConfig config)
        : m_config(std::move(config))
    {
    }

    /// What `channel` may see of `current`, the case as TheHive has it now.
    CaseView decide(const CaseRecord &current, const QString &channel,
                    Placement placement = Placement::Routed) const;
    /// What `channel` may see of `current`, the alert as TheHive has it now.
    AlertView decide(const AlertRecord &current, const QString &channel) const;
    /// The channel the case's route names now.
    QString homeChannel(const CaseRecord &current) const;
    /// A case TheHive no longer lets the bridge read (deleted, or restricted to others):
    /// `lastKnown` may only be shown redacted, anywhere.
    CaseView unreadable(const CaseRecord &lastKnown, const QString &channel) const;
    /// The console's test card: `sample` as `channel` would show a case routed there, under
    /// the strictest ceiling any rule naming that channel sets.
    CaseView sample(const CaseRecord &sample, const QString &channel) const;

private:
    CaseView underRule(const CaseRecord &c, const QString &channel, const RouteRule &rule) const;
    /// How much of a record with `tlp` and `pap` a rule's ceilings let `channel` see.
    static std::pair<Visibility, Withheld> ceilings(int tlp, int pap, const RouteRule &rule);
    /// The strictest ceilings of the rules naming `channel`; `fallback` when none does.
    RouteRule strictestFor(const QString &channel, const RouteRule &fallback) const;
    /// True when a rule naming `channel` drops cases above its ceiling.
    bool dropsIn(const QString &channel) const;

    BridgeConfig m_config; ///< a copy: a policy is often made for one decision
};

} // namespace Bridge
