#include "journal/retrypolicy.h"

#include <QTest>

#include <limits>

using namespace Bridge;

class TestRetryPolicy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void exponentialBackoff_data();
    void exponentialBackoff();
    void jitterBounds_data();
    void jitterBounds();
    void retryAfterWins_data();
    void retryAfterWins();
    void neverNegative();
    void defaultRandomSourceStaysInBand();
    void giveUp_data();
    void giveUp();
    void retryWindowSumsTheBackoff();
};

void TestRetryPolicy::exponentialBackoff_data()
{
    QTest::addColumn<int>("attempt");
    QTest::addColumn<qint64>("expected");
    QTest::newRow("first failure") << 1 << qint64(1000);
    QTest::newRow("second") << 2 << qint64(2000);
    QTest::newRow("third") << 3 << qint64(4000);
    QTest::newRow("ninth") << 9 << qint64(256000);
    QTest::newRow("tenth hits the cap") << 10 << qint64(300000);
    QTest::newRow("far past the cap") << 40 << qint64(300000);
    QTest::newRow("no overflow at int max") << std::numeric_limits<int>::max() << qint64(300000);
    QTest::newRow("attempt 0 counts as 1") << 0 << qint64(1000);
    QTest::newRow("negative attempt counts as 1") << -3 << qint64(1000);
}

void TestRetryPolicy::exponentialBackoff()
{
    QFETCH(int, attempt);
    QFETCH(qint64, expected);
    RetryPolicy policy;
    policy.jitter = 0.0;
    QCOMPARE(retryDelayMs(policy, attempt, std::nullopt, [] { return 0.73; }), expected);
}

void TestRetryPolicy::jitterBounds_data()
{
    QTest::addColumn<double>("random");
    QTest::addColumn<qint64>("expected");
    // attempt 3 → 4000 ms before jitter, jitter 0.2 → [3200, 4800]
    QTest::newRow("low end") << 0.0 << qint64(3200);
    QTest::newRow("middle") << 0.5 << qint64(4000);
    QTest::newRow("quarter") << 0.25 << qint64(3600);
    QTest::newRow("high end") << 1.0 << qint64(4800);
    QTest::newRow("below range is clamped") << -7.0 << qint64(3200);
    QTest::newRow("above range is clamped") << 9.0 << qint64(4800);
    QTest::newRow("NaN is the middle") << std::numeric_limits<double>::quiet_NaN() << qint64(4000);
}

void TestRetryPolicy::jitterBounds()
{
    QFETCH(double, random);
    QFETCH(qint64, expected);
    QCOMPARE(retryDelayMs(RetryPolicy{}, 3, std::nullopt, [random] { return random; }), expected);
}

void TestRetryPolicy::retryAfterWins_data()
{
    QTest::addColumn<int>("attempt");
    QTest::addColumn<int>("retryAfter");
    QTest::addColumn<double>("random");
    QTest::addColumn<qint64>("expected");
    QTest::newRow("longer than backoff") << 1 << 30 << 0.0 << qint64(30000);
    QTest::newRow("jitter only adds") << 1 << 30 << 1.0 << qint64(36000);
    QTest::newRow("shorter than a late backoff") << 9 << 2 << 0.0 << qint64(2000);
    QTest::newRow("beyond the cap") << 1 << 3600 << 0.0 << qint64(3600000);
    QTest::newRow("zero falls back to backoff") << 2 << 0 << 0.5 << qint64(2000);
    QTest::newRow("negative falls back to backoff") << 2 << -5 << 0.5 << qint64(2000);
}

void TestRetryPolicy::retryAfterWins()
{
    QFETCH(int, attempt);
    QFETCH(int, retryAfter);
    QFETCH(double, random);
    QFETCH(qint64, expected);
    QCOMPARE(retryDelayMs(RetryPolicy{}, attempt, retryAfter, [random] { return random; }),
             expected);
}

void TestRetryPolicy::neverNegative()
{
    RetryPolicy wild;
    wild.jitter = 3.0; // clamped to 1: the low end is exactly 0
    QCOMPARE(retryDelayMs(wild, 1, std::nullopt, [] { return 0.0; }), qint64(0));
    QCOMPARE(retryDelayMs(wild, 1, std::nullopt, [] { return 1.0; }), qint64(2000));

    RetryPolicy negative;
    negative.baseMs = -500;
    negative.capMs = -1;
    QCOMPARE(retryDelayMs(negative, 4, std::nullopt, [] { return 0.0; }), qint64(0));

    RetryPolicy negativeJitter;
    negativeJitter.jitter = -0.5; // clamped to 0: no jitter at all
    QCOMPARE(retryDelayMs(negativeJitter, 2, std::nullopt, [] { return 0.0; }), qint64(2000));
}

void TestRetryPolicy::defaultRandomSourceStaysInBand()
{
    const RetryPolicy policy;
    QSet<qint64> seen;
    for (int i = 0; i < 200; ++i) {
        const qint64 delay = retryDelayMs(policy, 2, std::nullopt);
        QVERIFY2(delay >= 1600 && delay <= 2400, QByteArray::number(delay).constData());
        seen.insert(delay);
    }
    QVERIFY2(seen.size() > 10, "the global generator should actually jitter");
}

void TestRetryPolicy::giveUp_data()
{
    QTest::addColumn<int>("maxAttempts");
    QTest::addColumn<int>("attempts");
    QTest::addColumn<bool>("expected");
    QTest::newRow("fresh") << 12 << 0 << false;
    QTest::newRow("one left") << 12 << 11 << false;
    QTest::newRow("exhausted") << 12 << 12 << true;
    QTest::newRow("beyond") << 12 << 20 << true;
    QTest::newRow("single attempt policy") << 1 << 1 << true;
    QTest::newRow("unlimited") << 0 << 1000 << false;
    QTest::newRow("negative means unlimited") << -1 << 1000 << false;
}

void TestRetryPolicy::giveUp()
{
    QFETCH(int, maxAttempts);
    QFETCH(int, attempts);
    QFETCH(bool, expected);
    RetryPolicy policy;
    policy.maxAttempts = maxAttempts;
    QCOMPARE(shouldGiveUp(policy, attempts), expected);
}

void TestRetryPolicy::retryWindowSumsTheBackoff()
{
    // Eleven waits before the twelfth failed attempt: 1 + 2 + … + 256 s, then 300 s twice.
    QCOMPARE(retryWindowMs(RetryPolicy{}).value_or(-1), qint64(511 + 600) * 1000);
    QCOMPARE(retryWindowMs(RetryPolicy{.baseMs = 1, .maxAttempts = 3}).value_or(-1), qint64(3));
    QCOMPARE(retryWindowMs(RetryPolicy{.maxAttempts = 1}).value_or(-1), qint64(0));
    QVERIFY(!retryWindowMs(RetryPolicy{.maxAttempts = 0}));
}

QTEST_GUILESS_MAIN(TestRetryPolicy)
#include "tst_retrypolicy.moc"
