#include "metrics/errortally.h"

namespace Bridge {

namespace {

/// Safe as a Prometheus label value and short: what a peer sends is not trusted.
QString labelSafe(const QString &kind)
{
    QString safe = kind.left(64);
    for (QChar &c : safe) {
        if (!(c.isLetterOrNumber() && c.unicode() < 128) && c != u'_' && c != u'.' && c != u'-')
            c = u'_';
    }
    return safe.isEmpty() ? QStringLiteral("unknown") : safe;
}

} // namespace

void ErrorTally::count(const QString &kind)
{
    QString key = labelSafe(kind);
    if (!m_byKind.contains(key) && m_byKind.size() >= MaxKinds)
        key = QStringLiteral("other");
    ++m_byKind[key];
}

} // namespace Bridge
