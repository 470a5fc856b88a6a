// TheHive → Slack, end to end: webhooks over HTTP into a real bridge, cards out to the fake
// Slack, the case re-read from the fake TheHive, the journal on a real SQLite file.
#include "bridgeharness.h"
#include "manualclock.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QTcpSocket>
#include <QTest>

#include <tuple>

using namespace TestSupport;
using namespace Qt::StringLiterals;

namespace {

QJsonObject fixture(const QString &name)
{
    QFile file(QStringLiteral(HIVESLACK_FIXTURES_DIR "/thehive/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(name));
    return QJsonDocument::fromJson(file.readAll()).object();
}

QString blocksText(const FakeSlack::PostedMessage &m)
{
    return QString::fromUtf8(QJsonDocument(m.blocks).toJson(QJsonDocument::Compact));
}

bool hasControls(const FakeSlack::PostedMessage &m)
{
    for (const QJsonValue &b : m.blocks) {
        if (b.toObject().value(u"type").toString() == u"actions")
            return true;
    }
    return false;
}

} // namespace

class TestHiveToSlack : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void eachPayloadFamilyPostsOneCard_data()
    {
        QTest::addColumn<QString>("hiveVersion");
        QTest::addColumn<QString>("fixtureName");
        QTest::addColumn<QString>("expectedHeader");
        QTest::newRow("TheHive 5 (webhook v1)")
            << u"5.2.9"_s << u"th5-v1-case-create.json"_s << u"#34"_s;
        QTest::newRow("TheHive 4 (v0)") << u"4.1.24"_s << u"th4-v0-case-create.json"_s << u"#42"_s;
        QTest::newRow("TheHive 3 (legacy)") << u"4.1.24"_s << u"th3-case-create.json"_s << u"#"_s;
    }
    void eachPayloadFamilyPostsOneCard()
    {
        QFETCH(QString, hiveVersion);
        QFETCH(QString, fixtureName);
        QFETCH(QString, expectedHeader);
        BridgeHarness h(hiveVersion);
        h.start();
        const HttpAnswer answer = h.postWebhook(fixture(fixtureName));
        QCOMPARE(answer.status, 202);
        QVERIFY(BridgeHarness::waitFor([&] { return h.journal().counts().delivered == 1; }, 3000));
        QCOMPARE(h.cards().size(), 1);
        const FakeSlack::PostedMessage card = h.cards().first();
        QVERIFY(!card.text.isEmpty());
        QVERIFY2(blocksText(card).contains(expectedHeader), qPrintable(blocksText(card)));
        QVERIFY(hasControls(card));
        QCOMPARE(h.journal().cards(h.journal().events({}).first().caseKey).size(), 1);
    }

    void aSeverityChangeInTheHiveUpdatesTheSameCardAndNotesIt_data()
    {
        QTest::addColumn<QString>("hiveVersion");
        QTest::newRow("TheHive 5") << u"5.2.9"_s;
        QTest::newRow("TheHive 4") << u"4.1.24"_s;
    }
    void aSeverityChangeInTheHiveUpdatesTheSameCardAndNotesIt()
    {
        QFETCH(QString, hiveVersion);
        BridgeHarness h(hiveVersion);
        h.start();
        const QJsonObject created =
            h.hive.addCase({{u"title"_s, u"Phishing - CEO mailbox"_s}, {u"severity"_s, 3}});
        const QString id = created.value(u"_id").toString();
        QCOMPARE(h.postWebhook(h.hive.webhookFor(u"create"_s, id)).status, 202);
        QVERIFY(BridgeHarness::waitFor([&] { return h.cards().size() == 1; }));
        const QString ts = h.cards().first().ts;

        QVERIFY(h.hive.setCaseField(id, u"severity"_s, 4));
        QCOMPARE(h.postWebhook(h.hive.webhookFor(u"update"_s, id, {{u"severity"_s, 4}})).status,
                 202);
        QVERIFY(BridgeHarness::waitFor([&] {
            return h.threadReplies(QLatin1String(BridgeHarness::Channel), ts).size() == 1;
        }));
        QCOMPARE(h.cards().size(), 1);
        QCOMPARE(h.cards().first().ts, ts);
        QCOMPARE(h.cards().first().updates, 1);
        QVERIFY(blocksText(h.cards().first()).contains(u"Critical"));
        const QString note =
            h.threadReplies(QLatin1String(BridgeHarness::Channel), ts).first().text;
        QVERIFY2(note.contains(u"severity High → Critical"), qPrintable(note));
        // Updates re-read the case from TheHive rather than trusting the webhook.
        QVERIFY(!h.hive.requests().isEmpty());
    }

    void aCardDeletedInSlackComesBackOnTheNextChange()
    {
        BridgeHarness h;
        h.start();
        const QString id =
            h.hive.addCase({{u"title"_s, u"Deleted by mistake"_s}, {u"severity"_s, 2}})
                .value(u"_id")
                .toString();
        QCOMPARE(h.postWebhook(h.hive.webhookFor(u"create"_s, id)).status, 202);
        QVERIFY(BridgeHarness::waitFor([&] { return h.cards().size() == 1; }));
        const QString channel = QLatin1String(BridgeHarness::Channel);
        const QString oldTs = h.cards().first().ts;
        QVERIFY(h.slack.removeMessage(channel, oldTs));

        QVERIFY(h.hive.setCaseField(id, u"severity"_s, 3));
        QCOMPARE(h.postWebhook(h.hive.webhookFor(u"update"_s, id)).status, 202);
        QVERIFY(BridgeHarness::waitFor([&] { return h.journal().counts().pending == 0; }));
        QCOMPARE(h.cards().size(), 1);
        const FakeSlack::PostedMessage again = h.cards().first();
        QVERIFY(again.ts != oldTs);
        QVERIFY(blocksText(again).contains(u"High"));
        QCOMPARE(h.journal().card(id, channel)->ts, again.ts);
        QCOMPARE(h.journal().counts().failed, 0);
        const Bridge::JournalEvent healed = h.journal().events({}).first();
        QVERIFY2(healed.note.contains(u"deleted in Slack"_s), qPrintable(healed.note));

        // From then on the new card is the one kept up to date.
        QVERIFY(h.hive.setCaseField(id, u"severity"_s, 4));
        QCOMPARE(h.postWebhook(h.hive.webhookFor(u"update"_s, id)).status, 202);
        QVERIFY(BridgeHarness::waitFor([&] { return h.journal().counts().pending == 0; }));
        QCOMPARE(h.cards().size(), 1);
        QCOMPARE(h.cards().first().ts, again.ts);
        QCOMPARE(h.cards().first().updates, 1);
        QCOMPARE(h.journal().counts().failed, 0);
    }

    void aTaskCreatedInTheHiveShowsAsATaskCount()
    {
        BridgeHarness h;
        h.start();
        const QString id =
            h.hive.addCase({{u"title"_s, u"Needs tasks"_s}}).value(u"_id").toString();
        QCOMPARE(h.postWebhook(h.hive.webhookFor(u"create"_s, id)).status, 202);
        QVERIFY(BridgeHarness::waitFor([&] { return h.journal().counts().delivered == 1; }));
        const QString ts = h.cards().first().ts;

        // An analyst adds a task in TheHive: TheHive stores it and sends a Task audit event.
        QNetworkAccessManager client;
        QNetworkRequest request(
            QUrl(h.hive.baseUrl().toString() + u"/api/v1/case/"_s + id + u"/task"_s));
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json"));
        request.setRawHeader("Authorization", "Bearer " + h.hive.apiKey().toUtf8());
        std::unique_ptr<QNetworkReply> reply(client.post(request, R"({"title":"Isolate host"})"));
        QVERIFY(BridgeHarness::waitFor([&] { return reply->isFinished(); }));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 201);
        const QString taskId =
            QJsonDocument::fromJson(reply->readAll()).object().value(u"_id").toString();

        QJsonObject taskEvent = h.hive.webhookFor(u"create"_s, id);
        taskEvent.insert(u"objectType"_s, u"Task"_s);
        taskEvent.insert(u"objectId"_s, taskId);
        taskEvent.insert(u"rootId"_s, id);
        taskEvent.insert(u"details"_s, QJsonObject{{u"title"_s, u"Isolate host"_s}});
        taskEvent.insert(u"object"_s, QJsonObject{{u"_id"_s, taskId},
                                                  {u"_type"_s, u"Task"_s},
                                                  {u"title"_s, u"Isolate host"_s}});
        QCOMPARE(h.postWebhook(taskEvent).status, 202);
        QVERIFY(BridgeHarness::waitFor([&] { return h.journal().counts().delivered == 2; }));
        QCOMPARE(h.cards().size(), 1);
        QCOMPARE(h.cards().first().ts, ts);
        // The card's "Tasks" field (JSON-escaped newline between label and value).
        QVERIFY2(blocksText(h.cards().first()).contains(u"*Tasks*\\n1"),
                 qPrintable(blocksText(h.cards().first())));
    }

    void aWrongSecretChangesNothing_data()
    {
        QTest::addColumn<QByteArray>("authorization");
        QTest::newRow("wrong bearer") << QByteArray("Bearer not-the-secret");
        QTest::newRow("missing") << QByteArray("Bearer ");
        QTest::newRow("secret with suffix") << QByteArray("Bearer hive-webhook-secretX");
        QTest::newRow("basic with wrong password")
            << ("Basic " + QByteArray("thehive:nope").toBase64());
    }
    void aWrongSecretChangesNothing()
    {
        QFETCH(QByteArray, authorization);
        BridgeHarness h;
        h.start();
        const HttpAnswer answer =
            h.postWebhook(fixture(u"th5-v1-case-create.json"_s), authorization);
        QCOMPARE(answer.status, 401);
        QTest::qWait(100);
        QCOMPARE(h.journal().counts().pending + h.journal().counts().delivered, 0);
        QVERIFY(h.slack.requests(u"/api/chat.postMessage"_s).isEmpty());
    }

    void acceptsBasicAndRawKeyAuthentication()
    {
        BridgeHarness h;
        h.start();
        QJsonObject first = fixture(u"th5-v1-case-create.json"_s);
        QCOMPARE(
            h.postWebhook(first, "Basic " + QByteArray("thehive:hive-webhook-secret").toBase64())
                .status,
            202);
        QJsonObject second = first;
        second.insert(u"requestId", u"another-request"_s);
        QCOMPARE(h.postWebhook(second, "hive-webhook-secret").status, 202);
    }

    void badBodiesGet400WithAReason_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("not JSON") << QByteArray("{not json");
        QTest::newRow("JSON array") << QByteArray("[1,2]");
        QTest::newRow("not a TheHive event") << QByteArray(R"({"hello":"world"})");
    }
    void badBodiesGet400WithAReason()
    {
        QFETCH(QByteArray, body);
        BridgeHarness h;
        h.start();
        const HttpAnswer answer = h.postRaw(u"/thehive/webhook"_s, body,
                                            {{"Content-Type", "application/json"},
                                             {"Authorization", "Bearer hive-webhook-secret"}});
        QCOMPARE(answer.status, 400);
        QVERIFY(answer.body.startsWith("not a TheHive event"));
        QCOMPARE(h.journal().events({}).size(), 0);
    }

    void eventsWeDoNotActOnAreRecordedAsIgnored()
    {
        BridgeHarness h;
        h.start();
        QJsonObject job = fixture(u"th5-v1-case-create.json"_s);
        job.insert(u"objectType", u"Job"_s);
        const HttpAnswer answer = h.postWebhook(job);
        QCOMPARE(answer.status, 200);
        const QList<Bridge::JournalEvent> events = h.journal().events({});
        QCOMPARE(events.size(), 1);
        QCOMPARE(events.first().state, u"ignored"_s);
        QVERIFY(h.slack.requests(u"/api/chat.postMessage"_s).isEmpty());
    }

    void aReplayedEventIsAcceptedAndIgnored()
    {
        BridgeHarness h;
        h.start();
        const QJsonObject body = fixture(u"th5-v1-case-create.json"_s);
        QCOMPARE(h.postWebhook(body).status, 202);
        const HttpAnswer replay = h.postWebhook(body);
        QCOMPARE(replay.status, 200);
        QVERIFY(replay.body.contains("duplicate"));
        QVERIFY(BridgeHarness::waitFor([&] { return h.cards().size() == 1; }));
        QTest::qWait(200);
        QCOMPARE(h.cards().size(), 1);
    }

    void slackDownThenUpDeliversOnce()
    {
        BridgeHarness h;
        h.slack.failNext(u"/api/chat.postMessage"_s, 503, {}, 3);
        h.start();
        QCOMPARE(h.postWebhook(fixture(u"th5-v1-case-create.json"_s)).status, 202);
        QVERIFY(BridgeHarness::waitFor([&] { return h.journal().counts().delivered == 1; }, 8000));
        QCOMPARE(h.cards().size(), 1);
        QCOMPARE(h.slack.requests(u"/api/chat.postMessage"_s).size(), 4);
        const Bridge::JournalEvent event = h.journal().events({}).first();
        QCOMPARE(event.state, u"delivered"_s);
        QCOMPARE(event.attempts, 3);
    }

    void rateLimitWaitsForRetryAfter()
    {
        BridgeHarness h;
        h.slack.rateLimitNext(u"/api/chat.postMessage"_s, 1, 2);
        h.start();
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(h.postWebhook(fixture(u"th5-v1-case-create.json"_s)).status, 202);
        QVERIFY(BridgeHarness::waitFor([&] { return h.cards().size() == 1; }, 8000));
        QVERIFY2(timer.elapsed() >= 2000, "retried before Slack's Retry-After");
        QCOMPARE(h.slack.requests(u"/api/chat.postMessage"_s).size(), 3);
        // Waited out inside the Slack client: not a failed delivery attempt.
        QCOMPARE(h.journal().events({}).first().attempts, 0);
    }

    void errorsThatNeverSucceedFailAtOnceWithTheReason()
    {
        BridgeHarness h;
        h.slack.slackErrorNext(u"/api/chat.postMessage"_s, u"channel_not_found"_s);
        h.start();
        QCOMPARE(h.postWebhook(fixture(u"th5-v1-case-create.json"_s)).status, 202);
        QVERIFY(BridgeHarness::waitFor([&] { return h.journal().counts().failed == 1; }));
        const Bridge::JournalEvent event = h.journal().events({}).first();
        QVERIFY2(event.lastError.contains(u"channel_not_found"), qPrintable(event.lastError));
        QCOMPARE(h.slack.requests(u"/api/chat.postMessage"_s).size(), 1);
    }

    void aRestartDeliversEverythingExactlyOnce()
    {
        BridgeHarness h;
        h.slack.dropNext(u"/api/chat.postMessage"_s, 1000);
        h.start();
        QList<QString> ids;
        for (int i = 0; i < 5; ++i) {
            const QJsonObject c = h.hive.addCase({{u"title"_s, QStringLiteral("case %1").arg(i)}});
            ids.append(c.value(u"_id").toString());
            QCOMPARE(h.postWebhook(h.hive.webhookFor(u"create"_s, ids.last())).status, 202);
        }
        QVERIFY(BridgeHarness::waitFor(
            [&] { return h.slack.requests(u"/api/chat.postMessage"_s).size() >= 5; }));
        h.stop(); // as a crash would: nothing was delivered
        // Requests the dead bridge's network thread had already queued still meet the faults.
        QTest::qWait(300);
        h.slack.clearFaults();
        h.start();
        // Every ts recorded: from here on nothing may be posted again.
        QVERIFY(BridgeHarness::waitFor([&] { return h.journal().counts().delivered == 5; }, 8000));
        QCOMPARE(h.cards().size(), 5);
        h.stop();
        h.start(); // a second restart must not post anything again
        QTest::qWait(300);
        QCOMPARE(h.cards().size(), 5);
        QCOMPARE(h.journal().counts().delivered, 5);
        QCOMPARE(h.journal().counts().pending, 0);
    }

    void tlpAboveTheCeilingIsRedactedOrDropped()
    {
        BridgeHarness h;
        h.config.defaultTlpCeiling = 1;
        h.slack.addChannel(u"C0SECRET"_s, u"restricted"_s);
        Bridge::RouteRule drop;
        drop.name = u"drop red"_s;
        drop.tlps = {4};
        drop.channel = u"C0SECRET"_s;
        drop.tlpCeiling = 2;
        drop.aboveCeiling = Bridge::AboveCeiling::Drop;
        h.config.routes = {drop};
        h.start();
        const QString amber = h.hive
                                  .addCase({{u"title"_s, u"Amber secret title"_s},
                                            {u"tlp"_s, 2},
                                            {u"description"_s, u"do not leak"_s}})
                                  .value(u"_id")
                                  .toString();
        const QString red =
            h.hive.addCase({{u"title"_s, u"Red case"_s}, {u"tlp"_s, 4}}).value(u"_id").toString();
        QCOMPARE(h.postWebhook(h.hive.webhookFor(u"create"_s, amber)).status, 202);
        QCOMPARE(h.postWebhook(h.hive.webhookFor(u"create"_s, red)).status, 202);
        QVERIFY(BridgeHarness::waitFor([&] { return h.journal().counts().pending == 0; }));
        QCOMPARE(h.cards().size(), 1);
        const FakeSlack::PostedMessage redacted = h.cards().first();
        QVERIFY(!blocksText(redacted).contains(u"do not leak"));
        QVERIFY(!blocksText(redacted).contains(u"Amber secret title"));
        QVERIFY(!redacted.text.contains(u"Amber secret title"));
        QVERIFY(!hasControls(redacted));
        QVERIFY(h.cards(u"C0SECRET"_s).isEmpty());
        QCOMPARE(h.journal().counts().ignored, 1);
    }

    void payloadsOfCasesNotShownInFullAreNotKept()
    {
        BridgeHarness h;
        h.config.defaultTlpCeiling = 1;
        h.slack.addChannel(u"C0SECRET"_s, u"restricted"_s);
        Bridge::RouteRule drop;
        drop.name = u"drop red"_s;
        drop.tlps = {4};
        drop.channel = u"C0SECRET"_s;
        drop.tlpCeiling = 2;
        drop.aboveCeiling = Bridge::AboveCeiling::Drop;
        h.config.routes = {drop};
        h.start();
        const auto send = [&](const QString &action, const QString &caseId) {
            const HttpAnswer answer = h.postWebhook(h.hive.webhookFor(action, caseId));
            return QJsonDocument::fromJson(answer.body).object().value(u"id"_s).toInteger();
        };
        const auto create = [&](const QJsonObject &fields) {
            const QString id = h.hive.addCase(fields).value(u"_id").toString();
            return std::pair(id, send(u"create"_s, id));
        };
        const auto [amber, amberEvent] = create(
            {{u"title"_s, u"Amber secret title"_s}, {u"tlp"_s, 2}, {u"description"_s, u"x"_s}});
        const auto [red, redEvent] = create({{u"title"_s, u"Red secret title"_s}, {u"tlp"_s, 4}});
        const auto [green, greenEvent] = create({{u"title"_s, u"Green title"_s}, {u"tlp"_s, 1}});
        QVERIFY(BridgeHarness::waitFor([&] { return h.journal().counts().pending == 0; }));

        // Redacted in its channel, and dropped from its channel: only a summary is kept.
        for (const auto &[caseId, eventId, title] :
             {std::tuple(amber, amberEvent, u"Amber secret title"_s),
              std::tuple(red, redEvent, u"Red secret title"_s)}) {
            const Bridge::JournalEvent event = *h.journal().event(eventId);
            QVERIFY2(!event.payload.contains(title.toUtf8()), event.payload.constData());
            const QJsonObject summary = QJsonDocument::fromJson(event.payload).object();
            QCOMPARE(summary.value(u"caseId"_s).toString(), caseId);
            QCOMPARE(summary.value(u"action"_s).toString(), u"create"_s);
            QVERIFY(summary.value(u"caseNumber"_s).toInteger() > 0);
            QVERIFY(summary.contains(u"hiveslackSummary"_s));
        }
        QCOMPARE(h.journal().event(redEvent)->state, QString(Bridge::EventState::Ignored));
        // Shown in full: the payload stays as TheHive sent it.
        QVERIFY(h.journal().event(greenEvent)->payload.contains("Green title"));

        // Lowered to GREEN: the card shows the case in full now, and this update is kept whole.
        QVERIFY(h.hive.setCaseField(amber, u"tlp"_s, 1));
        const qint64 lowered = send(u"update"_s, amber);
        QVERIFY(BridgeHarness::waitFor([&] { return h.journal().counts().pending == 0; }));
        QCOMPARE(h.journal().event(lowered)->state, QString(Bridge::EventState::Delivered));
        QVERIFY(!h.journal().event(lowered)->payload.contains("hiveslackSummary"));
    }

    void theBridgeKeepsTheJournalWithinItsRetention()
    {
        BridgeHarness h;
        h.config.journalRetentionDays = 10;
        qint64 old = 0;
        qint64 young = 0;
        {
            // Journaled by an earlier run of the bridge, 11 and 9 days ago.
            const qint64 dayMs = 24LL * 60 * 60 * 1000;
            ManualClock then(QDateTime::currentMSecsSinceEpoch() - 11 * dayMs);
            QString error;
            const auto journal = Bridge::Journal::open(h.journalPath(), then, &error);
            QVERIFY2(journal, qPrintable(error));
            old = journal
                      ->append(Bridge::NewEvent{
                          u"thehive"_s, u"case.update"_s, {}, u"~1"_s, "{}", true, {}, true})
                      .id;
            then.advanceMs(2 * dayMs);
            young = journal
                        ->append(Bridge::NewEvent{
                            u"thehive"_s, u"case.update"_s, {}, u"~2"_s, "{}", true, {}, true})
                        .id;
        }
        h.start();
        QVERIFY(BridgeHarness::waitFor([&] { return !h.journal().event(old); }));
        QVERIFY(h.journal().event(young));
    }

    void routingRulesPickTheChannel()
    {
        BridgeHarness h;
        h.slack.addChannel(u"C0CRIT"_s, u"soc-critical"_s);
        h.slack.addChannel(u"C0PHISH"_s, u"soc-phishing"_s);
        Bridge::RouteRule critical;
        critical.name = u"critical"_s;
        critical.minSeverity = 4;
        critical.channel = u"C0CRIT"_s;
        Bridge::RouteRule phishing;
        phishing.name = u"phishing"_s;
        phishing.tags = {u"phishing"_s};
        phishing.channel = u"C0PHISH"_s;
        h.config.routes = {critical, phishing};
        h.start();
        const auto post = [&](const QJsonObject &fields) {
            const QString id = h.hive.addCase(fields).value(u"_id").toString();
            QCOMPARE(h.postWebhook(h.hive.webhookFor(u"create"_s, id)).status, 202);
        };
        post({{u"severity"_s, 4}, {u"tags"_s, QJsonArray{u"phishing"_s}}});
        post({{u"severity"_s, 2}, {u"tags"_s, QJsonArray{u"phishing"_s}}});
        post({{u"severity"_s, 1}});
        QVERIFY(BridgeHarness::waitFor([&] { return h.journal().counts().delivered == 3; }));
        QCOMPARE(h.cards(u"C0CRIT"_s).size(), 1);
        QCOMPARE(h.cards(u"C0PHISH"_s).size(), 1);
        QCOMPARE(h.cards().size(), 1);
    }

    void sendersThatLeaveBeforeTheAnswerAreHarmless()
    {
        // Webhook answers wait for the group commit, so a sender can be gone by the time its
        // answer is ready (guarded as in qt-6.4-notes.md §2.4). Its event is journaled and
        // delivered all the same, and the bridge keeps serving.
        BridgeHarness h;
        h.start();
        const quint16 port = h.bridge().port();
        for (int i = 0; i < 30; ++i) {
            const QString id =
                h.hive.addCase({{u"title"_s, u"gone %1"_s.arg(i)}}).value(u"_id").toString();
            const QByteArray body =
                QJsonDocument(h.hive.webhookFor(u"create"_s, id)).toJson(QJsonDocument::Compact);
            QTcpSocket socket;
            socket.connectToHost(QHostAddress::LocalHost, port);
            QVERIFY(socket.waitForConnected(2000));
            socket.write(
                "POST /thehive/webhook HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                "Authorization: Bearer hive-webhook-secret\r\nContent-Length: " +
                QByteArray::number(body.size()) + "\r\n\r\n" + body);
            QVERIFY(socket.waitForBytesWritten(2000));
            socket.abort();
        }
        QVERIFY(
            BridgeHarness::waitFor([&] { return h.journal().counts().delivered == 30; }, 10000));
        QCOMPARE(h.get(u"/healthz"_s).status, 200);
    }

    void healthAndMetricsReportTheBridge()
    {
        BridgeHarness h;
        h.start();
        QVERIFY(BridgeHarness::waitFor([&] {
            return QJsonDocument::fromJson(h.get(u"/healthz"_s).body)
                       .object()
                       .value(u"slack")
                       .toObject()
                       .value(u"state")
                       .toString() == u"ok";
        }));
        const QJsonObject health = QJsonDocument::fromJson(h.get(u"/healthz"_s).body).object();
        QCOMPARE(health.value(u"thehive").toObject().value(u"version").toString(), u"5.2"_s);
        QCOMPARE(health.value(u"journal").toObject().value(u"state").toString(), u"ok"_s);
        QCOMPARE(h.postWebhook(fixture(u"th5-v1-case-create.json"_s)).status, 202);
        QVERIFY(BridgeHarness::waitFor([&] { return h.journal().counts().delivered == 1; }));
        const HttpAnswer metrics = h.get(u"/metrics"_s);
        QCOMPARE(metrics.status, 200);
        QVERIFY(metrics.body.contains("hiveslack_journal_events{state=\"delivered\"} 1"));
        QVERIFY(metrics.body.contains(
            "hiveslack_requests_total{route=\"thehive\",result=\"accepted\"} 1"));
    }
};

QTEST_GUILESS_MAIN(TestHiveToSlack)
#include "tst_hivetoslack.moc"
