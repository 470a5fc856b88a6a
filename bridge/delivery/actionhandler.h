#pragma once

#include "config/bridgeconfig.h"
#include "delivery/dispatcher.h"
#include "slack/interaction.h"

namespace Bridge {

class CardPublisher;
class HiveVersionProbe;
class SlackClient;
class TheHiveClient;
class UserLinker;
struct HiveRequest;
struct HiveResult;

/// Slack → TheHive: carries out one journaled interaction. Modals open first (their trigger
/// expires in 3 s); every change is made as the TheHive account linked to whoever clicked,
/// only the touched field is sent, and after a successful write a "card.refresh" event is
/// journaled so the card redraw and thread note are retried on their own if Slack fails.
/// A refusal from TheHive reaches the clicking user as an ephemeral message.
class ActionHandler final : public QObject
{
    Q_OBJECT
public:
    ActionHandler(const BridgeConfig &config, Journal &journal, const Clock &clock,
                  TheHiveClient &hive, HiveVersionProbe &versions, SlackClient &slack,
                  UserLinker &users, CardPublisher &cards, QObject *parent = nullptr);
    ~ActionHandler() override;

    void handle(const JournalEvent &event, Dispatcher::Completion done);

private:
    struct Context; // one interaction being carried out
    void onBlockAction(std::shared_ptr<Context> ctx);
    void onSubmission(std::shared_ptr<Context> ctx);
    void openModal(std::shared_ptr<Context> ctx, const QString &which);
    void changeCase(std::shared_ptr<Context> ctx, const HiveRequest &request, const QString &what);
    void closeCase(std::shared_ptr<Context> ctx);
    void addTask(std::shared_ptr<Context> ctx);
    void afterWrite(std::shared_ptr<Context> ctx, const QString &what);
    void refuse(std::shared_ptr<Context> ctx, const QString &reason, const Outcome &outcome);
    void handleRefresh(const JournalEvent &event, Dispatcher::Completion done);

    const BridgeConfig &m_config;
    Journal &m_journal;
    const Clock &m_clock;
    TheHiveClient &m_hive;
    HiveVersionProbe &m_versions;
    SlackClient &m_slack;
    CardPublisher &m_cards;
    UserLinker &m_users;
};

} // namespace Bridge
