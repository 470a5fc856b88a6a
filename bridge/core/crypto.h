#pragma once

#include <QByteArray>

namespace Bridge {

/// Compares two byte strings in time that depends only on their lengths, so a caller
/// probing a secret learns nothing from how long a wrong guess takes.
bool constantTimeEquals(const QByteArray &a, const QByteArray &b);

} // namespace Bridge
