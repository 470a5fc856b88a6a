#pragma once

#include "journal/journaltypes.h"

#include <QList>
#include <QObject>
#include <QSqlDatabase>
#include <QVariantList>

#include <memory>
#include <optional>

class QSqlQuery;

namespace Bridge {

class Clock;

/// The durable record of every inbound event and of what became of it.
///
/// Inbound handlers append() an event before they answer HTTP; the delivery loop takes due()
/// events, sends them and records the outcome with markDelivered(), scheduleRetry() or
/// markFailed(). The file is SQLite in WAL mode. An accepted event and a new card's ts are
/// committed with synchronous=FULL, so once reported they survive kill -9 and power loss;
/// delivery bookkeeping, card redraws (updateCard) and the bridge's own derived events
/// (NewEvent::survivesPowerLoss) survive kill -9 without an fsync each.
///
/// Settled events, their audit entries and cards of closed cases leave once older than the
/// retention period (prune(), run by JournalRetention); pending and failed events never do.
///
/// **No secrets.** The journal stores payloads verbatim and shows them in the console. Callers
/// pass the event body only: never Authorization or signature headers, tokens, or API keys.
///
/// Each instance has its own uniquely named QSqlDatabase connection, so several journals (also
/// on the same file) can live in one process. An instance belongs to the thread that opened it
/// and must only be used there. The Clock must outlive the journal.
///
/// Failures (disk full, file locked past the busy timeout, wrong state) are never swallowed:
/// AppendResult::error carries them for appends, lastError() for everything else. Writes that
/// failed for the storage's sake are also counted (writeFailures()), and lastWriteError() says
/// whether the journal can write now, for /healthz.
class Journal final : public QObject
{
    Q_OBJECT

public:
    /// How long a statement waits for another connection's lock before it fails.
    static constexpr int DefaultBusyTimeoutMs = 5000;

    /// Opens (creating if needed) and migrates the journal at `filePath`. On failure returns
    /// nullptr and, if `error` is given, a sentence naming the file and the cause.
    static std::unique_ptr<Journal> open(const QString &filePath, const Clock &clock,
                                         QString *error, int busyTimeoutMs = DefaultBusyTimeoutMs);
    ~Journal() override;
    Q_DISABLE_COPY_MOVE(Journal)

    QString filePath() const { return m_filePath; }
    /// Why the last call that returned false, nullopt or an empty result failed; empty after a
    /// call that succeeded. After appendBatch(): the last entry that failed, if any.
    QString lastError() const { return m_lastError; }
    /// Writes that failed because the storage would not take them (locked past the busy
    /// timeout, disk full, I/O error, durability not settable) since the journal was opened.
    /// Refusals of bad input or of an event in the wrong state are not counted.
    quint64 writeFailures() const { return m_writeFailures; }
    /// Why the last write failed, while no write has succeeded since; empty while the journal
    /// writes.
    QString lastWriteError() const { return m_lastWriteError; }

    // ---- Events -------------------------------------------------------------------------

    /// Durably journals one event (committed when it returns Inserted; fsync'd unless the event
    /// is derived work, NewEvent::survivesPowerLoss).
    AppendResult append(const NewEvent &event);
    /// Group commit: journals all events in one transaction and one fsync. Results are
    /// index-aligned with `events`. The batch commits whole or not at all: a storage error makes
    /// every entry Failed; an entry with a missing source/kind fails alone. A dedupe_key repeated
    /// inside the batch yields Duplicate for the later entries.
    QList<AppendResult> appendBatch(const QList<NewEvent> &events);

    /// Pending events with next_attempt_at <= now, oldest first, at most `limit`. Per case_key
    /// only the oldest pending event is returned, so a later update never overtakes an earlier
    /// one; events with an empty case_key are independent. due() does not lease: the caller must
    /// not start an event it already has in flight.
    QList<JournalEvent> due(int limit) const;
    /// Earliest next_attempt_at among the events due() could return (the head of each case), to
    /// arm a timer; nullopt when nothing is pending.
    std::optional<qint64> nextDueAt() const;
    std::optional<JournalEvent> event(qint64 id) const;
    /// Whether an event of this case is still pending.
    bool hasPending(const QString &caseKey) const;
    /// Pending → delivered. A non-empty note replaces the stored one; `keptPayload`, when given,
    /// replaces the payload in the same commit (a summary instead of content shown nowhere).
    bool markDelivered(qint64 id, const QString &note = {},
                       const std::optional<QByteArray> &keptPayload = {});
    /// Pending → ignored (final): the handler found nothing to do. `note` and `keptPayload` as
    /// for markDelivered().
    bool markIgnored(qint64 id, const QString &note = {},
                     const std::optional<QByteArray> &keptPayload = {});
    /// Pending stays pending: attempts + 1, due again at `nextAttemptAtMs`.
    bool scheduleRetry(qint64 id, qint64 nextAttemptAtMs, const QString &error);
    /// Pending → failed (final, attempts + 1); no longer holds back later events of its case.
    bool markFailed(qint64 id, const QString &error);
    /// Console "Retry": failed → pending with attempts reset to 0, or a pending event made due
    /// now; either way due at the current time.
    bool retryNow(qint64 id);
    /// Console "Discard": pending or failed → discarded (final).
    bool discard(qint64 id);
    /// Newest first.
    QList<JournalEvent> events(const EventFilter &filter) const;
    Counts counts() const;

    // ---- Slack cards --------------------------------------------------------------------

    /// The card of a case in one channel.
    std::optional<CardRef> card(const QString &caseId, const QString &channel) const;
    /// The card posted as message `ts` in `channel` (a thread's parent).
    std::optional<CardRef> cardAt(const QString &channel, const QString &ts) const;
    /// Every card of a case, first posted first.
    QList<CardRef> cards(const QString &caseId) const;
    /// Inserts or updates the card of `card.caseId` in `card.channel`; postedAt is kept from the
    /// first save. Durable against a power cut (a new ts must never be lost).
    bool saveCard(const CardRef &card);
    /// What a saved card (same case, channel and ts) shows now, after a redraw; survives a
    /// process crash without an fsync. False when no such card is saved.
    bool updateCard(const CardRef &card);

    // ---- Slack alert cards ----------------------------------------------------------------

    /// Every card of an alert, first posted first.
    QList<AlertCardRef> alertCards(const QString &alertId) const;
    /// The alerts shown by message `ts` in `channel` (a digest's lines), first posted first.
    QList<AlertCardRef> alertCardsAt(const QString &channel, const QString &ts) const;
    /// The alert cards and digest lines posted in `channel` within the last `windowMs`.
    QList<AlertCardRef> alertCardsPostedWithin(const QString &channel, qint64 windowMs) const;
    /// Inserts or updates the card of `card.alertId` in `card.channel` (postedAt kept from the
    /// first save). Durable against a power cut, like saveCard().
    bool saveAlertCard(const AlertCardRef &card);

    // ---- Audit trail --------------------------------------------------------------------

    /// Records who did what; `eventId` 0 when the action is not about one event.
    bool audit(qint64 eventId, const QString &actor, const QString &action, const QString &detail);
    /// Oldest first.
    QList<AuditEntry> auditFor(qint64 eventId) const;
    /// Newest first.
    QList<AuditEntry> recentAudit(int limit) const;

    // ---- Retention ----------------------------------------------------------------------

    /// One bounded step of retention, in one transaction. Removes at most `limit` of each of:
    /// delivered, ignored and discarded events last changed before `cutoffMs`, together with
    /// their audit entries (an event's trail lives as long as the event); audit entries about
    /// no event written before `cutoffMs`; cards last drawn before `cutoffMs` whose case was
    /// closed then; marks of writes begun before `cutoffMs`, except those of events (pending or
    /// failed: a Retry must still look). Pending events, failed ones (they
    /// wait for someone to Retry or Discard them), cards of open cases and user links stay
    /// however old. nullopt on error.
    std::optional<PruneBatch> prune(qint64 cutoffMs, int limit);

    // ---- Slack user → TheHive login cache -----------------------------------------------

    std::optional<UserLink> userLink(const QString &slackUserId) const;
    /// `source` is "email" or "override"; checkedAt becomes now.
    bool saveUserLink(const QString &slackUserId, const QString &hiveLogin, const QString &source);
    /// True also when there was no link to forget.
    bool forgetUserLink(const QString &slackUserId);

    // ---- Writes whose outcome may be unknown ----------------------------------------------

    /// Marks a write that must not happen twice (`key` names it, e.g. "card:<case>:<channel>",
    /// or eventWriteKey()) as begun, before it is sent; an earlier mark and its time are kept.
    /// Durable against a power cut: a crash right after the write must find the mark.
    bool beginWrite(const QString &key);
    /// When the write was first begun, while it is not ended: an earlier attempt may then have
    /// happened without its result being saved, and is looked for before the write is repeated.
    /// nullopt when it was never begun or has ended, and on error (lastError() then says why).
    std::optional<qint64> writeBegunAt(const QString &key) const;
    /// Before a write that must not happen twice: the earlier attempt's mark when there is one
    /// (writeBegunAt()), else a new one (beginWrite()).
    WriteStart startWrite(const QString &key);
    /// The write's result is saved: nothing to look for any more. True also when not marked.
    bool endWrite(const QString &key);
    /// The mark of the one write an event makes itself: ended in the same commit as the
    /// event's outcome (delivered, ignored or discarded), kept while it is pending or failed.
    static QString eventWriteKey(qint64 eventId);

    // ---- Bookmarks ----------------------------------------------------------------------

    /// Where a look-back got to (e.g. the newest TheHive change reconciliation has seen).
    std::optional<qint64> bookmark(const QString &key) const;
    bool setBookmark(const QString &key, qint64 value);
    /// When the newest event from `source` was journaled; nullopt when there is none.
    std::optional<qint64> lastEventAt(const QString &source) const;

Q_SIGNALS:
    /// After append/appendBatch (per Inserted row), mark*, scheduleRetry, retryNow and discard
    /// have committed.
    void eventChanged(qint64 id);

private:
    Journal(const QString &filePath, const QString &connectionName, const Clock &clock);

    bool begin();
    bool commit();
    /// What must survive a power cut (an accepted event, a card's ts) is committed with an
    /// fsync (synchronous=FULL); delivery bookkeeping only needs to survive a process crash
    /// (NORMAL: in WAL mode it is flushed by the next FULL commit or checkpoint). Switching is
    /// a pragma, no I/O.
    enum class Durability { PowerLoss, ProcessCrash };
    /// Before a write that must survive a power cut: false (with lastError()) when the journal
    /// cannot promise it, and the write must not be made.
    bool demandPowerLossSafety();
    /// Before a write that need only survive a process crash. When the pragma fails the
    /// stricter level stays in force: that costs an fsync, never data, so it is only logged.
    void relaxDurability();
    bool applyDurability(Durability durability, QString *error);
    /// Records whether a write reached the storage (for writeFailures(), lastWriteError());
    /// returns `stored`.
    bool noteWrite(bool stored);
    void rollback();
    AppendResult insertEvent(QSqlQuery &insert, const NewEvent &event, qint64 now);
    /// A batch the storage did not take: every valid entry Failed with lastError().
    QList<AppendResult> failAll(const QList<bool> &valid, QList<AppendResult> results);
    bool transition(qint64 id, const QString &action, const QStringList &fromStates,
                    const QString &assignments, const QVariantList &values);
    /// Prepares, binds (positionally) and executes; on failure records "<what>: <driver text>".
    bool run(QSqlQuery &query, const QString &sql, const QVariantList &binds,
             const QString &what) const;
    void setError(const QString &error) const;
    void clearError() const { m_lastError.clear(); }

    const QString m_filePath;
    const QString m_connectionName;
    const Clock &m_clock;
    QSqlDatabase m_db;
    mutable QString m_lastError;
    quint64 m_writeFailures = 0;
    QString m_lastWriteError;
    Durability m_durability = Durability::PowerLoss;
};

} // namespace Bridge
