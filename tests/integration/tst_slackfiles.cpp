// SlackClient's file methods against the fake Slack over loopback: files.info, downloads with
// the bot token kept to Slack's own origin (Qt would carry it anywhere a redirect points), the
// sign-in page Slack answers without files:read, and the size cap. And every other call's
// credentials kept on their origin: RestClient follows same-origin redirects only.
#include "fakeslack.h"

#include "clients/restclient.h"
#include "clients/slackclient.h"
#include "clients/thehiveclient.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace TestSupport;
using namespace Qt::StringLiterals;

namespace {

const QByteArray Eml = "From: billing@evil.example\r\nSubject: invoice\r\n\r\nPay now.\r\n";

struct Rig
{
    FakeSlack slack;
    QNetworkAccessManager network;
    Bridge::RestClient rest{network, 5000};
    std::unique_ptr<Bridge::SlackClient> client;

    explicit Rig(const QString &token = u"xoxb-sim"_s)
    {
        slack.addUser(u"U0BOB"_s, u"bob"_s, u"bob@soc.example"_s);
        if (slack.listen())
            client = std::make_unique<Bridge::SlackClient>(rest, slack.apiUrl(), token,
                                                           Bridge::SlackRateLimits{}.faster(100));
    }

    Bridge::SlackDownload download(const QJsonObject &file, qint64 maxBytes = 1 << 20)
    {
        std::optional<Bridge::SlackDownload> got;
        client->downloadFile(QUrl(file.value(u"url_private_download"_s).toString()),
                             file.value(u"mimetype"_s).toString().toUtf8(), maxBytes,
                             [&](const Bridge::SlackDownload &d) { got = d; });
        if (!QTest::qWaitFor([&] { return got.has_value(); }, 10000))
            return {};
        return *got;
    }
};

} // namespace

class TestSlackFiles : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void filesInfoAndTheBytes()
    {
        Rig rig;
        QVERIFY(rig.client);
        const QJsonObject file =
            rig.slack.addFile(u"U0BOB"_s, u"invoice.eml"_s, Eml, u"message/rfc822"_s);
        std::optional<Bridge::SlackResult> info;
        rig.client->fileInfo(file.value(u"id"_s).toString(),
                             [&](const Bridge::SlackResult &r) { info = r; });
        QVERIFY(QTest::qWaitFor([&] { return info.has_value(); }, 10000));
        QVERIFY2(info->ok(), qPrintable(info->error));
        QCOMPARE(info->json.value(u"file"_s).toObject().value(u"size"_s).toInteger(), Eml.size());

        const Bridge::SlackDownload got = rig.download(file);
        QVERIFY2(got.result.ok(), qPrintable(got.result.error));
        QCOMPARE(got.content, Eml);
    }

    void withoutFilesReadSlackShowsItsSignInPage()
    {
        Rig rig;
        QVERIFY(rig.client);
        const QJsonObject file =
            rig.slack.addFile(u"U0BOB"_s, u"invoice.eml"_s, Eml, u"message/rfc822"_s);
        rig.slack.revokeScope(u"files:read"_s);
        const Bridge::SlackDownload got = rig.download(file);
        QCOMPARE(got.result.kind, Bridge::SlackResult::Kind::Permanent);
        QCOMPARE(got.result.error, u"sign_in_page"_s);
        QVERIFY(got.content.isEmpty());
    }

    void theTokenFollowsOnlySlacksOwnRedirects()
    {
        Rig rig;
        QVERIFY(rig.client);
        const QJsonObject file =
            rig.slack.addFile(u"U0BOB"_s, u"invoice.eml"_s, Eml, u"message/rfc822"_s);
        // A hop on the same origin (files.slack.com → files-origin.slack.com) keeps it.
        rig.slack.redirectDownloadsTo(rig.slack.baseUrl().resolved(QUrl(u"/files-origin"_s)));
        Bridge::SlackDownload got = rig.download(file);
        QVERIFY2(got.result.ok(), qPrintable(got.result.error));
        QCOMPARE(got.content, Eml);

        // Anywhere else is not followed at all: the other server never hears of it.
        FakeSlack elsewhere;
        QVERIFY(elsewhere.listen());
        rig.slack.redirectDownloadsTo(elsewhere.baseUrl());
        got = rig.download(file);
        QCOMPARE(got.result.kind, Bridge::SlackResult::Kind::Permanent);
        QCOMPARE(got.result.error, u"foreign_host"_s);
        QTest::qWait(100);
        QVERIFY(elsewhere.requests().isEmpty());
    }

    void theTokenGoesOnlyToSlack_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<int>("host");
        const int with = int(Bridge::SlackFileHost::WithToken);
        const int without = int(Bridge::SlackFileHost::WithoutToken);
        const int refused = int(Bridge::SlackFileHost::Refused);
        QTest::newRow("files") << u"https://files.slack.com/files-pri/T1-F1/x.eml"_s << with;
        QTest::newRow("files-origin") << u"https://files-origin.slack.com/x"_s << with;
        QTest::newRow("a look-alike") << u"https://slack.com.evil.example/x"_s << refused;
        QTest::newRow("a suffix look-alike") << u"https://evilslack.com/x"_s << refused;
        QTest::newRow("plain http") << u"http://files.slack.com/x"_s << refused;
        QTest::newRow("the CDN") << u"https://a.slack-edge.com/x"_s << without;
        QTest::newRow("public files") << u"https://slack-files.com/T1-F1-abc"_s << without;
        QTest::newRow("the API's origin")
            << u"https://proxy.soc.example:8443/files-pri/x"_s << with;
        QTest::newRow("the API's host, another port")
            << u"https://proxy.soc.example/files-pri/x"_s << refused;
        QTest::newRow("a drive") << u"https://docs.google.com/document/d/1"_s << refused;
    }
    void theTokenGoesOnlyToSlack()
    {
        QFETCH(QString, url);
        QFETCH(int, host);
        const QUrl api(u"https://proxy.soc.example:8443/slack/api"_s);
        QCOMPARE(int(Bridge::slackFileHost(QUrl(url), api)), host);
    }

    void anyCallKeepsItsCredentialsOnItsOrigin()
    {
        // Every other call (the Web API, TheHive) lets Qt follow redirects, on its origin only.
        Rig rig;
        QVERIFY(rig.client);
        const QJsonObject file = rig.slack.addFile(u"U0BOB"_s, u"invoice.eml"_s, Eml);
        Bridge::RestRequest request;
        request.url = QUrl(file.value(u"url_private_download"_s).toString());
        request.headers = {{"Authorization", "Bearer xoxb-sim"}};
        const auto fetch = [&] {
            std::optional<Bridge::RestReply> got;
            rig.rest.send(request, [&](const Bridge::RestReply &r) { got = r; });
            if (!QTest::qWaitFor([&] { return got.has_value(); }, 10000))
                return Bridge::RestReply{};
            return *got;
        };
        rig.slack.redirectDownloadsTo(rig.slack.baseUrl().resolved(QUrl(u"/files-origin"_s)));
        QCOMPARE(fetch().body, Eml);

        FakeSlack elsewhere;
        QVERIFY(elsewhere.listen());
        rig.slack.redirectDownloadsTo(elsewhere.baseUrl());
        const Bridge::RestReply refused = fetch();
        QCOMPARE(refused.httpStatus, 302);
        QCOMPARE(refused.location.port(), elsewhere.port());
        QTest::qWait(100);
        QVERIFY(elsewhere.requests().isEmpty());
    }

    void theHiveSaysWhereItRedirects()
    {
        Bridge::RestReply reply;
        reply.httpStatus = 302;
        reply.location = QUrl(u"https://sso.soc.example/login?next=/api"_s);
        const Bridge::HiveResult r = Bridge::TheHiveClient::classify(reply);
        QCOMPARE(r.kind, Bridge::HiveResult::Kind::Refused);
        QVERIFY2(r.message.contains(u"redirects to https://sso.soc.example,"_s),
                 qPrintable(r.message));
    }

    void aFileLargerThanAllowedIsStopped()
    {
        Rig rig;
        QVERIFY(rig.client);
        const QByteArray big(300 * 1024, 'x');
        const QJsonObject file = rig.slack.addFile(u"U0BOB"_s, u"capture.pcap"_s, big);
        const Bridge::SlackDownload got = rig.download(file, 100 * 1024);
        QCOMPARE(got.result.error, u"too_large"_s);
        QVERIFY(got.content.isEmpty());
        QCOMPARE(rig.download(file, big.size()).content, big); // exactly the cap passes
    }
};

QTEST_GUILESS_MAIN(TestSlackFiles)
#include "tst_slackfiles.moc"
