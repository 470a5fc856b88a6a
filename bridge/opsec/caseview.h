#pragma once

#include "core/casemodel.h"
#include "opsec/slackmessage.h"
#include "slack/cardrenderer.h"

#include <optional>

namespace Bridge {

/// How much of a case a channel may see.
enum class Visibility {
    Full,     ///< everything, with the card's controls
    Redacted, ///< number, severity and link; thread notes name fields, never their values
    Hidden,   ///< nothing: a card already there is withdrawn, no notes
};

/// The journal's name for a level (CardShown).
QString shownName(Visibility visibility);

/// Why a case is not shown in full.
enum class Withheld {
    Nothing,
    AboveTlpCeiling,
    AbovePapCeiling,
    Restricted, ///< TheHive 5.5+ access limited to named users
    Rerouted,   ///< the case's route now names another channel
    Unreadable, ///< TheHive no longer lets the bridge read the case
};

struct CaseListEntry;

/// A case as one channel may see it, decided by VisibilityPolicy (the only maker of a
/// CaseView) — and the only way to turn case content into a SlackMessage. Everything written
/// to Slack about a case (cards, card updates, thread notes, modals, ephemeral answers) comes
/// from one of these, for the channel it goes to.
class CaseView
{
public:
    const QString &channel() const { return m_channel; }
    Visibility visibility() const { return m_visibility; }
    Withheld withheld() const { return m_withheld; }
    bool isFull() const { return m_visibility == Visibility::Full; }
    /// What may be shown: the whole case when full; its id, number and severity otherwise.
    const CaseRecord &shown() const { return m_shown; }
    /// The journal's name for this level (CardShown).
    QString shownName() const;

    /// The card for this channel: full, redacted (assignee mention and controls dropped), or
    /// the withdrawn notice.
    SlackMessage card(CardOptions options) const;
    /// "<actor> set …" with old and new values where the case is shown in full and was shown
    /// in full before too (`beforeShownInFull`: an old value set while the card was withheld
    /// must not surface when the case comes back); "<actor>: title changed, …" otherwise;
    /// nothing when hidden or when nothing changed since `before`.
    std::optional<SlackMessage> changeNote(const QString &actor, const CaseRecord &before,
                                           bool beforeShownInFull,
                                           const HiveVersion &version) const;
    /// A message about the case that carries its content (a task title, a summary): only where
    /// the case is shown in full.
    std::optional<SlackMessage> contentNote(const QString &mrkdwn) const;
    /// The close-case and add-task forms (slack/modals.h): only where the case is shown in full.
    std::optional<SlackMessage> closeCaseModal(const HiveVersion &version,
                                               const QString &privateMetadata) const;
    std::optional<SlackMessage> addTaskModal(const HiveVersion &version,
                                             const QString &privateMetadata) const;
    /// A private list of cases or tasks for someone in `channel` (`/hive mine`): one line per
    /// entry, "#N title" (or "task — #N title") with a link where the case is shown in full,
    /// "#N" and the link where it is redacted, nothing where it is hidden (a closing line counts
    /// those). Every view must be for `channel`.
    static SlackMessage list(const QString &channel, const QString &heading,
                             const QList<CaseListEntry> &entries);
    /// The case finder's options (a block_suggestion answer, `{"options":[…]}`) for a form
    /// opened from `channel`: "#N title" where the case is shown there in full, "#N (not shown
    /// in this channel)" where it is redacted, nothing where it is hidden. Values are case ids.
    static QJsonObject suggestions(const QString &channel, const QList<CaseView> &views);
    /// Why this channel cannot work the case from Slack (for an ephemeral refusal); names the
    /// case by number only.
    QString refusal() const;

private:
    friend class VisibilityPolicy;
    CaseView(const CaseRecord &whole, QString channel, Visibility visibility, Withheld withheld);
    SlackMessage make(QJsonObject json) const { return SlackMessage(m_channel, std::move(json)); }

    QString m_channel;
    Visibility m_visibility;
    Withheld m_withheld;
    CaseRecord m_shown;
    CaseRecord m_whole; ///< for comparing with an earlier state; never rendered unless full
};

/// One case in CaseView::list().
struct CaseListEntry
{
    CaseView view;
    QUrl link;
    QString task; ///< a task's title, for a line about one of the case's tasks
};

} // namespace Bridge
