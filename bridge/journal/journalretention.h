#pragma once

#include "journal/journaltypes.h"

#include <QObject>
#include <QTimer>

namespace Bridge {

class Clock;
class Journal;

/// Keeps the journal from growing forever: removes what is older than the retention period
/// (Journal::prune says what that is) when started and then every hour. A pass runs in small
/// batches, one transaction each, with the event loop running between them, so a backlog of
/// millions of rows never keeps the bridge from answering webhooks.
///
/// Space: SQLite reuses the pages freed by a pass for later events, so the file stops growing
/// at about what the retention period holds; it does not shrink (see README, "How long the
/// journal keeps things").
class JournalRetention final : public QObject
{
    Q_OBJECT
public:
    static constexpr int DefaultBatchRows = 1000;
    static constexpr int DefaultIntervalMs = 60 * 60 * 1000;

    /// `retentionDays` 0 keeps everything: start() then does nothing. The journal and clock
    /// must outlive this.
    JournalRetention(Journal &journal, const Clock &clock, int retentionDays,
                     QObject *parent = nullptr);

    void setBatchRows(int rows) { m_batchRows = rows; }
    void setIntervalMs(int ms) { m_intervalMs = ms; }
    /// Starts a pass as soon as the event loop runs, then one every interval after the last.
    void start();
    /// Stops between two batches; the next start() begins a new pass.
    void stop();

Q_SIGNALS:
    /// A pass ended: everything it found is gone (`removed`, summed over its batches), or it
    /// stopped at a journal error (`error`) and tries again at the next interval.
    void passFinished(const Bridge::PruneBatch &removed, const QString &error);

private:
    void runBatch();

    Journal &m_journal;
    const Clock &m_clock;
    const int m_retentionDays;
    int m_batchRows = DefaultBatchRows;
    int m_intervalMs = DefaultIntervalMs;
    QTimer m_timer;
    bool m_inPass = false;
    qint64 m_cutoffMs = 0;
    PruneBatch m_removed;
};

} // namespace Bridge
