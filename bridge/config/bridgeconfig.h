#pragma once

#include "core/casemodel.h"
#include "journal/retrypolicy.h"
#include "ratelimit/slackratelimits.h"
#include "socketmode/socketmodetiming.h"

#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace Bridge {

/// What a route does with a case whose TLP is above its ceiling. TheHive's maintainers warn
/// against sending anything above TLP:GREEN to chat.
enum class AboveCeiling { Redact, Drop };

/// What a route places: cases (the default) or TheHive alerts, which get a card only where a
/// route asks for them.
enum class RouteKind { Case, Alert };

/// One ordered routing rule: the first rule whose conditions all hold names the channel.
struct RouteRule
{
    QString name;
    QStringList organisations; ///< empty: any organisation
    int minSeverity = 0;       ///< 0: any severity
    QStringList tags;          ///< the case must carry at least one; empty: any
    QList<int> tlps;           ///< the case TLP must be one of these; empty: any
    QString channel;
    int tlpCeiling = -1; ///< -1: no ceiling
    AboveCeiling aboveCeiling = AboveCeiling::Redact;
    int papCeiling = -1; ///< -1: PAP is not considered
    /// TheHive 5.5+ cases restricted to named users are never shown in full unless this is set.
    bool allowRestricted = false;
    /// Replies in its cards' threads become case comments, and TheHive's comments appear there
    /// (TheHive 5; off unless asked for).
    bool threadToCase = false;
    RouteKind kind = RouteKind::Case;
    QStringList sources{}; ///< alert routes: the alert's source is one of these; empty: any
    QStringList types{};   ///< alert routes: the alert's type is one of these; empty: any
    /// Alert routes: at most this many cards a minute for one source; the alerts beyond share
    /// one digest message. 0: every alert its own card.
    int batchPerMinute = 0;
    friend bool operator==(const RouteRule &, const RouteRule &) = default;
};

/// Whose TheHive identity a write made for an analyst carries.
enum class ActAs {
    /// The bridge's API key; the bridge checks the analyst's TheHive permissions first and
    /// records who acted (a case comment on TheHive 5, the card's thread on both).
    Service,
    /// Only `<userHeader>: <analyst's login>`, no key: TheHive's header authentication
    /// authorises and audits the analyst himself.
    Header,
};

/// HTTP listener limits (see qt-6.4-notes.md §2: QtHttpServer 6.4 has none of its own).
struct HttpLimits
{
    qint64 maxBodyBytes = 1 << 20;
    qint64 maxHeaderBytes = 64 << 10;
    int requestTimeoutMs = 10'000; ///< a request must arrive whole within this
    int idleTimeoutMs = 60'000;    ///< an idle keep-alive connection is closed after this
    int listenBacklog = 1024;
};

/// Copying a Slack message's files into TheHive with the "Add to TheHive case" shortcut.
struct EvidenceFiles
{
    /// Off: files are listed by name and Slack link only (the app needs no files:read).
    bool copy = false;
    /// Larger files are listed, not copied. Each is held in memory while it is copied.
    int maxMegabytes = 25;
    static constexpr int MaxMegabytes = 100;
    friend bool operator==(const EvidenceFiles &, const EvidenceFiles &) = default;
};

/// Everything HiveSlack needs except secrets, which never live here (see Credentials).
struct BridgeConfig
{
    QHostAddress listenAddress = QHostAddress(QHostAddress::LocalHost);
    quint16 listenPort = 8990;
    QString dataDir;

    QUrl theHiveUrl;
    QUrl theHiveUiUrl; ///< where people open cases; defaults to theHiveUrl
    QString theHiveOrganisation;
    std::optional<HiveVersion> theHiveVersion; ///< pinned; detected when empty
    ActAs theHiveActAs = ActAs::Service;
    QString theHiveUserHeader = QStringLiteral("X-USER"); ///< used when theHiveActAs is Header
    /// How often the bridge asks TheHive what changed, for webhooks that never came; 0: never.
    int reconcileSeconds = 60;

    QUrl slackApiUrl = QUrl(QStringLiteral("https://slack.com/api"));
    QString defaultChannel;
    int defaultTlpCeiling = -1;
    int defaultPapCeiling = -1;
    AboveCeiling defaultAboveCeiling = AboveCeiling::Redact;
    bool defaultAllowRestricted = false;
    bool defaultThreadToCase = false; ///< RouteRule::threadToCase for the default channel
    QList<RouteRule> routes;

    QHash<QString, QString> userOverrides; ///< Slack user id → TheHive login
    QStringList allowedSlackUsers;         ///< empty: every linked user may act
    QString taskTimeZone = QStringLiteral("UTC");
    EvidenceFiles evidenceFiles;

    HttpLimits http;
    int retryBaseMs = 1000; ///< first retry delay; doubles per attempt up to five minutes
    /// Slack's published limits; only a fake Slack's tests and benchmarks speed them up
    /// (HIVESLACK_SLACK_RATE_FACTOR), never the config file.
    SlackRateLimits slackRateLimits;
    /// Pings and reconnects of Socket Mode; tests shorten them.
    SocketModeTiming socketModeTiming;
    /// Settled events and cards of closed cases older than this are removed; 0 keeps all.
    int journalRetentionDays = 30;

    QString journalPath() const { return dataDir + QStringLiteral("/journal.sqlite"); }
    /// How delivery retries (the dispatcher's backoff, and what analysts are told of it).
    RetryPolicy retryPolicy() const { return {.baseMs = retryBaseMs}; }
};

/// The secrets. Kept apart from BridgeConfig so a config can be logged, exported or shown
/// without ever carrying one.
struct Credentials
{
    QString theHiveApiKey;
    QString theHiveWebhookSecret;
    QString slackBotToken;
    /// Checks what Slack sends over HTTP; empty when only Socket Mode is used (the HTTP Slack
    /// routes then answer 404).
    QString slackSigningSecret;
    /// Socket Mode's app-level token (xapp-…); empty for HTTP mode.
    QString slackAppToken;
    bool usesSocketMode() const { return !slackAppToken.isEmpty(); }
};

} // namespace Bridge
