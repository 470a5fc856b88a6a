#include "intake/thehiveintake.h"

#include "core/logging.h"
#include "http/httplistener.h"
#include "thehive/webhookauth.h"
#include "thehive/webhookevent.h"

#include <QHttpServerRequest>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QTimer>

namespace Bridge {

namespace {

/// The journal kind of an event, or empty when HiveSlack does not act on it.
QString actionableKind(const HiveEvent &e)
{
    if (!e.mainAction)
        return {}; // a derived copy (e.g. for another organisation sharing the case)
    if (e.isCaseEvent() &&
        (e.action == u"create" || e.action == u"update" || e.action == u"delete"))
        return QStringLiteral("case.") + e.action;
    if (e.isTaskCreation() && !e.caseId.isEmpty())
        return QStringLiteral("task.create");
    if (e.isCaseComment())
        return QStringLiteral("comment.create");
    if (e.isAlertEvent())
        // A merge changes the alert too (TheHive 5 audits it as "merge").
        return QStringLiteral("alert.") +
               (e.action == u"merge" ? QStringLiteral("update") : e.action);
    return {};
}

const QByteArray Json = QByteArrayLiteral("application/json");
const QByteArray Text = QByteArrayLiteral("text/plain; charset=utf-8");

QByteArray status(const char *word, qint64 id = 0)
{
    QJsonObject body{{QStringLiteral("status"), QLatin1String(word)}};
    if (id)
        body.insert(u"id", id);
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

} // namespace

TheHiveIntake::TheHiveIntake(Journal &journal, QByteArray webhookSecret, QObject *parent)
    : QObject(parent)
    , m_journal(journal)
    , m_secret(std::move(webhookSecret))
{
}

std::optional<TheHiveIntake::Answer> TheHiveIntake::admit(const QHttpServerRequest &request,
                                                          NewEvent *entry,
                                                          std::optional<NewEvent> *alertFollowUp)
{
    if (!isWebhookAuthorized(HttpListener::header(request, QByteArrayLiteral("Authorization")),
                             m_secret)) {
        ++m_rejected;
        qCWarning(lcHttp) << "refused a TheHive webhook with a wrong or missing secret from"
                          << request.remoteAddress().toString();
        return Answer{401, QByteArrayLiteral("wrong or missing webhook secret\n"), Text};
    }
    const WebhookParse parsed = parseWebhook(request.body());
    if (!parsed.event) {
        ++m_rejected;
        return Answer{400, "not a TheHive event: " + parsed.error.toUtf8() + '\n', Text};
    }
    const HiveEvent &event = *parsed.event;
    const QString kind = actionableKind(event);
    entry->source = QStringLiteral("thehive");
    entry->kind =
        kind.isEmpty() ? QStringLiteral("thehive.%1.%2").arg(event.objectType, event.action) : kind;
    entry->dedupeKey = QStringLiteral("thehive:") + event.dedupeKey();
    // Events about one alert are delivered in order, like a case's.
    entry->caseKey = event.isAlertEvent() ? event.objectId : event.caseId;
    entry->payload = request.body(); // the event only: the Authorization header is never kept
    entry->ignored = kind.isEmpty();
    const QString fromAlert = event.details.value(u"fromAlert").toObject().value(u"_id").toString();
    if (event.isCaseEvent() && event.mainAction && !fromAlert.isEmpty()) {
        NewEvent alert = *entry;
        alert.kind = QStringLiteral("alert.update");
        alert.caseKey = fromAlert;
        alert.dedupeKey = entry->dedupeKey + QStringLiteral("|alert");
        alert.ignored = false;
        *alertFollowUp = alert;
    }
    if (entry->ignored)
        entry->note =
            event.mainAction
                ? tr("HiveSlack does not act on %1 %2 events").arg(event.objectType, event.action)
                : tr("derived audit (mainAction false)");
    return std::nullopt;
}

void TheHiveIntake::handle(const QHttpServerRequest &request, Responder responder)
{
    QElapsedTimer received;
    received.start();
    NewEvent entry;
    std::optional<NewEvent> alertFollowUp;
    if (const std::optional<Answer> refused = admit(request, &entry, &alertFollowUp))
        return send(responder, *refused, received);
    Waiting waiting;
    waiting.received = received;
    waiting.event = std::move(entry);
    waiting.alertFollowUp = std::move(alertFollowUp);
    waiting.answer.emplace(std::move(responder));
    m_waiting.append(std::move(waiting));
    if (m_waiting.size() == 1)
        QTimer::singleShot(0, this, &TheHiveIntake::flush);
}

void TheHiveIntake::flush()
{
    const QList<Waiting> waiting = std::exchange(m_waiting, {});
    QList<NewEvent> events;
    QList<qsizetype> resultOf; // each waiting request's own event in `events`
    QList<qsizetype> followUps;
    events.reserve(waiting.size());
    for (const Waiting &w : waiting) {
        resultOf.append(events.size());
        events.append(w.event);
        if (w.alertFollowUp) { // in the same commit: accepted together
            followUps.append(events.size());
            events.append(*w.alertFollowUp);
        }
    }
    const QList<AppendResult> results = m_journal.appendBatch(events);
    for (const qsizetype i : followUps) {
        if (results.at(i).outcome == AppendOutcome::Inserted)
            Q_EMIT journaled(results.at(i).id);
    }

    for (qsizetype i = 0; i < waiting.size(); ++i) {
        const Waiting &w = waiting.at(i);
        const AppendResult &result = results.at(resultOf.at(i));
        Answer answer{200, status("duplicate"), Json};
        if (result.outcome == AppendOutcome::Failed) {
            qCCritical(lcJournal) << "cannot journal a TheHive event:" << result.error;
            answer = {503, QByteArrayLiteral("journal unavailable, event not accepted\n"), Text};
        } else if (result.outcome == AppendOutcome::Inserted) {
            ++m_accepted;
            answer = w.event.ignored ? Answer{200, status("ignored", result.id), Json}
                                     : Answer{202, status("accepted", result.id), Json};
            if (!w.event.ignored)
                Q_EMIT journaled(result.id);
        }
        // The sender may have left: the event is journaled all the same.
        if (w.answer->send(answer.status, answer.body, answer.mimeType))
            m_latency.observeNs(w.received.nsecsElapsed());
    }
}

void TheHiveIntake::send(QHttpServerResponder &responder, const Answer &answer,
                         const QElapsedTimer &received)
{
    responder.write(answer.body, answer.mimeType, QHttpServerResponder::StatusCode(answer.status));
    m_latency.observeNs(received.nsecsElapsed());
}

} // namespace Bridge
