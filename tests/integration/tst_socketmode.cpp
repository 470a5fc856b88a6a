// Socket Mode, end to end: the bridge has no Slack-facing listener at all (no signing secret:
// the HTTP Slack routes answer 404) and takes everything Slack sends over the WebSocket it
// opens itself. Clicks reach TheHive and redraw the card; every envelope is acknowledged after
// it is journaled and within Slack's 3 s; refreshes and drops lose nothing; a retried envelope
// is applied once.
#include "bridgeharness.h"
#include "journallock.h"
#include "slackpayloads.h"

#include "socketmode/socketmodeclient.h"

#include <QJsonDocument>
#include <QTest>

using namespace TestSupport;
using namespace Qt::StringLiterals;

namespace {

/// A Socket Mode bridge with alice known to both fakes and one case whose card is posted.
class Scene
{
public:
    BridgeHarness h;
    FakeSocketMode &socket = h.useSocketMode();
    QString caseId;

    bool open()
    {
        h.slack.addUser(Alice.slackId, Alice.name, Alice.email);
        h.hive.addUser(Alice.email, u"Alice Martin"_s, Alice.email);
        h.start();
        caseId = h.hive.addCase({{u"title"_s, u"Beaconing from WS-017"_s}, {u"severity"_s, 2}})
                     .value(u"_id"_s)
                     .toString();
        return h.postWebhook(h.hive.webhookFor(u"create"_s, caseId)).status == 202 &&
               BridgeHarness::waitFor([this] { return h.cards().size() == 1; }) && settle() &&
               connected();
    }
    bool connected()
    {
        return BridgeHarness::waitFor([this] {
            const auto *client = h.bridge().socketMode();
            return client && client->status().state == Bridge::SocketModeClient::State::Connected;
        });
    }
    bool settle()
    {
        return BridgeHarness::waitFor([this] { return h.journal().counts().pending == 0; });
    }
    FakeSlack::PostedMessage card() const { return h.cards().value(0); }

    /// Alice picks a severity on the card, sent in an `interactive` envelope.
    QJsonObject severityClick(const QString &value)
    {
        const std::optional<Control> severity = findControl(card().blocks, u"hs_severity"_s);
        if (!severity)
            return {};
        return blockActions(Alice, card(),
                            selectAction(*severity, optionWithValue(severity->element, value)));
    }
    bool acked(const QString &envelopeId)
    {
        return BridgeHarness::waitFor([&] { return socket.ack(envelopeId).has_value(); });
    }
    int severityPatches() const
    {
        int n = 0;
        for (const RecordedRequest &r : h.hive.requests(u"/api/v1/case/"_s + caseId))
            n += r.method == "PATCH" ? 1 : 0;
        return n;
    }
};

} // namespace

class TestSocketMode : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aClickReachesTheHiveWithNoListenerForSlack()
    {
        Scene s;
        QVERIFY(s.open());
        // Nothing unsigned is taken: without a signing secret the HTTP routes are not there.
        QCOMPARE(s.h.postInteraction(s.severityClick(u"3"_s)).status, 404);
        QCOMPARE(s.h.postRaw(u"/slack/events"_s, "{}", {}).status, 404);
        QCOMPARE(s.h.postRaw(u"/slack/commands"_s, "command=%2Fhive", {}).status, 404);
        QCOMPARE(s.severityPatches(), 0);

        const QString id = s.socket.sendEnvelope(u"interactive"_s, s.severityClick(u"3"_s));
        QVERIFY(s.acked(id));
        QVERIFY(s.socket.ack(id)->afterMs < 3000);
        QCOMPARE(s.socket.ack(id)->message, QJsonObject({{u"envelope_id"_s, id}}));
        QVERIFY(BridgeHarness::waitFor(
            [&] { return s.h.hive.caseJson(s.caseId).value(u"severity").toInt() == 3; }));
        QVERIFY(s.settle());
        QVERIFY(BridgeHarness::waitFor([&] { return s.card().updates >= 1; }));
        QCOMPARE(shownValue(s.card().blocks, u"hs_severity"_s), u"3"_s);
        // The app token opened the connection; the bot token did everything else.
        QCOMPARE(s.h.slack.requests(u"/api/apps.connections.open"_s)
                     .constFirst()
                     .header("Authorization"),
                 QByteArray("Bearer xapp-1-A111-harness"));
        const QByteArray health = s.h.get(u"/healthz"_s).body;
        QVERIFY2(health.contains("\"socketMode\":{\"state\":\"connected\"}"), health.constData());
        // The envelope's time to its ack is in /metrics, as the HTTP routes' are.
        const QByteArray metrics = s.h.get(u"/metrics"_s).body;
        QVERIFY2(metrics.contains(
                     "\nhiveslack_request_duration_seconds_count{route=\"socket_mode\"} 1\n"),
                 metrics.constData());
        QVERIFY(metrics.contains(
            "\nhiveslack_request_duration_seconds_bucket{route=\"socket_mode\",le=\"3\"} 1\n"));
    }

    void aRetriedEnvelopeIsAppliedOnce()
    {
        Scene s;
        QVERIFY(s.open());
        const QJsonObject click = s.severityClick(u"4"_s);
        const QString first = s.socket.sendEnvelope(u"interactive"_s, click);
        // Slack delivers the same click again (an ack it thought late), under a new envelope id.
        const QString again = s.socket.sendEnvelope(u"interactive"_s, click);
        QVERIFY(first != again);
        QVERIFY(s.acked(first));
        QVERIFY(s.acked(again));
        QVERIFY(s.settle());
        QCOMPARE(s.severityPatches(), 1);
        QCOMPARE(s.h.journal().events({.states = {}, .text = u"block_actions"_s}).size(), 1);
    }

    void aRefreshLosesNothing()
    {
        Scene s;
        QVERIFY(s.open());
        QCOMPARE(s.socket.greeted(), 1);
        QList<Bridge::SocketModeClient::State> states;
        QObject::connect(s.h.bridge().socketMode(), &Bridge::SocketModeClient::stateChanged,
                         [&](Bridge::SocketModeClient::State state) { states.append(state); });
        // Slack asks for a refresh and closes the old connection a little later.
        s.socket.requestDisconnect(u"refresh_requested"_s, 300);
        QVERIFY(BridgeHarness::waitFor([&] { return s.socket.greeted() == 2; }));
        // Make-before-break: the new connection is up before the old one goes away.
        QVERIFY(BridgeHarness::waitFor([&] { return s.socket.openConnections() == 1; }));
        const QString id = s.socket.sendEnvelope(u"interactive"_s, s.severityClick(u"1"_s));
        QVERIFY(s.acked(id));
        QCOMPARE(s.socket.ack(id)->connection, 2);
        QVERIFY(s.settle());
        QCOMPARE(s.h.hive.caseJson(s.caseId).value(u"severity").toInt(), 1);
        QTest::qWait(400); // past Slack's close of the old connection
        QVERIFY2(states.isEmpty(), "the bridge was not connected all through the refresh");
    }

    void anEnvelopeOnTheOldConnectionDuringARefreshIsTaken()
    {
        Scene s;
        QVERIFY(s.open());
        s.socket.requestDisconnect(u"warning"_s);
        // Still on the old connection while the new one opens.
        const QString id = s.socket.sendEnvelope(u"interactive"_s, s.severityClick(u"3"_s));
        QVERIFY(s.acked(id));
        QCOMPARE(s.socket.ack(id)->connection, 1);
        QVERIFY(BridgeHarness::waitFor([&] { return s.socket.greeted() == 2; }));
        QVERIFY(BridgeHarness::waitFor([&] { return s.socket.openConnections() == 1; }));
        QVERIFY(s.settle());
        QCOMPARE(s.severityPatches(), 1);
    }

    void aDroppedConnectionReopens()
    {
        Scene s;
        QVERIFY(s.open());
        s.socket.dropAll();
        QVERIFY(BridgeHarness::waitFor([&] { return s.socket.greeted() == 2; }, 5000));
        QVERIFY(s.connected());
        const QString id = s.socket.sendEnvelope(u"interactive"_s, s.severityClick(u"4"_s));
        QVERIFY(s.acked(id));
        QVERIFY(s.settle());
        QCOMPARE(s.h.hive.caseJson(s.caseId).value(u"severity").toInt(), 4);
        QCOMPARE(s.h.bridge().socketMode()->status().connections, quint64(2));
    }

    void everyEnvelopeIsAcknowledged()
    {
        Scene s;
        QVERIFY(s.open());
        // An event (journaled for the record), a slash command (answered in its ack), and a
        // type nobody knows: all acknowledged.
        const QJsonObject mention =
            FakeSocketMode::fixture(u"socket_mode_envelope_events_api_app_mention"_s);
        const QString event =
            s.socket.sendEnvelope(u"events_api"_s, mention.value(u"payload").toObject());
        const QJsonObject command = FakeSocketMode::fixture(u"docs_envelope_slash_commands"_s);
        const QString slash =
            s.socket.sendEnvelope(u"slash_commands"_s, command.value(u"payload").toObject(), true);
        const QString unknown = s.socket.sendEnvelope(u"something_new"_s, {{u"x"_s, 1}});
        for (const QString &id : {event, slash, unknown})
            QVERIFY(s.acked(id));
        QCOMPARE(s.socket.ack(slash)->message.value(u"payload").toObject().value(u"response_type"),
                 u"ephemeral"_s);
        QVERIFY(!s.socket.ack(event)->message.contains(u"payload"));
        const QList<Bridge::JournalEvent> events =
            s.h.journal().events({.states = {}, .text = u"slack.event.app_mention"_s});
        QCOMPARE(events.size(), 1);
        QCOMPARE(events.constFirst().state, u"ignored"_s);
        QVERIFY(!events.constFirst().payload.contains("fixed-value")); // the token is not kept
        const QList<Bridge::JournalEvent> commands =
            s.h.journal().events({.states = {}, .text = u"slack.command"_s});
        QCOMPARE(commands.size(), 1);
        QVERIFY(!commands.constFirst().payload.contains("response_url"));
        // A retried event (same event_id, new envelope) is journaled once.
        const QString retried =
            s.socket.sendEnvelope(u"events_api"_s, mention.value(u"payload").toObject(), false, 1);
        QVERIFY(s.acked(retried));
        QCOMPARE(s.h.journal().events({.states = {}, .text = u"slack.event.app_mention"_s}).size(),
                 1);
    }

    void modalErrorsComeBackInTheAck()
    {
        Scene s;
        QVERIFY(s.open());
        const std::optional<Control> addTask = findControl(s.card().blocks, u"hs_add_task"_s);
        QVERIFY(addTask);
        const QString click = s.socket.sendEnvelope(
            u"interactive"_s, blockActions(Alice, s.card(), buttonAction(*addTask)));
        QVERIFY(s.acked(click));
        QVERIFY(BridgeHarness::waitFor([&] { return s.h.slack.openedViews().size() == 1; }));
        const QJsonObject blank =
            viewSubmission(Alice, s.h.slack.openedViews().constFirst(),
                           addTaskValues(u"   "_s, {}, s.h.hive.isTheHive4()));
        const QString submit = s.socket.sendEnvelope(u"interactive"_s, blank, true);
        QVERIFY(s.acked(submit));
        const QJsonObject payload = s.socket.ack(submit)->message.value(u"payload").toObject();
        QCOMPARE(payload.value(u"response_action").toString(), u"errors"_s);
        QVERIFY(!payload.value(u"errors").toObject().isEmpty());
        QVERIFY(s.settle());
        QVERIFY(s.h.hive.tasks(s.caseId).isEmpty());
    }

    void nothingIsAcknowledgedThatTheJournalDidNotTake()
    {
        Scene s;
        s.h.journalBusyTimeoutMs = 100;
        QVERIFY(s.open());
        JournalLock lock(s.h.journalPath());
        QVERIFY(lock.locked());
        const QString lost = s.socket.sendEnvelope(u"interactive"_s, s.severityClick(u"4"_s));
        QTest::qWait(500);
        // Not acknowledged: Slack tells Alice it failed, and nothing happens behind her back.
        QVERIFY(!s.socket.ack(lost));
        QCOMPARE(s.h.bridge().socketMode()->status().unacknowledged, quint64(1));
        // She clicks again once the journal writes.
        lock.release();
        const QString again = s.socket.sendEnvelope(u"interactive"_s, s.severityClick(u"4"_s));
        QVERIFY(s.acked(again));
        QVERIFY(s.settle());
        QCOMPARE(s.severityPatches(), 1);
    }

    void aConnectionThatNeverSaysHelloIsReplaced()
    {
        Scene s;
        s.socket.withholdHello(true);
        s.h.start();
        QVERIFY(BridgeHarness::waitFor([&] { return s.socket.accepted() >= 1; }));
        s.socket.withholdHello(false);
        // After the silence limit the bridge gives up on it and connects anew.
        QVERIFY(s.connected());
        QVERIFY(s.socket.accepted() >= 2);
        QCOMPARE(s.socket.greeted(), 1);
    }

    void tooManyWebsocketsBacksOff()
    {
        Scene s;
        QVERIFY(s.open());
        const int asked = int(s.h.slack.requests(u"/api/apps.connections.open"_s).size());
        s.socket.requestDisconnect(u"too_many_websockets"_s);
        // No second connection at once: it backs off, then connects again.
        QTest::qWait(20);
        QCOMPARE(s.h.slack.requests(u"/api/apps.connections.open"_s).size(), asked);
        QVERIFY(BridgeHarness::waitFor([&] { return s.socket.greeted() == 2; }, 3000));
        QVERIFY(s.connected());
    }

    void aRefusedTokenStopsIt()
    {
        Scene s;
        s.h.slack.enableSocketMode(u"xapp-1-another-token"_s); // Slack no longer takes ours
        s.h.start();
        QVERIFY(BridgeHarness::waitFor([&] {
            return s.h.bridge().socketMode()->status().state ==
                   Bridge::SocketModeClient::State::Refused;
        }));
        QTest::qWait(300);
        QCOMPARE(s.h.slack.requests(u"/api/apps.connections.open"_s).size(), 1);
        const QByteArray health = s.h.get(u"/healthz"_s).body;
        QVERIFY2(health.contains("\"error\":\"invalid_auth\",\"state\":\"refused\""),
                 health.constData());
    }

    void linkDisabledStopsIt()
    {
        Scene s;
        QVERIFY(s.open());
        s.socket.requestDisconnect(u"link_disabled"_s);
        QVERIFY(BridgeHarness::waitFor([&] {
            return s.h.bridge().socketMode()->status().state ==
                   Bridge::SocketModeClient::State::Disabled;
        }));
        QTest::qWait(300);
        QCOMPARE(s.socket.greeted(), 1);
        QCOMPARE(s.h.slack.requests(u"/api/apps.connections.open"_s).size(), 1);
        const QByteArray health = s.h.get(u"/healthz"_s).body;
        QVERIFY(health.contains("\"state\":\"disabled\""));
        QVERIFY2(health.contains("{\"error\":\"link_disabled\",\"part\":\"socketMode\"}"),
                 health.constData());
    }

    void httpModeStaysWithASigningSecret()
    {
        // Both ways in at once: the app token and the signing secret.
        BridgeHarness h;
        h.useSocketMode(true);
        h.slack.addUser(Alice.slackId, Alice.name, Alice.email);
        h.start();
        QVERIFY(BridgeHarness::waitFor([&] { return h.slack.socketMode()->greeted() == 1; }));
        QCOMPARE(h.postRaw(u"/slack/interactions"_s, "payload=%7B%7D", {}).status, 401);
    }
};

QTEST_GUILESS_MAIN(TestSocketMode)
#include "tst_socketmode.moc"
