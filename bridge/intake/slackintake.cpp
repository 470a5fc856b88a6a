#include "intake/slackintake.h"

#include "alerts/alertcard.h"
#include "alerts/alertforms.h"
#include "commands/hivecommand.h"
#include "commands/responseurls.h"
#include "core/firstanswer.h"
#include "core/logging.h"
#include "evidence/evidenceform.h"
#include "journal/journal.h"
#include "newcase/newcaseform.h"
#include "slack/cardrenderer.h"
#include "slack/interaction.h"
#include "slack/messageevents.h"
#include "slack/modals.h"

#include <QDate>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace Bridge {

namespace {

bool isOurs(const SlackInteraction &i)
{
    if (i.type == SlackInteraction::Type::ViewSubmission)
        return i.callbackId == ModalIds::CloseCaseCallback ||
               i.callbackId == ModalIds::AddTaskCallback || i.callbackId == NewCaseIds::Callback ||
               i.callbackId == EvidenceIds::Callback || isAlertForm(i.callbackId);
    if (i.type == SlackInteraction::Type::MessageAction)
        return i.callbackId == EvidenceIds::Shortcut;
    if (i.type != SlackInteraction::Type::BlockActions || i.actions.isEmpty())
        return false;
    // URL buttons: Slack opens them.
    const QString id = i.actions.first().actionId;
    return id.startsWith(u"hs_") && id != u"hs_open_case" && id != AlertIds::Open;
}

/// What Slack sent, as journaled: Slack's legacy verification token and response URLs
/// (capabilities to post into the channel) are credentials, and the journal holds none.
QByteArray withoutCredentials(QJsonObject json)
{
    json.remove(u"token");
    json.remove(u"response_url");
    json.remove(u"response_urls");
    return QJsonDocument(json).toJson(QJsonDocument::Compact);
}

/// Field errors for a modal submission; empty when it may go ahead.
QJsonObject submissionErrors(const SlackInteraction &i, const QDate &today)
{
    if (i.callbackId == ModalIds::CloseCaseCallback)
        return validateCloseCase(parseCloseCase(i.stateValues));
    if (i.callbackId == NewCaseIds::Callback)
        return validateNewCase(parseNewCase(i.stateValues));
    if (i.callbackId == EvidenceIds::Callback)
        return validateEvidence(parseEvidence(i.stateValues));
    if (isAlertForm(i.callbackId))
        return validateAlertForm(i.callbackId, parseAlertForm(i.stateValues));
    return validateAddTask(parseAddTask(i.stateValues), today);
}

} // namespace

SlackIntake::SlackIntake(Journal &journal, const Clock &clock, QString taskTimeZone,
                         ResponseUrls &responseUrls, QObject *parent)
    : QObject(parent)
    , m_journal(journal)
    , m_clock(clock)
    , m_taskTimeZone(std::move(taskTimeZone))
    , m_responseUrls(responseUrls)
{
}

SlackAck SlackIntake::invalid(const QString &error)
{
    ++m_rejected;
    return {SlackAck::Kind::Invalid, {}, error};
}

SlackAck SlackIntake::journal(const NewEvent &entry, const QJsonObject &answer)
{
    const AppendResult result = m_journal.append(entry);
    if (result.outcome == AppendOutcome::Failed) {
        qCCritical(lcJournal) << "cannot journal from Slack:" << result.error;
        return {SlackAck::Kind::JournalDown, {}, result.error};
    }
    ++m_accepted;
    if (result.outcome == AppendOutcome::Inserted && !entry.ignored)
        Q_EMIT journaled(result.id);
    return {SlackAck::Kind::Accepted, answer, {}};
}

SlackAck SlackIntake::takeInteraction(const QByteArray &payloadJson)
{
    QString error;
    const std::optional<SlackInteraction> interaction = parseInteraction(payloadJson, &error);
    if (!interaction)
        return invalid(u"not a Slack interaction: "_s + error);

    NewEvent entry;
    entry.source = EventSource::Slack;
    entry.kind = u"slack."_s + interaction->typeName;
    entry.payload = withoutCredentials(QJsonDocument::fromJson(payloadJson).object());
    entry.ignored = !isOurs(*interaction);
    // What Slack sends again carries the same ids: the trigger, else the click's own time.
    if (!interaction->triggerId.isEmpty())
        entry.dedupeKey = u"slack:"_s + interaction->triggerId;
    else if (!interaction->actions.isEmpty() && !interaction->actions.first().actionTs.isEmpty())
        entry.dedupeKey =
            u"slack-action:%1:%2"_s.arg(interaction->userId, interaction->actions.first().actionTs);
    // The case key keeps an interaction in order with the case's other events.
    if (!interaction->actions.isEmpty())
        entry.caseKey = caseIdFromBlockId(interaction->actions.first().blockId).value_or(QString());
    else if (interaction->callbackId == EvidenceIds::Callback)
        entry.caseKey = parseEvidence(interaction->stateValues).caseId;
    else if (!interaction->privateMetadata.isEmpty())
        entry.caseKey = QJsonDocument::fromJson(interaction->privateMetadata.toUtf8())
                            .object()
                            .value(u"case")
                            .toString();

    QJsonObject fieldErrors;
    if (!entry.ignored && interaction->type == SlackInteraction::Type::ViewSubmission) {
        const QTimeZone zone(m_taskTimeZone.toUtf8());
        const QDate today = QDateTime::fromMSecsSinceEpoch(m_clock.nowMs(),
                                                           zone.isValid() ? zone : QTimeZone::utc())
                                .date();
        fieldErrors = submissionErrors(*interaction, today);
        if (!fieldErrors.isEmpty()) {
            entry.ignored = true;
            entry.note = tr("modal input refused: %1")
                             .arg(QString::fromUtf8(
                                 QJsonDocument(fieldErrors).toJson(QJsonDocument::Compact)));
        }
    } else if (entry.ignored) {
        entry.note = tr("not a HiveSlack control");
    } else if (interaction->type == SlackInteraction::Type::MessageAction) {
        // Its answers go back through the response_url (kept in memory only).
        m_responseUrls.remember(interaction->triggerId, QUrl(interaction->responseUrl));
    }
    if (fieldErrors.isEmpty())
        return journal(entry, {});
    return journal(entry, {{u"response_action"_s, u"errors"_s}, {u"errors"_s, fieldErrors}});
}

void SlackIntake::takeSuggestion(const QByteArray &payloadJson,
                                 std::function<void(const SlackAck &)> answer)
{
    QString error;
    const std::optional<SlackInteraction> in = parseInteraction(payloadJson, &error);
    if (!in || in->type != SlackInteraction::Type::BlockSuggestion)
        return answer(invalid(u"not a Slack block_suggestion: "_s +
                              (in ? u"its type is "_s + in->typeName : error)));
    const QJsonObject none{{u"options"_s, QJsonArray()}};
    if (!m_suggestions)
        return answer({SlackAck::Kind::Accepted, none, {}});
    // Whichever comes first answers: the options, or none at the deadline.
    m_suggestions(*in, firstAnswer<QJsonObject>(this, SuggestionDeadlineMs, none,
                                                [answer](const QJsonObject &options) {
                                                    answer({SlackAck::Kind::Accepted, options, {}});
                                                }));
}

SlackAck SlackIntake::takeEvent(const QJsonObject &body)
{
    const QString eventId = body.value(u"event_id").toString();
    const QString type = body.value(u"event").toObject().value(u"type").toString();
    if (body.value(u"type").toString() != u"event_callback" || eventId.isEmpty() || type.isEmpty())
        return invalid(u"not a Slack event_callback with an event_id and an event type"_s);
    NewEvent entry;
    entry.source = EventSource::Slack;
    entry.kind = u"slack.event."_s + type;
    entry.payload = withoutCredentials(body);
    // Slack resends an event it thinks was not acknowledged, with the same event_id.
    entry.dedupeKey = u"slack-event:"_s + eventId;
    // A person's reply in a card's thread may go to the case (ThreadSync); anything else, a
    // bot's message (HiveSlack's own among them) included, is kept for the record only.
    const QJsonObject event = body.value(u"event").toObject();
    const bool reply = MessageEvents::isThreadReply(event);
    const std::optional<CardRef> card = reply
                                            ? m_journal.cardAt(event.value(u"channel").toString(),
                                                               event.value(u"thread_ts").toString())
                                            : std::nullopt;
    if (card) {
        entry.caseKey = card->caseId; // in order with the case's other events
        return journal(entry, {});
    }
    entry.ignored = true;
    entry.note = reply ? tr("a reply in a thread that is not a card's")
                 : type == u"message"
                     ? tr("not a person's reply in a thread (a bot's, an edit, a channel message)")
                     : tr("Slack event journaled; no HiveSlack feature acts on it");
    // The channel's own conversation is none of HiveSlack's business: its words are not kept.
    if (type == u"message")
        entry.payload = MessageEvents::wordless(body);
    return journal(entry, {});
}

SlackAck SlackIntake::takeCommand(const QJsonObject &fields)
{
    const QString command = fields.value(u"command").toString();
    const QString triggerId = fields.value(u"trigger_id").toString();
    if (!command.startsWith(u'/') || triggerId.isEmpty())
        return invalid(u"not a Slack slash command with a command and a trigger_id"_s);
    NewEvent entry;
    entry.source = EventSource::Slack;
    entry.kind = u"slack.command"_s;
    entry.payload = withoutCredentials(fields);
    entry.dedupeKey = u"slack:"_s + triggerId;
    const HiveCommand asked = parseHiveCommand(fields.value(u"text").toString());
    if (asked.kind == HiveCommand::Kind::Help) {
        // Nothing to look up: answered at once, seen only by the person who typed it.
        entry.ignored = true;
        entry.note = tr("answered when it arrived");
        return journal(entry, {{u"response_type"_s, u"ephemeral"_s},
                               {u"text"_s, hiveCommandHelp(command, asked.unknown)}});
    }
    m_responseUrls.remember(triggerId, QUrl(fields.value(u"response_url").toString()));
    return journal(entry, {}); // the answer follows through the response_url
}

} // namespace Bridge
