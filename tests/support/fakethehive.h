#pragma once

#include "fakehttpserver.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

namespace TestSupport {

struct FormPart;

/// A stateful TheHive 4 or 5 on 127.0.0.1, answering the REST routes HiveSlack uses with the
/// shapes of shared/docs/thehive-api.md (§2, §3) and generating webhook payloads (§1.7).
///
/// Routes (all but the public status ones need an authenticated caller, else 401):
/// - TheHive 5: GET /api/v1/status/public, /api/status, /api/v1/status; GET|PATCH (204)
///   /api/v1/case/{idOrNumber}; POST /api/v1/case/{id}/task|comment (201);
///   POST /api/v1/case (201, as InputCreateCase: `caseTemplate`, `assignee`);
///   POST /api/v1/task/{id}/log (201; JSON, or multipart `_json` + repeated file part
///   `attachments`, listed in the answer); POST /api/v1/case/{idOrNumber}/attachments (201,
///   see "Attachments"); PATCH /api/v1/task/{id} (204); GET /api/v1/user/{login|current};
///   POST /api/v1/query. The deprecated v0 routes answer 404.
/// - TheHive 4: GET /api/status, /api/v1/status; GET|PATCH (200 + case) /api/case/{idOrNumber};
///   POST /api/case and /api/v1/case (201; assignee `user`, template `template` in v0 and
///   `caseTemplate` in v1; no assignee means the creator; 403 / 404 without manageCase);
///   POST /api/case/{id}/task (201); POST /api/case/task/{id}/log (201; JSON, or multipart, see
///   "Attachments"); PATCH /api/case/task/{id}; GET /api/user/{login|current}; plus the v1 case
///   GET/PATCH (204), task log/PATCH, user and query routes. Like the real one it has no case
///   comments, no case attachments and no /api/v1/status/public (404 "No route").
///
/// Attachments (file-facts.md A1–A4, B1–B4). Contents are stored by their hex SHA-256 and every
/// attachment carries `hashes` [SHA-256, SHA-1, MD5] and `id` = the SHA-256, as TheHive 4 does
/// (for TheHive 5 the algorithms are unconfirmed; the fake assumes the same).
/// - TheHive 5: POST /api/v1/case/{idOrNumber}/attachments, multipart/form-data with one file
///   part `attachments` per file. Not multipart, or no such file part: 400 BadRequest; unknown
///   or invisible case: 404; the caller needs manageCase/update (5.0: manageCase), else 403.
///   Each file becomes an OutputAttachment {_id, _type "Attachment", _createdBy, _createdAt,
///   name, hashes, size, contentType, id, path "", extraData {}}; a name the case already has is
///   renamed "name (1).ext", "name (2).ext"… (5.1.6+ renames; its scheme is unknown, this one is
///   the fake's). Answer: 201 {"attachments":[…]}. The query's `attachments` lists them.
/// - TheHive 4: a task log (v0 or v1 route) also takes multipart: the `_json` part's keys, other
///   data parts as fields, and the last file part `attachment` (one file per log), stored as
///   the log's `attachment` {name, hashes, size, contentType, id}. The 201 answer leaves it out
///   (LogCtrl renders RichLog(log, Nil)); the query's `logs` and taskLogs() show it.
/// - setMaxUploadBytes(): Play's maxDiskBuffer. A larger multipart body, on any route, is
///   answered 413 {"type":"Unknown","message":"Request Entity Too Large"} on any known route,
///   before authentication (Play parses the body before the action runs); nothing is stored.
///
/// Alert routes (permissions-alerts-socket-facts.md "alerts and tasks"; unknown alert: 404
/// NotFoundError "Alert not found"; an alert is found by `_id` or by its name
/// "type;source;sourceRef"):
/// - TheHive 5: GET /api/v1/alert/{id} (OutputAlert); PATCH /api/v1/alert/{id} (204,
///   InputUpdateAlert: status, summary, assignee, severity, tlp, pap, tags, addTags, removeTags,
///   title, description…; the stage follows the status); POST /api/v1/alert/{id}/case (201 + the
///   new case; InputCreateCaseFromAlert: `caseTemplate` (else the alert's own), `assignee`, and
///   title, description, severity, tlp, pap, tags, flag, summary, tasks overriding the alert's);
///   POST /api/v1/alert/{id}/merge/{caseIdOrNumber} (200 + the case). Promote and merge leave the
///   alert status and stage Imported with `caseId` and `importedDate`; an alert already
///   imported answers 400 BadRequest "Alert is already imported".
///   Statuses are TheHive 5's predefined ones: New, InProgress and Pending (stage InProgress),
///   Duplicated, FalsePositive and Ignored (stage Closed); Imported cannot be set by PATCH
///   (400) and an unknown status is 400 AttributeCheckingError. No alert routes on v0 (404).
/// - TheHive 4 (AlertCtrl v0): GET /api/alert/{id} (v0 DTO with `artifacts`); PATCH
///   /api/alert/{id} (200 + alert; read-only fields such as `status` are silently dropped,
///   `read` is updatable); POST /api/alert/{id}/createCase (201 + v0 case; body `caseTemplate`);
///   POST /api/alert/{id}/merge/{caseIdOrNumber} (200 + v0 case); POST
///   /api/alert/{id}/markAsRead|markAsUnread (200 + alert). TheHive 4's v1: GET and PATCH (204)
///   /api/v1/alert/{id}, POST /api/v1/alert/{id}/case (201 + v1 case), POST
///   /api/v1/alert/{id}/read|unread (204); it has no v1 merge. The v0 status is computed:
///   New, Updated (linked, unread), Ignored (read), Imported (linked, read).
///   createCase builds the case from the alert (template prefix glued to the title, the
///   alert's levels, alert and template tags joined, the template's tasks), assigns the caller
///   when it has manageCase, links the alert and marks it read; an alert that already has its
///   case gives that case back (201, nothing new). merge appends the alert to the case
///   description ("#### Merged with alert #<sourceRef> <title>"), joins its tags, and answers
///   400 BadRequest "Alert is already imported" for a linked alert.
///
/// The query API knows listUser, listCase, listCaseTemplate, listTask, getCase{idOrName}, tasks,
/// comments and attachments (TheHive 5), getTask{idOrName}, logs, assignableUsers, listAlert,
/// getAlert{idOrName} (v1 alerts; TheHive 4 filters on its computed `status` too), listAlertStatus
/// (TheHive 5: the predefined statuses as OutputAlertStatus), filter (_and, _or, _not, _any,
/// _eq/_is, _in, _like with "*" wildcards ignoring case, _gte/_gt/_lte/_lt), sort,
/// page{from,to,extraData} (extraData "caseId" on tasks, as TheHive's TaskRenderer) and count (a
/// bare number).
///
/// PATCH validates like TheHive: unknown attributes (a v0 name on v1 and vice versa), values out
/// of range, statuses of the other version (400), unknown or locked assignees (404 "User not
/// found"). Closing a case sets endDate and closes its open tasks.
/// Cases are stored with v1 field names (`number`, `assignee`, `_createdAt`) and rendered per API.
///
/// Callers (thehive-api.md §3.1, permissions-alerts-socket-facts.md "permissions and identity"):
/// `Authorization: Bearer <apiKey>` is the API user; any other Authorization is refused. After
/// enableHeaderAuth(), a request without Authorization is the user its header names (login
/// case-insensitive on TheHive 4, exact on 5); unknown or locked users get 401. callers() and
/// callerOf() tell who each request was; /user/current answers that caller.
///
/// Profiles: every user (the API user too) has one, "analyst" unless told otherwise; the
/// predefined analyst, read-only and org-admin profiles carry this version's permissions
/// (TheHive 5 `manageCase/update` style, TheHive 4 coarse `manageCase`), and
/// setProfilePermissions() defines others. Users render their `profile`, sorted `permissions`
/// (v1) or the `roles` TheHive 4 derives from them (v0); TheHive 5 cases render the caller's
/// permissions as `userPermissions`.
///
/// Writes are checked against the caller's permissions, reads (GET, query) are not:
/// case PATCH needs manageCase/update (5; a PATCH reopening a Closed case needs
/// manageCase/reopen instead, plus update for any other field) or manageCase (4); task create,
/// PATCH and log need manageTask; a TheHive 5 comment needs manageComment, a case attachment
/// manageCase/update (5.0: manageCase). TheHive 5 refuses with 403 AuthorizationError;
/// TheHive 4 filters by permission first, so the case or task looks missing (404
/// NotFoundError "Case not found" / "Task not found"). Writes record the caller as
/// `_updatedBy` / `_createdBy` / `createdBy`, so webhookFor() names it as the actor.
/// Alerts: TheHive 5 promote and merge need manageAlert/import, PATCH manageAlert/update, plus
/// manageAlert/reopen (5.2+) to take a Closed alert back to New/InProgress or an InProgress one
/// back to New; 5.0 has the single manageAlert. They refuse with 403 like the case routes. TheHive
/// 4's alert routes all need manageAlert and check it before looking anything up, so they refuse
/// with 403 AuthorizationError "Your are not authorized to <action>, you haven't the permission
/// manageAlert" (ScalliGraph authPermittedTransaction), not 404; its merge also needs manageCase
/// on the case (else 404 "Case not found").
///
/// TheHive 5.5+ restricted cases: a case's `access` is OrganisationAccessKind (default) or
/// {"_kind":"UserAccessKind","users":[…]} (setCaseAccess()); for anyone not listed, the API
/// user included, the case, its tasks and comments do not exist (404 like an unknown case)
/// and listCase leaves it out.
class FakeTheHive final : public FakeHttpServer
{
    Q_OBJECT
public:
    /// @param version e.g. "5.2.9" or "4.1.24"
    /// @param apiKey the only key accepted as `Authorization: Bearer <apiKey>`
    explicit FakeTheHive(const QString &version = QStringLiteral("5.2.9"),
                         const QString &apiKey = QStringLiteral("sim-thehive-key"),
                         QObject *parent = nullptr);

    QString version() const { return m_version; }
    bool isTheHive4() const { return m_major <= 4; }
    /// TLP numbering with AMBER+STRICT (TheHive 5.2 and later).
    bool hasAmberStrict() const;
    QString apiKey() const { return m_apiKey; }

    /// Login of the API key's user (the caller of every request that uses the key).
    QString apiUserLogin() const { return m_apiUser; }
    /// The API user's profile ("analyst" by default).
    void setApiUserProfile(const QString &profile) { m_apiUserProfile = profile; }
    QString organisation() const { return m_organisation; }
    QString organisationId() const { return m_organisationId; }
    void setOrganisation(const QString &name, const QString &id);

    /// Stores a case. Missing fields get TheHive's defaults: `_id` "~<n>", next `number`,
    /// status New (5) / Open (4) with its stage, severity/tlp/pap 2, startDate and _createdAt
    /// now, _createdBy the API user, empty title/description/tags. v0 names `owner` and
    /// `caseId` are accepted. Returns caseJson() of the new case.
    QJsonObject addCase(const QJsonObject &fields = {});
    /// The case as GET /api/v1/case/{idOrNumber} renders it; empty when unknown.
    QJsonObject caseJson(const QString &idOrNumber) const;
    /// The case as TheHive 4's GET /api/case/{idOrNumber} renders it (v0 DTO).
    QJsonObject caseJsonV0(const QString &idOrNumber) const;
    /// Simulates a change made in TheHive (v1 names; `owner` maps to `assignee`, and a status
    /// change also moves the TheHive 5 stage). Returns false for an unknown case.
    /// `access` may be set here too (see setCaseAccess()).
    bool setCaseField(const QString &idOrNumber, const QString &key, const QJsonValue &value);
    QStringList caseIds() const { return m_caseOrder; }
    /// TheHive 5.5+: restricts the case to these logins; an empty list gives it back to the whole
    /// organisation. Returns false for an unknown case or an older version (no restricted cases).
    bool setCaseAccess(const QString &idOrNumber, const QStringList &users);

    /// Adds (or replaces) a user. TheHive 4 lower-cases the login and has no email field.
    void addUser(const QString &login, const QString &name, const QString &email = {},
                 bool locked = false, const QString &profile = QStringLiteral("analyst"));
    /// Gives a user (or the API user) another profile. False for an unknown login.
    bool setProfile(const QString &login, const QString &profile);
    /// Defines a profile or replaces a predefined one's permissions.
    void setProfilePermissions(const QString &profile, const QStringList &permissions);
    /// Permissions of a profile in this version (empty for an unknown profile).
    QStringList profilePermissions(const QString &profile) const;

    /// Accepts a request without Authorization as the user named in this header, as TheHive's
    /// "header" authentication provider does behind a reverse proxy.
    void enableHeaderAuth(const QString &headerName = QStringLiteral("X-USER"));
    void disableHeaderAuth() { m_userHeader.clear(); }
    /// Login of every request that authenticated, in arrival order (public routes and 401s are
    /// not in it). Follows clearRequests().
    QStringList callers() const;
    /// Who requests().at(requestIndex) authenticated as; empty when it did not (public route,
    /// 401, or a scripted fault that skipped handling).
    QString callerOf(int requestIndex) const;

    /// Stores a case template (`name`, `displayName`, `titlePrefix`, `severity`, `tlp`, `pap`,
    /// `tags`, `tasks`) for the query API's listCaseTemplate and for case creation, which applies
    /// it as TheHive does: the prefix before the title, its levels where the request gives none,
    /// its tags joined and its tasks added.
    QJsonObject addCaseTemplate(const QJsonObject &fields);

    /// Simulates a task created in TheHive (v1 names; `title` required by the caller) by the
    /// API user; no webhook is sent. Returns the task as v1 renders it, empty for an unknown case.
    QJsonObject addTask(const QString &caseIdOrNumber, const QJsonObject &fields);
    /// Tasks of a case in creation order (v1 shape: `assignee`, `_type` "Task").
    QList<QJsonObject> tasks(const QString &caseIdOrNumber) const;
    /// TheHive 5 case comments ({_id, message, createdBy, createdAt, …}).
    QList<QJsonObject> comments(const QString &caseIdOrNumber) const;
    /// Simulates a comment written in TheHive by `author`; no webhook is sent. Returns it, empty
    /// for an unknown case.
    QJsonObject addComment(const QString &caseIdOrNumber, const QString &message,
                           const QString &author);
    /// The TheHive 5 webhook body (audit) of a comment's creation: objectType Comment, rootId
    /// and context the case, object the comment.
    QJsonObject commentWebhook(const QString &caseIdOrNumber, const QJsonObject &comment) const;
    /// Task logs written on any task of the case ({_id, taskId, message, …}; TheHive 4: with
    /// `attachment` when the log has a file, TheHive 5: `attachments`).
    QList<QJsonObject> taskLogs(const QString &caseIdOrNumber) const;
    /// TheHive 5 case attachments in upload order, as POST …/attachments answered them
    /// (OutputAttachment). Empty for an unknown case.
    QList<QJsonObject> caseAttachments(const QString &caseIdOrNumber) const;
    /// The bytes of any stored attachment (case or task log) by its hex SHA-256 (its `id`);
    /// empty when none has it.
    QByteArray attachmentContent(const QString &sha256Hex) const;
    /// Play's play.http.parser.maxDiskBuffer: a multipart body of more bytes is answered 413
    /// {"type":"Unknown","message":"Request Entity Too Large"} and nothing is stored. 0 (the
    /// default) is no limit.
    void setMaxUploadBytes(qint64 bytes) { m_maxUploadBytes = bytes; }

    /// A webhook body for a case event, as this TheHive version sends it: the TheHive 5
    /// version-1 audit shape, or the TheHive 4 version-0 shape. `details` defaults to the full
    /// case for "create" and to {} otherwise; for TheHive 5 a status change gets its stage added.
    /// Every call gets a new requestId.
    QJsonObject webhookFor(const QString &action, const QString &caseIdOrNumber,
                           const QJsonObject &details = {}) const;

    /// Stores an alert (v1 field names). Missing fields get TheHive's defaults: `_id` "~<n>",
    /// type "external", source "sim", a sourceRef "ref-<n>" no other alert has, empty title,
    /// description and tags, severity/tlp/pap 2, status and stage New (TheHive 4: `read` false),
    /// date, _createdAt and newDate now, _createdBy the API user, follow true, observableCount
    /// 0. `caseId` (v0 `case`) links it to a case (then Imported / read). A custom TheHive 5
    /// status may be given with its `stage`. Returns alertJson() of the new alert, or {} when
    /// its type, source and sourceRef are those of another alert (TheHive refuses that).
    QJsonObject addAlert(const QJsonObject &fields = {});
    /// The alert as GET /api/v1/alert/{id} renders it: TheHive 5's OutputAlert (labels,
    /// status, stage, observableCount, caseId when promoted or merged, `_updatedAt`/`_updatedBy`
    /// once updated, timeToDetect…), or TheHive 4's v1 alert (`read`, no status nor stage).
    /// Empty when unknown.
    QJsonObject alertJson(const QString &id) const;
    /// The alert as TheHive 4's GET /api/alert/{id} renders it (v0 DTO: id, computed status
    /// New/Updated/Ignored/Imported, `case` the case `_id` or null, createdBy/createdAt,
    /// updatedBy/updatedAt or null, `artifacts` with one placeholder per observable).
    QJsonObject alertJsonV0(const QString &id) const;
    /// Simulates a change made in TheHive (v1 names; `case` maps to `caseId`). A TheHive 5 status
    /// moves the stage; on TheHive 4 a status sets `read` (Ignored/Imported read). Setting a
    /// caseId links the alert (Imported / read). False for an unknown alert.
    bool setAlertField(const QString &id, const QString &key, const QJsonValue &value);
    QStringList alertIds() const { return m_alertOrder; }
    /// A webhook body for an alert event, like webhookFor(): TheHive 5's version-1 audit
    /// (objectType "Alert", object the v1 alert, organisation {organisationId, organisation}) or
    /// TheHive 4's version-0 one (lower-case operation, merge sent as update, objectType
    /// "alert", object the v0 alert without its artifacts, flat organisation). `details`
    /// defaults to the whole alert for "create" (TheHive 4: with observableCount 0) and to {}
    /// otherwise; a TheHive 5 status change gets its stage added. The import event itself
    /// (action "merge", or details carrying `caseId`, on a linked alert) has the case as
    /// context and rootId: TheHive 5 puts the case (v1) in `context`; TheHive 4 renders the case
    /// (v0) as `object` and sends it with base false. Every call gets a new requestId.
    QJsonObject alertWebhook(const QString &action, const QString &alertId,
                             const QJsonObject &details = {}) const;

Q_SIGNALS:
    /// A case was created through the API (after its answer was sent), as TheHive would then
    /// send its create webhook. Promoting an alert emits it too.
    void caseCreated(const QString &caseId);
    /// An alert was promoted to a new case or merged into one through the API (after the
    /// answer was sent; after caseCreated for a promotion), as TheHive's AlertImported.
    void alertImported(const QString &alertId, const QString &caseId);

protected:
    void handle(const RecordedRequest &request, Reply &reply) override;

private:
    // Routing and request handlers (fakethehive.cpp)
    /// The login the request authenticates as, empty when it does not.
    QString authenticate(const RecordedRequest &request) const;
    /// Callers aligned with requests() (empty where a request did not authenticate).
    QStringList alignedCallers() const;
    void getStatus(const QString &which, Reply &reply) const;
    void getCase(const QString &idOrNumber, bool v1, Reply &reply) const;
    void patchCase(const RecordedRequest &request, const QString &idOrNumber, bool v1,
                   Reply &reply);
    void postTask(const RecordedRequest &request, const QString &idOrNumber, bool v1, Reply &reply);
    void postCase(const RecordedRequest &request, bool v1, Reply &reply);
    void postComment(const RecordedRequest &request, const QString &idOrNumber, Reply &reply);
    void postTaskLog(const RecordedRequest &request, const QString &taskId, bool v1, Reply &reply);
    void patchTask(const RecordedRequest &request, const QString &taskId, bool v1, Reply &reply);
    void getUser(const QString &idOrLogin, bool v1, Reply &reply) const;
    void postQuery(const RecordedRequest &request, Reply &reply) const;
    /// Refuses a write the caller may not do, the way this version does.
    void refuse(const QString &operation, const QString &entity, Reply &reply) const;

    // Attachments (fakethehiveattachments.cpp)
    void postCaseAttachments(const RecordedRequest &request, const QString &idOrNumber,
                             Reply &reply);
    /// A multipart task log: `fields` gets the `_json` part's keys and the other data parts;
    /// `files` the file parts this version reads as the log's files (TheHive 4: the last
    /// `attachment`; 5: every `attachments`). False for a malformed body.
    bool readLogForm(const RecordedRequest &request, QJsonObject *fields,
                     QList<FormPart> *files) const;
    /// Stores a file's bytes (content-addressed) and returns TheHive 4's attachment JSON:
    /// {name, hashes [sha256, sha1, md5], size, contentType, id (the sha256)}.
    QJsonObject storeAttachment(const FormPart &file, const QString &name);
    /// TheHive 5's OutputAttachment of a file stored now by the caller.
    QJsonObject storeOutputAttachment(const FormPart &file, const QString &name);

    // Alerts (fakethehivealerts.cpp)
    void getAlert(const QString &idOrName, bool v1, Reply &reply) const;
    void patchAlert(const RecordedRequest &request, const QString &idOrName, bool v1, Reply &reply);
    void promoteAlert(const RecordedRequest &request, const QString &idOrName, bool v1,
                      Reply &reply);
    void mergeAlert(const QString &idOrName, const QString &caseIdOrNumber, bool v1, Reply &reply);
    /// TheHive 4 markAsRead / markAsUnread (v0) and read / unread (v1).
    void markAlertRead(const QString &idOrName, bool read, bool v1, Reply &reply);
    /// TheHive 4's refusal of an alert route without manageAlert (before any lookup).
    void refuseAlertTh4(const QString &entrypoint, Reply &reply) const;
    /// The permission an alert action needs here: `split` from 5.1, manageAlert before.
    QString alertPermission(const QString &split) const;
    QString findAlert(const QString &idOrName) const;
    QJsonObject renderAlertV1(const QJsonObject &stored) const;
    QJsonObject renderAlertV0(const QJsonObject &stored, bool withArtifacts) const;
    /// What a query filter sees of a listed item (TheHive 4 alerts: plus their computed status).
    QJsonObject alertQueryView(const QJsonObject &item) const;
    /// listAlertStatus: the predefined TheHive 5 statuses as OutputAlertStatus.
    QJsonArray alertStatusList() const;

    // State (fakethehivestate.cpp)
    void addPredefinedProfiles();
    QString findCase(const QString &idOrNumber) const;
    QJsonObject *findTask(const QString &taskId, QString *caseId = nullptr);
    /// Stores a new task of a case (v1 field names) with TheHive's defaults.
    QJsonObject storeTask(const QString &caseId, const QJsonObject &fields,
                          const QString &createdBy);
    /// Stores a new comment of a case (TheHive 5's OutputComment shape).
    QJsonObject storeComment(const QString &caseId, const QString &message, const QString &author);
    QString findUser(const QString &idOrLogin) const;
    const QJsonObject *findTemplate(const QString &idOrName) const;
    /// Like findCase(), but empty when the caller may not see the case (restricted access).
    QString findVisibleCase(const QString &idOrNumber) const;
    bool canSee(const QJsonObject &storedCase, const QString &login) const;
    bool hasRestrictedCases() const;
    QString profileOf(const QString &login) const;
    QStringList permissionsOf(const QString &login) const;
    bool can(const QString &login, const QString &permission) const;
    bool isAssignable(const QString &login) const;
    QString nextId();
    /// Validates and applies a case PATCH; on refusal fills reply with TheHive's error.
    bool applyCasePatch(const QString &id, const QJsonObject &body, bool v1, Reply &reply);
    bool applyTaskPatch(QJsonObject &task, const QJsonObject &body, bool v1, Reply &reply);
    void closeTasks(const QString &caseId);
    void touch(QJsonObject &object) const;

    // Rendering (fakethehiverender.cpp)
    QJsonObject renderCaseV1(const QJsonObject &stored) const;
    QJsonObject renderCaseV0(const QJsonObject &stored) const;
    QJsonObject renderTaskV1(const QJsonObject &stored) const;
    QJsonObject renderTaskV0(const QJsonObject &stored) const;
    QJsonObject renderUserV1(const QJsonObject &stored) const;
    QJsonObject renderUserV0(const QJsonObject &stored) const;
    /// The webhook of an event on `stored` (id `objectId`) as this version sends it: TheHive 4's
    /// v0 envelope (`operation`, `base`, `object` rendered v0) or TheHive 5's v1 Audit (`action`,
    /// `object` and `context` rendered v1, the stage added to `details` on a status change).
    /// `objectType` is v1's ("Case"); TheHive 4 lower-cases it. Counts a request.
    QJsonObject auditEnvelope(const QString &action, const QString &operation, QJsonObject details,
                              const QJsonObject &stored, const QString &objectId,
                              const QString &objectType, const QString &rootId, bool base,
                              const QJsonObject &object, const QJsonObject &context) const;
    QJsonObject apiUser() const;
    QString fullVersion() const;
    static QJsonObject error(const QString &type, const QString &message);

    QString m_version;
    int m_major = 5;
    int m_minor = 2;
    QString m_apiKey;
    QString m_apiUser = QStringLiteral("hiveslack@soc.example");
    QString m_apiUserProfile = QStringLiteral("analyst");
    QHash<QString, QStringList> m_profiles; ///< profile name → permissions
    QString m_userHeader;                   ///< header authentication, off when empty
    /// Who the request being handled is: what writes record and renders show.
    QString m_caller = m_apiUser;
    qint64 m_recorded = 0;                     ///< requests ever recorded, clears included
    QList<QPair<qint64, QString>> m_callerLog; ///< (recording number, caller) when authenticated
    QString m_organisation = QStringLiteral("SOC");
    QString m_organisationId = QStringLiteral("~4192");
    qint64 m_idCounter = 40960;
    QHash<QString, QJsonObject> m_cases; ///< by _id
    QStringList m_caseOrder;
    QHash<QString, QJsonObject> m_users; ///< by _id
    QStringList m_userOrder;
    QList<QJsonObject> m_templates;
    QHash<QString, QList<QJsonObject>> m_tasks;    ///< case _id → tasks
    QHash<QString, QList<QJsonObject>> m_comments; ///< case _id → comments
    QHash<QString, QList<QJsonObject>> m_logs;     ///< case _id → task logs
    QHash<QString, QJsonObject> m_alerts;          ///< by _id
    QStringList m_alertOrder;
    QString m_requestIdPrefix;
    mutable int m_requestCounter = 0;

    QHash<QString, QList<QJsonObject>> m_caseAttachments; ///< case _id → TheHive 5 attachments
    QHash<QString, QByteArray> m_attachmentContent;       ///< hex SHA-256 → bytes
    qint64 m_maxUploadBytes = 0;                          ///< 0: no limit
};

} // namespace TestSupport
