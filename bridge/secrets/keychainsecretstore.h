#pragma once

#include "core/secretstore.h"

namespace Bridge {

/// The OS keychain through QtKeychain (Secret Service on Linux). QtKeychain has no timeout
/// and can wait forever on an unlock prompt (qt-6.4-notes.md §3), so every job is bounded;
/// expiry and QtKeychain's catch-all error 7 both answer Unavailable.
class KeychainSecretStore final : public SecretStore
{
    Q_OBJECT
public:
    explicit KeychainSecretStore(QString service, int timeoutMs = 5000, QObject *parent = nullptr);

    void read(const QString &key, Callback done) override;
    void write(const QString &key, const QString &value, Callback done) override;
    void remove(const QString &key, Callback done) override;
    QString backendName() const override;

private:
    QString m_service;
    int m_timeoutMs;
};

} // namespace Bridge
