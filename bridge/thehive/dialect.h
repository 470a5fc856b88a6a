#pragma once

#include "core/casemodel.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace Bridge {

/// Version from TheHive 5's unauthenticated `GET /api/v1/status/public` ({"version":"5.2.9-1"}).
std::optional<HiveVersion> parsePublicStatus(const QJsonObject &json);
/// Version from `GET /api/status` ({"versions":{"TheHive":"4.1.24-1"}}); TheHive 5 answers
/// it too. A TheHive 3 server gives major 3, which callers must refuse.
std::optional<HiveVersion> parseLegacyStatus(const QJsonObject &json);
/// Parses "5", "5.2", "4.1.24-1", "v5.2.9": major[.minor[.patch]][-build]. A bare "5" reads
/// as 5.2, the TLP numbering of current TheHive 5 releases: on an older 5.x that guess fails
/// loudly (TLP:RED = 4 is refused) instead of silently sending 3, which 5.2+ reads as
/// AMBER+STRICT. Other bare majors get minor 0.
std::optional<HiveVersion> parseVersionString(const QString &text);

/// A file sent to TheHive in a multipart/form-data body.
struct HiveUpload
{
    QString field; ///< the part's name: "attachments" (TheHive 5), "attachment" (TheHive 4)
    QString fileName;
    QByteArray contentType;
    QByteArray content;
    QList<QPair<QString, QString>> fields{}; ///< plain form fields sent before the file
};

/// One REST call to TheHive, ready for an HTTP client.
struct HiveRequest
{
    QByteArray method; ///< GET, POST or PATCH
    QString path;      ///< relative to the TheHive base URL, e.g. "/api/v1/case/~123"
    QJsonObject body;  ///< the JSON body when hasBody
    bool hasBody = false;
    QJsonValue rawBody; ///< a non-object body; wins over @c body unless null/undefined
    /// Sent as multipart/form-data: the file, after `body` (when hasBody) as the `_json` part.
    std::optional<HiveUpload> upload{};

    /// The bytes to send (compact JSON), empty without a body.
    QByteArray payload() const;
};

/// A task to create from Slack.
struct TaskDraft
{
    QString title;
    QString description;
    QString group;
    QString assigneeLogin;
    qint64 dueDateMs = 0;   ///< 0 = no due date
    bool mandatory = false; ///< TheHive 5 only
};

/// A case to create from Slack. Severity, TLP and PAP not given are the template's, else
/// TheHive's defaults.
struct CaseDraft
{
    QString title;
    QString description; ///< TheHive requires one: never empty
    std::optional<int> severity;
    std::optional<int> tlp;
    std::optional<int> pap;
    QStringList tags;
    QString templateId;    ///< a case template's name or id; empty for none
    QString assigneeLogin; ///< empty: TheHive 4 assigns the creator, TheHive 5 nobody
};

/// Version-aware request builders (shared/docs/thehive-api.md §3.3–3.5). TheHive 4 is
/// driven through its v0 API, which its own UI uses; TheHive 5 through /api/v1. Updates
/// carry only the field they change: never `flag` or anything else a stale view would
/// overwrite.
namespace HiveRequests {

/// Ids and logins go into one path segment; '@' and ':' are legal there and read better.
QString segment(const QString &value);
HiveRequest withBody(const QByteArray &method, const QString &path, const QJsonObject &body);
/// `POST /api/v1/query` with these operations.
HiveRequest query(const QJsonArray &operations);
/// The newest `limit` items of what `start` reaches (getCase → comments, getTask → logs, …).
HiveRequest newestOf(const QJsonArray &start, int limit);

HiveRequest getCase(const QString &caseId, const HiveVersion &version);
HiveRequest setSeverity(const QString &caseId, int severity, const HiveVersion &version);
HiveRequest setTlp(const QString &caseId, int tlp, const HiveVersion &version);
HiveRequest setPap(const QString &caseId, int pap, const HiveVersion &version);
HiveRequest setStatus(const QString &caseId, const QString &status, const HiveVersion &version);
/// TheHive 4 {"owner": login}, TheHive 5 {"assignee": login}; an empty login unassigns (null).
HiveRequest assign(const QString &caseId, const QString &login, const HiveVersion &version);
/// TheHive 4: status Resolved (Duplicated for a "Duplicated" resolution) + resolutionStatus;
/// TheHive 5: the resolution is the status. Empty impact or summary are left out.
HiveRequest close(const QString &caseId, const QString &resolution, const QString &impact,
                  const QString &summary, const HiveVersion &version);
HiveRequest reopen(const QString &caseId, const HiveVersion &version);
HiveRequest createTask(const QString &caseId, const TaskDraft &task, const HiveVersion &version);
/// TheHive 4 v0 `POST /api/case` (template as `template`, assignee as `user`); TheHive 5
/// `POST /api/v1/case` (`caseTemplate`, `assignee`). Answers 201 with the case.
HiveRequest createCase(const CaseDraft &draft, const HiveVersion &version);
/// Query API listCaseTemplate, by display name, at most `limit` (TheHive 4.1 and 5).
HiveRequest listCaseTemplates(int limit);
/// Query API listCase created at or after `sinceMs`, newest first, at most `limit`: whether an
/// attempt whose answer was lost created the case after all.
HiveRequest listCasesCreatedSince(qint64 sinceMs, int limit);
/// TheHive 5 only: TheHive 4 has no case comments, hence nullopt.
std::optional<HiveRequest> addCaseComment(const QString &caseId, const QString &message,
                                          const HiveVersion &version);
/// A task log: TheHive 4 v0 `POST /api/case/task/{id}/log`, TheHive 5 `POST /api/v1/task/{id}/log`.
HiveRequest addTaskLog(const QString &taskId, const QString &message, const HiveVersion &version);
/// Query API: the case's comments (TheHive 5), newest first, at most `limit`.
HiveRequest listCaseComments(const QString &caseId, int limit);
/// Query API: the task's logs, newest first, at most `limit`.
HiveRequest listTaskLogs(const QString &taskId, int limit);
/// Query API listCase for the case finder: number `text` (with or without "#"), or a title
/// containing `text` (TheHive's `_like`, any case), newest first, at most `limit`.
HiveRequest findCases(const QString &text, int limit);
HiveRequest getUser(const QString &login, const HiveVersion &version);
/// Query API listUser filtered on `email` (TheHive 5) or on `login`, lower-cased, in
/// TheHive 4 where the login is the email. Answers a JSON array of users.
HiveRequest findUserByEmail(const QString &email, const HiveVersion &version);
HiveRequest findUserByLogin(const QString &login, const HiveVersion &version);
/// Query API getCase → tasks → count; answers a bare number.
HiveRequest countTasks(const QString &caseId, const HiveVersion &version);
/// Query API listCase with `timeField` (`_createdAt` or `_updatedAt`) >= `fromMs`, oldest
/// first, `skip` cases in and at most `pageSize` of them (TheHive 4.1 and 5 both answer it).
/// Cases never updated have no `_updatedAt`, so finding new and changed cases takes both.
HiveRequest listCasesSince(const QString &timeField, qint64 fromMs, int skip, int pageSize);
/// Query API listTask with `timeField` >= `fromMs`, oldest first, paged like listCasesSince();
/// each task's case id is in its `extraData.caseId` (TheHive's TaskRenderer).
HiveRequest listTasksSince(const QString &timeField, qint64 fromMs, int skip, int pageSize);
/// Query API listCase: the open cases assigned to `login`, newest first, at most `limit`.
/// Open is status Open on TheHive 4, and on TheHive 5 any status but the built-in closing
/// ones (a custom closing status gets through: the caller checks each case's stage).
HiveRequest listOpenCasesOf(const QString &login, int limit, const HiveVersion &version);
/// Query API listTask: the tasks assigned to `login` that are Waiting or InProgress, newest
/// first, at most `limit`, each with its case id in `extraData.caseId`.
HiveRequest listOpenTasksOf(const QString &login, int limit);
/// Query API getCase → tasks with this title created at or after `sinceMs`: whether an
/// attempt whose answer was lost created the task after all.
HiveRequest findTasksSince(const QString &caseId, const QString &title, qint64 sinceMs);

} // namespace HiveRequests

/// A TheHive error answer.
struct HiveError
{
    int httpStatus = 0;
    QString type; ///< TheHive's error type ("NotFoundError", …), or one derived from the status
    QString message; ///< readable, single-line, bounded in length
};

/// Reads {"type","message"} error bodies; falls back to readable text (an HTML title, the
/// start of the body, or the status) when the body is not TheHive JSON. A 404 notes that
/// TheHive 4 also answers 404 when the API user lacks the permission.
HiveError parseError(int httpStatus, const QByteArray &body);

/// A page of TheHive's UI: `<uiBase without query or trailing '/'><page>[#fragment]`. Empty when
/// the base is not a valid absolute URL.
QString theHivePageUrl(const QUrl &uiBase, const QString &page, const QString &fragment = {});

/// Link to the case in TheHive's UI: TheHive 4 `<base>/index.html#!/case/<_id>/details`,
/// TheHive 5 `<base>/cases/<_id>/details`. Empty when the case has no `_id` or the base is
/// not a valid URL.
QString caseUiUrl(const QUrl &uiBase, const CaseRecord &record, const HiveVersion &version);

} // namespace Bridge
