#include "core/caserecordjson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Bridge {

QByteArray caseToJson(const CaseRecord &c)
{
    const QJsonObject o{
        {u"id"_s, c.id},
        {u"number"_s, c.number},
        {u"title"_s, c.title},
        {u"description"_s, c.description},
        {u"severity"_s, c.severity},
        {u"tlp"_s, c.tlp},
        {u"pap"_s, c.pap},
        {u"status"_s, c.status},
        {u"stage"_s, c.stage},
        {u"assignee"_s, c.assignee},
        {u"tags"_s, QJsonArray::fromStringList(c.tags)},
        {u"createdAt"_s, c.createdAt},
        {u"createdBy"_s, c.createdBy},
        {u"organisation"_s, c.organisation},
        {u"resolutionStatus"_s, c.resolutionStatus},
        {u"impactStatus"_s, c.impactStatus},
        {u"summary"_s, c.summary},
        {u"taskCount"_s, c.taskCount},
        {u"restricted"_s, c.restricted},
    };
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

CaseRecord caseFromStoredJson(const QByteArray &json)
{
    const QJsonObject o = QJsonDocument::fromJson(json).object();
    CaseRecord c;
    c.id = o.value(u"id").toString();
    c.number = o.value(u"number").toInteger();
    c.title = o.value(u"title").toString();
    c.description = o.value(u"description").toString();
    c.severity = o.value(u"severity").toInt(c.severity);
    c.tlp = o.value(u"tlp").toInt(c.tlp);
    c.pap = o.value(u"pap").toInt(c.pap);
    c.status = o.value(u"status").toString();
    c.stage = o.value(u"stage").toString();
    c.assignee = o.value(u"assignee").toString();
    for (const QJsonValue &t : o.value(u"tags").toArray())
        c.tags.append(t.toString());
    c.createdAt = o.value(u"createdAt").toInteger();
    c.createdBy = o.value(u"createdBy").toString();
    c.organisation = o.value(u"organisation").toString();
    c.resolutionStatus = o.value(u"resolutionStatus").toString();
    c.impactStatus = o.value(u"impactStatus").toString();
    c.summary = o.value(u"summary").toString();
    c.taskCount = o.value(u"taskCount").toInt(-1);
    c.restricted = o.value(u"restricted").toBool();
    return c;
}

} // namespace Bridge
