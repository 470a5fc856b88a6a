#pragma once

#include "core/clock.h"

#include <QHash>
#include <QUrl>

namespace Bridge {

/// Where to answer a slash command: its response_url, by the command's trigger_id. A
/// response_url lets anyone holding it write into the channel, so it is kept in memory only,
/// never in the journal, for the 30 minutes Slack honours it. After a restart a command is
/// answered with chat.postEphemeral instead.
class ResponseUrls
{
public:
    static constexpr qint64 LifetimeMs = 30 * 60 * 1000;

    explicit ResponseUrls(const Clock &clock)
        : m_clock(clock)
    {
    }

    void remember(const QString &triggerId, const QUrl &url);
    /// The URL, while Slack still honours it; empty otherwise.
    QUrl find(const QString &triggerId) const;

private:
    struct Kept
    {
        QUrl url;
        qint64 expiresAt = 0;
    };
    const Clock &m_clock;
    QHash<QString, Kept> m_urls;
};

} // namespace Bridge
