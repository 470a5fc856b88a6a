// The Events API and slash commands over HTTP, for set-ups that keep HTTP mode: signed like
// interactions, journaled once however often Slack sends them, answered at once.
#include "bridgeharness.h"

#include "slack/slacksignature.h"

#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QTest>
#include <QUrlQuery>

using namespace TestSupport;
using namespace Qt::StringLiterals;

namespace {

using Headers = QList<QPair<QByteArray, QByteArray>>;

Headers signedHeaders(const QByteArray &body, const QByteArray &contentType)
{
    const QByteArray ts = QByteArray::number(QDateTime::currentSecsSinceEpoch());
    return {{"Content-Type", contentType},
            {"X-Slack-Request-Timestamp", ts},
            {"X-Slack-Signature",
             Bridge::computeSlackSignature(BridgeHarness::SigningSecret, ts, body)}};
}

HttpAnswer postEvent(BridgeHarness &h, const QJsonObject &body, const Headers &extra = {})
{
    const QByteArray json = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return h.postRaw(u"/slack/events"_s, json, signedHeaders(json, "application/json") + extra);
}

/// The slash command of the fixture (docs_envelope_slash_commands) as Slack posts it: a form.
QByteArray commandForm(const QString &triggerId)
{
    QFile file(QStringLiteral(HIVESLACK_FIXTURES_DIR) +
               u"/slack/socket-mode/docs_envelope_slash_commands.json"_s);
    file.open(QIODevice::ReadOnly);
    QJsonObject fields =
        QJsonDocument::fromJson(file.readAll()).object().value(u"payload").toObject();
    fields.insert(u"command"_s, u"/hive"_s);
    fields.insert(u"text"_s, u"help"_s);
    fields.insert(u"trigger_id"_s, triggerId);
    QUrlQuery form;
    for (auto it = fields.begin(); it != fields.end(); ++it)
        form.addQueryItem(it.key(),
                          QString::fromUtf8(QUrl::toPercentEncoding(it.value().toString())));
    return form.query(QUrl::FullyEncoded).toUtf8();
}

QJsonObject mentionEvent(const QString &eventId)
{
    return {{u"token"_s, u"legacy-verification-token"_s},
            {u"team_id"_s, u"T111"_s},
            {u"api_app_id"_s, u"A111"_s},
            {u"type"_s, u"event_callback"_s},
            {u"event_id"_s, eventId},
            {u"event_time"_s, 1605853844},
            {u"event"_s, QJsonObject{{u"type"_s, u"app_mention"_s},
                                     {u"user"_s, u"U111"_s},
                                     {u"text"_s, u"<@U222> case 42?"_s},
                                     {u"ts"_s, u"1605853844.000800"_s},
                                     {u"channel"_s, u"C111"_s}}}};
}

} // namespace

class TestSlackEvents : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aNewRequestUrlIsVerified()
    {
        BridgeHarness h;
        h.start();
        const QJsonObject challenge{
            {u"token"_s, u"legacy"_s},
            {u"challenge"_s, u"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"_s},
            {u"type"_s, u"url_verification"_s}};
        const HttpAnswer answer = postEvent(h, challenge);
        QCOMPARE(answer.status, 200);
        QCOMPARE(QJsonDocument::fromJson(answer.body).object().value(u"challenge"),
                 challenge.value(u"challenge"));
        // Unsigned, even the challenge is refused.
        QCOMPARE(h.postRaw(u"/slack/events"_s, QJsonDocument(challenge).toJson(),
                           {{"Content-Type", "application/json"}})
                     .status,
                 401);
        QCOMPARE(h.journal().counts().ignored + h.journal().counts().pending, 0);
    }

    void anEventIsJournaledOnceHoweverOftenSlackSendsIt()
    {
        BridgeHarness h;
        h.start();
        QCOMPARE(postEvent(h, mentionEvent(u"Ev01ERKCFKK9"_s)).status, 200);
        // Slack retries when it thinks the answer came late.
        QCOMPARE(postEvent(h, mentionEvent(u"Ev01ERKCFKK9"_s),
                           {{"X-Slack-Retry-Num", "1"}, {"X-Slack-Retry-Reason", "http_timeout"}})
                     .status,
                 200);
        const QList<Bridge::JournalEvent> events = h.journal().events({});
        QCOMPARE(events.size(), 1);
        QCOMPARE(events.constFirst().kind, u"slack.event.app_mention"_s);
        QCOMPARE(events.constFirst().state, u"ignored"_s);
        QVERIFY(!events.constFirst().payload.contains("legacy-verification-token"));
        // Not an event_callback: refused with the reason, nothing journaled.
        QJsonObject odd = mentionEvent(u"Ev02"_s);
        odd.remove(u"event_id"_s);
        const HttpAnswer refused = postEvent(h, odd);
        QCOMPARE(refused.status, 400);
        QVERIFY(refused.body.contains("event_id"));
        QCOMPARE(h.journal().events({}).size(), 1);
    }

    void aSlashCommandIsAnsweredAndJournaled()
    {
        BridgeHarness h;
        h.start();
        const QByteArray form = commandForm(u"13345224609.738474920.8088930838d88f008e0"_s);
        const HttpAnswer answer = h.postRaw(
            u"/slack/commands"_s, form, signedHeaders(form, "application/x-www-form-urlencoded"));
        QCOMPARE(answer.status, 200);
        const QJsonObject reply = QJsonDocument::fromJson(answer.body).object();
        QCOMPARE(reply.value(u"response_type").toString(), u"ephemeral"_s);
        QVERIFY(reply.value(u"text").toString().contains(u"/hive"_s));
        const QList<Bridge::JournalEvent> events = h.journal().events({});
        QCOMPARE(events.size(), 1);
        QCOMPARE(events.constFirst().kind, u"slack.command"_s);
        QVERIFY(!events.constFirst().payload.contains("response_url"));
        QVERIFY(!events.constFirst().payload.contains("bHKJ2n9AW6Ju3MjciOHfbA1b")); // the token
        // A tampered body fails the signature.
        QByteArray tampered = form;
        tampered.replace("help", "halp");
        QCOMPARE(h.postRaw(u"/slack/commands"_s, tampered,
                           signedHeaders(form, "application/x-www-form-urlencoded"))
                     .status,
                 401);
        QCOMPARE(h.journal().events({}).size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestSlackEvents)
#include "tst_slackevents.moc"
