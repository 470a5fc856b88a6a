#include "fallbacksecretstore.h"

#include <QPointer>

namespace Console {

FallbackSecretStore::FallbackSecretStore(Bridge::SecretStore &primary,
                                         Bridge::SecretStore &fallback, QObject *parent)
    : Bridge::SecretStore(parent)
    , m_primary(primary)
    , m_fallback(fallback)
{
}

void FallbackSecretStore::read(const QString &key, Callback done)
{
    QPointer<FallbackSecretStore> self(this);
    m_primary.read(key, [self, key, done](const Bridge::SecretResult &result) {
        using Status = Bridge::SecretResult::Status;
        const bool tryFallback =
            result.status == Status::Unavailable || result.status == Status::NotFound;
        if (!tryFallback || !self)
            return done(result);
        self->m_fallback.read(key, [result, done](const Bridge::SecretResult &fallback) {
            // Neither has it: the keychain's reason says more than "variable not set".
            if (!fallback.ok() && result.status == Status::Unavailable)
                return done(Bridge::SecretResult{
                    fallback.status, {}, result.error + QStringLiteral("; ") + fallback.error});
            done(fallback);
        });
    });
}

void FallbackSecretStore::write(const QString &key, const QString &value, Callback done)
{
    m_primary.write(key, value, std::move(done));
}

void FallbackSecretStore::remove(const QString &key, Callback done)
{
    m_primary.remove(key, std::move(done));
}

QString FallbackSecretStore::backendName() const
{
    return tr("%1, then %2").arg(m_primary.backendName(), m_fallback.backendName());
}

} // namespace Console
