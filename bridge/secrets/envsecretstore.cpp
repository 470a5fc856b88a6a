#include "secrets/envsecretstore.h"

#include <QFile>
#include <QTimer>

namespace Bridge {

EnvSecretStore::EnvSecretStore(QProcessEnvironment env, QObject *parent)
    : SecretStore(parent)
    , m_env(std::move(env))
{
}

QString EnvSecretStore::variableFor(const QString &key)
{
    return QStringLiteral("HIVESLACK_") + key.toUpper();
}

SecretResult EnvSecretStore::readNow(const QString &key) const
{
    const QString name = variableFor(key);
    const QString fileName = name + QStringLiteral("_FILE");
    const bool hasValue = m_env.contains(name);
    const bool hasFile = m_env.contains(fileName);
    if (hasValue && hasFile)
        return {SecretResult::Status::Failed,
                {},
                QStringLiteral("both %1 and %2 are set; keep one").arg(name, fileName)};
    if (hasFile) {
        const QString path = m_env.value(fileName);
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return {
                SecretResult::Status::Failed,
                {},
                QStringLiteral("cannot read %1 (%2): %3").arg(fileName, path, file.errorString())};
        // Files written by editors and `echo` end with a newline that is not part of the secret.
        const QString value = QString::fromUtf8(file.readAll()).trimmed();
        if (value.isEmpty())
            return {SecretResult::Status::NotFound,
                    {},
                    QStringLiteral("%1 (%2) is empty").arg(fileName, path)};
        return {SecretResult::Status::Ok, value, {}};
    }
    const QString value = m_env.value(name);
    if (value.isEmpty())
        return {SecretResult::Status::NotFound,
                {},
                QStringLiteral("%1 (or %2) is not set").arg(name, fileName)};
    return {SecretResult::Status::Ok, value, {}};
}

void EnvSecretStore::read(const QString &key, Callback done)
{
    answerLater(std::move(done), readNow(key));
}

void EnvSecretStore::write(const QString &key, const QString &, Callback done)
{
    answerLater(std::move(done),
                {SecretResult::Status::Unavailable,
                 {},
                 QStringLiteral("the environment is read-only; set %1 or %1_FILE instead")
                     .arg(variableFor(key))});
}

void EnvSecretStore::remove(const QString &key, Callback done)
{
    write(key, {}, std::move(done));
}

QString EnvSecretStore::backendName() const
{
    return tr("environment variables");
}

void EnvSecretStore::answerLater(Callback done, SecretResult result)
{
    QTimer::singleShot(0, this, [done = std::move(done), result] { done(result); });
}

} // namespace Bridge
