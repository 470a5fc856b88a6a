#pragma once

#include "core/secretstore.h"

#include <QProcessEnvironment>

namespace Bridge {

/// Headless secret store: secret `slack_signing_secret` is read from HIVESLACK_SLACK_SIGNING_SECRET
/// or from the file named by HIVESLACK_SLACK_SIGNING_SECRET_FILE (Docker/systemd credentials
/// style). Read-only: writes and removals answer Unavailable.
class EnvSecretStore final : public SecretStore
{
    Q_OBJECT
public:
    explicit EnvSecretStore(QProcessEnvironment env, QObject *parent = nullptr);

    /// HIVESLACK_ + the key upper-cased: the variable a key is read from.
    static QString variableFor(const QString &key);
    /// The same lookup, synchronously (reading the environment never blocks).
    SecretResult readNow(const QString &key) const;

    void read(const QString &key, Callback done) override;
    void write(const QString &key, const QString &value, Callback done) override;
    void remove(const QString &key, Callback done) override;
    QString backendName() const override;

private:
    void answerLater(Callback done, SecretResult result);
    QProcessEnvironment m_env;
};

} // namespace Bridge
