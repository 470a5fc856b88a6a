#pragma once

#include "alerts/alertrecord.h"
#include "delivery/bridgeparts.h"
#include "delivery/dispatcher.h"

namespace Bridge {

struct AlertCardRef;
struct HiveResult;

/// TheHive → Slack for alerts: a journaled alert webhook (kinds "alert.create", "alert.update",
/// "alert.delete") re-reads the alert (webhooks come out of order, and TheHive 4 sends none
/// with the alert in it when one is imported) and draws it:
/// - a card is posted in the channel its alert route names, while it waits for triage — alerts
///   without a route get no card (they are off unless a route asks for them);
/// - every card it already has is redrawn as its channel may now see it (VisibilityPolicy), its
///   buttons gone once the alert is promoted, merged or closed. A card handed to the case the
///   alert became is that case's card and is left to CardPublisher.
/// A post whose answer was lost is looked for (by the card's metadata) before it is repeated.
/// On a route with `batchPerMinute`, a source's alerts beyond that many cards a minute become
/// lines of one digest message (alerts/alertbatch.h), redrawn whole when one of them changes.
class AlertCards final : public QObject
{
    Q_OBJECT
public:
    explicit AlertCards(const BridgeParts &bridge, QObject *parent = nullptr);
    ~AlertCards() override;

    static bool handles(const JournalEvent &event);
    void handle(const JournalEvent &event, Dispatcher::Completion done);
    /// Draws `alert` on its cards, posting one in its route's channel if it waits for triage
    /// there without one. `outcome` (mrkdwn, may be empty) says what became of it.
    void draw(const AlertRecord &alert, const HiveVersion &version, const QString &outcome,
              Dispatcher::Completion done);

    /// Draws `alert` on this one card, even one handed to a case (the promoted alert's card
    /// when TheHive's own webhook gave the case its card first).
    void drawOn(const AlertCardRef &card, const AlertRecord &alert, const HiveVersion &version,
                const QString &outcome, Dispatcher::Completion done);

private:
    struct Drawing;
    static std::shared_ptr<Drawing> startDrawing(const AlertRecord &alert,
                                                 const HiveVersion &version, const QString &outcome,
                                                 Dispatcher::Completion done);
    void drawNext(std::shared_ptr<Drawing> d);
    /// Redraws the digest message `line` is in, with the alert as it is now on its line.
    void redrawDigest(std::shared_ptr<Drawing> d, const AlertCardRef &line);
    void post(std::shared_ptr<Drawing> d, const QString &channel);
    void send(std::shared_ptr<Drawing> d, const QString &channel, const QString &mark);
    void saved(std::shared_ptr<Drawing> d, const AlertCardRef &card, const QString &mark);

    const BridgeParts m_bridge;
};

} // namespace Bridge
