#pragma once

#include "clients/thehiveclient.h"

namespace Bridge {

/// Knows which TheHive version the bridge talks to: the pinned one from the config, or the
/// one detected once from TheHive's public status endpoints. A failed detection is not
/// cached, so delivery retries it with the event that needed it.
class HiveVersionProbe final : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(std::optional<HiveVersion>, const QString &error)>;

    HiveVersionProbe(TheHiveClient &client, std::optional<HiveVersion> pinned,
                     QObject *parent = nullptr);

    void withVersion(Callback done);
    std::optional<HiveVersion> known() const { return m_version; }
    QString lastError() const { return m_lastError; }

Q_SIGNALS:
    void detected(const HiveVersion &version);

private:
    TheHiveClient &m_client;
    std::optional<HiveVersion> m_version;
    QString m_lastError;
    QList<Callback> m_waiting;
};

} // namespace Bridge
