#include "recentevents.h"

#include "journal/journal.h"

namespace Console {

namespace {
constexpr int PageSize = 200;
constexpr qint64 MinuteMs = 60 * 1000;
} // namespace

void RecentEvents::load(const Bridge::Journal &journal, qint64 nowMs)
{
    m_events.clear();
    Bridge::EventFilter filter;
    filter.limit = PageSize;
    for (;;) {
        const QList<Bridge::JournalEvent> page = journal.events(filter);
        bool older = false;
        for (const Bridge::JournalEvent &event : page) {
            older = older || event.createdAt < nowMs - WindowMs;
            update(event, nowMs);
        }
        // Ids grow with time, so the first page reaching past the hour is the last one needed.
        if (older || page.size() < PageSize)
            return;
        filter.beforeId = page.constLast().id;
    }
}

void RecentEvents::update(const Bridge::JournalEvent &event, qint64 nowMs)
{
    if (event.createdAt < nowMs - WindowMs) {
        m_events.remove(event.id);
        return;
    }
    Entry &entry = m_events[event.id];
    entry.createdAt = event.createdAt;
    entry.source = event.source;
    entry.delivered = event.state == Bridge::EventState::Delivered;
    entry.error = event.state == Bridge::EventState::Failed ||
                  (event.state == Bridge::EventState::Pending && event.attempts > 0);
    prune(nowMs);
}

void RecentEvents::prune(qint64 nowMs)
{
    m_events.removeIf([cutoff = nowMs - WindowMs](const QHash<qint64, Entry>::iterator &it) {
        return it->createdAt < cutoff;
    });
}

QList<MinuteBucket> RecentEvents::buckets(qint64 nowMs) const
{
    QList<MinuteBucket> out(Minutes);
    const qint64 currentMinute = nowMs / MinuteMs;
    for (const Entry &entry : m_events) {
        const qint64 age = currentMinute - entry.createdAt / MinuteMs;
        if (age < 0 || age >= Minutes)
            continue;
        MinuteBucket &bucket = out[Minutes - 1 - int(age)];
        ++bucket.events;
        if (entry.error)
            ++bucket.errors;
    }
    return out;
}

int RecentEvents::delivered(const QString &source, qint64 nowMs) const
{
    int count = 0;
    for (const Entry &entry : m_events) {
        if (entry.delivered && entry.source == source && entry.createdAt >= nowMs - WindowMs)
            ++count;
    }
    return count;
}

} // namespace Console
