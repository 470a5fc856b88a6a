#pragma once

#include <QByteArray>

namespace Bridge {

/// Removes // line comments and /* block */ comments outside JSON strings, so the config
/// file can be documented in place ("//" inside a URL string is kept).
QByteArray stripJsonComments(const QByteArray &text);

} // namespace Bridge
