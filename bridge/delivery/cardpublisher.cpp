#include "delivery/cardpublisher.h"

#include "clients/hiveversionprobe.h"
#include "clients/slackclient.h"
#include "clients/thehiveclient.h"
#include "core/caserecordjson.h"
#include "core/logging.h"
#include "delivery/cardfinder.h"
#include "delivery/outcomes.h"
#include "delivery/withheldpayload.h"
#include "directory/slackdirectory.h"
#include "journal/journal.h"
#include "thehive/casejson.h"
#include "thehive/dialect.h"

using namespace Qt::StringLiterals;

namespace Bridge {

namespace {

/// Slack's answers for a card that no longer exists as the bot's message.
bool isGone(const SlackResult &r)
{
    return r.kind == SlackResult::Kind::Permanent &&
           (r.error == u"message_not_found" || r.error == u"cant_update_message");
}

} // namespace

/// One case drawn into each channel that shows it, one channel at a time.
struct CardPublisher::Drawing
{
    CaseRecord record; ///< as TheHive has it now (or as last known, when unreadable)
    HiveVersion version;
    QString actor;
    bool unreadable = false;
    CardPublisher::Redraw redraw = CardPublisher::Redraw::Always;
    CardOptions options;
    QList<CardRef> existing;        ///< cards still to redraw, channels the case left first
    QString homeChannel;            ///< still to post in when it has no card yet; empty once done
    CardPublisher::Summons summons; ///< where someone asked for the case, if anywhere
    bool summonPending = false;     ///< the summons' channel has no card yet
    QStringList notes;              ///< what happened, for the journal
    bool drewAny = false;           ///< a card was posted or updated
    std::optional<Outcome> worst;   ///< the first retry, else the first failure
    Dispatcher::Completion done;

    /// Who asked for the case in `channel`; empty where its route placed it.
    QString summonedByIn(const QString &channel) const
    {
        return channel == summons.channel ? summons.slackUserId : QString();
    }

    void add(const Outcome &outcome)
    {
        if (outcome.kind == Outcome::Kind::Retry && (!worst || worst->kind != Outcome::Kind::Retry))
            worst = outcome;
        else if (outcome.kind == Outcome::Kind::Failed && !worst)
            worst = outcome;
        else if (outcome.kind == Outcome::Kind::Delivered)
            drewAny = true;
        if (outcome.kind == Outcome::Kind::Delivered && !outcome.detail.isEmpty())
            notes.append(outcome.detail);
    }
};

CardPublisher::CardPublisher(const BridgeConfig &config, Journal &journal, TheHiveClient &hive,
                             HiveVersionProbe &versions, SlackClient &slack,
                             SlackDirectory &directory, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_policy(config)
    , m_journal(journal)
    , m_hive(hive)
    , m_versions(versions)
    , m_slack(slack)
    , m_directory(directory)
{
}

CardPublisher::~CardPublisher() = default;

void CardPublisher::handle(const JournalEvent &event, Dispatcher::Completion done)
{
    const WebhookParse parsed = parseWebhook(event.payload);
    if (!parsed.event)
        return done(
            Outcome::failed(tr("journaled webhook no longer parses: %1").arg(parsed.error)));
    const HiveEvent hiveEvent = *parsed.event;
    done = keepingSummaryUnlessShown(m_journal, hiveEvent, std::move(done));

    m_versions.withVersion(
        [this, hiveEvent, done](std::optional<HiveVersion> version, const QString &error) {
            if (!version)
                return done(Outcome::retry(error));
            if (hiveEvent.isCaseEvent() && hiveEvent.action == u"create") {
                // The webhook carries the whole case: no round-trip to TheHive for a new card.
                const QJsonObject object =
                    hiveEvent.object.isEmpty() ? hiveEvent.details : hiveEvent.object;
                CaseRecord record = caseFromJson(object, *version);
                if (record.id.isEmpty())
                    record.id = hiveEvent.caseId;
                if (record.organisation.isEmpty())
                    record.organisation = hiveEvent.organisation;
                return publish(record, *version, {}, m_journal.cards(record.id), Redraw::IfChanged,
                               done);
            }
            if (hiveEvent.isCaseEvent() && hiveEvent.action == u"delete")
                return done(
                    Outcome::ignored(tr("case deleted in TheHive; its card is left as it was")));
            QString actor = hiveEvent.actor.isEmpty() ? tr("someone in TheHive") : hiveEvent.actor;
            refreshCard(hiveEvent.caseId, *version, hiveEvent.isTaskCreation() ? QString() : actor,
                        Tasks::Recount, Redraw::IfChanged, done);
        });
}

void CardPublisher::refreshCard(const QString &caseId, const HiveVersion &version,
                                const QString &actor, Tasks tasks, Redraw redraw,
                                Dispatcher::Completion done)
{
    m_hive.fetchCase(caseId, version,
                     [this, caseId, version, actor, tasks, redraw,
                      done](std::optional<CaseRecord> record, const HiveResult &r) {
                         if (!record && r.kind == HiveResult::Kind::Refused && r.httpStatus == 404)
                             return withholdUnreadable(caseId, version, r, done);
                         if (!record)
                             return done(outcomeFor(r, tr("reading the case from TheHive")));
                         // One read of the case's cards serves the task count and the drawing
                         // (per-case order: nothing else changes them meanwhile).
                         const QList<CardRef> cards = m_journal.cards(caseId);
                         withTaskCount(
                             *record, version, tasks, cards,
                             [this, version, actor, cards, redraw, done](const CaseRecord &c) {
                                 publish(c, version, actor, cards, redraw, done);
                             });
                     });
}

void CardPublisher::withholdUnreadable(const QString &caseId, const HiveVersion &version,
                                       const HiveResult &read, Dispatcher::Completion done)
{
    // TheHive answers 404 for a case deleted or restricted to people the bridge is not: what
    // the cards showed may no longer be shown.
    const QList<CardRef> cards = m_journal.cards(caseId);
    if (cards.isEmpty())
        return done(outcomeFor(read, tr("reading the case from TheHive")));
    auto drawing = std::make_shared<Drawing>();
    drawing->record = caseFromStoredJson(cards.constFirst().caseJson);
    drawing->record.id = caseId;
    drawing->version = version;
    drawing->unreadable = true;
    drawing->existing = cards;
    drawing->done = std::move(done);
    drawing->notes.append(
        tr("TheHive no longer shows this case to HiveSlack (%1)").arg(read.message));
    drawNext(drawing);
}

void CardPublisher::withTaskCount(CaseRecord record, const HiveVersion &version, Tasks tasks,
                                  const QList<CardRef> &cards,
                                  std::function<void(const CaseRecord &)> next)
{
    if (tasks == Tasks::Keep) {
        record.taskCount =
            cards.isEmpty() ? -1 : caseFromStoredJson(cards.constLast().caseJson).taskCount;
        if (record.taskCount >= 0)
            return next(record);
    }
    m_hive.send(HiveRequests::countTasks(record.id, version),
                [record, next](const HiveResult &r) mutable {
                    // The count is a nicety: a TheHive that refuses the query still gets a card.
                    bool ok = false;
                    const int count = r.body.trimmed().toInt(&ok);
                    if (r.ok() && ok)
                        record.taskCount = count;
                    next(record);
                });
}

void CardPublisher::summon(const CaseRecord &record, const HiveVersion &version,
                           const QString &channel, const QString &slackUserId,
                           Dispatcher::Completion done)
{
    const QList<CardRef> cards = m_journal.cards(record.id);
    withTaskCount(record, version, Tasks::Recount, cards,
                  [this, version, cards, channel, slackUserId, done](const CaseRecord &c) {
                      publish(c, version, {}, cards, Redraw::Always, done, {channel, slackUserId});
                  });
}

void CardPublisher::publish(const CaseRecord &record, const HiveVersion &version,
                            const QString &actor, QList<CardRef> cards, Redraw redraw,
                            Dispatcher::Completion done, const Summons &summons)
{
    auto drawing = std::make_shared<Drawing>();
    drawing->record = record;
    drawing->redraw = redraw;
    drawing->version = version;
    drawing->actor = actor;
    drawing->done = std::move(done);
    drawing->homeChannel = m_policy.homeChannel(record);
    drawing->summons = summons;
    drawing->summonPending = !summons.channel.isEmpty();
    for (CardRef &card : cards) {
        if (card.channel != summons.channel)
            continue;
        drawing->summonPending = false;
        if (card.summonedBy.isEmpty() && card.channel != drawing->homeChannel) {
            // A card a route left here is held to this channel's own ceilings from now on.
            card.summonedBy = summons.slackUserId;
            if (!m_journal.saveCard(card))
                return drawing->done(
                    Outcome::retry(tr("the journal cannot note the card in %1 as asked for: %2")
                                       .arg(card.channel, m_journal.lastError())));
        }
    }
    if (summons.channel == drawing->homeChannel)
        drawing->summonPending = false; // posted as the case's own card, if it has none
    // Channels the case has left first: nothing appears in a new channel before the old one
    // stops showing it.
    for (const CardRef &card : cards) {
        if (card.channel == drawing->homeChannel) {
            drawing->homeChannel.clear();
            drawing->existing.append(card);
        } else {
            drawing->existing.prepend(card);
        }
    }
    drawing->options.version = version;
    drawing->options.caseUrl = QUrl(caseUiUrl(m_config.theHiveUiUrl, record, version));
    m_directory.userIdForEmail(record.assignee, [this, drawing](const QString &slackUserId) {
        drawing->options.assigneeSlackUserId = slackUserId;
        drawNext(drawing);
    });
}

void CardPublisher::drawNext(std::shared_ptr<Drawing> drawing)
{
    if (!drawing->existing.isEmpty()) {
        const CardRef card = drawing->existing.takeFirst();
        const CaseView view =
            drawing->unreadable ? m_policy.unreadable(drawing->record, card.channel)
                                : m_policy.decide(drawing->record, card.channel, placementOf(card));
        if (drawing->redraw == Redraw::IfChanged && !drawing->unreadable &&
            card.shown == view.shownName() && card.caseJson == caseToJson(drawing->record)) {
            drawing->notes.append(tr("card in %1 already shows this").arg(card.channel));
            return drawNext(drawing);
        }
        return redraw(drawing, view, card);
    }
    // Then the channels still without a card: the case's own, and where it was asked for.
    std::optional<CaseView> unposted;
    if (!drawing->homeChannel.isEmpty())
        unposted = m_policy.decide(drawing->record, std::exchange(drawing->homeChannel, {}));
    else if (std::exchange(drawing->summonPending, false))
        unposted = m_policy.decide(drawing->record, drawing->summons.channel, Placement::Summoned);
    if (unposted) {
        if (unposted->visibility() != Visibility::Hidden)
            return post(drawing, *unposted);
        drawing->notes.append(
            tr("not posted: the case is above what %1 may see").arg(unposted->channel()));
        return drawNext(drawing);
    }
    if (drawing->worst)
        return drawing->done(*drawing->worst);
    const QString summary = drawing->notes.join(QStringLiteral("; "));
    drawing->done(drawing->drewAny ? Outcome::delivered(summary) : Outcome::ignored(summary));
}

void CardPublisher::post(std::shared_ptr<Drawing> drawing, const CaseView &view)
{
    // Marked before it is sent, cleared once its ts is saved: a mark still there means an
    // earlier attempt may have posted the card without the journal learning its ts.
    const QString mark = u"card:%1:%2"_s.arg(drawing->record.id, view.channel());
    const WriteStart start = m_journal.startWrite(mark);
    if (start.kind == WriteStart::Kind::Earlier)
        return lookBeforePosting(drawing, view, mark, start.earlierAt);
    if (start.kind == WriteStart::Kind::Failed) {
        drawing->add(Outcome::retry(tr("the journal cannot note the card in %1 before posting "
                                       "it: %2")
                                        .arg(view.channel(), m_journal.lastError())));
        return drawNext(drawing);
    }
    send(drawing, view, mark);
}

void CardPublisher::lookBeforePosting(std::shared_ptr<Drawing> drawing, const CaseView &view,
                                      const QString &mark, qint64 begunAtMs)
{
    CardFinder::find(
        m_slack, view.channel(), drawing->record.id, begunAtMs,
        [=, this](const CardFinder::Result &found) {
            using Kind = CardFinder::Result::Kind;
            if (found.kind == Kind::Retry) {
                drawing->add(Outcome::retry(
                    tr("looking for the card in %1: %2").arg(view.channel(), found.error)));
                return drawNext(drawing);
            }
            if (found.kind == Kind::CannotLook) {
                // Without the history scopes a lost answer may show the case twice; never none.
                qCWarning(lcSlack).noquote()
                    << "cannot look for a card an earlier attempt may have posted in"
                    << view.channel() << "(" << found.error << "): posting it";
                drawing->notes.append(tr("could not look for a card an earlier attempt may have "
                                         "posted in %1 (%2)")
                                          .arg(view.channel(), found.error));
            }
            if (found.kind != Kind::Found)
                return send(drawing, view, mark);
            // An earlier attempt posted it: keep that card and draw the case on it. It is saved
            // as showing nothing known, so a redraw that fails now is redrawn on the next try.
            const CardRef card{drawing->record.id,
                               view.channel(),
                               found.ts,
                               caseToJson(drawing->record),
                               drawing->version.toString(),
                               view.shownName(),
                               drawing->summonedByIn(view.channel())};
            CardRef unknown = card;
            unknown.caseJson.clear();
            if (!m_journal.saveCard(unknown)) {
                drawing->add(
                    Outcome::retry(tr("the card in %1 (ts %2) was found but not "
                                      "journaled: %3")
                                       .arg(view.channel(), found.ts, m_journal.lastError())));
                return drawNext(drawing);
            }
            m_journal.endWrite(mark);
            drawing->notes.append(
                tr("found the card an earlier attempt posted in %1 (ts %2): not posted again")
                    .arg(view.channel(), found.ts));
            Q_EMIT cardPosted(drawing->record.id, view.channel(), found.ts);
            redraw(drawing, view, card);
        });
}

void CardPublisher::send(std::shared_ptr<Drawing> drawing, const CaseView &view,
                         const QString &mark)
{
    m_slack.postMessage(view.card(drawing->options), {}, [=, this](const SlackResult &r) {
        if (!r.ok()) {
            // Slack's own refusal posted nothing: there is nothing to look for later.
            if (r.kind == SlackResult::Kind::Permanent)
                m_journal.endWrite(mark);
            drawing->add(outcomeFor(r, tr("posting the card in %1").arg(view.channel())));
            return drawNext(drawing);
        }
        const QString ts = r.json.value(u"ts").toString();
        QString posted =
            tr("card posted in %1 (ts %2, %3)").arg(view.channel(), ts, view.shownName());
        if (m_journal.saveCard({drawing->record.id, view.channel(), ts, caseToJson(drawing->record),
                                drawing->version.toString(), view.shownName(),
                                drawing->summonedByIn(view.channel())})) {
            m_journal.endWrite(mark);
        } else {
            // The mark stays: the next post of this card looks for this one first.
            qCCritical(lcJournal).noquote()
                << "card of case" << drawing->record.id << "posted in" << view.channel() << "as"
                << ts << "but not journaled:" << m_journal.lastError();
            posted += tr("; NOT journaled (%1): the next change looks for it before posting")
                          .arg(m_journal.lastError());
        }
        Q_EMIT cardPosted(drawing->record.id, view.channel(), ts);
        drawing->add(Outcome::delivered(posted));
        drawNext(drawing);
    });
}

void CardPublisher::repost(std::shared_ptr<Drawing> drawing, const CaseView &view,
                           const CardRef &card)
{
    // Someone deleted the card in Slack (or it is not the bot's): the case gets a new one, whose
    // ts is used from then on. A channel that may show nothing of the case needs none.
    if (view.visibility() == Visibility::Hidden) {
        drawing->add(Outcome::delivered(
            tr("the card in %1 was deleted in Slack; the case is not shown there")
                .arg(card.channel)));
        return drawNext(drawing);
    }
    drawing->notes.append(tr("the card in %1 (ts %2) was deleted in Slack: posting it again")
                              .arg(card.channel, card.ts));
    post(drawing, view);
}

void CardPublisher::redraw(std::shared_ptr<Drawing> drawing, const CaseView &view,
                           const CardRef &card)
{
    m_slack.updateMessage(view.card(drawing->options), card.ts, [=, this](const SlackResult &r) {
        if (isGone(r))
            return repost(drawing, view, card);
        if (!r.ok()) {
            drawing->add(outcomeFor(r, tr("updating the card in %1").arg(card.channel)));
            return drawNext(drawing);
        }
        // An unreadable case keeps its last known state: a later read compares with that.
        const QByteArray shownState =
            drawing->unreadable ? card.caseJson : caseToJson(drawing->record);
        QString updated = tr("card in %1 updated (%2)").arg(card.channel, view.shownName());
        // A card whose new state is not journaled is only compared wrongly, and redrawn again.
        if (!m_journal.updateCard({card.caseId, card.channel, card.ts, shownState,
                                   drawing->version.toString(), view.shownName()}))
            updated += tr("; not journaled: %1").arg(m_journal.lastError());
        const std::optional<SlackMessage> note =
            drawing->actor.isEmpty()
                ? std::nullopt
                : view.changeNote(drawing->actor, caseFromStoredJson(card.caseJson),
                                  card.shown == CardShown::Full, drawing->version);
        if (!note) {
            drawing->add(Outcome::delivered(updated));
            return drawNext(drawing);
        }
        m_slack.postMessage(*note, card.ts, [=, this](const SlackResult &noteResult) {
            // The card is right; a lost thread note is reported, not retried (the saved state
            // already matches, so a retry would find nothing to note).
            drawing->add(Outcome::delivered(
                noteResult.ok()
                    ? updated + tr("; noted: %1").arg(note->json().value(u"text").toString())
                    : updated + tr("; thread note failed: %1").arg(noteResult.error)));
            drawNext(drawing);
        });
    });
}

} // namespace Bridge
