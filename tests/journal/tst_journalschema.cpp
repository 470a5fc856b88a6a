#include "core/clock.h"
#include "journal/journal.h"
#include "journal/journalschema.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Bridge;
using namespace Qt::StringLiterals;

namespace {

class ManualClock final : public Clock
{
public:
    qint64 nowMs() const override { return 1'700'000'000'000; }
};

// A plain connection of the test's own, to look at a file from outside the journal.
class RawDb
{
public:
    explicit RawDb(const QString &path)
        : m_name(u"raw-%1"_s.arg(++s_serial))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_name);
        db.setDatabaseName(path);
        db.open();
    }
    ~RawDb()
    {
        QSqlDatabase::database(m_name, false).close();
        QSqlDatabase::removeDatabase(m_name);
    }
    Q_DISABLE_COPY_MOVE(RawDb)

    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }
    bool exec(const QString &sql) const
    {
        QSqlQuery q(db());
        return q.exec(sql);
    }
    QVariant value(const QString &sql) const
    {
        QSqlQuery q(db());
        if (!q.exec(sql) || !q.next())
            return {};
        return q.value(0);
    }
    QStringList names(const QString &type) const
    {
        QSqlQuery q(db());
        q.exec(u"SELECT name FROM sqlite_master WHERE type = '%1' AND name NOT LIKE 'sqlite_%'"
               " ORDER BY name"_s.arg(type));
        QStringList names;
        while (q.next())
            names << q.value(0).toString();
        return names;
    }

private:
    static inline int s_serial = 0;
    QString m_name;
};

QByteArray fileHash(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

} // namespace

class TestJournalSchema : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void freshFileGetsLatestSchema();
    void pragmasAreSet();
    void migratesAnEmptyFile();
    void reopeningIsANoOp();
    void newerSchemaIsRefusedUntouched();
    void upgradesAVersion1File();
    void upgradesAVersion2FileKeepingItsCards();
    void upgradesAVersion3FileWithRetentionIndexes();
    void failedMigrationRollsBack();
    void notADatabase();
    void unreachablePath();

private:
    QString path(const QString &name) const { return m_dir->filePath(name); }

    std::unique_ptr<QTemporaryDir> m_dir;
    ManualClock m_clock;
};

void TestJournalSchema::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestJournalSchema::cleanup()
{
    m_dir.reset();
}

void TestJournalSchema::freshFileGetsLatestSchema()
{
    QString error;
    {
        const auto journal = Journal::open(path(u"j.db"_s), m_clock, &error);
        QVERIFY2(journal, qPrintable(error));
        QVERIFY(error.isEmpty());
    }
    RawDb raw(path(u"j.db"_s));
    QCOMPARE(JournalSchema::storedVersion(raw.db(), &error), std::optional<int>(8));
    QCOMPARE(JournalSchema::latestVersion(), 8);
    QCOMPARE(raw.names(u"table"_s),
             QStringList({u"alert_cards"_s, u"audit"_s, u"cards"_s, u"events"_s, u"meta"_s,
                          u"user_links"_s, u"writes_begun"_s}));
    QCOMPARE(raw.names(u"index"_s),
             QStringList({u"alert_cards_age"_s, u"alert_cards_by_message"_s, u"audit_event"_s,
                          u"cards_age"_s, u"cards_by_message"_s, u"events_case_order"_s,
                          u"events_pending"_s, u"events_pending_case"_s, u"events_settled_age"_s,
                          u"events_state_due"_s}));
    QCOMPARE(raw.value(u"SELECT value FROM meta WHERE key = 'schema_version'"_s).toString(),
             u"8"_s);
    // WAL is a property of the file, so it shows from any connection.
    QCOMPARE(raw.value(u"PRAGMA journal_mode"_s).toString(), u"wal"_s);
}

void TestJournalSchema::pragmasAreSet()
{
    RawDb raw(path(u"p.db"_s));
    QString error;
    QVERIFY2(JournalSchema::prepare(raw.db(), 1234, &error), qPrintable(error));
    QCOMPARE(raw.value(u"PRAGMA journal_mode"_s).toString(), u"wal"_s);
    QCOMPARE(raw.value(u"PRAGMA synchronous"_s).toInt(), 2); // FULL
    QCOMPARE(raw.value(u"PRAGMA foreign_keys"_s).toInt(), 1);
    QCOMPARE(raw.value(u"PRAGMA busy_timeout"_s).toInt(), 1234);
}

void TestJournalSchema::migratesAnEmptyFile()
{
    QFile empty(path(u"empty.db"_s));
    QVERIFY(empty.open(QIODevice::WriteOnly));
    empty.close();
    QCOMPARE(QFileInfo(empty).size(), 0);

    QString error;
    const auto journal = Journal::open(path(u"empty.db"_s), m_clock, &error);
    QVERIFY2(journal, qPrintable(error));
    NewEvent e;
    e.source = u"thehive"_s;
    e.kind = u"case.create"_s;
    QCOMPARE(journal->append(e).outcome, AppendOutcome::Inserted);
    RawDb raw(path(u"empty.db"_s));
    QCOMPARE(JournalSchema::storedVersion(raw.db(), &error),
             std::optional<int>(JournalSchema::latestVersion()));
}

void TestJournalSchema::reopeningIsANoOp()
{
    QString error;
    RawDb raw(path(u"r.db"_s));
    QVERIFY2(JournalSchema::prepare(raw.db(), 100, &error), qPrintable(error));
    QVERIFY(raw.exec(u"INSERT INTO cards(case_id, channel, ts, posted_at, updated_at) "
                     "VALUES('c1', 'C1', '1.2', 1, 1)"_s));
    QVERIFY2(JournalSchema::prepare(raw.db(), 100, &error), qPrintable(error));
    const auto journal = Journal::open(path(u"r.db"_s), m_clock, &error);
    QVERIFY2(journal, qPrintable(error));
    QCOMPARE(journal->card(u"c1"_s, u"C1"_s)->ts, u"1.2"_s);
    QCOMPARE(JournalSchema::storedVersion(raw.db(), &error), std::optional<int>(8));
}

void TestJournalSchema::newerSchemaIsRefusedUntouched()
{
    const QString file = path(u"future.db"_s);
    {
        RawDb raw(file);
        QVERIFY(raw.exec(u"CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT)"_s));
        QVERIFY(raw.exec(u"INSERT INTO meta VALUES('schema_version', '99')"_s));
        QVERIFY(raw.exec(u"CREATE TABLE events_v99(x)"_s));
    }
    const QByteArray before = fileHash(file);
    QVERIFY(!before.isEmpty());

    QString error;
    const auto journal = Journal::open(file, m_clock, &error);
    QVERIFY(!journal);
    QVERIFY2(error.contains(u"99"_s) && error.contains(u"newer"_s), qPrintable(error));
    QVERIFY2(error.contains(file), qPrintable(error));

    QCOMPARE(fileHash(file), before);
    QVERIFY(!QFile::exists(file + u"-wal"_s));
    RawDb raw(file);
    QCOMPARE(raw.value(u"PRAGMA journal_mode"_s).toString(), u"delete"_s);
    QCOMPARE(raw.names(u"table"_s), QStringList({u"events_v99"_s, u"meta"_s}));

    // migrate() on its own refuses too, with a list that stops below the stored version.
    QVERIFY(!JournalSchema::migrate(raw.db(), JournalSchema::migrations(), &error));
    QVERIFY2(error.contains(u"newer"_s), qPrintable(error));
}

void TestJournalSchema::upgradesAVersion1File()
{
    {
        RawDb raw(path(u"v1.db"_s));
        QString error;
        QVERIFY2(JournalSchema::configure(raw.db(), &error), qPrintable(error));
        QVERIFY2(JournalSchema::migrate(raw.db(), JournalSchema::migrations().mid(0, 1), &error),
                 qPrintable(error));
        QVERIFY(raw.exec(u"INSERT INTO events(source, kind, state, created_at, updated_at) "
                         "VALUES('thehive', 'case.create', 'pending', 1, 1)"_s));
    }
    QString error;
    const auto journal = Journal::open(path(u"v1.db"_s), m_clock, &error);
    QVERIFY2(journal, qPrintable(error));
    QCOMPARE(journal->due(10).size(), 1); // the pending event survived the upgrade
    RawDb raw(path(u"v1.db"_s));
    QCOMPARE(JournalSchema::storedVersion(raw.db(), &error), std::optional<int>(8));
    QVERIFY(raw.names(u"index"_s).contains(u"events_pending"_s));
}

void TestJournalSchema::upgradesAVersion2FileKeepingItsCards()
{
    {
        RawDb raw(path(u"v2.db"_s));
        QString error;
        QVERIFY2(JournalSchema::configure(raw.db(), &error), qPrintable(error));
        QVERIFY2(JournalSchema::migrate(raw.db(), JournalSchema::migrations().mid(0, 2), &error),
                 qPrintable(error));
        QVERIFY(
            raw.exec(u"INSERT INTO cards VALUES('~7', 'C1', '1.2', '{\"tlp\":1}', '5.2', 5, 6)"_s));
    }
    QString error;
    const auto journal = Journal::open(path(u"v2.db"_s), m_clock, &error);
    QVERIFY2(journal, qPrintable(error));
    const CardRef card = *journal->card(u"~7"_s, u"C1"_s);
    QCOMPARE(card.ts, u"1.2"_s);
    QCOMPARE(card.caseJson, QByteArray("{\"tlp\":1}"));
    QCOMPARE(card.shown, QString(CardShown::Full));
    QCOMPARE(card.postedAt, 5);
    // A second channel's card for the same case now fits beside it.
    QVERIFY(journal->saveCard({u"~7"_s, u"C2"_s, u"3.4"_s, {}, u"5.2"_s, CardShown::Redacted}));
    QCOMPARE(journal->cards(u"~7"_s).size(), 2);
}

void TestJournalSchema::upgradesAVersion3FileWithRetentionIndexes()
{
    {
        RawDb raw(path(u"v3.db"_s));
        QString error;
        QVERIFY2(JournalSchema::configure(raw.db(), &error), qPrintable(error));
        QVERIFY2(JournalSchema::migrate(raw.db(), JournalSchema::migrations().mid(0, 3), &error),
                 qPrintable(error));
        QVERIFY(raw.exec(u"INSERT INTO events(source, kind, state, created_at, updated_at) "
                         "VALUES('thehive', 'case.update', 'delivered', 1, 2)"_s));
        QVERIFY(raw.exec(u"INSERT INTO cards(case_id, channel, ts, posted_at, updated_at) "
                         "VALUES('~7', 'C1', '1.2', 5, 6)"_s));
    }
    QString error;
    const auto journal = Journal::open(path(u"v3.db"_s), m_clock, &error);
    QVERIFY2(journal, qPrintable(error));
    QCOMPARE(journal->counts().delivered, 1);
    QCOMPARE(journal->card(u"~7"_s, u"C1"_s)->ts, u"1.2"_s);
    RawDb raw(path(u"v3.db"_s));
    QCOMPARE(JournalSchema::storedVersion(raw.db(), &error), std::optional<int>(8));
    // Retention's batch query can walk the new index oldest first, without sorting the table.
    QSqlQuery plan(raw.db());
    QVERIFY2(plan.exec(u"EXPLAIN QUERY PLAN SELECT id FROM events INDEXED BY events_settled_age"
                       " WHERE state IN ('delivered','ignored','discarded') AND updated_at < 10"
                       " ORDER BY updated_at LIMIT 5"_s),
             qPrintable(plan.lastError().text()));
    QString steps;
    while (plan.next())
        steps += plan.value(3).toString() + u'\n';
    QVERIFY2(steps.contains(u"events_settled_age"_s) && !steps.contains(u"TEMP B-TREE"_s),
             qPrintable(steps));
}

void TestJournalSchema::failedMigrationRollsBack()
{
    RawDb raw(path(u"m.db"_s));
    QString error;
    QVERIFY2(JournalSchema::configure(raw.db(), &error), qPrintable(error));
    QList<JournalSchema::Migration> steps = JournalSchema::migrations();
    const int known = JournalSchema::latestVersion();
    steps.append(JournalSchema::Migration{
        known + 1,
        {u"CREATE TABLE extra(a)"_s, u"INSERT INTO extra VALUES(1)"_s, u"THIS IS NOT SQL"_s}});

    QVERIFY(!JournalSchema::migrate(raw.db(), steps, &error));
    QVERIFY2(error.contains(u"version %1"_s.arg(known + 1)), qPrintable(error));
    // The known versions committed on their own; the failing one left nothing behind.
    QCOMPARE(JournalSchema::storedVersion(raw.db(), &error), std::optional<int>(known));
    QVERIFY(!raw.names(u"table"_s).contains(u"extra"_s));
    QVERIFY(raw.names(u"table"_s).contains(u"events"_s));

    // Fixed migration applies on the next run.
    steps.last().statements.removeLast();
    QVERIFY2(JournalSchema::migrate(raw.db(), steps, &error), qPrintable(error));
    QCOMPARE(JournalSchema::storedVersion(raw.db(), &error), std::optional<int>(known + 1));
    QCOMPARE(raw.value(u"SELECT a FROM extra"_s).toInt(), 1);

    // This build does not know that version: the migrated file is now "newer".
    QString openError;
    QVERIFY(!Journal::open(path(u"m.db"_s), m_clock, &openError));
    QVERIFY2(openError.contains(u"version %1 is newer"_s.arg(known + 1)), qPrintable(openError));
}

void TestJournalSchema::notADatabase()
{
    QFile junk(path(u"junk.db"_s));
    QVERIFY(junk.open(QIODevice::WriteOnly));
    junk.write(QByteArray(4096, 'x'));
    junk.close();
    QString error;
    QVERIFY(!Journal::open(junk.fileName(), m_clock, &error));
    QVERIFY2(error.contains(u"not a database"_s), qPrintable(error));
}

void TestJournalSchema::unreachablePath()
{
    QString error;
    const QString file = path(u"no/such/dir/j.db"_s);
    QVERIFY(!Journal::open(file, m_clock, &error));
    QVERIFY2(error.startsWith(u"cannot open the journal "_s % file), qPrintable(error));
    QVERIFY2(error.size() > file.size() + 30, qPrintable(error));
}

QTEST_GUILESS_MAIN(TestJournalSchema)
#include "tst_journalschema.moc"
