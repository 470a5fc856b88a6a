#include "bridgehost.h"
#include "channelspage.h"
#include "routingrulesmodel.h"

#include "fakeslack.h"
#include "fakethehive.h"
#include "memorysecretstore.h"

#include "bridgeservice.h"
#include "core/clock.h"
#include "core/secretstore.h"

#include <QComboBox>
#include <QFile>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;
using Console::BridgeHost;
using Console::RoutingRulesModel;

namespace {

constexpr char WebhookSecret[] = "hive-webhook-secret";
const QString SocChannel = u"C0HIVE01"_s;
const QString PhishChannel = u"C0PHISH01"_s;

} // namespace

class TestChannelsPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void aSavedRuleRoutesCasesInTheRunningBridge();
    void rulesAreReorderedAndRemovedWithTheButtons();
    void anEditorPicksFromTheChoices();
    void rulesShowWholeOnOneLine();
    void aTestCardReportsWhatSlackSaid();
    void withoutARunningBridgeThePickerExplainsWhy();
    void alertRoutesSayWhatTheyPlaceAndKeepIt();

private:
    /// Starts a host over the fakes; `withSecrets` false leaves it NotConfigured.
    bool startHost(bool withSecrets = true);
    int postWebhook(const QJsonObject &body);
    static int rowNamed(const RoutingRulesModel &model, const QString &name);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<TestSupport::FakeTheHive> m_hive;
    std::unique_ptr<TestSupport::FakeSlack> m_slack;
    std::unique_ptr<TestSupport::MemorySecretStore> m_secrets;
    Bridge::SystemClock m_clock;
    std::unique_ptr<BridgeHost> m_host;
    QNetworkAccessManager m_client;
};

void TestChannelsPage::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_hive = std::make_unique<TestSupport::FakeTheHive>();
    m_slack = std::make_unique<TestSupport::FakeSlack>();
    QVERIFY(m_hive->listen() && m_slack->listen());
    m_slack->addChannel(SocChannel, u"soc-cases"_s);
    m_slack->addChannel(PhishChannel, u"phishing"_s);
    m_secrets = std::make_unique<TestSupport::MemorySecretStore>();
}

void TestChannelsPage::cleanup()
{
    m_host.reset();
    m_secrets.reset();
    m_slack.reset();
    m_hive.reset();
    m_dir.reset();
}

bool TestChannelsPage::startHost(bool withSecrets)
{
    if (withSecrets) {
        m_secrets->insert(QLatin1String(Bridge::SecretKey::TheHiveApiKey), m_hive->apiKey());
        m_secrets->insert(QLatin1String(Bridge::SecretKey::TheHiveWebhookSecret),
                          QLatin1String(WebhookSecret));
        m_secrets->insert(QLatin1String(Bridge::SecretKey::SlackBotToken), m_slack->token());
        m_secrets->insert(QLatin1String(Bridge::SecretKey::SlackSigningSecret), u"signing"_s);
    }
    m_host = std::make_unique<BridgeHost>(*m_secrets, m_clock, m_dir->filePath(u"settings.json"_s),
                                          m_dir->filePath(u"data"_s));
    Bridge::BridgeConfig config;
    config.listenPort = 0;
    config.dataDir = m_dir->filePath(u"data"_s);
    config.theHiveUrl = m_hive->baseUrl();
    config.slackApiUrl = m_slack->apiUrl();
    config.defaultChannel = SocChannel;
    config.retryBaseMs = 50;
    QString error;
    if (!m_host->saveConfig(config, &error))
        qWarning("saveConfig: %s", qPrintable(error));
    const auto expected =
        withSecrets ? BridgeHost::State::Running : BridgeHost::State::NotConfigured;
    return QTest::qWaitFor([&] { return m_host->state() == expected; }, 10000);
}

int TestChannelsPage::postWebhook(const QJsonObject &body)
{
    QNetworkRequest request(
        QUrl(u"http://127.0.0.1:%1/thehive/webhook"_s.arg(m_host->bridge()->port())));
    request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json"_ba);
    request.setRawHeader("Authorization", "Bearer "_ba + WebhookSecret);
    std::unique_ptr<QNetworkReply> reply(
        m_client.post(request, QJsonDocument(body).toJson(QJsonDocument::Compact)));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    if (!reply->isFinished() && !finished.wait(10000))
        return 0;
    return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
}

int TestChannelsPage::rowNamed(const RoutingRulesModel &model, const QString &name)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.rules().at(row).name == name)
            return row;
    }
    return -1;
}

void TestChannelsPage::aSavedRuleRoutesCasesInTheRunningBridge()
{
    QVERIFY(startHost());
    Console::ChannelsPage page(*m_host);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));

    // The picker lists the fake workspace's channels, by name.
    QTRY_COMPARE(page.channelPicker()->count(), 2);
    QCOMPARE(page.channelPicker()->itemText(0), u"#phishing (C0PHISH01)"_s);
    QCOMPARE(page.channelPicker()->itemText(1), u"#soc-cases (C0HIVE01)"_s);
    QVERIFY(page.channelPicker()->isEnabled());
    QCOMPARE(page.defaultChannel()->currentText(), u"#soc-cases (C0HIVE01)"_s);
    QVERIFY(!page.saveButton()->isEnabled());

    page.channelPicker()->setCurrentIndex(page.channelPicker()->findData(PhishChannel));
    QTest::mouseClick(page.addButton(), Qt::LeftButton);
    RoutingRulesModel &model = *page.model();
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.rules().first().channel, PhishChannel);
    QVERIFY(page.saveButton()->isEnabled());

    using C = RoutingRulesModel;
    QVERIFY(model.setData(model.index(0, C::Name), u"Phishing"_s));
    QVERIFY(model.setData(model.index(0, C::Tags), u" phishing , BEC,phishing"_s));
    QVERIFY(model.setData(model.index(0, C::MinSeverity), 2));
    QVERIFY(model.setData(model.index(0, C::Tlps), u"green, TLP:CLEAR, 2"_s));
    QVERIFY(model.setData(model.index(0, C::TlpCeiling), 2));
    QVERIFY(model.setData(model.index(0, C::AboveCeiling), int(Bridge::AboveCeiling::Drop)));
    QVERIFY(!model.setData(model.index(0, C::Tlps), u"TLP:PURPLE"_s));
    QVERIFY(!model.setData(model.index(0, C::MinSeverity), 7));
    QCOMPARE(model.index(0, C::Tags).data().toString(), u"phishing, BEC"_s);
    QCOMPARE(model.index(0, C::Tlps).data().toString(), u"TLP:CLEAR, TLP:GREEN, TLP:AMBER"_s);
    QCOMPARE(model.index(0, C::MinSeverity).data().toString(), u"Medium or above"_s);
    QCOMPARE(model.index(0, C::Channel).data().toString(), u"#phishing (C0PHISH01)"_s);
    QCOMPARE(model.index(0, C::Organisations).data().toString(), u"any"_s);

    QTest::mouseClick(page.saveButton(), Qt::LeftButton);
    QVERIFY(page.banner()->isVisible());
    QVERIFY2(page.banner()->text().startsWith(u"Saved"_s), qPrintable(page.banner()->text()));
    QVERIFY(!page.saveButton()->isEnabled());

    Bridge::RouteRule expected;
    expected.name = u"Phishing"_s;
    expected.tags = QStringList{u"phishing"_s, u"BEC"_s};
    expected.minSeverity = 2;
    expected.tlps = {0, 1, 2};
    expected.channel = PhishChannel;
    expected.tlpCeiling = 2;
    expected.aboveCeiling = Bridge::AboveCeiling::Drop;
    QCOMPARE(m_host->config().routes.size(), 1);
    QVERIFY(m_host->config().routes.first() == expected);
    // Saved for headless mode too, and the bridge restarted with it.
    QFile settings(m_host->settingsFile());
    QVERIFY(settings.open(QIODevice::ReadOnly));
    const QJsonArray routes = QJsonDocument::fromJson(settings.readAll())[u"routes"_s].toArray();
    QCOMPARE(routes.size(), 1);
    QCOMPARE(routes[0][u"channel"_s].toString(), PhishChannel);
    QTRY_VERIFY(m_host->bridge() && m_host->bridge()->config().routes.size() == 1);
    QTRY_COMPARE(m_host->state(), BridgeHost::State::Running);
    QVERIFY(m_host->bridge()->config().routes.first() == expected);
    // The restarted bridge lists the channels again; relabelling the saved rule is no edit.
    QTRY_COMPARE(m_slack->requests(u"/api/conversations.list"_s).size(), 2);
    QTRY_VERIFY(page.channelHint()->text().startsWith(u"Channels in the workspace: 2."_s));
    QVERIFY(!page.hasUnsavedChanges());

    // A matching case lands in the rule's channel, another one in the default channel.
    const QString phish = m_hive
                              ->addCase({{u"title"_s, u"Fake invoice"_s},
                                         {u"tags"_s, QJsonArray{u"phishing"_s}},
                                         {u"severity"_s, 3},
                                         {u"tlp"_s, 1}})[u"_id"_s]
                              .toString();
    const QString malware = m_hive
                                ->addCase({{u"title"_s, u"Emotet on a laptop"_s},
                                           {u"tags"_s, QJsonArray{u"malware"_s}},
                                           {u"severity"_s, 3},
                                           {u"tlp"_s, 1}})[u"_id"_s]
                                .toString();
    QCOMPARE(postWebhook(m_hive->webhookFor(u"create"_s, phish)), 202);
    QCOMPARE(postWebhook(m_hive->webhookFor(u"create"_s, malware)), 202);
    QTRY_COMPARE(m_slack->messages(PhishChannel).size(), 1);
    QTRY_COMPARE(m_slack->messages(SocChannel).size(), 1);
    QVERIFY(m_slack->messages(PhishChannel).first().text.contains(u"Fake invoice"_s));
    QVERIFY(m_slack->messages(SocChannel).first().text.contains(u"Emotet"_s));
}

void TestChannelsPage::rulesAreReorderedAndRemovedWithTheButtons()
{
    QVERIFY(startHost());
    Console::ChannelsPage page(*m_host);
    QTRY_COMPARE(page.channelPicker()->count(), 2);
    RoutingRulesModel &model = *page.model();
    for (const QString &name : {u"first"_s, u"second"_s, u"third"_s}) {
        QTest::mouseClick(page.addButton(), Qt::LeftButton);
        QVERIFY(model.setData(model.index(model.rowCount() - 1, RoutingRulesModel::Name), name));
    }
    // A new rule is selected: the last one cannot move further down.
    QVERIFY(page.moveUpButton()->isEnabled());
    QVERIFY(!page.moveDownButton()->isEnabled());

    page.table()->selectRow(rowNamed(model, u"third"_s));
    QTest::mouseClick(page.moveUpButton(), Qt::LeftButton);
    QTest::mouseClick(page.moveUpButton(), Qt::LeftButton);
    QCOMPARE(rowNamed(model, u"third"_s), 0);
    QCOMPARE(rowNamed(model, u"first"_s), 1);
    QVERIFY(!page.moveUpButton()->isEnabled()); // the selection followed it to the top
    QTest::mouseClick(page.moveDownButton(), Qt::LeftButton);
    QCOMPARE(rowNamed(model, u"first"_s), 0);
    QCOMPARE(rowNamed(model, u"third"_s), 1);
    QCOMPARE(model.headerData(0, Qt::Vertical).toInt(), 1);

    page.table()->selectRow(rowNamed(model, u"second"_s));
    QTest::mouseClick(page.removeButton(), Qt::LeftButton);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(rowNamed(model, u"second"_s), -1);

    // A rule without a channel is refused with a reason, and nothing is saved.
    QVERIFY(model.setData(model.index(0, RoutingRulesModel::Channel), QString()));
    QTest::mouseClick(page.saveButton(), Qt::LeftButton);
    QVERIFY(page.banner()->text().contains(u"“first” has no channel"_s));
    QVERIFY(m_host->config().routes.isEmpty());
    QVERIFY(page.hasUnsavedChanges());

    // Revert brings back what the settings hold.
    QTest::mouseClick(page.revertButton(), Qt::LeftButton);
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!page.hasUnsavedChanges());
    QVERIFY(!page.saveButton()->isEnabled());
}

void TestChannelsPage::anEditorPicksFromTheChoices()
{
    QVERIFY(startHost());
    Console::ChannelsPage page(*m_host);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QTRY_COMPARE(page.channelPicker()->count(), 2);
    QTest::mouseClick(page.addButton(), Qt::LeftButton);

    const QModelIndex severity = page.model()->index(0, RoutingRulesModel::MinSeverity);
    page.table()->setCurrentIndex(severity);
    page.table()->edit(severity);
    auto *combo = qobject_cast<QComboBox *>(page.table()->indexWidget(severity));
    QVERIFY(combo);
    QCOMPARE(combo->count(), 5); // any, Low … Critical
    combo->setCurrentIndex(combo->findData(3));
    QTest::keyClick(combo, Qt::Key_Return); // commits on the next event-loop turn
    QTRY_COMPARE(page.model()->rules().first().minSeverity, 3);
    QCOMPARE(severity.data().toString(), u"High or above"_s);

    // The channel editor lists Slack's channels and also takes a typed id.
    const QModelIndex channel = page.model()->index(0, RoutingRulesModel::Channel);
    page.table()->setCurrentIndex(channel);
    page.table()->edit(channel);
    combo = qobject_cast<QComboBox *>(page.table()->indexWidget(channel));
    QVERIFY(combo);
    QVERIFY(combo->isEditable());
    QCOMPARE(combo->itemText(0), u"#phishing (C0PHISH01)"_s);
    combo->setEditText(u"C0TYPED01"_s);
    QTest::keyClick(combo, Qt::Key_Return);
    QTRY_COMPARE(page.model()->rules().first().channel, u"C0TYPED01"_s);
}

void TestChannelsPage::rulesShowWholeOnOneLine()
{
    QVERIFY(startHost());
    Console::ChannelsPage page(*m_host);
    page.resize(1100, 700);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QTRY_COMPARE(page.channelPicker()->count(), 2);
    RoutingRulesModel &model = *page.model();
    QTest::mouseClick(page.addButton(), Qt::LeftButton);
    QVERIFY(model.setData(model.index(0, RoutingRulesModel::Name), u"Critical to on-call"_s));
    QVERIFY(model.setData(model.index(0, RoutingRulesModel::MinSeverity), 2));
    QVERIFY(model.setData(model.index(0, RoutingRulesModel::Organisations), u"EMEA, APAC"_s));
    QVERIFY(model.setData(model.index(0, RoutingRulesModel::Channel), PhishChannel));
    QCOMPARE(model.index(0, RoutingRulesModel::Channel).data().toString(),
             u"#phishing (C0PHISH01)"_s);

    const QTableView *table = page.table();
    const QHeaderView *header = table->horizontalHeader();
    QVERIFY(!table->wordWrap());
    QCOMPARE(header->sectionResizeMode(RoutingRulesModel::Name), QHeaderView::Stretch);
    const auto cut = [&] {
        QStringList columns;
        for (int column = 0; column < RoutingRulesModel::ColumnCount; ++column) {
            const int needed =
                std::max(static_cast<const QAbstractItemView *>(table)->sizeHintForColumn(column),
                         header->sectionSizeHint(column));
            if (header->sectionSize(column) < needed)
                columns << model.headerData(column, Qt::Horizontal).toString();
        }
        return columns;
    };
    QTRY_VERIFY2(cut().isEmpty(), qPrintable(cut().join(u", "_s)));
    // The name takes what the conditions leave.
    int used = 0;
    for (int column = 0; column < RoutingRulesModel::ColumnCount; ++column)
        used += header->sectionSize(column);
    QCOMPARE(used, table->viewport()->width());
}

void TestChannelsPage::aTestCardReportsWhatSlackSaid()
{
    QVERIFY(startHost());
    Console::ChannelsPage page(*m_host);
    QTRY_COMPARE(page.channelPicker()->count(), 2);
    page.channelPicker()->setCurrentIndex(page.channelPicker()->findData(PhishChannel));
    QTest::mouseClick(page.addButton(), Qt::LeftButton);
    QVERIFY(page.testButton()->isEnabled());

    QTest::mouseClick(page.testButton(), Qt::LeftButton);
    QTRY_VERIFY(page.testResult()->text().startsWith(u"Posted to #phishing (C0PHISH01)"_s));
    QCOMPARE(m_slack->messages(PhishChannel).size(), 1);
    QVERIFY(m_slack->messages(PhishChannel).first().text.contains(u"HiveSlack can post"_s));
    // A sample card, as analysts will see one, with no controls to click.
    const QJsonArray blocks = m_slack->messages(PhishChannel).first().blocks;
    QVERIFY(QJsonDocument(blocks).toJson().contains("a test card"));
    for (const QJsonValue &b : blocks)
        QVERIFY(b.toObject().value(u"type"_s).toString() != u"actions"_s);

    // A channel Slack does not know: the error says what to do, in words.
    QVERIFY(
        page.model()->setData(page.model()->index(0, RoutingRulesModel::Channel), u"C0GONE001"_s));
    QTest::mouseClick(page.testButton(), Qt::LeftButton);
    QTRY_VERIFY(page.testResult()->text().startsWith(u"Could not post to C0GONE001"_s));
    QVERIFY(page.testResult()->text().contains(u"has not been invited"_s));

    // No rule selected: the test goes to the default channel.
    page.table()->clearSelection();
    QTest::mouseClick(page.testButton(), Qt::LeftButton);
    QTRY_COMPARE(m_slack->messages(SocChannel).size(), 1);
}

void TestChannelsPage::withoutARunningBridgeThePickerExplainsWhy()
{
    QVERIFY(startHost(false));
    Console::ChannelsPage page(*m_host);
    QVERIFY(!page.channelPicker()->isEnabled());
    QVERIFY(!page.testButton()->isEnabled());
    QVERIFY2(page.channelHint()->text().contains(u"not running"_s),
             qPrintable(page.channelHint()->text()));
    // Rules can still be written and saved, with a typed channel id.
    QTest::mouseClick(page.addButton(), Qt::LeftButton);
    QVERIFY(
        page.model()->setData(page.model()->index(0, RoutingRulesModel::Channel), u"C0TYPED01"_s));
    QTest::mouseClick(page.saveButton(), Qt::LeftButton);
    QCOMPARE(m_host->config().routes.size(), 1);
    QCOMPARE(m_host->config().routes.first().channel, u"C0TYPED01"_s);
}

void TestChannelsPage::alertRoutesSayWhatTheyPlaceAndKeepIt()
{
    Bridge::RouteRule alerts;
    alerts.name = u"SIEM"_s;
    alerts.kind = Bridge::RouteKind::Alert;
    alerts.sources = {u"splunk"_s};
    alerts.batchPerMinute = 3;
    alerts.channel = u"C0ALERTS1"_s;
    RoutingRulesModel model;
    model.setRules({alerts});
    QCOMPARE(model.index(0, RoutingRulesModel::Name).data().toString(), u"SIEM (alerts)"_s);
    QVERIFY(model.index(0, RoutingRulesModel::Name)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(u"alert route"_s));
    // Editing what the console shows keeps what only the file sets.
    QVERIFY(model.setData(model.index(0, RoutingRulesModel::Name), u"SIEM noisy"_s));
    QVERIFY(model.setData(model.index(0, RoutingRulesModel::MinSeverity), 3));
    const Bridge::RouteRule kept = model.rules().first();
    QCOMPARE(kept.kind, Bridge::RouteKind::Alert);
    QCOMPARE(kept.sources, QStringList{u"splunk"_s});
    QCOMPARE(kept.batchPerMinute, 3);
    QCOMPARE(kept.name, u"SIEM noisy"_s);
}

QTEST_MAIN(TestChannelsPage)
#include "tst_channelspage.moc"
