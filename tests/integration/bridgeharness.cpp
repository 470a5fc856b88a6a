#include "bridgeharness.h"

#include "slack/slacksignature.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QUrlQuery>

namespace TestSupport {

BridgeHarness::BridgeHarness(const QString &hiveVersion)
    : hive(hiveVersion)
{
    if (!hive.listen() || !slack.listen())
        qFatal("the fakes cannot listen");
    slack.addChannel(QLatin1String(Channel), QStringLiteral("soc-cases"));
    config.listenPort = 0;
    config.dataDir = m_dir.path();
    config.theHiveUrl = hive.baseUrl();
    config.theHiveUiUrl = QUrl(QStringLiteral("https://thehive.example"));
    config.slackApiUrl = slack.apiUrl();
    config.defaultChannel = QLatin1String(Channel);
    config.retryBaseMs = 50;
    config.slackRateLimits = Bridge::SlackRateLimits().faster(100);
    config.reconcileSeconds = 0; // a background look-back would race the tests' own webhooks
    // Socket Mode (when useSocketMode() turned it on) notices a lost connection in a second.
    config.socketModeTiming.pingIntervalMs = 200;
    config.socketModeTiming.silenceLimitMs = 1000;
    config.socketModeTiming.reconnect.baseMs = 50;
    config.socketModeTiming.reconnect.capMs = 500;
}

FakeSocketMode &BridgeHarness::useSocketMode(bool keepSigningSecret)
{
    m_appToken = QStringLiteral("xapp-1-A111-harness");
    m_signingSecret = keepSigningSecret;
    return slack.enableSocketMode(m_appToken);
}

BridgeHarness::~BridgeHarness()
{
    stop();
}

void BridgeHarness::start()
{
    stop();
    QString error;
    m_journal = Bridge::Journal::open(journalPath(), m_clock, &error, journalBusyTimeoutMs);
    if (!m_journal)
        qFatal("journal: %s", qPrintable(error));
    Bridge::Credentials credentials;
    credentials.theHiveApiKey = hive.apiKey();
    credentials.theHiveWebhookSecret = QLatin1String(WebhookSecret);
    credentials.slackBotToken = slack.token();
    if (m_signingSecret)
        credentials.slackSigningSecret = QLatin1String(SigningSecret);
    credentials.slackAppToken = m_appToken;
    m_network = std::make_unique<QNetworkAccessManager>();
    m_bridge = std::make_unique<Bridge::BridgeService>(config, credentials, *m_journal, m_clock,
                                                       *m_network);
    if (!m_bridge->start(&error))
        qFatal("bridge: %s", qPrintable(error));
}

void BridgeHarness::stop()
{
    // Everything the bridge had in flight dies with it, as in a crash.
    m_bridge.reset();
    m_network.reset();
    m_journal.reset();
}

QString BridgeHarness::journalPath() const
{
    return config.journalPath();
}

QUrl BridgeHarness::url(const QString &path) const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_bridge->port()).arg(path));
}

HttpAnswer BridgeHarness::postRaw(const QString &path, const QByteArray &body,
                                  const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QNetworkRequest request(url(path));
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    QNetworkReply *reply = m_client.post(request, body);
    waitFor([reply] { return reply->isFinished(); }, 10000);
    HttpAnswer answer{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                      reply->readAll()};
    delete reply;
    return answer;
}

HttpAnswer BridgeHarness::postWebhook(const QJsonObject &body, const QByteArray &authorization)
{
    const QByteArray auth =
        authorization.isEmpty() ? QByteArray("Bearer ") + WebhookSecret : authorization;
    return postRaw(QStringLiteral("/thehive/webhook"),
                   QJsonDocument(body).toJson(QJsonDocument::Compact),
                   {{"Content-Type", "application/json"}, {"Authorization", auth}});
}

QByteArray BridgeHarness::formBody(const QJsonObject &payload)
{
    return "payload=" + QUrl::toPercentEncoding(QString::fromUtf8(
                            QJsonDocument(payload).toJson(QJsonDocument::Compact)));
}

HttpAnswer BridgeHarness::postInteraction(const QJsonObject &payload, const QString &path)
{
    const QByteArray body = formBody(payload);
    const QByteArray ts = QByteArray::number(QDateTime::currentSecsSinceEpoch());
    const QByteArray signature = Bridge::computeSlackSignature(SigningSecret, ts, body);
    return postRaw(path, body,
                   {{"Content-Type", "application/x-www-form-urlencoded"},
                    {"X-Slack-Request-Timestamp", ts},
                    {"X-Slack-Signature", signature}});
}

HttpAnswer BridgeHarness::postCommand(const QJsonObject &fields)
{
    QUrlQuery form;
    for (auto it = fields.begin(); it != fields.end(); ++it)
        form.addQueryItem(it.key(),
                          QString::fromUtf8(QUrl::toPercentEncoding(it.value().toString())));
    const QByteArray body = form.query(QUrl::FullyEncoded).toUtf8();
    const QByteArray ts = QByteArray::number(QDateTime::currentSecsSinceEpoch());
    return postRaw(QStringLiteral("/slack/commands"), body,
                   {{"Content-Type", "application/x-www-form-urlencoded"},
                    {"X-Slack-Request-Timestamp", ts},
                    {"X-Slack-Signature", Bridge::computeSlackSignature(SigningSecret, ts, body)}});
}

HttpAnswer BridgeHarness::get(const QString &path)
{
    QNetworkReply *reply = m_client.get(QNetworkRequest(url(path)));
    waitFor([reply] { return reply->isFinished(); }, 10000);
    HttpAnswer answer{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                      reply->readAll()};
    delete reply;
    return answer;
}

bool BridgeHarness::waitFor(const std::function<bool()> &condition, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!condition()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    }
    return true;
}

QList<FakeSlack::PostedMessage> BridgeHarness::cards(const QString &channel) const
{
    QList<FakeSlack::PostedMessage> out;
    for (const FakeSlack::PostedMessage &m : slack.messages(channel)) {
        if (m.threadTs.isEmpty())
            out.append(m);
    }
    return out;
}

int BridgeHarness::cardsShowing(const QString &text, const QString &channel) const
{
    const QList<FakeSlack::PostedMessage> shown = cards(channel);
    return int(std::count_if(shown.begin(), shown.end(), [&](const FakeSlack::PostedMessage &m) {
        return QJsonDocument(m.blocks).toJson().contains(text.toUtf8());
    }));
}

QList<FakeSlack::PostedMessage> BridgeHarness::threadReplies(const QString &channel,
                                                             const QString &ts) const
{
    QList<FakeSlack::PostedMessage> out;
    for (const FakeSlack::PostedMessage &m : slack.messages(channel)) {
        if (m.threadTs == ts)
            out.append(m);
    }
    return out;
}

} // namespace TestSupport
