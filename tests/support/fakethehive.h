#pragma once

#include "fakehttpserver.h"

#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

namespace TestSupport {

/// A stateful TheHive 4 or 5 on 127.0.0.1, answering the REST routes HiveSlack uses with the
/// shapes of shared/docs/thehive-api.md (§2, §3) and generating webhook payloads (§1.7).
///
/// Routes (all but the public status ones need `Authorization: Bearer <apiKey>`, else 401):
/// - TheHive 5: GET /api/v1/status/public, /api/status, /api/v1/status; GET|PATCH (204)
///   /api/v1/case/{idOrNumber}; POST /api/v1/case/{id}/task|comment (201);
///   POST /api/v1/task/{id}/log (201); PATCH /api/v1/task/{id} (204); GET
///   /api/v1/user/{login|current}; POST /api/v1/query. The deprecated v0 routes answer 404.
/// - TheHive 4: GET /api/status, /api/v1/status; GET|PATCH (200 + case) /api/case/{idOrNumber};
///   POST /api/case/{id}/task (201); POST /api/case/task/{id}/log (201); PATCH /api/case/task/{id};
///   GET /api/user/{login|current}; plus the v1 case GET/PATCH (204), task log/PATCH, user and
///   query routes. Like the real one it has no case comments and no /api/v1/status/public (404).
///
/// The query API knows listUser, listCase, getCase{idOrName}, tasks, assignableUsers,
/// filter (_and, _or, _not, _any, _eq/_is, _in), sort, page{from,to} and count (a bare number).
///
/// PATCH validates like TheHive: unknown attributes (a v0 name on v1 and vice versa), values out
/// of range, statuses of the other version (400), unknown or locked assignees (404 "User not
/// found"). Closing a case sets endDate and closes its open tasks.
/// Cases are stored with v1 field names (`number`, `assignee`, `_createdAt`) and rendered per API.
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

    /// Login of the API key's user (what /user/current returns and what `_updatedBy` records).
    QString apiUserLogin() const { return m_apiUser; }
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
    bool setCaseField(const QString &idOrNumber, const QString &key, const QJsonValue &value);
    QStringList caseIds() const { return m_caseOrder; }

    /// Adds a user. TheHive 4 lower-cases the login and has no email field.
    void addUser(const QString &login, const QString &name, const QString &email = {},
                 bool locked = false);

    /// Tasks of a case in creation order (v1 shape: `assignee`, `_type` "Task").
    QList<QJsonObject> tasks(const QString &caseIdOrNumber) const;
    /// TheHive 5 case comments ({_id, message, createdBy, createdAt, …}).
    QList<QJsonObject> comments(const QString &caseIdOrNumber) const;
    /// Task logs written on any task of the case ({_id, taskId, message, …}).
    QList<QJsonObject> taskLogs(const QString &caseIdOrNumber) const;

    /// A webhook body for a case event, as this TheHive version sends it: the TheHive 5
    /// version-1 audit shape, or the TheHive 4 version-0 shape. `details` defaults to the full
    /// case for "create" and to {} otherwise; for TheHive 5 a status change gets its stage added.
    /// Every call gets a new requestId.
    QJsonObject webhookFor(const QString &action, const QString &caseIdOrNumber,
                           const QJsonObject &details = {}) const;

protected:
    void handle(const RecordedRequest &request, Reply &reply) override;

private:
    // Routing and request handlers (fakethehive.cpp)
    bool authorised(const RecordedRequest &request) const;
    void getStatus(const QString &which, Reply &reply) const;
    void getCase(const QString &idOrNumber, bool v1, Reply &reply) const;
    void patchCase(const RecordedRequest &request, const QString &idOrNumber, bool v1,
                   Reply &reply);
    void postTask(const RecordedRequest &request, const QString &idOrNumber, bool v1, Reply &reply);
    void postComment(const RecordedRequest &request, const QString &idOrNumber, Reply &reply);
    void postTaskLog(const RecordedRequest &request, const QString &taskId, bool v1, Reply &reply);
    void patchTask(const RecordedRequest &request, const QString &taskId, bool v1, Reply &reply);
    void getUser(const QString &idOrLogin, bool v1, Reply &reply) const;
    void postQuery(const RecordedRequest &request, Reply &reply) const;

    // State (fakethehivestate.cpp)
    QString findCase(const QString &idOrNumber) const;
    QJsonObject *findTask(const QString &taskId, QString *caseId = nullptr);
    QString findUser(const QString &idOrLogin) const;
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
    QJsonObject apiUser() const;
    QString fullVersion() const;
    static QJsonObject error(const QString &type, const QString &message);

    QString m_version;
    int m_major = 5;
    int m_minor = 2;
    QString m_apiKey;
    QString m_apiUser = QStringLiteral("hiveslack@soc.example");
    QString m_organisation = QStringLiteral("SOC");
    QString m_organisationId = QStringLiteral("~4192");
    qint64 m_idCounter = 40960;
    QHash<QString, QJsonObject> m_cases; ///< by _id
    QStringList m_caseOrder;
    QHash<QString, QJsonObject> m_users; ///< by _id
    QStringList m_userOrder;
    QHash<QString, QList<QJsonObject>> m_tasks;    ///< case _id → tasks
    QHash<QString, QList<QJsonObject>> m_comments; ///< case _id → comments
    QHash<QString, QList<QJsonObject>> m_logs;     ///< case _id → task logs
    QString m_requestIdPrefix;
    mutable int m_requestCounter = 0;
};

} // namespace TestSupport
