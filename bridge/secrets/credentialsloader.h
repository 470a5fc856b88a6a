#pragma once

#include "config/bridgeconfig.h"
#include "core/secretstore.h"

#include <functional>

namespace Bridge {

struct CredentialsResult
{
    Credentials credentials;
    QString error; ///< names the first secret that could not be read; empty on success
    bool ok() const { return error.isEmpty(); }
};

/// Reads the secrets from a store, one after the other, and answers once. TheHive's API key and
/// webhook secret and Slack's bot token are required; of Slack's signing secret (HTTP) and app
/// token (Socket Mode) at least one.
void loadCredentials(SecretStore &store, std::function<void(const CredentialsResult &)> done);

} // namespace Bridge
