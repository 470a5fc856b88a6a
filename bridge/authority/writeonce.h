#pragma once

#include "authority/analystwriter.h"
#include "thehive/dialect.h"

namespace Bridge {

class Journal;

/// One write made for an analyst that must happen once (a case comment, a task log) though
/// its answer may be lost: marked in the journal under the event's own key before it is sent
/// (Journal::startWrite), and when an earlier attempt's mark is still there, looked for first:
/// `lookup` answers the newest items, and the one whose `message` ends with `signature` is it.
struct OnceWrite
{
    qint64 eventId = 0;
    QString login;
    CaseAction action = CaseAction::Comment;
    HiveRequest request;
    HiveRequest lookup;
    QString signature;
    HiveVersion version;
};

/// Carries out `w` through `writer` (its permission check included). `done` gets the verdict,
/// Allowed also when an earlier attempt is found to have made the write; a refusal ends the
/// mark (nothing was written); Unavailable leaves it for the next attempt.
void writeOnce(Journal &journal, AnalystWriter &writer, const OnceWrite &w,
               std::function<void(const Verdict &)> done);

} // namespace Bridge
