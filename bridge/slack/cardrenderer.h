#pragma once

#include "core/casemodel.h"
#include "slack/cardids.h"

#include <QJsonObject>
#include <QString>
#include <QUrl>

namespace Bridge {

/*
 * The case card: ids other code relies on
 * ========================================
 *
 * Interactive elements (action_id → meaning; the case comes from the block_id, buttons
 * also carry the case id in `value`; never read state from block positions):
 *
 *   hs_status     static_select  new TheHive status (Vocabulary::statuses); open cards only
 *   hs_severity   static_select  new severity, option value "1".."4"
 *   hs_tlp        static_select  new TLP, option value = TheHive number for the version
 *   hs_pap        static_select  new PAP, option value "0".."3"
 *   hs_assignee   users_select   Slack user to assign (map to a TheHive login)
 *   hs_assign_me  button         assign to the clicking user
 *   hs_add_task   button         open the add-task modal (modals.h, callback hs_add_task)
 *   hs_close      button         style danger, confirm dialog; open the close-case modal
 *                                (modals.h, callback hs_close_case); open cards only
 *   hs_reopen     button         reopen (Vocabulary::reopenStatus); closed cards only
 *   hs_open_case  button         URL button to the case in TheHive; only ack it
 *
 * block_id = "hs:<part>:<caseId>:<rev>" (parse with caseIdFromBlockId()). <rev> is the
 * first 8 hex digits of a SHA-1 over the rendered card, so every new version of a card
 * gets new block_ids and Slack clients drop stale selections. Parts, in card order:
 *
 *   header       header "#<number> <title>" (redacted: "Case #<number>")
 *   facts        section fields: severity, status, TLP, PAP, assignee, created,
 *                organisation (if set), tasks (if known)
 *   tags         context with the tags (if any)
 *   description  section with the description as mrkdwn (if any)
 *   closure      section fields: resolution, impact (closed cards only)
 *   summary      section with the closing summary (closed cards with a summary)
 *   controls     actions: hs_status (open only), hs_severity, hs_tlp, hs_pap, hs_assignee
 *   buttons      actions: hs_assign_me, hs_add_task, hs_close | hs_reopen, hs_open_case
 *   restricted   section: severity and the link, on redacted cards only
 *
 * Redacted cards (CardOptions::redacted) have only header and restricted: no title,
 * description, tags or other fields, and no interactive elements at all. A withdrawn card
 * (renderWithdrawnCard) is one section, `withdrawn`, saying the case is no longer shown.
 *
 * What a channel may see is not decided here: opsec/visibilitypolicy.h decides, and only a
 * CaseView (opsec/caseview.h) turns these renderings into something Slack is sent.
 */

/// How to render one case card.
struct CardOptions
{
    HiveVersion version;
    QUrl caseUrl;                ///< link to the case in TheHive's UI (may be empty)
    QString assigneeSlackUserId; ///< set when the assignee maps to a Slack user: a mention
    bool redacted = false;       ///< number, severity and link only
    QString redactedNotice;      ///< why details are withheld (mrkdwn); a generic line when empty
    bool controls = true;        ///< false: no actions blocks (a sample card nobody should click)
};

/// The one Block Kit rendering of a case card for chat.postMessage / chat.update:
/// `{"text": <fallback>, "blocks": [...]}`. Pure; every Block Kit limit holds for any input,
/// including the undocumented ~11,000-character total (see BlockKit::Limit).
QJsonObject renderCaseCard(const CaseRecord &c, const CardOptions &o);

/// What replaces a card in a channel that may no longer show its case at all: the number
/// and one line saying so, nothing else.
QJsonObject renderWithdrawnCard(const CaseRecord &c);

} // namespace Bridge
