#include "thehive/attachmentrequests.h"

#include <QCryptographicHash>

using namespace Qt::StringLiterals;

namespace Bridge::HiveRequests {

HiveRequest addCaseAttachment(const QString &caseId, HiveUpload file)
{
    HiveRequest request;
    request.method = "POST";
    request.path = u"/api/v1/case/"_s + segment(caseId) + u"/attachments"_s;
    file.field = u"attachments"_s;
    // TheHive 5.0.7 to 5.1.5 refuse a name the case already has unless they may rename it.
    file.fields = {{u"canRename"_s, u"true"_s}};
    request.upload = std::move(file);
    return request;
}

HiveRequest listCaseAttachments(const QString &caseId, int limit)
{
    return newestOf({QJsonObject{{u"_name"_s, u"getCase"_s}, {u"idOrName"_s, caseId}},
                     QJsonObject{{u"_name"_s, u"attachments"_s}}},
                    limit);
}

HiveRequest addTaskLogWithAttachment(const QString &taskId, const QString &message, HiveUpload file)
{
    HiveRequest request = withBody("POST", u"/api/case/task/"_s + segment(taskId) + u"/log"_s,
                                   {{u"message"_s, message}});
    file.field = u"attachment"_s;
    request.upload = std::move(file);
    return request;
}

QString attachmentHash(const QByteArray &content)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex());
}

bool isAttachmentOf(const QJsonObject &attachment, const QString &sha256Hex, const QString &name,
                    qint64 size)
{
    if (attachment.value(u"id").toString().compare(sha256Hex, Qt::CaseInsensitive) == 0)
        return true;
    const QJsonArray hashes = attachment.value(u"hashes").toArray();
    const bool hashed = std::any_of(hashes.begin(), hashes.end(), [&](const QJsonValue &hash) {
        return hash.toString().compare(sha256Hex, Qt::CaseInsensitive) == 0;
    });
    // Where TheHive 5 keeps no SHA-256, the same name and size is taken for the same file.
    return hashed || (attachment.value(u"name").toString() == name &&
                      attachment.value(u"size").toInteger(-1) == size);
}

} // namespace Bridge::HiveRequests
