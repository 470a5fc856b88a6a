#include "rig.h"

#include "benchclock.h"
#include "httpconnection.h"

#include "slack/slacksignature.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

#include <cstdio>

namespace Bench {

namespace {

constexpr int CaseNumberBase = 1000;

/// The case number a card's notification text starts with ("#1234 Title — …").
std::optional<int> cardNumber(const QByteArray &body, const QByteArray &contentType)
{
    QString text;
    if (contentType.startsWith("application/json"))
        text = QJsonDocument::fromJson(body).object().value(u"text").toString();
    else
        text = TestSupport::formDecode(body, QStringLiteral("text"));
    if (!text.startsWith(u'#'))
        return std::nullopt;
    bool ok = false;
    const int number = text.mid(1, text.indexOf(u' ') - 1).toInt(&ok);
    return ok ? std::optional<int>(number) : std::nullopt;
}

} // namespace

Rig::Rig(const Options &options, QObject *parent)
    : QObject(parent)
    , m_hive(options.hiveVersion)
    , m_options(options)
{
    // The fakes keep every request otherwise; a long run only needs the arrival events.
    connect(&m_hive, &TestSupport::FakeHttpServer::requestRecorded, this,
            [this] { m_hive.clearRequests(); });
    connect(&m_slack, &TestSupport::FakeHttpServer::requestRecorded, this, &Rig::onSlackRequest);
}

Rig::~Rig() = default;

bool Rig::startFakes(QString *error)
{
    if (!m_hive.listen() || !m_slack.listen()) {
        *error = QStringLiteral("the fakes cannot listen on 127.0.0.1");
        return false;
    }
    m_slack.addChannel(QLatin1String(BridgeProcess::Channel), QStringLiteral("soc-cases"));
    return true;
}

BridgeProcess::Settings Rig::bridgeSettings() const
{
    return {m_options.program,         m_hive.baseUrl(),          m_hive.apiKey(),
            m_slack.apiUrl(),          m_slack.token(),           m_options.keepData,
            m_options.slackRateFactor, m_options.reconcileSeconds};
}

bool Rig::start(QString *error)
{
    if (!startFakes(error))
        return false;
    // The free port is picked before the child binds it, so another process can take it in
    // between: a child that exits at once gets another port.
    for (int attempt = 1; attempt <= 3; ++attempt) {
        m_bridge = std::make_unique<BridgeProcess>(bridgeSettings());
        if (m_bridge->start(error) && m_bridge->waitReady(15'000, error))
            return true;
        if (m_bridge->isRunning())
            return false; // up but not ready: not a port clash
    }
    return false;
}

void Rig::onSlackRequest(const TestSupport::RecordedRequest &request)
{
    const qint64 now = nowNs(); // first: this is the arrival time
    if (request.path == u"/api/chat.postMessage") {
        const std::optional<int> number =
            cardNumber(request.body, request.header("Content-Type").toLower());
        ++m_cards;
        m_lastCardNs = now;
        Q_EMIT cardArrived(number.value_or(-1), now);
    } else if (request.path == u"/api/chat.update") {
        ++m_updates;
    }
    m_slack.clearRequests();
}

Rig::Webhook Rig::createWebhook(int serial)
{
    const int number = CaseNumberBase + serial;
    const QJsonObject created = m_hive.addCase({
        {QStringLiteral("number"), number},
        {QStringLiteral("title"),
         QStringLiteral("Bench case %1: beacon from WS-%2").arg(serial).arg(serial % 997)},
        {QStringLiteral("description"),
         QStringLiteral("EDR saw periodic HTTPS to a young domain from a finance workstation.")},
        {QStringLiteral("severity"), 2},
        {QStringLiteral("tags"), QJsonArray{QStringLiteral("bench"), QStringLiteral("malware")}},
    });
    const QString id = created.value(u"_id").toString();
    return {number, id, webhookRequest(m_hive.webhookFor(QStringLiteral("create"), id))};
}

QByteArray Rig::webhookRequest(const QJsonObject &body) const
{
    return HttpConnection::request(
        "POST", "/thehive/webhook",
        {{"Content-Type", "application/json"},
         {"Authorization", QByteArray("Bearer ") + BridgeProcess::WebhookSecret}},
        QJsonDocument(body).toJson(QJsonDocument::Compact), port());
}

QByteArray Rig::interactionRequest(const QByteArray &formBody) const
{
    const QByteArray ts = QByteArray::number(QDateTime::currentSecsSinceEpoch());
    const QByteArray signature =
        Bridge::computeSlackSignature(BridgeProcess::SigningSecret, ts, formBody);
    return HttpConnection::request("POST", "/slack/interactions",
                                   {{"Content-Type", "application/x-www-form-urlencoded"},
                                    {"X-Slack-Request-Timestamp", ts},
                                    {"X-Slack-Signature", signature}},
                                   formBody, port());
}

std::unique_ptr<Rig> startRig(const Options &options, const char *scenario)
{
    auto rig = std::make_unique<Rig>(options);
    QString error;
    if (!rig->start(&error)) {
        std::fprintf(stderr, "[%s] cannot start: %s\n", scenario, qPrintable(error));
        return nullptr;
    }
    std::printf("[%s] hiveslack pid %lld on 127.0.0.1:%u, data %s\n", scenario,
                qint64(rig->bridge().pid()), unsigned(rig->port()),
                qPrintable(rig->bridge().dataDir()));
    std::fflush(stdout);
    return rig;
}

} // namespace Bench
