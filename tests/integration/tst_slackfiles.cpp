// SlackClient's file methods against the fake Slack over loopback: files.info, downloads with
// the bot token kept to Slack's own origin (Qt would carry it anywhere a redirect points), the
// sign-in page Slack answers without files:read, and the size cap.
#include "fakeslack.h"

#include "clients/restclient.h"
#include "clients/slackclient.h"

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
