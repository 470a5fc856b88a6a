#pragma once

#include "core/casemodel.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLatin1StringView>
#include <QList>
#include <QString>
#include <QStringList>

namespace Bridge {

/// Ids of the New case modal (`/hive new`). As in the other modals, every input block uses its
/// action_id as block_id.
namespace NewCaseIds {
inline constexpr QLatin1StringView Callback{"hs_new_case"};
inline constexpr QLatin1StringView Title{"hs_case_title"};
inline constexpr QLatin1StringView Description{"hs_case_description"};
inline constexpr QLatin1StringView Severity{"hs_case_severity"};
inline constexpr QLatin1StringView Tlp{"hs_case_tlp"};
inline constexpr QLatin1StringView Pap{"hs_case_pap"};
inline constexpr QLatin1StringView Tags{"hs_case_tags"};
inline constexpr QLatin1StringView Template{"hs_case_template"};
inline constexpr QLatin1StringView Assignee{"hs_case_assignee"};
} // namespace NewCaseIds

/// TheHive 5's limits on a new case (InputCreateCase).
constexpr int CaseTitleMaxChars = 512;
constexpr int CaseTagMaxChars = 128;

/// A case template the form offers: `id` is what TheHive is sent (it takes a name or an id).
struct CaseTemplateChoice
{
    QString id;
    QString label; ///< displayName, else name
    friend bool operator==(const CaseTemplateChoice &, const CaseTemplateChoice &) = default;
};

/// The templates of a listCaseTemplate answer, in its order; ones without an id are skipped.
QList<CaseTemplateChoice> caseTemplatesFromJson(const QJsonArray &answer);

/// What the form asks for. Severity, TLP and PAP left empty are the template's, else
/// TheHive's default (Medium, AMBER, AMBER).
struct NewCaseInput
{
    QString title;       ///< trimmed
    QString description; ///< trimmed, may be empty: the sender fills it in
    std::optional<int> severity;
    std::optional<int> tlp;
    std::optional<int> pap;
    QStringList tags; ///< trimmed, empty ones and repeats dropped
    QString templateId;
    QString assigneeSlackUserId;
    friend bool operator==(const NewCaseInput &, const NewCaseInput &) = default;
};

/// The `view` for views.open: title (required), description, severity, TLP, PAP, tags,
/// case template (only when there are templates; at most 100, as a select holds) and
/// assignee (starting at `submitterSlackId`). `privateMetadata` comes back on submission.
QJsonObject buildNewCaseModal(const HiveVersion &version,
                              const QList<CaseTemplateChoice> &templates,
                              const QString &submitterSlackId, const QString &privateMetadata);

/// Reads a submission's `view.state.values`; missing or null values are empty.
NewCaseInput parseNewCase(const QJsonObject &viewStateValues);

/// Slack's `errors` map (keyed by block_id), empty when TheHive can take the input.
QJsonObject validateNewCase(const NewCaseInput &input);

} // namespace Bridge
