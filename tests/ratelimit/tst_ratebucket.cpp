#include "ratelimit/ratebucket.h"
#include "ratelimit/slackratelimits.h"

#include <QTest>

using Bridge::RateBucket;
using Bridge::RateSpec;

class TestRateBucket : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aBurstGoesAtOnceThenThePaceHolds()
    {
        RateBucket bucket(RateSpec{60, 3}); // one a second, three at once
        const qint64 t0 = 1'000'000;
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(bucket.readyAt(t0), t0);
            bucket.take(t0);
        }
        QCOMPARE(bucket.readyAt(t0), t0 + 1000);
        bucket.take(t0 + 1000);
        QCOMPARE(bucket.readyAt(t0 + 1000), t0 + 2000);
        // Idle time refills, but never beyond the burst.
        QCOMPARE(bucket.readyAt(t0 + 60'000), t0 + 60'000);
        for (int i = 0; i < 3; ++i)
            bucket.take(t0 + 60'000);
        QCOMPARE(bucket.readyAt(t0 + 60'000), t0 + 61'000);
    }

    void aTierPaceIsItsRatePerMinute()
    {
        RateBucket bucket(RateSpec{50, 1}); // Tier 3: 1.2 s apart
        bucket.take(0);
        QCOMPARE(bucket.readyAt(0), qint64(1200));
        bucket.take(1200);
        QCOMPARE(bucket.readyAt(1300), qint64(2400));
    }

    void aPauseHoldsEverythingThenResumesWithoutABurst()
    {
        RateBucket bucket(RateSpec{60, 5});
        const qint64 t0 = 10'000;
        bucket.take(t0);
        QCOMPARE(bucket.pauseUntil(t0 + 3000, t0), qint64(3000));
        QCOMPARE(bucket.readyAt(t0), t0 + 3000);
        QCOMPARE(bucket.readyAt(t0 + 2999), t0 + 3000);
        bucket.take(t0 + 3000);
        // Four tokens were left before the 429; Slack's own bucket is empty, so only the pace.
        QCOMPARE(bucket.readyAt(t0 + 3000), t0 + 4000);
    }

    void overlappingPausesCountOnlyTheTimeTheyAdd()
    {
        RateBucket bucket(RateSpec{60, 1});
        QCOMPARE(bucket.pauseUntil(2000, 0), qint64(2000));
        QCOMPARE(bucket.pauseUntil(1500, 500), qint64(0)); // inside the running pause
        QCOMPARE(bucket.pauseUntil(3000, 1000), qint64(1000));
        QCOMPARE(bucket.readyAt(0), qint64(3000));
    }

    void slackTiersByMethod()
    {
        const Bridge::SlackRateLimits limits;
        QCOMPARE(limits.forMethod(QStringLiteral("chat.update")), limits.tier3);
        QCOMPARE(limits.forMethod(QStringLiteral("chat.postEphemeral")), limits.tier4);
        QCOMPARE(limits.forMethod(QStringLiteral("views.open")), limits.tier4);
        QCOMPARE(limits.forMethod(QStringLiteral("conversations.list")), limits.tier2);
        QCOMPARE(limits.forMethod(QStringLiteral("users.lookupByEmail")), limits.tier3);
        QCOMPARE(limits.forMethod(QStringLiteral("apps.connections.open")), limits.tier1);
        QCOMPARE(limits.tier3.perMinute, 50.0);
        QCOMPARE(limits.postsPerChannel.perMinute, 60.0);
    }
};

QTEST_GUILESS_MAIN(TestRateBucket)
#include "tst_ratebucket.moc"
