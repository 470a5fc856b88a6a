#pragma once

#include "core/secretstore.h"

namespace Console {

/// Reads each secret from `primary` (the OS keychain) and, where it has none or cannot be
/// reached (no Secret Service on a bare desktop), from `fallback` (the HIVESLACK_* environment
/// headless mode reads), so one setup works in both modes. Writes and removals go to the
/// primary only: the fallback is read-only by nature.
class FallbackSecretStore final : public Bridge::SecretStore
{
    Q_OBJECT
public:
    /// Both stores must outlive this one.
    FallbackSecretStore(Bridge::SecretStore &primary, Bridge::SecretStore &fallback,
                        QObject *parent = nullptr);

    void read(const QString &key, Callback done) override;
    void write(const QString &key, const QString &value, Callback done) override;
    void remove(const QString &key, Callback done) override;
    /// "OS keychain, then environment".
    QString backendName() const override;

private:
    Bridge::SecretStore &m_primary;
    Bridge::SecretStore &m_fallback;
};

} // namespace Console
