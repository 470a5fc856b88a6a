#pragma once

#include "core/clock.h"
#include "journal/journal.h"
#include "journal/retrypolicy.h"
#include "metrics/latencyhistogram.h"

#include <QHash>
#include <QMap>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <functional>

namespace Bridge {

/// How handling one journaled event ended.
struct Outcome
{
    enum class Kind { Delivered, Retry, Failed, Ignored };
    Kind kind = Kind::Delivered;
    QString detail;                    ///< error for Retry/Failed, note for Delivered/Ignored
    std::optional<int> retryAfterSecs; ///< Slack's Retry-After, when it gave one
    /// Delivered/Ignored: what the journal keeps instead of the payload (withheldpayload.h).
    std::optional<QByteArray> keptPayload;

    static Outcome delivered(QString note = {})
    {
        return {Kind::Delivered, std::move(note), {}, {}};
    }
    static Outcome retry(QString error, std::optional<int> after = {})
    {
        return {Kind::Retry, std::move(error), after, {}};
    }
    static Outcome failed(QString error) { return {Kind::Failed, std::move(error), {}, {}}; }
    static Outcome ignored(QString note) { return {Kind::Ignored, std::move(note), {}, {}}; }
};

/// Drives delivery from the journal: takes due events (per-case order is the journal's job),
/// hands each to the handler, and records the outcome with backoff. A timer sleeps until the
/// next retry is due; wake() is called when new events are journaled.
///
/// An outcome the journal does not take (locked, disk full) is logged and held: its event is
/// not handed out again (that would repeat what was already done in Slack or TheHive) and the
/// outcome is recorded again each second until the journal takes it. Only a restart meanwhile
/// delivers it again.
class Dispatcher final : public QObject
{
    Q_OBJECT
public:
    using Completion = std::function<void(const Outcome &)>;
    using Handler = std::function<void(const JournalEvent &, Completion)>;
    /// Longest wait between two looks at the journal, for events another process made due.
    static constexpr qint64 IdleLookMs = 5000;

    Dispatcher(Journal &journal, const Clock &clock, RetryPolicy policy, Handler handler,
               QObject *parent = nullptr);

    void setMaxInFlight(int n) { m_maxInFlight = n; }
    void start();
    /// Stops taking new events; events in flight still record their outcome.
    void stop();
    void wake();
    int inFlight() const { return int(m_inFlight.size()); }
    /// From an event's journaling to its delivery (retries and waits included), by source.
    const QMap<QString, LatencyHistogram> &deliveryLatency() const { return m_deliveryLatency; }

Q_SIGNALS:
    void outcomeRecorded(qint64 eventId, const Outcome &outcome);
    /// A retried event ran out of attempts and is now failed with `reason`.
    void gaveUp(const JournalEvent &event, const QString &reason);
    /// After stop(): the last event in flight has recorded its outcome.
    void drained();

private:
    void pump();
    void finish(const JournalEvent &event, const Outcome &outcome);
    /// Writes the outcome to the journal; false when the journal did not take it.
    bool record(const JournalEvent &event, const Outcome &outcome);
    void recordHeld();
    void armTimer();

    Journal &m_journal;
    const Clock &m_clock;
    RetryPolicy m_policy;
    Handler m_handler;
    QTimer m_timer;
    QSet<qint64> m_inFlight;
    struct Held
    {
        JournalEvent event;
        Outcome outcome;
    };
    QMap<QString, LatencyHistogram> m_deliveryLatency;
    QHash<qint64, Held> m_held; ///< handled, but the journal has not taken the outcome yet
    /// Generous: an event waiting for its Slack channel's turn holds a slot, and a burst in
    /// one channel must not keep another channel's cases waiting behind it.
    int m_maxInFlight = 256;
    bool m_running = false;
    bool m_pumpQueued = false;
};

} // namespace Bridge
