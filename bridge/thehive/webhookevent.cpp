#include "thehive/webhookevent.h"

#include "thehive/hivejson.h"

#include <QHash>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QStringList>

namespace Bridge {

using namespace Qt::StringLiterals;
using namespace HiveJson;

namespace {

/// TheHive 3 sent Creation/Update/Delete; TheHive 4 and 5 send the lower-case verbs.
QString normaliseAction(const QString &raw)
{
    const QString lower = raw.trimmed().toLower();
    if (lower == "creation"_L1)
        return u"create"_s;
    return lower;
}

bool isTheHive3Operation(const QString &raw)
{
    return raw == "Creation"_L1 || raw == "Update"_L1 || raw == "Delete"_L1;
}

/// Maps the version-0 labels back to TheHive's own; other v0 labels are plain lower-cased
/// ones ("user", "case_template"), which get their capitals back.
QString normaliseObjectType(const QString &raw)
{
    static const QHash<QString, QString> v0Names = {
        {u"case"_s, u"Case"_s},         {u"case_task"_s, u"Task"_s},
        {u"case_task_log"_s, u"Log"_s}, {u"case_artifact"_s, u"Observable"_s},
        {u"alert"_s, u"Alert"_s},       {u"case_artifact_job"_s, u"Job"_s},
    };
    const QString trimmed = raw.trimmed();
    if (const auto it = v0Names.constFind(trimmed); it != v0Names.cend())
        return *it;
    if (trimmed.isEmpty() || !trimmed.at(0).isLower())
        return trimmed;
    QString camel;
    for (const QString &part : trimmed.split(u'_', Qt::SkipEmptyParts))
        camel += part.left(1).toUpper() + part.mid(1);
    return camel;
}

/// Objects whose rootId is the case when they hang under a case.
bool isCaseChildType(const QString &type)
{
    static const QStringList children = {u"Task"_s,    u"Log"_s,  u"Observable"_s,
                                         u"Comment"_s, u"Page"_s, u"Procedure"_s};
    return children.contains(type);
}

/// TheHive 4 v0 observables carry their parent as "case" or "alert".
bool belongsToAlert(const QJsonObject &object)
{
    return object.contains("alert"_L1) && !object.contains("case"_L1);
}

/// TheHive 4 v0 nests the case under tasks ("case") and logs ("case_task" → "case").
std::optional<qint64> nestedV0CaseNumber(const QJsonObject &object)
{
    const QJsonObject directCase = object.value("case"_L1).toObject();
    if (const auto n = firstInt64(directCase, {"caseId"_L1, "number"_L1}))
        return n;
    const QJsonObject taskCase =
        object.value("case_task"_L1).toObject().value("case"_L1).toObject();
    return firstInt64(taskCase, {"caseId"_L1, "number"_L1});
}

void resolveCase(HiveEvent &e)
{
    const QString contextType = toString(e.context.value("_type"_L1)).toLower();
    if (e.objectType == "Case"_L1) {
        e.caseId = e.objectId;
    } else if (contextType == "case"_L1) {
        e.caseId = e.rootId;
    } else if (contextType != "alert"_L1 && isCaseChildType(e.objectType) &&
               !belongsToAlert(e.object)) {
        e.caseId = e.rootId;
    }
    if (e.caseId.isEmpty())
        return;

    std::optional<qint64> number;
    if (e.objectType == "Case"_L1)
        number = firstInt64(e.object, {"number"_L1, "caseId"_L1});
    if (!number && (contextType.isEmpty() || contextType == "case"_L1))
        number = firstInt64(e.context, {"number"_L1});
    if (!number)
        number = nestedV0CaseNumber(e.object);
    if (!number && e.objectType == "Case"_L1)
        number = firstInt64(e.details, {"number"_L1, "caseId"_L1});
    e.caseNumber = number.value_or(0);
}

/// TheHive 5 names the actor on the audit; older payloads only on the object.
QString resolveActor(const QJsonObject &json, const HiveEvent &e)
{
    QString actor = firstString(json, {"_createdBy"_L1, "updatedBy"_L1, "_updatedBy"_L1});
    if (!actor.isEmpty())
        return actor;
    if (e.action == "create"_L1) {
        actor = firstString(e.object, {"_createdBy"_L1, "createdBy"_L1});
        return actor.isEmpty() ? firstString(e.details, {"_createdBy"_L1, "createdBy"_L1}) : actor;
    }
    return firstString(e.object, {"_updatedBy"_L1, "updatedBy"_L1});
}

} // namespace

QString HiveEvent::dedupeKey() const
{
    const QString org = organisation.isEmpty() ? organisationId : organisation;
    return requestId + u'|' + objectId + u'|' + action + u'|' + org;
}

bool HiveEvent::isCaseEvent() const
{
    return objectType == "Case"_L1;
}

bool HiveEvent::isTaskCreation() const
{
    return objectType == "Task"_L1 && action == "create"_L1;
}

bool HiveEvent::isCaseComment() const
{
    return objectType == "Comment"_L1 && action == "create"_L1 && !caseId.isEmpty();
}

bool HiveEvent::isAlertEvent() const
{
    return objectType == "Alert"_L1 && !objectId.isEmpty() &&
           (action == "create"_L1 || action == "update"_L1 || action == "delete"_L1 ||
            action == "merge"_L1);
}

WebhookParse parseWebhook(const QByteArray &body)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return {std::nullopt, u"malformed JSON at offset %1: %2"_s.arg(parseError.offset)
                                  .arg(parseError.errorString())};
    }
    if (!doc.isObject())
        return {std::nullopt, u"JSON body is not an object"_s};
    const QJsonObject json = doc.object();

    HiveEvent e;
    QString rawAction;
    if (json.value("action"_L1).isString()) {
        e.family = HiveEvent::Family::TheHive5;
        rawAction = json.value("action"_L1).toString();
    } else if (json.value("operation"_L1).isString()) {
        rawAction = json.value("operation"_L1).toString();
        e.family = isTheHive3Operation(rawAction.trimmed()) ? HiveEvent::Family::TheHive3
                                                            : HiveEvent::Family::TheHive4;
    }
    e.action = normaliseAction(rawAction);
    if (e.action.isEmpty())
        return {std::nullopt, u"not a TheHive event: no action or operation"_s};
    e.objectType = normaliseObjectType(toString(json.value("objectType"_L1)));
    if (e.objectType.isEmpty())
        return {std::nullopt, u"not a TheHive event: no objectType"_s};

    e.objectId = toString(json.value("objectId"_L1));
    e.rootId = toString(json.value("rootId"_L1));
    e.requestId = toString(json.value("requestId"_L1));
    e.details = toObject(json.value("details"_L1));
    e.object = toObject(json.value("object"_L1));
    e.context = toObject(json.value("context"_L1));
    e.mainAction = toBool(
        json.contains("mainAction"_L1) ? json.value("mainAction"_L1) : json.value("base"_L1), true);
    e.timestampMs = firstInt64(json, {"_createdAt"_L1, "startDate"_L1}).value_or(0);

    const QJsonValue org = json.value("organisation"_L1);
    e.organisation = organisationName(org);
    e.organisationId = org.isObject() ? toString(org.toObject().value("organisationId"_L1))
                                      : toString(json.value("organisationId"_L1));

    resolveCase(e);
    e.actor = resolveActor(json, e);
    return {std::move(e), {}};
}

} // namespace Bridge
