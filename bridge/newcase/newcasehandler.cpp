#include "newcase/newcasehandler.h"

#include "authority/analystwriter.h"
#include "clients/hiveversionprobe.h"
#include "clients/slackclient.h"
#include "clients/thehiveclient.h"
#include "commands/responseurls.h"
#include "core/firstanswer.h"
#include "core/logging.h"
#include "delivery/cardpublisher.h"
#include "delivery/outcomes.h"
#include "directory/userlinker.h"
#include "journal/journal.h"
#include "newcase/newcaseform.h"
#include "slack/interaction.h"
#include "thehive/casejson.h"
#include "thehive/dialect.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Bridge {

namespace {

constexpr auto AnnounceKind = "case.announce"_L1;
/// How many templates the form offers: a static select holds 100 options.
constexpr int TemplateLimit = 100;
/// How far before the first attempt a case it may have created is looked for (clock skew to
/// TheHive), and how many of the cases created since are compared.
constexpr qint64 CaseLookBackMarginMs = 5 * 60 * 1000;
constexpr int CaseLookBackLimit = 50;

bool isNewCaseSubmission(const SlackInteraction &in)
{
    return in.type == SlackInteraction::Type::ViewSubmission &&
           in.callbackId == NewCaseIds::Callback;
}

/// Whether `c` is the case `draft` asked for: TheHive puts a template's prefix before the
/// title; `creator` (the analyst in header mode; empty with the service key, whose login
/// HiveSlack does not know) must have made it.
bool isCaseOf(const CaseRecord &c, const CaseDraft &draft, const QString &creator)
{
    return c.description == draft.description && c.title.endsWith(draft.title) &&
           (draft.assigneeLogin.isEmpty() ||
            c.assignee.compare(draft.assigneeLogin, Qt::CaseInsensitive) == 0) &&
           (creator.isEmpty() || c.createdBy.compare(creator, Qt::CaseInsensitive) == 0);
}

/// How long the form waits for TheHive's case templates: Slack's trigger lasts 3 s.
constexpr int TemplatesDeadlineMs = 1000;

} // namespace

struct NewCaseHandler::Submission
{
    JournalEvent event;
    SlackInteraction in;
    Dispatcher::Completion done;
    QString channel;        ///< where the form was opened
    QString commandTrigger; ///< the /hive new command's trigger_id: its response_url's key
    NewCaseInput input;
    QString login;
    HiveVersion version;
    CaseDraft draft;
};

NewCaseHandler::NewCaseHandler(const BridgeParts &bridge, QObject *parent)
    : QObject(parent)
    , m_bridge(bridge)
{
}

NewCaseHandler::~NewCaseHandler() = default;

bool NewCaseHandler::handles(const JournalEvent &event)
{
    if (event.kind == AnnounceKind)
        return true;
    if (event.kind != u"slack.view_submission")
        return false;
    const std::optional<SlackInteraction> in = parseInteraction(event.payload, nullptr);
    return in && isNewCaseSubmission(*in);
}

void NewCaseHandler::openForm(const QString &login, const HiveVersion &version,
                              const QString &slackUserId, const QString &channel,
                              const QString &commandTriggerId,
                              std::function<void(const SlackResult &)> done)
{
    const QString metadata = QString::fromUtf8(
        QJsonDocument(QJsonObject{{u"channel"_s, channel}, {u"command"_s, commandTriggerId}})
            .toJson(QJsonDocument::Compact));
    // Whichever comes first opens the form: TheHive's templates, or the deadline without them.
    const auto once = firstAnswer<QList<CaseTemplateChoice>>(
        this, TemplatesDeadlineMs, {}, [=, this](const QList<CaseTemplateChoice> &templates) {
            const QJsonObject view = buildNewCaseModal(version, templates, slackUserId, metadata);
            m_bridge.slack.openView(commandTriggerId, SlackMessage::form(channel, view), done);
        });
    m_bridge.writer.readFor(login, HiveRequests::listCaseTemplates(TemplateLimit), version,
                            [once](const Verdict &verdict, bool) {
                                // Without its templates the form still opens: they are optional.
                                once(verdict.allowed()
                                         ? caseTemplatesFromJson(verdict.hive.json.array())
                                         : QList<CaseTemplateChoice>());
                            });
}

void NewCaseHandler::handle(const JournalEvent &event, Dispatcher::Completion done)
{
    if (event.kind == AnnounceKind)
        return announce(event, std::move(done));
    auto s = std::make_shared<Submission>();
    s->event = event;
    s->done = std::move(done);
    QString error;
    const std::optional<SlackInteraction> in = parseInteraction(event.payload, &error);
    if (!in)
        return s->done(Outcome::failed(tr("journaled form no longer parses: %1").arg(error)));
    s->in = *in;
    const QJsonObject meta = QJsonDocument::fromJson(in->privateMetadata.toUtf8()).object();
    s->channel = meta.value(u"channel").toString();
    s->commandTrigger = meta.value(u"command").toString();
    s->input = parseNewCase(in->stateValues);
    if (s->channel.isEmpty())
        return s->done(Outcome::failed(tr("the form names no channel")));
    submit(s);
}

void NewCaseHandler::submit(std::shared_ptr<Submission> s)
{
    m_bridge.users.resolveActor(s->in.userId, [this, s](const UserLinker::Link &actor) {
        if (actor.unavailable)
            return waitForHive(s, actor.reason);
        if (!actor.ok())
            return refuse(s, actor.reason, Outcome::ignored(tr("refused: %1").arg(actor.reason)));
        s->login = actor.hiveLogin;
        m_bridge.versions.withVersion([this, s](std::optional<HiveVersion> version,
                                                const QString &why) {
            if (!version)
                return waitForHive(s, why);
            s->version = *version;
            // The submitter's own right first: nothing in the form matters without it.
            m_bridge.writer.check(
                s->login, CaseAction::CreateCase, s->version, [this, s](const Verdict &verdict) {
                    if (verdict.kind == Verdict::Kind::Unavailable)
                        return waitForHive(s, verdict.reason);
                    if (!verdict.allowed())
                        return refuse(s, verdict.reason,
                                      Outcome::ignored(tr("refused: %1").arg(verdict.reason)));
                    create(s);
                });
        });
    });
}

void NewCaseHandler::create(std::shared_ptr<Submission> s)
{
    const auto withAssignee = [this, s](const QString &assigneeLogin) {
        const NewCaseInput &in = s->input;
        s->draft = CaseDraft{in.title, in.description, in.severity,   in.tlp,
                             in.pap,   in.tags,        in.templateId, assigneeLogin};
        // TheHive requires a description.
        if (s->draft.description.isEmpty())
            s->draft.description =
                tr("Opened from Slack by %1; no description was given.").arg(s->login);
        // Marked before TheHive is asked and ended with the event's outcome: a mark still there
        // means an earlier attempt (lost answer, bridge stopped) may have made the case.
        const WriteStart start = m_bridge.journal.startWrite(Journal::eventWriteKey(s->event.id));
        if (start.kind == WriteStart::Kind::Failed)
            return s->done(
                Outcome::retry(tr("the journal cannot note the case before creating it: %1")
                                   .arg(m_bridge.journal.lastError())));
        findOrCreate(s, start.kind == WriteStart::Kind::Begun ? 0 : start.earlierAt);
    };
    const QString assignee = s->input.assigneeSlackUserId;
    if (assignee.isEmpty())
        return withAssignee({});
    m_bridge.users.resolveUser(assignee, [this, s, assignee,
                                          withAssignee](const UserLinker::Link &who) {
        if (who.unavailable)
            return waitForHive(s, who.reason);
        if (!who.ok()) {
            const QString why = tr("<@%1> has no active TheHive account (%2)")
                                    .arg(assignee, who.email.isEmpty() ? who.reason : who.email);
            return refuse(s, tr("The case was not created: %1.").arg(why), Outcome::failed(why));
        }
        withAssignee(who.hiveLogin);
    });
}

void NewCaseHandler::findOrCreate(std::shared_ptr<Submission> s, qint64 begunAtMs)
{
    const auto write = [this, s] {
        m_bridge.writer.write(
            s->login, CaseAction::CreateCase, HiveRequests::createCase(s->draft, s->version),
            s->version, [this, s](const Verdict &verdict) {
                if (verdict.kind == Verdict::Kind::Unavailable)
                    return waitForHive(s, verdict.hive.message.isEmpty() ? verdict.reason
                                                                         : verdict.hive.message);
                if (!verdict.allowed()) {
                    m_bridge.journal.endWrite(
                        Journal::eventWriteKey(s->event.id)); // no case was made
                    const Outcome outcome =
                        verdict.hive.kind == HiveResult::Kind::Refused
                            ? outcomeFor(verdict.hive, tr("creating the case"))
                            : Outcome::ignored(tr("refused: %1").arg(verdict.reason));
                    return refuse(s, tr("The case was not created: %1").arg(verdict.reason),
                                  outcome);
                }
                const CaseRecord record = caseFromJson(verdict.hive.json.object(), s->version);
                m_bridge.writer.attribute(record.id, tr("Created from Slack by %1").arg(s->login),
                                          s->version);
                created(s, record);
            });
    };
    if (begunAtMs == 0)
        return write();
    // TheHive stamps cases with its own clock, hence the margin.
    m_bridge.writer.readFor(
        s->login,
        HiveRequests::listCasesCreatedSince(begunAtMs - CaseLookBackMarginMs, CaseLookBackLimit),
        s->version, [this, s, write](const Verdict &verdict, bool) {
            if (verdict.kind == Verdict::Kind::Unavailable)
                return waitForHive(s, verdict.reason);
            if (!verdict.allowed())
                return refuse(s,
                              tr("HiveSlack cannot tell whether your case was created: %1")
                                  .arg(verdict.reason),
                              Outcome::failed(verdict.reason));
            for (const QJsonValue &item : verdict.hive.json.array()) {
                const CaseRecord c = caseFromJson(item.toObject(), s->version);
                if (isCaseOf(c, s->draft,
                             m_bridge.writer.mode() == ActAs::Header ? s->login : QString())) {
                    qCInfo(lcDelivery)
                        << "event" << s->event.id << "found its case created by an earlier attempt";
                    return created(s, c);
                }
            }
            write();
        });
}

void NewCaseHandler::created(std::shared_ptr<Submission> s, const CaseRecord &record)
{
    if (record.id.isEmpty())
        return s->done(Outcome::failed(tr("TheHive's answer names no case")));
    NewEvent announcement;
    announcement.source = QStringLiteral("bridge");
    announcement.kind = AnnounceKind;
    announcement.caseKey = record.id;
    announcement.dedupeKey = u"case-announce:"_s + record.id;
    announcement.payload = QJsonDocument(QJsonObject{{u"case"_s, record.id},
                                                     {u"channel"_s, s->channel},
                                                     {u"user"_s, s->in.userId},
                                                     {u"command"_s, s->commandTrigger}})
                               .toJson(QJsonDocument::Compact);
    const AppendResult appended = m_bridge.journal.append(announcement);
    if (appended.outcome == AppendOutcome::Failed)
        // Tried again, the write mark finds the case instead of making another.
        return s->done(
            Outcome::retry(tr("the journal cannot note the new case: %1").arg(appended.error)));
    s->done(Outcome::delivered(
        tr("case #%1 created from Slack by %2").arg(QString::number(record.number), s->login)));
}

void NewCaseHandler::announce(const JournalEvent &event, Dispatcher::Completion done)
{
    const QJsonObject payload = QJsonDocument::fromJson(event.payload).object();
    const QString caseId = payload.value(u"case").toString();
    const QString channel = payload.value(u"channel").toString();
    const QString user = payload.value(u"user").toString();
    const QString trigger = payload.value(u"command").toString();
    m_bridge.versions.withVersion([=, this](std::optional<HiveVersion> version,
                                            const QString &why) {
        if (!version)
            return done(Outcome::retry(why));
        m_bridge.hive.fetchCase(
            caseId, *version, [=, this](std::optional<CaseRecord> c, const HiveResult &r) {
                if (!c)
                    return done(outcomeFor(r, tr("reading the new case")));
                const CaseView view =
                    m_bridge.cards.policy().decide(*c, channel, Placement::Summoned);
                const QUrl link(caseUiUrl(m_bridge.config.theHiveUiUrl, *c, *version));
                const auto told = [this, trigger, user, channel, view, link,
                                   done](const QString &heading, const Outcome &outcome) {
                    tell(trigger, CaseView::list(channel, heading, {CaseListEntry{view, link, {}}}),
                         user, [outcome, done](const SlackResult &) { done(outcome); });
                };
                if (!view.isFull())
                    return told(
                        tr("Your case is in TheHive. It is above what this channel may see, "
                           "so its card goes only where HiveSlack's routing sends it:"),
                        Outcome::delivered(tr("case created; not shown in %1").arg(channel)));
                m_bridge.cards.summon(
                    *c, *version, channel, user, [told, done](const Outcome &outcome) {
                        if (outcome.kind == Outcome::Kind::Retry)
                            return done(outcome); // told when it is shown
                        if (outcome.kind == Outcome::Kind::Failed)
                            return told(
                                tr("Your case is in TheHive, but HiveSlack could not show it "
                                   "here (%1). If it is not a member of this channel, invite it "
                                   "and show the case with /hive <number>:")
                                    .arg(outcome.detail),
                                outcome);
                        told(tr("Your case is in TheHive, and its card is here:"), outcome);
                    });
            });
    });
}

void NewCaseHandler::refuse(std::shared_ptr<Submission> s, const QString &reason,
                            const Outcome &outcome)
{
    tell(s->commandTrigger, SlackMessage::notice(s->channel, u":warning: "_s + reason),
         s->in.userId, [s, outcome](const SlackResult &) { s->done(outcome); });
}

void NewCaseHandler::waitForHive(std::shared_ptr<Submission> s, const QString &why)
{
    const Outcome outcome = Outcome::retry(why);
    if (s->event.attempts > 0)
        return s->done(outcome);
    tell(s->commandTrigger,
         SlackMessage::notice(s->channel,
                              tr(":hourglass_flowing_sand: TheHive cannot take your new case "
                                 "right now (%1). It is queued: HiveSlack creates it as soon "
                                 "as TheHive is back.")
                                  .arg(why)),
         s->in.userId, [s, outcome](const SlackResult &) { s->done(outcome); });
}

void NewCaseHandler::tellGaveUp(const JournalEvent &event, const QString &reason)
{
    if (event.kind == AnnounceKind) {
        const QJsonObject payload = QJsonDocument::fromJson(event.payload).object();
        return tell(payload.value(u"command").toString(),
                    SlackMessage::notice(payload.value(u"channel").toString(),
                                         tr(":x: Your case is in TheHive, but HiveSlack could "
                                            "not show it here: %1. Show it with /hive <number>.")
                                             .arg(reason)),
                    payload.value(u"user").toString(), [](const SlackResult &) {});
    }
    const std::optional<SlackInteraction> in = parseInteraction(event.payload, nullptr);
    if (!in || !isNewCaseSubmission(*in))
        return;
    const QJsonObject meta = QJsonDocument::fromJson(in->privateMetadata.toUtf8()).object();
    const QString channel = meta.value(u"channel").toString();
    if (channel.isEmpty())
        return;
    // A write still marked may have been made: its answer never came.
    const QString text =
        m_bridge.journal.writeBegunAt(Journal::eventWriteKey(event.id))
            ? tr(":x: HiveSlack gave up on your new case (%1), and cannot tell whether TheHive "
                 "made it: look for it in TheHive before you try again.")
                  .arg(reason)
            : tr(":x: Your new case was not created: %1. Please try again once TheHive is back.")
                  .arg(reason);
    tell(meta.value(u"command").toString(), SlackMessage::notice(channel, text), in->userId,
         [](const SlackResult &) {});
}

void NewCaseHandler::tell(const QString &commandTriggerId, const SlackMessage &message,
                          const QString &slackUserId, std::function<void(const SlackResult &)> done)
{
    m_bridge.slack.tellPrivately(m_bridge.responseUrls.find(commandTriggerId), message, slackUserId,
                                 std::move(done));
}

} // namespace Bridge
