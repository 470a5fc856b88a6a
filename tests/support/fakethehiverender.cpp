// FakeTheHive: the JSON shapes TheHive sends (v0 and v1 DTOs, webhook payloads).
// See shared/docs/thehive-api.md §1.7 and §2, and tests/fixtures/thehive/*.json.
#include "fakethehive.h"

#include <QDateTime>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace TestSupport {

namespace {

QString label(const QStringList &labels, const QJsonValue &value)
{
    return labels.value(value.toInt(-1));
}

QJsonValue orNull(const QJsonObject &object, const QString &key)
{
    return object.contains(key) ? object.value(key) : QJsonValue(QJsonValue::Null);
}

/// TheHive 4's v0 `roles` from permissions (v0 UserConversion.permissions2Roles).
QJsonArray rolesOf(const QStringList &permissions)
{
    QJsonArray roles{u"read"_s};
    const bool admin =
        permissions.contains(u"manageUser"_s) || permissions.contains(u"manageOrganisation"_s);
    const bool alert = permissions.contains(u"manageAlert"_s);
    if (admin || permissions.size() > (alert ? 1 : 0))
        roles.append(u"write"_s);
    if (admin)
        roles.append(u"admin"_s);
    if (admin || alert)
        roles.append(u"alert"_s);
    return roles;
}

} // namespace

QJsonObject FakeTheHive::renderCaseV1(const QJsonObject &stored) const
{
    QJsonObject c = stored;
    c.insert(u"_type"_s, u"Case"_s);
    if (!c.contains(u"customFields"_s))
        c.insert(u"customFields"_s, QJsonArray());
    if (!c.contains(u"extraData"_s))
        c.insert(u"extraData"_s, QJsonObject());
    if (isTheHive4())
        return c;

    // 5.5 added restricted cases; unrestricted ones say so.
    if (!hasRestrictedCases())
        c.remove(u"access"_s);
    else if (!c.contains(u"access"_s))
        c.insert(u"access"_s, QJsonObject{{u"_kind"_s, u"OrganisationAccessKind"_s}});

    // TheHive 5 adds upper-case labels; 5.2 renamed WHITE to CLEAR and added AMBER+STRICT.
    const QStringList severities{{}, u"LOW"_s, u"MEDIUM"_s, u"HIGH"_s, u"CRITICAL"_s};
    const QStringList tlps =
        hasAmberStrict()
            ? QStringList{u"CLEAR"_s, u"GREEN"_s, u"AMBER"_s, u"AMBER+STRICT"_s, u"RED"_s}
            : QStringList{u"WHITE"_s, u"GREEN"_s, u"AMBER"_s, u"RED"_s};
    const QStringList paps{hasAmberStrict() ? u"CLEAR"_s : u"WHITE"_s, u"GREEN"_s, u"AMBER"_s,
                           u"RED"_s};
    c.insert(u"severityLabel"_s, label(severities, c.value(u"severity"_s)));
    c.insert(u"tlpLabel"_s, label(tlps, c.value(u"tlp"_s)));
    c.insert(u"papLabel"_s, label(paps, c.value(u"pap"_s)));
    // Null until the case is first updated, as in TheHive 5's webhooks (th5-v1-case-create.json).
    c.insert(u"_updatedBy"_s, orNull(stored, u"_updatedBy"_s));
    c.insert(u"_updatedAt"_s, orNull(stored, u"_updatedAt"_s));
    if (!c.contains(u"userPermissions"_s)) // the caller's, not an analyst's
        c.insert(u"userPermissions"_s, QJsonArray::fromStringList(permissionsOf(m_caller)));
    if (!c.contains(u"customFieldValues"_s))
        c.insert(u"customFieldValues"_s, QJsonObject());
    return c;
}

QJsonObject FakeTheHive::renderCaseV0(const QJsonObject &stored) const
{
    const QString id = stored.value(u"_id"_s).toString();
    return {{u"_id"_s, id},
            {u"id"_s, id},
            {u"_type"_s, u"case"_s},
            {u"caseId"_s, stored.value(u"number"_s)},
            {u"title"_s, stored.value(u"title"_s)},
            {u"description"_s, stored.value(u"description"_s)},
            {u"severity"_s, stored.value(u"severity"_s)},
            {u"startDate"_s, stored.value(u"startDate"_s)},
            {u"endDate"_s, orNull(stored, u"endDate"_s)},
            {u"impactStatus"_s, orNull(stored, u"impactStatus"_s)},
            {u"resolutionStatus"_s, orNull(stored, u"resolutionStatus"_s)},
            {u"tags"_s, stored.value(u"tags"_s)},
            {u"flag"_s, stored.value(u"flag"_s)},
            {u"tlp"_s, stored.value(u"tlp"_s)},
            {u"pap"_s, stored.value(u"pap"_s)},
            {u"status"_s, stored.value(u"status"_s)},
            {u"summary"_s, orNull(stored, u"summary"_s)},
            {u"owner"_s, orNull(stored, u"assignee"_s)},
            {u"createdBy"_s, stored.value(u"_createdBy"_s)},
            {u"createdAt"_s, stored.value(u"_createdAt"_s)},
            {u"updatedBy"_s, orNull(stored, u"_updatedBy"_s)},
            {u"updatedAt"_s, orNull(stored, u"_updatedAt"_s)},
            {u"customFields"_s, QJsonObject()},
            {u"stats"_s, QJsonObject()},
            {u"permissions"_s, QJsonArray()}};
}

QJsonObject FakeTheHive::renderTaskV1(const QJsonObject &stored) const
{
    QJsonObject t = stored;
    t.remove(u"_caseId"_s);
    t.insert(u"_type"_s, u"Task"_s);
    t.insert(u"extraData"_s, QJsonObject());
    return t;
}

QJsonObject FakeTheHive::renderTaskV0(const QJsonObject &stored) const
{
    const QString id = stored.value(u"_id"_s).toString();
    return {{u"_id"_s, id},
            {u"id"_s, id},
            {u"_type"_s, u"case_task"_s},
            {u"title"_s, stored.value(u"title"_s)},
            {u"group"_s, stored.value(u"group"_s)},
            {u"description"_s, stored.value(u"description"_s)},
            {u"owner"_s, orNull(stored, u"assignee"_s)},
            {u"status"_s, stored.value(u"status"_s)},
            {u"flag"_s, stored.value(u"flag"_s)},
            {u"order"_s, stored.value(u"order"_s)},
            {u"startDate"_s, orNull(stored, u"startDate"_s)},
            {u"endDate"_s, orNull(stored, u"endDate"_s)},
            {u"dueDate"_s, orNull(stored, u"dueDate"_s)},
            {u"createdBy"_s, stored.value(u"_createdBy"_s)},
            {u"createdAt"_s, stored.value(u"_createdAt"_s)},
            {u"updatedBy"_s, orNull(stored, u"_updatedBy"_s)},
            {u"updatedAt"_s, orNull(stored, u"_updatedAt"_s)}};
}

QJsonObject FakeTheHive::apiUser() const
{
    return {{u"_id"_s, u"~4096"_s},
            {u"login"_s, m_apiUser},
            {u"name"_s, u"HiveSlack"_s},
            {u"locked"_s, false},
            {u"profile"_s, m_apiUserProfile},
            {u"_createdAt"_s, Q_INT64_C(1700000000000)},
            {u"_createdBy"_s, u"admin@thehive.local"_s}};
}

QJsonObject FakeTheHive::renderUserV1(const QJsonObject &stored) const
{
    QJsonObject user = stored;
    user.insert(u"hasKey"_s, user.value(u"login"_s) == m_apiUser);
    user.insert(u"hasPassword"_s, true);
    user.insert(u"hasMFA"_s, false);
    const QString profile = stored.value(u"profile"_s).toString();
    user.insert(u"profile"_s, profile);
    user.insert(u"permissions"_s, QJsonArray::fromStringList(profilePermissions(profile)));
    user.insert(u"organisation"_s, m_organisation);
    user.insert(u"organisations"_s, QJsonArray{QJsonObject{{u"organisationId"_s, m_organisationId},
                                                           {u"organisation"_s, m_organisation},
                                                           {u"profile"_s, profile}}});
    if (!isTheHive4())
        user.insert(u"type"_s, user.value(u"login"_s) == m_apiUser ? u"Service"_s : u"Normal"_s);
    return user;
}

QJsonObject FakeTheHive::renderUserV0(const QJsonObject &stored) const
{
    const QString id = stored.value(u"_id"_s).toString();
    return {{u"_id"_s, id},
            {u"id"_s, id},
            {u"_type"_s, u"user"_s},
            {u"login"_s, stored.value(u"login"_s)},
            {u"name"_s, stored.value(u"name"_s)},
            {u"roles"_s, rolesOf(profilePermissions(stored.value(u"profile"_s).toString()))},
            {u"organisation"_s, m_organisation},
            {u"hasKey"_s, stored.value(u"login"_s) == m_apiUser},
            {u"status"_s, stored.value(u"locked"_s).toBool() ? u"Locked"_s : u"Ok"_s},
            {u"createdBy"_s, stored.value(u"_createdBy"_s)},
            {u"createdAt"_s, stored.value(u"_createdAt"_s)},
            {u"updatedBy"_s, QJsonValue::Null},
            {u"updatedAt"_s, QJsonValue::Null}};
}

QJsonObject FakeTheHive::auditEnvelope(const QString &action, const QString &operation,
                                       QJsonObject details, const QJsonObject &stored,
                                       const QString &objectId, const QString &objectType,
                                       const QString &rootId, bool base, const QJsonObject &object,
                                       const QJsonObject &context) const
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const int serial = ++m_requestCounter;
    const QString requestId =
        m_requestIdPrefix + u":-5dad3d10:18bcd0a95f3:-8000:"_s + QString::number(serial);

    if (isTheHive4()) {
        return {{u"operation"_s, operation},
                {u"details"_s, details},
                {u"objectType"_s, objectType.toLower()},
                {u"objectId"_s, objectId},
                {u"base"_s, base},
                {u"startDate"_s, now},
                {u"rootId"_s, rootId},
                {u"requestId"_s, requestId},
                {u"object"_s, object},
                {u"organisationId"_s, m_organisationId},
                {u"organisation"_s, m_organisation}};
    }

    // "When an alert or case changes of stage, the stage is added to the audit details".
    if (details.contains(u"status"_s) && !details.contains(u"stage"_s) && action == u"update")
        details.insert(u"stage"_s, object.value(u"stage"_s));
    const QString actor = action == u"create" ? stored.value(u"_createdBy"_s).toString()
                                              : stored.value(u"_updatedBy"_s).toString(m_apiUser);
    const QString auditId = u"~9"_s + QString::number(serial).rightJustified(8, u'0');
    return {{u"_id"_s, auditId},
            {u"_type"_s, u"Audit"_s},
            {u"_createdBy"_s, actor},
            {u"_createdAt"_s, now},
            {u"action"_s, action},
            {u"mainAction"_s, true},
            {u"requestId"_s, requestId},
            {u"rootId"_s, rootId},
            {u"details"_s, details},
            {u"objectId"_s, objectId},
            {u"objectType"_s, objectType},
            {u"object"_s, object},
            {u"context"_s, context},
            {u"organisation"_s, QJsonObject{{u"organisationId"_s, m_organisationId},
                                            {u"organisation"_s, m_organisation}}}};
}

QJsonObject FakeTheHive::webhookFor(const QString &action, const QString &caseIdOrNumber,
                                    const QJsonObject &details) const
{
    const QString id = findCase(caseIdOrNumber);
    if (id.isEmpty())
        return {};
    const QJsonObject &stored = m_cases[id];
    const QJsonObject v1 = renderCaseV1(stored);

    QJsonObject eventDetails = details;
    if (details.isEmpty() && action == u"create") {
        eventDetails = v1;
        if (isTheHive4()) // TheHive 4 audits keep customFields as an object
            eventDetails.insert(u"customFields"_s, QJsonObject());
    }
    return auditEnvelope(action, action.toLower(), eventDetails, stored, id, u"Case"_s, id, true,
                         isTheHive4() ? renderCaseV0(stored) : v1, v1);
}

} // namespace TestSupport
