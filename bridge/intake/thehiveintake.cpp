#include "intake/thehiveintake.h"

#include "core/logging.h"
#include "http/httplistener.h"
#include "journal/journal.h"
#include "thehive/webhookauth.h"
#include "thehive/webhookevent.h"

#include <QHttpServerRequest>
#include <QJsonDocument>
#include <QJsonObject>

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
    return {};
}

QHttpServerResponse answer(int status, const QJsonObject &body)
{
    return HttpListener::json(status, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

} // namespace

TheHiveIntake::TheHiveIntake(Journal &journal, QByteArray webhookSecret, QObject *parent)
    : QObject(parent)
    , m_journal(journal)
    , m_secret(std::move(webhookSecret))
{
}

QHttpServerResponse TheHiveIntake::handle(const QHttpServerRequest &request)
{
    if (!isWebhookAuthorized(HttpListener::header(request, QByteArrayLiteral("Authorization")),
                             m_secret)) {
        ++m_rejected;
        qCWarning(lcHttp) << "refused a TheHive webhook with a wrong or missing secret from"
                          << request.remoteAddress().toString();
        return HttpListener::text(401, QByteArrayLiteral("wrong or missing webhook secret\n"));
    }
    const WebhookParse parsed = parseWebhook(request.body());
    if (!parsed.event) {
        ++m_rejected;
        return HttpListener::text(400, "not a TheHive event: " + parsed.error.toUtf8() + '\n');
    }
    const HiveEvent &event = *parsed.event;
    const QString kind = actionableKind(event);

    NewEvent entry;
    entry.source = QStringLiteral("thehive");
    entry.kind =
        kind.isEmpty() ? QStringLiteral("thehive.%1.%2").arg(event.objectType, event.action) : kind;
    entry.dedupeKey = QStringLiteral("thehive:") + event.dedupeKey();
    entry.caseKey = event.caseId;
    entry.payload = request.body();
    entry.ignored = kind.isEmpty();
    if (entry.ignored)
        entry.note =
            event.mainAction
                ? tr("HiveSlack does not act on %1 %2 events").arg(event.objectType, event.action)
                : tr("derived audit (mainAction false)");

    const AppendResult result = m_journal.append(entry);
    switch (result.outcome) {
    case AppendOutcome::Failed:
        qCCritical(lcJournal) << "cannot journal a TheHive event:" << result.error;
        return HttpListener::text(503,
                                  QByteArrayLiteral("journal unavailable, event not accepted\n"));
    case AppendOutcome::Duplicate:
        return answer(200, {{QStringLiteral("status"), QStringLiteral("duplicate")}});
    case AppendOutcome::Inserted:
        break;
    }
    ++m_accepted;
    if (!entry.ignored)
        Q_EMIT journaled(result.id);
    return answer(entry.ignored ? 200 : 202,
                  {{QStringLiteral("status"),
                    entry.ignored ? QStringLiteral("ignored") : QStringLiteral("accepted")},
                   {QStringLiteral("id"), result.id}});
}

} // namespace Bridge
