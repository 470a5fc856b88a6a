#include "journal/journalretention.h"

#include "core/clock.h"
#include "core/logging.h"
#include "journal/journal.h"

namespace Bridge {

namespace {
constexpr qint64 DayMs = 24LL * 60 * 60 * 1000;
}

JournalRetention::JournalRetention(Journal &journal, const Clock &clock, int retentionDays,
                                   QObject *parent)
    : QObject(parent)
    , m_journal(journal)
    , m_clock(clock)
    , m_retentionDays(retentionDays)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &JournalRetention::runBatch);
}

void JournalRetention::start()
{
    if (m_retentionDays <= 0)
        return;
    m_inPass = false;
    m_timer.start(0);
}

void JournalRetention::stop()
{
    m_timer.stop();
    m_inPass = false;
}

void JournalRetention::runBatch()
{
    if (!m_inPass) {
        // One cutoff per pass: rows that age during a long pass wait for the next one.
        m_inPass = true;
        m_cutoffMs = m_clock.nowMs() - m_retentionDays * DayMs;
        m_removed = {};
    }
    const std::optional<PruneBatch> batch = m_journal.prune(m_cutoffMs, m_batchRows);
    if (batch) {
        m_removed.events += batch->events;
        m_removed.auditEntries += batch->auditEntries;
        m_removed.cards += batch->cards;
        if (batch->more) {
            m_timer.start(0); // the event loop runs before the next batch
            return;
        }
    }
    m_inPass = false;
    const QString error = batch ? QString() : m_journal.lastError();
    if (!error.isEmpty())
        qCWarning(lcJournal).noquote() << "journal retention stopped, next try in"
                                       << m_intervalMs / 60000 << "minutes:" << error;
    else if (m_removed.events || m_removed.auditEntries || m_removed.cards)
        qCInfo(lcJournal).nospace()
            << "journal retention (" << m_retentionDays << " days) removed " << m_removed.events
            << " events, " << m_removed.auditEntries << " audit entries, " << m_removed.cards
            << " cards of closed cases";
    m_timer.start(m_intervalMs);
    Q_EMIT passFinished(m_removed, error);
}

} // namespace Bridge
