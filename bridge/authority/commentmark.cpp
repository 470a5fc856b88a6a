#include "authority/commentmark.h"

#include <QRegularExpression>

namespace Bridge::CommentMark {

QString suffix(qint64 eventId)
{
    return eventId > 0 ? QStringLiteral("(HiveSlack event %1)").arg(eventId)
                       : QStringLiteral("(HiveSlack)");
}

bool isMarked(const QString &message)
{
    static const QRegularExpression mark(QStringLiteral("\\(HiveSlack( event \\d+)?\\)\\s*$"));
    return mark.match(message).hasMatch();
}

} // namespace Bridge::CommentMark
