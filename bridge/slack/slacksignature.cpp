#include "slack/slacksignature.h"

#include "core/crypto.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>

#include <algorithm>
#include <optional>

namespace Bridge {

namespace {

// Unix seconds need 10 digits until 2286; 15 leaves room yet keeps |now - ts| from overflowing.
constexpr qsizetype MaxTimestampDigits = 15;

std::optional<qint64> parseTimestamp(const QByteArray &header)
{
    if (header.isEmpty() || header.size() > MaxTimestampDigits)
        return std::nullopt;
    // toLongLong() would accept signs and surrounding blanks; Slack sends bare digits.
    if (!std::all_of(header.cbegin(), header.cend(),
                     [](char ch) { return ch >= '0' && ch <= '9'; }))
        return std::nullopt;
    return header.toLongLong();
}

} // namespace

QByteArray computeSlackSignature(const QByteArray &signingSecret, const QByteArray &timestamp,
                                 const QByteArray &rawBody)
{
    const QByteArray baseString = QByteArrayLiteral("v0:") + timestamp + ':' + rawBody;
    return QByteArrayLiteral("v0=") +
           QMessageAuthenticationCode::hash(baseString, signingSecret, QCryptographicHash::Sha256)
               .toHex();
}

SignatureCheck verifySlackSignature(const QByteArray &signingSecret,
                                    const QByteArray &timestampHeader,
                                    const QByteArray &signatureHeader, const QByteArray &rawBody,
                                    qint64 nowSecs, int toleranceSecs)
{
    if (timestampHeader.isEmpty() || signatureHeader.isEmpty())
        return SignatureCheck::MissingHeaders;
    if (!signatureHeader.startsWith("v0="))
        return SignatureCheck::BadVersion;

    const std::optional<qint64> ts = parseTimestamp(timestampHeader);
    if (!ts)
        return SignatureCheck::StaleTimestamp;
    const qint64 skew = *ts > nowSecs ? *ts - nowSecs : nowSecs - *ts;
    if (skew > qint64(toleranceSecs))
        return SignatureCheck::StaleTimestamp;

    // Anyone can compute an HMAC under an empty key, so a missing secret must never pass.
    if (signingSecret.isEmpty())
        return SignatureCheck::Mismatch;
    const QByteArray expected = computeSlackSignature(signingSecret, timestampHeader, rawBody);
    return constantTimeEquals(expected, signatureHeader) ? SignatureCheck::Valid
                                                         : SignatureCheck::Mismatch;
}

QString describe(SignatureCheck check)
{
    switch (check) {
    case SignatureCheck::Valid:
        return QStringLiteral("valid signature");
    case SignatureCheck::MissingHeaders:
        return QStringLiteral("missing X-Slack-Request-Timestamp or X-Slack-Signature header");
    case SignatureCheck::BadVersion:
        return QStringLiteral("unsupported signature version (expected v0=)");
    case SignatureCheck::StaleTimestamp:
        return QStringLiteral("request timestamp invalid or outside the replay window");
    case SignatureCheck::Mismatch:
        return QStringLiteral("signature mismatch");
    }
    return QStringLiteral("unknown signature check result");
}

} // namespace Bridge
