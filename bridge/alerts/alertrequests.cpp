#include "alerts/alertrequests.h"

using namespace Qt::StringLiterals;

namespace Bridge::AlertRequests {

namespace {

QString alertPath(const QString &alertId, const HiveVersion &version)
{
    return (version.isTheHive4() ? u"/api/alert/"_s : u"/api/v1/alert/"_s) +
           HiveRequests::segment(alertId);
}

} // namespace

HiveRequest getAlert(const QString &alertId, const HiveVersion &version)
{
    return {"GET", alertPath(alertId, version), {}, false, {}};
}

HiveRequest promote(const QString &alertId, const QString &templateId, const QString &assignee,
                    const HiveVersion &version)
{
    QJsonObject body;
    if (!templateId.isEmpty())
        body.insert(u"caseTemplate", templateId);
    if (version.isTheHive4())
        return HiveRequests::withBody("POST", alertPath(alertId, version) + u"/createCase"_s, body);
    if (!assignee.isEmpty())
        body.insert(u"assignee", assignee);
    return HiveRequests::withBody("POST", alertPath(alertId, version) + u"/case"_s, body);
}

HiveRequest merge(const QString &alertId, const QString &caseId, const HiveVersion &version)
{
    return {"POST",
            alertPath(alertId, version) + u"/merge/"_s + HiveRequests::segment(caseId),
            {},
            false,
            {}};
}

HiveRequest close(const QString &alertId, const QString &status, const QString &summary,
                  const HiveVersion &version)
{
    if (version.isTheHive4())
        return {"POST", alertPath(alertId, version) + u"/markAsRead"_s, {}, false, {}};
    QJsonObject body{{u"status"_s, status}};
    if (!summary.isEmpty())
        body.insert(u"summary", summary);
    return HiveRequests::withBody("PATCH", alertPath(alertId, version), body);
}

HiveRequest listAlertStatuses()
{
    return HiveRequests::query({QJsonObject{{u"_name"_s, u"listAlertStatus"_s}}});
}

} // namespace Bridge::AlertRequests
