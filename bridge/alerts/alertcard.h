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
QJsonObject renderWithdrawnAlertCard(const AlertRecord &a);

} // namespace Bridge
