// Issue 12 item 6, metrics that answer an operator's questions: how long each route takes to
// answer, how long events take to be delivered, and which errors each peer gave, by kind.
// /metrics is read as Prometheus reads it (python3-prometheus-client's parser), from a bridge
// served over loopback HTTP against the fakes, on a real SQLite journal.

#include "bridgeharness.h"
#include "slackpayloads.h"

#include "clients/restclient.h"
#include "slack/slacksignature.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QTcpServer>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace TestSupport;

namespace {

/// Parses /metrics with Prometheus' own Python client and checks every histogram is whole
/// (cumulative buckets, +Inf equal to _count); answers each sample as "name{labels}" → value,
/// labels sorted by name, or a reason in `error`.
QHash<QString, double> parseMetrics(const QByteArray &text, QString *error)
{
    static const char script[] = R"(
import json, sys
from prometheus_client.parser import text_string_to_metric_families
out = {}
for family in text_string_to_metric_families(sys.stdin.read()):
    buckets = {}
    for s in family.samples:
        labels = ",".join('%s="%s"' % kv for kv in sorted(s.labels.items()))
        out["%s{%s}" % (s.name, labels)] = s.value
        if family.type == "histogram" and s.name.endswith("_bucket"):
            key = tuple(sorted((k, v) for k, v in s.labels.items() if k != "le"))
            buckets.setdefault(key, []).append(s.value)
    for key, counts in buckets.items():
        if counts != sorted(counts):
            sys.exit("%s%s: buckets are not cumulative" % (family.name, key))
        labels = ",".join('%s="%s"' % kv for kv in key)
        if counts[-1] != out["%s_count{%s}" % (family.name, labels)]:
            sys.exit("%s%s: +Inf is not _count" % (family.name, key))
print(json.dumps(out))
)";
    QProcess python;
    python.start(u"/usr/bin/python3"_s, {u"-c"_s, QString::fromLatin1(script)});
    python.write(text);
    python.closeWriteChannel();
    if (!python.waitForFinished(30'000) || python.exitCode() != 0) {
        *error = QString::fromUtf8(python.readAllStandardError()) + python.errorString();
        return {};
    }
    QHash<QString, double> samples;
    const QJsonObject parsed = QJsonDocument::fromJson(python.readAllStandardOutput()).object();
    for (auto it = parsed.begin(); it != parsed.end(); ++it)
        samples.insert(it.key(), it.value().toDouble());
    return samples;
}

QList<QPair<QByteArray, QByteArray>> signedHeaders(const QByteArray &body,
                                                   const QByteArray &contentType)
{
    const QByteArray ts = QByteArray::number(QDateTime::currentSecsSinceEpoch());
    return {{"Content-Type", contentType},
            {"X-Slack-Request-Timestamp", ts},
            {"X-Slack-Signature",
             Bridge::computeSlackSignature(BridgeHarness::SigningSecret, ts, body)}};
}

class Scene
{
public:
    BridgeHarness h;

    QString addCase(const QString &title)
    {
        return h.hive.addCase({{u"title"_s, title}, {u"severity"_s, 2}}).value(u"_id"_s).toString();
    }

    bool settle(int timeoutMs = 5000)
    {
        return BridgeHarness::waitFor([this] { return h.journal().counts().pending == 0; },
                                      timeoutMs);
    }

    QHash<QString, double> metrics()
    {
        QString error;
        const QHash<QString, double> samples = parseMetrics(h.get(u"/metrics"_s).body, &error);
        if (!error.isEmpty())
            qWarning().noquote() << "/metrics is not what Prometheus reads:" << error;
        return samples;
    }
};

} // namespace

class TstMetrics final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyRouteIsTimed();
    void deliveryIsTimedFromJournalToSlack();
    void peerErrorsAreCountedByKind();
    void transportFailuresAreNamed();
};

void TstMetrics::everyRouteIsTimed()
{
    Scene s;
    s.h.slack.addUser(Alice.slackId, Alice.name, Alice.email);
    s.h.start();
    const QString caseId = s.addCase(u"Beaconing from WS-017"_s);
    QCOMPARE(s.h.postWebhook(s.h.hive.webhookFor(u"create"_s, caseId)).status, 202);
    QVERIFY(s.h.postWebhook({{u"not"_s, u"a TheHive event"_s}}).status / 100 == 4);
    QVERIFY(BridgeHarness::waitFor([&] { return s.h.cards().size() == 1; }));

    const std::optional<Control> take = findControl(s.h.cards().first().blocks, u"hs_assign_me"_s);
    QVERIFY(take);
    QCOMPARE(
        s.h.postInteraction(blockActions(Alice, s.h.cards().first(), buttonAction(*take))).status,
        200);
    const QByteArray event =
        QJsonDocument(QJsonObject{{u"type"_s, u"event_callback"_s},
                                  {u"event_id"_s, u"Ev0METRICS"_s},
                                  {u"event"_s, QJsonObject{{u"type"_s, u"app_mention"_s}}}})
            .toJson(QJsonDocument::Compact);
    QCOMPARE(
        s.h.postRaw(u"/slack/events"_s, event, signedHeaders(event, "application/json")).status,
        200);
    const QByteArray command = "command=%2Fhive&text=&trigger_id=13345224609.8534564800."
                               "6f8ab1f53e13d0cd15f96106292d5536&user_id=U111&channel_id=C111";
    QCOMPARE(s.h.postRaw(u"/slack/commands"_s, command,
                         signedHeaders(command, "application/x-www-form-urlencoded"))
                 .status,
             200);

    const QHash<QString, double> m = s.metrics();
    QVERIFY(!m.isEmpty());
    // Every answer counts, a refusal too; each took between 0 and 3 s (Slack's limit).
    QCOMPARE(m.value(u"hiveslack_request_duration_seconds_count{route=\"/thehive/webhook\"}"_s), 2);
    for (const QString &route :
         {u"/slack/interactions"_s, u"/slack/events"_s, u"/slack/commands"_s}) {
        const QString labels = u"route=\""_s + route + u'"';
        QCOMPARE(m.value(u"hiveslack_request_duration_seconds_count{"_s + labels + u'}'), 1);
        QCOMPARE(m.value(u"hiveslack_request_duration_seconds_bucket{le=\"3\","_s + labels + u'}'),
                 1);
        QVERIFY(m.value(u"hiveslack_request_duration_seconds_sum{"_s + labels + u'}') > 0);
    }
    // No Socket Mode here, so no envelope route.
    QVERIFY(!m.contains(u"hiveslack_request_duration_seconds_count{route=\"socket_mode\"}"_s));
}

void TstMetrics::deliveryIsTimedFromJournalToSlack()
{
    Scene s;
    s.h.start();
    // Slack answers the card's post after 300 ms: delivery waits that long, the webhook not.
    s.h.slack.delayNext(u"/api/chat.postMessage"_s, 300);
    const QString caseId = s.addCase(u"Phishing wave"_s);
    QCOMPARE(s.h.postWebhook(s.h.hive.webhookFor(u"create"_s, caseId)).status, 202);
    QVERIFY(s.settle());

    const QHash<QString, double> m = s.metrics();
    const QString thehive = u"source=\"thehive\""_s;
    QCOMPARE(m.value(u"hiveslack_delivery_duration_seconds_count{"_s + thehive + u'}'), 1);
    QCOMPARE(m.value(u"hiveslack_delivery_duration_seconds_bucket{le=\"0.25\","_s + thehive + u'}'),
             0);
    QCOMPARE(m.value(u"hiveslack_delivery_duration_seconds_bucket{le=\"3\","_s + thehive + u'}'),
             1);
    QCOMPARE(
        m.value(
            u"hiveslack_request_duration_seconds_bucket{le=\"0.25\",route=\"/thehive/webhook\"}"_s),
        1);
}

void TstMetrics::peerErrorsAreCountedByKind()
{
    Scene s;
    s.h.config.retryBaseMs = 100;
    s.h.slack.addUser(Alice.slackId, Alice.name, Alice.email);
    s.h.hive.addUser(Alice.email, u"Alice Martin"_s, Alice.email);
    s.h.start();
    QVERIFY(s.metrics().value(u"hiveslack_up{}"_s) == 1);
    QVERIFY(!s.metrics().contains(
        u"hiveslack_peer_errors_total{kind=\"http_503\",peer=\"thehive\"}"_s));

    // Slack fails the card's first post: it is retried.
    s.h.slack.slackErrorNext(u"/api/chat.postMessage"_s, u"internal_error"_s);
    const QString first = s.addCase(u"Credential stuffing"_s);
    QCOMPARE(s.h.postWebhook(s.h.hive.webhookFor(u"create"_s, first)).status, 202);
    QVERIFY(s.settle(10'000));
    QCOMPARE(s.h.cards().size(), 1);
    // Alice takes the case while TheHive's proxy answers 503 twice: retried too.
    s.h.hive.failNext({}, 503, "<html>503</html>", 2);
    const std::optional<Control> take = findControl(s.h.cards().first().blocks, u"hs_assign_me"_s);
    QVERIFY(take);
    QCOMPARE(
        s.h.postInteraction(blockActions(Alice, s.h.cards().first(), buttonAction(*take))).status,
        200);
    QVERIFY(s.settle(10'000));
    QCOMPARE(s.h.hive.pendingFaults(), 0);
    // Slack refuses the next case's card for good, as for an archived channel.
    s.h.slack.slackErrorNext(u"/api/chat.postMessage"_s, u"is_archived"_s);
    const QString second = s.addCase(u"Ransom note on FS-02"_s);
    QCOMPARE(s.h.postWebhook(s.h.hive.webhookFor(u"create"_s, second)).status, 202);
    QVERIFY(s.settle(10'000));
    QCOMPARE(s.h.journal().counts().failed, 1);

    const QHash<QString, double> m = s.metrics();
    QCOMPARE(m.value(u"hiveslack_peer_errors_total{kind=\"http_503\",peer=\"thehive\"}"_s), 2);
    QCOMPARE(m.value(u"hiveslack_peer_errors_total{kind=\"is_archived\",peer=\"slack\"}"_s), 1);
    QCOMPARE(m.value(u"hiveslack_peer_errors_total{kind=\"internal_error\",peer=\"slack\"}"_s), 1);
}

void TstMetrics::transportFailuresAreNamed()
{
    QNetworkAccessManager network;
    Bridge::RestClient rest(network, 300);
    const auto call = [&](const QUrl &url) {
        std::optional<Bridge::RestReply> reply;
        rest.send({"GET", url, {}, {}}, [&](const Bridge::RestReply &r) { reply = r; });
        BridgeHarness::waitFor([&] { return reply.has_value(); });
        return reply.value_or(Bridge::RestReply{});
    };

    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const quint16 closedPort = closed.serverPort();
    closed.close();
    QCOMPARE(call(QUrl(u"http://127.0.0.1:%1/"_s.arg(closedPort))).errorKind(), u"refused"_s);

    QTcpServer silent; // takes the connection and never answers
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    QCOMPARE(call(QUrl(u"http://127.0.0.1:%1/"_s.arg(silent.serverPort()))).errorKind(),
             u"timeout"_s);
}

QTEST_MAIN(TstMetrics)
#include "tst_metrics.moc"
