#include "threadsync/threadsync.h"

#include "authority/commentmark.h"
#include "authority/writeonce.h"
#include "clients/hiveversionprobe.h"
#include "clients/slackclient.h"
#include "clients/thehiveclient.h"
#include "config/bridgeconfig.h"
#include "core/logging.h"
#include "delivery/cardpublisher.h"
#include "delivery/outcomes.h"
#include "directory/userlinker.h"
#include "evidence/evidenceform.h"
#include "journal/journal.h"
#include "routing/router.h"
#include "slack/messageevents.h"
#include "slack/mrkdwn.h"
#include "thehive/webhookevent.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Bridge {

namespace {

constexpr int LookBackLimit = 100;
constexpr int NoteBudget = 2500;
/// The audit entry that records a comment shown (or perhaps shown) in one channel's thread.
const QString PostedIn = QStringLiteral("thread note posted");

/// What every comment copied from Slack ends with: also how a lost write is found again.
QString signature(qint64 eventId)
{
    return QStringLiteral("Copied from Slack ") + CommentMark::suffix(eventId);
}

} // namespace

ThreadSync::ThreadSync(const BridgeParts &bridge, QObject *parent)
    : QObject(parent)
    , m_bridge(bridge)
{
}

bool ThreadSync::handles(const JournalEvent &event)
{
    return event.kind == u"slack.event.message" || event.kind == u"comment.create";
}

void ThreadSync::handle(const JournalEvent &event, Dispatcher::Completion done)
{
    if (event.kind == u"comment.create")
        return toThreads(event, std::move(done));
    toCase(event, std::move(done));
}

void ThreadSync::toCase(const JournalEvent &event, Dispatcher::Completion done)
{
    const QJsonObject body = QJsonDocument::fromJson(event.payload).object();
    const QJsonObject reply = body.value(u"event").toObject();
    // A reply that is not copied keeps no words in the journal.
    const auto notCopied = [done, body](const QString &why) {
        Outcome outcome = Outcome::ignored(tr("not copied: %1").arg(why));
        outcome.keptPayload = MessageEvents::wordless(body);
        done(outcome);
    };
    const QString channel = reply.value(u"channel").toString();
    // The intake found the card the reply hangs under and keyed the event by its case.
    const QString caseId = event.caseKey;
    if (caseId.isEmpty())
        return notCopied(tr("not in a card's thread"));
    if (!syncsThreads(channel, m_bridge.config))
        return notCopied(tr("threadToCase is off for %1").arg(channel));
    const QString user = reply.value(u"user").toString();
    const QString text = plainSlackText(reply.value(u"text").toString());
    m_bridge.versions.withVersion([=, this](std::optional<HiveVersion> version,
                                            const QString &why) {
        if (!version)
            return done(Outcome::retry(why));
        if (version->isTheHive4())
            return notCopied(tr("TheHive 4 has no case comments"));
        m_bridge.users.resolveActor(user, [=, this](const UserLinker::Link &author) {
            if (author.unavailable)
                return done(Outcome::retry(author.reason));
            if (!author.ok())
                return notCopied(author.reason);
            // He must see the case as TheHive shows it to him, as for any write of his.
            m_bridge.writer.readCase(
                author.hiveLogin, caseId, *version,
                [=, this](const Verdict &sees, std::optional<CaseRecord>) {
                    if (sees.kind == Verdict::Kind::Unavailable)
                        return done(Outcome::retry(sees.reason));
                    if (!sees.allowed())
                        return notCopied(sees.reason);
                    const QString message =
                        tr("**%1** in Slack (a card's thread in channel %2):\n\n%3\n\n%4")
                            .arg(author.hiveLogin, channel, text, signature(event.id));
                    const OnceWrite w{event.id,
                                      author.hiveLogin,
                                      CaseAction::Comment,
                                      *HiveRequests::addCaseComment(caseId, message, *version),
                                      HiveRequests::listCaseComments(caseId, LookBackLimit),
                                      signature(event.id),
                                      *version};
                    writeOnce(m_bridge.journal, m_bridge.writer, w,
                              [done, notCopied](const Verdict &verdict) {
                                  if (verdict.kind == Verdict::Kind::Unavailable)
                                      return done(Outcome::retry(verdict.reason));
                                  if (!verdict.allowed())
                                      return notCopied(verdict.reason);
                                  done(Outcome::delivered(tr("copied to the case as a comment")));
                              });
                });
        });
    });
}

void ThreadSync::toThreads(const JournalEvent &event, Dispatcher::Completion done)
{
    const WebhookParse parsed = parseWebhook(event.payload);
    if (!parsed.event)
        return done(
            Outcome::failed(tr("journaled webhook no longer parses: %1").arg(parsed.error)));
    const HiveEvent &comment = *parsed.event;
    const QString message = comment.object.value(u"message").toString();
    if (CommentMark::isMarked(message))
        return done(Outcome::ignored(tr("written by HiveSlack: not shown back in Slack")));
    QList<CardRef> cards;
    for (const CardRef &card : m_bridge.journal.cards(comment.caseId)) {
        if (!card.ts.isEmpty() && syncsThreads(card.channel, m_bridge.config))
            cards.append(card);
    }
    if (cards.isEmpty())
        return done(Outcome::ignored(tr("no card of the case keeps its thread in step")));
    const QString author = comment.object.value(u"createdBy").toString(comment.actor);
    const QString note =
        tr("*%1* commented in TheHive:\n%2")
            .arg(escapeMrkdwn(author), markdownToMrkdwnTruncated(message, NoteBudget));
    m_bridge.versions.withVersion(
        [=, this](std::optional<HiveVersion> version, const QString &why) {
            if (!version)
                return done(Outcome::retry(why));
            m_bridge.hive.fetchCase(comment.caseId, *version,
                                    [=, this](std::optional<CaseRecord> c, const HiveResult &r) {
                                        if (!c)
                                            return done(outcomeFor(r, tr("reading the case")));
                                        postNext(event.id, note, *c, cards, done);
                                    });
        });
}

void ThreadSync::postNext(qint64 eventId, const QString &note, const CaseRecord &record,
                          QList<CardRef> cards, Dispatcher::Completion done)
{
    if (cards.isEmpty())
        return done(Outcome::delivered(tr("comment shown in the card threads")));
    const CardRef card = cards.takeFirst();
    const CaseView view = m_bridge.cards.policy().decide(record, card.channel, placementOf(card));
    const std::optional<SlackMessage> message = view.contentNote(note);
    if (!message) // not where the case is withheld
        return postNext(eventId, note, record, cards, done);
    // At most once per channel: posted (recorded in the event's audit trail), or whose post
    // may have happened unseen (its answer lost, the bridge stopped: its mark is still there).
    const QList<AuditEntry> trail = m_bridge.journal.auditFor(eventId);
    if (std::any_of(trail.cbegin(), trail.cend(), [&](const AuditEntry &e) {
            return e.action == PostedIn && e.detail == card.channel;
        }))
        return postNext(eventId, note, record, cards, done);
    const QString mark = u"thread-note:%1:%2"_s.arg(eventId).arg(card.channel);
    const WriteStart start = m_bridge.journal.startWrite(mark);
    if (start.kind == WriteStart::Kind::Failed)
        return done(Outcome::retry(
            tr("the journal cannot note the thread note: %1").arg(m_bridge.journal.lastError())));
    const auto remember = [this, eventId, card, mark] {
        if (!m_bridge.journal.audit(eventId, {}, PostedIn, card.channel))
            qCWarning(lcJournal) << "cannot record the thread note:"
                                 << m_bridge.journal.lastError();
        m_bridge.journal.endWrite(mark);
    };
    if (start.kind == WriteStart::Kind::Earlier) {
        remember();
        return postNext(eventId, note, record, cards, done);
    }
    m_bridge.slack.postMessage(*message, card.ts, [=, this](const SlackResult &r) {
        if (r.ok()) {
            remember();
            return postNext(eventId, note, record, cards, done);
        }
        if (r.kind == SlackResult::Kind::Permanent) // refused: nothing was posted
            m_bridge.journal.endWrite(mark);
        done(outcomeFor(r, tr("posting the comment in the thread")));
    });
}

} // namespace Bridge
