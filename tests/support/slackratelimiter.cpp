#include "slackratelimiter.h"

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace TestSupport {

SlackRateLimiter::Limits SlackRateLimiter::Limits::faster(double factor) const
{
    Limits l = *this;
    for (Budget *b :
         {&l.tier1, &l.tier2, &l.tier3, &l.tier4, &l.postsPerChannel, &l.postsPerWorkspace})
        b->perSecond *= factor;
    return l;
}

SlackRateLimiter::SlackRateLimiter(Limits limits)
    : m_limits(limits)
{
}

SlackRateLimiter::Budget SlackRateLimiter::tierOf(const QString &method) const
{
    // Slack's method pages (rate_limit_tiers.json in java-slack-sdk).
    static const QHash<QString, int> tiers = {
        {u"apps.connections.open"_s, 1},
        {u"conversations.list"_s, 2},
        {u"users.list"_s, 2},
        {u"usergroups.users.list"_s, 2},
        {u"chat.update"_s, 3},
        {u"users.lookupByEmail"_s, 3},
        {u"conversations.info"_s, 3},
        {u"conversations.history"_s, 3},
        {u"chat.postEphemeral"_s, 4},
        {u"views.open"_s, 4},
        {u"views.update"_s, 4},
        {u"users.info"_s, 4},
        {u"files.info"_s, 4},
        {u"auth.test"_s, 4},
    };
    switch (tiers.value(method, 3)) {
    case 1:
        return m_limits.tier1;
    case 2:
        return m_limits.tier2;
    case 4:
        return m_limits.tier4;
    default:
        return m_limits.tier3;
    }
}

qint64 SlackRateLimiter::waitMs(Bucket &bucket, qint64 nowMs)
{
    if (!bucket.started) {
        bucket.tokens = bucket.budget.burst;
        bucket.atMs = nowMs;
        bucket.started = true;
    }
    bucket.tokens =
        std::min(bucket.budget.burst,
                 bucket.tokens + double(nowMs - bucket.atMs) / 1000.0 * bucket.budget.perSecond);
    bucket.atMs = nowMs;
    if (bucket.tokens >= 1.0)
        return 0;
    return qint64(std::ceil((1.0 - bucket.tokens) / bucket.budget.perSecond * 1000.0));
}

int SlackRateLimiter::admit(const QString &method, const QString &channel, qint64 nowMs)
{
    QList<Bucket *> buckets;
    const auto bucket = [this](const QString &key, Budget budget) {
        Bucket &b = m_buckets[key];
        b.budget = budget;
        return &b;
    };
    if (method == u"chat.postMessage") {
        buckets << bucket(u"post:"_s + channel, m_limits.postsPerChannel)
                << bucket(u"posts"_s, m_limits.postsPerWorkspace);
    } else {
        buckets << bucket(method, tierOf(method));
    }
    qint64 wait = 0;
    for (Bucket *b : buckets)
        wait = std::max(wait, waitMs(*b, nowMs));
    if (wait > 0)
        return int(std::max<qint64>(1, (wait + 999) / 1000));
    for (Bucket *b : buckets)
        b->tokens -= 1.0;
    return 0;
}

} // namespace TestSupport
