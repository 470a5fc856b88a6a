#include "alerts/alertbatch.h"

#include "alerts/alertcard.h"

#include <QHash>

namespace Bridge {

BatchChoice chooseBatch(const AlertRecord &alert, int batchPerMinute,
                        const QList<AlertCardRef> &recent)
{
    if (batchPerMinute <= 0)
        return {};
    int ownCards = 0;
    QHash<QString, int> linesByDigest;
    QString newestDigest;
    for (const AlertCardRef &card : recent) { // oldest first
        if (alertFromStoredJson(card.alertJson).source.compare(alert.source, Qt::CaseInsensitive))
            continue;
        if (!card.digest) {
            ++ownCards;
            continue;
        }
        ++linesByDigest[card.ts];
        newestDigest = card.ts;
    }
    if (ownCards < batchPerMinute)
        return {};
    if (!newestDigest.isEmpty() && linesByDigest.value(newestDigest) < MaxDigestLines)
        return {BatchChoice::Kind::Join, newestDigest};
    return {BatchChoice::Kind::NewDigest, {}};
}

} // namespace Bridge
