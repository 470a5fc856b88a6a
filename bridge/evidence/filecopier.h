#pragma once

#include "delivery/bridgeparts.h"
#include "evidence/evidenceform.h"
#include "thehive/dialect.h"

#include <functional>
#include <memory>

namespace Bridge {

/// Copies a Slack message's files into a case (evidence.copyFiles), one at a time, so only one
/// file is held in memory (twice over while it is sent: its bytes and the request's):
/// 1. files.info tells what Slack has now (files:read): a deleted, plan-hidden, external or
///    too large file is listed, not copied;
/// 2. the file is downloaded (SlackClient::downloadFile keeps the token to Slack's hosts);
/// 3. a file TheHive already holds (same SHA-256, which is how TheHive names attachments) is
///    not sent again: so a retry after a lost answer copies nothing twice;
/// 4. it is sent as the analyst, who needs AttachFiles: TheHive 5 case attachments, TheHive 4
///    a log of the evidence task carrying it.
/// What only Slack or TheHive could say no to is the file's own outcome; what may pass
/// (network, 5xx, rate limits) asks for the whole submission to be tried again, for the first
/// RetriesPerFile attempts: after those the file is listed as not copied, so that one file
/// that never comes does not keep the message out of TheHive.
class FileCopier final
{
public:
    static constexpr int RetriesPerFile = 3;

    struct Target
    {
        QString login;
        HiveVersion version;
        QString caseId;
        QString taskId;   ///< TheHive 4: the evidence task whose logs carry the files
        int attempts = 0; ///< the submission's failed attempts so far
    };
    /// One FileCopy per file; or none and why the submission must be tried again.
    using Done = std::function<void(const QList<FileCopy> &copies, const QString &retryReason)>;

    static void copy(const BridgeParts &bridge, const Target &target, const SlackEvidence &evidence,
                     Done done);

private:
    struct Run;
    static void listHeld(std::shared_ptr<Run> run);
    static void next(std::shared_ptr<Run> run);
    /// A file that may come later: the submission is tried again, or the file given up.
    static void notNow(std::shared_ptr<Run> run, const QString &reason);
    static void download(std::shared_ptr<Run> run, const QJsonObject &file);
    static void send(std::shared_ptr<Run> run, const QJsonObject &file, const QByteArray &bytes);
    static void settle(std::shared_ptr<Run> run, FileCopy::Kind kind, const QString &reason = {});
};

} // namespace Bridge
