#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace Bridge {

/// One part of a multipart/form-data body (RFC 7578).
struct FormPart
{
    QString name;
    QString fileName;       ///< empty for a plain field
    QByteArray contentType; ///< empty: none said (text/plain for a field)
    QByteArray content;
};

/// The body and its Content-Type header value ("multipart/form-data; boundary=…").
struct MultipartForm
{
    QByteArray contentType;
    QByteArray body;
};

/// Encodes `parts` as browsers do: names and file names in UTF-8 within quotes, with `"`, CR
/// and LF written %22, %0D and %0A; a random boundary found in no part.
MultipartForm encodeMultipart(const QList<FormPart> &parts);

} // namespace Bridge
