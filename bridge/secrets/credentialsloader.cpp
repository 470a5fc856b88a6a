#include "secrets/credentialsloader.h"

#include <memory>

namespace Bridge {

namespace {

struct Slot
{
    const char *key;
    QString Credentials::*field;
};

const Slot Slots[] = {
    {SecretKey::TheHiveApiKey, &Credentials::theHiveApiKey},
    {SecretKey::TheHiveWebhookSecret, &Credentials::theHiveWebhookSecret},
    {SecretKey::SlackBotToken, &Credentials::slackBotToken},
    {SecretKey::SlackSigningSecret, &Credentials::slackSigningSecret},
};

void readFrom(SecretStore &store, std::shared_ptr<CredentialsResult> result, size_t index,
              std::function<void(const CredentialsResult &)> done)
{
    if (index == std::size(Slots)) {
        done(*result);
        return;
    }
    const Slot &slot = Slots[index];
    store.read(QLatin1String(slot.key), [&store, result, index, done, slot](const SecretResult &r) {
        if (!r.ok()) {
            result->error = QStringLiteral("secret %1: %2").arg(QLatin1String(slot.key), r.error);
            done(*result);
            return;
        }
        result->credentials.*slot.field = r.value;
        readFrom(store, result, index + 1, done);
    });
}

} // namespace

void loadCredentials(SecretStore &store, std::function<void(const CredentialsResult &)> done)
{
    readFrom(store, std::make_shared<CredentialsResult>(), 0, std::move(done));
}

} // namespace Bridge
