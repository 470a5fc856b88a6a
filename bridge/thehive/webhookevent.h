#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace Bridge {

/// One TheHive webhook call, normalised across the three payload families so the rest of
/// the bridge never looks at `operation` vs `action` or `case_task` vs `Task`
/// (shared/docs/thehive-api.md §1.3–1.7).
struct HiveEvent
{
    /// The payload format, not the server: a TheHive 5 endpoint left on webhook version 0
    /// sends the TheHive 4 format and is reported as TheHive4.
    enum class Family { TheHive5, TheHive4, TheHive3 };
    Family family = Family::TheHive5;
    QString action;     ///< create | update | delete | merge | invoke (always lower-case)
    QString objectType; ///< TheHive 5 label: Case, Task, Log, Observable, Alert, Job, Comment, …
    QString objectId;   ///< `_id` of the touched object
    QString rootId;     ///< `_id` of the audit root (the case for its tasks, logs, observables)
    QString caseId;     ///< `_id` of the case the event belongs to; empty when not case-related
    qint64 caseNumber = 0; ///< human case number when the payload carries it, else 0
    QString requestId;     ///< groups the audits produced by one HTTP request
    QString organisation;
    QString organisationId;
    QString actor;          ///< login of who did it, when the payload says so
    bool mainAction = true; ///< false for derived audits (`mainAction` in TH5, `base` before)
    qint64 timestampMs = 0; ///< when TheHive recorded the audit, ms since epoch
    QJsonObject details;    ///< what changed (create: the whole entity)
    QJsonObject object;     ///< the entity after the change
    QJsonObject context;    ///< TheHive 5 only: the parent object (the case for a task)

    /// requestId|objectId|action|organisation: TheHive sends one call per audit and per
    /// organisation, so this identifies a delivery for de-duplication.
    QString dedupeKey() const;
    bool isCaseEvent() const;
    bool isTaskCreation() const;
    /// A comment written on a case (TheHive 5 objectType Comment).
    bool isCaseComment() const;
    /// An alert created, changed, merged or deleted (TheHive 5 `Alert`, TheHive 4 `alert`).
    bool isAlertEvent() const;
};

/// Outcome of parseWebhook(): an event, or a short reason fit for a 400 answer.
struct WebhookParse
{
    std::optional<HiveEvent> event;
    QString error;
};

/// Parses a webhook body from TheHive 5 (version 1), TheHive 4 (version 0/1, or TheHive 5
/// on version 0) or TheHive 3. Fails on malformed JSON, non-objects and objects without
/// an action/operation or objectType.
WebhookParse parseWebhook(const QByteArray &body);

} // namespace Bridge
