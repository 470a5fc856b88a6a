#include "activitymodel.h"
#include "activitypage.h"

#include "core/clock.h"
#include "journal/journal.h"

#include <QComboBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

namespace {

/// Fixed time: the page only reads the journal, so nothing needs to move.
class FixedClock final : public Bridge::Clock
{
public:
    qint64 nowMs() const override { return Q_INT64_C(1700000000000); }
};

} // namespace

class TestActivityPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void failedEventCanBeRetriedAndDiscarded();
    void deliveredEventOffersNoActions();

private:
    qint64 appendEvent(const QString &caseKey);
    QString shownState(const Console::ActivityPage &page, qint64 id) const;

    FixedClock m_clock;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Bridge::Journal> m_journal;
};

void TestActivityPage::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QString error;
    m_journal =
        Bridge::Journal::open(m_dir->filePath(QStringLiteral("journal.sqlite")), m_clock, &error);
    QVERIFY2(m_journal, qPrintable(error));
}

void TestActivityPage::cleanup()
{
    m_journal.reset();
    m_dir.reset();
}

qint64 TestActivityPage::appendEvent(const QString &caseKey)
{
    Bridge::NewEvent event;
    event.source = QString(Bridge::EventSource::TheHive);
    event.kind = QStringLiteral("case.update");
    event.caseKey = caseKey;
    event.payload = R"({"objectId":")" + caseKey.toUtf8() + R"(","operation":"update"})";
    const Bridge::AppendResult result = m_journal->append(event);
    if (result.outcome != Bridge::AppendOutcome::Inserted)
        qWarning("append failed: %s", qPrintable(result.error));
    return result.id;
}

QString TestActivityPage::shownState(const Console::ActivityPage &page, qint64 id) const
{
    const int row = page.model()->rowOf(id);
    if (row < 0)
        return {};
    return page.model()->index(row, Console::ActivityModel::State).data(Qt::DisplayRole).toString();
}

void TestActivityPage::failedEventCanBeRetriedAndDiscarded()
{
    QList<qint64> retried;
    Console::ActivityPage page(*m_journal, [&retried](qint64 id) {
        retried.append(id);
        return true;
    });
    page.resize(800, 600);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));

    const qint64 id = appendEvent(QStringLiteral("~4096"));
    QVERIFY(id > 0);
    QCOMPARE(shownState(page, id), QStringLiteral("pending"));
    QVERIFY(m_journal->markFailed(id, QStringLiteral("TheHive answered 500")));
    // The page follows the journal without being told.
    QCOMPARE(shownState(page, id), QStringLiteral("failed"));
    QCOMPARE(page.model()
                 ->index(page.model()->rowOf(id), Console::ActivityModel::LastError)
                 .data()
                 .toString(),
             QStringLiteral("TheHive answered 500"));

    QVERIFY(!page.retryButton()->isEnabled());
    page.table()->selectRow(page.model()->rowOf(id));
    QVERIFY(page.retryButton()->isEnabled());
    QVERIFY(page.discardButton()->isEnabled());
    QVERIFY(page.details()->toPlainText().contains(QStringLiteral("\"objectId\": \"~4096\"")));

    QTest::mouseClick(page.retryButton(), Qt::LeftButton);
    QCOMPARE(retried, QList<qint64>{id});

    QTest::mouseClick(page.discardButton(), Qt::LeftButton);
    const std::optional<Bridge::JournalEvent> stored = m_journal->event(id);
    QVERIFY(stored);
    QCOMPARE(stored->state, QStringLiteral("discarded"));
    // The selection survives the refresh, and a discarded event offers nothing more.
    QCOMPARE(shownState(page, id), QStringLiteral("discarded"));
    QVERIFY(!page.retryButton()->isEnabled());
    QVERIFY(!page.discardButton()->isEnabled());
}

void TestActivityPage::deliveredEventOffersNoActions()
{
    Console::ActivityPage page(*m_journal, [](qint64) { return false; });
    const qint64 delivered = appendEvent(QStringLiteral("~1"));
    const qint64 failed = appendEvent(QStringLiteral("~2"));
    QVERIFY(m_journal->markDelivered(delivered));
    QVERIFY(m_journal->markFailed(failed, QStringLiteral("boom")));
    QCOMPARE(page.model()->rowCount(), 2);

    page.table()->selectRow(page.model()->rowOf(delivered));
    QVERIFY(!page.retryButton()->isEnabled());
    QVERIFY(!page.discardButton()->isEnabled());

    // The state filter narrows the rows to failed ones.
    auto *stateFilter = page.findChild<QComboBox *>();
    QVERIFY(stateFilter);
    stateFilter->setCurrentIndex(stateFilter->findData(QStringLiteral("failed")));
    QCOMPARE(page.model()->rowCount(), 1);
    QCOMPARE(page.model()->eventAt(0)->id, failed);
}

QTEST_MAIN(TestActivityPage)
#include "tst_activitypage.moc"
