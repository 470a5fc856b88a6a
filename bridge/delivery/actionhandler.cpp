#include "delivery/actionhandler.h"

#include "authority/analystwriter.h"
#include "clients/hiveversionprobe.h"
#include "clients/slackclient.h"
#include "clients/thehiveclient.h"
#include "core/hivevocabulary.h"
#include "core/logging.h"
#include "delivery/cardpublisher.h"
#include "delivery/outcomes.h"
#include "directory/userlinker.h"
#include "journal/journal.h"
#include "slack/cardids.h"
#include "slack/modals.h"
#include "thehive/dialect.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QTimeZone>

#include <algorithm>

namespace Bridge {

struct ActionHandler::Context
{
    JournalEvent event;
    SlackInteraction in;
    Dispatcher::Completion done;
    HiveVersion version;
    QString caseId, channel, ts; ///< the case and the card it was worked from
    CaseAction action = CaseAction::SetStatus;
    QString actorLogin;
    std::optional<CaseView> view; ///< the case as this channel may see it now
    QString mention() const { return QStringLiteral("<@%1>").arg(in.userId); }
};

namespace {

/// How far before the first attempt a task it may have created is looked for (clock skew to
/// TheHive).
constexpr qint64 TaskLookBackMarginMs = 5 * 60 * 1000;

/// The audit entry that remembers an analyst was told the change waits for TheHive.
const QString QueuedNotice = QStringLiteral("told queued until TheHive is back");

/// What a card control asks for (a status that closes is told apart once the version is known).
CaseAction actionOfControl(const QString &actionId)
{
    if (actionId == u"hs_add_task")
        return CaseAction::AddTask;
    if (actionId == u"hs_close")
        return CaseAction::Close;
    if (actionId == u"hs_severity")
        return CaseAction::SetSeverity;
    if (actionId == u"hs_tlp")
        return CaseAction::SetTlp;
    if (actionId == u"hs_pap")
        return CaseAction::SetPap;
    if (actionId == u"hs_reopen")
        return CaseAction::Reopen;
    if (actionId == u"hs_assign_me" || actionId == u"hs_assignee")
        return CaseAction::Assign;
    return CaseAction::SetStatus;
}

/// "for about 19 minutes": how long a queued change keeps being retried.
QString retryWindowText(const RetryPolicy &policy)
{
    const std::optional<qint64> window = retryWindowMs(policy);
    if (!window)
        return QCoreApplication::translate("Bridge::ActionHandler", "until TheHive is back");
    const qint64 minutes = (*window + 30'000) / 60'000;
    return minutes >= 2
               ? QCoreApplication::translate("Bridge::ActionHandler", "for about %1 minutes")
                     .arg(minutes)
               : QCoreApplication::translate("Bridge::ActionHandler", "for about %1 seconds")
                     .arg((*window + 999) / 1000);
}

QString metadataFor(const QString &caseId, const QString &channel, const QString &ts)
{
    return QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("case"), caseId},
                                                       {QStringLiteral("channel"), channel},
                                                       {QStringLiteral("ts"), ts}})
                                 .toJson(QJsonDocument::Compact));
}

/// Why a Slack user picked as an assignee cannot be one (UserLinker's reasons address the
/// user himself; here someone else reads them).
QString noAccountFor(const QString &slackUserId, const UserLinker::Link &link)
{
    return QCoreApplication::translate("Bridge::ActionHandler",
                                       "<@%1> has no active TheHive account (%2)")
        .arg(slackUserId, link.email.isEmpty() ? link.reason : link.email);
}

/// Midnight of a YYYY-MM-DD date in the configured zone, as TheHive's epoch milliseconds.
qint64 dueDateMs(const QString &isoDate, const QString &zone)
{
    const QDate date = QDate::fromString(isoDate, Qt::ISODate);
    if (!date.isValid())
        return 0;
    const QTimeZone tz(zone.toUtf8());
    return QDateTime(date, QTime(0, 0), tz.isValid() ? tz : QTimeZone::utc()).toMSecsSinceEpoch();
}

} // namespace

ActionHandler::ActionHandler(const BridgeConfig &config, Journal &journal, TheHiveClient &hive,
                             HiveVersionProbe &versions, SlackClient &slack, UserLinker &users,
                             AnalystWriter &writer, CardPublisher &cards, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_journal(journal)
    , m_hive(hive)
    , m_versions(versions)
    , m_slack(slack)
    , m_users(users)
    , m_writer(writer)
    , m_cards(cards)
{
}

ActionHandler::~ActionHandler() = default;

void ActionHandler::handle(const JournalEvent &event, Dispatcher::Completion done)
{
    if (event.kind == u"card.refresh")
        return handleRefresh(event, std::move(done));
    auto ctx = std::make_shared<Context>();
    ctx->event = event;
    ctx->done = std::move(done);
    QString error;
    const std::optional<SlackInteraction> in = parseInteraction(event.payload, &error);
    if (!in)
        return ctx->done(
            Outcome::failed(tr("journaled interaction no longer parses: %1").arg(error)));
    ctx->in = *in;
    locate(*ctx);
    m_versions.withVersion([this, ctx](std::optional<HiveVersion> version, const QString &why) {
        if (!version)
            return waitForHive(ctx, Outcome::retry(why));
        ctx->version = *version;
        if (ctx->in.type == SlackInteraction::Type::BlockActions)
            return onBlockAction(ctx);
        if (ctx->in.type == SlackInteraction::Type::ViewSubmission)
            return onSubmission(ctx);
        ctx->done(Outcome::ignored(tr("nothing to do for %1").arg(ctx->in.typeName)));
    });
}

void ActionHandler::locate(Context &ctx)
{
    if (ctx.in.type == SlackInteraction::Type::BlockActions && !ctx.in.actions.isEmpty()) {
        const SlackAction &action = ctx.in.actions.first();
        ctx.caseId = caseIdFromBlockId(action.blockId).value_or(action.value);
        ctx.channel = ctx.in.channelId;
        ctx.ts = ctx.in.messageTs;
        ctx.action = actionOfControl(action.actionId);
    } else if (ctx.in.type == SlackInteraction::Type::ViewSubmission) {
        const QJsonObject meta = QJsonDocument::fromJson(ctx.in.privateMetadata.toUtf8()).object();
        ctx.caseId = meta.value(u"case").toString();
        ctx.channel = meta.value(u"channel").toString();
        ctx.ts = meta.value(u"ts").toString();
        ctx.action = ctx.in.callbackId == ModalIds::CloseCaseCallback ? CaseAction::Close
                                                                      : CaseAction::AddTask;
    }
}

void ActionHandler::onBlockAction(std::shared_ptr<Context> ctx)
{
    const SlackAction action = ctx->in.actions.first();
    const QString &id = ctx->caseId;
    const HiveVersion v = ctx->version;
    const QString a = action.actionId;
    // What the click does once the actor and the channel's view allow it. Kept out of the
    // context: a context holding a lambda that holds the context would never be freed.
    std::function<void()> carryOut;
    const auto plan = [ctx, &carryOut](CaseAction caseAction, std::function<void()> then) {
        ctx->action = caseAction;
        carryOut = std::move(then);
    };

    if (a == u"hs_add_task") {
        plan(CaseAction::AddTask, [this, ctx] { openModal(ctx); });
    } else if (a == u"hs_close" ||
               (a == u"hs_status" && Vocabulary::stageOf(action.selectedOption, v) == u"Closed")) {
        // Closing needs a resolution and a summary: ask for them instead of closing bare.
        plan(CaseAction::Close, [this, ctx] { openModal(ctx); });
    } else if (a == u"hs_status") {
        const QString status = action.selectedOption;
        plan(CaseAction::SetStatus, [=, this] {
            changeCase(ctx, HiveRequests::setStatus(id, status, v),
                       tr("status set to %1").arg(Vocabulary::status(status, v).label));
        });
    } else if (a == u"hs_severity") {
        const int n = action.selectedOption.toInt();
        plan(CaseAction::SetSeverity, [=, this] {
            changeCase(ctx, HiveRequests::setSeverity(id, n, v),
                       tr("severity set to %1").arg(Vocabulary::severity(n).label));
        });
    } else if (a == u"hs_tlp") {
        const int n = action.selectedOption.toInt();
        plan(CaseAction::SetTlp, [=, this] {
            changeCase(ctx, HiveRequests::setTlp(id, n, v),
                       tr("TLP set to %1").arg(Vocabulary::tlp(n, v).label));
        });
    } else if (a == u"hs_pap") {
        const int n = action.selectedOption.toInt();
        plan(CaseAction::SetPap, [=, this] {
            changeCase(ctx, HiveRequests::setPap(id, n, v),
                       tr("PAP set to %1").arg(Vocabulary::pap(n, v).label));
        });
    } else if (a == u"hs_reopen") {
        plan(CaseAction::Reopen,
             [=, this] { changeCase(ctx, HiveRequests::reopen(id, v), tr("case reopened")); });
    } else if (a == u"hs_assign_me" || a == u"hs_assignee") {
        const QString target = a == u"hs_assign_me" ? ctx->in.userId : action.selectedUser;
        plan(CaseAction::Assign, [this, ctx, target] { assign(ctx, target); });
    } else {
        return ctx->done(Outcome::ignored(tr("unknown control %1").arg(a)));
    }
    withActorAndView(ctx, std::move(carryOut));
}

void ActionHandler::withActorAndView(std::shared_ptr<Context> ctx, std::function<void()> next)
{
    m_users.resolveActor(ctx->in.userId, [this, ctx, next](const UserLinker::Link &actor) {
        if (actor.unavailable)
            return waitForHive(ctx, Outcome::retry(actor.reason));
        if (!actor.ok())
            return refuse(ctx, actor.reason, Outcome::ignored(tr("refused: %1").arg(actor.reason)));
        ctx->actorLogin = actor.hiveLogin;
        m_hive.fetchCase(
            ctx->caseId, ctx->version,
            [this, ctx, next](std::optional<CaseRecord> current, const HiveResult &r) {
                if (!current && r.kind != HiveResult::Kind::Refused)
                    return waitForHive(ctx, outcomeFor(r, tr("reading the case from TheHive")));
                if (!current) {
                    // Unreadable now (deleted, or restricted to others): its cards are redrawn.
                    journalRefresh(ctx->caseId, {}, false, false);
                    return refuse(ctx, tr("TheHive no longer shows this case to HiveSlack."),
                                  Outcome::ignored(tr("refused: the case is unreadable")));
                }
                // A card asked for with /hive is held to its own channel's ceilings.
                const std::optional<CardRef> card = m_journal.card(ctx->caseId, ctx->channel);
                ctx->view = m_cards.policy().decide(*current, ctx->channel,
                                                    card ? placementOf(*card) : Placement::Routed);
                if (!ctx->view->isFull()) {
                    // A card drawn before an escalation: refuse, and redraw it as it must look now.
                    journalRefresh(ctx->caseId, {}, false, false);
                    return refuse(
                        ctx, ctx->view->refusal(),
                        Outcome::ignored(
                            tr("refused: %1 may not see the case now").arg(ctx->channel)));
                }
                next();
            });
    });
}

void ActionHandler::openModal(std::shared_ptr<Context> ctx)
{
    m_writer.check(ctx->actorLogin, ctx->action, ctx->version, [this, ctx](const Verdict &verdict) {
        if (!verdict.allowed())
            return settle(ctx, verdict, describeAction(ctx->action));
        const QString metadata = metadataFor(ctx->caseId, ctx->channel, ctx->ts);
        const std::optional<SlackMessage> view =
            ctx->action == CaseAction::AddTask ? ctx->view->addTaskModal(ctx->version, metadata)
                                               : ctx->view->closeCaseModal(ctx->version, metadata);
        m_slack.openView(ctx->in.triggerId, *view, [this, ctx](const SlackResult &r) {
            if (r.ok())
                return ctx->done(Outcome::delivered(tr("form opened")));
            // An expired trigger cannot be retried: tell the user to click again.
            refuse(ctx, tr("the form could not be opened (%1); please click again").arg(r.error),
                   Outcome::failed(QStringLiteral("views.open: ") + r.error));
        });
    });
}

void ActionHandler::onSubmission(std::shared_ptr<Context> ctx)
{
    if (ctx->caseId.isEmpty())
        return ctx->done(Outcome::failed(tr("the form carries no case")));
    // The case may have been escalated while the form was open: checked again now.
    if (ctx->action == CaseAction::Close)
        return withActorAndView(ctx, [this, ctx] { closeCase(ctx); });
    withActorAndView(ctx, [this, ctx] { addTask(ctx); });
}

void ActionHandler::closeCase(std::shared_ptr<Context> ctx)
{
    const CloseCaseInput input = parseCloseCase(ctx->in.stateValues);
    const QString label = Vocabulary::status(input.resolution, ctx->version).label;
    changeCase(ctx,
               HiveRequests::close(ctx->caseId, input.resolution, input.impact, input.summary,
                                   ctx->version),
               tr("case closed as %1").arg(label.isEmpty() ? input.resolution : label));
}

void ActionHandler::assign(std::shared_ptr<Context> ctx, const QString &slackUserId)
{
    m_users.resolveUser(slackUserId, [this, ctx, slackUserId](const UserLinker::Link &link) {
        if (link.unavailable)
            return waitForHive(ctx, Outcome::retry(link.reason));
        if (!link.ok()) {
            const QString why = noAccountFor(slackUserId, link);
            return refuse(ctx, tr("cannot assign: %1").arg(why), Outcome::failed(why));
        }
        changeCase(ctx, HiveRequests::assign(ctx->caseId, link.hiveLogin, ctx->version),
                   tr("assigned to %1").arg(link.hiveLogin));
    });
}

void ActionHandler::addTask(std::shared_ptr<Context> ctx)
{
    const TaskInput input = parseAddTask(ctx->in.stateValues);
    auto create = [this, ctx, input](const QString &assigneeLogin) {
        TaskDraft draft;
        draft.title = input.title;
        draft.description = input.description;
        draft.group = input.group;
        draft.assigneeLogin = assigneeLogin;
        draft.dueDateMs = dueDateMs(input.dueDate, m_config.taskTimeZone);
        draft.mandatory = input.mandatory;
        const QString what = tr("task “%1” added").arg(input.title);
        // Marked before TheHive is asked and ended with the event's outcome: a mark still there
        // means an earlier attempt (lost answer, bridge stopped) may have made the task.
        const QString mark = Journal::eventWriteKey(ctx->event.id);
        auto created = [this, ctx, input, what] {
            QString note = tr("%1 added task “%2”").arg(ctx->mention(), input.title);
            if (!input.assigneeSlackUserId.isEmpty())
                note += tr(" for <@%1>").arg(input.assigneeSlackUserId);
            if (!input.dueDate.isEmpty())
                note += tr(", due %1").arg(input.dueDate);
            if (const auto message = ctx->view->contentNote(note))
                m_slack.postMessage(*message, ctx->ts, [](const SlackResult &) {});
            afterWrite(ctx, what);
        };
        auto write = [this, ctx, draft, created, mark] {
            m_writer.write(ctx->actorLogin, CaseAction::AddTask,
                           HiveRequests::createTask(ctx->caseId, draft, ctx->version), ctx->version,
                           [this, ctx, created, mark](const Verdict &verdict) {
                               if (verdict.allowed())
                                   return created();
                               // Refused (by HiveSlack, or in TheHive's own answer): no task.
                               if (verdict.kind != Verdict::Kind::Unavailable)
                                   m_journal.endWrite(mark);
                               settle(ctx, verdict, tr("creating the task"));
                           });
        };
        const WriteStart start = m_journal.startWrite(mark);
        if (start.kind == WriteStart::Kind::Failed)
            return ctx->done(
                Outcome::retry(tr("the journal cannot note the task before creating it: %1")
                                   .arg(m_journal.lastError())));
        if (start.kind == WriteStart::Kind::Begun)
            return write();
        // TheHive stamps tasks with its own clock, hence the margin.
        const qint64 since = start.earlierAt - TaskLookBackMarginMs;
        m_hive.send(HiveRequests::findTasksSince(ctx->caseId, input.title, since),
                    [ctx, created, write](const HiveResult &r) {
                        if (!r.ok())
                            return ctx->done(outcomeFor(r, tr("looking for the task")));
                        if (r.json.array().isEmpty())
                            return write();
                        qCInfo(lcDelivery) << "event" << ctx->event.id
                                           << "found its task created by an earlier attempt";
                        created();
                    });
    };
    // The submitter's own right comes first: nothing about the form matters without it.
    m_writer.check(ctx->actorLogin, CaseAction::AddTask, ctx->version,
                   [this, ctx, input, create](const Verdict &verdict) {
                       if (!verdict.allowed())
                           return settle(ctx, verdict, tr("creating the task"));
                       if (input.assigneeSlackUserId.isEmpty())
                           return create({});
                       // The task goes to the person picked in the form, not to the submitter.
                       const QString assignee = input.assigneeSlackUserId;
                       m_users.resolveUser(
                           assignee, [this, ctx, create, assignee](const UserLinker::Link &who) {
                               if (who.unavailable)
                                   return waitForHive(ctx, Outcome::retry(who.reason));
                               if (!who.ok()) {
                                   const QString why = noAccountFor(assignee, who);
                                   return refuse(ctx, tr("cannot create the task: %1").arg(why),
                                                 Outcome::failed(why));
                               }
                               create(who.hiveLogin);
                           });
                   });
}

void ActionHandler::changeCase(std::shared_ptr<Context> ctx, const HiveRequest &request,
                               const QString &what)
{
    m_writer.write(ctx->actorLogin, ctx->action, request, ctx->version,
                   [this, ctx, what](const Verdict &verdict) {
                       if (!verdict.allowed())
                           return settle(ctx, verdict, what);
                       afterWrite(ctx, what);
                   });
}

void ActionHandler::settle(std::shared_ptr<Context> ctx, const Verdict &verdict,
                           const QString &doing)
{
    if (verdict.kind == Verdict::Kind::Unavailable)
        return waitForHive(ctx, verdict.hive.httpStatus || !verdict.hive.message.isEmpty()
                                    ? outcomeFor(verdict.hive, doing)
                                    : Outcome::retry(verdict.reason));
    // TheHive's own refusal is kept as a failure with its reason; a permission HiveSlack
    // checked is a refusal, nothing to retry.
    const Outcome outcome = verdict.hive.kind == HiveResult::Kind::Refused
                                ? outcomeFor(verdict.hive, doing)
                                : Outcome::ignored(tr("refused: %1").arg(verdict.reason));
    refuse(ctx, verdict.reason, outcome);
}

void ActionHandler::afterWrite(std::shared_ptr<Context> ctx, const QString &what)
{
    m_writer.attribute(ctx->caseId, tr("%1 from Slack by %2").arg(what, ctx->actorLogin),
                       ctx->version);
    journalRefresh(ctx->caseId, ctx->mention(), ctx->action == CaseAction::AddTask, true);
    if (ctx->channel.isEmpty() || !toldQueued(ctx->event.id))
        return ctx->done(Outcome::delivered(what));
    m_slack.postEphemeral(
        SlackMessage::notice(ctx->channel,
                             tr(":white_check_mark: TheHive is back, and your queued request "
                                "is done: %1.")
                                 .arg(what)),
        ctx->in.userId, {},
        [ctx, what](const SlackResult &) { ctx->done(Outcome::delivered(what)); });
}

void ActionHandler::journalRefresh(const QString &caseId, const QString &actor, bool tasks,
                                   bool afterOwnWrite)
{
    NewEvent refresh;
    refresh.source = QStringLiteral("bridge");
    refresh.kind = QStringLiteral("card.refresh");
    refresh.caseKey = caseId;
    // After a write TheHive's own webhook for the change redraws the cards too: this one need
    // not survive a power cut. A redraw of a card that showed too much must.
    refresh.survivesPowerLoss = !afterOwnWrite;
    refresh.payload = QJsonDocument(QJsonObject{{QStringLiteral("case"), caseId},
                                                {QStringLiteral("actor"), actor},
                                                {QStringLiteral("tasks"), tasks}})
                          .toJson(QJsonDocument::Compact);
    const AppendResult appended = m_journal.append(refresh);
    if (appended.outcome == AppendOutcome::Failed)
        qCCritical(lcJournal) << "cannot journal the card refresh:" << appended.error;
}

void ActionHandler::refuse(std::shared_ptr<Context> ctx, const QString &reason,
                           const Outcome &outcome)
{
    if (ctx->channel.isEmpty())
        return ctx->done(outcome);
    // After "queued" the analyst may have moved on: say which request this is about.
    const QString text = toldQueued(ctx->event.id)
                             ? tr("Your queued request to %1 was not applied: %2")
                                   .arg(describeAction(ctx->action), reason)
                             : reason;
    m_slack.postEphemeral(SlackMessage::notice(ctx->channel, QStringLiteral(":warning: ") + text),
                          ctx->in.userId, {},
                          [ctx, outcome](const SlackResult &) { ctx->done(outcome); });
}

void ActionHandler::waitForHive(std::shared_ptr<Context> ctx, const Outcome &outcome)
{
    if (outcome.kind != Outcome::Kind::Retry || ctx->channel.isEmpty())
        return ctx->done(outcome);
    // A form's trigger expires after 3 s: a click that opens one cannot wait for TheHive.
    if (ctx->in.type == SlackInteraction::Type::BlockActions &&
        (ctx->action == CaseAction::AddTask || ctx->action == CaseAction::Close))
        return refuse(ctx,
                      tr("TheHive cannot be reached right now (%1), so the form cannot open. "
                         "Please click again once TheHive is back.")
                          .arg(outcome.detail),
                      Outcome::failed(outcome.detail));
    if (toldQueued(ctx->event.id))
        return ctx->done(outcome);
    const QString text =
        tr(":hourglass_flowing_sand: TheHive cannot take your request to %1 right now (%2). "
           "It is queued: HiveSlack will apply it as soon as TheHive is back, and keeps trying "
           "%3.")
            .arg(describeAction(ctx->action), outcome.detail,
                 retryWindowText(m_config.retryPolicy()));
    m_slack.postEphemeral(SlackMessage::notice(ctx->channel, text), ctx->in.userId, {},
                          [this, ctx, outcome](const SlackResult &r) {
                              // Unrecorded, the next attempt tells the analyst again: better twice
                              // than never.
                              if (r.ok() && !m_journal.audit(ctx->event.id, ctx->in.userId,
                                                             QueuedNotice, outcome.detail))
                                  qCWarning(lcJournal).noquote()
                                      << "cannot record that the analyst was told of the wait:"
                                      << m_journal.lastError();
                              ctx->done(outcome);
                          });
}

bool ActionHandler::toldQueued(qint64 eventId) const
{
    const QList<AuditEntry> trail = m_journal.auditFor(eventId);
    return std::any_of(trail.cbegin(), trail.cend(),
                       [](const AuditEntry &entry) { return entry.action == QueuedNotice; });
}

void ActionHandler::tellGaveUp(const JournalEvent &event, const QString &reason)
{
    if (event.source != EventSource::Slack)
        return;
    Context ctx;
    QString error;
    const std::optional<SlackInteraction> in = parseInteraction(event.payload, &error);
    if (!in)
        return;
    ctx.in = *in;
    locate(ctx);
    if (ctx.channel.isEmpty())
        return;
    m_slack.postEphemeral(
        SlackMessage::notice(ctx.channel, tr(":x: Your request to %1 was not applied: %2. "
                                             "Please try again once TheHive is back.")
                                              .arg(describeAction(ctx.action), reason)),
        ctx.in.userId, {}, [](const SlackResult &) {});
}

void ActionHandler::handleRefresh(const JournalEvent &event, Dispatcher::Completion done)
{
    const QJsonObject payload = QJsonDocument::fromJson(event.payload).object();
    const QString caseId = payload.value(u"case").toString();
    const QString actor = payload.value(u"actor").toString();
    const bool tasks = payload.value(u"tasks").toBool(true);
    m_versions.withVersion(
        [this, caseId, actor, tasks, done](std::optional<HiveVersion> v, const QString &why) {
            if (!v)
                return done(Outcome::retry(why));
            m_cards.refreshCard(caseId, *v, actor,
                                tasks ? CardPublisher::Tasks::Recount : CardPublisher::Tasks::Keep,
                                CardPublisher::Redraw::Always, done);
        });
}

} // namespace Bridge
