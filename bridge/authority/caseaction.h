#pragma once

#include "core/casemodel.h"

#include <QString>
#include <QStringList>

namespace Bridge {

/// What an analyst can do to a case from Slack. Each needs a TheHive permission.
enum class CaseAction {
    SetStatus,
    SetSeverity,
    SetTlp,
    SetPap,
    Assign,
    Close,
    Reopen,
    AddTask,
    Comment,
    CreateCase,
    // Alert triage: the alert becomes a case, joins one, or is closed.
    PromoteAlert,
    MergeAlert,
    CloseAlert,
    /// Copying a Slack message's files into a case (the evidence shortcut).
    AttachFiles,
};

/// Every action, in the order the console lists them.
QList<CaseAction> allCaseActions();

/// The TheHive permissions any one of which allows `action` on `version`: TheHive 5.1 split
/// `manageCase` into `manageCase/update`, `manageCase/reopen` (5.2.6) and others; TheHive 4
/// and 5.0 only know `manageCase` and `manageTask`. Creating a case needs `manageCase/create`
/// (TheHive 4 and 5.0: `manageCase`). A reopen needs `manageCase/update` on 5.1
/// and either on 5.2, as releases before 5.2.6 had no reopen permission. Promoting or merging
/// an alert needs `manageAlert/import`, closing one `manageAlert/update` (TheHive 4 and 5.0:
/// `manageAlert`). Attaching files to a case is `manageCase/update`, and on TheHive 4, where
/// files live in task logs, `manageTask`.
QStringList permissionsFor(CaseAction action, const HiveVersion &version);

/// "change the severity", "add tasks", … (English: refusals in Slack use it).
QString describeAction(CaseAction action);

} // namespace Bridge
