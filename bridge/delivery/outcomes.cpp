#include "delivery/outcomes.h"

namespace Bridge {

Outcome outcomeFor(const SlackResult &result, const QString &doing)
{
    const QString error = QStringLiteral("Slack, %1: %2").arg(doing, result.error);
    switch (result.kind) {
    case SlackResult::Kind::Ok:
        return Outcome::delivered();
    case SlackResult::Kind::Retryable:
        return Outcome::retry(error);
    case SlackResult::Kind::Permanent:
        break;
    }
    return Outcome::failed(error);
}

Outcome outcomeFor(const HiveResult &result, const QString &doing)
{
    const QString reason = result.message.isEmpty()
                               ? QStringLiteral("HTTP %1").arg(result.httpStatus)
                               : result.message;
    const QString error = QStringLiteral("TheHive, %1: %2").arg(doing, reason);
    switch (result.kind) {
    case HiveResult::Kind::Ok:
        return Outcome::delivered();
    case HiveResult::Kind::Retryable:
        return Outcome::retry(error, result.retryAfterSecs);
    case HiveResult::Kind::Refused:
        break;
    }
    return Outcome::failed(error);
}

} // namespace Bridge
