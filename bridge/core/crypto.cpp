#include "core/crypto.h"

namespace Bridge {

bool constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    // Fold the length difference into the accumulator and always walk the longer input.
    unsigned diff = unsigned(a.size() ^ b.size());
    const qsizetype n = qMax(a.size(), b.size());
    for (qsizetype i = 0; i < n; ++i) {
        const auto x = i < a.size() ? uchar(a.at(i)) : uchar(0);
        const auto y = i < b.size() ? uchar(b.at(i)) : uchar(0);
        diff |= unsigned(x ^ y);
    }
    return diff == 0;
}

} // namespace Bridge
