#include "evidence/filecopier.h"

#include "authority/analystwriter.h"
#include "clients/slackclient.h"
#include "config/bridgeconfig.h"
#include "thehive/attachmentrequests.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Bridge {

namespace {

/// How many of the case's newest attachments (TheHive 4: evidence task logs) are compared.
constexpr int HeldLookBack = 200;

/// Why Slack will not give a file, in words for the analyst.
QString slackRefusal(const QString &error)
{
    if (error == u"missing_scope" || error == u"sign_in_page")
        return u"HiveSlack's Slack app lacks the files:read scope"_s;
    if (error == u"file_not_found" || error == u"file_deleted")
        return u"it is no longer in Slack"_s;
    if (error == u"foreign_host")
        return u"Slack sent it to a host that is not Slack's"_s;
    if (error == u"access_denied" || error == u"not_visible")
        return u"Slack does not let HiveSlack read it"_s;
    return u"Slack refused it (%1)"_s.arg(error);
}

QString sizeRefusal(int maxMegabytes)
{
    return u"larger than the %1 MB HiveSlack copies"_s.arg(maxMegabytes);
}

/// Why a file the message lists cannot be fetched at all, from what the message says of it.
QString unavailable(const SlackEvidence::File &file)
{
    if (file.id.isEmpty())
        return u"Slack named no file id"_s;
    if (file.mode == u"tombstone")
        return u"it was deleted in Slack"_s;
    if (file.mode == u"hidden_by_limit")
        return u"Slack hides it beyond the workspace's plan limit"_s;
    if (file.external || file.mode == u"external")
        return u"it is kept outside Slack"_s;
    return {};
}

} // namespace

struct FileCopier::Run
{
    BridgeParts bridge;
    Target target;
    SlackEvidence evidence;
    Done done;
    QList<FileCopy> copies{};
    QJsonArray held{}; ///< attachment objects TheHive already holds
    qint64 maxBytes = 0;

    const SlackEvidence::File &file() const { return evidence.files.at(copies.size()); }
    void retry(const QString &reason) { done({}, reason); }
    /// Every file listed, none copied, for one `reason`.
    void copyNone(const QString &reason)
    {
        copies = QList<FileCopy>(evidence.files.size(), {FileCopy::Kind::NotCopied, reason});
        done(copies, {});
    }
};

void FileCopier::copy(const BridgeParts &bridge, const Target &target,
                      const SlackEvidence &evidence, Done done)
{
    auto run = std::shared_ptr<Run>(new Run{bridge, target, evidence, std::move(done)});
    run->maxBytes = qint64(bridge.config.evidenceFiles.maxMegabytes) * 1024 * 1024;
    if (evidence.files.isEmpty())
        return run->done({}, {});
    bridge.writer.check(target.login, CaseAction::AttachFiles, target.version,
                        [run](const Verdict &may) {
                            if (may.kind == Verdict::Kind::Unavailable)
                                return run->retry(may.reason);
                            if (may.allowed())
                                return listHeld(run);
                            run->copyNone(may.reason);
                        });
}

void FileCopier::listHeld(std::shared_ptr<Run> run)
{
    const Target &t = run->target;
    const HiveRequest list = t.version.isTheHive4()
                                 ? HiveRequests::listTaskLogs(t.taskId, HeldLookBack)
                                 : HiveRequests::listCaseAttachments(t.caseId, HeldLookBack);
    run->bridge.writer.readFor(t.login, list, t.version, [run](const Verdict &found, bool) {
        if (found.kind == Verdict::Kind::Unavailable)
            return run->retry(found.reason);
        if (!found.allowed()) {
            // Unsure what it holds, HiveSlack could only copy twice: it copies nothing.
            return run->copyNone(u"TheHive would not list what the case holds: "_s + found.reason);
        }
        for (const QJsonValue &item : found.hive.json.array()) {
            // TheHive 4 lists logs, each with at most one `attachment`.
            const QJsonObject object = item.toObject();
            run->held.append(object.contains(u"attachment") ? object.value(u"attachment") : object);
        }
        next(run);
    });
}

void FileCopier::next(std::shared_ptr<Run> run)
{
    if (run->copies.size() == run->evidence.files.size())
        return run->done(run->copies, {});
    const SlackEvidence::File &file = run->file();
    if (const QString why = unavailable(file); !why.isEmpty())
        return settle(run, FileCopy::Kind::NotCopied, why);
    run->bridge.slack.fileInfo(file.id, [run](const SlackResult &info) {
        if (info.kind == SlackResult::Kind::Retryable)
            return notNow(run, u"Slack's files.info: "_s + info.error);
        if (!info.ok())
            return settle(run, FileCopy::Kind::NotCopied, slackRefusal(info.error));
        const QJsonObject slackFile = info.json.value(u"file").toObject();
        SlackEvidence::File now = run->file();
        now.mode = slackFile.value(u"mode").toString();
        now.external = slackFile.value(u"is_external").toBool();
        if (const QString why = unavailable(now); !why.isEmpty())
            return settle(run, FileCopy::Kind::NotCopied, why);
        if (slackFile.value(u"size").toInteger() > run->maxBytes)
            return settle(run, FileCopy::Kind::NotCopied,
                          sizeRefusal(run->bridge.config.evidenceFiles.maxMegabytes));
        download(run, slackFile);
    });
}

void FileCopier::download(std::shared_ptr<Run> run, const QJsonObject &file)
{
    const QUrl url(
        file.value(u"url_private_download").toString(file.value(u"url_private").toString()));
    if (url.isEmpty())
        return settle(run, FileCopy::Kind::NotCopied, u"Slack gives no download for it"_s);
    run->bridge.slack.downloadFile(
        url, file.value(u"mimetype").toString().toUtf8(), run->maxBytes,
        [run, file](const SlackDownload &got) {
            if (got.result.kind == SlackResult::Kind::Retryable)
                return notNow(run, u"downloading from Slack: "_s + got.result.error);
            if (got.result.error == u"too_large")
                return settle(run, FileCopy::Kind::NotCopied,
                              sizeRefusal(run->bridge.config.evidenceFiles.maxMegabytes));
            if (!got.result.ok())
                return settle(run, FileCopy::Kind::NotCopied, slackRefusal(got.result.error));
            // A page of another size (a sign-in page labelled as the file) is not the file.
            const qint64 listed = file.value(u"size").toInteger(-1);
            if (listed >= 0 && listed != got.content.size())
                return settle(
                    run, FileCopy::Kind::NotCopied,
                    u"Slack sent %1 bytes where it lists %2"_s.arg(got.content.size()).arg(listed));
            send(run, file, got.content);
        });
}

void FileCopier::send(std::shared_ptr<Run> run, const QJsonObject &file, const QByteArray &bytes)
{
    const QString hash = HiveRequests::attachmentHash(bytes);
    const QString name = run->file().name;
    const bool held = std::any_of(run->held.begin(), run->held.end(), [&](const QJsonValue &a) {
        return HiveRequests::isAttachmentOf(a.toObject(), hash, name, bytes.size());
    });
    if (held)
        return settle(run, FileCopy::Kind::AlreadyThere);
    const QString mimetype = file.value(u"mimetype").toString();
    HiveUpload upload{{},
                      name,
                      mimetype.isEmpty() ? QByteArrayLiteral("application/octet-stream")
                                         : mimetype.toUtf8(),
                      bytes};
    const Target &t = run->target;
    const HiveRequest request =
        t.version.isTheHive4()
            ? HiveRequests::addTaskLogWithAttachment(
                  t.taskId, fileLogMarkdown(run->evidence, run->file(), t.login), upload)
            : HiveRequests::addCaseAttachment(t.caseId, upload);
    run->bridge.writer.write(
        t.login, CaseAction::AttachFiles, request, t.version,
        [run, hash, name, size = bytes.size()](const Verdict &sent) {
            if (sent.kind == Verdict::Kind::Unavailable)
                return notNow(run, sent.reason);
            if (!sent.allowed()) {
                const int status = sent.hive.httpStatus;
                return settle(run, FileCopy::Kind::NotCopied,
                              status == 413 ? u"TheHive refused it as too large"_s
                              : status != 0 ? u"TheHive refused it: "_s + sent.hive.message
                                            : sent.reason);
            }
            // Held from now on: the same bytes twice in one message are sent once.
            run->held.append(QJsonObject{{u"id"_s, hash}, {u"name"_s, name}, {u"size"_s, size}});
            settle(run, FileCopy::Kind::Copied);
        });
}

void FileCopier::notNow(std::shared_ptr<Run> run, const QString &reason)
{
    if (run->target.attempts < RetriesPerFile)
        return run->retry(reason);
    settle(run, FileCopy::Kind::NotCopied,
           u"it could not be had after %1 tries (%2)"_s.arg(RetriesPerFile + 1).arg(reason));
}

void FileCopier::settle(std::shared_ptr<Run> run, FileCopy::Kind kind, const QString &reason)
{
    run->copies.append({kind, reason});
    next(run);
}

} // namespace Bridge
