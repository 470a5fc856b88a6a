#pragma once

#include "alerts/alertrecord.h"

#include <QJsonObject>
#include <QLatin1StringView>
#include <QUrl>

namespace Bridge {

/*
 * The alert card
 * ==============
 *
 * Buttons (action_id → meaning; the alert comes from the block_id "hs:<part>:<alertId>:<rev>",
 * buttons also carry the alert id in `value`):
 *
 *   hs_alert_promote  open the Promote form (a case template may be chosen) → a new case
 *   hs_alert_merge    open the Merge form (a case finder) → the alert joins an existing case
 *   hs_alert_ignore   open the Ignore form (a closed alert status and a reason)
 *   hs_open_alert     URL button to the alert in TheHive; only acked
 *
 * Parts: header "Alert: <title>", facts (source, type, severity, TLP, observables, date,
 * status), tags, description, outcome (what became of it, once settled), buttons (only while
 * the alert waits for triage). A redacted card has only header "Alert" and restricted
 * (severity, source and the link); a withdrawn one says only that the alert is not shown.
 * What a channel may see is decided by opsec/visibilitypolicy.h and only an AlertView turns
 * these renderings into something Slack is sent.
 */
namespace AlertIds {
inline constexpr QLatin1StringView Promote{"hs_alert_promote"};
inline constexpr QLatin1StringView Merge{"hs_alert_merge"};
inline constexpr QLatin1StringView Ignore{"hs_alert_ignore"};
inline constexpr QLatin1StringView Open{"hs_open_alert"};
/// A digest line's overflow menu: its options' values are Promote, Merge and Ignore above.
inline constexpr QLatin1StringView Triage{"hs_alert_triage"};
} // namespace AlertIds

struct AlertCardOptions
{
    HiveVersion version;
    QUrl alertUrl;
    bool redacted = false;
    bool controls = true;
    /// What became of the alert (mrkdwn: "Promoted to case #12 by @ana"); empty: derived from
    /// its status.
    QString outcome;
};

QJsonObject renderAlertCard(const AlertRecord &a, const AlertCardOptions &o);

/// One alert in a digest message.
struct DigestLine
{
    AlertRecord alert; ///< what may be shown of it
    AlertCardOptions options;
};

/// The digest a noisy source's alerts share beyond its route's batchPerMinute: a heading and
/// one section per line (block_id "hs:line:<alertId>:<rev>"), each with the triage overflow
/// (hs_alert_triage) while its alert waits for triage and is shown in full; a redacted line
/// shows severity and link only. `withheld` lines the channel may not see at all are counted.
QJsonObject renderAlertDigest(const QList<DigestLine> &lines, int withheld);

/// Lines a digest message holds at most (Block Kit's 50 blocks and text budget).
constexpr int MaxDigestLines = 20;
QJsonObject renderWithdrawnAlertCard(const AlertRecord &a);

} // namespace Bridge
