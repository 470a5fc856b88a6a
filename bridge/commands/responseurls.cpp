#include "commands/responseurls.h"

namespace Bridge {

void ResponseUrls::remember(const QString &triggerId, const QUrl &url)
{
    const qint64 now = m_clock.nowMs();
    m_urls.removeIf([now](const auto &entry) { return entry.value().expiresAt <= now; });
    if (!triggerId.isEmpty() && url.isValid())
        m_urls.insert(triggerId, {url, now + LifetimeMs});
}

QUrl ResponseUrls::find(const QString &triggerId) const
{
    const auto kept = m_urls.constFind(triggerId);
    return kept != m_urls.cend() && kept->expiresAt > m_clock.nowMs() ? kept->url : QUrl();
}

} // namespace Bridge
