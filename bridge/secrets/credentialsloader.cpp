#include "secrets/credentialsloader.h"

#include <QHash>

#include <memory>

namespace Bridge {

namespace {

struct Slot
{
    const char *key;
    QString Credentials::*field;
    bool required; ///< else a missing one is left empty
};

// Slack reaches the bridge by HTTP (checked with the signing secret) or by Socket Mode (the
// app token): either will do, checked once both were read.
const Slot Slots[] = {
    {SecretKey::TheHiveApiKey, &Credentials::theHiveApiKey, true},
    {SecretKey::TheHiveWebhookSecret, &Credentials::theHiveWebhookSecret, true},
    {SecretKey::SlackBotToken, &Credentials::slackBotToken, true},
    {SecretKey::SlackSigningSecret, &Credentials::slackSigningSecret, false},
    {SecretKey::SlackAppToken, &Credentials::slackAppToken, false},
};

struct Reading
{
    CredentialsResult result;
    QHash<QString, QString> missing; ///< optional secret → why the store had none
};

void readFrom(SecretStore &store, std::shared_ptr<Reading> reading, size_t index,
              std::function<void(const CredentialsResult &)> done)
{
    CredentialsResult *result = &reading->result;
    if (index == std::size(Slots)) {
        const Credentials &c = result->credentials;
        const QLatin1String signing(SecretKey::SlackSigningSecret);
        const QLatin1String app(SecretKey::SlackAppToken);
        if (c.slackSigningSecret.isEmpty() && c.slackAppToken.isEmpty())
            result->error = QStringLiteral("secret %1: %2 (or, for Socket Mode, secret %3: %4)")
                                .arg(signing, reading->missing.value(signing), app,
                                     reading->missing.value(app));
        else if (!c.slackAppToken.isEmpty() && !c.slackAppToken.startsWith(u"xapp-"))
            result->error = QStringLiteral("secret %1: not an app-level token (xapp-…)")
                                .arg(QLatin1String(SecretKey::SlackAppToken));
        done(*result);
        return;
    }
    const Slot &slot = Slots[index];
    store.read(QLatin1String(slot.key), [&store, reading, result, index, done,
                                         slot](const SecretResult &r) {
        if (!slot.required && r.status == SecretResult::Status::NotFound) {
            reading->missing.insert(QLatin1String(slot.key), r.error);
            return readFrom(store, reading, index + 1, done);
        }
        if (!r.ok()) {
            result->error = QStringLiteral("secret %1: %2").arg(QLatin1String(slot.key), r.error);
            done(*result);
            return;
        }
        result->credentials.*slot.field = r.value;
        readFrom(store, reading, index + 1, done);
    });
}

} // namespace

void loadCredentials(SecretStore &store, std::function<void(const CredentialsResult &)> done)
{
    readFrom(store, std::make_shared<Reading>(), 0, std::move(done));
}

} // namespace Bridge
