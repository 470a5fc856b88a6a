#include "core/clock.h"
#include "journal/journal.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

using namespace Bridge;
using namespace Qt::StringLiterals;

namespace {

class ManualClock final : public Clock
{
public:
    qint64 nowMs() const override { return m_now; }
    void advance(qint64 ms) { m_now += ms; }

private:
    qint64 m_now = 1'700'000'000'000;
};

NewEvent makeEvent(const QString &kind, const QString &caseKey, const QString &dedupeKey = {},
                   const QByteArray &payload = "{}")
{
    NewEvent e;
    e.source =
        kind.startsWith(u"slack"_s) ? QString(EventSource::Slack) : QString(EventSource::TheHive);
    e.kind = kind;
    e.caseKey = caseKey;
    e.dedupeKey = dedupeKey;
    e.payload = payload;
    return e;
}

QList<qint64> idsOf(const QList<JournalEvent> &events)
{
    QList<qint64> ids;
    for (const JournalEvent &e : events)
        ids << e.id;
    return ids;
}

// Holds the SQLite write lock on a file from a connection of its own, like a second process would.
class WriteLock
{
public:
    explicit WriteLock(const QString &path)
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_name);
        db.setDatabaseName(path);
        m_locked = db.open() && QSqlQuery(db).exec(u"BEGIN IMMEDIATE"_s);
    }
    ~WriteLock()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            QSqlQuery(db).exec(u"ROLLBACK"_s);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    Q_DISABLE_COPY_MOVE(WriteLock)
    bool locked() const { return m_locked; }

private:
    const QString m_name = u"test-write-lock"_s;
    bool m_locked = false;
};

const char crashFileVariable[] = "HIVESLACK_JOURNAL_CRASH_FILE";

} // namespace

class TestJournal : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void appendStoresEverything();
    void hasPendingSeesOnlyPendingEventsOfThatCase();
    void duplicateLeavesRowUntouched();
    void ignoredIsFinalAtOnce();
    void appendRefusesIncompleteEvents_data();
    void appendRefusesIncompleteEvents();
    void dueKeepsPerCaseOrderAndTiming();
    void failedEventNoLongerBlocksItsCase();
    void dueHonoursLimit();
    void deliveredIsNeverDeliveredTwice();
    void transitionsRefuseWrongStates_data();
    void transitionsRefuseWrongStates();
    void cardsUpsert();
    void countsAndActivityFilter();
    void auditTrail();
    void userLinkCache();
    void writeMarksKeepTheFirstBeginningUntilEnded();
    void anEventsMarkEndsWithItsOutcome();
    void groupCommitOutcomes();
    void lockedFileGivesClearErrors();
    void writeFailuresAreCountedUntilAWriteSucceeds();
    void reopenFindsEverything();
    void twoJournalsSideBySide();
    void secondJournalOnSameFileSeesCommits();
    void killedMidStreamLosesNothing();
    void crashChild();
    void throughputLog();

private:
    QString path(const QString &name = u"journal.db"_s) const { return m_dir->filePath(name); }
    std::unique_ptr<Journal> openJournal(const QString &name = u"journal.db"_s);
    qint64 add(Journal &journal, const NewEvent &event);

    std::unique_ptr<QTemporaryDir> m_dir;
    ManualClock m_clock;
};

void TestJournal::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestJournal::cleanup()
{
    m_dir.reset();
}

std::unique_ptr<Journal> TestJournal::openJournal(const QString &name)
{
    QString error;
    std::unique_ptr<Journal> journal = Journal::open(path(name), m_clock, &error);
    if (!journal)
        qWarning().noquote() << error;
    return journal;
}

qint64 TestJournal::add(Journal &journal, const NewEvent &event)
{
    const AppendResult r = journal.append(event);
    if (r.outcome != AppendOutcome::Inserted)
        qWarning().noquote() << "append did not insert:" << r.error;
    return r.outcome == AppendOutcome::Inserted ? r.id : 0;
}

void TestJournal::appendStoresEverything()
{
    const auto journal = openJournal();
    QVERIFY(journal);
    QSignalSpy changed(journal.get(), &Journal::eventChanged);

    NewEvent e = makeEvent(u"case.update"_s, u"~4096"_s, u"hive:abc:1"_s,
                           u"{\"title\":\"Phish ✓\",\"n\":1}"_s.toUtf8());
    e.note = u"first"_s;
    const AppendResult r = journal->append(e);
    QCOMPARE(r.outcome, AppendOutcome::Inserted);
    QVERIFY(r.id > 0);
    QVERIFY(r.error.isEmpty());
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).toLongLong(), r.id);

    const std::optional<JournalEvent> stored = journal->event(r.id);
    QVERIFY(stored);
    QCOMPARE(stored->source, u"thehive"_s);
    QCOMPARE(stored->kind, u"case.update"_s);
    QCOMPARE(stored->caseKey, u"~4096"_s);
    QCOMPARE(stored->dedupeKey, u"hive:abc:1"_s);
    QCOMPARE(stored->payload, e.payload);
    QCOMPARE(stored->state, u"pending"_s);
    QCOMPARE(stored->attempts, 0);
    QCOMPARE(stored->nextAttemptAt, m_clock.nowMs());
    QCOMPARE(stored->createdAt, m_clock.nowMs());
    QCOMPARE(stored->updatedAt, m_clock.nowMs());
    QCOMPARE(stored->deliveredAt, 0);
    QCOMPARE(stored->note, u"first"_s);
    QVERIFY(stored->lastError.isEmpty());
    QVERIFY(journal->lastError().isEmpty());

    QVERIFY(!journal->event(r.id + 100));
    QCOMPARE(journal->lastError(), u"no journal event %1"_s.arg(r.id + 100));
}

void TestJournal::duplicateLeavesRowUntouched()
{
    const auto journal = openJournal();
    QVERIFY(journal);
    QSignalSpy changed(journal.get(), &Journal::eventChanged);
    const qint64 first = add(*journal, makeEvent(u"case.create"_s, u"c1"_s, u"k1"_s, "{\"v\":1}"));
    QVERIFY(first > 0);

    m_clock.advance(1000);
    const AppendResult again =
        journal->append(makeEvent(u"case.update"_s, u"c2"_s, u"k1"_s, "{\"v\":2}"));
    QCOMPARE(again.outcome, AppendOutcome::Duplicate);
    QCOMPARE(again.id, first);
    QCOMPARE(changed.size(), 1);

    const JournalEvent stored = *journal->event(first);
    QCOMPARE(stored.kind, u"case.create"_s);
    QCOMPARE(stored.payload, QByteArray("{\"v\":1}"));
    QCOMPARE(stored.updatedAt, m_clock.nowMs() - 1000);

    // Without a dedupe key nothing is ever a duplicate.
    const qint64 a = add(*journal, makeEvent(u"slack.block_actions"_s, {}, {}, "{}"));
    const qint64 b = add(*journal, makeEvent(u"slack.block_actions"_s, {}, {}, "{}"));
    QVERIFY(a > 0 && b > a);
    QCOMPARE(journal->counts().pending, 3);
}

void TestJournal::ignoredIsFinalAtOnce()
{
    const auto journal = openJournal();
    QVERIFY(journal);
    NewEvent e = makeEvent(u"case.update"_s, u"c1"_s, u"ign"_s);
    e.ignored = true;
    e.note = u"no Slack-relevant change"_s;
    const qint64 id = add(*journal, e);
    QVERIFY(id > 0);
    QCOMPARE(journal->event(id)->state, u"ignored"_s);
    QVERIFY(journal->due(10).isEmpty());
    QVERIFY(!journal->nextDueAt());
    QCOMPARE(journal->counts().ignored, 1);
    // An ignored event holds back nothing of its case.
    const qint64 next = add(*journal, makeEvent(u"case.update"_s, u"c1"_s));
    QCOMPARE(idsOf(journal->due(10)), QList<qint64>{next});
}

void TestJournal::appendRefusesIncompleteEvents_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("expectedError");
    QTest::newRow("no source") << QString() << u"case.update"_s << u"no source"_s;
    QTest::newRow("no kind") << u"thehive"_s << QString() << u"no kind"_s;
}

void TestJournal::appendRefusesIncompleteEvents()
{
    QFETCH(QString, source);
    QFETCH(QString, kind);
    QFETCH(QString, expectedError);
    const auto journal = openJournal();
    QVERIFY(journal);
    NewEvent e;
    e.source = source;
    e.kind = kind;
    const AppendResult r = journal->append(e);
    QCOMPARE(r.outcome, AppendOutcome::Failed);
    QVERIFY2(r.error.contains(expectedError), qPrintable(r.error));
    QVERIFY(journal->lastError().contains(expectedError));
    QVERIFY(journal->events({}).isEmpty());
}

void TestJournal::dueKeepsPerCaseOrderAndTiming()
{
    const auto journal = openJournal();
    QVERIFY(journal);
    QVERIFY(!journal->nextDueAt());
    const qint64 a1 = add(*journal, makeEvent(u"case.create"_s, u"A"_s));
    const qint64 a2 = add(*journal, makeEvent(u"case.update"_s, u"A"_s));
    const qint64 b1 = add(*journal, makeEvent(u"case.create"_s, u"B"_s));
    const qint64 free1 = add(*journal, makeEvent(u"slack.view_submission"_s, {}));
    const qint64 free2 = add(*journal, makeEvent(u"slack.block_actions"_s, {}));
    QCOMPARE(idsOf(journal->due(10)), QList<qint64>({a1, b1, free1, free2}));
    QCOMPARE(journal->nextDueAt(), std::optional<qint64>(m_clock.nowMs()));

    // A1 fails transiently: A2 must wait behind it, the others go on.
    const qint64 retryAt = m_clock.nowMs() + 5000;
    QVERIFY(journal->scheduleRetry(a1, retryAt, u"HTTP 503"_s));
    QCOMPARE(idsOf(journal->due(10)), QList<qint64>({b1, free1, free2}));
    for (qint64 id : {b1, free1, free2})
        QVERIFY(journal->markDelivered(id));
    QVERIFY(journal->due(10).isEmpty());
    // A2 is due by its own time, but blocked: the timer must aim at A1's retry.
    QCOMPARE(journal->nextDueAt(), std::optional<qint64>(retryAt));

    m_clock.advance(4999);
    QVERIFY(journal->due(10).isEmpty());
    m_clock.advance(1);
    QCOMPARE(idsOf(journal->due(10)), QList<qint64>{a1});
    QVERIFY(journal->markDelivered(a1, u"posted"_s));
    QCOMPARE(idsOf(journal->due(10)), QList<qint64>{a2});
    QVERIFY(journal->markDelivered(a2));
    QVERIFY(journal->due(10).isEmpty());
    QVERIFY(!journal->nextDueAt());
}

void TestJournal::hasPendingSeesOnlyPendingEventsOfThatCase()
{
    const auto journal = openJournal();
    QVERIFY(journal);
    QVERIFY(!journal->hasPending(u"C"_s));
    const qint64 first = add(*journal, makeEvent(u"case.update"_s, u"C"_s));
    add(*journal, makeEvent(u"case.update"_s, u"D"_s));
    QVERIFY(journal->hasPending(u"C"_s));
    QVERIFY(!journal->hasPending(u"E"_s));
    QVERIFY(journal->markDelivered(first));
    QVERIFY(!journal->hasPending(u"C"_s));
    QVERIFY(journal->hasPending(u"D"_s));
}

void TestJournal::failedEventNoLongerBlocksItsCase()
{
    const auto journal = openJournal();
    QVERIFY(journal);
    const qint64 first = add(*journal, makeEvent(u"case.update"_s, u"C"_s));
    const qint64 second = add(*journal, makeEvent(u"case.update"_s, u"C"_s));
    QVERIFY(journal->scheduleRetry(first, m_clock.nowMs() + 10, u"timeout"_s));
    QVERIFY(journal->markFailed(first, u"HTTP 400 invalid_blocks"_s));
    const JournalEvent failed = *journal->event(first);
    QCOMPARE(failed.state, u"failed"_s);
    QCOMPARE(failed.attempts, 2);
    QCOMPARE(failed.lastError, u"HTTP 400 invalid_blocks"_s);
    QCOMPARE(idsOf(journal->due(10)), QList<qint64>{second});

    // Console Retry: the old event is pending again, due now, with a fresh budget, and being
    // older it goes before the second one again.
    m_clock.advance(60000);
    QVERIFY(journal->retryNow(first));
    const JournalEvent retried = *journal->event(first);
    QCOMPARE(retried.state, u"pending"_s);
    QCOMPARE(retried.attempts, 0);
    QCOMPARE(retried.nextAttemptAt, m_clock.nowMs());
    QCOMPARE(retried.lastError, u"HTTP 400 invalid_blocks"_s);
    QCOMPARE(idsOf(journal->due(10)), QList<qint64>{first});

    // Retry on a pending event that waits out a backoff only makes it due now.
    QVERIFY(journal->scheduleRetry(first, m_clock.nowMs() + 100000, u"503"_s));
    QVERIFY(journal->due(10).isEmpty());
    QVERIFY(journal->retryNow(first));
    QCOMPARE(journal->event(first)->attempts, 1);
    QCOMPARE(idsOf(journal->due(10)), QList<qint64>{first});

    QVERIFY(journal->discard(first));
    QCOMPARE(journal->event(first)->state, u"discarded"_s);
    QCOMPARE(idsOf(journal->due(10)), QList<qint64>{second});
}

void TestJournal::dueHonoursLimit()
{
    const auto journal = openJournal();
    QVERIFY(journal);
    QList<qint64> ids;
    for (int i = 0; i < 5; ++i)
        ids << add(*journal, makeEvent(u"case.create"_s, u"case-%1"_s.arg(i)));
    QCOMPARE(idsOf(journal->due(2)), ids.mid(0, 2));
    QCOMPARE(idsOf(journal->due(100)), ids);
}

void TestJournal::deliveredIsNeverDeliveredTwice()
{
    const auto journal = openJournal();
    QVERIFY(journal);
    const qint64 id = add(*journal, makeEvent(u"case.create"_s, u"X"_s));
    QVERIFY(journal->markDelivered(id, u"ts=1.2"_s));
    const qint64 deliveredAt = m_clock.nowMs();
    m_clock.advance(500);
    QSignalSpy changed(journal.get(), &Journal::eventChanged);

    QVERIFY(!journal->markDelivered(id, u"again"_s));
    QVERIFY2(journal->lastError().contains(u"it is delivered"_s), qPrintable(journal->lastError()));
    QVERIFY(!journal->scheduleRetry(id, m_clock.nowMs(), u"x"_s));
    QVERIFY(!journal->retryNow(id));
    QVERIFY(journal->due(10).isEmpty());
    QCOMPARE(changed.size(), 0);

    const JournalEvent stored = *journal->event(id);
    QCOMPARE(stored.deliveredAt, deliveredAt);
    QCOMPARE(stored.note, u"ts=1.2"_s);
    QCOMPARE(stored.attempts, 0);
}

void TestJournal::transitionsRefuseWrongStates_data()
{
    QTest::addColumn<QString>("from"); // how the event is prepared
    QTest::addColumn<QString>("action");
    QTest::addColumn<bool>("allowed");
    QTest::addColumn<QString>("after");
    const QStringList actions = {u"deliver"_s, u"ignore"_s,    u"retry-later"_s,
                                 u"fail"_s,    u"retry-now"_s, u"discard"_s};
    // state after each action, or empty when the action is refused
    const QMap<QString, QStringList> table = {
        {u"pending"_s,
         {u"delivered"_s, u"ignored"_s, u"pending"_s, u"failed"_s, u"pending"_s, u"discarded"_s}},
        {u"failed"_s, {{}, {}, {}, {}, u"pending"_s, u"discarded"_s}},
        {u"delivered"_s, {{}, {}, {}, {}, {}, {}}},
        {u"ignored"_s, {{}, {}, {}, {}, {}, {}}},
        {u"discarded"_s, {{}, {}, {}, {}, {}, {}}},
    };
    for (auto it = table.cbegin(); it != table.cend(); ++it) {
        for (int i = 0; i < actions.size(); ++i) {
            const QString after = it.value().at(i);
            QTest::addRow("%s %s", qPrintable(it.key()), qPrintable(actions.at(i)))
                << it.key() << actions.at(i) << !after.isEmpty()
                << (after.isEmpty() ? it.key() : after);
        }
    }
}

void TestJournal::transitionsRefuseWrongStates()
{
    QFETCH(QString, from);
    QFETCH(QString, action);
    QFETCH(bool, allowed);
    QFETCH(QString, after);
    const auto journal = openJournal();
    QVERIFY(journal);
    NewEvent e = makeEvent(u"case.update"_s, u"S"_s);
    e.ignored = from == u"ignored"_s;
    const qint64 id = add(*journal, e);
    if (from == u"failed"_s)
        QVERIFY(journal->markFailed(id, u"boom"_s));
    else if (from == u"delivered"_s)
        QVERIFY(journal->markDelivered(id));
    else if (from == u"discarded"_s)
        QVERIFY(journal->discard(id));
    QCOMPARE(journal->event(id)->state, from);

    QSignalSpy changed(journal.get(), &Journal::eventChanged);
    bool ok = false;
    if (action == u"deliver"_s)
        ok = journal->markDelivered(id);
    else if (action == u"ignore"_s)
        ok = journal->markIgnored(id, u"nothing to do"_s);
    else if (action == u"retry-later"_s)
        ok = journal->scheduleRetry(id, m_clock.nowMs() + 1000, u"later"_s);
    else if (action == u"fail"_s)
        ok = journal->markFailed(id, u"no"_s);
    else if (action == u"retry-now"_s)
        ok = journal->retryNow(id);
    else
        ok = journal->discard(id);
    QCOMPARE(ok, allowed);
    // lastError() describes the latest call, so it is read before event() below.
    QCOMPARE(journal->lastError().contains(u"it is "_s % from), !allowed);
    QCOMPARE(journal->event(id)->state, after);
    QCOMPARE(changed.size(), allowed ? 1 : 0);

    QVERIFY(!journal->markDelivered(id + 1000));
    QVERIFY2(journal->lastError().contains(u"no journal event"_s),
             qPrintable(journal->lastError()));
}

void TestJournal::cardsUpsert()
{
    const auto journal = openJournal();
    QVERIFY(journal);
    QVERIFY(!journal->card(u"~1"_s, u"C01"_s));
    QVERIFY(journal->cards(u"~1"_s).isEmpty());
    const qint64 postedAt = m_clock.nowMs();
    QVERIFY(journal->saveCard({u"~1"_s, u"C01"_s, u"1700000000.000100"_s, "{\"v\":1}", u"5.2"_s}));
    m_clock.advance(1000);
    // A second channel gets its own card of the same case (an escalation's new route).
    QVERIFY(journal->saveCard(
        {u"~1"_s, u"C02"_s, u"1700000003.000200"_s, "{\"v\":2}", u"5.3"_s, CardShown::Full}));
    m_clock.advance(2000);
    QVERIFY(journal->saveCard(
        {u"~1"_s, u"C01"_s, u"1700000000.000100"_s, "{\"v\":3}", u"5.3"_s, CardShown::Redacted}));
    QVERIFY(journal->saveCard({u"~2"_s, u"C01"_s, u"1.2"_s, {}, {}}));

    const CardRef first = *journal->card(u"~1"_s, u"C01"_s);
    QCOMPARE(first.ts, u"1700000000.000100"_s);
    QCOMPARE(first.caseJson, QByteArray("{\"v\":3}"));
    QCOMPARE(first.hiveVersion, u"5.3"_s);
    QCOMPARE(first.shown, QString(CardShown::Redacted));
    QCOMPARE(first.postedAt, postedAt);
    QCOMPARE(first.updatedAt, m_clock.nowMs());
    const QList<CardRef> cards = journal->cards(u"~1"_s);
    QCOMPARE(cards.size(), 2);
    QCOMPARE(cards.at(0).channel, u"C01"_s); // first posted first
    QCOMPARE(cards.at(1).channel, u"C02"_s);
    QCOMPARE(cards.at(1).shown, QString(CardShown::Full));
    QCOMPARE(journal->card(u"~2"_s, u"C01"_s)->ts, u"1.2"_s);

    // A redraw updates what a saved card shows, never another card or a card not saved.
    QVERIFY(journal->updateCard(
        {u"~1"_s, u"C02"_s, u"1700000003.000200"_s, "{\"v\":4}", u"5.3"_s, CardShown::Hidden}));
    QCOMPARE(journal->card(u"~1"_s, u"C02"_s)->shown, QString(CardShown::Hidden));
    QCOMPARE(journal->card(u"~1"_s, u"C02"_s)->caseJson, QByteArray("{\"v\":4}"));
    QCOMPARE(journal->card(u"~1"_s, u"C01"_s)->caseJson, QByteArray("{\"v\":3}"));
    QVERIFY(!journal->updateCard({u"~1"_s, u"C02"_s, u"9.9"_s, "{}", u"5.3"_s}));
    QVERIFY(journal->lastError().contains(u"no saved card"_s));
    QVERIFY(!journal->updateCard({u"~9"_s, u"C01"_s, u"1.2"_s, "{}", u"5.3"_s}));
    QCOMPARE(journal->cards(u"~9"_s).size(), 0);

    QVERIFY(!journal->saveCard({u"~3"_s, u"C01"_s, {}, {}, {}}));
    QVERIFY(journal->lastError().contains(u"ts"_s));
    QVERIFY(!journal->saveCard({u"~3"_s, u"C01"_s, u"1.1"_s, {}, {}, u"partly"_s}));
    QVERIFY(!journal->card(u"~3"_s, u"C01"_s));

    // A card asked for with /hive names who asked; saving it again (a repost by its route,
    // a card found after a lost answer) does not forget that, and a routed card can be summoned.
    QVERIFY(journal->card(u"~1"_s, u"C01"_s)->summonedBy.isEmpty());
    QVERIFY(
        journal->saveCard({u"~1"_s, u"C03"_s, u"3.3"_s, {}, {}, CardShown::Full, u"U0ALICE"_s}));
    QCOMPARE(journal->card(u"~1"_s, u"C03"_s)->summonedBy, u"U0ALICE"_s);
    QVERIFY(journal->saveCard({u"~1"_s, u"C03"_s, u"3.4"_s, {}, {}}));
    QCOMPARE(journal->card(u"~1"_s, u"C03"_s)->summonedBy, u"U0ALICE"_s);
    QCOMPARE(journal->card(u"~1"_s, u"C03"_s)->ts, u"3.4"_s);
    QVERIFY(journal->saveCard(
        {u"~1"_s, u"C01"_s, u"1700000000.000100"_s, {}, {}, CardShown::Full, u"U0BOB"_s}));
    QCOMPARE(journal->card(u"~1"_s, u"C01"_s)->summonedBy, u"U0BOB"_s);
}

void TestJournal::countsAndActivityFilter()
{
    const auto journal = openJournal();
    QVERIFY(journal);
    const qint64 p1 =
        add(*journal, makeEvent(u"case.create"_s, u"~10"_s, {}, "{\"title\":\"VPN\"}"));
    const qint64 d1 = add(*journal, makeEvent(u"case.update"_s, u"~11"_s));
    const qint64 f1 =
        add(*journal, makeEvent(u"slack.block_actions"_s, {}, {}, "{\"a\":\"50%_off\"}"));
    const qint64 x1 = add(*journal, makeEvent(u"case.update"_s, u"~12"_s));
    NewEvent ign = makeEvent(u"case.update"_s, u"~13"_s);
    ign.ignored = true;
    ign.note = u"only observables changed"_s;
    const qint64 i1 = add(*journal, ign);
    QVERIFY(journal->markDelivered(d1));
    QVERIFY(journal->markFailed(f1, u"channel_not_found"_s));
    QVERIFY(journal->discard(x1));

    const Counts counts = journal->counts();
    QCOMPARE(counts.pending, 1);
    QCOMPARE(counts.delivered, 1);
    QCOMPARE(counts.failed, 1);
    QCOMPARE(counts.ignored, 1);
    QCOMPARE(counts.discarded, 1);

    const auto find = [&](const EventFilter &f) { return idsOf(journal->events(f)); };
    QCOMPARE(find({}), QList<qint64>({i1, x1, f1, d1, p1}));
    QCOMPARE(find({{u"failed"_s, u"pending"_s}, {}, 200, 0}), QList<qint64>({f1, p1}));
    QCOMPARE(find({{}, u"vpn"_s, 200, 0}), QList<qint64>{p1});            // payload, any case
    QCOMPARE(find({{}, u"channel_not"_s, 200, 0}), QList<qint64>{f1});    // last_error
    QCOMPARE(find({{}, u"observables"_s, 200, 0}), QList<qint64>{i1});    // note
    QCOMPARE(find({{}, u"~12"_s, 200, 0}), QList<qint64>{x1});            // case key
    QCOMPARE(find({{}, u"%_"_s, 200, 0}), QList<qint64>{f1});             // literal wildcards
    QCOMPARE(find({{}, QString::number(d1), 200, 0}).contains(d1), true); // event id
    QCOMPARE(find({{}, u"slack"_s, 200, 0}), QList<qint64>{f1});          // source / kind
    QCOMPARE(find({{}, {}, 2, 0}), QList<qint64>({i1, x1}));              // newest first
    QCOMPARE(find({{}, {}, 2, x1}), QList<qint64>({f1, d1}));             // next page
    QCOMPARE(find({{}, {}, 0, 0}).size(), 5);                             // no limit
    QVERIFY(journal->lastError().isEmpty());
}

void TestJournal::auditTrail()
{
    const auto journal = openJournal();
    QVERIFY(journal);
    const qint64 id = add(*journal, makeEvent(u"case.update"_s, u"~1"_s));
    QVERIFY(journal->audit(id, u"U123"_s, u"retry"_s, u"from console"_s));
    m_clock.advance(10);
    QVERIFY(journal->audit(0, u"admin"_s, u"settings.save"_s, u"channel changed"_s));
    m_clock.advance(10);
    QVERIFY(journal->audit(id, u"U456"_s, u"discard"_s, {}));

    const QList<AuditEntry> forEvent = journal->auditFor(id);
    QCOMPARE(forEvent.size(), 2);
    QCOMPARE(forEvent.at(0).actor, u"U123"_s);
    QCOMPARE(forEvent.at(0).action, u"retry"_s);
    QCOMPARE(forEvent.at(0).detail, u"from console"_s);
    QCOMPARE(forEvent.at(0).eventId, id);
    QCOMPARE(forEvent.at(1).action, u"discard"_s);
    QCOMPARE(forEvent.at(1).at, m_clock.nowMs());

    const QList<AuditEntry> recent = journal->recentAudit(2);
    QCOMPARE(recent.size(), 2);
    QCOMPARE(recent.at(0).action, u"discard"_s);
    QCOMPARE(recent.at(1).action, u"settings.save"_s);
    QCOMPARE(recent.at(1).eventId, 0);
    QCOMPARE(journal->recentAudit(0).size(), 3);
}

void TestJournal::userLinkCache()
{
    const auto journal = openJournal();
    QVERIFY(journal);
    QVERIFY(!journal->userLink(u"U1"_s));
    QVERIFY(journal->saveUserLink(u"U1"_s, u"alice@corp"_s, u"email"_s));
    const qint64 firstCheck = m_clock.nowMs();
    QCOMPARE(journal->userLink(u"U1"_s)->checkedAt, firstCheck);

    m_clock.advance(1000);
    QVERIFY(journal->saveUserLink(u"U1"_s, u"alice.admin@corp"_s, u"override"_s));
    const UserLink link = *journal->userLink(u"U1"_s);
    QCOMPARE(link.slackUserId, u"U1"_s);
    QCOMPARE(link.hiveLogin, u"alice.admin@corp"_s);
    QCOMPARE(link.source, u"override"_s);
    QCOMPARE(link.checkedAt, firstCheck + 1000);

    QVERIFY(!journal->saveUserLink(u"U2"_s, u"bob@corp"_s, u"guess"_s));
    QVERIFY2(journal->lastError().contains(u"CHECK"_s), qPrintable(journal->lastError()));
    QVERIFY(!journal->userLink(u"U2"_s));

    QVERIFY(journal->forgetUserLink(u"U1"_s));
    QVERIFY(!journal->userLink(u"U1"_s));
    QVERIFY(journal->forgetUserLink(u"U1"_s));
}

void TestJournal::writeMarksKeepTheFirstBeginningUntilEnded()
{
    const QString key = u"card:~1:C1"_s;
    {
        const auto journal = openJournal();
        QVERIFY(journal);
        QVERIFY(!journal->writeBegunAt(key));
        const qint64 first = m_clock.nowMs();
        QVERIFY(journal->beginWrite(key));
        m_clock.advance(5000);
        QVERIFY(journal->beginWrite(key)); // a second attempt keeps the first time
        QCOMPARE(journal->writeBegunAt(key), std::optional<qint64>(first));
        QVERIFY(!journal->writeBegunAt(u"card:~1:C2"_s));
    }
    // Still marked after a restart: the attempt before it may have happened.
    const auto journal = openJournal();
    QVERIFY(journal);
    QVERIFY(journal->writeBegunAt(key));
    QVERIFY(journal->endWrite(key));
    QVERIFY(!journal->writeBegunAt(key));
    QVERIFY(journal->endWrite(key));
    QVERIFY(journal->lastError().isEmpty());
}

void TestJournal::anEventsMarkEndsWithItsOutcome()
{
    const auto journal = openJournal();
    QVERIFY(journal);
    NewEvent e;
    e.source = u"slack"_s;
    e.kind = u"slack.view_submission"_s;
    const qint64 delivered = add(*journal, e);
    const qint64 failed = add(*journal, e);
    for (const qint64 id : {delivered, failed})
        QVERIFY(journal->beginWrite(Journal::eventWriteKey(id)));
    QVERIFY(journal->scheduleRetry(delivered, m_clock.nowMs(), u"lost answer"_s));
    QVERIFY(journal->writeBegunAt(Journal::eventWriteKey(delivered))); // still pending
    QVERIFY(journal->markDelivered(delivered));
    QVERIFY(!journal->writeBegunAt(Journal::eventWriteKey(delivered)));
    // A failed event may be retried from the console: its mark stays.
    QVERIFY(journal->markFailed(failed, u"TheHive unreachable"_s));
    QVERIFY(journal->writeBegunAt(Journal::eventWriteKey(failed)));
    QVERIFY(journal->discard(failed));
    QVERIFY(!journal->writeBegunAt(Journal::eventWriteKey(failed)));
    QVERIFY(journal->lastError().isEmpty());
}

void TestJournal::groupCommitOutcomes()
{
    const auto journal = openJournal();
    QVERIFY(journal);
    const qint64 earlier = add(*journal, makeEvent(u"case.create"_s, u"~1"_s, u"old"_s));
    QSignalSpy changed(journal.get(), &Journal::eventChanged);

    NewEvent noSource = makeEvent(u"case.update"_s, u"~2"_s, u"ns"_s);
    noSource.source.clear();
    const QList<AppendResult> results = journal->appendBatch({
        makeEvent(u"case.update"_s, u"~1"_s, u"a"_s),
        makeEvent(u"case.update"_s, u"~2"_s, u"b"_s),
        makeEvent(u"case.update"_s, u"~1"_s, u"a"_s), // repeated inside the batch
        noSource,
        makeEvent(u"case.create"_s, u"~1"_s, u"old"_s), // journaled before
        makeEvent(u"slack.block_actions"_s, {}),
    });
    QCOMPARE(results.size(), 6);
    QCOMPARE(results.at(0).outcome, AppendOutcome::Inserted);
    QCOMPARE(results.at(1).outcome, AppendOutcome::Inserted);
    QCOMPARE(results.at(2).outcome, AppendOutcome::Duplicate);
    QCOMPARE(results.at(2).id, results.at(0).id);
    QCOMPARE(results.at(3).outcome, AppendOutcome::Failed);
    QVERIFY(results.at(3).error.contains(u"no source"_s));
    QCOMPARE(results.at(4).outcome, AppendOutcome::Duplicate);
    QCOMPARE(results.at(4).id, earlier);
    QCOMPARE(results.at(5).outcome, AppendOutcome::Inserted);

    QCOMPARE(changed.size(), 3);
    // A live view gets the same ids through a queued connection, once the event loop runs.
    QList<qint64> seen;
    QObject view;
    connect(
        journal.get(), &Journal::eventChanged, &view, [&seen](qint64 id) { seen << id; },
        Qt::QueuedConnection);
    QVERIFY(journal->markDelivered(results.at(0).id));
    QVERIFY(seen.isEmpty());
    QTRY_COMPARE(seen, QList<qint64>{results.at(0).id});
    QCOMPARE(journal->counts().pending, 3);
    QCOMPARE(journal->event(results.at(1).id)->caseKey, u"~2"_s);
    QVERIFY(journal->appendBatch({}).isEmpty());
}

void TestJournal::lockedFileGivesClearErrors()
{
    QString error;
    const auto journal = Journal::open(path(), m_clock, &error, 100);
    QVERIFY2(journal, qPrintable(error));
    const qint64 id = add(*journal, makeEvent(u"case.create"_s, u"~1"_s));
    QSignalSpy changed(journal.get(), &Journal::eventChanged);
    {
        WriteLock lock(path());
        QVERIFY(lock.locked());
        const QList<AppendResult> results = journal->appendBatch(
            {makeEvent(u"case.update"_s, u"~1"_s, u"k1"_s), makeEvent(u"case.update"_s, u"~2"_s)});
        QCOMPARE(results.size(), 2);
        for (const AppendResult &r : results) {
            QCOMPARE(r.outcome, AppendOutcome::Failed);
            QVERIFY2(r.error.contains(u"locked"_s), qPrintable(r.error));
        }
        QVERIFY(!journal->markDelivered(id));
        QVERIFY2(journal->lastError().contains(u"locked"_s), qPrintable(journal->lastError()));
        // Reading still works next to a writer (WAL).
        QCOMPARE(journal->event(id)->state, u"pending"_s);
    }
    QCOMPARE(changed.size(), 0);
    QCOMPARE(journal->counts().pending, 1);
    // The key of the failed batch was not burnt: the sender's retry goes in.
    QCOMPARE(journal->append(makeEvent(u"case.update"_s, u"~1"_s, u"k1"_s)).outcome,
             AppendOutcome::Inserted);
    QVERIFY(journal->markDelivered(id));
}

void TestJournal::writeFailuresAreCountedUntilAWriteSucceeds()
{
    QString error;
    const auto journal = Journal::open(path(), m_clock, &error, 50);
    QVERIFY2(journal, qPrintable(error));
    const qint64 id = add(*journal, makeEvent(u"case.create"_s, u"~1"_s));
    QCOMPARE(journal->writeFailures(), quint64(0));
    QVERIFY(journal->lastWriteError().isEmpty());

    // Refusals of bad input or of a wrong state are not the storage failing.
    QCOMPARE(journal->append(makeEvent({}, u"~1"_s)).outcome, AppendOutcome::Failed);
    QVERIFY(!journal->retryNow(id + 100));
    QCOMPARE(journal->writeFailures(), quint64(0));
    QVERIFY(journal->lastWriteError().isEmpty());

    {
        WriteLock lock(path());
        QVERIFY(lock.locked());
        QCOMPARE(journal->append(makeEvent(u"case.update"_s, u"~2"_s)).outcome,
                 AppendOutcome::Failed);
        QVERIFY(!journal->markDelivered(id));
        QVERIFY(!journal->saveCard({u"~1"_s, u"C1"_s, u"1.1"_s, "{}", u"5.2"_s}));
        QVERIFY(!journal->audit(id, u"test"_s, u"noted"_s, {}));
        QCOMPARE(journal->writeFailures(), quint64(4));
        QVERIFY2(journal->lastWriteError().contains(u"locked"_s),
                 qPrintable(journal->lastWriteError()));
        // Reads do not clear it: only a write shows the journal writes again.
        QVERIFY(journal->event(id));
        QVERIFY(!journal->lastWriteError().isEmpty());
    }
    QVERIFY(!journal->lastWriteError().isEmpty());
    QVERIFY(journal->markDelivered(id));
    QVERIFY(journal->lastWriteError().isEmpty());
    QCOMPARE(journal->writeFailures(), quint64(4));
}

void TestJournal::reopenFindsEverything()
{
    qint64 delivered = 0, waiting = 0, blocked = 0, failed = 0;
    const qint64 retryAt = m_clock.nowMs() + 30000;
    {
        const auto journal = openJournal();
        QVERIFY(journal);
        delivered = add(*journal, makeEvent(u"case.create"_s, u"~1"_s, u"d"_s));
        waiting = add(*journal, makeEvent(u"case.update"_s, u"~2"_s, u"w"_s, "{\"w\":1}"));
        blocked = add(*journal, makeEvent(u"case.update"_s, u"~2"_s, u"b"_s));
        failed = add(*journal, makeEvent(u"slack.view_submission"_s, {}, u"f"_s));
        QVERIFY(journal->markDelivered(delivered, u"ts=9.9"_s));
        QVERIFY(journal->scheduleRetry(waiting, retryAt, u"HTTP 429"_s));
        QVERIFY(journal->markFailed(failed, u"expired_trigger_id"_s));
        QVERIFY(journal->saveCard({u"~1"_s, u"C1"_s, u"9.9"_s, "{}", u"5.2"_s}));
        QVERIFY(journal->audit(failed, u"bridge"_s, u"give-up"_s, u"12 attempts"_s));
        QVERIFY(journal->saveUserLink(u"U1"_s, u"alice"_s, u"email"_s));
    }
    const auto journal = openJournal();
    QVERIFY(journal);
    QCOMPARE(journal->event(delivered)->state, u"delivered"_s);
    QCOMPARE(journal->event(delivered)->note, u"ts=9.9"_s);
    const JournalEvent w = *journal->event(waiting);
    QCOMPARE(w.attempts, 1);
    QCOMPARE(w.nextAttemptAt, retryAt);
    QCOMPARE(w.lastError, u"HTTP 429"_s);
    QCOMPARE(w.payload, QByteArray("{\"w\":1}"));
    QCOMPARE(journal->event(failed)->state, u"failed"_s);
    QVERIFY(journal->due(10).isEmpty());
    QCOMPARE(journal->nextDueAt(), std::optional<qint64>(retryAt));
    m_clock.advance(30000);
    QCOMPARE(idsOf(journal->due(10)), QList<qint64>{waiting});
    QVERIFY(journal->markDelivered(waiting));
    QCOMPARE(idsOf(journal->due(10)), QList<qint64>{blocked});
    QCOMPARE(journal->card(u"~1"_s, u"C1"_s)->ts, u"9.9"_s);
    QCOMPARE(journal->auditFor(failed).size(), 1);
    QCOMPARE(journal->userLink(u"U1"_s)->hiveLogin, u"alice"_s);
    // Dedupe keys outlive the restart: a redelivered webhook is still a duplicate.
    QCOMPARE(journal->append(makeEvent(u"case.create"_s, u"~1"_s, u"d"_s)).outcome,
             AppendOutcome::Duplicate);
    // AUTOINCREMENT: new ids continue after the old ones.
    QVERIFY(add(*journal, makeEvent(u"case.update"_s, u"~3"_s)) > failed);
}

void TestJournal::twoJournalsSideBySide()
{
    auto first = openJournal(u"one.db"_s);
    const auto second = openJournal(u"two.db"_s);
    QVERIFY(first && second);
    QSignalSpy firstChanged(first.get(), &Journal::eventChanged);
    QSignalSpy secondChanged(second.get(), &Journal::eventChanged);
    const qint64 a = add(*first, makeEvent(u"case.create"_s, u"~1"_s, u"same-key"_s));
    const qint64 b = add(*second, makeEvent(u"case.create"_s, u"~1"_s, u"same-key"_s));
    QVERIFY(a > 0 && b > 0);
    QVERIFY(first->markDelivered(a));
    QCOMPARE(first->counts().delivered, 1);
    QCOMPARE(second->counts().pending, 1);
    QCOMPARE(second->counts().delivered, 0);
    QCOMPARE(firstChanged.size(), 2);
    QCOMPARE(secondChanged.size(), 1);

    // Closing one leaves the other's connection alone.
    first.reset();
    QVERIFY(second->markDelivered(b));
    QCOMPARE(second->counts().delivered, 1);
    first = openJournal(u"one.db"_s);
    QVERIFY(first);
    QCOMPARE(first->counts().delivered, 1);
}

void TestJournal::secondJournalOnSameFileSeesCommits()
{
    const auto writer = openJournal();
    const auto reader = openJournal();
    QVERIFY(writer && reader);
    // Nothing may stay uncommitted once a call returns (the RETURNING/finish() trap).
    const qint64 id = add(*writer, makeEvent(u"case.create"_s, u"~1"_s, u"k"_s));
    QCOMPARE(reader->counts().pending, 1);
    QCOMPARE(idsOf(reader->due(10)), QList<qint64>{id});
    QCOMPARE(reader->append(makeEvent(u"case.create"_s, u"~1"_s, u"k"_s)).id, id);

    const QList<AppendResult> batch = writer->appendBatch(
        {makeEvent(u"case.update"_s, u"~1"_s), makeEvent(u"case.update"_s, u"~2"_s)});
    QCOMPARE(reader->counts().pending, 3);
    QVERIFY(reader->markDelivered(id));
    QCOMPARE(writer->event(id)->state, u"delivered"_s);
    QCOMPARE(idsOf(writer->due(10)), QList<qint64>({batch.at(0).id, batch.at(1).id}));
    QVERIFY(writer->saveCard({u"~1"_s, u"C"_s, u"1.1"_s, {}, {}}));
    QCOMPARE(reader->card(u"~1"_s, u"C"_s)->ts, u"1.1"_s);
}

void TestJournal::killedMidStreamLosesNothing()
{
    const QString file = path(u"crash.db"_s);
    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QString::fromLatin1(crashFileVariable), file);
    child.setProcessEnvironment(env);
    child.start(QCoreApplication::applicationFilePath(), {u"crashChild"_s});
    QVERIFY(child.waitForStarted());

    QHash<qint64, QString> inserted; // id → dedupe key, each reported only after its commit
    QSet<qint64> delivered;
    QByteArray pending;
    QElapsedTimer waited;
    waited.start();
    while (inserted.size() < 300 && waited.elapsed() < 60000 && child.waitForReadyRead(5000)) {
        pending += child.readAllStandardOutput();
        qsizetype nl;
        while ((nl = pending.indexOf('\n')) >= 0) {
            const QList<QByteArray> parts = pending.left(nl).split(' ');
            pending.remove(0, nl + 1);
            if (parts.size() >= 3 && parts.at(0) == "JOURNAL-CHILD" && parts.at(1) == "I")
                inserted.insert(parts.at(2).toLongLong(), QString::fromUtf8(parts.value(3)));
            else if (parts.size() >= 3 && parts.at(0) == "JOURNAL-CHILD" && parts.at(1) == "D")
                delivered.insert(parts.at(2).toLongLong());
        }
    }
    child.kill(); // SIGKILL, mid-stream
    QVERIFY(child.waitForFinished(10000));
    QCOMPARE(child.exitStatus(), QProcess::CrashExit);
    QVERIFY2(inserted.size() >= 300,
             qPrintable(u"child reported only %1 events"_s.arg(inserted.size())));

    const auto journal = openJournal(u"crash.db"_s);
    QVERIFY(journal);
    for (auto it = inserted.cbegin(); it != inserted.cend(); ++it) {
        const std::optional<JournalEvent> e = journal->event(it.key());
        QVERIFY2(e, qPrintable(u"event %1 lost"_s.arg(it.key())));
        QCOMPARE(e->dedupeKey, it.value());
        QCOMPARE(e->state, delivered.contains(it.key()) ? u"delivered"_s : u"pending"_s);
    }
    for (const JournalEvent &e : journal->due(100000))
        QVERIFY2(!delivered.contains(e.id), "a delivered event came back as due");
}

void TestJournal::crashChild()
{
    const QString file = qEnvironmentVariable(crashFileVariable);
    if (file.isEmpty())
        QSKIP("runs only as the child process of killedMidStreamLosesNothing");
    const auto journal = Journal::open(file, m_clock, nullptr);
    QVERIFY(journal);
    // Appends until killed; every line is printed only after the write has committed.
    for (int i = 0;; ++i) {
        if (i % 4 == 3) {
            QList<NewEvent> batch;
            for (int j = 0; j < 5; ++j)
                batch << makeEvent(u"case.update"_s, u"~%1"_s.arg(j), u"b%1-%2"_s.arg(i).arg(j));
            const QList<AppendResult> results = journal->appendBatch(batch);
            for (int j = 0; j < results.size(); ++j)
                std::printf("JOURNAL-CHILD I %lld b%d-%d\n", results.at(j).id, i, j);
        } else {
            const AppendResult r =
                journal->append(makeEvent(u"case.update"_s, u"~%1"_s.arg(i % 7), u"s%1"_s.arg(i)));
            QCOMPARE(r.outcome, AppendOutcome::Inserted);
            std::printf("JOURNAL-CHILD I %lld s%d\n", r.id, i);
            if (i % 3 == 0 && journal->markDelivered(r.id))
                std::printf("JOURNAL-CHILD D %lld\n", r.id);
        }
        std::fflush(stdout);
    }
}

void TestJournal::throughputLog()
{
    const auto journal = openJournal(u"bench.db"_s);
    QVERIFY(journal);
    const QByteArray payload(600, 'p');
    const auto event = [&](int i) {
        return makeEvent(u"case.update"_s, u"~%1"_s.arg(i % 50), u"bench-%1"_s.arg(i), payload);
    };

    const int singles = 400;
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < singles; ++i)
        QCOMPARE(journal->append(event(i)).outcome, AppendOutcome::Inserted);
    const double singleRate = singles * 1000.0 / std::max<qint64>(timer.elapsed(), 1);

    QStringList grouped;
    int next = singles;
    for (const int batchSize : {10, 100}) {
        const int batches = 4000 / batchSize;
        timer.restart();
        for (int b = 0; b < batches; ++b) {
            QList<NewEvent> batch;
            for (int i = 0; i < batchSize; ++i)
                batch << event(next++);
            const QList<AppendResult> results = journal->appendBatch(batch);
            QCOMPARE(results.constLast().outcome, AppendOutcome::Inserted);
        }
        const double rate = batches * batchSize * 1000.0 / std::max<qint64>(timer.elapsed(), 1);
        grouped << u"%1 per commit: %2/s"_s.arg(batchSize).arg(qRound(rate));
    }
    qInfo().noquote()
        << u"journal throughput (600-byte payloads, WAL+FULL): single appends: %1/s; "_s.arg(
               qRound(singleRate))
        << grouped.join(u"; "_s);
    QCOMPARE(journal->counts().pending, next);
}

QTEST_GUILESS_MAIN(TestJournal)
#include "tst_journal.moc"
