#include "alerts/alerttriage.h"

#include "alerts/alertcard.h"
#include "alerts/alertcards.h"
#include "alerts/alertrequests.h"
#include "authority/analystwriter.h"
#include "clients/hiveversionprobe.h"
#include "clients/slackclient.h"
#include "clients/thehiveclient.h"
#include "core/caserecordjson.h"
#include "core/firstanswer.h"
#include "delivery/cardpublisher.h"
#include "delivery/outcomes.h"
#include "directory/userlinker.h"
#include "journal/journal.h"
#include "slack/cardids.h"
#include "thehive/casejson.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Bridge {

namespace {

constexpr auto AdoptKind = "alert.adopt"_L1;
/// How long a form waits for TheHive's choices (templates, statuses): the trigger lasts 3 s.
constexpr int ChoicesDeadlineMs = 1000;
constexpr int TemplateLimit = 100;

bool isTriageClick(const SlackInteraction &in)
{
    if (in.type != SlackInteraction::Type::BlockActions || in.actions.isEmpty())
        return false;
    const QString id = in.actions.first().actionId == AlertIds::Triage
                           ? in.actions.first().selectedOption // a digest line's menu
                           : in.actions.first().actionId;
    return id == AlertIds::Promote || id == AlertIds::Merge || id == AlertIds::Ignore;
}

bool isTriageForm(const SlackInteraction &in)
{
    return in.type == SlackInteraction::Type::ViewSubmission && isAlertForm(in.callbackId);
}

/// The form a click opens, or a submission came from.
QString formOf(const SlackInteraction &in)
{
    if (isTriageForm(in))
        return in.callbackId;
    const QString id = in.actions.first().actionId == AlertIds::Triage
                           ? in.actions.first().selectedOption
                           : in.actions.first().actionId;
    if (id == AlertIds::Promote)
        return AlertFormIds::PromoteCallback;
    return id == AlertIds::Merge ? QString(AlertFormIds::MergeCallback)
                                 : QString(AlertFormIds::IgnoreCallback);
}

CaseAction actionOf(const QString &form)
{
    if (form == AlertFormIds::PromoteCallback)
        return CaseAction::PromoteAlert;
    return form == AlertFormIds::MergeCallback ? CaseAction::MergeAlert : CaseAction::CloseAlert;
}

QString doing(const QString &form)
{
    if (form == AlertFormIds::PromoteCallback)
        return QStringLiteral("promoting the alert");
    return form == AlertFormIds::MergeCallback ? QStringLiteral("merging the alert")
                                               : QStringLiteral("closing the alert");
}

} // namespace

struct AlertTriage::Request
{
    JournalEvent event;
    SlackInteraction in;
    Dispatcher::Completion done;
    QString form; ///< AlertFormIds callback
    QString alertId;
    QString channel; ///< the card's channel
    QString ts;      ///< the card's message
    QString login;
    HiveVersion version;
    AlertRecord alert;
    AlertFormInput input;
    bool submission = false;
    bool resumed = false; ///< an earlier attempt of this submission began the write
};

AlertTriage::AlertTriage(const BridgeParts &bridge, AlertCards &alertCards, QObject *parent)
    : QObject(parent)
    , m_bridge(bridge)
    , m_alertCards(alertCards)
{
}

AlertTriage::~AlertTriage() = default;

bool AlertTriage::handles(const JournalEvent &event)
{
    if (event.kind == AdoptKind)
        return true;
    if (event.kind != u"slack.block_actions" && event.kind != u"slack.view_submission")
        return false;
    const std::optional<SlackInteraction> in = parseInteraction(event.payload, nullptr);
    return in && (isTriageClick(*in) || isTriageForm(*in));
}

void AlertTriage::handle(const JournalEvent &event, Dispatcher::Completion done)
{
    if (event.kind == AdoptKind)
        return adopt(event, std::move(done));
    auto r = std::make_shared<Request>();
    r->event = event;
    r->done = std::move(done);
    QString error;
    const std::optional<SlackInteraction> in = parseInteraction(event.payload, &error);
    if (!in)
        return r->done(
            Outcome::failed(tr("journaled interaction no longer parses: %1").arg(error)));
    r->in = *in;
    r->form = formOf(*in);
    r->submission = isTriageForm(*in);
    if (r->submission) {
        const QJsonObject meta = QJsonDocument::fromJson(in->privateMetadata.toUtf8()).object();
        r->alertId = meta.value(u"alert").toString();
        r->channel = meta.value(u"channel").toString();
        r->ts = meta.value(u"ts").toString();
        r->input = parseAlertForm(in->stateValues);
    } else {
        r->alertId = caseIdFromBlockId(in->actions.first().blockId).value_or(QString());
        r->channel = in->channelId;
        r->ts = in->messageTs;
    }
    if (r->alertId.isEmpty() || r->channel.isEmpty())
        return r->done(Outcome::failed(tr("the interaction names no alert card")));
    withAlert(r, [this, r] { r->submission ? submit(r) : openForm(r); });
}

void AlertTriage::withAlert(std::shared_ptr<Request> r, std::function<void()> next)
{
    m_bridge.users.resolveActor(r->in.userId, [=, this](const UserLinker::Link &actor) {
        if (actor.unavailable && r->submission)
            return r->done(Outcome::retry(actor.reason)); // the form is kept: tried again
        if (!actor.ok())
            return refuse(r, actor.reason, Outcome::ignored(tr("refused: %1").arg(actor.reason)));
        r->login = actor.hiveLogin;
        m_bridge.versions.withVersion([=, this](std::optional<HiveVersion> version,
                                                const QString &why) {
            if (!version)
                return r->submission
                           ? r->done(Outcome::retry(why))
                           : refuse(r,
                                    tr("TheHive cannot be reached right now (%1). Please try "
                                       "again in a moment.")
                                        .arg(why),
                                    Outcome::failed(why));
            r->version = *version;
            m_bridge.writer.readFor(
                r->login, AlertRequests::getAlert(r->alertId, r->version), r->version,
                [=, this](const Verdict &read, bool) {
                    if (read.kind == Verdict::Kind::Unavailable && r->submission)
                        return r->done(Outcome::retry(read.reason));
                    if (!read.allowed())
                        return refuse(
                            r, tr("This alert cannot be read in TheHive (%1).").arg(read.reason),
                            Outcome::ignored(tr("refused: %1").arg(read.reason)));
                    r->alert = alertFromJson(read.hive.json.object(), r->version);
                    const AlertView view = m_bridge.cards.policy().decide(r->alert, r->channel);
                    if (!view.isFull())
                        return refuse(r, view.refusal(),
                                      Outcome::ignored(tr("refused: not shown in full here")));
                    next();
                });
        });
    });
}

void AlertTriage::openForm(std::shared_ptr<Request> r)
{
    if (r->alert.isSettled()) {
        // Someone was quicker (in Slack or in TheHive): the card catches up.
        m_alertCards.draw(r->alert, r->version, {}, [](const Outcome &) {});
        return refuse(r, tr("This alert was already handled in TheHive."),
                      Outcome::ignored(tr("refused: the alert is already handled")));
    }
    m_bridge.writer.check(r->login, actionOf(r->form), r->version, [this, r](const Verdict &v) {
        if (!v.allowed())
            // The trigger lasts 3 s: a form that could not open now never will.
            return refuse(r, v.reason, Outcome::ignored(tr("refused: %1").arg(v.reason)));
        const QString metadata = QString::fromUtf8(
            QJsonDocument(QJsonObject{{u"alert"_s, r->alertId},
                                      {u"case"_s, r->alertId}, // in order with the alert
                                      {u"channel"_s, r->channel},
                                      {u"ts"_s, r->ts}})
                .toJson(QJsonDocument::Compact));
        const auto open = [this, r](const QJsonObject &modal) {
            const AlertView view = m_bridge.cards.policy().decide(r->alert, r->channel);
            const std::optional<SlackMessage> form = view.form(modal);
            if (!form) // withdrawn meanwhile: never a form about it here
                return refuse(r, view.refusal(), Outcome::ignored(tr("refused: not shown here")));
            m_bridge.slack.openView(r->in.triggerId, *form, [this, r](const SlackResult &result) {
                if (result.ok())
                    return r->done(Outcome::delivered(tr("alert form opened")));
                refuse(
                    r,
                    tr("The form could not be opened (%1). Please click again.").arg(result.error),
                    Outcome::failed(u"views.open: "_s + result.error));
            });
        };
        if (r->form == AlertFormIds::MergeCallback)
            return open(buildMergeModal(r->alert, metadata));
        if (r->form == AlertFormIds::PromoteCallback) {
            const auto once = firstAnswer<QList<CaseTemplateChoice>>(
                this, ChoicesDeadlineMs, {}, [=](const QList<CaseTemplateChoice> &templates) {
                    open(buildPromoteModal(r->alert, templates, metadata));
                });
            return m_bridge.writer.readFor(
                r->login, HiveRequests::listCaseTemplates(TemplateLimit), r->version,
                [once](const Verdict &read, bool) {
                    once(read.allowed() ? caseTemplatesFromJson(read.hive.json.array())
                                        : QList<CaseTemplateChoice>());
                });
        }
        if (r->version.isTheHive4())
            return open(buildIgnoreModal(r->alert, {}, metadata));
        // TheHive 5.5+ lists the organisation's statuses; before, only the predefined exist.
        const auto once = firstAnswer<QList<AlertStatusChoice>>(
            this, ChoicesDeadlineMs, predefinedClosedAlertStatuses(),
            [=](const QList<AlertStatusChoice> &statuses) {
                open(buildIgnoreModal(r->alert, statuses, metadata));
            });
        m_bridge.writer.readFor(
            r->login, AlertRequests::listAlertStatuses(), r->version,
            [once](const Verdict &read, bool) {
                const QList<AlertStatusChoice> listed =
                    read.allowed() ? closedAlertStatusesFromJson(read.hive.json.array())
                                   : QList<AlertStatusChoice>();
                once(listed.isEmpty() ? predefinedClosedAlertStatuses() : listed);
            });
    });
}

void AlertTriage::submit(std::shared_ptr<Request> r)
{
    // Marked before TheHive is asked, ended with the event's outcome: a mark still there means an
    // earlier attempt of this submission may have made the change, its answer lost.
    const WriteStart start = m_bridge.journal.startWrite(Journal::eventWriteKey(r->event.id));
    if (start.kind == WriteStart::Kind::Failed)
        return r->done(Outcome::retry(tr("the journal cannot note the triage before making it: %1")
                                          .arg(m_bridge.journal.lastError())));
    r->resumed = start.kind == WriteStart::Kind::Earlier;
    if (r->alert.isSettled()) {
        if (r->resumed && isOwnResult(r))
            return carryOn(r);
        m_alertCards.draw(r->alert, r->version, {}, [](const Outcome &) {});
        return refuse(r, tr("This alert was already handled in TheHive."),
                      Outcome::ignored(tr("refused: the alert is already handled")));
    }
    if (r->form == AlertFormIds::PromoteCallback)
        return promote(r);
    if (r->form == AlertFormIds::MergeCallback)
        return merge(r);
    ignore(r);
}

bool AlertTriage::isOwnResult(std::shared_ptr<Request> r) const
{
    if (r->form == AlertFormIds::PromoteCallback)
        return !r->alert.caseId.isEmpty();
    if (r->form == AlertFormIds::MergeCallback)
        return !r->alert.caseId.isEmpty() && r->alert.caseId == r->input.caseId;
    return r->alert.caseId.isEmpty() && r->alert.stage == u"Closed";
}

void AlertTriage::carryOn(std::shared_ptr<Request> r)
{
    if (r->form == AlertFormIds::IgnoreCallback)
        return settled(r, {}, tr("alert closed"));
    m_bridge.hive.fetchCase(r->alert.caseId, r->version,
                            [this, r](std::optional<CaseRecord> c, const HiveResult &read) {
                                if (!c)
                                    return r->done(
                                        outcomeFor(read, tr("reading the alert's case")));
                                joined(r, *c, false);
                            });
}

void AlertTriage::written(std::shared_ptr<Request> r, const Verdict &verdict)
{
    if (verdict.allowed())
        return joined(r, caseFromJson(verdict.hive.json.object(), r->version), true);
    if (verdict.hive.kind != HiveResult::Kind::Refused)
        return settleVerdict(r, verdict, doing(r->form));
    // Qt may have sent the write again by itself after a dropped connection: TheHive then
    // refuses the second one ("already imported") though the first was made.
    m_bridge.hive.send(AlertRequests::getAlert(r->alertId, r->version),
                       [this, r, verdict](const HiveResult &read) {
                           if (read.ok()) {
                               r->alert = alertFromJson(read.json.object(), r->version);
                               if (isOwnResult(r))
                                   return carryOn(r);
                           }
                           settleVerdict(r, verdict, doing(r->form));
                       });
}

void AlertTriage::promote(std::shared_ptr<Request> r)
{
    // The new case goes to the analyst who promoted it (TheHive 4 gives it to the caller).
    const HiveRequest request =
        AlertRequests::promote(r->alertId, r->input.templateId, r->login, r->version);
    m_bridge.writer.write(r->login, CaseAction::PromoteAlert, request, r->version,
                          [this, r](const Verdict &verdict) { written(r, verdict); });
}

void AlertTriage::merge(std::shared_ptr<Request> r)
{
    m_bridge.writer.readCase(r->login, r->input.caseId, r->version,
                             [this, r](const Verdict &seen, std::optional<CaseRecord> target) {
                                 if (!seen.allowed())
                                     return settleVerdict(r, seen, tr("reading the case"));
                                 const QString caseId = target->id;
                                 if (!r->version.isTheHive4())
                                     return mergeInto(r, caseId);
                                 // TheHive 4 also wants manageCase on the case the alert joins.
                                 m_bridge.writer.check(r->login, CaseAction::SetStatus, r->version,
                                                       [this, r, caseId](const Verdict &onCase) {
                                                           if (!onCase.allowed())
                                                               return settleVerdict(r, onCase,
                                                                                    doing(r->form));
                                                           mergeInto(r, caseId);
                                                       });
                             });
}

void AlertTriage::mergeInto(std::shared_ptr<Request> r, const QString &caseId)
{
    m_bridge.writer.write(r->login, CaseAction::MergeAlert,
                          AlertRequests::merge(r->alertId, caseId, r->version), r->version,
                          [this, r](const Verdict &verdict) { written(r, verdict); });
}

void AlertTriage::ignore(std::shared_ptr<Request> r)
{
    m_bridge.writer.write(
        r->login, CaseAction::CloseAlert,
        AlertRequests::close(r->alertId, r->input.status, r->input.reason, r->version), r->version,
        [this, r](const Verdict &verdict) {
            if (!verdict.allowed())
                return settleVerdict(r, verdict, doing(r->form));
            settled(r, {}, tr("alert closed"));
        });
}

void AlertTriage::joined(std::shared_ptr<Request> r, const CaseRecord &c, bool fresh)
{
    if (c.id.isEmpty())
        return r->done(Outcome::failed(tr("TheHive's answer names no case")));
    const QString number = QString::number(c.number);
    const bool promoted = r->form == AlertFormIds::PromoteCallback;
    if (fresh) // once: a retry that finds its own result again does not say it again
        m_bridge.writer.attribute(c.id,
                                  (promoted ? u"Alert promoted to this case from Slack by %1"_s
                                            : u"Alert merged into this case from Slack by %1"_s)
                                      .arg(r->login),
                                  r->version);
    if (!promoted)
        return settled(r,
                       u":twisted_rightwards_arrows: Merged into case #%1 by <@%2>."_s.arg(
                           number, r->in.userId),
                       tr("alert merged into case #%1").arg(number));
    NewEvent adoption;
    adoption.source = QStringLiteral("bridge");
    adoption.kind = AdoptKind;
    adoption.caseKey = c.id; // in order with TheHive's own create webhook for the case
    adoption.dedupeKey = u"alert-adopt:%1:%2"_s.arg(r->alertId, c.id);
    adoption.payload = QJsonDocument(QJsonObject{{u"alert"_s, r->alertId},
                                                 {u"case"_s, c.id},
                                                 {u"channel"_s, r->channel},
                                                 {u"ts"_s, r->ts},
                                                 {u"user"_s, r->in.userId}})
                           .toJson(QJsonDocument::Compact);
    // Handed over now, in order with the alert's own events: its webhooks no longer draw the
    // card as an alert from here on, whatever the case's events do meanwhile.
    for (AlertCardRef card : m_bridge.journal.alertCards(r->alertId)) {
        // A digest is shared by other alerts: the case gets a card of its own beside it.
        if (card.channel != r->channel || !card.caseId.isEmpty() || card.digest)
            continue;
        card.caseId = c.id;
        if (!m_bridge.journal.saveAlertCard(card))
            return r->done(Outcome::retry(tr("the journal cannot hand the alert card over: %1")
                                              .arg(m_bridge.journal.lastError())));
    }
    const AppendResult appended = m_bridge.journal.append(adoption);
    if (appended.outcome == AppendOutcome::Failed)
        // Tried again, the alert is found promoted and this step is taken again.
        return r->done(Outcome::retry(
            tr("the journal cannot note the promoted alert: %1").arg(appended.error)));
    r->done(Outcome::delivered(tr("alert promoted to case #%1 by %2").arg(number, r->login)));
}

void AlertTriage::settled(std::shared_ptr<Request> r, const QString &outcome,
                          const QString &doneNote)
{
    // Read again: the card shows the alert as TheHive has it after the change.
    m_bridge.hive.send(
        AlertRequests::getAlert(r->alertId, r->version), [=, this](const HiveResult &read) {
            if (!read.ok())
                return r->done(outcomeFor(read, tr("reading the alert after the change")));
            const AlertRecord alert = alertFromJson(read.json.object(), r->version);
            m_alertCards.draw(alert, r->version, outcome, [=, this](const Outcome &drawn) {
                if (drawn.kind == Outcome::Kind::Retry)
                    return r->done(drawn);
                const AlertView view = m_bridge.cards.policy().decide(alert, r->channel);
                const QString note =
                    outcome.isEmpty() ? u"<@%1> closed this alert."_s.arg(r->in.userId) : outcome;
                const std::optional<SlackMessage> message = view.contentNote(note);
                if (!message)
                    return r->done(Outcome::delivered(doneNote));
                // A lost note is no reason to triage again: the card already says it.
                m_bridge.slack.postMessage(*message, r->ts, [r, doneNote](const SlackResult &) {
                    r->done(Outcome::delivered(doneNote));
                });
            });
        });
}

void AlertTriage::adopt(const JournalEvent &event, Dispatcher::Completion done)
{
    const QJsonObject payload = QJsonDocument::fromJson(event.payload).object();
    const QString alertId = payload.value(u"alert").toString();
    const QString caseId = payload.value(u"case").toString();
    const QString channel = payload.value(u"channel").toString();
    const QString ts = payload.value(u"ts").toString();
    const QString user = payload.value(u"user").toString();
    m_bridge.versions.withVersion([=, this](std::optional<HiveVersion> version,
                                            const QString &why) {
        if (!version)
            return done(Outcome::retry(why));
        m_bridge.hive.fetchCase(
            caseId, *version, [=, this](std::optional<CaseRecord> c, const HiveResult &r) {
                if (!c)
                    return done(outcomeFor(r, tr("reading the promoted alert's case")));
                const QString promoted =
                    u":white_check_mark: Promoted to case #%1 by <@%2>."_s.arg(c->number).arg(user);
                std::optional<AlertCardRef> line;
                for (const AlertCardRef &card : m_bridge.journal.alertCards(alertId)) {
                    if (card.channel == channel && card.digest)
                        line = card;
                }
                if (line) {
                    // A digest line: the case's card is posted beside the digest, whose line
                    // says where the alert went.
                    return m_bridge.cards.summon(
                        *c, *version, channel, user, [=, this](const Outcome &summoned) {
                            if (summoned.kind == Outcome::Kind::Retry)
                                return done(summoned);
                            m_bridge.hive.send(AlertRequests::getAlert(alertId, *version),
                                               [=, this](const HiveResult &read) {
                                                   if (!read.ok())
                                                       return done(summoned);
                                                   m_alertCards.drawOn(
                                                       *line,
                                                       alertFromJson(read.json.object(), *version),
                                                       *version, promoted, done);
                                               });
                        });
                }
                const std::optional<CardRef> there = m_bridge.journal.card(c->id, channel);
                if (there && there->ts != ts) {
                    // TheHive's create webhook placed the case's card here first: one live card
                    // per channel, so the alert card only says where the alert went.
                    return m_bridge.hive.send(
                        AlertRequests::getAlert(alertId, *version),
                        [=, this](const HiveResult &read) {
                            if (!read.ok())
                                return done(outcomeFor(read, tr("reading the alert")));
                            for (const AlertCardRef &card : m_bridge.journal.alertCards(alertId)) {
                                if (card.channel == channel)
                                    return m_alertCards.drawOn(
                                        card, alertFromJson(read.json.object(), *version), *version,
                                        promoted, done);
                            }
                            done(Outcome::delivered(tr("the alert card is gone")));
                        });
                }
                // The alert card becomes the case's card: saved as the case's, handed over,
                // redrawn.
                const CardRef card{c->id,
                                   channel,
                                   ts,
                                   caseToJson(*c),
                                   version->toString(),
                                   QString(CardShown::Full),
                                   user};
                AlertCardRef handed{alertId, channel, ts, {}, QString(CardShown::Full), c->id};
                for (const AlertCardRef &known : m_bridge.journal.alertCards(alertId)) {
                    if (known.channel == channel)
                        handed.alertJson = known.alertJson;
                }
                if (!m_bridge.journal.saveCard(card) || !m_bridge.journal.saveAlertCard(handed))
                    return done(Outcome::retry(tr("the journal cannot hand the alert card to its "
                                                  "case: %1")
                                                   .arg(m_bridge.journal.lastError())));
                m_bridge.cards.summon(*c, *version, channel, user, done);
            });
    });
}

void AlertTriage::settleVerdict(std::shared_ptr<Request> r, const Verdict &verdict,
                                const QString &what)
{
    if (verdict.kind == Verdict::Kind::Unavailable)
        return r->done(Outcome::retry(verdict.reason));
    refuse(r, verdict.reason,
           verdict.hive.kind == HiveResult::Kind::Refused ? outcomeFor(verdict.hive, what)
                                                          : Outcome::ignored(verdict.reason));
}

void AlertTriage::tellGaveUp(const JournalEvent &event, const QString &reason)
{
    const std::optional<SlackInteraction> in = parseInteraction(event.payload, nullptr);
    if (!in || !isTriageForm(*in))
        return;
    const QString channel =
        QJsonDocument::fromJson(in->privateMetadata.toUtf8()).object().value(u"channel").toString();
    if (channel.isEmpty())
        return;
    // A write still marked may have been made: its answer never came.
    const QString text =
        m_bridge.journal.writeBegunAt(Journal::eventWriteKey(event.id))
            ? tr(":x: HiveSlack gave up on this alert (%1) and cannot tell whether TheHive made "
                 "the change: look at the alert in TheHive before you try again.")
                  .arg(reason)
            : tr(":x: The alert was not triaged: %1. Please try again once TheHive is back.")
                  .arg(reason);
    m_bridge.slack.postEphemeral(SlackMessage::notice(channel, text), in->userId, {},
                                 [](const SlackResult &) {});
}

void AlertTriage::refuse(std::shared_ptr<Request> r, const QString &reason, const Outcome &outcome)
{
    m_bridge.slack.postEphemeral(SlackMessage::notice(r->channel, u":warning: "_s + reason),
                                 r->in.userId, {},
                                 [r, outcome](const SlackResult &) { r->done(outcome); });
}

} // namespace Bridge
