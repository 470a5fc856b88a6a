#include "thehive/webhookauth.h"

#include "core/crypto.h"

namespace Bridge {

namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\t';
}

} // namespace

bool isWebhookAuthorized(const QByteArray &authorizationHeader, const QByteArray &secret)
{
    const QByteArray header = authorizationHeader.trimmed();
    if (secret.isEmpty() || header.isEmpty())
        return false;

    // Every candidate is compared, so the time taken does not reveal which form matched.
    bool authorised = constantTimeEquals(header, secret);

    qsizetype gap = 0;
    while (gap < header.size() && !isSpace(header.at(gap)))
        ++gap;
    qsizetype tokenStart = gap;
    while (tokenStart < header.size() && isSpace(header.at(tokenStart)))
        ++tokenStart;
    if (gap == header.size() || tokenStart == header.size())
        return authorised;

    const QByteArray scheme = header.left(gap).toLower();
    const QByteArray token = header.mid(tokenStart);
    if (scheme == "bearer") {
        authorised |= constantTimeEquals(token, secret);
    } else if (scheme == "basic") {
        const auto result =
            QByteArray::fromBase64Encoding(token, QByteArray::AbortOnBase64DecodingErrors);
        if (result) {
            // RFC 7617: the user-id cannot contain a colon, so the first one splits.
            const QByteArray &decoded = result.decoded;
            const qsizetype colon = decoded.indexOf(':');
            const QByteArray password = colon < 0 ? QByteArray() : decoded.mid(colon + 1);
            authorised |= constantTimeEquals(decoded, secret);
            authorised |= colon >= 0 && constantTimeEquals(password, secret);
        }
    }
    return authorised;
}

} // namespace Bridge
