#pragma once

#include "core/casemodel.h"

#include <QJsonObject>
#include <QStringList>

namespace Bridge {

/// Reads a case from any TheHive case JSON: the TheHive 4 v0 DTO (`caseId`, `owner`,
/// `createdAt`, `resolutionStatus`) as well as the v1 / TheHive 5 one (`number`, `assignee`,
/// `_createdAt`, `stage`, TheHive 5.5 `access`). Numbers may arrive as strings; `stage` is derived
/// from the status when absent; `organisation` may be a string or {"organisation": name}. Missing
/// fields keep CaseRecord's defaults.
CaseRecord caseFromJson(const QJsonObject &json, const HiveVersion &version);

/// Human phrases for what changed between two views of a case, for Slack thread notes:
/// "closed as False positive", "reopened", "status New → In progress",
/// "severity High → Critical", "TLP TLP:GREEN → TLP:AMBER", "PAP PAP:CLEAR → PAP:RED",
/// "assignee alice@x → unassigned", "title “Old” → “New”", "tags +vip −phishing",
/// "summary updated" (or "summary removed"), "description updated". Empty when nothing shown
/// changed.
QStringList describeChanges(const CaseRecord &before, const CaseRecord &after,
                            const HiveVersion &version);

/// The same comparison naming only the fields ("title changed", "case closed"), never their
/// values: for the thread of a card that may not show the case.
QStringList changedFieldNames(const CaseRecord &before, const CaseRecord &after,
                              const HiveVersion &version);

} // namespace Bridge
