#include "activitypage.h"
#include "hostfixture.h"
#include "mainwindow.h"
#include "overviewpage.h"
#include "statebanner.h"
#include "trayicon.h"

#include "bridgeservice.h"
#include "journal/journal.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using Console::MainWindow;
using TestSupport::HostFixture;

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void showsStateAndNavigates();
    void firstStartOffersDemoAndConfigure();
    void closingWithTrayKeepsTheBridgeRunning();
    void closingWithoutTrayCloses();
    void trayIconReflectsFailures();
    void geometryAndPagePersist();

private:
    static void clickPage(MainWindow &window, const QString &title);
};

void TestMainWindow::initTestCase()
{
    // Window geometry goes to the test-mode config directory, never the user's.
    QStandardPaths::setTestModeEnabled(true);
}

void TestMainWindow::init()
{
    QDir(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation)).removeRecursively();
}

void TestMainWindow::clickPage(MainWindow &window, const QString &title)
{
    QListWidget *nav = window.navigation();
    const QList<QListWidgetItem *> items = nav->findItems(title, Qt::MatchExactly);
    QVERIFY2(items.size() == 1, qPrintable(title));
    QTest::mouseClick(nav->viewport(), Qt::LeftButton, {},
                      nav->visualItemRect(items.first()).center());
}

void TestMainWindow::showsStateAndNavigates()
{
    HostFixture f;
    QVERIFY(f.startConfigured());
    MainWindow window(f.host);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    const QString url = u"http://127.0.0.1:%1"_s.arg(f.host.bridge()->port());
    QCOMPARE(window.statusText(), u"Running: listening on %1"_s.arg(url));
    QCOMPARE(window.overview()->webhookUrl(), url + u"/thehive/webhook"_s);
    QCOMPARE(window.overview()->interactionsUrl(), url + u"/slack/interactions"_s);
    QVERIFY(!window.overview()->banner()->isVisible()); // running for real: nothing to decide

    auto *stack = window.findChild<QStackedWidget *>();
    QVERIFY(stack);
    QCOMPARE(window.currentPage(), MainWindow::Page::Overview);
    QCOMPARE(stack->currentWidget(), window.overview());
    clickPage(window, u"Activity"_s);
    QCOMPARE(window.currentPage(), MainWindow::Page::Activity);
    QCOMPARE(stack->currentWidget(), window.activity());
    // The list is keyboard-driven too.
    window.navigation()->setFocus();
    QTest::keyClick(window.navigation(), Qt::Key_Home);
    QCOMPARE(stack->currentWidget(), window.overview());
    QVERIFY(window.showPage(MainWindow::Page::Activity));
    QCOMPARE(stack->currentWidget(), window.activity());
}

void TestMainWindow::firstStartOffersDemoAndConfigure()
{
    HostFixture f;
    f.startUnconfigured();
    QCOMPARE(f.host.state(), Console::BridgeHost::State::NotConfigured);
    MainWindow window(f.host);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    QVERIFY(window.statusText().startsWith(u"Not configured: "_s));
    Console::StateBanner *banner = window.overview()->banner();
    QVERIFY(banner->isVisible());
    QCOMPARE(banner->kind(), Console::StateBanner::Kind::FirstStart);
    QVERIFY(banner->demoButton()->isVisible());
    QVERIFY(banner->configureButton()->isVisible());
    QVERIFY(banner->text().contains(u"not set up yet"_s));
    QCOMPARE(window.overview()->webhookUrl(), QString());

    QTest::mouseClick(banner->configureButton(), Qt::LeftButton);
    QCOMPARE(window.currentPage(), MainWindow::Page::Connections);

    // No simulator next to the test binary: the banner says why the demo did not start.
    window.showPage(MainWindow::Page::Overview);
    QTest::mouseClick(banner->demoButton(), Qt::LeftButton);
    auto *error = banner->findChild<QLabel *>(u"demoError"_s);
    QVERIFY(error);
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(u"simulator"_s), qPrintable(error->text()));
    QVERIFY(!f.host.isDemo());
}

void TestMainWindow::closingWithTrayKeepsTheBridgeRunning()
{
    HostFixture f;
    QVERIFY(f.startConfigured());
    MainWindow window(f.host);
    window.setCloseToTray(true);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    QVERIFY(!window.close()); // hidden, not closed
    QVERIFY(!window.isVisible());
    QVERIFY(!QApplication::quitOnLastWindowClosed());
    QCOMPARE(f.host.state(), Console::BridgeHost::State::Running);
    QVERIFY(f.host.bridge()->isListening());
    QCOMPARE(window.tray()->status(), Console::TrayIcon::Status::Running);
    QVERIFY(window.tray()->toolTip().contains(u"Running: listening on"_s));

    // The bridge keeps delivering while the window is away.
    const QString id = f.hive.addCase({{u"title"_s, u"While hidden"_s}}).value(u"_id").toString();
    QCOMPARE(f.postWebhook(f.hive.webhookFor(u"create"_s, id)), 202);
    QTRY_COMPARE(f.slack.messages().size(), 1);

    window.bringToFront();
    QVERIFY(window.isVisible());
}

void TestMainWindow::closingWithoutTrayCloses()
{
    HostFixture f;
    f.startUnconfigured();
    MainWindow window(f.host);
    window.setCloseToTray(false);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(QApplication::quitOnLastWindowClosed());
    QVERIFY(window.close());
    QVERIFY(!window.isVisible());
}

void TestMainWindow::trayIconReflectsFailures()
{
    HostFixture f;
    QVERIFY(f.startConfigured());
    MainWindow window(f.host);
    QCOMPARE(window.tray()->status(), Console::TrayIcon::Status::Running);

    f.slack.slackErrorNext(u"/api/chat.postMessage"_s, u"channel_not_found"_s);
    const QString id = f.hive.addCase({{u"title"_s, u"Bound to fail"_s}}).value(u"_id").toString();
    QCOMPARE(f.postWebhook(f.hive.webhookFor(u"create"_s, id)), 202);
    QTRY_COMPARE(window.tray()->status(), Console::TrayIcon::Status::Attention);
    QCOMPARE(window.tray()->failuresWaiting(), 1);
    QVERIFY2(window.tray()->toolTip().contains(u"failures waiting: 1"_s),
             qPrintable(window.tray()->toolTip()));
    const QString url = u"http://127.0.0.1:%1"_s.arg(f.host.bridge()->port());
    QTRY_COMPARE(window.statusText(), u"Running: listening on %1 — failures waiting: 1"_s.arg(url));

    // "Show in Activity" on the Overview opens Activity narrowed to failed events.
    auto *show = window.overview()->findChild<QPushButton *>(u"showFailures"_s);
    QVERIFY(show);
    QTRY_VERIFY(!show->isHidden());
    QTest::mouseClick(show, Qt::LeftButton);
    QCOMPARE(window.currentPage(), MainWindow::Page::Activity);
    QCOMPARE(window.activity()->stateFilter()->currentData().toString(), u"failed"_s);

    const qint64 eventId = f.host.journal()->events({}).constFirst().id;
    QVERIFY(f.host.journal()->discard(eventId));
    QTRY_COMPARE(window.tray()->status(), Console::TrayIcon::Status::Running);
    QTRY_COMPARE(window.statusText(), u"Running: listening on %1"_s.arg(url));
}

void TestMainWindow::geometryAndPagePersist()
{
    HostFixture f;
    f.startUnconfigured();
    {
        MainWindow window(f.host);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.resize(900, 600);
        window.showPage(MainWindow::Page::Activity);
        window.setCloseToTray(false);
        QVERIFY(window.close());
    }
    MainWindow again(f.host);
    QCOMPARE(again.size(), QSize(900, 600));
    QCOMPARE(again.currentPage(), MainWindow::Page::Activity);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
