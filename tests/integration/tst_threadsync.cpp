// Issue 13 item 3, conversation sync (opt-in per route, "threadToCase"): a linked analyst's
// reply in a card's thread becomes a TheHive 5 case comment naming him; a comment written in
// TheHive appears in the thread; nothing echoes back. Events API over HTTP, against the fakes.
#include "bridgeharness.h"
#include "slackpayloads.h"
#include "socteam.h"

#include "slack/slacksignature.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QTest>

using namespace TestSupport;
using namespace Qt::StringLiterals;

namespace {

const QString WarRoom = u"C0WARROOM"_s;

class Scene
{
public:
    BridgeHarness h;

    explicit Scene(bool sync = true, const QString &hiveVersion = u"5.2.9"_s)
        : h(hiveVersion)
    {
        addSocTeam(h, WarRoom);
        h.config.defaultThreadToCase = sync;
        h.start();
        const QJsonObject c =
            h.hive.addCase({{u"title"_s, u"Beaconing from WS-017"_s}, {u"tlp"_s, 1}});
        caseId = c.value(u"_id"_s).toString();
        h.postWebhook(h.hive.webhookFor(u"create"_s, caseId));
        QVERIFY(settle());
        QCOMPARE(h.cards().size(), 1);
        card = h.cards().first();
    }

    /// A message event as Slack sends it; `extra` adds or overrides event fields (an empty
    /// thread_ts: not in a thread).
    HttpAnswer postMessage(const Person &who, const QString &text, const QJsonObject &extra = {})
    {
        QJsonObject event{{u"type"_s, u"message"_s},
                          {u"channel"_s, QLatin1String(BridgeHarness::Channel)},
                          {u"user"_s, who.slackId},
                          {u"text"_s, text},
                          {u"ts"_s, u"%1.%2"_s.arg(QDateTime::currentSecsSinceEpoch())
                                        .arg(++m_serial, 6, 10, QLatin1Char('0'))},
                          {u"thread_ts"_s, card.ts},
                          {u"channel_type"_s, u"channel"_s}};
        for (auto it = extra.begin(); it != extra.end(); ++it)
            event.insert(it.key(), it.value());
        if (event.value(u"thread_ts"_s).toString().isEmpty())
            event.remove(u"thread_ts"_s); // a message of the channel itself
        const QJsonObject body{{u"token"_s, u"legacy-verification-token"_s},
                               {u"team_id"_s, TeamId},
                               {u"api_app_id"_s, u"A111"_s},
                               {u"type"_s, u"event_callback"_s},
                               {u"event_id"_s, u"Ev%1"_s.arg(m_serial)},
                               {u"event_time"_s, QDateTime::currentSecsSinceEpoch()},
                               {u"event"_s, event}};
        const QByteArray json = QJsonDocument(body).toJson(QJsonDocument::Compact);
        const QByteArray ts = QByteArray::number(QDateTime::currentSecsSinceEpoch());
        return h.postRaw(u"/slack/events"_s, json,
                         {{"Content-Type", "application/json"},
                          {"X-Slack-Request-Timestamp", ts},
                          {"X-Slack-Signature",
                           Bridge::computeSlackSignature(BridgeHarness::SigningSecret, ts, json)}});
    }

    /// TheHive's webhook for each comment not sent yet (TheHive sends one per comment).
    void sendCommentWebhooks()
    {
        const QList<QJsonObject> all = h.hive.comments(caseId);
        for (qsizetype i = m_sentComments; i < all.size(); ++i)
            QCOMPARE(h.postWebhook(h.hive.commentWebhook(caseId, all.at(i))).status / 100, 2);
        m_sentComments = all.size();
    }

    QStringList threadTexts() const
    {
        QStringList texts;
        for (const FakeSlack::PostedMessage &m :
             h.threadReplies(QLatin1String(BridgeHarness::Channel), card.ts))
            texts << m.text;
        return texts;
    }

    bool settle()
    {
        return BridgeHarness::waitFor([this] { return h.journal().counts().pending == 0; }, 10000);
    }

    QString caseId;
    FakeSlack::PostedMessage card;

private:
    int m_serial = 0;
    qsizetype m_sentComments = 0;
};

} // namespace

class TestThreadSync : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aReplyBecomesACaseCommentAndDoesNotEcho()
    {
        Scene s;
        const int notesBefore = int(s.threadTexts().size());
        QCOMPARE(s.postMessage(Alice, u"Blocked <https://evil.example|the sender> &amp; its IP"_s)
                     .status,
                 200);
        QVERIFY(s.settle());
        const QList<QJsonObject> comments = s.h.hive.comments(s.caseId);
        QCOMPARE(comments.size(), 1);
        const QString message = comments.first().value(u"message"_s).toString();
        QVERIFY2(message.contains(u"**%1** in Slack"_s.arg(Alice.email)), qPrintable(message));
        QVERIFY2(message.contains(u"Blocked the sender (https://evil.example) & its IP"_s),
                 qPrintable(message));
        QCOMPARE(comments.first().value(u"createdBy"_s).toString(), s.h.hive.apiUserLogin());

        // TheHive's webhook for that comment is not posted back into the thread.
        s.sendCommentWebhooks();
        QVERIFY(s.settle());
        QCOMPARE(s.threadTexts().size(), notesBefore);
        const QList<Bridge::JournalEvent> back =
            s.h.journal().events({.states = {}, .text = u"comment.create"_s});
        QCOMPARE(back.size(), 1);
        QCOMPARE(back.first().state, u"ignored"_s);
        QVERIFY2(back.first().note.contains(u"written by HiveSlack"_s),
                 qPrintable(back.first().note));
    }

    void aCommentWrittenInTheHiveAppearsInTheThread()
    {
        Scene s;
        s.h.hive.addComment(s.caseId, u"Found **the dropper** on WS-017"_s, Bob.email);
        s.sendCommentWebhooks();
        QVERIFY(s.settle());
        const QStringList thread = s.threadTexts();
        QVERIFY(!thread.isEmpty());
        QVERIFY2(thread.last().contains(u"*bob@soc.example* commented in TheHive"_s),
                 qPrintable(thread.last()));
        QVERIFY2(thread.last().contains(u"*the dropper*"_s), qPrintable(thread.last()));
        // HiveSlack's own post comes back as a bot message: journaled, not copied.
        QCOMPARE(s.postMessage(Alice, thread.last(), {{u"bot_id"_s, u"B0HIVESLACK"_s}}).status,
                 200);
        QVERIFY(s.settle());
        QCOMPARE(s.h.hive.comments(s.caseId).size(), 1);
    }

    void onlyWhereTheRouteAsks()
    {
        Scene s(false);
        const int notesBefore = int(s.threadTexts().size());
        s.postMessage(Alice, u"Nothing to see"_s);
        s.h.hive.addComment(s.caseId, u"Internal note"_s, Bob.email);
        s.sendCommentWebhooks();
        QVERIFY(s.settle());
        QCOMPARE(s.h.hive.comments(s.caseId).size(), 1); // only the one written in TheHive
        QCOMPARE(s.threadTexts().size(), notesBefore);
    }

    void onlyLinkedAnalystsAreCopied()
    {
        Scene s;
        s.postMessage(Carol, u"I have no TheHive account"_s); // known to Slack only
        QVERIFY(s.settle());
        QVERIFY(s.h.hive.comments(s.caseId).isEmpty());
        // A read-only analyst may not comment: refused by the permission check.
        QVERIFY(s.h.hive.setProfile(Alice.email, u"read-only"_s));
        s.postMessage(Alice, u"I may only read"_s);
        QVERIFY(s.settle());
        QVERIFY(s.h.hive.comments(s.caseId).isEmpty());
        const QList<Bridge::JournalEvent> replies =
            s.h.journal().events({.states = {}, .text = u"slack.event.message"_s});
        QCOMPARE(replies.size(), 2);
        for (const Bridge::JournalEvent &e : replies) {
            QCOMPARE(e.state, u"ignored"_s);
            QVERIFY2(!e.payload.contains("I may only read") && !e.payload.contains("account"),
                     e.payload.constData()); // not copied: its words are not kept
        }
        QVERIFY2(replies.first().note.contains(u"manageComment"_s),
                 qPrintable(replies.first().note));
    }

    void hiveSlacksOwnCommentsAreNotShownBack()
    {
        Scene s;
        const int notesBefore = int(s.threadTexts().size());
        // A click on the card writes an attribution comment (service mode, TheHive 5).
        const std::optional<QJsonObject> pick = pickOnCard(Alice, s.card, u"hs_severity"_s, u"3"_s);
        QVERIFY(pick);
        QCOMPARE(s.h.postInteraction(*pick).status, 200);
        QVERIFY(s.settle());
        QVERIFY(BridgeHarness::waitFor([&] { return s.h.hive.comments(s.caseId).size() == 1; }));
        // And evidence quoting a message from elsewhere.
        s.h.hive.addComment(s.caseId,
                            u"**Slack message** from bob in #private-chatter\n> CANARY\n\nAdded "
                            "from Slack by alice@soc.example (HiveSlack event 7)"_s,
                            s.h.hive.apiUserLogin());
        s.sendCommentWebhooks();
        QVERIFY(s.settle());
        const QStringList thread = s.threadTexts();
        for (const QString &text : thread)
            QVERIFY2(!text.contains(u"CANARY"_s) && !text.contains(u"commented in TheHive"_s),
                     qPrintable(text));
        QVERIFY(thread.size() > notesBefore); // the click's own "who set what" note
    }

    void aWithheldCardGetsNoComment()
    {
        Scene s;
        s.h.hive.setCaseField(s.caseId, u"tlp"_s, 4); // above the channel's ceiling: redacted
        s.h.postWebhook(s.h.hive.webhookFor(u"update"_s, s.caseId));
        QVERIFY(s.settle());
        const int notesBefore = int(s.threadTexts().size());
        s.h.hive.addComment(s.caseId, u"CANARY secret finding"_s, Bob.email);
        s.sendCommentWebhooks();
        QVERIFY(s.settle());
        QCOMPARE(s.threadTexts().size(), notesBefore);
        for (const QString &text : s.threadTexts())
            QVERIFY(!text.contains(u"CANARY"_s));
    }

    void theChannelsConversationIsNotKept()
    {
        Scene s;
        QCOMPARE(
            s.postMessage(Alice, u"CANARY lunch plans"_s, {{u"thread_ts"_s, QString()}}).status,
            200);
        QVERIFY(s.settle());
        const QList<Bridge::JournalEvent> events =
            s.h.journal().events({.states = {}, .text = u"slack.event.message"_s});
        QCOMPARE(events.size(), 1);
        QCOMPARE(events.first().state, u"ignored"_s);
        QVERIFY2(!events.first().payload.contains("CANARY"), events.first().payload.constData());
        QVERIFY(s.h.hive.comments(s.caseId).isEmpty());
    }

    void aLostAnswerWritesOneComment()
    {
        Scene s;
        s.h.hive.loseAnswerNext(u"/api/v1/case/%1/comment"_s.arg(s.caseId), 504);
        s.postMessage(Alice, u"Once only"_s);
        QVERIFY(s.settle());
        QCOMPARE(s.h.hive.pendingFaults(), 0);
        QCOMPARE(s.h.hive.comments(s.caseId).size(), 1);
        QCOMPARE(
            s.h.journal().events({.states = {}, .text = u"slack.event.message"_s}).first().state,
            u"delivered"_s);
    }

    void theHive4HasNoCaseComments()
    {
        Scene s(true, u"4.1.24"_s);
        s.postMessage(Alice, u"Noted"_s);
        QVERIFY(s.settle());
        const QList<Bridge::JournalEvent> events =
            s.h.journal().events({.states = {}, .text = u"slack.event.message"_s});
        QCOMPARE(events.size(), 1);
        QCOMPARE(events.first().state, u"ignored"_s);
        QVERIFY(s.h.hive.requests(u"/api/v1/case/%1/comment"_s.arg(s.caseId)).isEmpty());
    }
};

QTEST_MAIN(TestThreadSync)
#include "tst_threadsync.moc"
