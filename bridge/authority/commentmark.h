#pragma once

#include <QString>

/// Every case comment HiveSlack writes ends with a mark, so that thread sync never shows
/// HiveSlack's own comments back in Slack (an evidence comment quotes a message from another
/// channel; a thread reply copied to the case would echo).
namespace Bridge::CommentMark {

/// "(HiveSlack)", or "(HiveSlack event N)" for a comment written for journal event N, by
/// which a write whose answer was lost is found again.
QString suffix(qint64 eventId = 0);
/// Whether `message` ends with a mark.
bool isMarked(const QString &message);

} // namespace Bridge::CommentMark
