#include "clients/multipartform.h"

#include <QRandomGenerator>

namespace Bridge {

namespace {

/// A quoted-string parameter value of Content-Disposition, the way HTML's form-data encoding
/// escapes one (TheHive's Play parser reads the file name from it as sent).
QByteArray quoted(const QString &value)
{
    QByteArray out = value.toUtf8();
    out.replace("\r", "%0D").replace("\n", "%0A").replace("\"", "%22");
    return '"' + out + '"';
}

QByteArray newBoundary(const QList<FormPart> &parts)
{
    for (;;) {
        QByteArray boundary = "----HiveSlackFormBoundary";
        for (int i = 0; i < 4; ++i)
            boundary += QByteArray::number(QRandomGenerator::global()->generate(), 36);
        const bool unique = std::none_of(parts.begin(), parts.end(), [&](const FormPart &p) {
            return p.content.contains(boundary);
        });
        if (unique)
            return boundary;
    }
}

} // namespace

MultipartForm encodeMultipart(const QList<FormPart> &parts)
{
    const QByteArray boundary = newBoundary(parts);
    MultipartForm form;
    form.contentType = "multipart/form-data; boundary=" + boundary;
    for (const FormPart &part : parts) {
        form.body += "--" + boundary + "\r\n";
        form.body += "Content-Disposition: form-data; name=" + quoted(part.name);
        if (!part.fileName.isEmpty())
            form.body += "; filename=" + quoted(part.fileName);
        form.body += "\r\n";
        if (!part.contentType.isEmpty()) {
            QByteArray type = part.contentType; // one header line, whatever Slack said
            type.replace('\r', "").replace('\n', "");
            form.body += "Content-Type: " + type + "\r\n";
        }
        form.body += "\r\n" + part.content + "\r\n";
    }
    form.body += "--" + boundary + "--\r\n";
    return form;
}

} // namespace Bridge
