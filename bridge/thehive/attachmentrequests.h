#pragma once

#include "thehive/dialect.h"

namespace Bridge::HiveRequests {

/// TheHive 5: `POST /api/v1/case/{id}/attachments`, the file as its `attachments` part
/// (needs manageCase/update). TheHive 4 has no case attachments.
HiveRequest addCaseAttachment(const QString &caseId, HiveUpload file);
/// Query API: the case's attachments (TheHive 5), newest first, at most `limit`.
HiveRequest listCaseAttachments(const QString &caseId, int limit);
/// TheHive 4: a task log carrying the file, `POST /api/case/task/{id}/log` with `_json`
/// {"message"} and the file as its `attachment` part (one per log; needs manageTask). Its
/// answer leaves the attachment out: listTaskLogs() shows it.
HiveRequest addTaskLogWithAttachment(const QString &taskId, const QString &message,
                                     HiveUpload file);

/// The content hash TheHive identifies an attachment by: TheHive 4's `id` and first `hashes`
/// entry are the SHA-256 of the bytes, in lower-case hex.
QString attachmentHash(const QByteArray &content);
/// Whether `attachment` (an attachment object of TheHive 4 or 5) holds these bytes: the same
/// SHA-256, or the same name and size (TheHive 5 does not document its hashes).
bool isAttachmentOf(const QJsonObject &attachment, const QString &sha256Hex, const QString &name,
                    qint64 size);

} // namespace Bridge::HiveRequests
