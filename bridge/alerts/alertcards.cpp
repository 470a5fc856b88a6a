#include "alerts/alertcards.h"

#include "alerts/alertbatch.h"
#include "alerts/alertrequests.h"
#include "clients/hiveversionprobe.h"
#include "clients/slackclient.h"
#include "clients/thehiveclient.h"
#include "core/logging.h"
#include "delivery/cardfinder.h"
#include "delivery/cardpublisher.h"
#include "delivery/outcomes.h"
#include "journal/journal.h"
#include "routing/router.h"

using namespace Qt::StringLiterals;

namespace Bridge {

namespace {
/// A route's batchPerMinute counts the cards of the last minute.
constexpr qint64 BatchWindowMs = 60 * 1000;
} // namespace

struct AlertCards::Drawing
{
    AlertRecord alert;
    HiveVersion version;
    QString outcome;
    QList<AlertCardRef> cards; ///< to redraw
    QString postIn;            ///< the route's channel, when a card must be posted there
    BatchChoice batch;         ///< how it is posted there
    int drawn = 0;
    QStringList problems;
    std::optional<Outcome> retry;
    Dispatcher::Completion done;
};

AlertCards::AlertCards(const BridgeParts &bridge, QObject *parent)
    : QObject(parent)
    , m_bridge(bridge)
{
}

AlertCards::~AlertCards() = default;

bool AlertCards::handles(const JournalEvent &event)
{
    return event.kind == u"alert.create" || event.kind == u"alert.update" ||
           event.kind == u"alert.delete";
}

void AlertCards::handle(const JournalEvent &event, Dispatcher::Completion done)
{
    const QString alertId = event.caseKey;
    if (alertId.isEmpty())
        return done(Outcome::failed(tr("the event names no alert")));
    m_bridge.versions.withVersion(
        [=, this](std::optional<HiveVersion> version, const QString &why) {
            if (!version)
                return done(Outcome::retry(why));
            m_bridge.hive.send(
                AlertRequests::getAlert(alertId, *version), [=, this](const HiveResult &r) {
                    if (r.ok())
                        return draw(alertFromJson(r.json.object(), *version), *version, {}, done);
                    if (r.httpStatus != 404)
                        return done(outcomeFor(r, tr("reading the alert")));
                    // Deleted in TheHive: its cards keep what they showed, without buttons.
                    const QList<AlertCardRef> cards = m_bridge.journal.alertCards(alertId);
                    if (cards.isEmpty())
                        return done(Outcome::ignored(tr("the alert is no longer in TheHive")));
                    AlertRecord gone = alertFromStoredJson(cards.first().alertJson);
                    gone.id = alertId;
                    gone.stage = u"Closed"_s;
                    draw(gone, *version, tr(":wastebasket: Deleted in TheHive."), done);
                });
        });
}

std::shared_ptr<AlertCards::Drawing> AlertCards::startDrawing(const AlertRecord &alert,
                                                              const HiveVersion &version,
                                                              const QString &outcome,
                                                              Dispatcher::Completion done)
{
    auto d = std::make_shared<Drawing>();
    d->alert = alert;
    d->version = version;
    d->outcome = outcome;
    d->done = std::move(done);
    return d;
}

void AlertCards::draw(const AlertRecord &alert, const HiveVersion &version, const QString &outcome,
                      Dispatcher::Completion done)
{
    const std::shared_ptr<Drawing> d = startDrawing(alert, version, outcome, std::move(done));
    const std::optional<RouteRule> route = alertRouteFor(alert, m_bridge.config);
    const QList<AlertCardRef> cards = m_bridge.journal.alertCards(alert.id);
    if (!m_bridge.journal.lastError().isEmpty()) // else a second card might be posted
        return d->done(Outcome::retry(
            tr("the journal cannot tell the alert's cards: %1").arg(m_bridge.journal.lastError())));
    bool hasHomeCard = false;
    for (const AlertCardRef &card : cards) {
        if (route && card.channel == route->channel)
            hasHomeCard = true;
        if (card.caseId.isEmpty()) // else it is its case's card now
            d->cards.append(card);
    }
    // A new card only for an alert waiting for triage that its channel may see at all: a
    // withdrawn notice would tell the channel of an alert it was never shown.
    if (route && !hasHomeCard && !alert.isSettled() &&
        m_bridge.cards.policy().decide(alert, route->channel).visibility() != Visibility::Hidden) {
        d->postIn = route->channel;
        if (route->batchPerMinute > 0)
            d->batch =
                chooseBatch(alert, route->batchPerMinute,
                            m_bridge.journal.alertCardsPostedWithin(route->channel, BatchWindowMs));
    }
    if (d->cards.isEmpty() && d->postIn.isEmpty())
        return d->done(route || alert.isSettled()
                           ? Outcome::delivered(tr("no alert card to draw"))
                           : Outcome::ignored(tr("no alert route matches this alert")));
    drawNext(d);
}

void AlertCards::drawOn(const AlertCardRef &card, const AlertRecord &alert,
                        const HiveVersion &version, const QString &outcome,
                        Dispatcher::Completion done)
{
    const std::shared_ptr<Drawing> d = startDrawing(alert, version, outcome, std::move(done));
    d->cards = {card};
    drawNext(d);
}

void AlertCards::drawNext(std::shared_ptr<Drawing> d)
{
    if (!d->cards.isEmpty() && d->cards.first().digest)
        return redrawDigest(d, d->cards.takeFirst());
    if (!d->cards.isEmpty()) {
        const AlertCardRef card = d->cards.takeFirst();
        const AlertView view = m_bridge.cards.policy().decide(d->alert, card.channel);
        // What became of the alert stays said on later redraws.
        const QString outcome = d->outcome.isEmpty() ? card.outcome : d->outcome;
        AlertCardOptions options{
            d->version, QUrl(alertUiUrl(m_bridge.config.theHiveUiUrl, d->alert, d->version)), false,
            true, outcome};
        m_bridge.slack.updateMessage(
            view.card(options), card.ts, [this, d, card, view, outcome](const SlackResult &r) {
                if (r.ok()) {
                    AlertCardRef drawn = card;
                    drawn.alertJson = alertToStoredJson(d->alert);
                    drawn.shown = view.shownName();
                    drawn.outcome = outcome;
                    m_bridge.journal.saveAlertCard(drawn);
                    ++d->drawn;
                } else if (r.kind == SlackResult::Kind::Retryable) {
                    d->retry =
                        outcomeFor(r, tr("redrawing the alert card in %1").arg(card.channel));
                } else {
                    d->problems.append(card.channel + u": "_s + r.error);
                }
                drawNext(d);
            });
        return;
    }
    if (!d->postIn.isEmpty())
        return post(d, std::exchange(d->postIn, QString()));
    if (d->retry)
        return d->done(*d->retry);
    if (!d->problems.isEmpty())
        return d->done(Outcome::failed(d->problems.join(u"; "_s)));
    d->done(Outcome::delivered(tr("alert card drawn in %n channel(s)", nullptr, d->drawn)));
}

void AlertCards::redrawDigest(std::shared_ptr<Drawing> d, const AlertCardRef &line)
{
    QList<std::pair<AlertView, AlertCardOptions>> lines;
    for (const AlertCardRef &other : m_bridge.journal.alertCardsAt(line.channel, line.ts)) {
        const bool self = other.alertId == d->alert.id;
        const AlertRecord alert = self ? d->alert : alertFromStoredJson(other.alertJson);
        const QString outcome = self && !d->outcome.isEmpty() ? d->outcome : other.outcome;
        lines.append(
            {m_bridge.cards.policy().decide(alert, line.channel),
             AlertCardOptions{d->version,
                              QUrl(alertUiUrl(m_bridge.config.theHiveUiUrl, alert, d->version)),
                              false, true, outcome}});
    }
    if (lines.isEmpty()) {
        d->retry = Outcome::retry(tr("the journal cannot tell the digest's alerts: %1")
                                      .arg(m_bridge.journal.lastError()));
        return drawNext(d);
    }
    m_bridge.slack.updateMessage(
        AlertView::digest(line.channel, lines), line.ts, [=, this](const SlackResult &r) {
            if (r.ok()) {
                AlertCardRef drawn = line;
                drawn.alertJson = alertToStoredJson(d->alert);
                drawn.shown = m_bridge.cards.policy().decide(d->alert, line.channel).shownName();
                if (!d->outcome.isEmpty())
                    drawn.outcome = d->outcome;
                m_bridge.journal.saveAlertCard(drawn);
                ++d->drawn;
            } else if (r.kind == SlackResult::Kind::Retryable) {
                d->retry = outcomeFor(r, tr("redrawing the digest in %1").arg(line.channel));
            } else {
                d->problems.append(line.channel + u": "_s + r.error);
            }
            drawNext(d);
        });
}

void AlertCards::post(std::shared_ptr<Drawing> d, const QString &channel)
{
    if (d->batch.kind == BatchChoice::Kind::Join) {
        // A line of this minute's digest: saved, then the digest is drawn with it.
        const AlertView view = m_bridge.cards.policy().decide(d->alert, channel);
        AlertCardRef line{d->alert.id, channel, d->batch.ts, alertToStoredJson(d->alert),
                          view.shownName()};
        line.digest = true;
        if (!m_bridge.journal.saveAlertCard(line)) {
            d->retry = Outcome::retry(tr("the journal cannot add the alert to the digest: %1")
                                          .arg(m_bridge.journal.lastError()));
            return drawNext(d);
        }
        d->cards.append(line);
        return drawNext(d);
    }
    const QString mark = u"alert-card:%1:%2"_s.arg(d->alert.id, channel);
    const WriteStart start = m_bridge.journal.startWrite(mark);
    if (start.kind == WriteStart::Kind::Failed) {
        d->retry = Outcome::retry(tr("the journal cannot note the alert card before posting it: %1")
                                      .arg(m_bridge.journal.lastError()));
        return drawNext(d);
    }
    if (start.kind == WriteStart::Kind::Begun)
        return send(d, channel, mark);
    CardFinder::find(
        m_bridge.slack, channel, d->alert.id, start.earlierAt,
        [=, this](const CardFinder::Result &found) {
            using Kind = CardFinder::Result::Kind;
            if (found.kind == Kind::Retry) {
                d->retry = Outcome::retry(found.error);
                return drawNext(d);
            }
            if (found.kind != Kind::Found)
                return send(d, channel, mark);
            // An earlier attempt posted it: keep it, and draw the alert on it now.
            AlertCardRef card{d->alert.id, channel, found.ts, {}, QString(CardShown::Hidden)};
            card.digest = d->batch.kind == BatchChoice::Kind::NewDigest;
            d->cards.append(card);
            saved(d, card, mark);
        });
}

void AlertCards::send(std::shared_ptr<Drawing> d, const QString &channel, const QString &mark)
{
    const AlertView view = m_bridge.cards.policy().decide(d->alert, channel);
    const AlertCardOptions options{
        d->version, QUrl(alertUiUrl(m_bridge.config.theHiveUiUrl, d->alert, d->version)), false,
        true, d->outcome};
    const bool digest = d->batch.kind == BatchChoice::Kind::NewDigest;
    const SlackMessage message =
        digest ? AlertView::digest(channel, {{view, options}}) : view.card(options);
    m_bridge.slack.postMessage(message, {}, [=, this](const SlackResult &r) {
        if (!r.ok()) {
            if (r.kind == SlackResult::Kind::Retryable)
                d->retry = outcomeFor(r, tr("posting the alert card in %1").arg(channel));
            else
                d->problems.append(channel + u": "_s + r.error);
            if (r.kind == SlackResult::Kind::Permanent)
                m_bridge.journal.endWrite(mark);
            return drawNext(d);
        }
        AlertCardRef card{d->alert.id, channel, r.json.value(u"ts").toString(),
                          alertToStoredJson(d->alert), view.shownName()};
        card.digest = digest;
        saved(d, card, mark);
    });
}

void AlertCards::saved(std::shared_ptr<Drawing> d, const AlertCardRef &card, const QString &mark)
{
    if (!m_bridge.journal.saveAlertCard(card)) {
        // The mark stays: the next attempt looks for this card instead of posting another.
        d->retry = Outcome::retry(
            tr("the journal cannot keep the alert card: %1").arg(m_bridge.journal.lastError()));
        return drawNext(d);
    }
    m_bridge.journal.endWrite(mark);
    ++d->drawn;
    drawNext(d);
}

} // namespace Bridge
