#include "clients/hiveversionprobe.h"

#include "core/logging.h"

namespace Bridge {

HiveVersionProbe::HiveVersionProbe(TheHiveClient &client, std::optional<HiveVersion> pinned,
                                   QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_version(pinned)
{
}

void HiveVersionProbe::withVersion(Callback done)
{
    if (m_version) {
        done(m_version, {});
        return;
    }
    m_waiting.append(std::move(done));
    if (m_waiting.size() > 1)
        return; // a detection is already under way
    m_client.detectVersion([this](std::optional<HiveVersion> version, const QString &error) {
        m_version = version;
        m_lastError = version ? QString() : tr("cannot detect the TheHive version: %1").arg(error);
        if (version) {
            qCInfo(lcHive) << "TheHive version" << version->toString();
            Q_EMIT detected(*version);
        }
        const QList<Callback> waiting = std::exchange(m_waiting, {});
        for (const Callback &cb : waiting)
            cb(version, m_lastError);
    });
}

} // namespace Bridge
