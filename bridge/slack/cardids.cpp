#include "slack/cardids.h"

namespace Bridge {

namespace CardIds {

QString blockId(const QString &part, const QString &caseId, const QString &rev)
{
    return QStringLiteral("hs:") + part + u':' + caseId + u':' + rev;
}

bool isCardActionId(const QString &actionId)
{
    for (const QLatin1StringView id :
         {Status, Severity, Tlp, Pap, Assignee, AssignMe, AddTask, Close, Reopen, OpenCase}) {
        if (actionId == id)
            return true;
    }
    return false;
}

} // namespace CardIds

std::optional<QString> caseIdFromBlockId(const QString &blockId)
{
    if (!blockId.startsWith(QLatin1StringView("hs:")))
        return std::nullopt;
    const qsizetype partEnd = blockId.indexOf(u':', 3);
    const qsizetype revStart = blockId.lastIndexOf(u':') + 1;
    // Need a non-empty part, case id and rev: "hs:" part ':' caseId ':' rev.
    if (partEnd <= 3 || revStart <= partEnd + 1 || revStart >= blockId.size())
        return std::nullopt;
    const QString caseId = blockId.mid(partEnd + 1, revStart - 1 - (partEnd + 1));
    if (caseId.isEmpty())
        return std::nullopt;
    return caseId;
}

std::optional<CardAction> cardActionFrom(const QString &actionId, const QString &blockId)
{
    if (!CardIds::isCardActionId(actionId))
        return std::nullopt;
    const std::optional<QString> caseId = caseIdFromBlockId(blockId);
    if (!caseId)
        return std::nullopt;
    return CardAction{actionId, *caseId};
}

} // namespace Bridge
