#pragma once

#include "authority/caseaction.h"
#include "config/bridgeconfig.h"
#include "delivery/dispatcher.h"
#include "slack/interaction.h"

#include <optional>

namespace Bridge {

class AnalystWriter;
class CardPublisher;
class CaseView;
class HiveVersionProbe;
class SlackClient;
class TheHiveClient;
class UserLinker;
struct HiveRequest;
struct HiveResult;
struct Verdict;

/// Slack → TheHive: carries out one journaled interaction, in this order:
/// 1. the clicking Slack user must be linked to an active TheHive account (UserLinker);
/// 2. the case is read from TheHive as it is now, and the channel the click came from must
///    be allowed to see it in full (VisibilityPolicy) — a click on a card drawn before an
///    escalation is refused and that card is redrawn;
/// 3. the analyst's TheHive permissions must allow the action, and the write is made as the
///    configured identity (AnalystWriter: the service key, or the analyst through header
///    authentication); only the touched field is sent;
/// 4. after the write, a "card.refresh" event is journaled, so the redraw and thread notes are
///    retried on their own if Slack fails.
/// Forms (add task, close) open only after steps 1–3 (their trigger lasts 3 s) and are checked
/// again when submitted. Every refusal reaches the clicking user by chat.postEphemeral and
/// changes nothing.
///
/// When TheHive cannot be reached (no answer, 5xx) the change waits in the journal and every
/// retry runs all steps again. The analyst is told once that it is queued (an audit entry of
/// the event remembers it), told again when it lands, and told when delivery gives up
/// (tellGaveUp()). A click that opens a form cannot wait: it is refused at once.
class ActionHandler final : public QObject
{
    Q_OBJECT
public:
    ActionHandler(const BridgeConfig &config, Journal &journal, TheHiveClient &hive,
                  HiveVersionProbe &versions, SlackClient &slack, UserLinker &users,
                  AnalystWriter &writer, CardPublisher &cards, QObject *parent = nullptr);
    ~ActionHandler() override;

    void handle(const JournalEvent &event, Dispatcher::Completion done);
    /// Tells the analyst that a change retried until the dispatcher gave up was not made.
    void tellGaveUp(const JournalEvent &event, const QString &reason);

private:
    struct Context; // one interaction being carried out
    /// The case, card and kind of action an interaction is about, from its payload alone.
    static void locate(Context &ctx);
    void onBlockAction(std::shared_ptr<Context> ctx);
    void onSubmission(std::shared_ptr<Context> ctx);
    /// Steps 1 and 2: the actor's login and the case as this channel may see it now.
    void withActorAndView(std::shared_ptr<Context> ctx, std::function<void()> next);
    void openModal(std::shared_ptr<Context> ctx);
    void changeCase(std::shared_ptr<Context> ctx, const HiveRequest &request, const QString &what);
    void assign(std::shared_ptr<Context> ctx, const QString &slackUserId);
    void closeCase(std::shared_ptr<Context> ctx);
    void addTask(std::shared_ptr<Context> ctx);
    void afterWrite(std::shared_ptr<Context> ctx, const QString &what);
    /// The end of an action TheHive or HiveSlack said no to, or could not do now.
    void settle(std::shared_ptr<Context> ctx, const Verdict &verdict, const QString &doing);
    void refuse(std::shared_ptr<Context> ctx, const QString &reason, const Outcome &outcome);
    /// The end of an attempt TheHive could not take now: `outcome` is usually a retry, and the
    /// analyst hears of it once.
    void waitForHive(std::shared_ptr<Context> ctx, const Outcome &outcome);
    /// Whether the analyst was already told this event waits for TheHive.
    bool toldQueued(qint64 eventId) const;
    /// Journals a redraw of the case's cards; `tasks`: the task count may have changed;
    /// `afterOwnWrite`: TheHive will also send a webhook for this change.
    void journalRefresh(const QString &caseId, const QString &actor, bool tasks,
                        bool afterOwnWrite);
    void handleRefresh(const JournalEvent &event, Dispatcher::Completion done);

    const BridgeConfig &m_config;
    Journal &m_journal;
    TheHiveClient &m_hive;
    HiveVersionProbe &m_versions;
    SlackClient &m_slack;
    UserLinker &m_users;
    AnalystWriter &m_writer;
    CardPublisher &m_cards;
};

} // namespace Bridge
