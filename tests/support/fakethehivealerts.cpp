// FakeTheHive: alerts — stored, rendered (TheHive 5 OutputAlert, TheHive 4 v0/v1 DTOs), promoted
// to a case, merged into one, closed or marked read, and their webhooks.
// Sources: TheHive 4.1.24 controllers/v0/AlertCtrl.scala, controllers/v1/AlertCtrl.scala,
// services/AlertSrv.scala (createCase, mergeInCase, markAsRead), services/AuditSrv.scala
// (AlertAudit), controllers/v0/Conversion.scala (alertOutput), dto/v0|v1/Alert.scala; ScalliGraph
// Entrypoint.authPermittedTransaction; TheHive 5 docs.yaml (OutputAlert, InputUpdateAlert,
// InputCreateCaseFromAlert, x-TheHive-permissions), about-statuses.md, release
// notes 5.0/5.1/5.2/5.5.
#include "fakethehive.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace TestSupport {

namespace {

/// TheHive 5's predefined alert statuses and their stages, as its admin UI lists them (Pending is
/// an InProgress status; Other, TruePositive and Indeterminate are case statuses only).
const QList<QPair<QString, QString>> kTh5AlertStatuses{{u"New"_s, u"New"_s},
                                                       {u"InProgress"_s, u"InProgress"_s},
                                                       {u"Pending"_s, u"InProgress"_s},
                                                       {u"Imported"_s, u"Imported"_s},
                                                       {u"Duplicated"_s, u"Closed"_s},
                                                       {u"FalsePositive"_s, u"Closed"_s},
                                                       {u"Ignored"_s, u"Closed"_s}};

/// Stage of a predefined TheHive 5 alert status; empty for one it does not know.
QString alertStage(const QString &status)
{
    for (const auto &[value, stage] : kTh5AlertStatuses) {
        if (value == status)
            return stage;
    }
    return {};
}

QStringList alertStatusValues()
{
    QStringList values;
    for (const auto &entry : kTh5AlertStatuses)
        values << entry.first;
    return values;
}

bool parseBody(const RecordedRequest &request, QJsonObject *body)
{
    if (request.body.trimmed().isEmpty()) {
        *body = {};
        return true;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return false;
    *body = doc.object();
    return true;
}

bool intInRange(const QJsonValue &value, int low, int high)
{
    if (!value.isDouble())
        return false;
    const double d = value.toDouble();
    return d == int(d) && d >= low && d <= high;
}

QString shown(const QJsonValue &value)
{
    return value.isString() ? value.toString() : value.toVariant().toString();
}

QJsonValue orNull(const QJsonObject &object, const QString &key)
{
    return object.contains(key) ? object.value(key) : QJsonValue(QJsonValue::Null);
}

bool isLinked(const QJsonObject &stored)
{
    return !stored.value(u"caseId"_s).toString().isEmpty();
}

/// TheHive 4's computed, read-only alert status (v0 Conversion.alertOutput): from `read` and
/// the case link. A TheHive 5 alert counts as read once closed or imported.
QString th4Status(const QJsonObject &stored)
{
    const QString stage = stored.value(u"stage"_s).toString();
    const bool read = stored.contains(u"read"_s) ? stored.value(u"read"_s).toBool()
                                                 : stage == u"Closed" || stage == u"Imported";
    if (isLinked(stored))
        return read ? u"Imported"_s : u"Updated"_s;
    return read ? u"Ignored"_s : u"New"_s;
}

QJsonArray joinedTags(const QJsonArray &tags, const QJsonArray &more)
{
    QJsonArray joined = tags;
    for (const QJsonValue &tag : more) {
        if (!joined.contains(tag))
            joined.append(tag);
    }
    return joined;
}

/// The dates TheHive 5 keeps per stage (OutputAlert newDate, inProgressDate, closedDate,
/// importedDate).
void stampStage(QJsonObject &alert, const QString &stage, qint64 now)
{
    if (stage == u"InProgress" && !alert.contains(u"inProgressDate"_s))
        alert.insert(u"inProgressDate"_s, now);
    if (stage == u"Closed")
        alert.insert(u"closedDate"_s, now);
    else
        alert.remove(u"closedDate"_s);
    if (stage == u"Imported")
        alert.insert(u"importedDate"_s, now);
}

} // namespace

QString FakeTheHive::alertPermission(const QString &split) const
{
    // TheHive 4 and 5.0 have one manageAlert; 5.1 split it into create/delete/update/import.
    return isTheHive4() || (m_major == 5 && m_minor == 0) ? u"manageAlert"_s : split;
}

void FakeTheHive::refuseAlertTh4(const QString &entrypoint, Reply &reply) const
{
    // AlertCtrl uses authPermittedTransaction(db, manageAlert): checked before the lookup, 403.
    reply.setJson(error(u"AuthorizationError"_s, u"Your are not authorized to "_s + entrypoint +
                                                     u", you haven't the permission manageAlert"_s),
                  403);
}

QString FakeTheHive::findAlert(const QString &idOrName) const
{
    if (m_alerts.contains(idOrName))
        return idOrName;
    // An alert's name is "type;source;sourceRef".
    const QStringList name = idOrName.split(u';');
    if (name.size() != 3)
        return {};
    for (const QString &id : m_alertOrder) {
        const QJsonObject &a = m_alerts[id];
        if (a.value(u"type"_s).toString() == name[0] &&
            a.value(u"source"_s).toString() == name[1] &&
            a.value(u"sourceRef"_s).toString() == name[2])
            return id;
    }
    return {};
}

QJsonObject FakeTheHive::addAlert(const QJsonObject &fields)
{
    QJsonObject a = fields;
    if (a.contains(u"case"_s)) // the v0 name
        a.insert(u"caseId"_s, a.take(u"case"_s));
    if (!a.contains(u"_id"_s))
        a.insert(u"_id"_s, nextId());
    const QString id = a.value(u"_id"_s).toString();
    if (!a.contains(u"type"_s))
        a.insert(u"type"_s, u"external"_s);
    if (!a.contains(u"source"_s))
        a.insert(u"source"_s, u"sim"_s);
    const QString type = a.value(u"type"_s).toString();
    const QString source = a.value(u"source"_s).toString();
    const auto taken = [&](const QString &ref) {
        const QString other = findAlert(type + u';' + source + u';' + ref);
        return !other.isEmpty() && other != id;
    };
    if (!a.contains(u"sourceRef"_s)) {
        qsizetype n = m_alertOrder.size() + 1;
        while (taken(u"ref-"_s + QString::number(n)))
            ++n;
        a.insert(u"sourceRef"_s, QString(u"ref-"_s + QString::number(n)));
    } else if (taken(a.value(u"sourceRef"_s).toString())) {
        return {}; // TheHive: "Alert type:source:sourceRef already exist in organisation"
    }

    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const QJsonObject defaults{{u"title"_s, QString()},
                               {u"description"_s, QString()},
                               {u"severity"_s, 2},
                               {u"tlp"_s, 2},
                               {u"pap"_s, 2},
                               {u"date"_s, now},
                               {u"tags"_s, QJsonArray()},
                               {u"follow"_s, true},
                               {u"observableCount"_s, 0},
                               {u"_createdAt"_s, now},
                               {u"_createdBy"_s, m_apiUser}};
    for (auto it = defaults.begin(); it != defaults.end(); ++it) {
        if (!a.contains(it.key()))
            a.insert(it.key(), it.value());
    }
    if (isTheHive4()) {
        // TheHive 4 keeps only `read`; the status is computed from it and the case link.
        if (!a.contains(u"read"_s)) {
            const QString status = a.value(u"status"_s).toString();
            a.insert(u"read"_s, isLinked(a) || status == u"Ignored" || status == u"Imported");
        }
        a.remove(u"status"_s);
        a.remove(u"stage"_s);
    } else {
        if (!a.contains(u"status"_s))
            a.insert(u"status"_s, isLinked(a) ? u"Imported"_s : u"New"_s);
        if (!a.contains(u"stage"_s)) {
            const QString stage = alertStage(a.value(u"status"_s).toString());
            a.insert(u"stage"_s, stage.isEmpty() ? u"New"_s : stage); // a custom status
        }
        if (!a.contains(u"newDate"_s))
            a.insert(u"newDate"_s, a.value(u"_createdAt"_s));
        const QString stage = a.value(u"stage"_s).toString();
        if (stage != u"New")
            stampStage(a, stage, a.value(u"_createdAt"_s).toInteger());
    }
    if (!m_alerts.contains(id))
        m_alertOrder.append(id);
    m_alerts.insert(id, a);
    return renderAlertV1(a);
}

QJsonObject FakeTheHive::alertJson(const QString &id) const
{
    const QString found = findAlert(id);
    return found.isEmpty() ? QJsonObject() : renderAlertV1(m_alerts[found]);
}

QJsonObject FakeTheHive::alertJsonV0(const QString &id) const
{
    const QString found = findAlert(id);
    return found.isEmpty() ? QJsonObject() : renderAlertV0(m_alerts[found], true);
}

bool FakeTheHive::setAlertField(const QString &id, const QString &key, const QJsonValue &value)
{
    const QString found = findAlert(id);
    if (found.isEmpty())
        return false;
    QJsonObject &a = m_alerts[found];
    const QString field = key == u"case" ? u"caseId"_s : key;
    if (value.isNull() || value.isUndefined())
        a.remove(field);
    else
        a.insert(field, value);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (isTheHive4()) {
        if (field == u"status") { // computed in TheHive 4: what it implies is `read`
            const QString status = a.take(u"status"_s).toString();
            a.insert(u"read"_s, status == u"Ignored" || status == u"Imported");
        } else if (field == u"caseId" && isLinked(a)) {
            a.insert(u"read"_s, true);
        }
    } else if (field == u"status") {
        const QString stage = alertStage(value.toString());
        if (!stage.isEmpty()) {
            a.insert(u"stage"_s, stage);
            stampStage(a, stage, now);
        }
    } else if (field == u"caseId" && isLinked(a)) { // linked in TheHive: imported
        a.insert(u"status"_s, u"Imported"_s);
        a.insert(u"stage"_s, u"Imported"_s);
        stampStage(a, u"Imported"_s, now);
    }
    touch(a);
    return true;
}

QJsonObject FakeTheHive::renderAlertV1(const QJsonObject &stored) const
{
    QJsonObject a = stored;
    a.insert(u"_type"_s, u"Alert"_s);
    if (!a.contains(u"customFields"_s))
        a.insert(u"customFields"_s, QJsonArray());
    if (!a.contains(u"extraData"_s))
        a.insert(u"extraData"_s, QJsonObject());
    if (isTheHive4()) {
        // dto/v1/Alert.scala: `read`, no status, stage, summary nor assignee.
        a.remove(u"summary"_s);
        a.remove(u"assignee"_s);
        return a;
    }
    const QStringList severities{{}, u"LOW"_s, u"MEDIUM"_s, u"HIGH"_s, u"CRITICAL"_s};
    const QStringList tlps =
        hasAmberStrict()
            ? QStringList{u"CLEAR"_s, u"GREEN"_s, u"AMBER"_s, u"AMBER+STRICT"_s, u"RED"_s}
            : QStringList{u"WHITE"_s, u"GREEN"_s, u"AMBER"_s, u"RED"_s};
    const QStringList paps{hasAmberStrict() ? u"CLEAR"_s : u"WHITE"_s, u"GREEN"_s, u"AMBER"_s,
                           u"RED"_s};
    a.insert(u"severityLabel"_s, severities.value(a.value(u"severity"_s).toInt(-1)));
    a.insert(u"tlpLabel"_s, tlps.value(a.value(u"tlp"_s).toInt(-1)));
    a.insert(u"papLabel"_s, paps.value(a.value(u"pap"_s).toInt(-1)));
    a.insert(u"timeToDetect"_s, a.value(u"newDate"_s).toInteger() - a.value(u"date"_s).toInteger());
    return a;
}

QJsonObject FakeTheHive::renderAlertV0(const QJsonObject &stored, bool withArtifacts) const
{
    const QString id = stored.value(u"_id"_s).toString();
    // The alert's observables; the fake only knows how many there are.
    QJsonArray artifacts;
    const int count = withArtifacts ? stored.value(u"observableCount"_s).toInt() : 0;
    for (int i = 1; i <= count; ++i) {
        const QString artifactId = id + u'.' + QString::number(i);
        artifacts.append(QJsonObject{{u"_id"_s, artifactId},
                                     {u"id"_s, artifactId},
                                     {u"_type"_s, u"case_artifact"_s},
                                     {u"dataType"_s, u"other"_s},
                                     {u"data"_s, QString(u"observable-"_s + QString::number(i))},
                                     {u"tlp"_s, stored.value(u"tlp"_s)},
                                     {u"tags"_s, QJsonArray()},
                                     {u"ioc"_s, false},
                                     {u"sighted"_s, false},
                                     {u"status"_s, u"Ok"_s},
                                     {u"createdBy"_s, stored.value(u"_createdBy"_s)},
                                     {u"createdAt"_s, stored.value(u"_createdAt"_s)}});
    }
    // dto/v0/Alert.scala writes every optional field, null when absent.
    return {{u"_id"_s, id},
            {u"id"_s, id},
            {u"createdBy"_s, stored.value(u"_createdBy"_s)},
            {u"updatedBy"_s, orNull(stored, u"_updatedBy"_s)},
            {u"createdAt"_s, stored.value(u"_createdAt"_s)},
            {u"updatedAt"_s, orNull(stored, u"_updatedAt"_s)},
            {u"_type"_s, u"alert"_s},
            {u"type"_s, stored.value(u"type"_s)},
            {u"source"_s, stored.value(u"source"_s)},
            {u"sourceRef"_s, stored.value(u"sourceRef"_s)},
            {u"externalLink"_s, orNull(stored, u"externalLink"_s)},
            {u"case"_s, orNull(stored, u"caseId"_s)},
            {u"title"_s, stored.value(u"title"_s)},
            {u"description"_s, stored.value(u"description"_s)},
            {u"severity"_s, stored.value(u"severity"_s)},
            {u"date"_s, stored.value(u"date"_s)},
            {u"tags"_s, stored.value(u"tags"_s)},
            {u"tlp"_s, stored.value(u"tlp"_s)},
            {u"pap"_s, stored.value(u"pap"_s)},
            {u"status"_s, th4Status(stored)},
            {u"follow"_s, stored.value(u"follow"_s)},
            {u"customFields"_s, QJsonObject()},
            {u"caseTemplate"_s, orNull(stored, u"caseTemplate"_s)},
            {u"artifacts"_s, artifacts},
            {u"similarCases"_s, QJsonArray()}};
}

QJsonObject FakeTheHive::alertQueryView(const QJsonObject &item) const
{
    // TheHive 4's v1 alerts do not show `status`, but its query filter computes it.
    if (!isTheHive4() || item.value(u"_type"_s).toString() != u"Alert")
        return item;
    QJsonObject view = item;
    view.insert(u"status"_s, th4Status(m_alerts.value(item.value(u"_id"_s).toString())));
    return view;
}

QJsonArray FakeTheHive::alertStatusList() const
{
    QJsonArray list;
    int order = 0;
    for (const auto &[value, stage] : kTh5AlertStatuses) {
        list.append(QJsonObject{{u"_id"_s, QString(u"~"_s + QString::number(8192 + 4096 * order))},
                                {u"_type"_s, u"AlertStatus"_s},
                                {u"_createdAt"_s, Q_INT64_C(1700000000000)},
                                {u"_createdBy"_s, u"system@thehive.local"_s},
                                {u"value"_s, value},
                                {u"stage"_s, stage},
                                {u"order"_s, order},
                                {u"hidden"_s, false},
                                {u"extraData"_s, QJsonObject()}});
        ++order;
    }
    return list;
}

QJsonObject FakeTheHive::alertWebhook(const QString &action, const QString &alertId,
                                      const QJsonObject &details) const
{
    const QString id = findAlert(alertId);
    if (id.isEmpty())
        return {};
    const QJsonObject &stored = m_alerts[id];
    const QJsonObject v1 = renderAlertV1(stored);

    QJsonObject eventDetails = details;
    if (details.isEmpty() && action == u"create") {
        eventDetails = v1;
        if (isTheHive4()) // observables are added after the create audit
            eventDetails.insert(u"observableCount"_s, 0);
    }
    // The import itself (promote or merge) is audited on the alert with the case as context
    // (TheHive 4 AuditSrv.AlertAudit: details {caseId}; TheHive 5.5 notes: object = the alert,
    // context = the case). Other events on an imported alert keep the alert as context.
    const QString caseId = stored.value(u"caseId"_s).toString();
    const bool importEvent = !caseId.isEmpty() && m_cases.contains(caseId) &&
                             (action == u"merge" || eventDetails.contains(u"caseId"_s));
    const QString rootId = importEvent ? caseId : id;

    // On TheHive 4 the import audit's object is the case (its Audited edge points there), and
    // it is not the request's main audit: the case's create/merge audit is.
    QJsonObject object = v1;
    QJsonObject context = v1;
    if (isTheHive4())
        object = importEvent ? renderCaseV0(m_cases[caseId]) : renderAlertV0(stored, false);
    else if (importEvent)
        context = renderCaseV1(m_cases[caseId]);
    return auditEnvelope(action, action == u"merge" ? u"update"_s : action.toLower(), eventDetails,
                         stored, id, u"Alert"_s, rootId, !importEvent, object, context);
}

void FakeTheHive::getAlert(const QString &idOrName, bool v1, Reply &reply) const
{
    const QString id = findAlert(idOrName);
    if (id.isEmpty())
        return reply.setJson(error(u"NotFoundError"_s, u"Alert not found"_s), 404);
    reply.setJson(v1 ? renderAlertV1(m_alerts[id]) : renderAlertV0(m_alerts[id], true));
}

void FakeTheHive::patchAlert(const RecordedRequest &request, const QString &idOrName, bool v1,
                             Reply &reply)
{
    QJsonObject body;
    if (!parseBody(request, &body))
        return reply.setJson(error(u"BadRequest"_s, u"Invalid Json"_s), 400);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();

    if (isTheHive4()) {
        if (!can(m_caller, u"manageAlert"_s))
            return refuseAlertTh4(u"update alert"_s, reply);
        const QString id = findAlert(idOrName);
        if (id.isEmpty())
            return reply.setJson(error(u"NotFoundError"_s, u"Alert not found"_s), 404);
        // FieldsParser.update keeps the updatable properties of PublicAlert and drops the rest
        // (status, case, imported… are read-only): no error, no change.
        static const QStringList updatable{
            u"type"_s,     u"source"_s, u"sourceRef"_s,    u"title"_s,  u"description"_s,
            u"severity"_s, u"date"_s,   u"lastSyncDate"_s, u"tags"_s,   u"flag"_s,
            u"tlp"_s,      u"pap"_s,    u"read"_s,         u"follow"_s, u"summary"_s};
        QJsonObject &a = m_alerts[id];
        for (auto it = body.begin(); it != body.end(); ++it) {
            if (!updatable.contains(it.key()))
                continue;
            if (it.value().isNull())
                a.remove(it.key());
            else
                a.insert(it.key(), it.value());
        }
        touch(a);
        if (v1)
            reply.setEmpty(204);
        else
            reply.setJson(renderAlertV0(a, true));
        return;
    }

    const QString id = findAlert(idOrName);
    if (id.isEmpty())
        return reply.setJson(error(u"NotFoundError"_s, u"Alert not found"_s), 404);
    if (!can(m_caller, alertPermission(u"manageAlert/update"_s)))
        return refuse(u"update the alert"_s, u"Alert"_s, reply);

    // InputUpdateAlert (docs.yaml).
    static const QStringList allowed{
        u"type"_s,        u"source"_s,   u"sourceRef"_s, u"externalLink"_s, u"title"_s,
        u"description"_s, u"severity"_s, u"date"_s,      u"lastSyncDate"_s, u"tags"_s,
        u"tlp"_s,         u"pap"_s,      u"follow"_s,    u"customFields"_s, u"status"_s,
        u"summary"_s,     u"assignee"_s, u"addTags"_s,   u"removeTags"_s};
    const auto refuseWith = [&reply](int status, const QString &type, const QString &message) {
        reply.setJson(error(type, message), status);
    };
    for (auto it = body.begin(); it != body.end(); ++it) {
        const QString key = it.key();
        const QJsonValue value = it.value();
        const QString invalid = u"[Invalid format for "_s + key + u": "_s + shown(value) + u']';
        if (!allowed.contains(key))
            return refuseWith(400, u"AttributeCheckingError"_s,
                              u"[Unknown attribute "_s + key + u']');
        if ((key == u"severity" && !intInRange(value, 1, 4)) ||
            (key == u"tlp" && !intInRange(value, 0, hasAmberStrict() ? 4 : 3)) ||
            (key == u"pap" && !intInRange(value, 0, 3)) ||
            (key == u"title" && value.toString().isEmpty()))
            return refuseWith(400, u"AttributeCheckingError"_s, invalid);
        if (key == u"status") {
            const QString status = value.toString();
            if (status == u"Imported") // only promote and merge set it
                return refuseWith(400, u"BadRequest"_s,
                                  u"The status Imported can't be set manually"_s);
            if (alertStage(status).isEmpty()) {
                QJsonObject err = error(u"AttributeCheckingError"_s,
                                        u"[Invalid format for status: "_s + shown(value) +
                                            u", expected AlertStatus ("_s +
                                            alertStatusValues().join(u',') + u")]"_s);
                err.insert(u"errors"_s,
                           QJsonArray{QJsonObject{{u"name"_s, u"status"_s},
                                                  {u"format"_s, u"AlertStatus"_s},
                                                  {u"acceptedInput"_s,
                                                   QJsonArray::fromStringList(alertStatusValues())},
                                                  {u"field"_s, shown(value)},
                                                  {u"type"_s, u"InvalidFormatAttributeError"_s}}});
                return reply.setJson(err, 400);
            }
        }
        if (key == u"assignee" && !value.toString().isEmpty() && !isAssignable(value.toString()))
            return refuseWith(404, u"NotFoundError"_s, u"User not found"_s);
    }

    QJsonObject a = m_alerts[id];
    const QString newStage = alertStage(body.value(u"status"_s).toString());
    if (!newStage.isEmpty()) {
        // Back from Closed to New/InProgress, or from InProgress to New, is a reopening
        // (manageAlert/reopen, 5.2 "Manage Restart Alert").
        const QString stage = a.value(u"stage"_s).toString();
        const bool reopening =
            (stage == u"Closed" && (newStage == u"New" || newStage == u"InProgress")) ||
            (stage == u"InProgress" && newStage == u"New");
        const bool split = m_major > 5 || (m_major == 5 && m_minor >= 2);
        if (reopening && split && !can(m_caller, u"manageAlert/reopen"_s))
            return refuse(u"reopen the alert"_s, u"Alert"_s, reply);
    }
    for (auto it = body.begin(); it != body.end(); ++it) {
        const QString key = it.key();
        const QJsonValue value = it.value();
        if (key == u"addTags" || key == u"removeTags") {
            QStringList tags = a.value(u"tags"_s).toVariant().toStringList();
            for (const QJsonValue &tag : value.toArray()) {
                if (key == u"addTags" && !tags.contains(tag.toString()))
                    tags.append(tag.toString());
                else if (key == u"removeTags")
                    tags.removeAll(tag.toString());
            }
            a.insert(u"tags"_s, QJsonArray::fromStringList(tags));
        } else if (value.isNull() || (key == u"assignee" && value.toString().isEmpty())) {
            a.remove(key);
        } else {
            a.insert(key, value);
        }
    }
    if (!newStage.isEmpty()) {
        a.insert(u"stage"_s, newStage);
        stampStage(a, newStage, now);
    }
    touch(a);
    m_alerts.insert(id, a);
    reply.setEmpty(204);
}

void FakeTheHive::promoteAlert(const RecordedRequest &request, const QString &idOrName, bool v1,
                               Reply &reply)
{
    QJsonObject body;
    if (!parseBody(request, &body))
        return reply.setJson(error(u"BadRequest"_s, u"Invalid Json"_s), 400);
    const bool th4 = isTheHive4();
    if (th4 && !can(m_caller, u"manageAlert"_s))
        return refuseAlertTh4(u"create case from alert"_s, reply);
    const QString alertId = findAlert(idOrName);
    if (alertId.isEmpty())
        return reply.setJson(error(u"NotFoundError"_s, u"Alert not found"_s), 404);
    if (!th4 && !can(m_caller, alertPermission(u"manageAlert/import"_s)))
        return refuse(u"import the alert"_s, u"Alert"_s, reply);
    const QJsonObject alert = m_alerts[alertId];
    const QString templateName =
        body.value(u"caseTemplate"_s).toString(alert.value(u"caseTemplate"_s).toString());
    const QJsonObject *caseTemplate = nullptr;
    if (!templateName.isEmpty()) {
        caseTemplate = findTemplate(templateName);
        if (!caseTemplate)
            return reply.setJson(error(u"NotFoundError"_s, u"CaseTemplate not found"_s), 404);
    }
    const QString linked = alert.value(u"caseId"_s).toString();
    if (th4 && m_cases.contains(linked)) {
        // AlertSrv.createCase: an alert that has its case gives that case back, unchanged.
        const QJsonObject &existing = m_cases[linked];
        return reply.setJson(v1 ? renderCaseV1(existing) : renderCaseV0(existing), 201);
    }
    if (!th4 && (!linked.isEmpty() || alert.value(u"stage"_s).toString() == u"Imported"))
        return reply.setJson(error(u"BadRequest"_s, u"Alert is already imported"_s), 400);

    QJsonObject fields{{u"_createdBy"_s, m_caller}};
    QJsonArray tags = alert.value(u"tags"_s).toArray();
    QString title = alert.value(u"title"_s).toString();
    if (th4) {
        // AlertSrv.createCase: the alert's levels, the template's prefix glued to the title;
        // the caller is the assignee when it may manage cases.
        if (caseTemplate)
            title = caseTemplate->value(u"titlePrefix"_s).toString() + title;
        for (const QString &key : {u"description"_s, u"severity"_s, u"tlp"_s, u"pap"_s})
            fields.insert(key, alert.value(key));
        if (can(m_caller, u"manageCase"_s))
            fields.insert(u"assignee"_s, m_caller);
    } else {
        // InputCreateCaseFromAlert: what the request gives wins over the alert.
        const int tlpHigh = hasAmberStrict() ? 4 : 3;
        for (const auto &[key, low, high] :
             {std::tuple{u"severity"_s, 1, 4}, std::tuple{u"tlp"_s, 0, tlpHigh},
              std::tuple{u"pap"_s, 0, 3}}) {
            const QJsonValue value = body.value(key);
            if (!value.isUndefined() && !intInRange(value, low, high))
                return reply.setJson(error(u"AttributeCheckingError"_s,
                                           u"[Invalid value for %1: %2]"_s.arg(key, shown(value))),
                                     400);
            fields.insert(key, value.isUndefined() ? alert.value(key) : value);
        }
        const QString assignee = body.value(u"assignee"_s).toString();
        if (!assignee.isEmpty() && !isAssignable(assignee))
            return reply.setJson(error(u"NotFoundError"_s, u"User not found"_s), 404);
        if (!assignee.isEmpty())
            fields.insert(u"assignee"_s, assignee);
        title = body.value(u"title"_s).toString(title);
        fields.insert(
            u"description"_s,
            body.value(u"description"_s).toString(alert.value(u"description"_s).toString()));
        if (body.contains(u"tags"_s))
            tags = body.value(u"tags"_s).toArray();
        for (const QString &key : {u"flag"_s, u"summary"_s}) {
            if (body.contains(key))
                fields.insert(key, body.value(key));
        }
        // As a case created with the template: its prefix before the title (postCase).
        const QString prefix =
            caseTemplate ? caseTemplate->value(u"titlePrefix"_s).toString().trimmed() : QString();
        if (!prefix.isEmpty())
            title = prefix + u' ' + title;
    }
    if (caseTemplate)
        tags = joinedTags(tags, caseTemplate->value(u"tags"_s).toArray());
    fields.insert(u"title"_s, title);
    fields.insert(u"tags"_s, tags);
    const QString caseId = addCase(fields).value(u"_id"_s).toString();
    if (caseTemplate) {
        for (const QJsonValue &task : caseTemplate->value(u"tasks"_s).toArray())
            storeTask(caseId, task.toObject(), m_caller);
    }
    if (!th4) {
        for (const QJsonValue &task : body.value(u"tasks"_s).toArray())
            storeTask(caseId, task.toObject(), m_caller);
    }

    QJsonObject &a = m_alerts[alertId];
    a.insert(u"caseId"_s, caseId);
    if (th4) {
        a.insert(u"read"_s, true);
    } else {
        a.insert(u"status"_s, u"Imported"_s);
        a.insert(u"stage"_s, u"Imported"_s);
        stampStage(a, u"Imported"_s, QDateTime::currentMSecsSinceEpoch());
    }
    touch(a);
    const QJsonObject &created = m_cases[caseId];
    reply.setJson(th4 && !v1 ? renderCaseV0(created) : renderCaseV1(created), 201);
    // After the answer, as TheHive's webhooks follow its commit.
    QMetaObject::invokeMethod(
        this,
        [this, alertId, caseId] {
            Q_EMIT caseCreated(caseId);
            Q_EMIT alertImported(alertId, caseId);
        },
        Qt::QueuedConnection);
}

void FakeTheHive::mergeAlert(const QString &idOrName, const QString &caseIdOrNumber, bool v1,
                             Reply &reply)
{
    const bool th4 = isTheHive4();
    if (th4 && !can(m_caller, u"manageAlert"_s))
        return refuseAlertTh4(u"merge alert with case"_s, reply);
    const QString alertId = findAlert(idOrName);
    if (alertId.isEmpty())
        return reply.setJson(error(u"NotFoundError"_s, u"Alert not found"_s), 404);
    if (!th4 && !can(m_caller, alertPermission(u"manageAlert/import"_s)))
        return refuse(u"merge the alert"_s, u"Alert"_s, reply);
    // TheHive 4 selects the case with .can(manageCase): without it the case looks missing.
    const QString caseId =
        th4 ? (can(m_caller, u"manageCase"_s) ? findCase(caseIdOrNumber) : QString())
            : findVisibleCase(caseIdOrNumber);
    if (caseId.isEmpty())
        return reply.setJson(error(u"NotFoundError"_s, u"Case not found"_s), 404);
    QJsonObject &a = m_alerts[alertId];
    if (isLinked(a) || a.value(u"stage"_s).toString() == u"Imported")
        return reply.setJson(error(u"BadRequest"_s, u"Alert is already imported"_s), 400);

    QJsonObject &c = m_cases[caseId];
    c.insert(u"tags"_s, joinedTags(c.value(u"tags"_s).toArray(), a.value(u"tags"_s).toArray()));
    if (th4) { // AlertSrv.mergeInCase appends the alert to the case's description
        const QString merged =
            c.value(u"description"_s).toString() + u"\n  \n#### Merged with alert #"_s +
            a.value(u"sourceRef"_s).toString() + u' ' + a.value(u"title"_s).toString() + u"\n\n"_s +
            a.value(u"description"_s).toString().trimmed();
        c.insert(u"description"_s, merged);
    }
    touch(c);
    a.insert(u"caseId"_s, caseId);
    if (th4) {
        a.insert(u"read"_s, true);
    } else {
        a.insert(u"status"_s, u"Imported"_s);
        a.insert(u"stage"_s, u"Imported"_s);
        stampStage(a, u"Imported"_s, QDateTime::currentMSecsSinceEpoch());
    }
    touch(a);
    reply.setJson(v1 ? renderCaseV1(c) : renderCaseV0(c));
    QMetaObject::invokeMethod(
        this, [this, alertId, caseId] { Q_EMIT alertImported(alertId, caseId); },
        Qt::QueuedConnection);
}

void FakeTheHive::markAlertRead(const QString &idOrName, bool read, bool v1, Reply &reply)
{
    if (!can(m_caller, u"manageAlert"_s))
        return refuseAlertTh4(read ? u"mark alert as read"_s : u"mark alert as unread"_s, reply);
    const QString id = findAlert(idOrName);
    if (id.isEmpty())
        return reply.setJson(error(u"NotFoundError"_s, u"Alert not found"_s), 404);
    QJsonObject &a = m_alerts[id];
    a.insert(u"read"_s, read);
    touch(a);
    // v0 answers with the alert and its observables; v1 with nothing.
    if (v1)
        reply.setEmpty(204);
    else
        reply.setJson(renderAlertV0(a, true));
}

} // namespace TestSupport
