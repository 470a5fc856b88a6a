// Scenario "journal": a journal holding 1,000,000 settled events older than the retention period
// (written directly, with a clock set 31 days back) is handed to the real bridge, whose retention
// removes them in batches while it serves. Figures: time to prune, the bridge's memory while it
// does, and the journal file's size before and after (SQLite keeps the freed pages for new
// events; tests/journal/tst_journalretention shows the file does not grow when refilled).
#include "scenarios.h"

#include "benchclock.h"
#include "manualclock.h"

#include "journal/journal.h"

#include <QFileInfo>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace Bench {

namespace {

constexpr int OldEvents = 1'000'000;
constexpr qint64 DayMs = 24 * 3600 * 1000;

double mib(qint64 bytes)
{
    return double(bytes) / (1024.0 * 1024.0);
}

qint64 fileSize(const QString &dir)
{
    qint64 size = 0;
    for (const char *suffix : {"", "-wal"})
        size += QFileInfo(dir + u"/journal.sqlite"_s + QLatin1String(suffix)).size();
    return size;
}

/// Fills `path` with settled events last touched 31 days ago, as a month-old journal would be.
bool fillOldJournal(const QString &path)
{
    TestSupport::ManualClock clock(QDateTime::currentMSecsSinceEpoch() - 31 * DayMs);
    QString error;
    std::unique_ptr<Bridge::Journal> journal = Bridge::Journal::open(path, clock, &error);
    if (!journal) {
        std::fprintf(stderr, "[journal] %s\n", qPrintable(error));
        return false;
    }
    const QByteArray payload = QByteArray(600, 'x');
    QList<Bridge::NewEvent> batch;
    for (int i = 0; i < OldEvents; ++i) {
        Bridge::NewEvent e;
        e.source = Bridge::EventSource::TheHive;
        e.kind = u"case.update"_s;
        e.caseKey = u"~%1"_s.arg(i % 5000);
        e.dedupeKey = u"old-%1"_s.arg(i);
        e.payload = payload;
        e.ignored = true; // settled at once: what retention removes
        batch.append(e);
        if (batch.size() == 10'000) {
            for (const Bridge::AppendResult &r : journal->appendBatch(batch))
                if (r.outcome != Bridge::AppendOutcome::Inserted)
                    return false;
            batch.clear();
        }
    }
    return true;
}

} // namespace

bool runJournalSize(const Options &options, Summary &summary)
{
    auto rig = std::make_unique<Rig>(options);
    QString error;
    if (!rig->startFakes(&error)) {
        std::fprintf(stderr, "[journal] %s\n", qPrintable(error));
        return false;
    }
    BridgeProcess bridge(rig->bridgeSettings());
    const QString journalPath = bridge.dataDir() + u"/journal.sqlite"_s;
    const qint64 fillStart = nowNs();
    if (!fillOldJournal(journalPath))
        return false;
    const qint64 sizeFull = fileSize(bridge.dataDir());
    std::printf("[journal] %d settled events 31 days old written in %.0f s: %.0f MiB\n", OldEvents,
                msBetween(fillStart, nowNs()) / 1000.0, mib(sizeFull));
    std::fflush(stdout);

    const qint64 startNs = nowNs();
    if (!bridge.start(&error) || !bridge.waitReady(15'000, &error)) {
        std::fprintf(stderr, "[journal] cannot start the bridge: %s\n", qPrintable(error));
        return false;
    }
    // A reader of its own on the same file (WAL): how many old events are left.
    TestSupport::ManualClock clock;
    std::unique_ptr<Bridge::Journal> reader = Bridge::Journal::open(journalPath, clock, &error);
    if (!reader)
        return false;
    qint64 peakRssKiB = 0;
    const bool pruned = waitUntil(
        [&] {
            if (const auto m = bridge.memory())
                peakRssKiB = std::max(peakRssKiB, m->rssKiB);
            return reader->counts().ignored == 0;
        },
        600'000, 500);
    const double pruneS = msBetween(startNs, nowNs()) / 1000.0;
    const qint64 sizePruned = fileSize(bridge.dataDir());
    std::printf("[journal] bridge started and pruned them in %.1f s (peak VmRSS %.1f MiB); "
                "file %.0f MiB\n",
                pruneS, double(peakRssKiB) / 1024.0, mib(sizePruned));
    std::fflush(stdout);

    const std::optional<ProcessMemory> mem = bridge.memory();
    std::printf("[journal] after pruning: VmRSS %.1f MiB\n",
                mem ? double(mem->rssKiB) / 1024.0 : 0);
    std::fflush(stdout);
    bridge.stop();

    summary.add(Metric::info(u"journal_prune_s"_s, u"s to prune 1,000,000 month-old events"_s,
                             pruned ? std::optional<double>(pruneS) : std::nullopt, 1));
    summary.add(Metric::info(u"journal_full_mib"_s, u"journal MiB with them"_s, mib(sizeFull), 0));
    summary.add(Metric::info(u"journal_pruned_mib"_s, u"journal MiB after pruning (pages kept)"_s,
                             mib(sizePruned), 0));
    summary.add(Metric::atMost(
        u"journal_peak_rss_mib"_s, u"VmRSS MiB while pruning (peak)"_s,
        peakRssKiB > 0 ? std::optional<double>(peakRssKiB / 1024.0) : std::nullopt, 60, {}, 1));
    return true;
}

} // namespace Bench
