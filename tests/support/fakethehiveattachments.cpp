// FakeTheHive: attachments — TheHive 5 case attachments and the files of task logs (TheHive 4:
// one `attachment` per log; TheHive 5: `attachments`), stored by content.
// Sources (file-facts.md A1–A4, B1–B4): TheHive 4.1.24 controllers/v0/LogCtrl.scala,
// services/LogSrv.scala, services/AttachmentSrv.scala, controllers/v0/Conversion.scala,
// reference.conf (attachment.hash); ScalliGraph controllers/Fields.scala (multipart fields) and
// ErrorHandler.scala (413); TheHive 5 docs.yaml (/api/v1/case/{caseId}/attachments,
// OutputAttachment, InputCreateLog), thehive4py case.py / task_log.py, release notes 5.0.7 and
// 5.1.6 (same-name files renamed).
#include "fakethehive.h"
#include "multipartform.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace TestSupport {

namespace {

/// `name` made unique among `taken`. TheHive 5.1.6+ renames a file whose name the case already
/// has, but how is not documented: this fake's scheme is "report (1).pdf", "report (2).pdf"…
/// (before the last extension; " (n)" at the end of a name without one).
QString uniqueName(const QString &name, const QStringList &taken)
{
    if (!taken.contains(name))
        return name;
    const qsizetype dot = name.lastIndexOf(u'.');
    const QString stem = dot > 0 ? name.left(dot) : name;
    const QString extension = dot > 0 ? name.mid(dot) : QString();
    for (int n = 1;; ++n) {
        const QString candidate = u"%1 (%2)%3"_s.arg(stem).arg(n).arg(extension);
        if (!taken.contains(candidate))
            return candidate;
    }
}

QString hexHash(const QByteArray &data, QCryptographicHash::Algorithm algorithm)
{
    return QString::fromLatin1(QCryptographicHash::hash(data, algorithm).toHex());
}

} // namespace

QList<QJsonObject> FakeTheHive::caseAttachments(const QString &caseIdOrNumber) const
{
    return m_caseAttachments.value(findCase(caseIdOrNumber));
}

QByteArray FakeTheHive::attachmentContent(const QString &sha256Hex) const
{
    return m_attachmentContent.value(sha256Hex.toLower());
}

QJsonObject FakeTheHive::storeAttachment(const FormPart &file, const QString &name)
{
    // attachment.hash = [SHA-256, SHA-1, MD5], rendered longest first; the id is the first.
    const QString sha256 = hexHash(file.data, QCryptographicHash::Sha256);
    m_attachmentContent.insert(sha256, file.data);
    return {{u"name"_s, name},
            {u"hashes"_s, QJsonArray{sha256, hexHash(file.data, QCryptographicHash::Sha1),
                                     hexHash(file.data, QCryptographicHash::Md5)}},
            {u"size"_s, file.data.size()},
            {u"contentType"_s, QString::fromUtf8(file.contentType)},
            {u"id"_s, sha256}};
}

QJsonObject FakeTheHive::storeOutputAttachment(const FormPart &file, const QString &name)
{
    QJsonObject attachment = storeAttachment(file, name);
    attachment.insert(u"_id"_s, nextId());
    attachment.insert(u"_type"_s, u"Attachment"_s);
    attachment.insert(u"_createdBy"_s, m_caller);
    attachment.insert(u"_createdAt"_s, QDateTime::currentMSecsSinceEpoch());
    attachment.insert(u"path"_s, QString());
    attachment.insert(u"extraData"_s, QJsonObject());
    return attachment;
}

void FakeTheHive::postCaseAttachments(const RecordedRequest &request, const QString &idOrNumber,
                                      Reply &reply)
{
    // Play parses the body and ScalliGraph extracts the fields before the transaction that
    // looks the case up and checks the permission.
    const QByteArray contentType = request.header("Content-Type");
    if (!isMultipartFormData(contentType))
        return reply.setJson(error(u"BadRequest"_s, u"Expected a multipart/form-data body"_s), 400);
    const std::optional<QList<FormPart>> parts = parseMultipart(contentType, request.body);
    if (!parts)
        return reply.setJson(error(u"BadRequest"_s, u"Invalid multipart body"_s), 400);
    QList<FormPart> files;
    for (const FormPart &part : *parts) {
        // A file input left empty sends filename="": no file (Play drops such parts too).
        if (part.name == u"attachments" && part.isFile() && !part.fileName.isEmpty())
            files.append(part);
    }
    if (files.isEmpty())
        return reply.setJson(error(u"BadRequest"_s, u"[Attribute attachments is missing]"_s), 400);

    const QString caseId = findVisibleCase(idOrNumber);
    if (caseId.isEmpty())
        return reply.setJson(error(u"NotFoundError"_s, u"Case not found"_s), 404);
    // 5.1 split manageCase; on 5.0 the split name is accepted too, as this fake's predefined
    // profiles carry the split permissions on every TheHive 5.
    const bool allowed = can(m_caller, u"manageCase/update"_s) ||
                         (m_major == 5 && m_minor == 0 && can(m_caller, u"manageCase"_s));
    if (!allowed)
        return refuse(u"add attachments to the case"_s, u"Case"_s, reply);

    QList<QJsonObject> &stored = m_caseAttachments[caseId];
    QStringList taken;
    for (const QJsonObject &attachment : std::as_const(stored))
        taken.append(attachment.value(u"name"_s).toString());
    QJsonArray answered;
    for (const FormPart &file : std::as_const(files)) {
        const QString name = uniqueName(file.fileName, taken);
        taken.append(name);
        const QJsonObject attachment = storeOutputAttachment(file, name);
        stored.append(attachment);
        answered.append(attachment);
    }
    reply.setJson(QJsonObject{{u"attachments"_s, answered}}, 201);
}

bool FakeTheHive::readLogForm(const RecordedRequest &request, QJsonObject *fields,
                              QList<FormPart> *files) const
{
    const std::optional<QList<FormPart>> parts =
        parseMultipart(request.header("Content-Type"), request.body);
    if (!parts)
        return false;
    // ScalliGraph's Fields: `_json` is merged in, any other data part is a field, a file part
    // is set at its name (so a second `attachment` replaces the first).
    for (const FormPart &part : *parts) {
        if (part.isFile()) {
            if (part.fileName.isEmpty()) // a file input left empty
                continue;
            if (isTheHive4() && part.name == u"attachment")
                *files = {part};
            else if (!isTheHive4() && part.name == u"attachments")
                files->append(part);
        } else if (part.name == u"_json") {
            const QJsonDocument doc = QJsonDocument::fromJson(part.data);
            if (!doc.isObject())
                return false;
            const QJsonObject json = doc.object();
            for (auto it = json.begin(); it != json.end(); ++it)
                fields->insert(it.key(), it.value());
        } else {
            const QString value = QString::fromUtf8(part.data);
            bool isNumber = false;
            const qint64 number = value.toLongLong(&isNumber);
            // Dates sent as form fields are epoch milliseconds in text.
            if (part.name == u"startDate" && isNumber)
                fields->insert(part.name, number);
            else
                fields->insert(part.name, value);
        }
    }
    return true;
}

} // namespace TestSupport
