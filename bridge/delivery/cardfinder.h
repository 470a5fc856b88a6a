#pragma once

#include <QString>

#include <functional>

namespace Bridge {

class SlackClient;

/// Looks in a channel's history for the card of a case (by its message metadata, see
/// slack/cardmetadata.h) posted since a given time: an attempt whose answer was lost, or whose
/// ts the journal could not keep, may have posted it, and posting again would show the case
/// twice.
namespace CardFinder {

struct Result
{
    enum class Kind {
        Found,      ///< `ts` is the card
        NotFound,   ///< the channel has no such card since then
        CannotLook, ///< Slack refuses the look (e.g. missing_scope, not_in_channel): `error`
        Retry,      ///< Slack unreachable or failing for now: `error`
    };
    Kind kind = Kind::NotFound;
    QString ts;
    QString error;
};

/// Slack stamps messages with its own clock: the look starts this much before `sinceMs`.
constexpr qint64 ClockMarginMs = 5 * 60 * 1000;
/// Pages of 100 messages looked through at most (the newest first).
constexpr int MaxPages = 10;

void find(SlackClient &slack, const QString &channel, const QString &caseId, qint64 sinceMs,
          std::function<void(const Result &)> done);

} // namespace CardFinder

} // namespace Bridge
