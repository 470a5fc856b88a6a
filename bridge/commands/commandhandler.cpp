#include "commands/commandhandler.h"

#include "authority/analystwriter.h"
#include "clients/hiveversionprobe.h"
#include "clients/slackclient.h"
#include "commands/responseurls.h"
#include "delivery/cardpublisher.h"
#include "directory/userlinker.h"
#include "newcase/newcasehandler.h"
#include "thehive/casejson.h"
#include "thehive/dialect.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Bridge {

struct CommandHandler::Request
{
    QString userId;
    QString channel;
    QUrl responseUrl;
    HiveCommand command;
    QString triggerId;
    QString login; ///< the analyst's TheHive login, once linked
    Dispatcher::Completion done;
};

CommandHandler::CommandHandler(const BridgeParts &bridge, NewCaseHandler &newCases, QObject *parent)
    : QObject(parent)
    , m_bridge(bridge)
    , m_newCases(newCases)
{
}

CommandHandler::~CommandHandler() = default;

void CommandHandler::handle(const JournalEvent &event, Dispatcher::Completion done)
{
    const QJsonObject fields = QJsonDocument::fromJson(event.payload).object();
    auto request = std::make_shared<Request>();
    request->userId = fields.value(u"user_id").toString();
    request->channel = fields.value(u"channel_id").toString();
    request->triggerId = fields.value(u"trigger_id").toString();
    request->responseUrl = m_bridge.responseUrls.find(request->triggerId);
    request->command = parseHiveCommand(fields.value(u"text").toString());
    request->done = std::move(done);
    if (request->userId.isEmpty() || request->channel.isEmpty())
        return request->done(Outcome::failed(tr("the command names no user or channel")));
    switch (request->command.kind) {
    case HiveCommand::Kind::Summon:
        return withAnalyst(
            request, [this, request](const HiveVersion &version) { summon(request, version); });
    case HiveCommand::Kind::Mine:
        return withAnalyst(
            request, [this, request](const HiveVersion &version) { listMine(request, version); });
    case HiveCommand::Kind::NewCase:
        return withAnalyst(request, [this, request](const HiveVersion &version) {
            openNewCaseForm(request, version);
        });
    case HiveCommand::Kind::Help:
        break;
    }
    request->done(Outcome::ignored(tr("answered when it arrived")));
}

void CommandHandler::withAnalyst(std::shared_ptr<Request> request,
                                 std::function<void(const HiveVersion &)> next)
{
    m_bridge.users.resolveActor(
        request->userId, [this, request, next](const UserLinker::Link &actor) {
            if (actor.unavailable)
                return unreachable(request, actor.reason);
            if (!actor.ok())
                return answer(request, actor.reason,
                              Outcome::ignored(tr("refused: %1").arg(actor.reason)));
            request->login = actor.hiveLogin;
            m_bridge.versions.withVersion(
                [this, request, next](std::optional<HiveVersion> version, const QString &error) {
                    if (!version)
                        return unreachable(request, error);
                    next(*version);
                });
        });
}

void CommandHandler::unreachable(std::shared_ptr<Request> request, const QString &why)
{
    answer(request,
           tr("TheHive cannot be reached right now (%1). Please try again in a moment.").arg(why),
           Outcome::ignored(tr("TheHive unreachable: %1").arg(why)));
}

bool CommandHandler::refused(std::shared_ptr<Request> request, const Verdict &verdict)
{
    if (verdict.kind == Verdict::Kind::Unavailable)
        unreachable(request, verdict.reason);
    else if (!verdict.allowed())
        answer(request, verdict.reason, Outcome::ignored(tr("refused: %1").arg(verdict.reason)));
    return !verdict.allowed();
}

void CommandHandler::summon(std::shared_ptr<Request> request, const HiveVersion &version)
{
    const QString number = QString::number(request->command.caseNumber);
    m_bridge.writer.readCase(
        request->login, number, version,
        [this, request, version, number](const Verdict &verdict, std::optional<CaseRecord> c) {
            if (refused(request, verdict))
                return;
            const CaseView view =
                m_bridge.cards.policy().decide(*c, request->channel, Placement::Summoned);
            if (!view.isFull())
                return answer(
                    request,
                    tr("Case #%1 is above what this channel may see, so HiveSlack "
                       "does not show it here. Open it in TheHive, or ask for it in a "
                       "channel cleared for it.")
                        .arg(number),
                    Outcome::ignored(
                        tr("refused: %1 may not see case #%2").arg(request->channel, number)));
            m_bridge.cards.summon(
                *c, version, request->channel, request->userId,
                [this, request, number](const Outcome &outcome) {
                    if (outcome.kind == Outcome::Kind::Retry)
                        return request->done(outcome); // asked again, answered then
                    if (outcome.kind == Outcome::Kind::Failed)
                        return answer(request,
                                      tr("HiveSlack could not show case #%1 here: %2. "
                                         "If it is not a member of this channel, "
                                         "invite it and ask again.")
                                          .arg(number, outcome.detail),
                                      outcome);
                    answer(request, tr("Case #%1 is shown here.").arg(number), outcome);
                });
        });
}

void CommandHandler::openNewCaseForm(std::shared_ptr<Request> request, const HiveVersion &version)
{
    m_bridge.writer.check(
        request->login, CaseAction::CreateCase, version,
        [this, request, version](const Verdict &verdict) {
            if (refused(request, verdict))
                return;
            m_newCases.openForm(
                request->login, version, request->userId, request->channel, request->triggerId,
                [this, request](const SlackResult &r) {
                    if (r.ok())
                        return request->done(Outcome::delivered(tr("New case form opened")));
                    // A trigger lasts 3 s: an expired one cannot be retried.
                    answer(request,
                           tr("The New case form could not be opened (%1). Please type the "
                              "command again.")
                               .arg(r.error),
                           Outcome::failed(u"views.open: "_s + r.error));
                });
        });
}

struct CommandHandler::Mine
{
    std::shared_ptr<Request> request;
    HiveVersion version;
    QList<CaseRecord> cases;              ///< open, assigned to the analyst
    QList<QPair<QString, QString>> tasks; ///< (title, case id), open and assigned to him
    QHash<QString, CaseRecord> caseById;  ///< every case read, for the tasks
    QStringList toRead;                   ///< case ids of tasks still to read
};

void CommandHandler::listMine(std::shared_ptr<Request> request, const HiveVersion &version)
{
    auto mine = std::make_shared<Mine>();
    mine->request = request;
    mine->version = version;
    m_bridge.writer.readFor(
        request->login, HiveRequests::listOpenCasesOf(request->login, MineLimit, version), version,
        [this, mine](const Verdict &verdict, bool) {
            if (refused(mine->request, verdict))
                return;
            for (const QJsonValue &item : verdict.hive.json.array()) {
                const CaseRecord c = caseFromJson(item.toObject(), mine->version);
                if (c.isClosed()) // a custom closing status the query let through
                    continue;
                mine->cases.append(c);
                mine->caseById.insert(c.id, c);
            }
            listMyTasks(mine);
        });
}

void CommandHandler::listMyTasks(std::shared_ptr<Mine> mine)
{
    m_bridge.writer.readFor(
        mine->request->login, HiveRequests::listOpenTasksOf(mine->request->login, MineLimit),
        mine->version, [this, mine](const Verdict &verdict, bool) {
            // The cases alone still answer the analyst when the tasks cannot be
            // listed.
            for (const QJsonValue &item : verdict.hive.json.array()) {
                const QJsonObject task = item.toObject();
                const QString caseId =
                    task.value(u"extraData").toObject().value(u"caseId").toString();
                if (caseId.isEmpty())
                    continue;
                mine->tasks.append({task.value(u"title").toString(), caseId});
                if (!mine->caseById.contains(caseId) && !mine->toRead.contains(caseId))
                    mine->toRead.append(caseId);
            }
            readTaskCases(mine);
        });
}

void CommandHandler::readTaskCases(std::shared_ptr<Mine> mine)
{
    if (mine->toRead.isEmpty())
        return answerMine(mine);
    const QString caseId = mine->toRead.takeFirst();
    m_bridge.writer.readCase(mine->request->login, caseId, mine->version,
                             [this, mine, caseId](const Verdict &, std::optional<CaseRecord> c) {
                                 if (c)
                                     mine->caseById.insert(caseId, *c);
                                 readTaskCases(mine);
                             });
}

void CommandHandler::answerMine(std::shared_ptr<Mine> mine)
{
    const std::shared_ptr<Request> request = mine->request;
    const auto entry = [&](const CaseRecord &c, const QString &task) {
        return CaseListEntry{
            m_bridge.cards.policy().decide(c, request->channel, Placement::Summoned),
            QUrl(caseUiUrl(m_bridge.config.theHiveUiUrl, c, mine->version)), task};
    };
    QList<CaseListEntry> entries;
    for (const CaseRecord &c : std::as_const(mine->cases))
        entries.append(entry(c, {}));
    int tasks = 0;
    for (const auto &[title, caseId] : std::as_const(mine->tasks)) {
        // A task whose case the analyst may not read is left out.
        if (const auto c = mine->caseById.constFind(caseId); c != mine->caseById.cend()) {
            entries.append(entry(*c, title));
            ++tasks;
        }
    }
    if (entries.isEmpty())
        return answer(request, tr("You have no open cases or tasks in TheHive."),
                      Outcome::delivered(tr("listed no open cases or tasks")));
    const QString heading = tr("Your open cases (%1) and tasks (%2) in TheHive%3:")
                                .arg(mine->cases.size())
                                .arg(tasks)
                                .arg(mine->cases.size() == MineLimit || tasks == MineLimit
                                         ? tr(", the newest %1 of each").arg(MineLimit)
                                         : QString());
    answer(request, CaseView::list(request->channel, heading, entries),
           Outcome::delivered(
               tr("listed %1 open cases and %2 tasks").arg(mine->cases.size()).arg(tasks)));
}

void CommandHandler::answer(std::shared_ptr<Request> request, const QString &text,
                            const Outcome &outcome)
{
    answer(request, SlackMessage::notice(request->channel, text), outcome);
}

void CommandHandler::answer(std::shared_ptr<Request> request, const SlackMessage &message,
                            const Outcome &outcome)
{
    const auto ended = std::make_shared<Outcome>(outcome);
    const auto told = [request, ended](const SlackResult &r) {
        if (!r.ok())
            ended->detail += tr("; the answer did not reach Slack: %1").arg(r.error);
        request->done(*ended);
    };
    m_bridge.slack.tellPrivately(request->responseUrl, message, request->userId, told);
}

} // namespace Bridge
