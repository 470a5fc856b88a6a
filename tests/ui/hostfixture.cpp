#include "hostfixture.h"

#include "bridgeservice.h"
#include "core/secretstore.h"
#include "slack/slacksignature.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QTest>

namespace TestSupport {

HostFixture::HostFixture(ManualClock *clock)
    : host(secrets, clock ? static_cast<const Bridge::Clock &>(*clock) : systemClock,
           dir.filePath(QStringLiteral("settings/hiveslack.json")),
           dir.filePath(QStringLiteral("data")))
{
    if (!dir.isValid() || !hive.listen() || !slack.listen())
        qFatal("the fakes cannot listen");
    slack.addChannel(QLatin1String(Channel), QStringLiteral("soc-cases"));
    secrets.insert(QLatin1String(Bridge::SecretKey::TheHiveApiKey), hive.apiKey());
    secrets.insert(QLatin1String(Bridge::SecretKey::TheHiveWebhookSecret),
                   QLatin1String(WebhookSecret));
    secrets.insert(QLatin1String(Bridge::SecretKey::SlackBotToken), slack.token());
    secrets.insert(QLatin1String(Bridge::SecretKey::SlackSigningSecret),
                   QLatin1String(SigningSecret));
}

HostFixture::~HostFixture()
{
    host.stop();
}

Bridge::BridgeConfig HostFixture::config() const
{
    Bridge::BridgeConfig config;
    config.listenPort = 0;
    config.dataDir = dir.filePath(QStringLiteral("data"));
    config.theHiveUrl = hive.baseUrl();
    config.theHiveUiUrl = QUrl(QStringLiteral("https://thehive.example"));
    config.slackApiUrl = slack.apiUrl();
    config.defaultChannel = QLatin1String(Channel);
    config.retryBaseMs = 50;
    config.reconcileSeconds = 0; // a background look-back would race the tests' own webhooks
    return config;
}

bool HostFixture::startConfigured()
{
    QString error;
    if (!host.saveConfig(config(), &error)) {
        qWarning("saveConfig: %s", qPrintable(error));
        return false;
    }
    return QTest::qWaitFor([this] { return host.state() == Console::BridgeHost::State::Running; },
                           10000);
}

void HostFixture::startUnconfigured()
{
    host.start();
}

int HostFixture::post(const QString &path, const QByteArray &body,
                      const QList<QPair<QByteArray, QByteArray>> &headers)
{
    if (!host.bridge())
        return 0;
    QNetworkRequest request(
        QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(host.bridge()->port()).arg(path)));
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    QNetworkReply *reply = m_client.post(request, body);
    if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 10000))
        reply->abort(); // answers status 0
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    delete reply;
    return status;
}

int HostFixture::postWebhook(const QJsonObject &body)
{
    return post(QStringLiteral("/thehive/webhook"),
                QJsonDocument(body).toJson(QJsonDocument::Compact),
                {{"Content-Type", "application/json"},
                 {"Authorization", QByteArray("Bearer ") + WebhookSecret}});
}

int HostFixture::postInteraction(const QJsonObject &payload)
{
    const QByteArray body =
        "payload=" + QUrl::toPercentEncoding(
                         QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Compact)));
    const QByteArray ts = QByteArray::number(QDateTime::currentSecsSinceEpoch());
    return post(QStringLiteral("/slack/interactions"), body,
                {{"Content-Type", "application/x-www-form-urlencoded"},
                 {"X-Slack-Request-Timestamp", ts},
                 {"X-Slack-Signature", Bridge::computeSlackSignature(SigningSecret, ts, body)}});
}

} // namespace TestSupport
