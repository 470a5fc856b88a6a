#include "delivery/dispatcher.h"

#include "core/logging.h"

namespace Bridge {

Dispatcher::Dispatcher(Journal &journal, const Clock &clock, RetryPolicy policy, Handler handler,
                       QObject *parent)
    : QObject(parent)
    , m_journal(journal)
    , m_clock(clock)
    , m_policy(policy)
    , m_handler(std::move(handler))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &Dispatcher::pump);
}

void Dispatcher::start()
{
    m_running = true;
    wake();
}

void Dispatcher::stop()
{
    m_running = false;
    m_timer.stop();
    recordHeld();
    for (const Held &held : std::as_const(m_held))
        qCCritical(lcDelivery) << "event" << held.event.id
                               << "was handled but its outcome never reached the journal: it "
                                  "will be delivered again after a restart";
}

void Dispatcher::wake()
{
    if (!m_running || m_pumpQueued)
        return;
    m_pumpQueued = true;
    QTimer::singleShot(0, this, [this] {
        m_pumpQueued = false;
        pump();
    });
}

void Dispatcher::pump()
{
    if (!m_running)
        return;
    recordHeld();
    const int room = m_maxInFlight - int(m_inFlight.size());
    if (room > 0) {
        // Ask for more than the room: events in flight or held are still "due" in the journal.
        const QList<JournalEvent> due =
            m_journal.due(room + int(m_inFlight.size()) + int(m_held.size()));
        int started = 0;
        for (const JournalEvent &event : due) {
            if (started == room)
                break;
            if (m_inFlight.contains(event.id) || m_held.contains(event.id))
                continue;
            m_inFlight.insert(event.id);
            ++started;
            m_handler(event, [this, event](const Outcome &outcome) { finish(event, outcome); });
        }
    }
    armTimer();
}

void Dispatcher::finish(const JournalEvent &event, const Outcome &outcome)
{
    m_inFlight.remove(event.id);
    if (outcome.kind == Outcome::Kind::Failed)
        qCWarning(lcDelivery) << "event" << event.id << event.kind << "failed:" << outcome.detail;
    if (!record(event, outcome) && !m_journal.lastWriteError().isEmpty()) {
        qCCritical(lcDelivery).noquote()
            << "event" << event.id << "was handled, but the journal did not take its outcome ("
            << m_journal.lastError() << "): held until it does";
        m_held.insert(event.id, {event, outcome});
    }
    if (!m_running && m_inFlight.isEmpty())
        Q_EMIT drained();
    wake();
}

bool Dispatcher::record(const JournalEvent &event, const Outcome &outcome)
{
    bool recorded = false;
    switch (outcome.kind) {
    case Outcome::Kind::Delivered:
        recorded = m_journal.markDelivered(event.id, outcome.detail, outcome.keptPayload);
        if (recorded) {
            // From its first journaling: an event retried from the console counts its wait.
            auto latency = m_deliveryLatency.find(event.source);
            if (latency == m_deliveryLatency.end())
                latency = m_deliveryLatency.insert(
                    event.source, LatencyHistogram(LatencyHistogram::DeliverySeconds));
            latency->observeMs(m_clock.nowMs() - event.createdAt);
        }
        break;
    case Outcome::Kind::Ignored:
        recorded = m_journal.markIgnored(event.id, outcome.detail, outcome.keptPayload);
        break;
    case Outcome::Kind::Failed:
        recorded = m_journal.markFailed(event.id, outcome.detail);
        break;
    case Outcome::Kind::Retry: {
        const int attempt = event.attempts + 1;
        if (shouldGiveUp(m_policy, attempt)) {
            const QString reason =
                tr("gave up after %1 attempts: %2").arg(attempt).arg(outcome.detail);
            recorded = m_journal.markFailed(event.id, reason);
            if (recorded) {
                qCWarning(lcDelivery) << "event" << event.id << event.kind << reason;
                Q_EMIT gaveUp(event, reason);
            }
            break;
        }
        const qint64 delay = retryDelayMs(m_policy, attempt, outcome.retryAfterSecs);
        recorded = m_journal.scheduleRetry(event.id, m_clock.nowMs() + delay, outcome.detail);
        if (recorded)
            qCInfo(lcDelivery) << "event" << event.id << "retry in" << delay
                               << "ms:" << outcome.detail;
        break;
    }
    }
    if (recorded)
        Q_EMIT outcomeRecorded(event.id, outcome);
    return recorded;
}

void Dispatcher::recordHeld()
{
    for (auto it = m_held.begin(); it != m_held.end();) {
        // Kept only while the storage is what fails (a refusal, e.g. of an event the console
        // discarded meanwhile, is final and already logged by the journal).
        if (record(it->event, it->outcome) || m_journal.lastWriteError().isEmpty())
            it = m_held.erase(it);
        else
            ++it;
    }
}

void Dispatcher::armTimer()
{
    if (!m_running)
        return;
    if (!m_inFlight.isEmpty() || !m_held.isEmpty()) {
        // Each completion pumps again; only a retry coming due meanwhile (or a held outcome to
        // record again) needs the timer, and once a second is plenty (it is a scan of the
        // pending events).
        if (!m_timer.isActive())
            m_timer.start(1000);
        return;
    }
    // Another process may make an event due (`hiveslack events retry`): a look every few
    // seconds finds it, idle or not.
    const std::optional<qint64> next = m_journal.nextDueAt();
    const qint64 wait = next ? *next - m_clock.nowMs() : IdleLookMs;
    m_timer.start(int(qBound<qint64>(0, wait, IdleLookMs)));
}

} // namespace Bridge
