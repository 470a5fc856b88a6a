#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace Console {

/// One CSV field per RFC 4180: quoted when it holds a comma, a quote, CR or LF, with quotes
/// doubled.
QString csvField(const QString &value);

/// Rows as an RFC 4180 document: fields joined by commas, every record ended by CRLF, UTF-8.
QByteArray csvDocument(const QList<QStringList> &rows);

} // namespace Console
