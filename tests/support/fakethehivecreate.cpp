// FakeTheHive: cases and comments made outside the case routes (created through the API with
// the case templates they may use; comments written in TheHive and their webhooks)
// (TheHive 4 CaseCtrl.create / InputCaseOps.withCaseTemplate; TheHive 5 InputCreateCase).
#include "fakethehive.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace TestSupport {

namespace {

bool isLevel(const QJsonValue &value, int high)
{
    const double d = value.toDouble(-1);
    return value.isDouble() && d == int(d) && d >= 0 && d <= high;
}

} // namespace

QJsonObject FakeTheHive::addCaseTemplate(const QJsonObject &fields)
{
    QJsonObject t = fields;
    if (!t.contains(u"_id"_s))
        t.insert(u"_id"_s, nextId());
    t.insert(u"_type"_s, u"CaseTemplate"_s);
    t.insert(u"_createdBy"_s, m_apiUser);
    t.insert(u"_createdAt"_s, QDateTime::currentMSecsSinceEpoch());
    if (!t.contains(u"displayName"_s))
        t.insert(u"displayName"_s, t.value(u"name"_s));
    m_templates.append(t);
    return t;
}

const QJsonObject *FakeTheHive::findTemplate(const QString &idOrName) const
{
    for (const QJsonObject &t : m_templates) {
        if (t.value(u"_id"_s).toString() == idOrName || t.value(u"name"_s).toString() == idOrName)
            return &t;
    }
    return nullptr;
}

void FakeTheHive::postCase(const RecordedRequest &request, bool v1, Reply &reply)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return reply.setJson(error(u"BadRequest"_s, u"Invalid Json"_s), 400);
    const QJsonObject body = doc.object();
    // TheHive 4 (v0 and v1) needs manageCase and answers 403 "Operation not permitted" (v0) or
    // 404 "Organisation not found" (v1); TheHive 5.1+ needs manageCase/create.
    if (isTheHive4() && !can(m_caller, u"manageCase"_s)) {
        if (v1)
            return reply.setJson(error(u"NotFoundError"_s, u"Organisation not found"_s), 404);
        return reply.setJson(error(u"AuthorizationError"_s, u"Operation not permitted"_s), 403);
    }
    // TheHive 5.0 still had the single manageCase permission.
    if (!isTheHive4() &&
        !can(m_caller, m_major == 5 && m_minor == 0 ? u"manageCase"_s : u"manageCase/create"_s))
        return refuse(u"create a case"_s, u"Case"_s, reply);
    for (const QString &required : {u"title"_s, u"description"_s}) {
        if (!body.value(required).isString() ||
            (required == u"title" && body.value(required).toString().isEmpty()))
            return reply.setJson(
                error(u"AttributeCheckingError"_s, u"[Attribute %1 is missing]"_s.arg(required)),
                400);
    }
    const int tlpHigh = hasAmberStrict() ? 4 : 3;
    for (const auto &[key, low, high] :
         {std::tuple{u"severity"_s, 1, 4}, std::tuple{u"tlp"_s, 0, tlpHigh},
          std::tuple{u"pap"_s, 0, 3}}) {
        const QJsonValue value = body.value(key);
        if (!value.isUndefined() && (!isLevel(value, high) || value.toInt() < low))
            return reply.setJson(
                error(u"AttributeCheckingError"_s,
                      u"[Invalid value for %1: %2]"_s.arg(key, value.toVariant().toString())),
                400);
    }

    // Only TheHive 5 names it `assignee`; TheHive 4 takes `user` in v0 and v1 alike.
    const QString userKey = isTheHive4() ? u"user"_s : u"assignee"_s;
    QString assignee = body.value(userKey).toString();
    if (!assignee.isEmpty() && !isAssignable(assignee))
        return reply.setJson(error(u"NotFoundError"_s, u"User not found"_s), 404);
    if (assignee.isEmpty() && isTheHive4())
        assignee = m_caller; // TheHive 4 assigns the creator
    const QString templateKey = v1 ? u"caseTemplate"_s : u"template"_s;
    const QJsonObject *caseTemplate = nullptr;
    if (body.contains(templateKey)) {
        caseTemplate = findTemplate(body.value(templateKey).toString());
        if (!caseTemplate)
            return reply.setJson(error(u"NotFoundError"_s, u"CaseTemplate not found"_s), 404);
    }

    QJsonObject fields{{u"title"_s, body.value(u"title"_s)},
                       {u"description"_s, body.value(u"description"_s)},
                       {u"_createdBy"_s, m_caller}};
    QJsonArray tags = body.value(u"tags"_s).toArray();
    for (const QString &key : {u"severity"_s, u"tlp"_s, u"pap"_s}) {
        if (body.contains(key))
            fields.insert(key, body.value(key));
    }
    if (caseTemplate) {
        // withCaseTemplate: the prefix goes before the title, the form's levels win over the
        // template's, and the tags are joined.
        const QString prefix = caseTemplate->value(u"titlePrefix"_s).toString().trimmed();
        if (!prefix.isEmpty())
            fields.insert(u"title"_s, QString(prefix + u' ' + body.value(u"title"_s).toString()));
        for (const QString &key : {u"severity"_s, u"tlp"_s, u"pap"_s}) {
            if (!fields.contains(key) && caseTemplate->contains(key))
                fields.insert(key, caseTemplate->value(key));
        }
        for (const QJsonValue &tag : caseTemplate->value(u"tags"_s).toArray()) {
            if (!tags.contains(tag))
                tags.append(tag);
        }
    }
    fields.insert(u"tags"_s, tags);
    if (!assignee.isEmpty())
        fields.insert(u"assignee"_s, assignee);
    const QString id = addCase(fields).value(u"_id"_s).toString();
    if (caseTemplate) {
        for (const QJsonValue &task : caseTemplate->value(u"tasks"_s).toArray())
            storeTask(id, task.toObject(), m_caller);
    }
    reply.setJson(isTheHive4() && !v1 ? renderCaseV0(m_cases[id]) : renderCaseV1(m_cases[id]), 201);
    // After the answer is on its way, as TheHive's webhook follows its own commit.
    QMetaObject::invokeMethod(
        this, [this, id] { Q_EMIT caseCreated(id); }, Qt::QueuedConnection);
}

QJsonObject FakeTheHive::addComment(const QString &caseIdOrNumber, const QString &message,
                                    const QString &author)
{
    const QString caseId = findCase(caseIdOrNumber);
    if (caseId.isEmpty())
        return {};
    return storeComment(caseId, message, author);
}

QJsonObject FakeTheHive::storeComment(const QString &caseId, const QString &message,
                                      const QString &author)
{
    const QJsonObject comment{
        {u"_id"_s, nextId()},           {u"_type"_s, u"Comment"_s},
        {u"createdBy"_s, author},       {u"createdAt"_s, QDateTime::currentMSecsSinceEpoch()},
        {u"message"_s, message},        {u"isEdited"_s, false},
        {u"extraData"_s, QJsonObject()}};
    m_comments[caseId].append(comment);
    return comment;
}

QJsonObject FakeTheHive::commentWebhook(const QString &caseIdOrNumber,
                                        const QJsonObject &comment) const
{
    const QString caseId = findCase(caseIdOrNumber);
    const QJsonObject context = renderCaseV1(m_cases.value(caseId));
    const QString commentId = comment.value(u"_id"_s).toString();
    return {{u"_id"_s, QString(u"~9"_s + commentId.mid(1))},
            {u"_type"_s, u"Audit"_s},
            {u"_createdBy"_s, comment.value(u"createdBy"_s)},
            {u"_createdAt"_s, comment.value(u"createdAt"_s)},
            {u"action"_s, u"create"_s},
            {u"mainAction"_s, true},
            {u"requestId"_s, QString(u"comment:"_s + commentId)},
            {u"rootId"_s, caseId},
            {u"details"_s, QJsonObject{{u"message"_s, comment.value(u"message"_s)}}},
            {u"objectId"_s, comment.value(u"_id"_s)},
            {u"objectType"_s, u"Comment"_s},
            {u"object"_s, comment},
            {u"context"_s, context},
            {u"organisation"_s, QJsonObject{{u"organisationId"_s, m_organisationId},
                                            {u"organisation"_s, m_organisation}}}};
}

} // namespace TestSupport
