// hiveslack-screenshots <output dir>: opens the real console in demo mode (the bridge against
// hiveslack-sim), lets a few sample cases flow, has two analysts use the cards, stages each page
// the way an admin would see it mid-shift and saves it as a PNG for the README.
#include "slackclicks.h"

#include "activitymodel.h"
#include "activitypage.h"
#include "bridgehost.h"
#include "channelspage.h"
#include "mainwindow.h"
#include "overviewpage.h"
#include "peerstatus.h"
#include "statebanner.h"
#include "usersmodel.h"
#include "userspage.h"

#include "bridgeservice.h"
#include "core/clock.h"
#include "core/secretstore.h"
#include "demo/simulator.h"
#include "journal/journal.h"
#include "memorysecretstore.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QTableView>
#include <QtCore/qtestsupport_core.h>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtWidgets/qtestsupport_widgets.h>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <optional>

using namespace Qt::StringLiterals;
using Console::MainWindow;

namespace {

constexpr QSize WindowSize{1280, 800};
/// The simulator sends a case every five seconds; this leaves room for a slow machine.
constexpr int FlowTimeoutMs = 60'000;
const QString Alice = u"U0ALICE01"_s; // seeded by `hiveslack-sim --demo`
const QString Bob = u"U0BOB0001"_s;
const QString Dana = u"U0DANA001"_s; // in Slack only

/// Thrown instead of exiting, so unwinding stops the bridge and the simulator process.
struct Failure
{
    QString why;
};

[[noreturn]] void fail(const QString &why)
{
    throw Failure{why};
}

void waitOrFail(const std::function<bool()> &done, const QString &what, int timeoutMs = 15'000)
{
    if (!QTest::qWaitFor(done, timeoutMs))
        fail(u"timed out waiting for "_s + what);
}

/// A port nobody listens on, so the demo bridge never collides with a running HiveSlack.
quint16 freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost))
        fail(u"no free port on 127.0.0.1"_s);
    return probe.serverPort();
}

/// What a SOC admin would have saved: it fills Connections, Channels and the Users overrides.
/// The demo bridge itself runs on the simulator's settings and leaves these untouched.
Bridge::BridgeConfig savedSettings(quint16 port, const QString &dataDir)
{
    Bridge::BridgeConfig c;
    c.listenPort = port;
    c.dataDir = dataDir;
    c.theHiveUrl = QUrl(u"https://thehive.soc.example"_s);
    c.theHiveUiUrl = c.theHiveUrl;
    c.theHiveOrganisation = u"SOC"_s;
    c.defaultChannel = u"C0HIVE01"_s;
    c.defaultTlpCeiling = 2; // TLP:AMBER
    c.routes = {
        {u"Critical to on-call"_s, {}, 4, {}, {}, u"C0ONCALL01"_s, 2, Bridge::AboveCeiling::Redact},
        {u"Phishing desk"_s,
         {},
         0,
         {u"phishing"_s},
         {},
         u"C0PHISH01"_s,
         1,
         Bridge::AboveCeiling::Redact},
        {u"EMEA subsidiary"_s,
         {u"EMEA"_s},
         2,
         {},
         {},
         u"C0EMEA001"_s,
         1,
         Bridge::AboveCeiling::Drop},
    };
    c.userOverrides.insert(Bob, u"b.responder@soc.example"_s);
    return c;
}

/// Shows the four secrets as stored in the keychain; none of them is real.
void seedSecrets(TestSupport::MemorySecretStore &secrets)
{
    for (const char *key :
         {Bridge::SecretKey::TheHiveApiKey, Bridge::SecretKey::TheHiveWebhookSecret,
          Bridge::SecretKey::SlackBotToken, Bridge::SecretKey::SlackSigningSecret})
        secrets.insert(QLatin1String(key), u"screenshot-placeholder"_s);
}

QList<Bridge::JournalEvent> events(Console::BridgeHost &host, const QString &source,
                                   const QString &state)
{
    QList<Bridge::JournalEvent> found;
    if (!host.journal())
        return found;
    Bridge::EventFilter filter;
    filter.states = {state};
    filter.limit = 0;
    for (const Bridge::JournalEvent &e : host.journal()->events(filter)) {
        if (e.source == source)
            found.append(e);
    }
    return found;
}

/// The cards of the first cases posted in full (the ones analysts can work), oldest first.
QList<SlackClicks::Card> postedCards(Console::BridgeHost &host)
{
    QList<SlackClicks::Card> cards;
    const QList<Bridge::JournalEvent> delivered = events(host, u"thehive"_s, u"delivered"_s);
    for (auto e = delivered.crbegin(); e != delivered.crend(); ++e) {
        const QList<Bridge::CardRef> caseCards = host.journal()->cards(e->caseKey);
        const bool known = std::any_of(cards.cbegin(), cards.cend(),
                                       [&](const auto &c) { return c.caseId == e->caseKey; });
        if (!caseCards.isEmpty() && !known &&
            caseCards.constLast().shown == Bridge::CardShown::Full)
            cards.append({e->caseKey, caseCards.constLast().channel, caseCards.constLast().ts});
    }
    return cards;
}

/// Waits for the simulator's first cases, then has bob take one, alice raise another to
/// Critical, and alice assign the third to dana, who has no TheHive account: that click fails
/// until an admin gives her one (or an override), which is what Activity's Retry is for.
void letCardsFlow(Console::BridgeHost &host)
{
    waitOrFail([&host] { return postedCards(host).size() >= 3; }, u"three sample cards"_s,
               FlowTimeoutMs);
    const QList<SlackClicks::Card> cards = postedCards(host);
    SlackClicks analysts(host.bridge()->port(),
                         Bridge::Simulator::demoCredentials().slackSigningSecret.toUtf8());
    if (analysts.assignToMe(cards.at(0), Bob, u"bob"_s) != 200 ||
        analysts.setSeverity(cards.at(1), Alice, u"alice"_s, 4, u"Critical"_s) != 200 ||
        analysts.assignTo(cards.at(2), Alice, u"alice"_s, Dana) != 200)
        fail(u"the bridge refused a card click"_s);
    waitOrFail(
        [&host] {
            return events(host, u"slack"_s, u"delivered"_s).size() >= 2 &&
                   events(host, u"slack"_s, u"failed"_s).size() >= 1;
        },
        u"the card clicks to reach TheHive"_s);
}

void stageUsers(MainWindow &window)
{
    auto *users = window.findChild<Console::UsersPage *>();
    waitOrFail([users] { return !users->isBusy() && users->model()->rowCount() >= 2; },
               u"the Slack members to be matched"_s);
    users->selectUser(Alice);
}

void stageChannels(MainWindow &window)
{
    auto *channels = window.findChild<Console::ChannelsPage *>();
    waitOrFail([channels] { return channels->channelPicker()->count() > 0; },
               u"Slack's channel list"_s);
    channels->table()->selectRow(1);
}

void stageActivity(MainWindow &window, Console::BridgeHost &host)
{
    Console::ActivityPage *activity = window.activity();
    // The failed click: its error, request and the Retry and Discard buttons are the point.
    const qint64 failed = events(host, u"slack"_s, u"failed"_s).constFirst().id;
    waitOrFail([&] { return activity->model()->rowOf(failed) >= 0; },
               u"Activity to show the failed click"_s);
    activity->table()->selectRow(activity->model()->rowOf(failed));
}

void save(MainWindow &window, MainWindow::Page page, const QDir &out, const QString &name)
{
    if (!window.showPage(page))
        fail(u"this build has no page for "_s + name);
    QTest::qWait(500); // let layouts settle and late answers land
    const QString file = out.filePath(name + u".png"_s);
    if (!window.grab().save(file))
        fail(u"cannot write "_s + file);
    std::printf("%s\n", qPrintable(file));
}

/// Stages every page of a console running the demo and saves it into @p out.
void capture(const QDir &out, const QTemporaryDir &scratch)
{
    TestSupport::MemorySecretStore secrets;
    Bridge::SystemClock clock;
    Console::BridgeHost host(secrets, clock, scratch.filePath(u"hiveslack.json"_s),
                             scratch.filePath(u"data"_s));
    // Saved before any secret exists, so the host settles as "not configured" instead of
    // starting a bridge of its own that would later replace the demo's.
    QString error;
    if (!host.saveConfig(savedSettings(freePort(), scratch.filePath(u"data"_s)), &error))
        fail(error);
    waitOrFail([&host] { return host.state() == Console::BridgeHost::State::NotConfigured; },
               u"the settings to load"_s);
    seedSecrets(secrets);

    MainWindow window(host);
    window.resize(WindowSize);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        fail(u"the window never appeared"_s);
    window.overview()->banner()->startDemo();
    if (!host.isDemo() || host.state() != Console::BridgeHost::State::Running)
        fail(u"the demo did not start (it needs %1): %2"_s.arg(Bridge::Simulator::defaultProgram(),
                                                               host.stateText()));

    letCardsFlow(host);
    stageUsers(window);
    stageChannels(window);
    stageActivity(window, host);
    Console::PeerStatus *peers = window.overview()->peers();
    waitOrFail(
        [peers] {
            return peers->hive().state == Console::PeerStatus::State::Ok &&
                   peers->slack().state == Console::PeerStatus::State::Ok;
        },
        u"TheHive and Slack to answer"_s);

    save(window, MainWindow::Page::Overview, out, u"overview"_s);
    save(window, MainWindow::Page::Connections, out, u"connections"_s);
    save(window, MainWindow::Page::Channels, out, u"channels"_s);
    save(window, MainWindow::Page::Users, out, u"users"_s);
    save(window, MainWindow::Page::Activity, out, u"activity"_s);
}

} // namespace

int main(int argc, char *argv[])
{
    if (argc != 2) {
        std::fputs("usage: hiveslack-screenshots <output directory>\n", stderr);
        return 2;
    }
    QTemporaryDir scratch;
    if (!scratch.isValid()) {
        std::fputs("hiveslack-screenshots: no temporary directory\n", stderr);
        return 1;
    }
    // Window state and settings go to the scratch directory, never the user's.
    for (const char *variable :
         {"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_RUNTIME_DIR"})
        qputenv(variable, QFile::encodeName(scratch.path()));

    QApplication app(argc, argv);
    QApplication::setApplicationName(u"HiveSlack"_s);
    const QDir out(QDir::current().absoluteFilePath(QString::fromLocal8Bit(argv[1])));
    try {
        if (!QDir().mkpath(out.path()))
            fail(u"cannot create "_s + out.path());
        capture(out, scratch);
    } catch (const Failure &failure) {
        std::fprintf(stderr, "hiveslack-screenshots: %s\n", qPrintable(failure.why));
        return 1;
    }
    return 0;
}
