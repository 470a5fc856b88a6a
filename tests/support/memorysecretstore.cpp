#include "memorysecretstore.h"

#include <QTimer>

using namespace Qt::StringLiterals;

namespace TestSupport {

using Bridge::SecretResult;
using Status = SecretResult::Status;

void MemorySecretStore::setUnavailable(bool unavailable, const QString &reason)
{
    m_unavailable = unavailable;
    m_reason = reason;
}

void MemorySecretStore::answer(Callback done, std::function<SecretResult()> operation)
{
    // Like a keychain job: the store changes and the caller hears about it on a later
    // event-loop turn, never from inside the call.
    QTimer::singleShot(0, this, [this, done = std::move(done), operation = std::move(operation)] {
        ++m_calls;
        SecretResult result;
        if (m_unavailable) {
            result.status = Status::Unavailable;
            result.error = m_reason;
        } else {
            result = operation();
        }
        if (done)
            done(result);
    });
}

void MemorySecretStore::read(const QString &key, Callback done)
{
    answer(std::move(done), [this, key] {
        SecretResult result;
        if (m_values.contains(key)) {
            result.status = Status::Ok;
            result.value = m_values.value(key);
        } else {
            result.status = Status::NotFound;
            result.error = u"no secret named "_s + key;
        }
        return result;
    });
}

void MemorySecretStore::write(const QString &key, const QString &value, Callback done)
{
    answer(std::move(done), [this, key, value] {
        m_values.insert(key, value);
        SecretResult result;
        result.status = Status::Ok;
        return result;
    });
}

void MemorySecretStore::remove(const QString &key, Callback done)
{
    answer(std::move(done), [this, key] {
        SecretResult result;
        if (m_values.remove(key)) {
            result.status = Status::Ok;
        } else {
            result.status = Status::NotFound; // what a keychain says for a missing entry
            result.error = u"no secret named "_s + key;
        }
        return result;
    });
}

} // namespace TestSupport
