#pragma once

#include "core/casemodel.h"

#include <QList>
#include <QString>

namespace Bridge {

/// One value of a TheHive enumeration with what Slack shows for it.
struct VocabEntry
{
    QString value; ///< what TheHive stores ("3", "InProgress", "FalsePositive")
    QString label; ///< what people read ("High", "In progress")
    QString emoji; ///< Slack emoji shortcode used as the visual cue
    QString stage; ///< statuses only: New, InProgress or Closed
};

/// TheHive's enumerations per version, in one place, so the card, the modals and the
/// request builders can never disagree (the n8n template did: its TLP list was wrong).
namespace Vocabulary {

QList<VocabEntry> severities();
VocabEntry severity(int value);

QList<VocabEntry> tlps(const HiveVersion &version);
VocabEntry tlp(int value, const HiveVersion &version);

QList<VocabEntry> paps(const HiveVersion &version);
VocabEntry pap(int value, const HiveVersion &version);

/// Case statuses offered in the status select. TheHive 5 custom statuses are not listed
/// but status() still labels them.
QList<VocabEntry> statuses(const HiveVersion &version);
VocabEntry status(const QString &value, const HiveVersion &version);
/// The stage of a status: TheHive 5 sends it; for TheHive 4 it is derived.
QString stageOf(const QString &status, const HiveVersion &version);

/// How a case can be closed: TheHive 4 resolutionStatus values, TheHive 5 closing statuses.
QList<VocabEntry> resolutions(const HiveVersion &version);
QList<VocabEntry> impacts();

/// The status a reopened case gets: "Open" (TheHive 4) or "InProgress" (TheHive 5).
QString reopenStatus(const HiveVersion &version);

} // namespace Vocabulary
} // namespace Bridge
