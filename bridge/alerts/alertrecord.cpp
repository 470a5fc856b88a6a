#include "alerts/alertrecord.h"

#include "thehive/dialect.h"
#include "thehive/hivejson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>

namespace Bridge {

using namespace Qt::StringLiterals;
using namespace HiveJson;

namespace {

int intField(const QJsonObject &json, QLatin1StringView key, int fallback)
{
    return int(toInt64(json.value(key)).value_or(fallback));
}

QStringList strings(const QJsonValue &value)
{
    QStringList out;
    for (const QJsonValue &v : value.toArray()) {
        if (const QString s = toString(v); !s.isEmpty())
            out.append(s);
    }
    return out;
}

/// TheHive 4 has no stage: New and Updated wait for triage, Ignored is closed.
QString stageOfTheHive4(const QString &status)
{
    if (status == "Imported"_L1)
        return u"Imported"_s;
    if (status == "Ignored"_L1)
        return u"Closed"_s;
    return u"New"_s;
}

} // namespace

AlertRecord alertFromJson(const QJsonObject &json, const HiveVersion &version)
{
    AlertRecord a;
    a.id = firstString(json, {"_id"_L1, "id"_L1});
    a.type = toString(json.value("type"_L1));
    a.source = toString(json.value("source"_L1));
    a.sourceRef = toString(json.value("sourceRef"_L1));
    a.title = toString(json.value("title"_L1));
    a.description = toString(json.value("description"_L1));
    a.severity = intField(json, "severity"_L1, a.severity);
    a.tlp = intField(json, "tlp"_L1, a.tlp);
    a.pap = intField(json, "pap"_L1, a.pap);
    a.status = toString(json.value("status"_L1));
    a.stage = toString(json.value("stage"_L1));
    if (a.stage.isEmpty() && version.isTheHive4())
        a.stage = stageOfTheHive4(a.status);
    a.tags = strings(json.value("tags"_L1));
    a.date = firstInt64(json, {"date"_L1, "_createdAt"_L1, "createdAt"_L1}).value_or(0);
    if (const auto count = firstInt64(json, {"observableCount"_L1}))
        a.observableCount = int(*count);
    else if (json.value("artifacts"_L1).isArray())
        a.observableCount = int(json.value("artifacts"_L1).toArray().size());
    // v1 names the case `caseId`; TheHive 4's v0 DTO `case`.
    a.caseId = firstString(json, {"caseId"_L1, "case"_L1});
    a.organisation = organisationName(json.value("organisation"_L1));
    return a;
}

QByteArray alertToStoredJson(const AlertRecord &a)
{
    const QJsonObject json{
        {u"id"_s, a.id},
        {u"type"_s, a.type},
        {u"source"_s, a.source},
        {u"sourceRef"_s, a.sourceRef},
        {u"title"_s, a.title},
        {u"description"_s, a.description},
        {u"severity"_s, a.severity},
        {u"tlp"_s, a.tlp},
        {u"pap"_s, a.pap},
        {u"status"_s, a.status},
        {u"stage"_s, a.stage},
        {u"tags"_s, QJsonArray::fromStringList(a.tags)},
        {u"date"_s, a.date},
        {u"observableCount"_s, a.observableCount},
        {u"caseId"_s, a.caseId},
        {u"organisation"_s, a.organisation},
    };
    return QJsonDocument(json).toJson(QJsonDocument::Compact);
}

AlertRecord alertFromStoredJson(const QByteArray &stored)
{
    const QJsonObject json = QJsonDocument::fromJson(stored).object();
    AlertRecord a;
    a.id = json.value("id"_L1).toString();
    a.type = json.value("type"_L1).toString();
    a.source = json.value("source"_L1).toString();
    a.sourceRef = json.value("sourceRef"_L1).toString();
    a.title = json.value("title"_L1).toString();
    a.description = json.value("description"_L1).toString();
    a.severity = json.value("severity"_L1).toInt(a.severity);
    a.tlp = json.value("tlp"_L1).toInt(a.tlp);
    a.pap = json.value("pap"_L1).toInt(a.pap);
    a.status = json.value("status"_L1).toString();
    a.stage = json.value("stage"_L1).toString();
    a.tags = strings(json.value("tags"_L1));
    a.date = json.value("date"_L1).toInteger();
    a.observableCount = json.value("observableCount"_L1).toInt(-1);
    a.caseId = json.value("caseId"_L1).toString();
    a.organisation = json.value("organisation"_L1).toString();
    return a;
}

QString alertUiUrl(const QUrl &uiBase, const AlertRecord &alert, const HiveVersion &version)
{
    if (alert.id.isEmpty())
        return {};
    // TheHive 4 shows an alert in a dialog over its list: the list is the only address.
    if (version.isTheHive4())
        return theHivePageUrl(uiBase, u"/index.html"_s, u"!/alert/list"_s);
    return theHivePageUrl(uiBase, u"/alerts/"_s + HiveRequests::segment(alert.id) + u"/details"_s);
}

} // namespace Bridge
