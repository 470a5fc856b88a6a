#include "thehive/dialect.h"

#include "core/hivevocabulary.h"
#include "thehive/hivejson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace Bridge {

using namespace Qt::StringLiterals;
using namespace HiveJson;

std::optional<HiveVersion> parseVersionString(const QString &text)
{
    static const QRegularExpression pattern(
        u"^v?(\\d{1,3})(?:\\.(\\d{1,4}))?(?:\\.\\d{1,6})?(?:[-+~][0-9A-Za-z.+~-]*)?$"_s,
        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = pattern.match(text.trimmed());
    if (!match.hasMatch())
        return std::nullopt;
    HiveVersion version;
    version.major = match.captured(1).toInt();
    if (version.major < 1)
        return std::nullopt;
    if (match.hasCaptured(2))
        version.minor = match.captured(2).toInt();
    else
        version.minor = version.major == 5 ? 2 : 0;
    return version;
}

std::optional<HiveVersion> parsePublicStatus(const QJsonObject &json)
{
    const QJsonValue version = json.value("version"_L1);
    if (!version.isString())
        return std::nullopt;
    return parseVersionString(version.toString());
}

std::optional<HiveVersion> parseLegacyStatus(const QJsonObject &json)
{
    const QJsonValue version = json.value("versions"_L1).toObject().value("TheHive"_L1);
    if (!version.isString())
        return std::nullopt;
    return parseVersionString(version.toString());
}

QByteArray HiveRequest::payload() const
{
    if (!hasBody)
        return {};
    if (rawBody.isNull() || rawBody.isUndefined())
        return QJsonDocument(body).toJson(QJsonDocument::Compact);
    if (rawBody.isObject())
        return QJsonDocument(rawBody.toObject()).toJson(QJsonDocument::Compact);
    if (rawBody.isArray())
        return QJsonDocument(rawBody.toArray()).toJson(QJsonDocument::Compact);
    // QJsonDocument only holds containers: serialise [value] and drop the brackets.
    const QByteArray wrapped = QJsonDocument(QJsonArray{rawBody}).toJson(QJsonDocument::Compact);
    return wrapped.mid(1, wrapped.size() - 2);
}

namespace HiveRequests {

/// Ids and logins go into one path segment; '@' and ':' are legal there and read better.
QString segment(const QString &value)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(value, "@:"));
}

HiveRequest withBody(const QByteArray &method, const QString &path, const QJsonObject &body)
{
    HiveRequest request;
    request.method = method;
    request.path = path;
    request.body = body;
    request.hasBody = true;
    return request;
}

HiveRequest query(const QJsonArray &operations)
{
    return withBody("POST", u"/api/v1/query"_s, QJsonObject{{u"query"_s, operations}});
}

HiveRequest newestOf(const QJsonArray &start, int limit)
{
    QJsonArray operations = start;
    operations.append(
        QJsonObject{{u"_name"_s, u"sort"_s},
                    {u"_fields"_s, QJsonArray{QJsonObject{{u"_createdAt"_s, u"desc"_s}}}}});
    operations.append(QJsonObject{{u"_name"_s, u"page"_s}, {u"from"_s, 0}, {u"to"_s, limit}});
    return query(operations);
}

} // namespace HiveRequests

using HiveRequests::newestOf;
using HiveRequests::query;
using HiveRequests::segment;
using HiveRequests::withBody;

namespace {

QString casePath(const QString &caseId, const HiveVersion &version)
{
    return (version.isTheHive4() ? u"/api/case/"_s : u"/api/v1/case/"_s) + segment(caseId);
}

HiveRequest patchCase(const QString &caseId, const QJsonObject &body, const HiveVersion &version)
{
    return withBody("PATCH", casePath(caseId, version), body);
}

HiveRequest findUser(const QString &field, const QString &value)
{
    return query({
        QJsonObject{{u"_name"_s, u"listUser"_s}},
        QJsonObject{{u"_name"_s, u"filter"_s},
                    {u"_eq"_s, QJsonObject{{u"_field"_s, field}, {u"_value"_s, value}}}},
        QJsonObject{{u"_name"_s, u"page"_s}, {u"from"_s, 0}, {u"to"_s, 10}},
    });
}

void insertIfSet(QJsonObject &json, const QString &key, const QString &value)
{
    if (!value.isEmpty())
        json.insert(key, value);
}

/// `list` (listCase, listTask) with `timeField` >= `fromMs`, oldest first, one page of it.
HiveRequest listSince(const QString &list, const QString &timeField, qint64 fromMs, int skip,
                      int pageSize, const QJsonArray &extraData = {})
{
    QJsonObject page{{u"_name"_s, u"page"_s}, {u"from"_s, skip}, {u"to"_s, skip + pageSize}};
    if (!extraData.isEmpty())
        page.insert(u"extraData"_s, extraData);
    return query({
        QJsonObject{{u"_name"_s, list}},
        QJsonObject{{u"_name"_s, u"filter"_s},
                    {u"_gte"_s, QJsonObject{{u"_field"_s, timeField}, {u"_value"_s, fromMs}}}},
        QJsonObject{{u"_name"_s, u"sort"_s},
                    {u"_fields"_s, QJsonArray{QJsonObject{{timeField, u"asc"_s}}}}},
        page,
    });
}

} // namespace

namespace HiveRequests {

HiveRequest getCase(const QString &caseId, const HiveVersion &version)
{
    HiveRequest request;
    request.method = "GET";
    request.path = casePath(caseId, version);
    return request;
}

HiveRequest setSeverity(const QString &caseId, int severity, const HiveVersion &version)
{
    return patchCase(caseId, {{u"severity"_s, severity}}, version);
}

HiveRequest setTlp(const QString &caseId, int tlp, const HiveVersion &version)
{
    return patchCase(caseId, {{u"tlp"_s, tlp}}, version);
}

HiveRequest setPap(const QString &caseId, int pap, const HiveVersion &version)
{
    return patchCase(caseId, {{u"pap"_s, pap}}, version);
}

HiveRequest setStatus(const QString &caseId, const QString &status, const HiveVersion &version)
{
    return patchCase(caseId, {{u"status"_s, status}}, version);
}

HiveRequest assign(const QString &caseId, const QString &login, const HiveVersion &version)
{
    const QString key = version.isTheHive4() ? u"owner"_s : u"assignee"_s;
    const QJsonValue value = login.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(login);
    return patchCase(caseId, {{key, value}}, version);
}

HiveRequest close(const QString &caseId, const QString &resolution, const QString &impact,
                  const QString &summary, const HiveVersion &version)
{
    QJsonObject body;
    if (version.isTheHive4()) {
        body.insert(u"status"_s, resolution == "Duplicated"_L1 ? u"Duplicated"_s : u"Resolved"_s);
        body.insert(u"resolutionStatus"_s, resolution);
    } else {
        body.insert(u"status"_s, resolution);
    }
    insertIfSet(body, u"impactStatus"_s, impact);
    insertIfSet(body, u"summary"_s, summary);
    return patchCase(caseId, body, version);
}

HiveRequest reopen(const QString &caseId, const HiveVersion &version)
{
    return setStatus(caseId, Vocabulary::reopenStatus(version), version);
}

HiveRequest createTask(const QString &caseId, const TaskDraft &task, const HiveVersion &version)
{
    QJsonObject body{{u"title"_s, task.title}};
    insertIfSet(body, u"group"_s, task.group);
    insertIfSet(body, u"description"_s, task.description);
    insertIfSet(body, version.isTheHive4() ? u"owner"_s : u"assignee"_s, task.assigneeLogin);
    if (task.dueDateMs > 0)
        body.insert(u"dueDate"_s, task.dueDateMs);
    if (!version.isTheHive4())
        body.insert(u"mandatory"_s, task.mandatory);
    return withBody("POST", casePath(caseId, version) + u"/task"_s, body);
}

HiveRequest createCase(const CaseDraft &draft, const HiveVersion &version)
{
    const bool th4 = version.isTheHive4();
    QJsonObject body{{u"title"_s, draft.title},
                     {u"description"_s, draft.description},
                     {u"tags"_s, QJsonArray::fromStringList(draft.tags)}};
    for (const auto &[key, value] :
         {std::pair{u"severity"_s, draft.severity}, std::pair{u"tlp"_s, draft.tlp},
          std::pair{u"pap"_s, draft.pap}})
        if (value)
            body.insert(key, *value);
    insertIfSet(body, th4 ? u"template"_s : u"caseTemplate"_s, draft.templateId);
    insertIfSet(body, th4 ? u"user"_s : u"assignee"_s, draft.assigneeLogin);
    return withBody("POST", th4 ? u"/api/case"_s : u"/api/v1/case"_s, body);
}

HiveRequest listCaseTemplates(int limit)
{
    return query({
        QJsonObject{{u"_name"_s, u"listCaseTemplate"_s}},
        QJsonObject{{u"_name"_s, u"sort"_s},
                    {u"_fields"_s, QJsonArray{QJsonObject{{u"displayName"_s, u"asc"_s}}}}},
        QJsonObject{{u"_name"_s, u"page"_s}, {u"from"_s, 0}, {u"to"_s, limit}},
    });
}

HiveRequest listCasesCreatedSince(qint64 sinceMs, int limit)
{
    return query({
        QJsonObject{{u"_name"_s, u"listCase"_s}},
        QJsonObject{
            {u"_name"_s, u"filter"_s},
            {u"_gte"_s, QJsonObject{{u"_field"_s, u"_createdAt"_s}, {u"_value"_s, sinceMs}}}},
        QJsonObject{{u"_name"_s, u"sort"_s},
                    {u"_fields"_s, QJsonArray{QJsonObject{{u"_createdAt"_s, u"desc"_s}}}}},
        QJsonObject{{u"_name"_s, u"page"_s}, {u"from"_s, 0}, {u"to"_s, limit}},
    });
}

std::optional<HiveRequest> addCaseComment(const QString &caseId, const QString &message,
                                          const HiveVersion &version)
{
    if (version.isTheHive4())
        return std::nullopt;
    return withBody("POST", casePath(caseId, version) + u"/comment"_s, {{u"message"_s, message}});
}

HiveRequest addTaskLog(const QString &taskId, const QString &message, const HiveVersion &version)
{
    const QString path = version.isTheHive4() ? u"/api/case/task/"_s + segment(taskId) + u"/log"_s
                                              : u"/api/v1/task/"_s + segment(taskId) + u"/log"_s;
    return withBody("POST", path, {{u"message"_s, message}});
}

HiveRequest listCaseComments(const QString &caseId, int limit)
{
    return newestOf({QJsonObject{{u"_name"_s, u"getCase"_s}, {u"idOrName"_s, caseId}},
                     QJsonObject{{u"_name"_s, u"comments"_s}}},
                    limit);
}

HiveRequest listTaskLogs(const QString &taskId, int limit)
{
    return newestOf({QJsonObject{{u"_name"_s, u"getTask"_s}, {u"idOrName"_s, taskId}},
                     QJsonObject{{u"_name"_s, u"logs"_s}}},
                    limit);
}

HiveRequest findCases(const QString &text, int limit)
{
    const QString words = text.simplified();
    QJsonArray any{QJsonObject{
        {u"_like"_s, QJsonObject{{u"_field"_s, u"title"_s}, {u"_value"_s, u"*%1*"_s.arg(words)}}}}};
    bool isNumber = false;
    const qint64 number = QString(words).remove(u'#').toLongLong(&isNumber);
    if (isNumber)
        any.append(QJsonObject{
            {u"_eq"_s, QJsonObject{{u"_field"_s, u"number"_s}, {u"_value"_s, number}}}});
    return newestOf({QJsonObject{{u"_name"_s, u"listCase"_s}},
                     QJsonObject{{u"_name"_s, u"filter"_s}, {u"_or"_s, any}}},
                    limit);
}

HiveRequest getUser(const QString &login, const HiveVersion &)
{
    HiveRequest request;
    request.method = "GET";
    request.path = u"/api/v1/user/"_s + segment(login);
    return request;
}

HiveRequest findUserByEmail(const QString &email, const HiveVersion &version)
{
    if (version.isTheHive4())
        return findUser(u"login"_s, email.trimmed().toLower());
    return findUser(u"email"_s, email.trimmed());
}

HiveRequest findUserByLogin(const QString &login, const HiveVersion &version)
{
    return findUser(u"login"_s, version.isTheHive4() ? login.trimmed().toLower() : login.trimmed());
}

HiveRequest countTasks(const QString &caseId, const HiveVersion &)
{
    return query({
        QJsonObject{{u"_name"_s, u"getCase"_s}, {u"idOrName"_s, caseId}},
        QJsonObject{{u"_name"_s, u"tasks"_s}},
        QJsonObject{{u"_name"_s, u"count"_s}},
    });
}

HiveRequest findTasksSince(const QString &caseId, const QString &title, qint64 sinceMs)
{
    return query({
        QJsonObject{{u"_name"_s, u"getCase"_s}, {u"idOrName"_s, caseId}},
        QJsonObject{{u"_name"_s, u"tasks"_s}},
        QJsonObject{{u"_name"_s, u"filter"_s},
                    {u"_and"_s,
                     QJsonArray{QJsonObject{{u"_eq"_s, QJsonObject{{u"_field"_s, u"title"_s},
                                                                   {u"_value"_s, title}}}},
                                QJsonObject{{u"_gte"_s, QJsonObject{{u"_field"_s, u"_createdAt"_s},
                                                                    {u"_value"_s, sinceMs}}}}}}},
        QJsonObject{{u"_name"_s, u"page"_s}, {u"from"_s, 0}, {u"to"_s, 1}},
    });
}

HiveRequest listOpenCasesOf(const QString &login, int limit, const HiveVersion &version)
{
    const QJsonObject open =
        version.isTheHive4()
            ? QJsonObject{{u"_eq"_s,
                           QJsonObject{{u"_field"_s, u"status"_s}, {u"_value"_s, u"Open"_s}}}}
            : QJsonObject{
                  {u"_not"_s,
                   QJsonObject{
                       {u"_in"_s,
                        QJsonObject{{u"_field"_s, u"status"_s},
                                    {u"_values"_s, QJsonArray{u"TruePositive"_s, u"FalsePositive"_s,
                                                              u"Indeterminate"_s, u"Other"_s,
                                                              u"Duplicated"_s}}}}}}};
    return query({
        QJsonObject{{u"_name"_s, u"listCase"_s}},
        QJsonObject{
            {u"_name"_s, u"filter"_s},
            {u"_and"_s, QJsonArray{QJsonObject{{u"_eq"_s, QJsonObject{{u"_field"_s, u"assignee"_s},
                                                                      {u"_value"_s, login}}}},
                                   open}}},
        QJsonObject{{u"_name"_s, u"sort"_s},
                    {u"_fields"_s, QJsonArray{QJsonObject{{u"_createdAt"_s, u"desc"_s}}}}},
        QJsonObject{{u"_name"_s, u"page"_s}, {u"from"_s, 0}, {u"to"_s, limit}},
    });
}

HiveRequest listOpenTasksOf(const QString &login, int limit)
{
    return query({
        QJsonObject{{u"_name"_s, u"listTask"_s}},
        QJsonObject{
            {u"_name"_s, u"filter"_s},
            {u"_and"_s,
             QJsonArray{QJsonObject{{u"_eq"_s, QJsonObject{{u"_field"_s, u"assignee"_s},
                                                           {u"_value"_s, login}}}},
                        QJsonObject{{u"_in"_s,
                                     QJsonObject{{u"_field"_s, u"status"_s},
                                                 {u"_values"_s,
                                                  QJsonArray{u"Waiting"_s, u"InProgress"_s}}}}}}}},
        QJsonObject{{u"_name"_s, u"sort"_s},
                    {u"_fields"_s, QJsonArray{QJsonObject{{u"_createdAt"_s, u"desc"_s}}}}},
        QJsonObject{{u"_name"_s, u"page"_s},
                    {u"from"_s, 0},
                    {u"to"_s, limit},
                    {u"extraData"_s, QJsonArray{u"caseId"_s}}},
    });
}

HiveRequest listCasesSince(const QString &timeField, qint64 fromMs, int skip, int pageSize)
{
    return listSince(u"listCase"_s, timeField, fromMs, skip, pageSize);
}

HiveRequest listTasksSince(const QString &timeField, qint64 fromMs, int skip, int pageSize)
{
    return listSince(u"listTask"_s, timeField, fromMs, skip, pageSize, QJsonArray{u"caseId"_s});
}

} // namespace HiveRequests

namespace {

constexpr qsizetype MaxMessageLength = 300;

QString typeForStatus(int httpStatus)
{
    switch (httpStatus) {
    case 400:
        return u"BadRequest"_s;
    case 401:
        return u"AuthenticationError"_s;
    case 402:
        return u"MultiFactorCodeRequired"_s;
    case 403:
        return u"AuthorizationError"_s;
    case 404:
        return u"NotFoundError"_s;
    case 500:
        return u"InternalError"_s;
    default:
        return u"HttpError"_s;
    }
}

/// A proxy's error page is HTML: its <title> is the readable part.
QString readableText(const QByteArray &body)
{
    const QString text = QString::fromUtf8(body);
    static const QRegularExpression title(u"<title[^>]*>(.*?)</title>"_s,
                                          QRegularExpression::CaseInsensitiveOption |
                                              QRegularExpression::DotMatchesEverythingOption);
    if (const QRegularExpressionMatch match = title.match(text); match.hasMatch())
        return match.captured(1);
    if (text.trimmed().startsWith(u'<'))
        return {};
    return text;
}

QString bounded(const QString &text)
{
    const QString line = text.simplified();
    if (line.size() <= MaxMessageLength)
        return line;
    return line.left(MaxMessageLength - 1) + u'\u2026';
}

} // namespace

HiveError parseError(int httpStatus, const QByteArray &body)
{
    HiveError error;
    error.httpStatus = httpStatus;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error == QJsonParseError::NoError && doc.isObject()) {
        const QJsonObject json = doc.object();
        error.type = toString(json.value("type"_L1));
        error.message = firstString(json, {"message"_L1, "cause"_L1});
        if (error.type.isEmpty() && error.message.isEmpty())
            error.message = QString::fromUtf8(doc.toJson(QJsonDocument::Compact));
    } else {
        error.message = readableText(body);
    }
    if (error.type.isEmpty())
        error.type = typeForStatus(httpStatus);
    error.message = bounded(error.message);
    if (error.message.isEmpty())
        error.message = u"HTTP %1"_s.arg(httpStatus);
    if (httpStatus == 404) {
        error.message += u" (TheHive 4 also answers 404 when the API user lacks the permission)"_s;
    }
    return error;
}

QString theHivePageUrl(const QUrl &uiBase, const QString &page, const QString &fragment)
{
    if (!uiBase.isValid() || uiBase.isRelative())
        return {};
    QUrl url = uiBase;
    url.setQuery(QString());
    url.setFragment(QString());
    QString path = url.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    url.setPath(path + page);
    if (!fragment.isEmpty())
        url.setFragment(fragment);
    return url.toString(QUrl::FullyEncoded);
}

QString caseUiUrl(const QUrl &uiBase, const CaseRecord &record, const HiveVersion &version)
{
    if (record.id.isEmpty())
        return {};
    if (version.isTheHive4())
        return theHivePageUrl(uiBase, u"/index.html"_s,
                              u"!/case/"_s + segment(record.id) + u"/details"_s);
    return theHivePageUrl(uiBase, u"/cases/"_s + segment(record.id) + u"/details"_s);
}

} // namespace Bridge
