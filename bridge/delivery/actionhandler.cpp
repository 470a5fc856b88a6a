#include "delivery/actionhandler.h"

#include "clients/hiveversionprobe.h"
#include "clients/slackclient.h"
#include "clients/thehiveclient.h"
#include "core/caserecordjson.h"
#include "core/hivevocabulary.h"
#include "core/logging.h"
#include "delivery/cardpublisher.h"
#include "delivery/outcomes.h"
#include "directory/userlinker.h"
#include "journal/journal.h"
#include "slack/cardrenderer.h"
#include "slack/modals.h"
#include "thehive/dialect.h"

#include <QJsonDocument>
#include <QTimeZone>

namespace Bridge {

struct ActionHandler::Context
{
    JournalEvent event;
    SlackInteraction in;
    Dispatcher::Completion done;
    HiveVersion version;
    QString caseId, channel, ts; ///< the case and its card
    CaseRecord known;            ///< the case as last shown on the card
    QString actorLogin;
    QString mention() const { return QStringLiteral("<@%1>").arg(in.userId); }
};

namespace {

QString metadataFor(const QString &caseId, const QString &channel, const QString &ts)
{
    return QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("case"), caseId},
                                                       {QStringLiteral("channel"), channel},
                                                       {QStringLiteral("ts"), ts}})
                                 .toJson(QJsonDocument::Compact));
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

ActionHandler::ActionHandler(const BridgeConfig &config, Journal &journal, const Clock &clock,
                             TheHiveClient &hive, HiveVersionProbe &versions, SlackClient &slack,
                             UserLinker &users, CardPublisher &cards, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_journal(journal)
    , m_clock(clock)
    , m_hive(hive)
    , m_versions(versions)
    , m_slack(slack)
    , m_cards(cards)
    , m_users(users)
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
    m_versions.withVersion([this, ctx](std::optional<HiveVersion> version, const QString &why) {
        if (!version)
            return ctx->done(Outcome::retry(why));
        ctx->version = *version;
        if (ctx->in.type == SlackInteraction::Type::BlockActions)
            return onBlockAction(ctx);
        if (ctx->in.type == SlackInteraction::Type::ViewSubmission)
            return onSubmission(ctx);
        ctx->done(Outcome::ignored(tr("nothing to do for %1").arg(ctx->in.typeName)));
    });
}

void ActionHandler::onBlockAction(std::shared_ptr<Context> ctx)
{
    const SlackAction action = ctx->in.actions.first();
    ctx->caseId = caseIdFromBlockId(action.blockId).value_or(action.value);
    ctx->channel = ctx->in.channelId;
    ctx->ts = ctx->in.messageTs;
    if (const auto card = m_journal.card(ctx->caseId))
        ctx->known = caseFromStoredJson(card->caseJson);
    if (ctx->known.id.isEmpty())
        ctx->known.id = ctx->caseId;
    const QString &id = ctx->caseId;
    const HiveVersion v = ctx->version;
    const QString a = action.actionId;

    if (a == u"hs_add_task")
        return openModal(ctx, QStringLiteral("task"));
    if (a == u"hs_close")
        return openModal(ctx, QStringLiteral("close"));
    if (a == u"hs_status") {
        const QString status = action.selectedOption;
        // Closing needs a resolution and a summary: ask for them instead of closing bare.
        if (Vocabulary::stageOf(status, v) == u"Closed")
            return openModal(ctx, QStringLiteral("close"));
        return changeCase(ctx, HiveRequests::setStatus(id, status, v),
                          tr("status set to %1").arg(Vocabulary::status(status, v).label));
    }
    if (a == u"hs_severity") {
        const int n = action.selectedOption.toInt();
        return changeCase(ctx, HiveRequests::setSeverity(id, n, v),
                          tr("severity set to %1").arg(Vocabulary::severity(n).label));
    }
    if (a == u"hs_tlp") {
        const int n = action.selectedOption.toInt();
        return changeCase(ctx, HiveRequests::setTlp(id, n, v),
                          tr("TLP set to %1").arg(Vocabulary::tlp(n, v).label));
    }
    if (a == u"hs_pap") {
        const int n = action.selectedOption.toInt();
        return changeCase(ctx, HiveRequests::setPap(id, n, v),
                          tr("PAP set to %1").arg(Vocabulary::pap(n, v).label));
    }
    if (a == u"hs_reopen")
        return changeCase(ctx, HiveRequests::reopen(id, v), tr("case reopened"));
    if (a == u"hs_assign_me" || a == u"hs_assignee") {
        const QString target = a == u"hs_assign_me" ? ctx->in.userId : action.selectedUser;
        return m_users.resolveUser(target, [this, ctx, id, v](const UserLinker::Link &link) {
            if (!link.ok())
                return refuse(ctx, tr("cannot assign: %1").arg(link.reason),
                              Outcome::failed(link.reason));
            changeCase(ctx, HiveRequests::assign(id, link.hiveLogin, v),
                       tr("assigned to %1").arg(link.hiveLogin));
        });
    }
    ctx->done(Outcome::ignored(tr("unknown control %1").arg(a)));
}

void ActionHandler::openModal(std::shared_ptr<Context> ctx, const QString &which)
{
    const QString metadata = metadataFor(ctx->caseId, ctx->channel, ctx->ts);
    const QJsonObject view = which == u"task"
                                 ? buildAddTaskModal(ctx->known, ctx->version, metadata)
                                 : buildCloseCaseModal(ctx->known, ctx->version, metadata);
    m_slack.openView(ctx->in.triggerId, view, [this, ctx](const SlackResult &r) {
        if (r.ok())
            return ctx->done(Outcome::delivered(tr("form opened")));
        // An expired trigger cannot be retried: tell the user to click again.
        refuse(ctx, tr("the form could not be opened (%1); please click again").arg(r.error),
               Outcome::failed(QStringLiteral("views.open: ") + r.error));
    });
}

void ActionHandler::onSubmission(std::shared_ptr<Context> ctx)
{
    const QJsonObject meta = QJsonDocument::fromJson(ctx->in.privateMetadata.toUtf8()).object();
    ctx->caseId = meta.value(u"case").toString();
    ctx->channel = meta.value(u"channel").toString();
    ctx->ts = meta.value(u"ts").toString();
    if (ctx->caseId.isEmpty())
        return ctx->done(Outcome::failed(tr("the form carries no case")));
    if (ctx->in.callbackId == u"hs_close_case")
        return closeCase(ctx);
    addTask(ctx);
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

void ActionHandler::addTask(std::shared_ptr<Context> ctx)
{
    const TaskInput input = parseAddTask(ctx->in.stateValues);
    m_users.resolveActor(ctx->in.userId, [this, ctx, input](const UserLinker::Link &actor) {
        if (!actor.ok())
            return refuse(ctx, actor.reason, Outcome::failed(actor.reason));
        ctx->actorLogin = actor.hiveLogin;
        auto create = [this, ctx, input](const QString &assigneeLogin) {
            TaskDraft draft;
            draft.title = input.title;
            draft.description = input.description;
            draft.group = input.group;
            draft.assigneeLogin = assigneeLogin;
            draft.dueDateMs = dueDateMs(input.dueDate, m_config.taskTimeZone);
            draft.mandatory = input.mandatory;
            m_hive.send(
                HiveRequests::createTask(ctx->caseId, draft, ctx->version),
                [this, ctx, input](const HiveResult &r) {
                    if (r.kind == HiveResult::Kind::Refused)
                        return refuse(ctx, tr("TheHive refused the task: %1").arg(r.message),
                                      outcomeFor(r, tr("creating the task")));
                    if (!r.ok())
                        return ctx->done(outcomeFor(r, tr("creating the task")));
                    QString note = tr("%1 added task “%2”").arg(ctx->mention(), input.title);
                    if (!input.assigneeSlackUserId.isEmpty())
                        note += tr(" for <@%1>").arg(input.assigneeSlackUserId);
                    if (!input.dueDate.isEmpty())
                        note += tr(", due %1").arg(input.dueDate);
                    m_slack.postMessage(ctx->channel, QJsonObject{{QStringLiteral("text"), note}},
                                        ctx->ts, [](const SlackResult &) {});
                    afterWrite(ctx, tr("task “%1” added").arg(input.title));
                });
        };
        if (input.assigneeSlackUserId.isEmpty())
            return create({});
        // The task goes to the person picked in the form, not to whoever submitted it.
        m_users.resolveUser(input.assigneeSlackUserId, [this, ctx,
                                                        create](const UserLinker::Link &who) {
            if (!who.ok())
                return refuse(ctx,
                              tr("the task's assignee has no TheHive account: %1").arg(who.reason),
                              Outcome::failed(who.reason));
            create(who.hiveLogin);
        });
    });
}

void ActionHandler::changeCase(std::shared_ptr<Context> ctx, const HiveRequest &request,
                               const QString &what)
{
    m_users.resolveActor(ctx->in.userId, [this, ctx, request, what](const UserLinker::Link &actor) {
        if (!actor.ok())
            return refuse(ctx, actor.reason, Outcome::failed(actor.reason));
        ctx->actorLogin = actor.hiveLogin;
        m_hive.send(request, [this, ctx, what](const HiveResult &r) {
            if (r.kind == HiveResult::Kind::Refused)
                return refuse(ctx, tr("TheHive refused: %1").arg(r.message), outcomeFor(r, what));
            if (!r.ok())
                return ctx->done(outcomeFor(r, what));
            afterWrite(ctx, what);
        });
    });
}

void ActionHandler::afterWrite(std::shared_ptr<Context> ctx, const QString &what)
{
    const QString who = ctx->actorLogin.isEmpty() ? ctx->in.userName : ctx->actorLogin;
    if (const auto comment = HiveRequests::addCaseComment(
            ctx->caseId, tr("%1 from Slack by %2").arg(what, who), ctx->version)) {
        m_hive.send(*comment, [](const HiveResult &r) {
            if (!r.ok())
                qCWarning(lcHive) << "case comment failed:" << r.message;
        });
    }
    NewEvent refresh;
    refresh.source = QStringLiteral("bridge");
    refresh.kind = QStringLiteral("card.refresh");
    refresh.caseKey = ctx->caseId;
    refresh.payload = QJsonDocument(QJsonObject{{QStringLiteral("case"), ctx->caseId},
                                                {QStringLiteral("actor"), ctx->mention()}})
                          .toJson(QJsonDocument::Compact);
    const AppendResult appended = m_journal.append(refresh);
    if (appended.outcome == AppendOutcome::Failed)
        qCCritical(lcJournal) << "cannot journal the card refresh:" << appended.error;
    ctx->done(Outcome::delivered(what));
}

void ActionHandler::refuse(std::shared_ptr<Context> ctx, const QString &reason,
                           const Outcome &outcome)
{
    if (ctx->channel.isEmpty())
        return ctx->done(outcome);
    m_slack.postEphemeral(ctx->channel, ctx->in.userId, QStringLiteral(":warning: ") + reason, {},
                          [ctx, outcome](const SlackResult &) { ctx->done(outcome); });
}

void ActionHandler::handleRefresh(const JournalEvent &event, Dispatcher::Completion done)
{
    const QJsonObject payload = QJsonDocument::fromJson(event.payload).object();
    const QString caseId = payload.value(u"case").toString();
    const QString actor = payload.value(u"actor").toString();
    m_versions.withVersion(
        [this, caseId, actor, done](std::optional<HiveVersion> v, const QString &why) {
            if (!v)
                return done(Outcome::retry(why));
            m_cards.refreshCard(caseId, *v, actor, done);
        });
}

} // namespace Bridge
