#pragma once

#include "commands/hivecommand.h"
#include "delivery/bridgeparts.h"
#include "delivery/dispatcher.h"

namespace Bridge {

class NewCaseHandler;
class SlackMessage;
struct HiveVersion;
struct Verdict;

/// Carries out a journaled `/hive` slash command (HTTP or Socket Mode alike):
/// - `/hive 123`: the analyst must be linked to a TheHive account that may see case #123
///   (AnalystWriter::readCase), and this channel must be allowed to see it in full under its
///   own ceilings (VisibilityPolicy, Placement::Summoned); then its live card is posted here, or
///   the card already here is redrawn (CardPublisher::summon).
/// - `/hive mine`: the analyst's open cases and open tasks in TheHive (newest first, at most
///   MineLimit of each), read as TheHive shows them to him (AnalystWriter::readFor), listed as
///   this channel may see each case (CaseView::list).
/// - `/hive new`: once the analyst is linked and may create cases, the New case form opens
///   (NewCaseHandler, which also carries out its submission).
/// Help was answered when the command arrived. Every answer goes only to the person who typed
/// the command: through the command's response_url (which works in channels the bot is not
/// in), or after a restart, which forgets those, by chat.postEphemeral. A refusal changes
/// nothing.
class CommandHandler final : public QObject
{
    Q_OBJECT
public:
    static constexpr int MineLimit = 20;

    CommandHandler(const BridgeParts &bridge, NewCaseHandler &newCases, QObject *parent = nullptr);
    ~CommandHandler() override;

    void handle(const JournalEvent &event, Dispatcher::Completion done);

private:
    struct Request; // one command being carried out
    /// The analyst's TheHive login and the TheHive version, then `next`; or the answer why not.
    void withAnalyst(std::shared_ptr<Request> request,
                     std::function<void(const HiveVersion &)> next);
    void summon(std::shared_ptr<Request> request, const HiveVersion &version);
    void openNewCaseForm(std::shared_ptr<Request> request, const HiveVersion &version);
    struct Mine; // the lists being gathered for /hive mine
    void listMine(std::shared_ptr<Request> request, const HiveVersion &version);
    void listMyTasks(std::shared_ptr<Mine> mine);
    /// Reads the cases of tasks whose case is not among the analyst's own, one at a time.
    void readTaskCases(std::shared_ptr<Mine> mine);
    void answerMine(std::shared_ptr<Mine> mine);
    /// Tells the analyst `text` (or `message`) and ends the event with `outcome`.
    void answer(std::shared_ptr<Request> request, const QString &text, const Outcome &outcome);
    void answer(std::shared_ptr<Request> request, const SlackMessage &message,
                const Outcome &outcome);
    /// The answer when TheHive could not be asked.
    void unreachable(std::shared_ptr<Request> request, const QString &why);
    /// Answers a verdict that is not Allowed (TheHive unreachable, or the analyst refused);
    /// true when it did, and the command is done.
    bool refused(std::shared_ptr<Request> request, const Verdict &verdict);

    const BridgeParts m_bridge;
    NewCaseHandler &m_newCases;
};

} // namespace Bridge
