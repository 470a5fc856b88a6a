#include "bridgehost.h"
#include "codebox.h"
#include "connectionspage.h"
#include "setuphelpers.h"
#include "slackappdialog.h"
#include "thehivesetupdialog.h"

#include "fakeslack.h"
#include "fakethehive.h"
#include "memorysecretstore.h"

#include "bridgeservice.h"
#include "config/configloader.h"
#include "core/clock.h"
#include "core/secretstore.h"
#include "slack/appmanifest.h"

#include <QClipboard>
#include <QFile>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using Console::BridgeHost;
using Console::ConnectionsPage;

namespace {

const QString HiveKey = u"hive-key-0001"_s;
const QString WebhookSecret = u"hook-secret-4242"_s;
const QString BotToken = u"xoxb-good-token"_s;
const QString SigningSecret = u"signing-secret-77"_s;

QString key(const char *k)
{
    return QLatin1String(k);
}

} // namespace

class TestConnectionsPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void typedBotTokenReachesStoreNotSettingsFile();
    void saveMergesSettingsAndKeepsRoutes();
    void secretStatesShowStoredOrNotSet();
    void invalidUrlBlocksSave();
    void identityModeRoundTripsThroughSave();
    void badUserHeaderGetsTheLoadersMessage();
    void newSetUpsActAsTheServiceAccount();
    void testSlackShowsWorkspace();
    void testSlackWithWrongTypedToken();
    void testTheHiveShowsVersionAndUser();
    void testTheHiveWithWrongKey();
    void unavailableKeychainShowsBanner();
    void generateMakesFreshSecrets();
    void manifestOffersSocketModeFirst();
    void manifestHasScopesAndInteractivityUrl();
    void slackAppButtonOpensDialogWithCopy();
    void theHiveSetupHidesSecretUntilAsked();
    void exportThenImport();
    void importRefusesSecretsAndBadFiles();

private:
    std::unique_ptr<ConnectionsPage> makePage();
    template<typename T>
    T *child(QWidget &page, const QString &name)
    {
        T *widget = page.findChild<T *>(name);
        if (!widget)
            qWarning("no child %s", qPrintable(name));
        return widget;
    }
    QByteArray settingsFileBytes() const;

    Bridge::SystemClock m_clock;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<TestSupport::FakeTheHive> m_hive;
    std::unique_ptr<TestSupport::FakeSlack> m_slack;
    std::unique_ptr<TestSupport::MemorySecretStore> m_store;
    std::unique_ptr<BridgeHost> m_host;
};

void TestConnectionsPage::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_hive = std::make_unique<TestSupport::FakeTheHive>(u"5.2.9"_s, HiveKey);
    m_slack = std::make_unique<TestSupport::FakeSlack>(BotToken);
    QVERIFY(m_hive->listen());
    QVERIFY(m_slack->listen());
    m_slack->addChannel(u"C0HIVE01"_s, u"soc-cases"_s);
    m_store = std::make_unique<TestSupport::MemorySecretStore>();
    m_store->insert(key(Bridge::SecretKey::TheHiveApiKey), HiveKey);
    m_store->insert(key(Bridge::SecretKey::TheHiveWebhookSecret), WebhookSecret);
    m_store->insert(key(Bridge::SecretKey::SlackBotToken), BotToken);
    m_store->insert(key(Bridge::SecretKey::SlackSigningSecret), SigningSecret);
    m_host = std::make_unique<BridgeHost>(*m_store, m_clock, m_dir->filePath(u"settings.json"_s),
                                          m_dir->filePath(u"data"_s));

    Bridge::BridgeConfig config;
    config.listenPort = 0;
    config.dataDir = m_dir->filePath(u"data"_s);
    config.theHiveUrl = m_hive->baseUrl();
    config.theHiveUiUrl = m_hive->baseUrl();
    config.slackApiUrl = m_slack->apiUrl();
    config.defaultChannel = u"C0HIVE01"_s;
    Bridge::RouteRule route;
    route.name = u"critical"_s;
    route.minSeverity = 4;
    route.channel = u"C0CRIT"_s;
    config.routes = {route};
    QString error;
    QVERIFY2(m_host->saveConfig(config, &error), qPrintable(error));
    QTRY_COMPARE(m_host->state(), BridgeHost::State::Running);
}

void TestConnectionsPage::cleanup()
{
    m_host.reset();
    m_store.reset();
    m_slack.reset();
    m_hive.reset();
    m_dir.reset();
}

std::unique_ptr<ConnectionsPage> TestConnectionsPage::makePage()
{
    auto page = std::make_unique<ConnectionsPage>(*m_host);
    page->resize(1000, 1400);
    page->show();
    if (!QTest::qWaitForWindowExposed(page.get()))
        qWarning("page not exposed");
    return page;
}

QByteArray TestConnectionsPage::settingsFileBytes() const
{
    QFile file(m_host->settingsFile());
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

void TestConnectionsPage::typedBotTokenReachesStoreNotSettingsFile()
{
    auto page = makePage();
    const QString typed = u"xoxb-typed-9f8e7d6c5b4a"_s;
    auto *field = child<QLineEdit>(*page, u"slackBotToken"_s);
    QVERIFY(field);
    QCOMPARE(field->echoMode(), QLineEdit::Password);
    QCOMPARE(field->text(), QString()); // the stored token is never put back
    QTest::keyClicks(field, typed);
    QTest::mouseClick(child<QPushButton>(*page, u"saveButton"_s), Qt::LeftButton);

    QTRY_COMPARE(m_store->peek(key(Bridge::SecretKey::SlackBotToken)), typed);
    auto *result = child<QLabel>(*page, u"saveResult"_s);
    QTRY_VERIFY2(result->text().startsWith(u"Saved."_s), qPrintable(result->text()));
    QCOMPARE(field->text(), QString()); // write-only: cleared once stored
    // Other secrets were left alone: their fields were empty.
    QCOMPARE(m_store->peek(key(Bridge::SecretKey::TheHiveApiKey)), HiveKey);

    const QByteArray settings = settingsFileBytes();
    QVERIFY(!settings.isEmpty());
    QVERIFY(settings.contains(m_hive->baseUrl().toString().toUtf8())); // it is the right file
    QVERIFY(!settings.contains(typed.toUtf8()));
    QVERIFY(!settings.contains(BotToken.toUtf8()));
    QTRY_COMPARE(child<QLabel>(*page, u"state_slack_bot_token"_s)->text(), u"stored"_s);
}

void TestConnectionsPage::saveMergesSettingsAndKeepsRoutes()
{
    auto page = makePage();
    auto *organisation = child<QLineEdit>(*page, u"theHiveOrganisation"_s);
    auto *version = child<QLineEdit>(*page, u"theHiveVersion"_s);
    auto *channel = child<QLineEdit>(*page, u"slackDefaultChannel"_s);
    QCOMPARE(channel->text(), u"C0HIVE01"_s);
    QCOMPARE(version->text(), QString()); // empty = detect
    QTest::keyClicks(organisation, u"SOC"_s);
    QTest::keyClicks(version, u"5.2"_s);
    channel->clear();
    QTest::keyClicks(channel, u"C0SOCCASES"_s);
    QTest::mouseClick(child<QPushButton>(*page, u"saveButton"_s), Qt::LeftButton);

    QCOMPARE(m_host->config().theHiveOrganisation, u"SOC"_s);
    QVERIFY(m_host->config().theHiveVersion);
    QCOMPARE(m_host->config().theHiveVersion->toString(), u"5.2"_s);
    QCOMPARE(m_host->config().defaultChannel, u"C0SOCCASES"_s);
    QCOMPARE(m_host->config().routes.size(), 1); // another page's setting survives
    QCOMPARE(m_host->config().routes.first().channel, u"C0CRIT"_s);
    const QJsonObject saved = QJsonDocument::fromJson(settingsFileBytes()).object();
    QCOMPARE(saved.value(u"thehive"_s).toObject().value(u"organisation"_s).toString(), u"SOC"_s);
    QCOMPARE(saved.value(u"slack"_s).toObject().value(u"defaultChannel"_s).toString(),
             u"C0SOCCASES"_s);
    QTRY_COMPARE(m_host->state(), BridgeHost::State::Running);
    // No secret was typed, so none was written.
    QCOMPARE(m_store->peek(key(Bridge::SecretKey::SlackBotToken)), BotToken);
}

void TestConnectionsPage::secretStatesShowStoredOrNotSet()
{
    m_store.get()->remove(key(Bridge::SecretKey::SlackSigningSecret), {});
    QTRY_VERIFY(!m_store->contains(key(Bridge::SecretKey::SlackSigningSecret)));
    auto page = makePage();
    QTRY_COMPARE(child<QLabel>(*page, u"state_slack_signing_secret"_s)->text(), u"not set"_s);
    QTRY_COMPARE(child<QLabel>(*page, u"state_thehive_api_key"_s)->text(), u"stored"_s);
    QTRY_COMPARE(child<QLabel>(*page, u"state_thehive_webhook_secret"_s)->text(), u"stored"_s);
    // No label anywhere shows a secret.
    for (const QLabel *label : page->findChildren<QLabel *>()) {
        for (const QString &secret : {HiveKey, WebhookSecret, BotToken})
            QVERIFY2(!label->text().contains(secret), qPrintable(label->objectName()));
    }
    QVERIFY(!child<QLabel>(*page, u"keychainBanner"_s)->isVisible());
}

void TestConnectionsPage::invalidUrlBlocksSave()
{
    auto page = makePage();
    auto *save = child<QPushButton>(*page, u"saveButton"_s);
    auto *url = child<QLineEdit>(*page, u"theHiveUrl"_s);
    auto *error = child<QLabel>(*page, u"error_theHiveUrl"_s);
    QVERIFY(save->isEnabled());
    QVERIFY(!error->isVisible());
    url->clear();
    QTest::keyClicks(url, u"ftp://thehive.example"_s);
    QVERIFY(!save->isEnabled());
    QVERIFY(error->isVisible());
    QVERIFY(error->text().contains(u"http"_s));
    url->clear();
    QTest::keyClicks(url, u"https://thehive.example"_s);
    QVERIFY(save->isEnabled());
    QVERIFY(!error->isVisible());
    QTest::keyClicks(child<QLineEdit>(*page, u"theHiveVersion"_s), u"banana"_s);
    QVERIFY(!save->isEnabled());
    QVERIFY(child<QLabel>(*page, u"error_theHiveVersion"_s)->isVisible());
}

void TestConnectionsPage::identityModeRoundTripsThroughSave()
{
    auto page = makePage();
    auto *service = child<QRadioButton>(*page, u"actAsService"_s);
    auto *header = child<QRadioButton>(*page, u"actAsHeader"_s);
    auto *name = child<QLineEdit>(*page, u"theHiveUserHeader"_s);
    QVERIFY(service->isChecked());
    QVERIFY(!header->isChecked());
    QCOMPARE(name->text(), u"X-USER"_s);
    QVERIFY(!name->isEnabled()); // the service account sends no user header

    QTest::mouseClick(header, Qt::LeftButton, {}, QPoint(5, header->height() / 2));
    QVERIFY(header->isChecked());
    QVERIFY(name->isEnabled());
    name->clear();
    QTest::keyClicks(name, u"X-Remote-User"_s);
    QTest::mouseClick(child<QPushButton>(*page, u"saveButton"_s), Qt::LeftButton);

    QCOMPARE(m_host->config().theHiveActAs, Bridge::ActAs::Header);
    QCOMPARE(m_host->config().theHiveUserHeader, u"X-Remote-User"_s);
    const QJsonObject hive = QJsonDocument::fromJson(settingsFileBytes())[u"thehive"_s].toObject();
    QCOMPARE(hive.value(u"actAs"_s).toString(), u"header"_s);
    QCOMPARE(hive.value(u"userHeader"_s).toString(), u"X-Remote-User"_s);
    QCOMPARE(m_host->config().routes.size(), 1); // merged, not replaced
    QTRY_VERIFY(m_host->bridge() &&
                m_host->bridge()->config().theHiveActAs == Bridge::ActAs::Header);

    // A new page reads it back; service mode again leaves the name saved but unused.
    auto again = makePage();
    QVERIFY(child<QRadioButton>(*again, u"actAsHeader"_s)->isChecked());
    auto *againName = child<QLineEdit>(*again, u"theHiveUserHeader"_s);
    QCOMPARE(againName->text(), u"X-Remote-User"_s);
    QVERIFY(againName->isEnabled());
    // On the indicator: a radio button takes clicks on its indicator and text only.
    QTest::mouseClick(child<QRadioButton>(*again, u"actAsService"_s), Qt::LeftButton, {},
                      QPoint(5, service->height() / 2));
    QVERIFY(!againName->isEnabled());
    QTest::mouseClick(child<QPushButton>(*again, u"saveButton"_s), Qt::LeftButton);
    QCOMPARE(m_host->config().theHiveActAs, Bridge::ActAs::Service);
    QCOMPARE(QJsonDocument::fromJson(settingsFileBytes())[u"thehive"_s][u"actAs"_s].toString(),
             u"service"_s);
}

void TestConnectionsPage::badUserHeaderGetsTheLoadersMessage()
{
    auto page = makePage();
    auto *header = child<QRadioButton>(*page, u"actAsHeader"_s);
    QTest::mouseClick(header, Qt::LeftButton, {}, QPoint(5, header->height() / 2));
    auto *name = child<QLineEdit>(*page, u"theHiveUserHeader"_s);
    auto *error = child<QLabel>(*page, u"error_theHiveUserHeader"_s);
    auto *save = child<QPushButton>(*page, u"saveButton"_s);
    QVERIFY(!error->isVisible());

    // What headless mode would say about the same file, word for word.
    Bridge::BridgeConfig refused = m_host->config();
    refused.theHiveUserHeader = u"Authorization"_s;
    const QString loaderSays = Bridge::validateConfig(refused);
    QVERIFY(loaderSays.contains(u"Authorization"_s));
    name->clear();
    QTest::keyClicks(name, u"Authorization"_s);
    QVERIFY(error->isVisible());
    QCOMPARE(error->text(), loaderSays);
    QVERIFY(!save->isEnabled());

    name->clear();
    QTest::keyClicks(name, u"X User"_s); // not an HTTP token
    QVERIFY(error->isVisible());
    QVERIFY(!save->isEnabled());

    // Empty means the default name.
    name->clear();
    QVERIFY(!error->isVisible());
    QVERIFY(save->isEnabled());
    QTest::mouseClick(save, Qt::LeftButton);
    QCOMPARE(m_host->config().theHiveUserHeader, u"X-USER"_s);
    QCOMPARE(m_host->config().theHiveActAs, Bridge::ActAs::Header);
}

void TestConnectionsPage::newSetUpsActAsTheServiceAccount()
{
    BridgeHost fresh(*m_store, m_clock, m_dir->filePath(u"fresh/settings.json"_s),
                     m_dir->filePath(u"fresh/data"_s));
    fresh.start(); // no settings file yet
    ConnectionsPage page(fresh);
    QVERIFY(page.findChild<QRadioButton *>(u"actAsService"_s)->isChecked());
    QVERIFY(!page.findChild<QLineEdit *>(u"theHiveUserHeader"_s)->isEnabled());
    QCOMPARE(page.findChild<QLineEdit *>(u"theHiveUserHeader"_s)->text(), u"X-USER"_s);
}

void TestConnectionsPage::testSlackShowsWorkspace()
{
    auto page = makePage();
    auto *button = child<QPushButton>(*page, u"testSlackButton"_s);
    auto *result = child<QLabel>(*page, u"slackResult"_s);
    QTest::mouseClick(button, Qt::LeftButton);
    QVERIFY(!button->isEnabled()); // busy until the answer
    QTRY_VERIFY(button->isEnabled());
    QVERIFY2(result->text().contains(u"Subarachnoid Workspace"_s), qPrintable(result->text()));
    QVERIFY(result->text().contains(m_slack->botUserId()));
    // The stored token was used, since the field was empty.
    const QList<TestSupport::RecordedRequest> calls = m_slack->requests(u"/api/auth.test"_s);
    QVERIFY(!calls.isEmpty());
    QCOMPARE(calls.last().header("Authorization"), "Bearer " + BotToken.toUtf8());
}

void TestConnectionsPage::testSlackWithWrongTypedToken()
{
    auto page = makePage();
    QTest::keyClicks(child<QLineEdit>(*page, u"slackBotToken"_s), u"xoxb-wrong"_s);
    auto *button = child<QPushButton>(*page, u"testSlackButton"_s);
    auto *result = child<QLabel>(*page, u"slackResult"_s);
    QTest::mouseClick(button, Qt::LeftButton);
    QTRY_VERIFY(button->isEnabled());
    QVERIFY2(result->text().startsWith(u"the bot token is not valid"_s),
             qPrintable(result->text()));
    QVERIFY(!result->text().contains(u"Subarachnoid"_s));
    // Testing saves nothing.
    QCOMPARE(m_store->peek(key(Bridge::SecretKey::SlackBotToken)), BotToken);
}

void TestConnectionsPage::testTheHiveShowsVersionAndUser()
{
    auto page = makePage();
    auto *button = child<QPushButton>(*page, u"testTheHiveButton"_s);
    auto *result = child<QLabel>(*page, u"theHiveResult"_s);
    QTest::mouseClick(button, Qt::LeftButton);
    QVERIFY(!button->isEnabled());
    QVERIFY(result->text().startsWith(u"Checking"_s));
    QTRY_VERIFY(button->isEnabled());
    QVERIFY2(result->text().contains(u"5.2.9"_s), qPrintable(result->text()));
    QVERIFY(result->text().contains(m_hive->apiUserLogin()));
    QVERIFY(result->text().contains(u"manageCase/update"_s));
}

void TestConnectionsPage::testTheHiveWithWrongKey()
{
    auto page = makePage();
    QTest::keyClicks(child<QLineEdit>(*page, u"theHiveApiKey"_s), u"not-the-key"_s);
    auto *button = child<QPushButton>(*page, u"testTheHiveButton"_s);
    auto *result = child<QLabel>(*page, u"theHiveResult"_s);
    QTest::mouseClick(button, Qt::LeftButton);
    QTRY_VERIFY(button->isEnabled());
    QVERIFY2(result->text().startsWith(u"wrong API key"_s), qPrintable(result->text()));
    QVERIFY(!result->text().contains(u"not-the-key"_s)); // the key is not echoed
}

void TestConnectionsPage::unavailableKeychainShowsBanner()
{
    m_store->setUnavailable(true, u"no Secret Service on this session"_s);
    auto page = makePage();
    auto *banner = child<QLabel>(*page, u"keychainBanner"_s);
    QTRY_VERIFY(banner->isVisible());
    QVERIFY(banner->text().contains(u"no Secret Service on this session"_s));
    QVERIFY(banner->text().contains(u"HIVESLACK_SLACK_BOT_TOKEN_FILE"_s));
    QVERIFY(banner->text().contains(u"HIVESLACK_THEHIVE_API_KEY_FILE"_s));
    QCOMPARE(child<QLabel>(*page, u"state_slack_bot_token"_s)->text(), u"keychain not available"_s);

    // A secret typed now cannot be stored: the page says so instead of pretending.
    QTest::keyClicks(child<QLineEdit>(*page, u"slackSigningSecret"_s), u"new-signing"_s);
    QTest::mouseClick(child<QPushButton>(*page, u"saveButton"_s), Qt::LeftButton);
    auto *result = child<QLabel>(*page, u"saveResult"_s);
    QTRY_VERIFY2(result->text().contains(u"not every secret"_s), qPrintable(result->text()));
    QCOMPARE(m_store->peek(key(Bridge::SecretKey::SlackSigningSecret)), SigningSecret);
    QVERIFY(banner->isVisible());
}

void TestConnectionsPage::generateMakesFreshSecrets()
{
    auto page = makePage();
    auto *field = child<QLineEdit>(*page, u"theHiveWebhookSecret"_s);
    auto *generate = child<QPushButton>(*page, u"generateSecret"_s);
    QTest::mouseClick(generate, Qt::LeftButton);
    const QString first = field->text();
    QTest::mouseClick(generate, Qt::LeftButton);
    const QString second = field->text();
    static const QRegularExpression base64url(u"^[A-Za-z0-9_-]{43}$"_s); // 32 bytes, no padding
    QVERIFY2(base64url.match(first).hasMatch(), qPrintable(first));
    QVERIFY(base64url.match(second).hasMatch());
    QVERIFY(first != second);
    QCOMPARE(QByteArray::fromBase64(first.toLatin1(), QByteArray::Base64UrlEncoding).size(), 32);
    QCOMPARE(field->echoMode(), QLineEdit::Password);

    QTest::mouseClick(child<QPushButton>(*page, u"saveButton"_s), Qt::LeftButton);
    QTRY_COMPARE(m_store->peek(key(Bridge::SecretKey::TheHiveWebhookSecret)), second);
    QVERIFY(!settingsFileBytes().contains(second.toUtf8()));
}

void TestConnectionsPage::manifestOffersSocketModeFirst()
{
    Console::SlackAppDialog dialog(QUrl(u"http://127.0.0.1:8990"_s));
    QVERIFY(dialog.socketModeChoice()->isChecked());
    QVERIFY(!dialog.baseUrlEdit()->isEnabled());
    const QJsonObject settings = QJsonDocument::fromJson(dialog.manifestText().toUtf8())
                                     .object()
                                     .value(u"settings"_s)
                                     .toObject();
    QCOMPARE(settings.value(u"socket_mode_enabled"_s).toBool(), true);
    // Clicks come over the socket: no request URL for Slack to call.
    QCOMPARE(settings.value(u"interactivity"_s).toObject(), QJsonObject({{u"is_enabled"_s, true}}));
}

void TestConnectionsPage::manifestHasScopesAndInteractivityUrl()
{
    Console::SlackAppDialog dialog(QUrl(u"http://127.0.0.1:8990"_s));
    dialog.httpChoice()->click();
    QVERIFY(dialog.baseUrlEdit()->isEnabled());
    dialog.baseUrlEdit()->clear();
    QTest::keyClicks(dialog.baseUrlEdit(), u"https://bridge.example.org/hiveslack/"_s);
    const QString text = dialog.manifestText();
    for (const QString &scope :
         {u"chat:write"_s, u"users:read"_s, u"users:read.email"_s, u"channels:read"_s,
          u"groups:read"_s, u"channels:history"_s, u"groups:history"_s})
        QVERIFY2(text.contains(u'"' + scope + u'"'), qPrintable(scope));
    QVERIFY(text.contains(u"https://bridge.example.org/hiveslack/slack/interactions"_s));
    QVERIFY(!text.contains(u"files:read"_s)); // only for a config that copies evidence files
    Console::SlackAppDialog copying(QUrl(u"http://127.0.0.1:8990"_s), {.copyFiles = true});
    QVERIFY(copying.manifestText().contains(u"\"files:read\""_s));

    const QJsonObject manifest = QJsonDocument::fromJson(text.toUtf8()).object();
    QCOMPARE(manifest.value(u"display_information"_s).toObject().value(u"name"_s).toString(),
             u"HiveSlack"_s);
    const QJsonArray scopes = manifest.value(u"oauth_config"_s)
                                  .toObject()
                                  .value(u"scopes"_s)
                                  .toObject()
                                  .value(u"bot"_s)
                                  .toArray();
    QCOMPARE(scopes.size(), Bridge::AppManifest::botScopes().size());
    const QJsonObject interactivity =
        manifest.value(u"settings"_s).toObject().value(u"interactivity"_s).toObject();
    QCOMPARE(interactivity.value(u"is_enabled"_s).toBool(), true);
    QCOMPARE(interactivity.value(u"request_url"_s).toString(),
             u"https://bridge.example.org/hiveslack/slack/interactions"_s);
    QCOMPARE(manifest.value(u"settings"_s).toObject().value(u"socket_mode_enabled"_s).toBool(),
             false);

    // Not a URL: no manifest to paste by mistake.
    dialog.baseUrlEdit()->clear();
    QTest::keyClicks(dialog.baseUrlEdit(), u"bridge.example.org"_s);
    QCOMPARE(dialog.manifestText(), QString());
}

void TestConnectionsPage::slackAppButtonOpensDialogWithCopy()
{
    auto page = makePage();
    QTest::mouseClick(child<QPushButton>(*page, u"slackAppButton"_s), Qt::LeftButton);
    auto *dialog = page->findChild<Console::SlackAppDialog *>();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    // HTTP defaults to where the bridge listens.
    dialog->httpChoice()->click();
    QCOMPARE(dialog->baseUrlEdit()->text(),
             Console::SetupHelpers::listenBaseUrl(m_host->config()).toString());
    QVERIFY(dialog->manifestText().contains(u"/slack/interactions"_s));
    QTest::mouseClick(dialog->manifestBox()->copyButton(), Qt::LeftButton);
    QCOMPARE(QGuiApplication::clipboard()->text(), dialog->manifestText());
}

void TestConnectionsPage::theHiveSetupHidesSecretUntilAsked()
{
    auto page = makePage();
    QTest::mouseClick(child<QPushButton>(*page, u"theHiveSetupButton"_s), Qt::LeftButton);
    auto *dialog = page->findChild<Console::TheHiveSetupDialog *>();
    QVERIFY(dialog);
    dialog->baseUrlEdit()->clear();
    QTest::keyClicks(dialog->baseUrlEdit(), u"https://bridge.example.org"_s);
    const QString webhook = u"https://bridge.example.org/thehive/webhook"_s;
    const QString placeholder = Console::SetupHelpers::secretPlaceholder();

    const QString steps = dialog->theHive5Box()->text();
    QVERIFY(steps.contains(webhook));
    QVERIFY(steps.contains(u"Version:         1"_s));
    QVERIFY(steps.contains(u"Bearer"_s));
    QVERIFY(steps.contains(u"Trigger:"_s));
    QVERIFY(steps.contains(placeholder));
    const QString conf = dialog->theHive4ConfigBox()->text();
    QVERIFY(conf.contains(u"url: \""_s + webhook + u'"'));
    QVERIFY(conf.contains(u"auth: {type: \"bearer\", key: \""_s + placeholder + u"\"}"_s));
    QVERIFY(dialog->theHive4ActivationBox()->text().contains(
        m_hive->baseUrl().toString() + u"/api/config/organisation/notification"_s));
    for (const Console::CodeBox *box :
         {dialog->theHive5Box(), dialog->theHive4ConfigBox(), dialog->theHive4ActivationBox()})
        QVERIFY(!box->text().contains(WebhookSecret));

    QTest::mouseClick(dialog->showSecretButton(), Qt::LeftButton);
    QTRY_VERIFY(dialog->theHive5Box()->text().contains(WebhookSecret));
    QVERIFY(dialog->theHive4ConfigBox()->text().contains(u"key: \""_s + WebhookSecret + u'"'));
    QVERIFY(!dialog->theHive5Box()->text().contains(placeholder));

    QTest::mouseClick(dialog->showSecretButton(), Qt::LeftButton); // hide again
    QVERIFY(!dialog->theHive5Box()->text().contains(WebhookSecret));
    QVERIFY(!dialog->theHive4ConfigBox()->text().contains(WebhookSecret));
}

void TestConnectionsPage::exportThenImport()
{
    auto page = makePage();
    const QString exported = m_dir->filePath(u"exported.json"_s);
    QVERIFY(page->exportTo(exported));
    QFile file(exported);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    file.close();
    QCOMPARE(QJsonDocument::fromJson(bytes).object(), Bridge::configToJson(m_host->config()));
    for (const QString &secret : {HiveKey, WebhookSecret, BotToken, SigningSecret})
        QVERIFY(!bytes.contains(secret.toUtf8()));

    // The headless loader reads the exported file as it is.
    const Bridge::ConfigResult loaded = Bridge::loadConfig(exported, {}, u"/unused"_s);
    QVERIFY2(loaded.config, qPrintable(loaded.error));
    QCOMPARE(loaded.config->theHiveUrl, m_hive->baseUrl());

    // Edited elsewhere, then imported back.
    QJsonObject json = QJsonDocument::fromJson(bytes).object();
    QJsonObject slack = json.value(u"slack"_s).toObject();
    slack.insert(u"defaultChannel"_s, u"C0IMPORTED"_s);
    json.insert(u"slack"_s, slack);
    const QString edited = m_dir->filePath(u"edited.json"_s);
    QFile out(edited);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(QJsonDocument(json).toJson());
    out.close();
    QVERIFY(page->importFrom(edited));
    QCOMPARE(m_host->config().defaultChannel, u"C0IMPORTED"_s);
    QCOMPARE(child<QLineEdit>(*page, u"slackDefaultChannel"_s)->text(), u"C0IMPORTED"_s);
    QVERIFY(child<QLabel>(*page, u"transferResult"_s)->text().startsWith(u"Imported"_s));
}

void TestConnectionsPage::importRefusesSecretsAndBadFiles()
{
    auto page = makePage();
    auto *result = child<QLabel>(*page, u"transferResult"_s);
    const QString withSecret = m_dir->filePath(u"secret.json"_s);
    QFile file(withSecret);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"thehive":{"url":"https://thehive.example"},
                   "slack":{"defaultChannel":"C1","botToken":"xoxb-leaked"}})");
    file.close();
    QVERIFY(!page->importFrom(withSecret));
    QVERIFY2(result->text().contains(u"holds a secret"_s), qPrintable(result->text()));
    QCOMPARE(m_host->config().theHiveUrl, m_hive->baseUrl()); // nothing changed
    QVERIFY(!settingsFileBytes().contains("xoxb-leaked"));

    const QString broken = m_dir->filePath(u"broken.json"_s);
    QFile brokenFile(broken);
    QVERIFY(brokenFile.open(QIODevice::WriteOnly));
    brokenFile.write("{ not json");
    brokenFile.close();
    QVERIFY(!page->importFrom(broken));
    QVERIFY(result->text().contains(u"not a HiveSlack configuration"_s));

    const QString incomplete = m_dir->filePath(u"incomplete.json"_s);
    QFile incompleteFile(incomplete);
    QVERIFY(incompleteFile.open(QIODevice::WriteOnly));
    incompleteFile.write(R"({"thehive":{"url":"https://thehive.example"}})");
    incompleteFile.close();
    QVERIFY(!page->importFrom(incomplete));
    QVERIFY2(result->text().contains(u"default Slack channel"_s), qPrintable(result->text()));
}

QTEST_MAIN(TestConnectionsPage)
#include "tst_connectionspage.moc"
