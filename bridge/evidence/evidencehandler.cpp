#include "evidence/evidencehandler.h"

#include "authority/analystwriter.h"
#include "authority/writeonce.h"
#include "clients/hiveversionprobe.h"
#include "clients/slackclient.h"
#include "clients/thehiveclient.h"
#include "commands/responseurls.h"
#include "delivery/cardpublisher.h"
#include "delivery/outcomes.h"
#include "directory/userlinker.h"
#include "evidence/evidenceform.h"
#include "evidence/filecopier.h"
#include "journal/journal.h"
#include "slack/interaction.h"
#include "slack/mrkdwn.h"
#include "thehive/casejson.h"
#include "thehive/dialect.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Bridge {

namespace {

/// How many of the newest comments or logs are compared when looking for a lost write.
constexpr int LookBackLimit = 100;

bool isShortcut(const SlackInteraction &in)
{
    return in.type == SlackInteraction::Type::MessageAction &&
           in.callbackId == EvidenceIds::Shortcut;
}

bool isSubmission(const SlackInteraction &in)
{
    return in.type == SlackInteraction::Type::ViewSubmission &&
           in.callbackId == EvidenceIds::Callback;
}

/// What writing evidence needs: a case comment on TheHive 5, a task log on TheHive 4.
CaseAction evidenceAction(const HiveVersion &version)
{
    return version.isTheHive4() ? CaseAction::AddTask : CaseAction::Comment;
}

/// What became of the files, for the analyst: "" when none were to be copied.
QString copySummary(const SlackEvidence &e)
{
    if (e.copies.isEmpty())
        return {};
    QStringList missed;
    for (qsizetype i = 0; i < e.copies.size(); ++i) {
        if (e.copies[i].kind == FileCopy::Kind::NotCopied)
            missed << QStringLiteral("%1 (%2)").arg(
                escapeMrkdwnTruncated(e.files.value(i).name, 100),
                escapeMrkdwnTruncated(e.copies[i].reason, 200));
    }
    if (missed.isEmpty())
        return e.copies.size() == 1 ? QStringLiteral(" with its file")
                                    : QStringLiteral(" with its %1 files").arg(e.copies.size());
    return QStringLiteral(", but %1 of its %2 files not: %3")
        .arg(missed.size())
        .arg(e.copies.size())
        .arg(missed.join(QStringLiteral("; ")));
}

} // namespace

struct EvidenceHandler::Request
{
    JournalEvent event;
    SlackInteraction in;
    Dispatcher::Completion done;
    QString channel; ///< where the shortcut was used
    QString trigger; ///< the shortcut's trigger_id: its response_url's key
    QString login;
    HiveVersion version;
    SlackEvidence evidence;
    EvidenceInput input;
    std::optional<CaseRecord> target;
    QString markdown;
};

EvidenceHandler::EvidenceHandler(const BridgeParts &bridge, QObject *parent)
    : QObject(parent)
    , m_bridge(bridge)
{
}

EvidenceHandler::~EvidenceHandler() = default;

bool EvidenceHandler::handles(const JournalEvent &event)
{
    if (event.kind != u"slack.message_action" && event.kind != u"slack.view_submission")
        return false;
    const std::optional<SlackInteraction> in = parseInteraction(event.payload, nullptr);
    return in && (isShortcut(*in) || isSubmission(*in));
}

void EvidenceHandler::handle(const JournalEvent &event, Dispatcher::Completion done)
{
    auto r = std::make_shared<Request>();
    r->event = event;
    r->done = std::move(done);
    QString error;
    const std::optional<SlackInteraction> in = parseInteraction(event.payload, &error);
    if (!in)
        return r->done(
            Outcome::failed(tr("journaled interaction no longer parses: %1").arg(error)));
    r->in = *in;
    QJsonObject shortcut = QJsonDocument::fromJson(event.payload).object();
    if (isSubmission(*in)) {
        // The message itself is in the journaled shortcut the form came from.
        const QJsonObject meta = QJsonDocument::fromJson(in->privateMetadata.toUtf8()).object();
        r->trigger = meta.value(u"trigger").toString();
        const std::optional<JournalEvent> origin =
            m_bridge.journal.event(meta.value(u"shortcut").toInteger());
        if (!origin)
            return r->done(Outcome::failed(tr("the form's message is no longer in the journal")));
        shortcut = QJsonDocument::fromJson(origin->payload).object();
        r->input = parseEvidence(in->stateValues);
    } else {
        r->trigger = in->triggerId;
    }
    r->channel = shortcut.value(u"channel").toObject().value(u"id").toString();
    r->evidence = evidenceFromShortcut(shortcut.value(u"message").toObject(),
                                       shortcut.value(u"channel").toObject());
    if (r->channel.isEmpty() || r->evidence.ts.isEmpty())
        return r->done(Outcome::failed(tr("the shortcut names no message")));

    m_bridge.users.resolveActor(r->in.userId, [this, r](const UserLinker::Link &actor) {
        if (actor.unavailable && isSubmission(r->in))
            return r->done(Outcome::retry(actor.reason)); // the form is kept: tried again
        if (!actor.ok())
            return refuse(r, actor.reason, Outcome::ignored(tr("refused: %1").arg(actor.reason)));
        r->login = actor.hiveLogin;
        m_bridge.versions.withVersion(
            [this, r](std::optional<HiveVersion> version, const QString &why) {
                if (!version)
                    return refuse(r,
                                  tr("TheHive cannot be reached right now (%1). Please try again "
                                     "in a moment.")
                                      .arg(why),
                                  isShortcut(r->in) ? Outcome::failed(why) : Outcome::retry(why));
                r->version = *version;
                if (isShortcut(r->in))
                    return openForm(r);
                submit(r);
            });
    });
}

void EvidenceHandler::openForm(std::shared_ptr<Request> r)
{
    m_bridge.writer.check(
        r->login, evidenceAction(r->version), r->version, [this, r](const Verdict &v) {
            if (!v.allowed())
                // The trigger lasts 3 s: a form that could not open now never will.
                return refuse(r, v.reason, Outcome::ignored(tr("refused: %1").arg(v.reason)));
            const QString metadata =
                QString::fromUtf8(QJsonDocument(QJsonObject{{u"channel"_s, r->channel},
                                                            {u"shortcut"_s, r->event.id},
                                                            {u"trigger"_s, r->trigger}})
                                      .toJson(QJsonDocument::Compact));
            const EvidenceFiles &copying = m_bridge.config.evidenceFiles;
            const QJsonObject view =
                buildEvidenceModal(r->evidence.text, metadata,
                                   evidenceFilesNote(r->evidence.files.size(),
                                                     copying.copy ? copying.maxMegabytes : 0));
            m_bridge.slack.openView(
                r->trigger, SlackMessage::form(r->channel, view),
                [this, r](const SlackResult &result) {
                    if (result.ok())
                        return r->done(Outcome::delivered(tr("evidence form opened")));
                    refuse(r,
                           tr("The form could not be opened (%1). Please use the "
                              "shortcut again.")
                               .arg(result.error),
                           Outcome::failed(u"views.open: "_s + result.error));
                });
        });
}

void EvidenceHandler::submit(std::shared_ptr<Request> r)
{
    m_bridge.writer.readCase(r->login, r->input.caseId, r->version,
                             [this, r](const Verdict &verdict, std::optional<CaseRecord> c) {
                                 if (verdict.kind == Verdict::Kind::Unavailable)
                                     return r->done(Outcome::retry(verdict.reason));
                                 if (!verdict.allowed())
                                     return refuse(
                                         r, verdict.reason,
                                         Outcome::ignored(tr("refused: %1").arg(verdict.reason)));
                                 r->target = c;
                                 describe(r);
                             });
}

void EvidenceHandler::describe(std::shared_ptr<Request> r)
{
    m_bridge.slack.getPermalink(
        r->evidence.channelId, r->evidence.ts, [this, r](const SlackResult &link) {
            if (link.kind == SlackResult::Kind::Retryable)
                return r->done(outcomeFor(link, tr("asking Slack for the message's permalink")));
            r->evidence.permalink = link.json.value(u"permalink").toString();
            if (r->evidence.authorId.isEmpty())
                return write(r);
            m_bridge.slack.usersInfo(r->evidence.authorId, [this, r](const SlackResult &who) {
                const QJsonObject user = who.json.value(u"user").toObject();
                const QString realName = user.value(u"real_name").toString();
                if (who.ok())
                    r->evidence.authorName =
                        realName.isEmpty() ? user.value(u"name").toString() : realName;
                write(r);
            });
        });
}

void EvidenceHandler::write(std::shared_ptr<Request> r)
{
    if (!r->version.isTheHive4()) {
        return copyFiles(r, {}, [this, r] {
            r->markdown = evidenceMarkdown(r->evidence, r->input.note, r->login, r->event.id);
            writeOnce(r, *HiveRequests::addCaseComment(r->target->id, r->markdown, r->version),
                      HiveRequests::listCaseComments(r->target->id, LookBackLimit));
        });
    }
    withEvidenceTask(r, [this, r](const QString &taskId) {
        copyFiles(r, taskId, [this, r, taskId] {
            r->markdown = evidenceMarkdown(r->evidence, r->input.note, r->login, r->event.id);
            writeOnce(r, HiveRequests::addTaskLog(taskId, r->markdown, r->version),
                      HiveRequests::listTaskLogs(taskId, LookBackLimit));
        });
    });
}

void EvidenceHandler::copyFiles(std::shared_ptr<Request> r, const QString &taskId,
                                std::function<void()> next)
{
    if (!m_bridge.config.evidenceFiles.copy || r->evidence.files.isEmpty())
        return next();
    FileCopier::copy(m_bridge, {r->login, r->version, r->target->id, taskId, r->event.attempts},
                     r->evidence,
                     [r, next](const QList<FileCopy> &copies, const QString &retryReason) {
                         if (!retryReason.isEmpty())
                             return r->done(Outcome::retry(retryReason));
                         r->evidence.copies = copies;
                         next();
                     });
}

void EvidenceHandler::withEvidenceTask(std::shared_ptr<Request> r,
                                       std::function<void(const QString &)> next)
{
    const QString caseId = r->target->id;
    m_bridge.writer.readFor(
        r->login, HiveRequests::findTasksSince(caseId, EvidenceTask, 0), r->version,
        [this, r, caseId, next](const Verdict &found, bool) {
            if (!found.allowed())
                return r->done(Outcome::retry(found.reason));
            const QJsonArray tasks = found.hive.json.array();
            if (!tasks.isEmpty())
                return next(tasks.first().toObject().value(u"_id").toString(
                    tasks.first().toObject().value(u"id").toString()));
            TaskDraft draft;
            draft.title = EvidenceTask;
            draft.group = QStringLiteral("Slack");
            draft.description = tr("Messages kept from Slack with the “Add to TheHive case” "
                                   "shortcut, one log each.");
            // Not marked: a second evidence task would be found again by its title.
            m_bridge.writer.write(
                r->login, CaseAction::AddTask, HiveRequests::createTask(caseId, draft, r->version),
                r->version, [this, r, next](const Verdict &made) {
                    if (!made.allowed())
                        return refuse(r, made.reason, outcomeFor(made.hive, tr("making the task")));
                    const QJsonObject task = made.hive.json.object();
                    next(task.value(u"_id").toString(task.value(u"id").toString()));
                });
        });
}

void EvidenceHandler::writeOnce(std::shared_ptr<Request> r, const HiveRequest &request,
                                const HiveRequest &lookup)
{
    // Found again by its signature: the rest (a name Slack gave or not) may differ on a retry.
    const OnceWrite w{r->event.id, r->login, evidenceAction(r->version),
                      request,     lookup,   evidenceSignature(r->login, r->event.id),
                      r->version};
    Bridge::writeOnce(m_bridge.journal, m_bridge.writer, w, [this, r](const Verdict &verdict) {
        if (verdict.kind == Verdict::Kind::Unavailable)
            return r->done(Outcome::retry(verdict.reason));
        if (!verdict.allowed())
            return refuse(r, verdict.reason,
                          verdict.hive.kind == HiveResult::Kind::Refused
                              ? outcomeFor(verdict.hive, tr("adding evidence"))
                              : Outcome::ignored(verdict.reason));
        written(r);
    });
}

void EvidenceHandler::written(std::shared_ptr<Request> r)
{
    const CaseRecord &c = *r->target;
    const QString where = u"<#%1>"_s.arg(r->evidence.channelId);
    const QString note =
        r->evidence.permalink.isEmpty()
            ? tr("<@%1> added a message from %2 to the case as evidence").arg(r->in.userId, where)
            : tr("<@%1> added <%2|a message> from %3 to the case as evidence")
                  .arg(r->in.userId, r->evidence.permalink, where);
    for (const CardRef &card : m_bridge.journal.cards(c.id)) {
        if (card.ts.isEmpty())
            continue;
        const CaseView view = m_bridge.cards.policy().decide(c, card.channel, placementOf(card));
        if (const std::optional<SlackMessage> message = view.contentNote(note))
            m_bridge.slack.postMessage(*message, card.ts, [](const SlackResult &) {});
    }
    const CaseView here = m_bridge.cards.policy().decide(c, r->channel, Placement::Summoned);
    const QUrl link(caseUiUrl(m_bridge.config.theHiveUiUrl, c, r->version));
    tell(r,
         CaseView::list(
             r->channel,
             tr("The message was added to TheHive as evidence%1:").arg(copySummary(r->evidence)),
             {CaseListEntry{here, link, {}}}),
         Outcome::delivered(tr("evidence added to case #%1").arg(c.number)));
}

void EvidenceHandler::tellGaveUp(const JournalEvent &event, const QString &reason)
{
    const std::optional<SlackInteraction> in = parseInteraction(event.payload, nullptr);
    if (!in || !isSubmission(*in))
        return;
    const QJsonObject meta = QJsonDocument::fromJson(in->privateMetadata.toUtf8()).object();
    const QString channel = meta.value(u"channel").toString();
    if (channel.isEmpty())
        return;
    m_bridge.slack.tellPrivately(
        m_bridge.responseUrls.find(meta.value(u"trigger").toString()),
        SlackMessage::notice(channel, tr(":x: The message was not added to TheHive: %1. Please "
                                         "try again once TheHive is back.")
                                          .arg(reason)),
        in->userId, [](const SlackResult &) {});
}

void EvidenceHandler::refuse(std::shared_ptr<Request> r, const QString &reason,
                             const Outcome &outcome)
{
    tell(r, SlackMessage::notice(r->channel, u":warning: "_s + reason), outcome);
}

void EvidenceHandler::tell(std::shared_ptr<Request> r, const SlackMessage &message,
                           const Outcome &outcome)
{
    m_bridge.slack.tellPrivately(m_bridge.responseUrls.find(r->trigger), message, r->in.userId,
                                 [r, outcome](const SlackResult &) { r->done(outcome); });
}

} // namespace Bridge
