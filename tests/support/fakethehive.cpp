#include "fakethehive.h"
#include "multipartform.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QRegularExpression>

#include <algorithm>
#include <functional>

using namespace Qt::StringLiterals;

namespace TestSupport {

namespace {

bool jsonBody(const FakeHttpServer::RecordedRequest &request, QJsonObject *body)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &parseError);
    if (request.body.trimmed().isEmpty()) {
        *body = {};
        return true;
    }
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return false;
    *body = doc.object();
    return true;
}

/// A minimal TheHive query filter: _and, _or, _not, _any, _eq/_is (both the
/// {"_field","_value"} form and the legacy {"field":value} form) and _in.
bool matchesFilter(const QJsonObject &item, const QJsonObject &filter)
{
    for (auto it = filter.begin(); it != filter.end(); ++it) {
        const QString op = it.key();
        if (op == u"_name")
            continue;
        const QJsonObject arg = it.value().toObject();
        if (op == u"_and" || op == u"_or") {
            const QJsonArray terms = it.value().toArray();
            const bool wantAll = op == u"_and";
            bool result = wantAll;
            for (const QJsonValue &term : terms) {
                const bool m = matchesFilter(item, term.toObject());
                result = wantAll ? (result && m) : (result || m);
            }
            if (!result)
                return false;
        } else if (op == u"_not") {
            if (matchesFilter(item, arg))
                return false;
        } else if (op == u"_eq" || op == u"_is") {
            const bool explicitForm = arg.contains(u"_field"_s);
            const QString field =
                explicitForm ? arg.value(u"_field"_s).toString() : arg.keys().value(0);
            const QJsonValue expected = explicitForm ? arg.value(u"_value"_s) : arg.value(field);
            if (item.value(field) != expected)
                return false;
        } else if (op == u"_gte" || op == u"_gt" || op == u"_lte" || op == u"_lt") {
            // {"_field": f, "_value": v} or the short {f: v}; an absent field never matches.
            const bool explicitForm = arg.contains(u"_field"_s);
            const QString field =
                explicitForm ? arg.value(u"_field"_s).toString() : arg.keys().value(0);
            const QJsonValue bound = explicitForm ? arg.value(u"_value"_s) : arg.value(field);
            if (!item.contains(field) || item.value(field).isNull())
                return false;
            const auto order = QVariant::compare(item.value(field).toVariant(), bound.toVariant());
            const bool holds = op == u"_gte"   ? order != QPartialOrdering::Less
                               : op == u"_gt"  ? order == QPartialOrdering::Greater
                               : op == u"_lte" ? order != QPartialOrdering::Greater
                                               : order == QPartialOrdering::Less;
            if (!holds || order == QPartialOrdering::Unordered)
                return false;
        } else if (op == u"_like") {
            // TheHive's wildcard match ("*" any run), ignoring case.
            QString wildcard = QRegularExpression::escape(arg.value(u"_value"_s).toString());
            const QRegularExpression pattern(u'^' + wildcard.replace(u"\\*"_s, u".*"_s) + u'$',
                                             QRegularExpression::CaseInsensitiveOption |
                                                 QRegularExpression::DotMatchesEverythingOption);
            if (!pattern.match(item.value(arg.value(u"_field"_s).toString()).toString()).hasMatch())
                return false;
        } else if (op == u"_in") {
            const QJsonArray values = arg.value(u"_values"_s).toArray();
            if (!values.contains(item.value(arg.value(u"_field"_s).toString())))
                return false;
        } else if (op != u"_any") {
            return false; // an operator this fake does not know matches nothing
        }
    }
    return true;
}

QString withBuild(const QString &version)
{
    return version.contains(u'-') ? version : version + u"-1"_s;
}

/// Whether a TheHive 5 PATCH reopens a Closed case (a status of stage New or InProgress).
bool reopens(const QJsonObject &storedCase, const QJsonObject &body)
{
    const QString status = body.value(u"status"_s).toString();
    return storedCase.value(u"stage"_s).toString() == u"Closed" &&
           (status == u"New" || status == u"InProgress");
}

} // namespace

FakeTheHive::FakeTheHive(const QString &version, const QString &apiKey, QObject *parent)
    : FakeHttpServer(parent)
    , m_version(version)
    , m_apiKey(apiKey)
{
    const QStringList parts = version.split(u'.');
    m_major = parts.value(0).toInt();
    m_minor = parts.value(1).toInt();
    m_requestIdPrefix = QString::number(QRandomGenerator::global()->generate64(), 16);
    addPredefinedProfiles();
    // Numbering every recorded request (faulted ones too) ties callers to requests() even
    // after clearRequests(), which only drops the oldest ones.
    connect(this, &FakeHttpServer::requestRecorded, this, [this] { ++m_recorded; });
}

bool FakeTheHive::hasAmberStrict() const
{
    return m_major > 5 || (m_major == 5 && m_minor >= 2);
}

void FakeTheHive::setOrganisation(const QString &name, const QString &id)
{
    m_organisation = name;
    m_organisationId = id;
}

QString FakeTheHive::fullVersion() const
{
    return withBuild(m_version);
}

QJsonObject FakeTheHive::error(const QString &type, const QString &message)
{
    return {{u"type"_s, type}, {u"message"_s, message}};
}

void FakeTheHive::enableHeaderAuth(const QString &headerName)
{
    m_userHeader = headerName;
}

QString FakeTheHive::authenticate(const RecordedRequest &request) const
{
    // The key provider comes first: a request carrying Authorization stands or falls with it.
    const QByteArray authorization = request.header("Authorization");
    if (!authorization.isEmpty())
        return authorization == "Bearer " + m_apiKey.toUtf8() ? m_apiUser : QString();
    if (m_userHeader.isEmpty())
        return {};
    const QString login = QString::fromUtf8(request.header(m_userHeader.toUtf8())).trimmed();
    if (login.isEmpty())
        return {};
    // TheHive 4 logins are lower-cased emails and looked up lower-cased; TheHive 5 matches as is.
    const Qt::CaseSensitivity cs = isTheHive4() ? Qt::CaseInsensitive : Qt::CaseSensitive;
    if (login.compare(m_apiUser, cs) == 0)
        return m_apiUser;
    for (const QString &id : m_userOrder) {
        const QJsonObject &user = m_users[id];
        const QString stored = user.value(u"login"_s).toString();
        if (stored.compare(login, cs) == 0)
            return user.value(u"locked"_s).toBool() ? QString() : stored;
    }
    return {};
}

QStringList FakeTheHive::alignedCallers() const
{
    const qsizetype kept = requests().size();
    const qint64 first = m_recorded - kept; // recording number of requests().first()
    QStringList aligned(kept);
    for (const auto &[number, caller] : m_callerLog) {
        if (number >= first)
            aligned[number - first] = caller;
    }
    return aligned;
}

QStringList FakeTheHive::callers() const
{
    QStringList known = alignedCallers();
    known.removeAll(QString());
    return known;
}

QString FakeTheHive::callerOf(int requestIndex) const
{
    return alignedCallers().value(requestIndex);
}

void FakeTheHive::refuse(const QString &operation, const QString &entity, Reply &reply) const
{
    // TheHive 4 selects the entity with .can(permission) then getOrFail: it looks missing.
    if (isTheHive4())
        return reply.setJson(error(u"NotFoundError"_s, entity + u" not found"_s), 404);
    reply.setJson(
        error(u"AuthorizationError"_s, u"Your profile doesn't allow you to "_s + operation), 403);
}

void FakeTheHive::handle(const RecordedRequest &request, Reply &reply)
{
    QStringList parts = request.path.split(u'/', Qt::SkipEmptyParts);
    const QByteArray &method = request.method;
    const bool th4 = isTheHive4();
    bool v1 = false;
    if (parts.value(0) == u"api") {
        parts.removeFirst();
        v1 = parts.value(0) == u"v1";
        if (v1)
            parts.removeFirst();
    } else {
        parts.clear();
    }
    const QString head = parts.value(0);
    const qsizetype n = parts.size();

    // Public status routes answer without a key.
    if (head == u"status" && method == "GET") {
        if (!v1 && n == 1)
            return getStatus(u"legacy"_s, reply);
        if (v1 && n == 2 && parts[1] == u"public" && !th4)
            return getStatus(u"public"_s, reply);
        if (v1 && n == 1 && th4)
            return getStatus(u"legacy"_s, reply);
    }

    // Every other route: resolve it, then authenticate (an unknown route is 404 first).
    std::function<void()> action;
    if (head == u"status" && v1 && n == 1 && method == "GET") {
        action = [&] { getStatus(u"v1"_s, reply); };
    } else if (head == u"case" && (v1 || th4)) {
        if (!v1 && n == 4 && parts[1] == u"task" && parts[3] == u"log" && method == "POST")
            action = [&] { postTaskLog(request, parts[2], false, reply); };
        else if (!v1 && n == 3 && parts[1] == u"task" && method == "PATCH")
            action = [&] { patchTask(request, parts[2], false, reply); };
        else if (n == 1 && method == "POST")
            action = [&] { postCase(request, v1, reply); };
        else if (n == 2 && method == "GET")
            action = [&] { getCase(parts[1], v1, reply); };
        else if (n == 2 && method == "PATCH")
            action = [&] { patchCase(request, parts[1], v1, reply); };
        else if (n == 3 && parts[2] == u"task" && method == "POST" && (v1 != th4))
            action = [&] { postTask(request, parts[1], v1, reply); };
        else if (n == 3 && parts[2] == u"comment" && method == "POST" && v1 && !th4)
            action = [&] { postComment(request, parts[1], reply); };
        else if (n == 3 && parts[2] == u"attachments" && method == "POST" && v1 && !th4)
            action = [&] { postCaseAttachments(request, parts[1], reply); };
    } else if (head == u"task" && v1) {
        if (n == 3 && parts[2] == u"log" && method == "POST")
            action = [&] { postTaskLog(request, parts[1], true, reply); };
        else if (n == 2 && method == "PATCH")
            action = [&] { patchTask(request, parts[1], true, reply); };
    } else if (head == u"alert" && (v1 || th4)) {
        // TheHive 5 and TheHive 4's v1 promote with /case, TheHive 4's v0 with /createCase;
        // only v0 merges on TheHive 4, only v1 on 5; TheHive 4 marks read (v0) or reads (v1).
        const QString sub = parts.value(2);
        const QString promote = v1 ? u"case"_s : u"createCase"_s;
        const QString markRead = v1 ? u"read"_s : u"markAsRead"_s;
        const QString markUnread = v1 ? u"unread"_s : u"markAsUnread"_s;
        if (n == 2 && method == "GET")
            action = [&] { getAlert(parts[1], v1, reply); };
        else if (n == 2 && method == "PATCH")
            action = [&] { patchAlert(request, parts[1], v1, reply); };
        else if (n == 3 && method == "POST" && sub == promote)
            action = [&] { promoteAlert(request, parts[1], v1, reply); };
        else if (n == 4 && method == "POST" && sub == u"merge" && v1 != th4)
            action = [&] { mergeAlert(parts[1], parts[3], v1, reply); };
        else if (n == 3 && method == "POST" && th4 && (sub == markRead || sub == markUnread))
            action = [&] { markAlertRead(parts[1], sub == markRead, v1, reply); };
    } else if (head == u"user" && n == 2 && method == "GET" && (v1 || th4)) {
        action = [&] { getUser(parts[1], v1, reply); };
    } else if (head == u"query" && n == 1 && v1 && method == "POST") {
        action = [&] { postQuery(request, reply); };
    }

    if (!action) {
        reply.setJson(error(u"NotFound"_s,
                            u"No route for "_s + QString::fromLatin1(method) + u' ' + request.path),
                      404);
        return;
    }
    // Play's body parser runs before the action (and its authentication): a multipart body
    // over maxDiskBuffer never reaches it.
    if (m_maxUploadBytes > 0 && request.body.size() > m_maxUploadBytes &&
        isMultipartFormData(request.header("Content-Type"))) {
        reply.setJson(error(u"Unknown"_s, u"Request Entity Too Large"_s), 413);
        return;
    }
    const QString caller = authenticate(request);
    if (caller.isEmpty()) {
        reply.setJson(error(u"AuthenticationError"_s, u"Authentication failure"_s), 401);
        return;
    }
    m_callerLog.append({m_recorded - 1, caller});
    m_caller = caller;
    action();
    m_caller = m_apiUser; // what the test itself changes is the API user's doing
}

void FakeTheHive::getStatus(const QString &which, Reply &reply) const
{
    if (which == u"public") {
        reply.setJson(QJsonObject{{u"sso"_s, false},
                                  {u"ssoProviders"_s, QJsonArray()},
                                  {u"version"_s, fullVersion()},
                                  {u"imports"_s, QJsonObject()}});
        return;
    }
    const QJsonObject config{
        {u"protectDownloadsWith"_s, u"malware"_s},
        {u"authType"_s, QJsonArray{u"session"_s, u"local"_s, u"key"_s}},
        {u"capabilities"_s, QJsonArray{u"changePassword"_s, u"setPassword"_s, u"authByKey"_s}},
        {u"ssoAutoLogin"_s, false},
        {u"pollingDuration"_s, 1000}};
    if (which == u"v1") {
        reply.setJson(QJsonObject{{u"version"_s, fullVersion()},
                                  {u"gitDescription"_s, fullVersion()},
                                  {u"connectors"_s, QJsonObject()},
                                  {u"config"_s, config}});
        return;
    }
    reply.setJson(QJsonObject{{u"versions"_s, QJsonObject{{u"Scalligraph"_s, fullVersion()},
                                                          {u"TheHive"_s, fullVersion()},
                                                          {u"Play"_s, u"2.8.x"_s}}},
                              {u"connectors"_s, QJsonObject()},
                              {u"config"_s, config}});
}

void FakeTheHive::getCase(const QString &idOrNumber, bool v1, Reply &reply) const
{
    const QString id = findVisibleCase(idOrNumber);
    if (id.isEmpty())
        return reply.setJson(error(u"NotFoundError"_s, u"Case not found"_s), 404);
    const QJsonObject &stored = m_cases[id];
    reply.setJson(v1 ? renderCaseV1(stored) : renderCaseV0(stored));
}

void FakeTheHive::patchCase(const RecordedRequest &request, const QString &idOrNumber, bool v1,
                            Reply &reply)
{
    QJsonObject body;
    if (!jsonBody(request, &body))
        return reply.setJson(error(u"BadRequest"_s, u"Invalid Json"_s), 400);
    const QString id = findVisibleCase(idOrNumber);
    if (id.isEmpty())
        return reply.setJson(error(u"NotFoundError"_s, u"Case not found"_s), 404);
    if (isTheHive4()) {
        if (!can(m_caller, u"manageCase"_s))
            return refuse(u"update the case"_s, u"Case"_s, reply);
    } else {
        // Reopening a closed case is its own permission; anything else in the PATCH is an update.
        const bool reopening = reopens(m_cases[id], body);
        if (reopening && !can(m_caller, u"manageCase/reopen"_s))
            return refuse(u"reopen the case"_s, u"Case"_s, reply);
        if ((!reopening || body.size() > 1) && !can(m_caller, u"manageCase/update"_s))
            return refuse(u"update the case"_s, u"Case"_s, reply);
    }
    if (!applyCasePatch(id, body, v1, reply))
        return;
    // TheHive 4's v0 API answers with the updated case; every v1 API answers 204.
    if (v1)
        reply.setEmpty(204);
    else
        reply.setJson(renderCaseV0(m_cases[id]));
}

void FakeTheHive::postTask(const RecordedRequest &request, const QString &idOrNumber, bool v1,
                           Reply &reply)
{
    QJsonObject body;
    if (!jsonBody(request, &body))
        return reply.setJson(error(u"BadRequest"_s, u"Invalid Json"_s), 400);
    const QString caseId = findVisibleCase(idOrNumber);
    if (caseId.isEmpty())
        return reply.setJson(error(u"NotFoundError"_s, u"Case not found"_s), 404);
    if (!can(m_caller, u"manageTask"_s))
        return refuse(u"create a task"_s, u"Case"_s, reply);
    const QString title = body.value(u"title"_s).toString();
    if (title.isEmpty())
        return reply.setJson(error(u"AttributeCheckingError"_s, u"[Attribute title is missing]"_s),
                             400);
    const QString assigneeKey = v1 ? u"assignee"_s : u"owner"_s;
    const QString assignee = body.value(assigneeKey).toString();
    if (!assignee.isEmpty() && !isAssignable(assignee))
        return reply.setJson(error(u"NotFoundError"_s, u"User not found"_s), 404);

    QJsonObject fields = body;
    fields.remove(assigneeKey);
    if (!assignee.isEmpty())
        fields.insert(u"assignee"_s, assignee);
    const QJsonObject task = storeTask(caseId, fields, m_caller);
    reply.setJson(v1 ? renderTaskV1(task) : renderTaskV0(task), 201);
}

void FakeTheHive::postComment(const RecordedRequest &request, const QString &idOrNumber,
                              Reply &reply)
{
    QJsonObject body;
    if (!jsonBody(request, &body))
        return reply.setJson(error(u"BadRequest"_s, u"Invalid Json"_s), 400);
    const QString caseId = findVisibleCase(idOrNumber);
    if (caseId.isEmpty())
        return reply.setJson(error(u"NotFoundError"_s, u"Case not found"_s), 404);
    if (!can(m_caller, u"manageComment"_s))
        return refuse(u"comment on the case"_s, u"Case"_s, reply);
    const QString message = body.value(u"message"_s).toString();
    if (message.isEmpty())
        return reply.setJson(
            error(u"AttributeCheckingError"_s, u"[Attribute message is missing]"_s), 400);
    reply.setJson(storeComment(caseId, message, m_caller), 201);
}

void FakeTheHive::postTaskLog(const RecordedRequest &request, const QString &taskId, bool v1,
                              Reply &reply)
{
    QJsonObject body;
    QList<FormPart> files; // multipart only: the log's files
    if (isMultipartFormData(request.header("Content-Type"))) {
        if (!readLogForm(request, &body, &files))
            return reply.setJson(error(u"BadRequest"_s, u"Invalid multipart body"_s), 400);
    } else if (!jsonBody(request, &body)) {
        return reply.setJson(error(u"BadRequest"_s, u"Invalid Json"_s), 400);
    }
    QString caseId;
    if (!findTask(taskId, &caseId) || findVisibleCase(caseId).isEmpty())
        return reply.setJson(error(u"NotFoundError"_s, u"Task not found"_s), 404);
    if (!can(m_caller, u"manageTask"_s))
        return refuse(u"add a task log"_s, u"Task"_s, reply);
    const QString message = body.value(u"message"_s).toString();
    if (message.isEmpty())
        return reply.setJson(
            error(u"AttributeCheckingError"_s, u"[Attribute message is missing]"_s), 400);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const QString id = nextId();
    QJsonObject log{{u"_id"_s, id},          {u"taskId"_s, taskId},
                    {u"message"_s, message}, {u"date"_s, body.value(u"startDate"_s).toInteger(now)},
                    {u"owner"_s, m_caller},  {u"createdBy"_s, m_caller},
                    {u"createdAt"_s, now}};
    // TheHive 4 links at most one file to a log; TheHive 5 any number, listed in its answer.
    QJsonArray attachments;
    if (isTheHive4() && !files.isEmpty()) {
        log.insert(u"attachment"_s, storeAttachment(files.constLast(), files.constLast().fileName));
    } else if (!files.isEmpty()) {
        for (const FormPart &file : std::as_const(files))
            attachments.append(storeOutputAttachment(file, file.fileName));
        log.insert(u"attachments"_s, attachments);
    }
    m_logs[caseId].append(log);
    if (v1) {
        reply.setJson(QJsonObject{{u"_id"_s, id},
                                  {u"_type"_s, u"Log"_s},
                                  {u"_createdBy"_s, m_caller},
                                  {u"_createdAt"_s, now},
                                  {u"message"_s, message},
                                  {u"date"_s, log.value(u"date"_s)},
                                  {u"owner"_s, m_caller},
                                  {u"attachments"_s, attachments},
                                  {u"extraData"_s, QJsonObject()}},
                      201);
    } else {
        reply.setJson(QJsonObject{{u"_id"_s, id},
                                  {u"id"_s, id},
                                  {u"_type"_s, u"case_task_log"_s},
                                  {u"message"_s, message},
                                  {u"startDate"_s, log.value(u"date"_s)},
                                  {u"owner"_s, m_caller},
                                  {u"status"_s, u"Ok"_s},
                                  {u"createdBy"_s, m_caller},
                                  {u"createdAt"_s, now}},
                      201);
    }
}

void FakeTheHive::patchTask(const RecordedRequest &request, const QString &taskId, bool v1,
                            Reply &reply)
{
    QJsonObject body;
    if (!jsonBody(request, &body))
        return reply.setJson(error(u"BadRequest"_s, u"Invalid Json"_s), 400);
    QString caseId;
    QJsonObject *task = findTask(taskId, &caseId);
    if (!task || findVisibleCase(caseId).isEmpty())
        return reply.setJson(error(u"NotFoundError"_s, u"Task not found"_s), 404);
    if (!can(m_caller, u"manageTask"_s))
        return refuse(u"update the task"_s, u"Task"_s, reply);
    if (!applyTaskPatch(*task, body, v1, reply))
        return;
    if (v1)
        reply.setEmpty(204);
    else
        reply.setJson(renderTaskV0(*task));
}

void FakeTheHive::getUser(const QString &idOrLogin, bool v1, Reply &reply) const
{
    QJsonObject stored;
    if (idOrLogin == u"current" && m_caller == m_apiUser) {
        stored = apiUser();
    } else if (idOrLogin == u"current") {
        stored = m_users[findUser(m_caller)];
    } else {
        const QString id = findUser(idOrLogin);
        if (id.isEmpty())
            return reply.setJson(error(u"NotFoundError"_s, u"User not found"_s), 404);
        stored = m_users[id];
    }
    reply.setJson(v1 ? renderUserV1(stored) : renderUserV0(stored));
}

void FakeTheHive::postQuery(const RecordedRequest &request, Reply &reply) const
{
    const QJsonArray ops = request.json().value(u"query"_s).toArray();
    if (ops.isEmpty())
        return reply.setJson(error(u"BadRequest"_s, u"Invalid query: no operation"_s), 400);

    QJsonArray list;
    QJsonObject single;
    QString caseId;
    QString taskId; ///< after getTask
    bool isList = false;
    bool onePage = false;              ///< after getAlert: a page gives the alert as a list of one
    QHash<QString, QString> taskCases; // listTask: task _id → case _id, for extraData caseId
    for (const QJsonValue &opValue : ops) {
        const QJsonObject op = opValue.toObject();
        const QString name = op.value(u"_name"_s).toString();
        if (name == u"listUser") {
            list = {};
            for (const QString &id : m_userOrder)
                list.append(renderUserV1(m_users[id]));
            isList = true;
        } else if (name == u"listCase") {
            list = {};
            for (const QString &id : m_caseOrder) {
                if (canSee(m_cases[id], m_caller))
                    list.append(renderCaseV1(m_cases[id]));
            }
            isList = true;
        } else if (name == u"listAlert") {
            list = {};
            for (const QString &id : m_alertOrder)
                list.append(renderAlertV1(m_alerts[id]));
            isList = true;
        } else if (name == u"listAlertStatus" && !isTheHive4()) {
            list = alertStatusList();
            isList = true;
        } else if (name == u"getAlert") {
            const QString alertId = findAlert(op.value(u"idOrName"_s).toString());
            if (alertId.isEmpty())
                return reply.setJson(error(u"NotFoundError"_s, u"Alert not found"_s), 404);
            single = renderAlertV1(m_alerts[alertId]);
            list = QJsonArray{single};
            isList = false;
            onePage = true;
        } else if (name == u"listCaseTemplate") {
            list = {};
            for (const QJsonObject &t : m_templates)
                list.append(t);
            isList = true;
        } else if (name == u"listTask") {
            list = {};
            for (const QString &id : m_caseOrder) {
                if (!canSee(m_cases[id], m_caller))
                    continue;
                for (const QJsonObject &task : m_tasks.value(id)) {
                    list.append(renderTaskV1(task));
                    taskCases.insert(task.value(u"_id"_s).toString(), id);
                }
            }
            isList = true;
        } else if (name == u"getCase") {
            caseId = findVisibleCase(op.value(u"idOrName"_s).toVariant().toString());
            if (caseId.isEmpty())
                return reply.setJson(error(u"NotFoundError"_s, u"Case not found"_s), 404);
            single = renderCaseV1(m_cases[caseId]);
            isList = false;
        } else if (name == u"tasks" && !caseId.isEmpty()) {
            list = {};
            for (const QJsonObject &task : m_tasks.value(caseId))
                list.append(renderTaskV1(task));
            isList = true;
        } else if (name == u"comments" && !caseId.isEmpty() && !isTheHive4()) {
            list = {};
            for (const QJsonObject &comment : m_comments.value(caseId))
                list.append(comment);
            isList = true;
        } else if (name == u"attachments" && !caseId.isEmpty() && taskId.isEmpty() &&
                   !isTheHive4()) {
            list = {};
            for (const QJsonObject &attachment : m_caseAttachments.value(caseId))
                list.append(attachment);
            isList = true;
        } else if (name == u"getTask") {
            taskId = op.value(u"idOrName"_s).toString();
            caseId.clear();
            for (auto it = m_tasks.cbegin(); it != m_tasks.cend() && caseId.isEmpty(); ++it) {
                for (const QJsonObject &task : it.value()) {
                    if (task.value(u"_id"_s).toString() == taskId &&
                        canSee(m_cases[it.key()], m_caller))
                        caseId = it.key();
                }
            }
            if (caseId.isEmpty())
                return reply.setJson(error(u"NotFoundError"_s, u"Task not found"_s), 404);
            isList = false;
        } else if (name == u"logs" && !taskId.isEmpty()) {
            list = {};
            for (const QJsonObject &log : m_logs.value(caseId)) {
                if (log.value(u"taskId"_s).toString() == taskId)
                    list.append(log);
            }
            isList = true;
        } else if (name == u"assignableUsers" && !caseId.isEmpty()) {
            list = {};
            for (const QString &id : m_userOrder) {
                if (!m_users[id].value(u"locked"_s).toBool())
                    list.append(renderUserV1(m_users[id]));
            }
            isList = true;
        } else if (name == u"filter" && isList) {
            QJsonArray kept;
            for (const QJsonValue &item : std::as_const(list)) {
                if (matchesFilter(alertQueryView(item.toObject()), op))
                    kept.append(item);
            }
            list = kept;
        } else if (name == u"sort" && isList) {
            const QJsonObject spec = op.value(u"_fields"_s).toArray().first().toObject();
            const QString field = spec.keys().value(0);
            const bool asc = spec.value(field).toString() != u"desc";
            QList<QJsonValue> items(list.begin(), list.end());
            std::stable_sort(items.begin(), items.end(),
                             [&](const QJsonValue &a, const QJsonValue &b) {
                                 const QVariant va = a.toObject().value(field).toVariant();
                                 const QVariant vb = b.toObject().value(field).toVariant();
                                 const auto order = QVariant::compare(va, vb);
                                 return asc ? order == QPartialOrdering::Less
                                            : order == QPartialOrdering::Greater;
                             });
            list = QJsonArray();
            for (const QJsonValue &item : items)
                list.append(item);
        } else if (name == u"page" && (isList || onePage)) {
            const int from = op.value(u"from"_s).toInt();
            const int to = op.value(u"to"_s).toInt(int(list.size()));
            // Like TheHive's TaskRenderer: extraData "caseId" names each task's case.
            const bool withCaseId = op.value(u"extraData"_s).toArray().contains(u"caseId"_s);
            QJsonArray page;
            for (int i = from; i < to && i < list.size(); ++i) {
                QJsonObject item = list.at(i).toObject();
                const QString taskCase = taskCases.value(item.value(u"_id"_s).toString());
                if (withCaseId && !taskCase.isEmpty())
                    item.insert(u"extraData"_s, QJsonObject{{u"caseId"_s, taskCase}});
                page.append(item);
            }
            list = page;
            isList = true;
        } else if (name == u"count" && isList) {
            return reply.setRawJson(QByteArray::number(list.size()));
        } else {
            return reply.setJson(
                error(u"BadRequest"_s, u"Invalid query: unsupported operation "_s + name), 400);
        }
    }
    if (isList)
        reply.setJson(list);
    else
        reply.setJson(single);
}

} // namespace TestSupport
