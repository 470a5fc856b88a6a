// Scenario "ack": signed Slack block_actions (a real severity change on an existing card) at a
// fixed rate; the time from writing each request to its HTTP answer. The bridge journals before
// it answers; TheHive calls and chat.update happen afterwards and load the machine meanwhile.
#include "scenarios.h"

#include "benchclock.h"
#include "httpconnection.h"
#include "openloop.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QUrl>

#include <cstdio>

namespace Bench {

namespace {

constexpr int CardCount = 20;
const QString AnalystId = QStringLiteral("U0BENCH01");
const QString AnalystEmail = QStringLiteral("analyst@soc.example");

/// A card's severity select, as block_actions needs it.
struct SeverityControl
{
    TestSupport::FakeSlack::PostedMessage card;
    QString blockId;
    QJsonObject element;
};

std::optional<SeverityControl> severityControl(const TestSupport::FakeSlack::PostedMessage &card)
{
    for (const QJsonValue &block : card.blocks) {
        for (const QJsonValue &element : block[u"elements"].toArray()) {
            if (element[u"action_id"].toString() == u"hs_severity")
                return SeverityControl{card, block[u"block_id"].toString(), element.toObject()};
        }
    }
    return std::nullopt;
}

/// The form body Slack posts for choosing option @p serial (mod the options) in the select:
/// payload=<block_actions JSON>, shaped as in tests/integration/tst_slacktohive.cpp.
QByteArray severityChange(const SeverityControl &c, int serial)
{
    const QJsonArray options = c.element[u"options"].toArray();
    const QString actionTs =
        QString::number(double(QDateTime::currentMSecsSinceEpoch()) / 1000.0, 'f', 6);
    const QJsonObject action{
        {QStringLiteral("type"), QStringLiteral("static_select")},
        {QStringLiteral("action_id"), QStringLiteral("hs_severity")},
        {QStringLiteral("block_id"), c.blockId},
        {QStringLiteral("selected_option"), options.at(serial % options.size())},
        {QStringLiteral("placeholder"), c.element[u"placeholder"]},
        {QStringLiteral("action_ts"), actionTs}};
    const QJsonObject team{{QStringLiteral("id"), QStringLiteral("T0SOC")},
                           {QStringLiteral("domain"), QStringLiteral("soc-example")}};
    const QJsonObject payload{
        {QStringLiteral("type"), QStringLiteral("block_actions")},
        {QStringLiteral("user"),
         QJsonObject{{QStringLiteral("id"), AnalystId},
                     {QStringLiteral("username"), QStringLiteral("analyst")},
                     {QStringLiteral("name"), QStringLiteral("analyst")},
                     {QStringLiteral("team_id"), QStringLiteral("T0SOC")}}},
        {QStringLiteral("api_app_id"), QStringLiteral("A0HIVESLACK")},
        {QStringLiteral("token"), QStringLiteral("legacy-verification-token")},
        {QStringLiteral("container"),
         QJsonObject{{QStringLiteral("type"), QStringLiteral("message")},
                     {QStringLiteral("message_ts"), c.card.ts},
                     {QStringLiteral("channel_id"), c.card.channel},
                     {QStringLiteral("is_ephemeral"), false}}},
        {QStringLiteral("trigger_id"),
         QStringLiteral("%1.4415061.bench%2").arg(QDateTime::currentMSecsSinceEpoch()).arg(serial)},
        {QStringLiteral("team"), team},
        {QStringLiteral("enterprise"), QJsonValue::Null},
        {QStringLiteral("is_enterprise_install"), false},
        {QStringLiteral("channel"),
         QJsonObject{{QStringLiteral("id"), c.card.channel},
                     {QStringLiteral("name"), QStringLiteral("soc-cases")}}},
        {QStringLiteral("message"),
         QJsonObject{{QStringLiteral("type"), QStringLiteral("message")},
                     {QStringLiteral("subtype"), QStringLiteral("bot_message")},
                     {QStringLiteral("bot_id"), QStringLiteral("B0HIVESLACK")},
                     {QStringLiteral("ts"), c.card.ts},
                     {QStringLiteral("text"), c.card.text},
                     {QStringLiteral("blocks"), c.card.blocks}}},
        {QStringLiteral("state"), QJsonObject{{QStringLiteral("values"), QJsonObject()}}},
        {QStringLiteral("response_url"),
         QStringLiteral("https://hooks.slack.com/actions/T0SOC/7519/Zp0aXb")},
        {QStringLiteral("actions"), QJsonArray{action}},
    };
    return "payload=" + QUrl::toPercentEncoding(QString::fromUtf8(
                            QJsonDocument(payload).toJson(QJsonDocument::Compact)));
}

/// Posts CardCount cards through the bridge and returns their severity selects.
QList<SeverityControl> postCards(Rig &rig, HttpPool &pool)
{
    for (int i = 0; i < CardCount; ++i)
        pool.send(rig.createWebhook(i).request, [](const HttpReply &) {});
    if (!waitUntil([&rig] { return rig.cardsArrived() >= CardCount; }, 15'000))
        return {};
    QList<SeverityControl> controls;
    for (const auto &message : rig.slack().messages(QLatin1String(BridgeProcess::Channel))) {
        if (!message.threadTs.isEmpty())
            continue;
        if (const std::optional<SeverityControl> c = severityControl(message))
            controls.append(*c);
    }
    return controls;
}

} // namespace

bool runAck(const Options &options, Summary &summary)
{
    const int count = options.events > 0 ? options.events : int(options.rate * 10);
    std::unique_ptr<Rig> rig = startRig(options, "ack");
    if (!rig)
        return false;
    // The clicking analyst is linked (same email in Slack and TheHive), so every click is a
    // real change: PATCH in TheHive, a case comment, chat.update of the card.
    rig->slack().addUser(AnalystId, QStringLiteral("analyst"), AnalystEmail);
    rig->hive().addUser(AnalystEmail, QStringLiteral("Ana Lyst"), AnalystEmail);

    HttpPool setup(rig->port(), 1);
    const QList<SeverityControl> controls = postCards(*rig, setup);
    if (controls.size() < CardCount) {
        std::fprintf(stderr, "[ack] only %d of %d cards with a severity select were posted\n",
                     int(controls.size()), CardCount);
        return false;
    }
    // A pool of its own, so its queueing counts only the measured requests.
    HttpPool pool(rig->port(), options.connections);
    if (!pool.openAll(5000)) {
        std::fprintf(stderr, "[ack] cannot open %d connections\n", options.connections);
        return false;
    }
    QList<QByteArray> bodies;
    for (int i = 0; i < count; ++i)
        bodies.append(severityChange(controls.at(i % controls.size()), i));

    QList<double> ackMs;       // from issuing: what Slack would wait
    QList<double> fromWriteMs; // from writing the request on a free connection
    QMap<int, int> statuses;
    int answered = 0;
    const int updatesBefore = rig->updatesArrived();
    std::printf("[ack] measuring: %d severity changes on %d cards at %.0f/s over %d connections "
                "(%lld-byte bodies)\n",
                count, CardCount, options.rate, options.connections, qint64(bodies.first().size()));
    std::fflush(stdout);
    OpenLoop loop(count, options.rate, [&](int i, qint64 issuedNs) {
        pool.send(rig->interactionRequest(bodies.at(i)), [&, issuedNs](const HttpReply &reply) {
            ++answered;
            ++statuses[reply.status];
            if (reply.status == 200) {
                ackMs.append(msBetween(issuedNs, reply.answeredNs));
                fromWriteMs.append(msBetween(reply.sentNs, reply.answeredNs));
            }
        });
    });
    const double cpuBefore = rig->bridge().cpuSeconds().value_or(0);
    const double ownCpuBefore = ownCpuSeconds();
    const qint64 startNs = nowNs();
    loop.start();
    const bool complete = waitUntil([&] { return loop.isFinished() && answered == count; },
                                    int(count / options.rate * 1000) + 30'000);
    const double answeredS = msBetween(startNs, nowNs()) / 1000.0;

    // Not part of the target: how long the bridge takes to carry all the changes out.
    // Polled at most every 100 ms: /healthz counts the journal, which costs the bridge CPU.
    qint64 lastPollNs = 0;
    const bool drained = waitUntil(
        [&] {
            if (nowNs() - lastPollNs < 100'000'000)
                return false;
            lastPollNs = nowNs();
            const QJsonObject journal = rig->bridge().health().value(u"journal").toObject();
            return journal.contains(u"pending") && journal.value(u"pending").toInt() == 0;
        },
        120'000, 100);
    const double drainedS = msBetween(startNs, nowNs()) / 1000.0;
    const double cpu = rig->bridge().cpuSeconds().value_or(0) - cpuBefore;
    const double ownCpu = ownCpuSeconds() - ownCpuBefore;
    const QJsonObject journal = rig->bridge().health().value(u"journal").toObject();

    // An interaction not answered 200 counts as infinitely late: more than 1% of them fails p99.
    const int unanswered = count - int(ackMs.size());
    for (int i = 0; i < unanswered; ++i)
        ackMs.append(qInf());
    const Distribution d = distributionOf(ackMs);
    std::printf("[ack] issued  -> answer: %s\n", qPrintable(describe(d)));
    std::printf("[ack] written -> answer: %s\n", qPrintable(describe(distributionOf(fromWriteMs))));
    for (auto it = statuses.cbegin(); it != statuses.cend(); ++it)
        std::printf("[ack]   HTTP %d: %d answers\n", it.key(), it.value());
    std::printf(
        "[ack] all answered after %.1f s, client queueing %d (max queue %d), max schedule lag %.2f "
        "ms; all processed%s after %.1f s (%d chat.update, journal %s); bridge CPU "
        "%.1f s (%.0f us/interaction incl. processing), benchmark process CPU %.1f s\n",
        answeredS, pool.queuedTotal(), pool.maxQueue(), loop.maxLagMs(), drained ? "" : " NOT",
        drainedS, rig->updatesArrived() - updatesBefore,
        QJsonDocument(journal).toJson(QJsonDocument::Compact).constData(), cpu, cpu * 1e6 / count,
        ownCpu);
    std::fflush(stdout);

    const auto value = [&](double v) {
        return d.count > 0 && qIsFinite(v) ? std::optional<double>(v) : std::nullopt;
    };
    const QString rate = QString::number(options.rate, 'f', 0);
    summary.add(Metric::info(QStringLiteral("ack_p50_ms"),
                             QStringLiteral("interaction ack p50 ms @%1/s").arg(rate), value(d.p50),
                             2));
    summary.add(Metric::atMost(QStringLiteral("ack_p99_ms"),
                               QStringLiteral("interaction ack p99 ms @%1/s").arg(rate),
                               value(d.p99), 20, QStringLiteral("~75"), 2));
    summary.add(Metric::info(QStringLiteral("ack_max_ms"),
                             QStringLiteral("interaction ack max ms @%1/s").arg(rate), value(d.max),
                             2));
    summary.add(Metric::info(QStringLiteral("ack_all_processed_s"),
                             QStringLiteral("s until all %1 changes processed").arg(count),
                             drained ? std::optional<double>(drainedS) : std::nullopt, 1));
    const int ok = statuses.value(200);
    if (!complete || ok != count)
        summary.addNote(
            QStringLiteral("ack: %1 of %2 interactions answered 200").arg(ok).arg(count));
    return true;
}

} // namespace Bench
