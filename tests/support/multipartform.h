#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace TestSupport {

/// One part of a multipart/form-data body (RFC 7578), as a server receives it.
struct FormPart
{
    QString name;     ///< Content-Disposition `name`
    QString fileName; ///< Content-Disposition `filename`; null when the part has none
    /// The part's Content-Type; when absent, text/plain for a data part and
    /// application/octet-stream for a file part (what Play and browsers assume).
    QByteArray contentType;
    QByteArray data; ///< the part's bytes, exactly

    /// A file part: its Content-Disposition has a `filename` parameter (even an empty one).
    bool isFile() const { return !fileName.isNull(); }
};

/// Whether a Content-Type header value is multipart/form-data (any parameters).
bool isMultipartFormData(const QByteArray &contentTypeHeader);

/// Parses a multipart/form-data body. The boundary comes from the Content-Type header value
/// (`multipart/form-data; boundary=…`, quoted or not). Parts need a Content-Disposition
/// `form-data` with a `name`; its quoted `name` and `filename` are read as browsers write them
/// (HTML's form-data encoding): raw UTF-8, with `"`, CR and LF escaped as %22, %0D, %0A, which
/// are decoded (any other `%` is left as is, and a backslash is an ordinary character). Lines
/// end with CRLF; the preamble and epilogue are ignored. nullopt when the header is not
/// multipart/form-data, has no boundary, or the body is malformed (no delimiter, no closing
/// delimiter, a part without a blank line after its headers or without a usable
/// Content-Disposition).
std::optional<QList<FormPart>> parseMultipart(const QByteArray &contentTypeHeader,
                                              const QByteArray &body);

} // namespace TestSupport
