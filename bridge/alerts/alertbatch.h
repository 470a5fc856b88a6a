#pragma once

#include "alerts/alertrecord.h"
#include "journal/journaltypes.h"

#include <QList>

namespace Bridge {

/// Where a new alert's card goes on a route that batches (`batchPerMinute`).
struct BatchChoice
{
    enum class Kind {
        Own,       ///< a card of its own: the source is under its cards for this minute
        Join,      ///< a line of the digest posted as `ts` this minute
        NewDigest, ///< the first line of a new digest (none this minute, or the last is full)
    };
    Kind kind = Kind::Own;
    QString ts;
};

/// `recent`: the cards and digest lines posted in the route's channel within the last minute.
/// Up to `batchPerMinute` alerts from one source (ignoring case) get cards of their own; the
/// rest share that source's digest of this minute, MaxDigestLines lines at most each.
BatchChoice chooseBatch(const AlertRecord &alert, int batchPerMinute,
                        const QList<AlertCardRef> &recent);

} // namespace Bridge
