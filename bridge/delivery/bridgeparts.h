#pragma once

namespace Bridge {

class AnalystWriter;
class CardPublisher;
class HiveVersionProbe;
class Journal;
class ResponseUrls;
class SlackClient;
class TheHiveClient;
class UserLinker;
struct BridgeConfig;

/// What a handler of Slack-started work reaches (a command, a form, a shortcut): owned by the
/// BridgeService, handed in as one piece.
struct BridgeParts
{
    const BridgeConfig &config;
    Journal &journal;
    TheHiveClient &hive;
    HiveVersionProbe &versions;
    SlackClient &slack;
    UserLinker &users;
    AnalystWriter &writer;
    CardPublisher &cards;
    const ResponseUrls &responseUrls;
};

} // namespace Bridge
