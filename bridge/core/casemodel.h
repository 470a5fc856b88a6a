#pragma once

#include <QString>
#include <QStringList>

namespace Bridge {

/// Which TheHive we talk to. TLP numbering, statuses, close semantics and the assignee
/// field name all depend on it (see shared/docs/thehive-api.md §0).
struct HiveVersion
{
    int major = 5;
    int minor = 2;

    bool isTheHive4() const { return major <= 4; }
    /// From 5.2 on TLP is 0 CLEAR, 1 GREEN, 2 AMBER, 3 AMBER+STRICT, 4 RED; before, 0 WHITE … 3
    /// RED.
    bool hasAmberStrict() const { return major > 5 || (major == 5 && minor >= 2); }
    QString toString() const { return QString::number(major) + u'.' + QString::number(minor); }
    friend bool operator==(const HiveVersion &, const HiveVersion &) = default;
};

/// A TheHive case as HiveSlack sees it, whichever TheHive version it came from.
struct CaseRecord
{
    QString id;        ///< TheHive `_id`, e.g. "~41025656"
    qint64 number = 0; ///< the human case number (`number`, or `caseId` in TheHive 4 v0)
    QString title;
    QString description; ///< TheHive markdown
    int severity = 2;    ///< 1 Low, 2 Medium, 3 High, 4 Critical
    int tlp = 2;         ///< numbering depends on HiveVersion::hasAmberStrict()
    int pap = 2;         ///< 0 CLEAR/WHITE, 1 GREEN, 2 AMBER, 3 RED
    QString status; ///< raw TheHive status ("Open", "Resolved", "InProgress", "FalsePositive", …)
    QString stage;  ///< TheHive 5 stage (New, InProgress, Closed); derived for TheHive 4
    QString assignee; ///< TheHive login (an email in TheHive 4)
    QStringList tags;
    qint64 createdAt = 0; ///< ms since epoch
    QString createdBy;
    QString organisation;
    QString resolutionStatus; ///< TheHive 4 only; TheHive 5 closes with the status itself
    QString impactStatus;
    QString summary;
    int taskCount = -1; ///< -1 when unknown
    /// TheHive 5.5+ case access limited to named users (`access._kind` = UserAccessKind).
    bool restricted = false;

    bool isClosed() const { return stage == QLatin1String("Closed"); }
    friend bool operator==(const CaseRecord &, const CaseRecord &) = default;
};

} // namespace Bridge
