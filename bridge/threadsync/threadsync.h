#pragma once

#include "core/casemodel.h"
#include "delivery/bridgeparts.h"
#include "delivery/dispatcher.h"

namespace Bridge {

/// Keeps a card's Slack thread and its case's comments in step, where a rule naming the
/// card's channel asks for it (`"threadToCase": true`; TheHive 5, which has case comments):
/// - a linked analyst's reply in the thread becomes a case comment, written as him like any
///   write (AnalystWriter: `manageComment`), naming him and the channel, and written once;
///   replies of people TheHive does not know, and bots' (HiveSlack's own among them), are not;
/// - a comment written in TheHive appears in the thread of each of the case's cards in such a
///   channel that shows the case in full, once per card.
/// Comments that came from Slack carry a signature line and are never sent back: nothing echoes.
class ThreadSync final : public QObject
{
    Q_OBJECT
public:
    explicit ThreadSync(const BridgeParts &bridge, QObject *parent = nullptr);

    /// Whether `event` is this handler's: a reply in a card's thread, or a TheHive comment.
    static bool handles(const JournalEvent &event);
    void handle(const JournalEvent &event, Dispatcher::Completion done);

private:
    void toCase(const JournalEvent &event, Dispatcher::Completion done);
    void toThreads(const JournalEvent &event, Dispatcher::Completion done);
    /// Posts `note` in the threads of `cards` still to do, one after the other.
    void postNext(qint64 eventId, const QString &note, const CaseRecord &record,
                  QList<CardRef> cards, Dispatcher::Completion done);

    const BridgeParts m_bridge;
};

} // namespace Bridge
