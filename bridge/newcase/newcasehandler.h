#pragma once

#include "delivery/bridgeparts.h"
#include "delivery/dispatcher.h"

namespace Bridge {

class SlackMessage;
struct CaseRecord;
struct HiveVersion;
struct SlackResult;

/// `/hive new`: a case started in Slack.
/// 1. openForm() opens the New case modal (CommandHandler has checked that the analyst may
///    create cases), with TheHive's case templates when it has any.
/// 2. The submission (journaled by SlackIntake, which refused bad input in the form) is
///    checked again (linked analyst, permission, assignee), then the case is created as the
///    analyst (AnalystWriter). A write whose answer was lost is looked for before it is sent
///    again, so one submission makes at most one case.
/// 3. A "case.announce" event, keyed by the new case, shows it in the channel where the form
///    was opened (CardPublisher::summon) when that channel may see it in full, and tells the
///    analyst with a link. Keyed by the case, it is delivered in order with TheHive's own
///    create webhook: whichever comes first posts the card there, the other redraws it.
/// Every answer goes only to the analyst: through the command's response_url while the bridge
/// remembers it, else by chat.postEphemeral.
class NewCaseHandler final : public QObject
{
    Q_OBJECT
public:
    NewCaseHandler(const BridgeParts &bridge, QObject *parent = nullptr);
    ~NewCaseHandler() override;

    /// Whether `event` is this handler's: a New case submission or its announcement.
    static bool handles(const JournalEvent &event);
    void handle(const JournalEvent &event, Dispatcher::Completion done);
    /// Tells the analyst that a submission retried until the dispatcher gave up made no case.
    void tellGaveUp(const JournalEvent &event, const QString &reason);

    /// Opens the form for `slackUserId` (TheHive login `login`) with the command's trigger.
    void openForm(const QString &login, const HiveVersion &version, const QString &slackUserId,
                  const QString &channel, const QString &commandTriggerId,
                  std::function<void(const SlackResult &)> done);

private:
    struct Submission; // one New case form being carried out
    void submit(std::shared_ptr<Submission> s);
    void create(std::shared_ptr<Submission> s);
    /// Looks for the case an earlier attempt may have created; sends the write if none.
    void findOrCreate(std::shared_ptr<Submission> s, qint64 begunAtMs);
    void created(std::shared_ptr<Submission> s, const CaseRecord &record);
    /// Ends a submission that made no case, telling the analyst why.
    void refuse(std::shared_ptr<Submission> s, const QString &reason, const Outcome &outcome);
    /// Ends an attempt TheHive could not take now; the analyst hears of it on the first one.
    void waitForHive(std::shared_ptr<Submission> s, const QString &why);
    void announce(const JournalEvent &event, Dispatcher::Completion done);
    void tell(const QString &commandTriggerId, const SlackMessage &message,
              const QString &slackUserId, std::function<void(const SlackResult &)> done);

    const BridgeParts m_bridge;
};

} // namespace Bridge
