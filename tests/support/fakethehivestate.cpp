// FakeTheHive: what is stored and how requests change it (validation like TheHive's).
#include "fakethehive.h"

#include <QDateTime>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace TestSupport {

namespace {

const QStringList kTh4Statuses{u"Duplicated"_s, u"Resolved"_s, u"Open"_s};
const QStringList kTh5Statuses{u"New"_s,           u"InProgress"_s,    u"TruePositive"_s,
                               u"FalsePositive"_s, u"Indeterminate"_s, u"Other"_s,
                               u"Duplicated"_s};
const QStringList kResolutions{u"Indeterminate"_s, u"FalsePositive"_s, u"TruePositive"_s,
                               u"Other"_s, u"Duplicated"_s};
const QStringList kImpacts{u"NoImpact"_s, u"WithImpact"_s, u"NotApplicable"_s};
const QStringList kTaskStatuses{u"Waiting"_s, u"InProgress"_s, u"Completed"_s, u"Cancel"_s};

/// TheHive 5 stage of a status; empty for a status TheHive 5 does not know.
QString th5Stage(const QString &status)
{
    if (status == u"New" || status == u"InProgress")
        return status;
    return kTh5Statuses.contains(status) ? u"Closed"_s : QString();
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

// Predefined profiles. TheHive 4: models/Role.scala (analyst; org-admin adds the organisation
// scope); TheHive 5 does not document its lists, so its analyst holds the split case and alert
// rights (5.2 notes: the reopen / restart-alert permissions are on for profiles with update).
const QStringList kTh5Analyst{
    u"manageCase/create"_s,  u"manageCase/update"_s,  u"manageCase/delete"_s,
    u"manageCase/merge"_s,   u"manageCase/reopen"_s,  u"manageCase/changeOwnership"_s,
    u"manageTask"_s,         u"manageComment"_s,      u"manageObservable"_s,
    u"manageAlert/create"_s, u"manageAlert/update"_s, u"manageAlert/import"_s,
    u"manageAlert/reopen"_s, u"manageShare"_s,        u"managePage"_s,
    u"manageProcedure"_s,    u"manageAction"_s,       u"manageAnalyse"_s};
const QStringList kTh4Analyst{u"manageCase"_s,     u"manageTask"_s,  u"manageObservable"_s,
                              u"manageAlert"_s,    u"manageShare"_s, u"manageAnalyse"_s,
                              u"manageAction"_s,   u"managePage"_s,  u"manageProcedure"_s,
                              u"accessTheHiveFS"_s};
const QStringList kOrgAdminExtra{u"manageUser"_s, u"manageConfig"_s, u"manageCaseTemplate"_s,
                                 u"manageCustomField"_s, u"manageTag"_s};

} // namespace

QString FakeTheHive::nextId()
{
    const QString id = u'~' + QString::number(m_idCounter);
    m_idCounter += 4096;
    return id;
}

void FakeTheHive::touch(QJsonObject &object) const
{
    object.insert(u"_updatedAt"_s, QDateTime::currentMSecsSinceEpoch());
    object.insert(u"_updatedBy"_s, m_caller);
}

void FakeTheHive::addPredefinedProfiles()
{
    const QStringList &analyst = isTheHive4() ? kTh4Analyst : kTh5Analyst;
    m_profiles.insert(u"analyst"_s, analyst);
    m_profiles.insert(u"read-only"_s, {});
    m_profiles.insert(u"org-admin"_s, analyst + kOrgAdminExtra);
}

void FakeTheHive::setProfilePermissions(const QString &profile, const QStringList &permissions)
{
    m_profiles.insert(profile, permissions);
}

QStringList FakeTheHive::profilePermissions(const QString &profile) const
{
    QStringList permissions = m_profiles.value(profile);
    permissions.sort();
    return permissions;
}

bool FakeTheHive::setProfile(const QString &login, const QString &profile)
{
    if (login.compare(m_apiUser, Qt::CaseInsensitive) == 0) {
        m_apiUserProfile = profile;
        return true;
    }
    const QString id = findUser(login);
    if (id.isEmpty())
        return false;
    m_users[id].insert(u"profile"_s, profile);
    return true;
}

QString FakeTheHive::profileOf(const QString &login) const
{
    if (login == m_apiUser)
        return m_apiUserProfile;
    const QString id = findUser(login);
    return id.isEmpty() ? QString() : m_users[id].value(u"profile"_s).toString();
}

QStringList FakeTheHive::permissionsOf(const QString &login) const
{
    return profilePermissions(profileOf(login));
}

bool FakeTheHive::can(const QString &login, const QString &permission) const
{
    return m_profiles.value(profileOf(login)).contains(permission);
}

bool FakeTheHive::hasRestrictedCases() const
{
    return m_major > 5 || (m_major == 5 && m_minor >= 5);
}

bool FakeTheHive::canSee(const QJsonObject &storedCase, const QString &login) const
{
    if (!hasRestrictedCases())
        return true;
    const QJsonObject access = storedCase.value(u"access"_s).toObject();
    if (access.value(u"_kind"_s).toString() != u"UserAccessKind")
        return true;
    return access.value(u"users"_s).toArray().contains(login);
}

QString FakeTheHive::findVisibleCase(const QString &idOrNumber) const
{
    // A restricted case does not exist for whoever is not listed: same 404 as an unknown one.
    const QString id = findCase(idOrNumber);
    return !id.isEmpty() && canSee(m_cases[id], m_caller) ? id : QString();
}

QString FakeTheHive::findCase(const QString &idOrNumber) const
{
    if (m_cases.contains(idOrNumber))
        return idOrNumber;
    bool isNumber = false;
    const qint64 number = idOrNumber.toLongLong(&isNumber);
    if (!isNumber)
        return {};
    for (const QString &id : m_caseOrder) {
        if (m_cases[id].value(u"number"_s).toInteger() == number)
            return id;
    }
    return {};
}

QJsonObject *FakeTheHive::findTask(const QString &taskId, QString *caseId)
{
    for (auto it = m_tasks.begin(); it != m_tasks.end(); ++it) {
        for (QJsonObject &task : it.value()) {
            if (task.value(u"_id"_s).toString() == taskId) {
                if (caseId)
                    *caseId = it.key();
                return &task;
            }
        }
    }
    return nullptr;
}

QString FakeTheHive::findUser(const QString &idOrLogin) const
{
    if (m_users.contains(idOrLogin))
        return idOrLogin;
    for (const QString &id : m_userOrder) {
        if (m_users[id].value(u"login"_s).toString().compare(idOrLogin, Qt::CaseInsensitive) == 0)
            return id;
    }
    return {};
}

bool FakeTheHive::isAssignable(const QString &login) const
{
    if (login.compare(m_apiUser, Qt::CaseInsensitive) == 0)
        return true;
    const QString id = findUser(login);
    return !id.isEmpty() && !m_users[id].value(u"locked"_s).toBool();
}

QJsonObject FakeTheHive::addCase(const QJsonObject &fields)
{
    QJsonObject c = fields;
    if (c.contains(u"owner"_s))
        c.insert(u"assignee"_s, c.take(u"owner"_s));
    if (c.contains(u"caseId"_s))
        c.insert(u"number"_s, c.take(u"caseId"_s));
    if (!c.contains(u"_id"_s))
        c.insert(u"_id"_s, nextId());
    if (!c.contains(u"number"_s)) {
        qint64 highest = 0;
        for (const QJsonObject &existing : std::as_const(m_cases))
            highest = qMax(highest, existing.value(u"number"_s).toInteger());
        c.insert(u"number"_s, highest + 1);
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const QString title = u"Case #"_s + shown(c.value(u"number"_s));
    const QJsonObject defaults{{u"title"_s, title},
                               {u"description"_s, QString()},
                               {u"severity"_s, 2},
                               {u"tlp"_s, 2},
                               {u"pap"_s, 2},
                               {u"tags"_s, QJsonArray()},
                               {u"flag"_s, false},
                               {u"startDate"_s, now},
                               {u"_createdAt"_s, now},
                               {u"_createdBy"_s, m_apiUser},
                               {u"status"_s, isTheHive4() ? u"Open"_s : u"New"_s}};
    for (auto it = defaults.begin(); it != defaults.end(); ++it) {
        if (!c.contains(it.key()))
            c.insert(it.key(), it.value());
    }
    if (!isTheHive4()) {
        if (!c.contains(u"stage"_s))
            c.insert(u"stage"_s, th5Stage(c.value(u"status"_s).toString()));
        if (!c.contains(u"newDate"_s))
            c.insert(u"newDate"_s, c.value(u"_createdAt"_s));
    }
    const QString id = c.value(u"_id"_s).toString();
    if (!m_cases.contains(id))
        m_caseOrder.append(id);
    m_cases.insert(id, c);
    return renderCaseV1(c);
}

bool FakeTheHive::setCaseAccess(const QString &idOrNumber, const QStringList &users)
{
    const QString id = findCase(idOrNumber);
    if (id.isEmpty() || !hasRestrictedCases())
        return false;
    QJsonObject &c = m_cases[id];
    if (users.isEmpty())
        c.insert(u"access"_s, QJsonObject{{u"_kind"_s, u"OrganisationAccessKind"_s}});
    else
        c.insert(u"access"_s, QJsonObject{{u"_kind"_s, u"UserAccessKind"_s},
                                          {u"users"_s, QJsonArray::fromStringList(users)}});
    touch(c);
    return true;
}

QJsonObject FakeTheHive::caseJson(const QString &idOrNumber) const
{
    const QString id = findCase(idOrNumber);
    return id.isEmpty() ? QJsonObject() : renderCaseV1(m_cases[id]);
}

QJsonObject FakeTheHive::caseJsonV0(const QString &idOrNumber) const
{
    const QString id = findCase(idOrNumber);
    return id.isEmpty() ? QJsonObject() : renderCaseV0(m_cases[id]);
}

bool FakeTheHive::setCaseField(const QString &idOrNumber, const QString &key,
                               const QJsonValue &value)
{
    const QString id = findCase(idOrNumber);
    if (id.isEmpty())
        return false;
    QJsonObject &c = m_cases[id];
    const QString field = key == u"owner" ? u"assignee"_s : key == u"caseId" ? u"number"_s : key;
    if (value.isNull() || value.isUndefined())
        c.remove(field);
    else
        c.insert(field, value);
    if (field == u"status" && !isTheHive4()) {
        const QString stage = th5Stage(value.toString());
        if (!stage.isEmpty())
            c.insert(u"stage"_s, stage);
    }
    touch(c);
    return true;
}

void FakeTheHive::addUser(const QString &login, const QString &name, const QString &email,
                          bool locked, const QString &profile)
{
    const QString storedLogin = isTheHive4() ? login.toLower() : login;
    QString id = findUser(storedLogin);
    if (id.isEmpty()) {
        id = nextId();
        m_userOrder.append(id);
    }
    QJsonObject user{{u"_id"_s, id},
                     {u"login"_s, storedLogin},
                     {u"name"_s, name},
                     {u"locked"_s, locked},
                     {u"profile"_s, profile},
                     {u"_createdAt"_s, QDateTime::currentMSecsSinceEpoch()},
                     {u"_createdBy"_s, u"admin@thehive.local"_s}};
    if (!isTheHive4() && !email.isEmpty())
        user.insert(u"email"_s, email);
    m_users.insert(id, user);
}

QJsonObject FakeTheHive::addTask(const QString &caseIdOrNumber, const QJsonObject &fields)
{
    const QString caseId = findCase(caseIdOrNumber);
    if (caseId.isEmpty())
        return {};
    return renderTaskV1(storeTask(caseId, fields, m_apiUser));
}

QJsonObject FakeTheHive::storeTask(const QString &caseId, const QJsonObject &fields,
                                   const QString &createdBy)
{
    QJsonObject task{{u"_id"_s, nextId()},
                     {u"_caseId"_s, caseId},
                     {u"title"_s, fields.value(u"title"_s).toString()},
                     {u"group"_s, fields.value(u"group"_s).toString(u"default"_s)},
                     {u"description"_s, fields.value(u"description"_s).toString()},
                     {u"status"_s, fields.value(u"status"_s).toString(u"Waiting"_s)},
                     {u"flag"_s, fields.value(u"flag"_s).toBool()},
                     {u"order"_s, fields.value(u"order"_s).toInt()},
                     {u"_createdAt"_s, QDateTime::currentMSecsSinceEpoch()},
                     {u"_createdBy"_s, createdBy}};
    if (!isTheHive4())
        task.insert(u"mandatory"_s, fields.value(u"mandatory"_s).toBool());
    for (const QString &key : {u"dueDate"_s, u"startDate"_s, u"endDate"_s, u"assignee"_s}) {
        if (fields.contains(key))
            task.insert(key, fields.value(key));
    }
    m_tasks[caseId].append(task);
    return task;
}

QList<QJsonObject> FakeTheHive::tasks(const QString &caseIdOrNumber) const
{
    QList<QJsonObject> rendered;
    for (const QJsonObject &task : m_tasks.value(findCase(caseIdOrNumber)))
        rendered.append(renderTaskV1(task));
    return rendered;
}

QList<QJsonObject> FakeTheHive::comments(const QString &caseIdOrNumber) const
{
    return m_comments.value(findCase(caseIdOrNumber));
}

QList<QJsonObject> FakeTheHive::taskLogs(const QString &caseIdOrNumber) const
{
    return m_logs.value(findCase(caseIdOrNumber));
}

void FakeTheHive::closeTasks(const QString &caseId)
{
    for (QJsonObject &task : m_tasks[caseId]) {
        const QString status = task.value(u"status"_s).toString();
        if (status == u"Waiting")
            task.insert(u"status"_s, u"Cancel"_s);
        else if (status == u"InProgress")
            task.insert(u"status"_s, u"Completed"_s);
    }
}

bool FakeTheHive::applyCasePatch(const QString &id, const QJsonObject &body, bool v1, Reply &reply)
{
    const bool th4 = isTheHive4();
    QStringList allowed{u"title"_s,       u"description"_s, u"severity"_s, u"startDate"_s,
                        u"endDate"_s,     u"tags"_s,        u"flag"_s,     u"tlp"_s,
                        u"pap"_s,         u"status"_s,      u"summary"_s,  u"impactStatus"_s,
                        u"customFields"_s};
    allowed << (v1 ? u"assignee"_s : u"owner"_s);
    if (th4)
        allowed << u"resolutionStatus"_s;
    else
        allowed << u"addTags"_s << u"removeTags"_s;

    auto refuse = [&reply](int status, const QString &type, const QString &message) {
        reply.setJson(error(type, message), status);
        return false;
    };
    auto invalid = [&](const QString &key, const QJsonValue &value) {
        return refuse(400, u"AttributeCheckingError"_s,
                      u"[Invalid format for "_s + key + u": "_s + shown(value) + u']');
    };

    QJsonObject c = m_cases[id];
    for (auto it = body.begin(); it != body.end(); ++it) {
        const QString key = it.key();
        const QJsonValue value = it.value();
        if (!allowed.contains(key))
            return refuse(400, u"AttributeCheckingError"_s, u"[Unknown attribute "_s + key + u']');
        if (key == u"severity" && !intInRange(value, 1, 4))
            return invalid(key, value);
        if (key == u"tlp" && !intInRange(value, 0, hasAmberStrict() ? 4 : 3))
            return invalid(key, value);
        if (key == u"pap" && !intInRange(value, 0, 3))
            return invalid(key, value);
        if (key == u"status") {
            const QStringList &accepted = th4 ? kTh4Statuses : kTh5Statuses;
            if (!accepted.contains(value.toString())) {
                const QString field = u"FAny(List("_s + shown(value) + u"))"_s;
                const QString format =
                    th4 ? u"org.thp.thehive.models.CaseStatus.Value"_s : u"CaseStatus"_s;
                QJsonObject err =
                    error(u"AttributeCheckingError"_s, u"[Invalid format for status: "_s + field +
                                                           u", expected "_s + format + u" ("_s +
                                                           accepted.join(u',') + u")]"_s);
                err.insert(u"errors"_s,
                           QJsonArray{QJsonObject{
                               {u"name"_s, u"status"_s},
                               {u"format"_s, format},
                               {u"acceptedInput"_s, QJsonArray::fromStringList(accepted)},
                               {u"field"_s, field},
                               {u"type"_s, u"InvalidFormatAttributeError"_s}}});
                reply.setJson(err, 400);
                return false;
            }
        }
        if (key == u"impactStatus" && !value.isNull() && !kImpacts.contains(value.toString())) {
            if (th4)
                return refuse(404, u"NotFoundError"_s,
                              u"ImpactStatus "_s + shown(value) + u" not found"_s);
            return invalid(key, value);
        }
        if (key == u"resolutionStatus" && !value.isNull() &&
            !kResolutions.contains(value.toString()))
            return refuse(404, u"NotFoundError"_s,
                          u"ResolutionStatus "_s + shown(value) + u" not found"_s);

        if (key == u"assignee" || key == u"owner") {
            const QString login = value.toString();
            if (login.isEmpty()) {
                c.remove(u"assignee"_s);
            } else if (!isAssignable(login)) {
                return refuse(404, u"NotFoundError"_s, u"User not found"_s);
            } else {
                c.insert(u"assignee"_s, login);
            }
        } else if (key == u"addTags" || key == u"removeTags") {
            QStringList tags = c.value(u"tags"_s).toVariant().toStringList();
            for (const QJsonValue &tag : value.toArray()) {
                if (key == u"addTags" && !tags.contains(tag.toString()))
                    tags.append(tag.toString());
                else if (key == u"removeTags")
                    tags.removeAll(tag.toString());
            }
            c.insert(u"tags"_s, QJsonArray::fromStringList(tags));
        } else if (value.isNull()) {
            c.remove(key);
        } else {
            c.insert(key, value);
        }
    }

    bool closing = false;
    if (body.contains(u"status"_s)) {
        const QString status = body.value(u"status"_s).toString();
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        if (th4) {
            closing = status == u"Resolved";
            if (status == u"Open")
                c.remove(u"endDate"_s);
        } else {
            const QString stage = th5Stage(status);
            c.insert(u"stage"_s, stage);
            closing = stage == u"Closed";
            if (stage == u"InProgress")
                c.insert(u"inProgressDate"_s, now);
            if (closing) {
                c.insert(u"closedDate"_s, now);
            } else {
                c.remove(u"endDate"_s);
                c.remove(u"closedDate"_s);
            }
        }
        if (closing && !body.contains(u"endDate"_s))
            c.insert(u"endDate"_s, now);
    }
    touch(c);
    m_cases.insert(id, c);
    if (closing)
        closeTasks(id);
    return true;
}

bool FakeTheHive::applyTaskPatch(QJsonObject &task, const QJsonObject &body, bool v1, Reply &reply)
{
    QStringList allowed{u"title"_s,     u"group"_s,   u"description"_s, u"status"_s, u"flag"_s,
                        u"startDate"_s, u"endDate"_s, u"order"_s,       u"dueDate"_s};
    allowed << (v1 ? u"assignee"_s : u"owner"_s);
    if (!isTheHive4())
        allowed << u"mandatory"_s;
    QJsonObject t = task;
    for (auto it = body.begin(); it != body.end(); ++it) {
        const QString key = it.key();
        if (!allowed.contains(key)) {
            reply.setJson(error(u"AttributeCheckingError"_s, u"[Unknown attribute "_s + key + u']'),
                          400);
            return false;
        }
        if (key == u"status" && !kTaskStatuses.contains(it.value().toString())) {
            reply.setJson(error(u"AttributeCheckingError"_s,
                                u"[Invalid format for status: "_s + shown(it.value()) + u']'),
                          400);
            return false;
        }
        if (key == u"assignee" || key == u"owner") {
            const QString login = it.value().toString();
            if (!login.isEmpty() && !isAssignable(login)) {
                reply.setJson(error(u"NotFoundError"_s, u"User not found"_s), 404);
                return false;
            }
            if (login.isEmpty())
                t.remove(u"assignee"_s);
            else
                t.insert(u"assignee"_s, login);
        } else {
            t.insert(key, it.value());
        }
    }
    touch(t);
    task = t;
    return true;
}

} // namespace TestSupport
