// kill -9 the real `hiveslack --headless` while Slack is failing, or right after Slack posted a
// card, restart it on the same journal: every accepted webhook becomes exactly one card. Real
// process, real SQLite file, real HTTP.
#include "fakeslack.h"
#include "fakethehive.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace TestSupport;
using namespace Qt::StringLiterals;

namespace {

constexpr char Secret[] = "crash-test-secret";
constexpr char Channel[] = "C0HIVE01";

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

} // namespace

class TestCrashRecovery : public QObject
{
    Q_OBJECT

    FakeTheHive m_hive;
    FakeSlack m_slack;
    QTemporaryDir m_dir;
    QNetworkAccessManager m_client;
    quint16 m_port = 0;

    std::unique_ptr<QProcess> launch()
    {
        auto process = std::make_unique<QProcess>();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"HIVESLACK_LISTEN"_s, u"127.0.0.1:%1"_s.arg(m_port));
        env.insert(u"HIVESLACK_DATA_DIR"_s, m_dir.path());
        env.insert(u"HIVESLACK_THEHIVE_URL"_s, m_hive.baseUrl().toString());
        env.insert(u"HIVESLACK_THEHIVE_API_KEY"_s, m_hive.apiKey());
        env.insert(u"HIVESLACK_THEHIVE_WEBHOOK_SECRET"_s, QLatin1String(Secret));
        env.insert(u"HIVESLACK_SLACK_API_URL"_s, m_slack.apiUrl().toString());
        env.insert(u"HIVESLACK_SLACK_BOT_TOKEN"_s, m_slack.token());
        env.insert(u"HIVESLACK_SLACK_SIGNING_SECRET"_s, u"unused-here"_s);
        env.insert(u"HIVESLACK_SLACK_CHANNEL"_s, QLatin1String(Channel));
        process->setProcessEnvironment(env);
        process->setProcessChannelMode(QProcess::ForwardedChannels);
        process->start(QStringLiteral(HIVESLACK_BINARY), {u"--headless"_s});
        if (!process->waitForStarted(5000))
            qFatal("cannot start %s", HIVESLACK_BINARY);
        // Serving within two seconds of start (the headless contract).
        const bool up = QTest::qWaitFor([&] { return get(u"/healthz"_s) == 200; }, 2000);
        if (!up)
            qFatal("hiveslack did not answer /healthz within 2 s");
        return process;
    }

    int get(const QString &path)
    {
        QNetworkReply *reply =
            m_client.get(QNetworkRequest(QUrl(u"http://127.0.0.1:%1%2"_s.arg(m_port).arg(path))));
        if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 2000))
            reply->abort(); // answered as status 0
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        delete reply;
        return status;
    }

    int postWebhook(const QJsonObject &body)
    {
        QNetworkRequest request(QUrl(u"http://127.0.0.1:%1/thehive/webhook"_s.arg(m_port)));
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json"));
        request.setRawHeader("Authorization", QByteArray("Bearer ") + Secret);
        QNetworkReply *reply =
            m_client.post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
        if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 5000))
            reply->abort(); // answered as status 0
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        delete reply;
        return status;
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
        m_port = freePort();
    }

    void killedWhileSlackFailsThenRestartedDeliversEveryCardOnce()
    {
        // Slack answers 503 to every card: nothing can be delivered before the kill.
        m_slack.failNext(u"/api/chat.postMessage"_s, 503, {}, 100000);
        std::unique_ptr<QProcess> first = launch();
        constexpr int Cases = 20;
        for (int i = 0; i < Cases; ++i) {
            const QString id =
                m_hive.addCase({{u"title"_s, u"crash case %1"_s.arg(i)}}).value(u"_id").toString();
            QCOMPARE(postWebhook(m_hive.webhookFor(u"create"_s, id)), 202);
        }
        QVERIFY(QTest::qWaitFor(
            [&] { return !m_slack.requests(u"/api/chat.postMessage"_s).isEmpty(); }, 5000));
        ::kill(pid_t(first->processId()), SIGKILL);
        QVERIFY(first->waitForFinished(5000));
        QCOMPARE(first->exitStatus(), QProcess::CrashExit);
        QCOMPARE(cards(), 0);

        m_slack.clearFaults();
        std::unique_ptr<QProcess> second = launch();
        QVERIFY2(QTest::qWaitFor([&] { return cards() == Cases; }, 20000),
                 qPrintable(u"%1 of %2 cards"_s.arg(cards()).arg(Cases)));

        // A clean stop (SIGTERM) and one more start must not post anything again.
        // Keep the event loop running while it stops: the fakes live in this process and must
        // answer the deliveries it finishes on the way out.
        second->terminate();
        QVERIFY(QTest::qWaitFor([&] { return second->state() == QProcess::NotRunning; }, 10000));
        QCOMPARE(second->exitStatus(), QProcess::NormalExit);
        QCOMPARE(second->exitCode(), 0);
        std::unique_ptr<QProcess> third = launch();
        QTest::qWait(500);
        QCOMPARE(cards(), Cases);
        third->terminate();
        QVERIFY(QTest::qWaitFor([&] { return third->state() == QProcess::NotRunning; }, 10000));
    }

    void killedJustAfterSlackPostedACardTheRestartFindsItInsteadOfPostingAgain()
    {
        // Slack posts the card at once but answers only after the kill: the journal never
        // learns the card's ts.
        m_slack.clearFaults();
        m_slack.delayNext(u"/api/chat.postMessage"_s, 30'000);
        const int before = cards();
        std::unique_ptr<QProcess> first = launch();
        const QString id =
            m_hive.addCase({{u"title"_s, u"posted before the kill"_s}}).value(u"_id").toString();
        QCOMPARE(postWebhook(m_hive.webhookFor(u"create"_s, id)), 202);
        QVERIFY(QTest::qWaitFor([&] { return cards() == before + 1; }, 5000));
        ::kill(pid_t(first->processId()), SIGKILL);
        QVERIFY(first->waitForFinished(5000));

        m_slack.clearRequests();
        std::unique_ptr<QProcess> second = launch();
        // The restarted bridge looks for the card, finds it and draws the case on it.
        QVERIFY(QTest::qWaitFor(
            [&] {
                const auto card = m_slack.messages(QLatin1String(Channel)).constLast();
                return card.updates > 0;
            },
            10000));
        QCOMPARE(m_slack.requests(u"/api/conversations.history"_s).size(), 1);
        QVERIFY(m_slack.requests(u"/api/chat.postMessage"_s).isEmpty());
        QCOMPARE(cards(), before + 1);
        second->terminate();
        QVERIFY(QTest::qWaitFor([&] { return second->state() == QProcess::NotRunning; }, 10000));
    }
};

QTEST_GUILESS_MAIN(TestCrashRecovery)
#include "tst_crashrecovery.moc"
