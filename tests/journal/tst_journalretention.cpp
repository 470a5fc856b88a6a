// Retention on real SQLite files: what goes, what stays, in what steps, and what it does to the
// file's size. The manual clock ages events; nothing sleeps for days.
#include "alerts/alertrecord.h"
#include "core/caserecordjson.h"
#include "journal/journal.h"
#include "journal/journalretention.h"
#include "manualclock.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Bridge;
using namespace Qt::StringLiterals;
using TestSupport::ManualClock;

namespace {

constexpr qint64 DayMs = 24LL * 60 * 60 * 1000;
constexpr int RetentionDays = 30;

NewEvent hiveEvent(const QString &caseKey, const QByteArray &payload = "{}", bool ignored = false)
{
    NewEvent e;
    e.source = EventSource::TheHive;
    e.kind = u"case.update"_s;
    e.caseKey = caseKey;
    e.payload = payload;
    e.ignored = ignored;
    return e;
}

QByteArray caseJson(const QString &id, const QString &stage)
{
    CaseRecord record;
    record.id = id;
    record.title = u"Phishing wave"_s;
    record.stage = stage;
    return caseToJson(record);
}

} // namespace

class TestJournalRetention : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void settledEventsGoPendingAndFailedStay();
    void auditEntriesLiveAsLongAsTheirEvent();
    void cardsOfOpenCasesStay();
    void cardsOfSettledAlertsGo();
    void keptPayloadReplacesTheContent();
    void zeroDaysKeepsEverything();
    void oldWriteMarksGo();
    void backlogGoesInBatchesWithTheEventLoopRunning();
    void passRepeatsEveryInterval();
    void fileStopsGrowing();

private:
    QString path() const { return m_dir->filePath(u"journal.db"_s); }
    qint64 cutoff() const { return m_clock.nowMs() - RetentionDays * DayMs; }
    qint64 add(const NewEvent &event);
    /// Every batch until nothing older than the cutoff is left.
    PruneBatch pruneAll(int limit = 1000);
    /// The main file plus its WAL, after checkpointing what the WAL holds into the main file.
    qint64 fileBytes() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    ManualClock m_clock;
    std::unique_ptr<Journal> m_journal;
};

void TestJournalRetention::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_clock.setNowMs(1'700'000'000'000);
    QString error;
    m_journal = Journal::open(path(), m_clock, &error);
    QVERIFY2(m_journal, qPrintable(error));
}

void TestJournalRetention::cleanup()
{
    m_journal.reset();
    m_dir.reset();
}

qint64 TestJournalRetention::add(const NewEvent &event)
{
    const AppendResult r = m_journal->append(event);
    if (r.outcome != AppendOutcome::Inserted)
        qFatal("append failed: %s", qPrintable(r.error));
    return r.id;
}

PruneBatch TestJournalRetention::pruneAll(int limit)
{
    PruneBatch total;
    for (;;) {
        const std::optional<PruneBatch> batch = m_journal->prune(cutoff(), limit);
        if (!batch)
            qFatal("prune failed: %s", qPrintable(m_journal->lastError()));
        total.events += batch->events;
        total.auditEntries += batch->auditEntries;
        total.cards += batch->cards;
        if (!batch->more)
            return total;
    }
}

qint64 TestJournalRetention::fileBytes() const
{
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"size-probe"_s);
        db.setDatabaseName(path());
        if (db.open())
            QSqlQuery(db).exec(u"PRAGMA wal_checkpoint(TRUNCATE)"_s);
        db.close();
    }
    QSqlDatabase::removeDatabase(u"size-probe"_s);
    return QFileInfo(path()).size() + QFileInfo(path() + u"-wal"_s).size();
}

void TestJournalRetention::oldWriteMarksGo()
{
    // A post given up long ago goes; a failed event's mark stays for its Retry.
    const qint64 failed = add(hiveEvent(u"~1"_s));
    QVERIFY(m_journal->markFailed(failed, u"TheHive unreachable"_s));
    QVERIFY(m_journal->beginWrite(Journal::eventWriteKey(failed)));
    QVERIFY(m_journal->beginWrite(u"card:~1:C1"_s));
    m_clock.advanceMs(RetentionDays * DayMs + 1);
    QVERIFY(m_journal->beginWrite(u"card:~2:C1"_s));
    pruneAll(1);
    QVERIFY(!m_journal->writeBegunAt(u"card:~1:C1"_s));
    QVERIFY(m_journal->writeBegunAt(u"card:~2:C1"_s));
    QVERIFY(m_journal->writeBegunAt(Journal::eventWriteKey(failed)));
}

void TestJournalRetention::settledEventsGoPendingAndFailedStay()
{
    const qint64 delivered = add(hiveEvent(u"~1"_s));
    QVERIFY(m_journal->markDelivered(delivered));
    const qint64 ignored = add(hiveEvent(u"~2"_s, "{}", true));
    const qint64 discarded = add(hiveEvent(u"~3"_s));
    QVERIFY(m_journal->discard(discarded));
    const qint64 failed = add(hiveEvent(u"~4"_s));
    QVERIFY(m_journal->markFailed(failed, u"Slack, posting the card: channel_not_found"_s));
    const qint64 pending = add(hiveEvent(u"~5"_s));
    const qint64 retrying = add(hiveEvent(u"~6"_s));
    QVERIFY(m_journal->scheduleRetry(retrying, m_clock.nowMs() + 1000, u"HTTP 503"_s));

    m_clock.advanceMs(2 * DayMs);
    // Delivered 29 days before the prune below: within the period, so it stays.
    const qint64 almost = add(hiveEvent(u"~8"_s));
    QVERIFY(m_journal->markDelivered(almost));
    m_clock.advanceMs((RetentionDays - 1) * DayMs);
    const qint64 recent = add(hiveEvent(u"~7"_s));
    QVERIFY(m_journal->markDelivered(recent));

    const std::optional<PruneBatch> batch = m_journal->prune(cutoff(), 1000);
    QVERIFY2(batch, qPrintable(m_journal->lastError()));
    QCOMPARE(batch->events, 3);
    QVERIFY(!batch->more);
    for (const qint64 gone : {delivered, ignored, discarded})
        QVERIFY2(!m_journal->event(gone), qPrintable(QString::number(gone)));
    for (const qint64 kept : {failed, pending, retrying, recent, almost})
        QVERIFY2(m_journal->event(kept), qPrintable(QString::number(kept)));
    QCOMPARE(m_journal->event(failed)->state, QString(EventState::Failed));
    // Both pending ones are still due, however old.
    QCOMPARE(m_journal->due(10).size(), 2);

    // A failed event that someone discards starts its own retention period then.
    QVERIFY(m_journal->discard(failed));
    QCOMPARE(m_journal->prune(cutoff(), 1000)->events, 0);
    m_clock.advanceMs((RetentionDays + 1) * DayMs);
    QCOMPARE(m_journal->prune(cutoff(), 1000)->events, 3); // failed→discarded, recent, almost
}

void TestJournalRetention::auditEntriesLiveAsLongAsTheirEvent()
{
    const qint64 delivered = add(hiveEvent(u"~1"_s));
    QVERIFY(m_journal->markDelivered(delivered));
    QVERIFY(m_journal->audit(delivered, u"U123"_s, u"retry"_s, u"from console"_s));
    const qint64 failed = add(hiveEvent(u"~2"_s));
    QVERIFY(m_journal->markFailed(failed, u"gave up"_s));
    QVERIFY(m_journal->audit(failed, u"bridge"_s, u"give-up"_s, u"12 attempts"_s));
    QVERIFY(m_journal->audit(0, u"admin"_s, u"settings.save"_s, u"old"_s));
    m_clock.advanceMs((RetentionDays + 1) * DayMs);
    QVERIFY(m_journal->audit(0, u"admin"_s, u"settings.save"_s, u"recent"_s));

    const PruneBatch removed = pruneAll();
    QCOMPARE(removed.events, 1);
    QCOMPARE(removed.auditEntries, 2); // the delivered event's entry and the old one about none
    QVERIFY(m_journal->auditFor(delivered).isEmpty());
    QCOMPARE(m_journal->auditFor(failed).size(), 1); // stays with its event
    const QList<AuditEntry> left = m_journal->recentAudit(0);
    QCOMPARE(left.size(), 2);
    QCOMPARE(left.at(0).detail, u"recent"_s);
    QCOMPARE(left.at(1).action, u"give-up"_s);
}

void TestJournalRetention::cardsOfOpenCasesStay()
{
    const auto save = [this](const QString &caseId, const QString &channel, const QByteArray &json,
                             const QString &shown = QString(CardShown::Full)) {
        return m_journal->saveCard(
            {caseId, channel, u"1.%1"_s.arg(caseId.mid(1)), json, u"5.2"_s, shown});
    };
    QVERIFY(save(u"~1"_s, u"C1"_s, caseJson(u"~1"_s, u"New"_s)));
    QVERIFY(save(u"~2"_s, u"C1"_s, caseJson(u"~2"_s, u"InProgress"_s)));
    QVERIFY(save(u"~3"_s, u"C1"_s, caseJson(u"~3"_s, u"Closed"_s)));
    QVERIFY(save(u"~3"_s, u"C2"_s, caseJson(u"~3"_s, u"Closed"_s), CardShown::Redacted));
    QVERIFY(save(u"~4"_s, u"C1"_s, {}));                // drawn without a stored case
    QVERIFY(save(u"~5"_s, u"C1"_s, "not json at all")); // must not abort the statement
    QVERIFY(save(u"~6"_s, u"C1"_s, caseJson(u"~6"_s, u"Closed"_s)));
    m_clock.advanceMs((RetentionDays + 1) * DayMs);
    // Closed long ago but redrawn (reopened and closed again) recently: its card stays.
    QVERIFY(m_journal->updateCard(
        {u"~6"_s, u"C1"_s, u"1.6"_s, caseJson(u"~6"_s, u"Closed"_s), u"5.2"_s, CardShown::Full}));
    QVERIFY(save(u"~7"_s, u"C1"_s, caseJson(u"~7"_s, u"Closed"_s)));

    const PruneBatch removed = pruneAll();
    QCOMPARE(removed.cards, 2);
    QVERIFY(m_journal->cards(u"~3"_s).isEmpty());
    for (const QString &kept : {u"~1"_s, u"~2"_s, u"~4"_s, u"~5"_s, u"~6"_s, u"~7"_s})
        QVERIFY2(m_journal->cards(kept).size() == 1, qPrintable(kept));
}

void TestJournalRetention::cardsOfSettledAlertsGo()
{
    const auto save = [this](const QString &alertId, const QString &stage,
                             const QString &caseId = {}) {
        AlertRecord alert;
        alert.id = alertId;
        alert.stage = stage;
        AlertCardRef card{alertId, u"C1"_s, u"2."_s + alertId.mid(1), alertToStoredJson(alert)};
        card.caseId = caseId;
        return m_journal->saveAlertCard(card);
    };
    QVERIFY(save(u"~11"_s, u"New"_s));           // waits for triage: stays
    QVERIFY(save(u"~12"_s, u"Closed"_s));        // ignored
    QVERIFY(save(u"~13"_s, u"Imported"_s));      // merged
    QVERIFY(save(u"~14"_s, u"New"_s, u"~40"_s)); // handed to its case
    m_clock.advanceMs((RetentionDays + 1) * DayMs);
    QVERIFY(save(u"~15"_s, u"Closed"_s)); // settled recently: stays

    const PruneBatch removed = pruneAll(1); // a batch at a time, whatever the other tables hold
    QCOMPARE(removed.cards, 3);
    for (const QString &gone : {u"~12"_s, u"~13"_s, u"~14"_s})
        QVERIFY2(m_journal->alertCards(gone).isEmpty(), qPrintable(gone));
    for (const QString &kept : {u"~11"_s, u"~15"_s})
        QVERIFY2(m_journal->alertCards(kept).size() == 1, qPrintable(kept));
}

void TestJournalRetention::keptPayloadReplacesTheContent()
{
    const QByteArray secret = R"({"object":{"title":"TLP:RED incident at ACME"}})";
    const QByteArray summary = R"({"summary":"not shown in full","caseId":"~1"})";
    const qint64 delivered = add(hiveEvent(u"~1"_s, secret));
    QVERIFY(m_journal->markDelivered(delivered, u"card in C1 updated (redacted)"_s, summary));
    QCOMPARE(m_journal->event(delivered)->payload, summary);
    QCOMPARE(m_journal->event(delivered)->note, u"card in C1 updated (redacted)"_s);

    const qint64 ignored = add(hiveEvent(u"~2"_s, secret));
    QVERIFY(m_journal->markIgnored(ignored, u"not posted"_s, summary));
    QCOMPARE(m_journal->event(ignored)->payload, summary);

    const qint64 shown = add(hiveEvent(u"~3"_s, secret));
    QVERIFY(m_journal->markDelivered(shown, u"card posted"_s));
    QCOMPARE(m_journal->event(shown)->payload, secret);

    // A refused transition changes nothing, the payload included.
    QVERIFY(!m_journal->markDelivered(shown, {}, summary));
    QCOMPARE(m_journal->event(shown)->payload, secret);
}

void TestJournalRetention::zeroDaysKeepsEverything()
{
    const qint64 delivered = add(hiveEvent(u"~1"_s));
    QVERIFY(m_journal->markDelivered(delivered));
    QVERIFY(m_journal->saveCard(
        {u"~1"_s, u"C1"_s, u"1.1"_s, caseJson(u"~1"_s, u"Closed"_s), u"5.2"_s, CardShown::Full}));
    m_clock.advanceMs(3650 * DayMs);

    JournalRetention forever(*m_journal, m_clock, 0);
    forever.setIntervalMs(10);
    QSignalSpy passes(&forever, &JournalRetention::passFinished);
    forever.start();
    QTest::qWait(100);
    QCOMPARE(passes.size(), 0);
    QVERIFY(m_journal->event(delivered));
    QCOMPARE(m_journal->cards(u"~1"_s).size(), 1);
}

void TestJournalRetention::backlogGoesInBatchesWithTheEventLoopRunning()
{
    constexpr int Backlog = 2500;
    QList<NewEvent> events;
    for (int i = 0; i < Backlog; ++i)
        events << hiveEvent(u"~%1"_s.arg(i), "{}", true);
    for (const AppendResult &r : m_journal->appendBatch(events))
        QCOMPARE(r.outcome, AppendOutcome::Inserted);
    m_clock.advanceMs((RetentionDays + 1) * DayMs);
    const qint64 fresh = add(hiveEvent(u"~fresh"_s, "{}", true));

    JournalRetention retention(*m_journal, m_clock, RetentionDays);
    retention.setBatchRows(1000);
    QSignalSpy passes(&retention, &JournalRetention::passFinished);
    // Ticks of the event loop while the pass runs, and how many settled events each one saw.
    QList<int> seen;
    QTimer tick;
    connect(&tick, &QTimer::timeout, this, [&] { seen << m_journal->counts().ignored; });
    tick.start(0);
    QElapsedTimer took;
    took.start();
    retention.start();
    QVERIFY(passes.wait(10000));
    tick.stop();
    qInfo("pruned %d events in batches of 1000 in %lld ms", Backlog, took.elapsed());

    const auto removed = passes.constFirst().at(0).value<PruneBatch>();
    QCOMPARE(removed.events, Backlog);
    QCOMPARE(passes.constFirst().at(1).toString(), QString());
    QCOMPARE(m_journal->counts().ignored, 1);
    QVERIFY(m_journal->event(fresh));
    // The event loop ran between the batches: it saw the backlog at 1500 and at 500 left.
    QVERIFY2(seen.contains(Backlog + 1 - 1000) && seen.contains(Backlog + 1 - 2000),
             qPrintable(QString::number(seen.size())));
}

void TestJournalRetention::passRepeatsEveryInterval()
{
    JournalRetention retention(*m_journal, m_clock, RetentionDays);
    retention.setIntervalMs(50);
    QSignalSpy passes(&retention, &JournalRetention::passFinished);
    const qint64 first = add(hiveEvent(u"~1"_s, "{}", true));
    retention.start();
    QVERIFY(passes.wait(5000));
    QVERIFY(m_journal->event(first)); // not old yet

    m_clock.advanceMs((RetentionDays + 1) * DayMs);
    QVERIFY(passes.wait(5000));
    QCOMPARE(passes.constLast().at(0).value<PruneBatch>().events, 1);
    QVERIFY(!m_journal->event(first));

    retention.stop();
    const int after = int(passes.size());
    QTest::qWait(150);
    QCOMPARE(int(passes.size()), after);
}

void TestJournalRetention::fileStopsGrowing()
{
    // A day's worth of webhooks per round, each with a realistic 2 KB case payload; every round
    // is older than the retention period by the time the next one is journaled.
    constexpr int PerRound = 3000;
    const QByteArray payload(2048, 'x');
    const auto journalRound = [&] {
        QList<NewEvent> events;
        for (int i = 0; i < PerRound; ++i)
            events << hiveEvent(u"~%1"_s.arg(i), payload, true);
        for (const AppendResult &r : m_journal->appendBatch(events))
            QCOMPARE(r.outcome, AppendOutcome::Inserted);
    };
    journalRound();
    const qint64 firstRound = fileBytes();
    QVERIFY(firstRound > PerRound * 2048);
    QList<qint64> sizes;
    for (int round = 0; round < 4; ++round) {
        m_clock.advanceMs((RetentionDays + 1) * DayMs);
        QCOMPARE(pruneAll().events, PerRound);
        journalRound();
        sizes << fileBytes();
    }
    QStringList sizeTexts;
    for (const qint64 size : std::as_const(sizes))
        sizeTexts << QString::number(size);
    qInfo("file after one round: %lld bytes; after each pruned round: %s", firstRound,
          qPrintable(sizeTexts.join(u", "_s)));
    // Without retention five rounds would take five times the space.
    for (const qint64 size : std::as_const(sizes))
        QVERIFY2(size < firstRound * 12 / 10, qPrintable(QString::number(size)));
    QCOMPARE(m_journal->counts().ignored, PerRound);
}

QTEST_GUILESS_MAIN(TestJournalRetention)
#include "tst_journalretention.moc"
