#include "threadsync/threadsync.h"

#include "authority/writeonce.h"
#include "clients/hiveversionprobe.h"
#include "clients/slackclient.h"
#include "clients/thehiveclient.h"
#include "config/bridgeconfig.h"
#include "delivery/cardpublisher.h"
#include "delivery/outcomes.h"
#include "directory/userlinker.h"
#include "evidence/evidenceform.h"
#include "journal/journal.h"
#include "routing/router.h"
#include "slack/mrkdwn.h"
#include "thehive/webhookevent.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Bridge {

namespace {

constexpr auto FromSlack = "(copied from Slack by HiveSlack, event "_L1;
constexpr int LookBackLimit = 100;
constexpr int NoteBudget = 2500;
/// The audit entry that remembers a comment was posted in one channel's thread.
const QString PostedIn = QStringLiteral("thread note posted");

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

QString ThreadSync::signature(qint64 eventId)
{
    return FromSlack + QString::number(eventId) + u')';
}

void ThreadSync::handle(const JournalEvent &event, Dispatcher::Completion done)
{
    if (event.kind == u"comment.create")
        return toThreads(event, std::move(done));
    toCase(event, std::move(done));
}

void ThreadSync::toCase(const JournalEvent &event, Dispatcher::Completion done)
{
    const QJsonObject reply =
        QJsonDocument::fromJson(event.payload).object().value(u"event").toObject();
    const QString channel = reply.value(u"channel").toString();
    const std::optional<CardRef> card =
        m_bridge.journal.cardAt(channel, reply.value(u"thread_ts").toString());
    if (!card)
        return done(Outcome::ignored(tr("not in a card's thread")));
    if (!syncsThreads(channel, m_bridge.config))
        return done(Outcome::ignored(tr("threadToCase is off for %1").arg(channel)));
    const QString user = reply.value(u"user").toString();
    const QString text = plainSlackText(reply.value(u"text").toString());
    m_bridge.versions.withVersion([=, this](std::optional<HiveVersion> version,
                                            const QString &why) {
        if (!version)
            return done(Outcome::retry(why));
        if (version->isTheHive4())
            return done(Outcome::ignored(tr("TheHive 4 has no case comments")));
        m_bridge.users.resolveActor(user, [=, this](const UserLinker::Link &author) {
            if (author.unavailable)
                return done(Outcome::retry(author.reason));
            if (!author.ok())
                return done(Outcome::ignored(tr("not copied: %1").arg(author.reason)));
            const QString message = tr("**%1** in Slack (<#%2> thread):\n\n%3\n\n%4")
                                        .arg(author.hiveLogin, channel, text, signature(event.id));
            const OnceWrite w{event.id,
                              author.hiveLogin,
                              CaseAction::Comment,
                              *HiveRequests::addCaseComment(card->caseId, message, *version),
                              HiveRequests::listCaseComments(card->caseId, LookBackLimit),
                              signature(event.id),
                              *version};
            writeOnce(m_bridge.journal, m_bridge.writer, w, [done](const Verdict &verdict) {
                if (verdict.kind == Verdict::Kind::Unavailable)
                    return done(Outcome::retry(verdict.reason));
                if (!verdict.allowed())
                    return done(Outcome::ignored(tr("not copied: %1").arg(verdict.reason)));
                done(Outcome::delivered(tr("copied to the case as a comment")));
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
    if (message.contains(FromSlack))
        return done(Outcome::ignored(tr("copied from Slack: not sent back")));
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
    const QList<AuditEntry> trail = m_bridge.journal.auditFor(eventId);
    const bool posted = std::any_of(trail.cbegin(), trail.cend(), [&](const AuditEntry &e) {
        return e.action == PostedIn && e.detail == card.channel;
    });
    const CaseView view = m_bridge.cards.policy().decide(record, card.channel, placementOf(card));
    const std::optional<SlackMessage> message = view.contentNote(note);
    if (posted || !message) // shown already, or not where the case is withheld
        return postNext(eventId, note, record, cards, done);
    m_bridge.slack.postMessage(*message, card.ts, [=, this](const SlackResult &r) {
        if (!r.ok())
            return done(outcomeFor(r, tr("posting the comment in the thread")));
        m_bridge.journal.audit(eventId, {}, PostedIn, card.channel);
        postNext(eventId, note, record, cards, done);
    });
}

} // namespace Bridge
