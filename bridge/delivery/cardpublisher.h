#pragma once

#include "config/bridgeconfig.h"
#include "delivery/dispatcher.h"
#include "thehive/webhookevent.h"

namespace Bridge {

class HiveVersionProbe;
class Journal;
class SlackClient;
class SlackDirectory;
class TheHiveClient;

/// TheHive → Slack: turns one journaled TheHive event into a posted or updated case card.
/// Creations use the case in the webhook; updates re-read the case from TheHive (webhooks can
/// arrive out of order and TheHive never resends one), update the same card (same ts) and add a
/// thread note saying who changed what. A card whose ts is recorded is never posted again.
class CardPublisher final : public QObject
{
    Q_OBJECT
public:
    CardPublisher(const BridgeConfig &config, Journal &journal, TheHiveClient &hive,
                  HiveVersionProbe &versions, SlackClient &slack, SlackDirectory &directory,
                  QObject *parent = nullptr);

    void handle(const JournalEvent &event, Dispatcher::Completion done);
    /// Renders and posts or updates the card of a case as it is now; used after Slack-side
    /// actions too. `note` (may be empty) is added to the card's thread.
    void refreshCard(const QString &caseId, const HiveVersion &version, const QString &note,
                     Dispatcher::Completion done);

Q_SIGNALS:
    void cardPosted(const QString &caseId, const QString &channel, const QString &ts);

private:
    void publish(const CaseRecord &record, const HiveVersion &version, const QString &note,
                 Dispatcher::Completion done);
    void postOrUpdate(const CaseRecord &record, const HiveVersion &version, const QString &channel,
                      const QJsonObject &message, const QString &note, Dispatcher::Completion done);
    void withTaskCount(CaseRecord record, const HiveVersion &version,
                       std::function<void(const CaseRecord &)> next);

    const BridgeConfig &m_config;
    Journal &m_journal;
    TheHiveClient &m_hive;
    HiveVersionProbe &m_versions;
    SlackClient &m_slack;
    SlackDirectory &m_directory;
};

} // namespace Bridge
