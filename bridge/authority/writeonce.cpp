#include "authority/writeonce.h"

#include "core/logging.h"
#include "journal/journal.h"

#include <QJsonArray>

namespace Bridge {

void writeOnce(Journal &journal, AnalystWriter &writer, const OnceWrite &w,
               std::function<void(const Verdict &)> done)
{
    const QString mark = Journal::eventWriteKey(w.eventId);
    const auto send = [&journal, &writer, w, mark, done] {
        writer.write(w.login, w.action, w.request, w.version,
                     [&journal, mark, done](const Verdict &verdict) {
                         if (!verdict.allowed() && verdict.kind != Verdict::Kind::Unavailable)
                             journal.endWrite(mark); // refused: nothing was written
                         done(verdict);
                     });
    };
    const WriteStart start = journal.startWrite(mark);
    if (start.kind == WriteStart::Kind::Failed) {
        Verdict waiting;
        waiting.reason = QStringLiteral("the journal cannot note the write before it is made: %1")
                             .arg(journal.lastError());
        return done(waiting);
    }
    if (start.kind == WriteStart::Kind::Begun)
        return send();
    writer.readFor(w.login, w.lookup, w.version, [w, send, done](const Verdict &found, bool) {
        if (!found.allowed()) {
            Verdict waiting = found;
            waiting.kind = Verdict::Kind::Unavailable; // cannot tell yet: try again later
            return done(waiting);
        }
        for (const QJsonValue &item : found.hive.json.array()) {
            if (item.toObject().value(u"message").toString().endsWith(w.signature)) {
                qCInfo(lcDelivery)
                    << "event" << w.eventId << "found its write made by an earlier attempt";
                return done(found);
            }
        }
        send();
    });
}

} // namespace Bridge
