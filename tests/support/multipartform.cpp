// multipart/form-data as servers read it: RFC 7578 (and the RFC 2046 delimiters it uses), with
// the name escaping of HTML's "multipart/form-data encoding algorithm", which curl (7.81+),
// browsers and Qt-built bodies with plain UTF-8 names all fit.
#include "multipartform.h"

#include <QHash>

namespace TestSupport {

namespace {

/// A header value such as `form-data; name="a"; filename="b"`: its leading token (lower-cased)
/// and its parameters (names lower-cased, first one wins, quoted values unquoted as they are).
struct HeaderValue
{
    QByteArray token;
    QHash<QByteArray, QByteArray> params;
};

bool isSpace(char c)
{
    return c == ' ' || c == '\t';
}

std::optional<HeaderValue> parseHeaderValue(const QByteArray &value)
{
    HeaderValue parsed;
    qsizetype i = value.indexOf(';');
    parsed.token = value.left(i < 0 ? value.size() : i).trimmed().toLower();
    if (i < 0)
        return parsed;
    const qsizetype n = value.size();
    while (i < n) {
        while (i < n && (value[i] == ';' || isSpace(value[i])))
            ++i;
        if (i >= n)
            break;
        qsizetype start = i;
        while (i < n && value[i] != '=' && value[i] != ';')
            ++i;
        const QByteArray name = value.mid(start, i - start).trimmed().toLower();
        QByteArray paramValue;
        if (i < n && value[i] == '=') {
            ++i;
            while (i < n && isSpace(value[i]))
                ++i;
            if (i < n && value[i] == '"') {
                // No backslash escapes: HTML's encoding percent-escapes `"` instead, and a
                // backslash in a Windows file name must stay one.
                const qsizetype close = value.indexOf('"', i + 1);
                if (close < 0)
                    return std::nullopt;
                paramValue = value.mid(i + 1, close - i - 1);
                i = close + 1;
                while (i < n && value[i] != ';')
                    ++i;
            } else {
                start = i;
                while (i < n && value[i] != ';')
                    ++i;
                paramValue = value.mid(start, i - start).trimmed();
            }
        }
        if (!name.isEmpty() && !parsed.params.contains(name))
            parsed.params.insert(name, paramValue);
    }
    return parsed;
}

/// Undoes HTML's escaping of a form-data name or filename: %22, %0D and %0A only.
QString decodeName(const QByteArray &raw)
{
    QByteArray decoded;
    decoded.reserve(raw.size());
    for (qsizetype i = 0; i < raw.size(); ++i) {
        if (raw[i] == '%' && i + 2 < raw.size()) {
            const QByteArray code = raw.mid(i + 1, 2).toUpper();
            const char c = code == "22" ? '"' : code == "0D" ? '\r' : code == "0A" ? '\n' : 0;
            if (c) {
                decoded.append(c);
                i += 2;
                continue;
            }
        }
        decoded.append(raw[i]);
    }
    // fromUtf8() of an empty array may be null; a present but empty filename must not be.
    static const QChar nothing;
    return decoded.isEmpty() ? QString(&nothing, 0) : QString::fromUtf8(decoded);
}

/// One part: headers, a blank line, the bytes. nullopt when it is not a usable form-data part.
std::optional<FormPart> parsePart(const QByteArray &raw)
{
    qsizetype headerEnd = raw.indexOf("\r\n\r\n");
    qsizetype bodyStart = headerEnd + 4;
    if (raw.startsWith("\r\n")) { // no headers at all
        headerEnd = 0;
        bodyStart = 2;
    }
    if (headerEnd < 0)
        return std::nullopt;

    QByteArray disposition;
    QByteArray contentType;
    for (const QByteArray &line : raw.left(headerEnd).split('\n')) {
        const QByteArray trimmedLine = line.endsWith('\r') ? line.chopped(1) : line;
        if (trimmedLine.isEmpty())
            continue;
        const qsizetype colon = trimmedLine.indexOf(':');
        if (colon <= 0)
            return std::nullopt;
        const QByteArray name = trimmedLine.left(colon).trimmed().toLower();
        const QByteArray value = trimmedLine.mid(colon + 1).trimmed();
        if (name == "content-disposition")
            disposition = value;
        else if (name == "content-type")
            contentType = value;
    }
    const std::optional<HeaderValue> parsed = parseHeaderValue(disposition);
    if (!parsed || parsed->token != "form-data" || !parsed->params.contains("name"))
        return std::nullopt;

    FormPart part;
    part.name = decodeName(parsed->params.value("name"));
    if (parsed->params.contains("filename"))
        part.fileName = decodeName(parsed->params.value("filename"));
    part.contentType = !contentType.isEmpty() ? contentType
                       : part.isFile()        ? QByteArray("application/octet-stream")
                                              : QByteArray("text/plain");
    part.data = raw.mid(bodyStart);
    return part;
}

} // namespace

bool isMultipartFormData(const QByteArray &contentTypeHeader)
{
    const std::optional<HeaderValue> parsed = parseHeaderValue(contentTypeHeader);
    return parsed && parsed->token == "multipart/form-data";
}

std::optional<QList<FormPart>> parseMultipart(const QByteArray &contentTypeHeader,
                                              const QByteArray &body)
{
    const std::optional<HeaderValue> type = parseHeaderValue(contentTypeHeader);
    if (!type || type->token != "multipart/form-data")
        return std::nullopt;
    const QByteArray boundary = type->params.value("boundary");
    if (boundary.isEmpty() || boundary.size() > 70)
        return std::nullopt;

    // The first delimiter may open the body; every other one follows a CRLF (RFC 2046 §5.1.1).
    const QByteArray dashBoundary = "--" + boundary;
    const QByteArray delimiter = "\r\n" + dashBoundary;
    qsizetype pos = 0;
    if (body.startsWith(dashBoundary)) {
        pos = dashBoundary.size();
    } else {
        pos = body.indexOf(delimiter);
        if (pos < 0)
            return std::nullopt;
        pos += delimiter.size();
    }

    QList<FormPart> parts;
    while (true) {
        if (body.mid(pos, 2) == "--")
            return parts; // the close delimiter; the epilogue is ignored
        while (pos < body.size() && isSpace(body[pos])) // transport padding
            ++pos;
        if (body.mid(pos, 2) != "\r\n")
            return std::nullopt;
        pos += 2;
        const qsizetype next = body.indexOf(delimiter, pos);
        if (next < 0)
            return std::nullopt; // no close delimiter
        std::optional<FormPart> part = parsePart(body.mid(pos, next - pos));
        if (!part)
            return std::nullopt;
        parts.append(std::move(*part));
        pos = next + delimiter.size();
    }
}

} // namespace TestSupport
