#pragma once

#include "core/casemodel.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace Bridge {

/// A TheHive alert as HiveSlack sees it, whichever TheHive version it came from.
struct AlertRecord
{
    QString id; ///< TheHive `_id`
    QString type;
    QString source;
    QString sourceRef;
    QString title;
    QString description;
    int severity = 2; ///< 1 Low … 4 Critical
    int tlp = 2;      ///< numbering depends on HiveVersion::hasAmberStrict()
    int pap = 2;
    QString status; ///< TheHive 5: New, InProgress, Imported, Ignored, …; TheHive 4: New,
                    ///< Updated, Ignored, Imported
    QString stage;  ///< New, InProgress, Closed or Imported (derived on TheHive 4)
    QStringList tags;
    qint64 date = 0;          ///< when the source saw it, ms since epoch
    int observableCount = -1; ///< -1 when unknown
    QString caseId;           ///< the case it was promoted or merged into, when TheHive says so
    QString organisation;

    /// Promoted into or merged with a case, or closed: nothing is left to triage.
    bool isSettled() const
    {
        return stage == QLatin1String("Imported") || stage == QLatin1String("Closed") ||
               !caseId.isEmpty();
    }
    friend bool operator==(const AlertRecord &, const AlertRecord &) = default;
};

/// Reads an alert from TheHive 5's / TheHive 4's v1 JSON or TheHive 4's v0 JSON (`artifacts`,
/// `case`, no `stage`). Missing fields keep AlertRecord's defaults.
AlertRecord alertFromJson(const QJsonObject &json, const HiveVersion &version);

/// HiveSlack's own storage form (the journal keeps the alert as its card last showed it).
QByteArray alertToStoredJson(const AlertRecord &a);
AlertRecord alertFromStoredJson(const QByteArray &json);

/// TheHive's page of the alert, or empty when the UI address is not known.
QString alertUiUrl(const QUrl &uiBase, const AlertRecord &alert, const HiveVersion &version);

} // namespace Bridge
