// kill -9 the real `hiveslack --headless` while Slack is failing, or right after Slack posted a
// card, restart it on the same journal: every accepted webhook becomes exactly one card. Real
// process, real SQLite file, real HTTP.
#include "fakeslack.h"
#include "fakethehive.h"
#include "headlessprocess.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace TestSupport;
using namespace Qt::StringLiterals;

namespace {

constexpr char Secret[] = "crash-test-secret";
constexpr char Channel[] = "C0HIVE01";

} // namespace

class TestCrashRecovery : public QObject
{
    Q_OBJECT

    FakeTheHive m_hive;
    FakeSlack m_slack;
    QTemporaryDir m_dir;

    std::unique_ptr<HeadlessProcess> launch()
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"HIVESLACK_THEHIVE_URL"_s, m_hive.baseUrl().toString());
        env.insert(u"HIVESLACK_THEHIVE_API_KEY"_s, m_hive.apiKey());
        env.insert(u"HIVESLACK_THEHIVE_WEBHOOK_SECRET"_s, QLatin1String(Secret));
        env.insert(u"HIVESLACK_SLACK_API_URL"_s, m_slack.apiUrl().toString());
        env.insert(u"HIVESLACK_SLACK_BOT_TOKEN"_s, m_slack.token());
        env.insert(u"HIVESLACK_SLACK_SIGNING_SECRET"_s, u"unused-here"_s);
        env.insert(u"HIVESLACK_SLACK_CHANNEL"_s, QLatin1String(Channel));
        auto process = std::make_unique<HeadlessProcess>(env, m_dir.path());
        // Serving within two seconds of start (the headless contract).
        if (!process->start())
            qFatal("hiveslack did not answer /healthz within 2 s");
        return process;
    }

    static int postWebhook(HeadlessProcess &bridge, const QJsonObject &body)
    {
        return bridge
            .post(u"/thehive/webhook"_s, QJsonDocument(body).toJson(QJsonDocument::Compact),
                  {{"Content-Type", "application/json"},
                   {"Authorization", QByteArray("Bearer ") + Secret}})
            .first;
    }

    int cards() const
    {
        int n = 0;
        for (const FakeSlack::PostedMessage &m : m_slack.messages(QLatin1String(Channel)))
            n += m.threadTs.isEmpty() ? 1 : 0;
        return n;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_hive.listen());
        QVERIFY(m_slack.listen());
        m_slack.addChannel(QLatin1String(Channel), u"soc-cases"_s);
    }

    void killedWhileSlackFailsThenRestartedDeliversEveryCardOnce()
    {
        // Slack answers 503 to every card: nothing can be delivered before the kill.
        m_slack.failNext(u"/api/chat.postMessage"_s, 503, {}, 100000);
        std::unique_ptr<HeadlessProcess> first = launch();
        constexpr int Cases = 20;
        for (int i = 0; i < Cases; ++i) {
            const QString id =
                m_hive.addCase({{u"title"_s, u"crash case %1"_s.arg(i)}}).value(u"_id").toString();
            QCOMPARE(postWebhook(*first, m_hive.webhookFor(u"create"_s, id)), 202);
        }
        QVERIFY(QTest::qWaitFor(
            [&] { return !m_slack.requests(u"/api/chat.postMessage"_s).isEmpty(); }, 5000));
        first->kill();
        QCOMPARE(first->process().exitStatus(), QProcess::CrashExit);
        QCOMPARE(cards(), 0);

        m_slack.clearFaults();
        std::unique_ptr<HeadlessProcess> second = launch();
        QVERIFY2(QTest::qWaitFor([&] { return cards() == Cases; }, 20000),
                 qPrintable(u"%1 of %2 cards"_s.arg(cards()).arg(Cases)));

        // A clean stop (SIGTERM) and one more start must not post anything again.
        QVERIFY(second->terminate());
        std::unique_ptr<HeadlessProcess> third = launch();
        QTest::qWait(500);
        QCOMPARE(cards(), Cases);
        QVERIFY(third->terminate());
    }

    void killedJustAfterSlackPostedACardTheRestartFindsItInsteadOfPostingAgain()
    {
        // Slack posts the card at once but answers only after the kill: the journal never
        // learns the card's ts.
        m_slack.clearFaults();
        m_slack.delayNext(u"/api/chat.postMessage"_s, 30'000);
        const int before = cards();
        std::unique_ptr<HeadlessProcess> first = launch();
        const QString id =
            m_hive.addCase({{u"title"_s, u"posted before the kill"_s}}).value(u"_id").toString();
        QCOMPARE(postWebhook(*first, m_hive.webhookFor(u"create"_s, id)), 202);
        QVERIFY(QTest::qWaitFor([&] { return cards() == before + 1; }, 5000));
        first->kill();

        m_slack.clearRequests();
        std::unique_ptr<HeadlessProcess> second = launch();
        // The restarted bridge looks for the card, finds it and draws the case on it.
        QVERIFY(QTest::qWaitFor(
            [&] { return m_slack.messages(QLatin1String(Channel)).constLast().updates > 0; },
            10000));
        QCOMPARE(m_slack.requests(u"/api/conversations.history"_s).size(), 1);
        QVERIFY(m_slack.requests(u"/api/chat.postMessage"_s).isEmpty());
        QCOMPARE(cards(), before + 1);
        QVERIFY(second->terminate());
    }
};

QTEST_GUILESS_MAIN(TestCrashRecovery)
#include "tst_crashrecovery.moc"
