#include "secrets/keychainsecretstore.h"

#include "core/logging.h"

#include <QPointer>
#include <QTimer>

#include <qt6keychain/keychain.h>

#include <memory>

namespace Bridge {

namespace {

SecretResult resultOf(const QKeychain::Job &job)
{
    switch (job.error()) {
    case QKeychain::NoError:
        return {SecretResult::Status::Ok, {}, {}};
    case QKeychain::EntryNotFound:
        return {SecretResult::Status::NotFound, {}, QObject::tr("not in the keychain")};
    case QKeychain::NoBackendAvailable:
    case QKeychain::OtherError:
        return {SecretResult::Status::Unavailable, {}, job.errorString()};
    default:
        return {SecretResult::Status::Failed, {}, job.errorString()};
    }
}

/// Runs a job with a deadline and answers exactly once, whichever comes first.
void runBounded(QObject *owner, QKeychain::Job *job, int timeoutMs,
                std::function<SecretResult(QKeychain::Job &)> onFinished,
                SecretStore::Callback done)
{
    auto answered = std::make_shared<bool>(false);
    auto answer = [answered, done](const SecretResult &r) {
        if (*answered)
            return;
        *answered = true;
        done(r);
    };
    job->setAutoDelete(true);
    QObject::connect(job, &QKeychain::Job::finished, owner,
                     [answer, onFinished](QKeychain::Job *j) { answer(onFinished(*j)); });
    QTimer::singleShot(timeoutMs, owner, [answer, timeoutMs] {
        qCWarning(lcSecrets) << "keychain did not answer within" << timeoutMs << "ms";
        answer({SecretResult::Status::Unavailable,
                {},
                QObject::tr("the keychain did not answer within %1 s (is it locked?)")
                    .arg(timeoutMs / 1000)});
    });
    job->start();
}

} // namespace

KeychainSecretStore::KeychainSecretStore(QString service, int timeoutMs, QObject *parent)
    : SecretStore(parent)
    , m_service(std::move(service))
    , m_timeoutMs(timeoutMs)
{
}

void KeychainSecretStore::read(const QString &key, Callback done)
{
    auto *job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setKey(key);
    runBounded(
        this, job, m_timeoutMs,
        [](QKeychain::Job &j) {
            SecretResult r = resultOf(j);
            if (r.ok())
                r.value = static_cast<QKeychain::ReadPasswordJob &>(j).textData();
            return r;
        },
        std::move(done));
}

void KeychainSecretStore::write(const QString &key, const QString &value, Callback done)
{
    auto *job = new QKeychain::WritePasswordJob(m_service, this);
    job->setKey(key);
    job->setTextData(value);
    runBounded(
        this, job, m_timeoutMs, [](QKeychain::Job &j) { return resultOf(j); }, std::move(done));
}

void KeychainSecretStore::remove(const QString &key, Callback done)
{
    auto *job = new QKeychain::DeletePasswordJob(m_service, this);
    job->setKey(key);
    runBounded(
        this, job, m_timeoutMs, [](QKeychain::Job &j) { return resultOf(j); }, std::move(done));
}

QString KeychainSecretStore::backendName() const
{
    return tr("OS keychain");
}

} // namespace Bridge
