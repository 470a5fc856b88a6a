#pragma once

#include "thehive/dialect.h"

namespace Bridge {

/// Version-aware requests about alerts (shared/docs/permissions-alerts-socket-facts.md "alerts
/// and tasks"). TheHive 4 through its v0 API, as for cases: it has no v1 merge route.
namespace AlertRequests {

/// TheHive 4 `GET /api/alert/{id}` (v0, with its observables), TheHive 5 `GET /api/v1/alert/{id}`.
HiveRequest getAlert(const QString &alertId, const HiveVersion &version);
/// A new case from the alert: TheHive 4 `POST /api/alert/{id}/createCase {caseTemplate}` (the
/// case goes to the caller), TheHive 5 `POST /api/v1/alert/{id}/case {caseTemplate, assignee}`.
/// Answers 201 with the case. Empty template or assignee are left out.
HiveRequest promote(const QString &alertId, const QString &templateId, const QString &assignee,
                    const HiveVersion &version);
/// `POST /api/alert/{id}/merge/{caseId}` (TheHive 4) or `/api/v1/alert/…` (5): 200 with the case.
HiveRequest merge(const QString &alertId, const QString &caseId, const HiveVersion &version);
/// Closes the alert: TheHive 5 `PATCH /api/v1/alert/{id} {status, summary}` (a Closed-stage
/// status; the summary left out when empty). TheHive 4 computes an alert's status and can only
/// mark it read (`POST /api/alert/{id}/markAsRead`, status Ignored): `status` and `summary` are
/// not sent there.
HiveRequest close(const QString &alertId, const QString &status, const QString &summary,
                  const HiveVersion &version);
/// Query API listAlertStatus (TheHive 5.5+): the organisation's alert statuses with their stage.
HiveRequest listAlertStatuses();

} // namespace AlertRequests

} // namespace Bridge
