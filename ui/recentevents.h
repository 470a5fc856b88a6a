#pragma once

#include <QHash>
#include <QList>
#include <QString>

namespace Bridge {
class Journal;
struct JournalEvent;
} // namespace Bridge

namespace Console {

/// Events and errors of one minute, for the Overview's chart.
struct MinuteBucket
{
    int events = 0;
    int errors = 0; ///< failed, or pending after a failed attempt
    friend bool operator==(const MinuteBucket &, const MinuteBucket &) = default;
};

/// The journal's events of the last hour, kept up to date one changed event at a time so the
/// Overview never re-reads the whole journal.
class RecentEvents final
{
public:
    static constexpr int Minutes = 60;
    static constexpr qint64 WindowMs = qint64(Minutes) * 60 * 1000;

    /// Reads the events created in the hour before `nowMs` (page by page, newest first).
    void load(const Bridge::Journal &journal, qint64 nowMs);
    /// Takes in a new or changed event; older than the window, it is dropped.
    void update(const Bridge::JournalEvent &event, qint64 nowMs);
    void clear() { m_events.clear(); }

    /// Sixty buckets, oldest first; the last one is the minute `nowMs` falls in.
    QList<MinuteBucket> buckets(qint64 nowMs) const;
    /// Events of `source` ("thehive" or "slack") delivered within the window.
    int delivered(const QString &source, qint64 nowMs) const;
    int size() const { return int(m_events.size()); }

private:
    struct Entry
    {
        qint64 createdAt = 0;
        QString source;
        bool delivered = false;
        bool error = false;
    };
    void prune(qint64 nowMs);

    QHash<qint64, Entry> m_events; ///< by event id
};

} // namespace Console
