#pragma once

#include "config/bridgeconfig.h"
#include "delivery/dispatcher.h"
#include "opsec/visibilitypolicy.h"
#include "thehive/webhookevent.h"

namespace Bridge {

class HiveVersionProbe;
class Journal;
class SlackClient;
class SlackDirectory;
class TheHiveClient;
struct HiveResult;

/// TheHive → Slack: turns one journaled TheHive event into posted or redrawn case cards.
/// Creations use the case in the webhook; updates re-read the case from TheHive (webhooks can
/// arrive out of order and TheHive never resends one). Every card of the case is redrawn as
/// the VisibilityPolicy allows its channel now — cards in channels the case has left first, so
/// a case escalated to another channel is withheld from the old one before it appears in the
/// new one — and each gets a thread note saying who changed what (field names only where the
/// case is not shown in full). A card whose ts is recorded is never posted again, unless Slack
/// says it is gone (deleted in Slack): then it is posted anew and the new ts kept. A post whose
/// ts may have been lost (its answer lost, the bridge stopped, the journal failing) is looked
/// for in the channel by the card's metadata before it is posted again.
class CardPublisher final : public QObject
{
    Q_OBJECT
public:
    CardPublisher(const BridgeConfig &config, Journal &journal, TheHiveClient &hive,
                  HiveVersionProbe &versions, SlackClient &slack, SlackDirectory &directory,
                  QObject *parent = nullptr);
    ~CardPublisher() override;

    void handle(const JournalEvent &event, Dispatcher::Completion done);
    /// Whether a redraw asks TheHive for the number of tasks or keeps the one on the card.
    enum class Tasks { Recount, Keep };
    /// Whether a card that already shows the case as it is now is drawn again. After a click
    /// it is (Slack shows the clicked choice until the card is redrawn); after a change in
    /// TheHive it is not, so a storm of webhooks about one case costs one redraw per state
    /// the case was read in, not one per webhook.
    enum class Redraw { Always, IfChanged };
    /// Reads the case from TheHive and redraws its cards (posting one in its current channel
    /// if there is none yet); used after Slack-side actions too. `actor` (may be empty: no
    /// note) is who the thread notes name. A change made from Slack that is not about tasks
    /// keeps the task count (one request to TheHive less per click).
    void refreshCard(const QString &caseId, const HiveVersion &version, const QString &actor,
                     Tasks tasks, Redraw redraw, Dispatcher::Completion done);
    /// Shows the case in `channel` because `slackUserId` asked for it there (`/hive <number>`):
    /// posts its card there, or redraws the one already there, held to that channel's own
    /// ceilings from now on; the case's other cards are redrawn as usual. `record` is the case
    /// as just read from TheHive.
    void summon(const CaseRecord &record, const HiveVersion &version, const QString &channel,
                const QString &slackUserId, Dispatcher::Completion done);
    const VisibilityPolicy &policy() const { return m_policy; }

Q_SIGNALS:
    void cardPosted(const QString &caseId, const QString &channel, const QString &ts);

private:
    struct Drawing; // one case being drawn into its channels
    /// A channel the case is drawn into because someone asked for it there.
    struct Summons
    {
        QString channel;
        QString slackUserId;
    };
    /// Draws `record` into its channels; `cards` are the case's cards as the journal has them.
    void publish(const CaseRecord &record, const HiveVersion &version, const QString &actor,
                 QList<CardRef> cards, Redraw redraw, Dispatcher::Completion done,
                 const Summons &summons = {});
    void withholdUnreadable(const QString &caseId, const HiveVersion &version,
                            const HiveResult &read, Dispatcher::Completion done);
    void drawNext(std::shared_ptr<Drawing> drawing);
    /// Posts the card of a channel that has none, unless an earlier attempt may have posted it
    /// unseen: then it looks for that card first (CardFinder) and draws on it if found.
    void post(std::shared_ptr<Drawing> drawing, const CaseView &view);
    void lookBeforePosting(std::shared_ptr<Drawing> drawing, const CaseView &view,
                           const QString &mark, qint64 begunAtMs);
    void send(std::shared_ptr<Drawing> drawing, const CaseView &view, const QString &mark);
    void redraw(std::shared_ptr<Drawing> drawing, const CaseView &view, const CardRef &card);
    /// A card deleted in Slack is posted again and its new ts saved.
    void repost(std::shared_ptr<Drawing> drawing, const CaseView &view, const CardRef &card);
    void withTaskCount(CaseRecord record, const HiveVersion &version, Tasks tasks,
                       const QList<CardRef> &cards, std::function<void(const CaseRecord &)> next);

    const BridgeConfig &m_config;
    VisibilityPolicy m_policy;
    Journal &m_journal;
    TheHiveClient &m_hive;
    HiveVersionProbe &m_versions;
    SlackClient &m_slack;
    SlackDirectory &m_directory;
};

} // namespace Bridge
