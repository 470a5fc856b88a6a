#include "delivery/cardpublisher.h"

#include "clients/hiveversionprobe.h"
#include "clients/slackclient.h"
#include "clients/thehiveclient.h"
#include "core/caserecordjson.h"
#include "core/logging.h"
#include "delivery/outcomes.h"
#include "directory/slackdirectory.h"
#include "journal/journal.h"
#include "routing/router.h"
#include "slack/cardrenderer.h"
#include "thehive/casejson.h"
#include "thehive/dialect.h"

#include <QJsonDocument>

namespace Bridge {

CardPublisher::CardPublisher(const BridgeConfig &config, Journal &journal, TheHiveClient &hive,
                             HiveVersionProbe &versions, SlackClient &slack,
                             SlackDirectory &directory, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_journal(journal)
    , m_hive(hive)
    , m_versions(versions)
    , m_slack(slack)
    , m_directory(directory)
{
}

void CardPublisher::handle(const JournalEvent &event, Dispatcher::Completion done)
{
    const WebhookParse parsed = parseWebhook(event.payload);
    if (!parsed.event)
        return done(
            Outcome::failed(tr("journaled webhook no longer parses: %1").arg(parsed.error)));
    const HiveEvent hiveEvent = *parsed.event;

    m_versions.withVersion(
        [this, hiveEvent, done](std::optional<HiveVersion> version, const QString &error) {
            if (!version)
                return done(Outcome::retry(error));
            if (hiveEvent.isCaseEvent() && hiveEvent.action == u"create") {
                // The webhook carries the whole case: no round-trip to TheHive for a new card.
                const QJsonObject object =
                    hiveEvent.object.isEmpty() ? hiveEvent.details : hiveEvent.object;
                CaseRecord record = caseFromJson(object, *version);
                if (record.id.isEmpty())
                    record.id = hiveEvent.caseId;
                if (record.organisation.isEmpty())
                    record.organisation = hiveEvent.organisation;
                return publish(record, *version, {}, done);
            }
            if (hiveEvent.isCaseEvent() && hiveEvent.action == u"delete")
                return done(
                    Outcome::ignored(tr("case deleted in TheHive; its card is left as it was")));
            QString actor = hiveEvent.actor.isEmpty() ? tr("someone in TheHive") : hiveEvent.actor;
            refreshCard(hiveEvent.caseId, *version, hiveEvent.isTaskCreation() ? QString() : actor,
                        done);
        });
}

void CardPublisher::refreshCard(const QString &caseId, const HiveVersion &version,
                                const QString &actor, Dispatcher::Completion done)
{
    m_hive.fetchCase(
        caseId, version,
        [this, version, actor, done](std::optional<CaseRecord> record, const HiveResult &r) {
            if (!record)
                return done(outcomeFor(r, tr("reading the case from TheHive")));
            withTaskCount(*record, version, [this, version, actor, done](const CaseRecord &c) {
                publish(c, version, actor, done);
            });
        });
}

void CardPublisher::withTaskCount(CaseRecord record, const HiveVersion &version,
                                  std::function<void(const CaseRecord &)> next)
{
    m_hive.send(HiveRequests::countTasks(record.id, version),
                [record, next](const HiveResult &r) mutable {
                    // The count is a nicety: a TheHive that refuses the query still gets a card.
                    bool ok = false;
                    const int count = r.body.trimmed().toInt(&ok);
                    if (r.ok() && ok)
                        record.taskCount = count;
                    next(record);
                });
}

void CardPublisher::publish(const CaseRecord &record, const HiveVersion &version,
                            const QString &actor, Dispatcher::Completion done)
{
    const RouteDecision route = routeCase(record, m_config);
    if (route.show == RouteDecision::Show::Nothing)
        return done(
            Outcome::ignored(tr("TLP above the ceiling of route %1: not posted")
                                 .arg(route.ruleName.isEmpty() ? tr("default") : route.ruleName)));
    m_directory.userIdForEmail(record.assignee, [=, this](const QString &slackUserId) {
        CardOptions options;
        options.version = version;
        options.caseUrl = QUrl(caseUiUrl(m_config.theHiveUiUrl, record, version));
        options.assigneeSlackUserId = slackUserId;
        options.redacted = route.show == RouteDecision::Show::Redacted;
        postOrUpdate(record, version, route.channel, renderCaseCard(record, options), actor, done);
    });
}

void CardPublisher::postOrUpdate(const CaseRecord &record, const HiveVersion &version,
                                 const QString &channel, const QJsonObject &message,
                                 const QString &actor, Dispatcher::Completion done)
{
    const std::optional<CardRef> existing = m_journal.card(record.id);
    const QByteArray caseJson = caseToJson(record);
    if (!existing) {
        m_slack.postMessage(channel, message, {}, [=, this](const SlackResult &r) {
            if (!r.ok())
                return done(outcomeFor(r, tr("posting the card")));
            const QString ts = r.json.value(u"ts").toString();
            const QString postedChannel = r.json.value(u"channel").toString(channel);
            m_journal.saveCard({record.id, postedChannel, ts, caseJson, version.toString()});
            Q_EMIT cardPosted(record.id, postedChannel, ts);
            done(Outcome::delivered(tr("card posted in %1 (ts %2)").arg(postedChannel, ts)));
        });
        return;
    }
    const CardRef card = *existing;
    m_slack.updateMessage(card.channel, card.ts, message, [=, this](const SlackResult &r) {
        if (!r.ok())
            return done(outcomeFor(r, tr("updating the card")));
        m_journal.saveCard({record.id, card.channel, card.ts, caseJson, version.toString()});
        const CaseRecord before = caseFromStoredJson(card.caseJson);
        const QStringList changes = describeChanges(before, record, version);
        if (actor.isEmpty() || changes.isEmpty())
            return done(Outcome::delivered(tr("card updated")));
        const QString note = tr("%1 set %2").arg(actor, changes.join(QStringLiteral(", ")));
        m_slack.postMessage(
            card.channel, QJsonObject{{QStringLiteral("text"), note}}, card.ts,
            [done, note](const SlackResult &noteResult) {
                // The card is right; a lost thread note is reported, not retried
                // (a retry would update the card and post the note again).
                done(Outcome::delivered(
                    noteResult.ok()
                        ? tr("card updated; noted: %1").arg(note)
                        : tr("card updated; thread note failed: %1").arg(noteResult.error)));
            });
    });
}

} // namespace Bridge
