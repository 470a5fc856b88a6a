#pragma once

#include "core/secretstore.h"

#include <QHash>
#include <QString>

#include <functional>

namespace TestSupport {

/// Secrets kept in memory. Like a keychain it answers asynchronously (on the next event-loop
/// turn, never from inside the call), and it can play an unavailable keychain.
class MemorySecretStore final : public Bridge::SecretStore
{
    Q_OBJECT
public:
    using Bridge::SecretStore::SecretStore;

    void read(const QString &key, Callback done) override;
    void write(const QString &key, const QString &value, Callback done) override;
    void remove(const QString &key, Callback done) override;
    QString backendName() const override { return QStringLiteral("memory"); }

    /// While unavailable, every call answers Status::Unavailable with `reason` and changes
    /// nothing (checked when the answer is delivered).
    void setUnavailable(bool unavailable,
                        const QString &reason = QStringLiteral("keychain locked"));
    /// Seeds a secret synchronously (test setup).
    void insert(const QString &key, const QString &value) { m_values.insert(key, value); }
    /// The stored value, or a null QString; for assertions.
    QString peek(const QString &key) const { return m_values.value(key); }
    bool contains(const QString &key) const { return m_values.contains(key); }
    /// Calls answered so far (reads, writes and removes).
    int callCount() const { return m_calls; }

private:
    void answer(Callback done, std::function<Bridge::SecretResult()> operation);

    QHash<QString, QString> m_values;
    bool m_unavailable = false;
    QString m_reason;
    int m_calls = 0;
};

} // namespace TestSupport
