#include "authority/caseaction.h"

namespace Bridge {

QList<CaseAction> allCaseActions()
{
    return {CaseAction::SetStatus,  CaseAction::SetSeverity,  CaseAction::SetTlp,
            CaseAction::SetPap,     CaseAction::Assign,       CaseAction::Close,
            CaseAction::Reopen,     CaseAction::AddTask,      CaseAction::Comment,
            CaseAction::CreateCase, CaseAction::PromoteAlert, CaseAction::MergeAlert,
            CaseAction::CloseAlert, CaseAction::AttachFiles};
}

QStringList permissionsFor(CaseAction action, const HiveVersion &version)
{
    const bool split = !version.isTheHive4() && (version.major > 5 || version.minor >= 1);
    switch (action) {
    case CaseAction::AddTask:
        return {QStringLiteral("manageTask")};
    case CaseAction::AttachFiles:
        if (version.isTheHive4())
            return {QStringLiteral("manageTask")};
        break;
    case CaseAction::Comment:
        return {QStringLiteral("manageComment")};
    case CaseAction::CreateCase:
        return {split ? QStringLiteral("manageCase/create") : QStringLiteral("manageCase")};
    case CaseAction::PromoteAlert:
    case CaseAction::MergeAlert:
        return {split ? QStringLiteral("manageAlert/import") : QStringLiteral("manageAlert")};
    case CaseAction::CloseAlert:
        return {split ? QStringLiteral("manageAlert/update") : QStringLiteral("manageAlert")};
    case CaseAction::Reopen:
        if (!split)
            return {QStringLiteral("manageCase")};
        if (version.major == 5 && version.minor == 1) // no reopen permission yet
            return {QStringLiteral("manageCase/update")};
        if (version.major == 5 && version.minor == 2) // it came in 5.2.6
            return {QStringLiteral("manageCase/reopen"), QStringLiteral("manageCase/update")};
        return {QStringLiteral("manageCase/reopen")};
    case CaseAction::SetStatus:
    case CaseAction::SetSeverity:
    case CaseAction::SetTlp:
    case CaseAction::SetPap:
    case CaseAction::Assign:
    case CaseAction::Close:
        break;
    }
    return {split ? QStringLiteral("manageCase/update") : QStringLiteral("manageCase")};
}

QString describeAction(CaseAction action)
{
    // English on purpose: these words go to Slack users in refusals.
    switch (action) {
    case CaseAction::SetStatus:
        return QStringLiteral("change the status");
    case CaseAction::SetSeverity:
        return QStringLiteral("change the severity");
    case CaseAction::SetTlp:
        return QStringLiteral("change the TLP");
    case CaseAction::SetPap:
        return QStringLiteral("change the PAP");
    case CaseAction::Assign:
        return QStringLiteral("assign the case");
    case CaseAction::Close:
        return QStringLiteral("close the case");
    case CaseAction::Reopen:
        return QStringLiteral("reopen the case");
    case CaseAction::AddTask:
        return QStringLiteral("add tasks");
    case CaseAction::Comment:
        return QStringLiteral("comment");
    case CaseAction::CreateCase:
        return QStringLiteral("create cases");
    case CaseAction::PromoteAlert:
        return QStringLiteral("promote alerts to cases");
    case CaseAction::MergeAlert:
        return QStringLiteral("merge alerts into cases");
    case CaseAction::CloseAlert:
        return QStringLiteral("close alerts");
    case CaseAction::AttachFiles:
        return QStringLiteral("attach files to cases");
    }
    return {};
}

} // namespace Bridge
