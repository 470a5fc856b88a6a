#pragma once

#include <QByteArray>

namespace Bridge {

/// Checks the `Authorization` header of an incoming TheHive webhook against the configured
/// secret. TheHive has no signatures, only the header its endpoint `auth` produces
/// (shared/docs/thehive-api.md §1.1), so every form it can send is accepted:
/// - `Bearer <secret>` (scheme case-insensitive, one or more spaces before the token),
/// - `Basic base64(user:secret)`, or `Basic base64(secret)` when the secret is "user:pass",
/// - the raw key, `Authorization: <secret>`.
/// Surrounding whitespace is ignored. Comparisons are constant-time; an empty secret or an
/// empty header is never authorised.
bool isWebhookAuthorized(const QByteArray &authorizationHeader, const QByteArray &secret);

} // namespace Bridge
