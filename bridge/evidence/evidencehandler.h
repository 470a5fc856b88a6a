#pragma once

#include "delivery/bridgeparts.h"
#include "delivery/dispatcher.h"

namespace Bridge {

class SlackMessage;
struct CaseRecord;
struct HiveRequest;
struct HiveVersion;
struct SlackResult;

/// "Add to TheHive case", the message shortcut: any Slack message becomes evidence on a case.
/// 1. The shortcut (journaled by SlackIntake, with the message) opens a form for a linked
///    analyst who may write on cases: TheHive 5 `manageComment`, TheHive 4 `manageTask`. The
///    case is found as he types (CaseSuggestions); he may add a note.
/// 2. On submission the analyst must still see the case (AnalystWriter::readCase). With
///    evidence.copyFiles the message's files are copied first (FileCopier). The message (its
///    text, author, channel, time, chat.getPermalink's link, its files by name and link, and
///    whether each was copied) is written as the analyst: on TheHive 5 as a case comment, on
///    TheHive 4 as a log of the case's "Slack evidence" task, made when missing. A write whose
///    answer was lost is looked for before it is sent again.
/// 3. A thread note on each of the case's cards that shows it in full says who added what
///    from where; the analyst gets a private confirmation with the case's link.
class EvidenceHandler final : public QObject
{
    Q_OBJECT
public:
    /// The task that holds evidence on TheHive 4, which has no case comments.
    static constexpr auto EvidenceTask = QLatin1StringView("Slack evidence");

    EvidenceHandler(const BridgeParts &bridge, QObject *parent = nullptr);
    ~EvidenceHandler() override;

    /// Whether `event` is this handler's: the shortcut, or its form's submission.
    static bool handles(const JournalEvent &event);
    void handle(const JournalEvent &event, Dispatcher::Completion done);
    /// Tells the analyst that a submission retried until the dispatcher gave up was not kept.
    void tellGaveUp(const JournalEvent &event, const QString &reason);

private:
    struct Request; // one shortcut or submission being carried out
    void openForm(std::shared_ptr<Request> r);
    void submit(std::shared_ptr<Request> r);
    /// The permalink and the author's name, then the write.
    void describe(std::shared_ptr<Request> r);
    void write(std::shared_ptr<Request> r);
    /// evidence.copyFiles: the files into the case (FileCopier), then `next`; else `next`.
    void copyFiles(std::shared_ptr<Request> r, const QString &taskId, std::function<void()> next);
    /// TheHive 4: the case's evidence task (made when missing), then `next` with its id.
    void withEvidenceTask(std::shared_ptr<Request> r, std::function<void(const QString &)> next);
    /// Sends `request` unless an earlier attempt's answer was lost and `lookup` finds it made.
    void writeOnce(std::shared_ptr<Request> r, const HiveRequest &request,
                   const HiveRequest &lookup);
    void written(std::shared_ptr<Request> r);
    /// Ends with `outcome`, telling the analyst `reason`.
    void refuse(std::shared_ptr<Request> r, const QString &reason, const Outcome &outcome);
    void tell(std::shared_ptr<Request> r, const SlackMessage &message, const Outcome &outcome);

    const BridgeParts m_bridge;
};

} // namespace Bridge
