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

/// Reads the four secrets from a store, one after the other, and answers once.
/// Every secret is required: the bridge cannot authenticate anything without them.
void loadCredentials(SecretStore &store, std::function<void(const CredentialsResult &)> done);

} // namespace Bridge
