#include "intake/slackintake.h"

#include "core/logging.h"
#include "http/httplistener.h"
#include "journal/journal.h"
#include "slack/cardrenderer.h"
#include "slack/formdecoding.h"
#include "slack/interaction.h"
#include "slack/modals.h"
#include "slack/slacksignature.h"

#include <QDate>
#include <QHttpServerRequest>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>

namespace Bridge {

namespace {

bool isOurs(const SlackInteraction &i)
{
    if (i.type == SlackInteraction::Type::ViewSubmission)
        return i.callbackId == u"hs_close_case" || i.callbackId == u"hs_add_task";
    if (i.type != SlackInteraction::Type::BlockActions || i.actions.isEmpty())
        return false;
    return i.actions.first().actionId.startsWith(u"hs_") &&
           i.actions.first().actionId != u"hs_open_case"; // a URL button: Slack opens it
}

/// The interaction as journaled: Slack's legacy verification token and the response URLs
/// (capabilities to post into the channel) are credentials, and the journal holds none.
QByteArray withoutCredentials(const QByteArray &payload)
{
    QJsonObject json = QJsonDocument::fromJson(payload).object();
    json.remove(u"token");
    json.remove(u"response_url");
    json.remove(u"response_urls");
    return QJsonDocument(json).toJson(QJsonDocument::Compact);
}

/// Field errors for a modal submission; empty when it may go ahead.
QJsonObject submissionErrors(const SlackInteraction &i, const QDate &today)
{
    if (i.callbackId == u"hs_close_case")
        return validateCloseCase(parseCloseCase(i.stateValues));
    return validateAddTask(parseAddTask(i.stateValues), today);
}

} // namespace

SlackIntake::SlackIntake(Journal &journal, const Clock &clock, QByteArray signingSecret,
                         QString taskTimeZone, QObject *parent)
    : QObject(parent)
    , m_journal(journal)
    , m_clock(clock)
    , m_secret(std::move(signingSecret))
    , m_taskTimeZone(std::move(taskTimeZone))
{
}

QHttpServerResponse SlackIntake::handle(const QHttpServerRequest &request)
{
    const QByteArray body = request.body();
    const auto form = decodeForm(body);
    // Slack's URL check carries no signature; answer it and never dispatch it.
    if (formValue(form, QStringLiteral("ssl_check")) == u"1" &&
        formValue(form, QStringLiteral("payload")).isEmpty())
        return HttpListener::text(200, {});

    const SignatureCheck check = verifySlackSignature(
        m_secret, HttpListener::header(request, QByteArrayLiteral("X-Slack-Request-Timestamp")),
        HttpListener::header(request, QByteArrayLiteral("X-Slack-Signature")), body,
        m_clock.nowSecs());
    if (check != SignatureCheck::Valid) {
        ++m_rejected;
        qCWarning(lcHttp) << "refused a Slack request:" << describe(check);
        return HttpListener::text(401, describe(check).toUtf8() + '\n');
    }

    QString error;
    const QString payload = formValue(form, QStringLiteral("payload"));
    const std::optional<SlackInteraction> interaction =
        payload.isEmpty() ? std::nullopt : parseInteraction(payload.toUtf8(), &error);
    if (!interaction) {
        ++m_rejected;
        return HttpListener::text(
            400, "not a Slack interaction: " +
                     (payload.isEmpty() ? QByteArrayLiteral("no payload") : error.toUtf8()) + '\n');
    }

    NewEvent entry;
    entry.source = QStringLiteral("slack");
    entry.kind = QStringLiteral("slack.") + interaction->typeName;
    entry.payload = withoutCredentials(payload.toUtf8());
    entry.ignored = !isOurs(*interaction);
    if (!interaction->triggerId.isEmpty())
        entry.dedupeKey = QStringLiteral("slack:") + interaction->triggerId;
    // The case key keeps an interaction in order with the case's other events.
    if (!interaction->actions.isEmpty())
        entry.caseKey = caseIdFromBlockId(interaction->actions.first().blockId).value_or(QString());
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
    }

    const AppendResult result = m_journal.append(entry);
    if (result.outcome == AppendOutcome::Failed) {
        qCCritical(lcJournal) << "cannot journal a Slack interaction:" << result.error;
        return HttpListener::text(503, QByteArrayLiteral("journal unavailable\n"));
    }
    ++m_accepted;
    if (result.outcome == AppendOutcome::Inserted && !entry.ignored)
        Q_EMIT journaled(result.id);
    if (!fieldErrors.isEmpty()) {
        const QJsonObject ack{{QStringLiteral("response_action"), QStringLiteral("errors")},
                              {QStringLiteral("errors"), fieldErrors}};
        return HttpListener::json(200, QJsonDocument(ack).toJson(QJsonDocument::Compact));
    }
    return HttpListener::text(200, {});
}

} // namespace Bridge
