#pragma once

#include <QByteArray>
#include <QString>

namespace Bridge {

/// Outcome of checking one HTTP request against Slack's request signing scheme
/// (shared/docs/slack-api.md §1). Anything but Valid must be answered with 401.
enum class SignatureCheck {
    Valid,
    MissingHeaders, ///< X-Slack-Request-Timestamp or X-Slack-Signature absent/empty
    BadVersion,     ///< the signature does not start with "v0="
    StaleTimestamp, ///< timestamp not a plain number or more than the tolerance away from now
    Mismatch,       ///< HMAC differs (or no signing secret is configured)
};

/// Verifies a Slack request. @p rawBody must be the body bytes exactly as received, before
/// any form or JSON decoding. Timestamps too far in the past *and* in the future are
/// rejected (python-slack-sdk semantics). An empty @p signingSecret never validates.
SignatureCheck verifySlackSignature(const QByteArray &signingSecret,
                                    const QByteArray &timestampHeader,
                                    const QByteArray &signatureHeader, const QByteArray &rawBody,
                                    qint64 nowSecs, int toleranceSecs = 300);

/// The header value Slack would send: "v0=" + lowercase hex HMAC-SHA256 of
/// "v0:<timestamp>:<rawBody>". Also what tests and fakes use to sign requests.
QByteArray computeSlackSignature(const QByteArray &signingSecret, const QByteArray &timestamp,
                                 const QByteArray &rawBody);

/// A short, secret-free reason for logs and 401 bodies.
QString describe(SignatureCheck check);

} // namespace Bridge
