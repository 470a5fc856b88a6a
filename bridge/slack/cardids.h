#pragma once

#include <QLatin1StringView>
#include <QString>

#include <optional>

namespace Bridge {

/// The stable ids on a case card. cardrenderer.h documents what each one does; the
/// interaction handling and the README rely on these exact strings.
namespace CardIds {

inline constexpr QLatin1StringView Status{"hs_status"};
inline constexpr QLatin1StringView Severity{"hs_severity"};
inline constexpr QLatin1StringView Tlp{"hs_tlp"};
inline constexpr QLatin1StringView Pap{"hs_pap"};
inline constexpr QLatin1StringView Assignee{"hs_assignee"};
inline constexpr QLatin1StringView AssignMe{"hs_assign_me"};
inline constexpr QLatin1StringView AddTask{"hs_add_task"};
inline constexpr QLatin1StringView Close{"hs_close"};
inline constexpr QLatin1StringView Reopen{"hs_reopen"};
inline constexpr QLatin1StringView OpenCase{"hs_open_case"};

/// "hs:<part>:<caseId>:<rev>".
QString blockId(const QString &part, const QString &caseId, const QString &rev);

/// True for the action_ids above.
bool isCardActionId(const QString &actionId);

} // namespace CardIds

/// A click on a case card: which control, on which TheHive case.
struct CardAction
{
    QString actionId; ///< one of CardIds
    QString caseId;   ///< TheHive `_id`, read back from the block_id
    friend bool operator==(const CardAction &, const CardAction &) = default;
};

/// The case id inside a card block_id ("hs:<part>:<caseId>:<rev>"), or nullopt for any
/// block_id the card renderer did not produce. Case ids may themselves contain ':'.
std::optional<QString> caseIdFromBlockId(const QString &blockId);

/// The card action for an (action_id, block_id) pair from a block_actions payload, or
/// nullopt when either is not ours.
std::optional<CardAction> cardActionFrom(const QString &actionId, const QString &blockId);

} // namespace Bridge
