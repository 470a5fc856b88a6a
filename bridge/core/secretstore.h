#pragma once

#include <QObject>
#include <QString>

#include <functional>

namespace Bridge {

/// Names of the secrets HiveSlack keeps. They double as keychain account names and,
/// upper-cased with a HIVESLACK_ prefix, as environment variable names.
namespace SecretKey {
inline constexpr char TheHiveApiKey[] = "thehive_api_key";
inline constexpr char TheHiveWebhookSecret[] = "thehive_webhook_secret";
inline constexpr char SlackBotToken[] = "slack_bot_token";
inline constexpr char SlackSigningSecret[] = "slack_signing_secret";
/// App-level token (xapp-…) for Socket Mode; optional.
inline constexpr char SlackAppToken[] = "slack_app_token";
} // namespace SecretKey

/// Outcome of one secret-store operation.
struct SecretResult
{
    enum class Status { Ok, NotFound, Unavailable, Failed };
    Status status = Status::Failed;
    QString value; ///< the secret, for a successful read
    QString error; ///< human-readable reason when not Ok; never contains the secret
    bool ok() const { return status == Status::Ok; }
};

/// Where credentials live: the OS keychain on the desktop, environment or files on a server,
/// memory in tests. Asynchronous because keychains are; every call answers exactly once,
/// on the caller's thread, through the callback (never synchronously from inside the call).
class SecretStore : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const SecretResult &)>;
    using QObject::QObject;

    virtual void read(const QString &key, Callback done) = 0;
    virtual void write(const QString &key, const QString &value, Callback done) = 0;
    virtual void remove(const QString &key, Callback done) = 0;
    /// A short name for the console ("OS keychain", "environment", …).
    virtual QString backendName() const = 0;
};

} // namespace Bridge
