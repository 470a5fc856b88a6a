#pragma once

#include "alerts/alertrecord.h"
#include "newcase/newcaseform.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLatin1StringView>

namespace Bridge {

/// The triage forms' ids (callback_id for the modal, action_id = block_id for inputs).
namespace AlertFormIds {
inline constexpr QLatin1StringView PromoteCallback{"hs_alert_promote_form"};
inline constexpr QLatin1StringView MergeCallback{"hs_alert_merge_form"};
inline constexpr QLatin1StringView IgnoreCallback{"hs_alert_ignore_form"};
inline constexpr QLatin1StringView Template{"hs_alert_template"};
inline constexpr QLatin1StringView Case{"hs_alert_case"};
inline constexpr QLatin1StringView Status{"hs_alert_status"};
inline constexpr QLatin1StringView Reason{"hs_alert_reason"};
} // namespace AlertFormIds

/// Whether `callbackId` is one of the triage forms.
bool isAlertForm(const QString &callbackId);

/// One closed alert status TheHive offers.
struct AlertStatusChoice
{
    QString value;
    QString label;
};

/// The Closed-stage, shown statuses of a listAlertStatus answer (TheHive 5.5+), in its order.
QList<AlertStatusChoice> closedAlertStatusesFromJson(const QJsonArray &answer);
/// TheHive 5's predefined closed alert statuses, for releases before listAlertStatus.
QList<AlertStatusChoice> predefinedClosedAlertStatuses();

/// "Promote to case": the alert's title, an optional case template.
QJsonObject buildPromoteModal(const AlertRecord &alert, const QList<CaseTemplateChoice> &templates,
                              const QString &privateMetadata);
/// "Merge into case": the case finder (an external_select answered like the evidence form's).
QJsonObject buildMergeModal(const AlertRecord &alert, const QString &privateMetadata);
/// "Ignore alert": a closed status (TheHive 5; TheHive 4 can only mark it read) and a reason.
QJsonObject buildIgnoreModal(const AlertRecord &alert, const QList<AlertStatusChoice> &statuses,
                             const QString &privateMetadata);

struct AlertFormInput
{
    QString templateId; ///< Promote: empty for none
    QString caseId;     ///< Merge: the chosen case's id
    QString status;     ///< Ignore: empty on TheHive 4
    QString reason;     ///< Ignore: trimmed, may be empty
};

AlertFormInput parseAlertForm(const QJsonObject &stateValues);
/// Field errors for a triage form submission (`response_action: errors`); empty when fine.
QJsonObject validateAlertForm(const QString &callbackId, const AlertFormInput &input);

} // namespace Bridge
