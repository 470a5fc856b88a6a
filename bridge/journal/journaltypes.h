#pragma once

#include <QByteArray>
#include <QLatin1String>
#include <QString>
#include <QStringList>

namespace Bridge {

/// Values of events.state. Everything except Pending is final: the delivery loop never touches
/// a final event again, only the console's Retry (failed → pending) brings one back.
namespace EventState {
inline constexpr QLatin1String Pending{"pending"};
inline constexpr QLatin1String Delivered{"delivered"};
inline constexpr QLatin1String Failed{"failed"};
inline constexpr QLatin1String Ignored{"ignored"};
inline constexpr QLatin1String Discarded{"discarded"};
} // namespace EventState

/// Values of events.source.
namespace EventSource {
inline constexpr QLatin1String TheHive{"thehive"};
inline constexpr QLatin1String Slack{"slack"};
/// What the bridge found looking back at TheHive (reconcile/casereconciler.h).
inline constexpr QLatin1String Reconcile{"reconcile"};
} // namespace EventSource

/// One row of the events table.
struct JournalEvent
{
    qint64 id = 0;
    QString source;           ///< EventSource
    QString kind;             ///< e.g. "case.update", "slack.block_actions"
    QString dedupeKey;        ///< empty when the event had none
    QString caseKey;          ///< TheHive case _id; events sharing it are delivered in id order
    QByteArray payload;       ///< JSON, as received minus transport secrets
    QString state;            ///< EventState
    int attempts = 0;         ///< failed delivery attempts so far
    qint64 nextAttemptAt = 0; ///< ms since epoch; meaningful while pending
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
    qint64 deliveredAt = 0; ///< 0 until delivered
    QString lastError;
    QString note;
};

/// What the inbound side hands to Journal::append().
struct NewEvent
{
    QString source;    ///< required
    QString kind;      ///< required
    QString dedupeKey; ///< may be empty (no deduplication)
    QString caseKey;   ///< may be empty (independent of any case order)
    QByteArray payload;
    bool ignored = false; ///< journal it for the record, but as final state "ignored"
    QString note;
    /// False for work the bridge gives itself that something else would redo (a card redraw
    /// after a Slack change, which TheHive's own webhook redraws too): it must survive a
    /// process crash, not a power cut, so it costs no fsync. Inbound events always do.
    bool survivesPowerLoss = true;
};

enum class AppendOutcome {
    Inserted,  ///< committed: it survives a crash from now on
    Duplicate, ///< dedupe_key already journaled; the existing row is untouched
    Failed,    ///< nothing written; `error` says why
};

struct AppendResult
{
    AppendOutcome outcome = AppendOutcome::Failed;
    qint64 id = 0; ///< the new row, or for Duplicate the row that already had the key
    QString error;
};

/// Values of cards.shown: how much of its case a card showed when last drawn.
namespace CardShown {
inline constexpr QLatin1String Full{"full"};
inline constexpr QLatin1String Redacted{"redacted"};
inline constexpr QLatin1String Hidden{"hidden"}; ///< withdrawn: says only that it is not shown
} // namespace CardShown

/// A Slack message that shows a case in one channel, and the case as it was when that card
/// was last drawn. A case has at most one card per channel.
struct CardRef
{
    QString caseId;
    QString channel;
    QString ts;
    QByteArray caseJson; ///< the CaseRecord (whole, as TheHive had it) when last drawn, as JSON
    QString hiveVersion;
    QString shown = CardShown::Full; ///< CardShown
    /// The Slack user who asked for this card with `/hive <number>`; empty for a card the case's
    /// route placed. A summoned card is held to its channel's own ceilings (VisibilityPolicy).
    QString summonedBy = {};
    qint64 postedAt = 0;  ///< read back only: set when the card is first saved
    qint64 updatedAt = 0; ///< read back only: set on every save
};

/// A Slack message that shows a TheHive alert in one channel (an alert has at most one card per
/// channel), and the alert as that card last showed it.
struct AlertCardRef
{
    QString alertId;
    QString channel;
    QString ts;
    QByteArray alertJson; ///< the AlertRecord when last drawn (alerts/alertrecord.h), as JSON
    QString shown = CardShown::Full; ///< CardShown
    /// The case the card was handed to when the alert was promoted: from then on the message is
    /// that case's card (a CardRef), and no longer drawn as an alert.
    QString caseId = {};
    /// What the card says became of the alert (mrkdwn: "Merged into case #12 by @ana"), kept for
    /// its later redraws; empty while it waits for triage.
    QString outcome = {};
    /// One line of a digest message that several alerts share (a noisy source's batch).
    bool digest = false;
    qint64 postedAt = 0;  ///< read back only
    qint64 updatedAt = 0; ///< read back only
};

/// Selection for the console's Activity page. Results come newest first.
struct EventFilter
{
    QStringList states;  ///< empty: every state
    QString text;        ///< substring of kind, source, case/dedupe key, error, note or payload;
                         ///< a number also matches the event id
    int limit = 200;     ///< <= 0: no limit
    qint64 beforeId = 0; ///< > 0: only ids below it (paging)
};

struct Counts
{
    int pending = 0;
    int delivered = 0;
    int failed = 0;
    int ignored = 0;
    int discarded = 0;
};

/// What Journal::startWrite() found before a write that must not happen twice.
struct WriteStart
{
    enum class Kind {
        Begun,   ///< marked now: go ahead
        Earlier, ///< an earlier attempt began it at `earlierAt`: look for its result first
        Failed,  ///< the journal could not tell or mark (Journal::lastError()): not now
    };
    Kind kind = Kind::Failed;
    qint64 earlierAt = 0;
};

/// What one Journal::prune() call removed.
struct PruneBatch
{
    int events = 0;       ///< delivered, ignored and discarded events
    int auditEntries = 0; ///< those of the removed events, and old ones about no event
    int cards = 0;        ///< cards of closed cases and of settled alerts
    bool more = false;    ///< some table had `limit` rows to remove: call again for the rest
};

struct AuditEntry
{
    qint64 id = 0;
    qint64 at = 0;
    qint64 eventId = 0; ///< 0 when not about one event
    QString actor;
    QString action;
    QString detail;
};

/// Cached mapping of a Slack user to a TheHive login.
struct UserLink
{
    QString slackUserId;
    QString hiveLogin;
    QString source; ///< "email" (looked up) or "override" (set by an admin)
    qint64 checkedAt = 0;
};

} // namespace Bridge
