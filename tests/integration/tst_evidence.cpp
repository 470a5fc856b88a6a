// Issue 13 item 2, "Add to TheHive case": any Slack message becomes evidence on a case the
// analyst finds by typing (external_select, block_suggestion answered from TheHive), with its
// author, channel, time, permalink and files; a thread note on the case's card confirms. Over
// HTTP and Socket Mode, on TheHive 4 (a "Slack evidence" task's logs) and 5 (case comments).
#include "bridgeharness.h"
#include "slackpayloads.h"
#include "socteam.h"

#include "authority/analystpermissions.h"
#include "evidence/evidenceform.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QTest>

using namespace TestSupport;
using namespace Qt::StringLiterals;
namespace Ids = Bridge::EvidenceIds;

namespace {

const QString WarRoom = u"C0WARROOM"_s; // a channel no route names

class Scene
{
public:
    BridgeHarness h;

    explicit Scene(const QString &hiveVersion = u"5.2.9"_s, bool socketMode = false,
                   bool copyFiles = false)
        : h(hiveVersion)
        , m_socketMode(socketMode)
    {
        if (socketMode)
            h.useSocketMode();
        h.config.evidenceFiles.copy = copyFiles;
        h.config.evidenceFiles.maxMegabytes = 1;
        addSocTeam(h, WarRoom);
        h.start();
        if (socketMode)
            QVERIFY(BridgeHarness::waitFor([&] { return h.slack.socketMode()->greeted() == 1; }));
        // A case with its card in the routed channel, and one above the war room's ceiling.
        const QJsonObject phishing =
            h.hive.addCase({{u"title"_s, u"Phishing wave on finance"_s}, {u"tlp"_s, 1}});
        caseId = phishing.value(u"_id"_s).toString();
        number = phishing.value(u"number"_s).toInteger();
        h.postWebhook(h.hive.webhookFor(u"create"_s, caseId));
        redId = h.hive.addCase({{u"title"_s, u"CANARY exfiltration"_s}, {u"tlp"_s, 4}})
                    .value(u"_id"_s)
                    .toString();
        QVERIFY(settle());
        // Bob's message in the war room.
        messageTs = h.slack.addUserMessage(WarRoom, Bob.slackId);
    }

    /// Someone uses the shortcut on Bob's message; true when the form opened.
    bool shortcut(const Person &who, const QJsonArray &files = {})
    {
        const int before = int(h.slack.openedViews().size());
        const QJsonObject payload{
            {u"type"_s, u"message_action"_s},
            {u"callback_id"_s, QString(Ids::Shortcut)},
            {u"trigger_id"_s, nextTriggerId()},
            {u"message_ts"_s, messageTs},
            {u"response_url"_s, h.slack.newResponseUrl().toString()},
            {u"team"_s, QJsonObject{{u"id"_s, TeamId}, {u"domain"_s, u"soc-example"_s}}},
            {u"user"_s, userOf(who)},
            {u"channel"_s, QJsonObject{{u"id"_s, WarRoom}, {u"name"_s, u"soc-war-room"_s}}},
            {u"message"_s,
             QJsonObject{{u"type"_s, u"message"_s},
                         {u"user"_s, Bob.slackId},
                         {u"ts"_s, messageTs},
                         {u"text"_s, u"Got the same invoice mail\nfrom billing@evil.example"_s},
                         {u"files"_s, files}}},
            {u"token"_s, u"legacy-verification-token"_s},
            {u"action_ts"_s, actionTs()}};
        if (send(payload).status != 200)
            return false;
        settle();
        return h.slack.openedViews().size() > before;
    }

    QJsonObject form() const { return h.slack.openedViews().constLast(); }

    /// What the case finder offers for `typed`.
    QStringList suggestions(const QString &typed)
    {
        const QJsonObject payload{
            {u"type"_s, u"block_suggestion"_s},
            {u"user"_s, userOf(Alice)},
            {u"container"_s,
             QJsonObject{{u"type"_s, u"view"_s}, {u"view_id"_s, form().value(u"id"_s)}}},
            {u"api_app_id"_s, u"A0HIVESLACK"_s},
            {u"token"_s, u"legacy-verification-token"_s},
            {u"action_id"_s, QString(Ids::Case)},
            {u"block_id"_s, QString(Ids::Case)},
            {u"value"_s, typed},
            {u"team"_s, QJsonObject{{u"id"_s, TeamId}, {u"domain"_s, u"soc-example"_s}}},
            {u"view"_s, form()}};
        QJsonObject answer;
        if (m_socketMode) {
            const QString envelope =
                h.slack.socketMode()->sendEnvelope(u"interactive"_s, payload, true);
            BridgeHarness::waitFor([&] { return h.slack.socketMode()->ack(envelope).has_value(); });
            answer = h.slack.socketMode()->ack(envelope)->message.value(u"payload"_s).toObject();
        } else {
            const HttpAnswer a = h.postInteraction(payload, u"/slack/options"_s);
            answer = QJsonDocument::fromJson(a.body).object();
        }
        QStringList texts;
        for (const QJsonValue &option : answer.value(u"options"_s).toArray())
            texts << option.toObject().value(u"text"_s).toObject().value(u"text"_s).toString() +
                         u" = "_s + option.toObject().value(u"value"_s).toString();
        return texts;
    }

    HttpAnswer submit(const Person &who, const QString &chosenCase, const QString &note)
    {
        QJsonObject values;
        putState(values, Ids::Case,
                 chosenCase.isEmpty() ? QJsonObject{{u"type"_s, u"external_select"_s},
                                                    {u"selected_option"_s, QJsonValue::Null}}
                                      : optionState(chosenCase, chosenCase));
        putState(values, Ids::Note, textState(note.isEmpty() ? QJsonValue() : QJsonValue(note)));
        return send(viewSubmission(who, form(), values));
    }

    HttpAnswer send(const QJsonObject &payload)
    {
        if (!m_socketMode)
            return h.postInteraction(payload);
        const QString envelope = h.slack.socketMode()->sendEnvelope(u"interactive"_s, payload);
        BridgeHarness::waitFor([&] { return h.slack.socketMode()->ack(envelope).has_value(); });
        return {h.slack.socketMode()->ack(envelope) ? 200 : 0, {}};
    }

    bool settle()
    {
        return BridgeHarness::waitFor([this] { return h.journal().counts().pending == 0; }, 10000);
    }

    QStringList answers() const { return privateAnswers(h.slack); }

    QString caseId;
    qint64 number = 0;
    QString redId;
    QString messageTs;

private:
    bool m_socketMode = false;
};

} // namespace

class TestEvidence : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aMessageBecomesACaseComment()
    {
        Scene s;
        const QJsonArray files{QJsonObject{
            {u"name"_s, u"invoice.eml"_s},
            {u"permalink"_s, u"https://soc-example.slack.com/files/U0BOB/F1/invoice.eml"_s}}};
        QVERIFY(s.shortcut(Alice, files));
        QCOMPARE(s.form().value(u"callback_id"_s).toString(), QString(Ids::Callback));
        QVERIFY(QJsonDocument(s.form()).toJson().contains("Got the same invoice mail"));
        QVERIFY(QJsonDocument(s.form()).toJson().contains(
            "Its file will be listed by name and Slack link; the contents stay in Slack."));

        // Found by words of its title, by its number, never past the war room's ceiling.
        const QString shown = u"#%1 Phishing wave on finance = %2"_s.arg(s.number).arg(s.caseId);
        QCOMPARE(s.suggestions(u"phish"_s), QStringList{shown});
        QCOMPARE(s.suggestions(u"#%1"_s.arg(s.number)), QStringList{shown});
        const QStringList red = s.suggestions(u"canary"_s);
        QCOMPARE(red.size(), 1);
        QVERIFY2(red.first().contains(u"(not shown in this channel)"_s), qPrintable(red.first()));
        QVERIFY(!red.first().contains(u"CANARY"_s));
        QVERIFY(s.suggestions(u"nothing like it"_s).isEmpty());

        QCOMPARE(s.submit(Alice, s.caseId, u"Same lure as the first reports"_s).status, 200);
        QVERIFY(s.settle());
        const QList<QJsonObject> comments = s.h.hive.comments(s.caseId);
        QCOMPARE(comments.size(), 1);
        const QString kept = comments.first().value(u"message"_s).toString();
        for (const QString &part :
             {Bob.name, Bob.slackId, u"#soc-war-room"_s,
              u"https://soc-example.slack.com/archives/%1/p%2"_s.arg(
                  WarRoom, QString(s.messageTs).remove(u'.')),
              u"> Got the same invoice mail"_s, u"> from billing@evil.example"_s,
              u"invoice.eml: https://soc-example.slack.com/files/U0BOB/F1/invoice.eml"_s,
              u"Note: Same lure as the first reports"_s,
              QString(u"Added from Slack by "_s + Alice.email)})
            QVERIFY2(kept.contains(part), qPrintable(part + u"\n---\n"_s + kept));

        // The card's thread says so, and Alice is told privately.
        const QList<FakeSlack::PostedMessage> replies =
            s.h.threadReplies(QLatin1String(BridgeHarness::Channel), s.h.cards().first().ts);
        QVERIFY(std::any_of(replies.begin(), replies.end(), [](const FakeSlack::PostedMessage &m) {
            return m.text.contains(u"as evidence"_s) && m.text.contains(u"<#C0WARROOM>"_s);
        }));
        QCOMPARE(s.answers().size(), 1);
        QVERIFY2(s.answers().first().contains(u"added to TheHive as evidence"_s),
                 qPrintable(s.answers().first()));
        // Unless the admin asks for copies, files are only named: Slack is not asked for them.
        QVERIFY(s.h.slack.requests(u"/api/files.info"_s).isEmpty());
    }

    void theFilesAreCopiedIntoTheCase()
    {
        Scene s(u"5.2.9"_s, false, true);
        const QByteArray eml = "From: billing@evil.example\r\nSubject: invoice\r\n\r\nPay.\r\n";
        const QJsonObject mail =
            s.h.slack.addFile(Bob.slackId, u"invoice.eml"_s, eml, u"message/rfc822"_s);
        const QJsonObject capture =
            s.h.slack.addFile(Bob.slackId, u"capture.pcap"_s, QByteArray(1100 * 1024, 'x'));
        const QJsonObject gone = s.h.slack.addFile(Bob.slackId, u"gone.png"_s, "png");
        s.h.slack.deleteFile(gone.value(u"id"_s).toString());
        QVERIFY(
            s.shortcut(Alice, {mail, capture, s.h.slack.fileJson(gone.value(u"id"_s).toString())}));
        QVERIFY(QJsonDocument(s.form()).toJson().contains(
            "Its 3 files will be copied into the case (up to 1 MB each)."));
        QCOMPARE(s.submit(Alice, s.caseId, {}).status, 200);
        QVERIFY(s.settle());

        // Only the mail fits: its bytes are the case's attachment, named as in Slack.
        const QList<QJsonObject> attached = s.h.hive.caseAttachments(s.caseId);
        QCOMPARE(attached.size(), 1);
        QCOMPARE(attached.first().value(u"name"_s).toString(), u"invoice.eml"_s);
        QCOMPARE(attached.first().value(u"contentType"_s).toString(), u"message/rfc822"_s);
        QCOMPARE(s.h.hive.attachmentContent(attached.first().value(u"id"_s).toString()), eml);

        // The comment says what became of each file, and so does Alice's confirmation.
        const QString kept = s.h.hive.comments(s.caseId).first().value(u"message"_s).toString();
        for (const QString &part :
             {u"invoice.eml: %1 (copied into TheHive)"_s.arg(mail.value(u"permalink"_s).toString()),
              u"capture.pcap: %1 (not copied: larger than the 1 MB HiveSlack copies)"_s.arg(
                  capture.value(u"permalink"_s).toString()),
              u"- file %1 (not copied: it was deleted in Slack)"_s.arg(
                  gone.value(u"id"_s).toString())})
            QVERIFY2(kept.contains(part), qPrintable(part + u"\n---\n"_s + kept));
        QCOMPARE(s.answers().size(), 1);
        QVERIFY2(s.answers().first().contains(u"but 2 of its 3 files not"_s),
                 qPrintable(s.answers().first()));
        // The capture was never downloaded: files.info said its size.
        QCOMPARE(
            s.h.slack.requests(QUrl(capture.value(u"url_private_download"_s).toString()).path())
                .size(),
            0);
    }

    void aLostUploadAnswerCopiesTheFileOnce()
    {
        Scene s(u"5.2.9"_s, false, true);
        const QJsonObject mail = s.h.slack.addFile(Bob.slackId, u"invoice.eml"_s, "mail");
        const QString uploads = u"/api/v1/case/%1/attachments"_s.arg(s.caseId);
        s.h.hive.loseAnswerNext(uploads, 504);
        QVERIFY(s.shortcut(Alice, {mail}));
        QCOMPARE(s.submit(Alice, s.caseId, {}).status, 200);
        QVERIFY(s.settle());
        QCOMPARE(s.h.hive.requests(uploads).size(), 1);
        QCOMPARE(s.h.hive.caseAttachments(s.caseId).size(), 1);
        QCOMPARE(s.h.hive.comments(s.caseId).size(), 1);
        // Found again by its SHA-256 on the retry.
        QVERIFY(s.h.hive.comments(s.caseId)
                    .first()
                    .value(u"message"_s)
                    .toString()
                    .contains(u"(already in TheHive)"_s));
    }

    void whatTheHiveOrSlackWillNotTakeIsListed()
    {
        Scene s(u"5.2.9"_s, false, true);
        s.h.hive.setMaxUploadBytes(64 * 1024); // a proxy's smaller body limit
        const QJsonObject big =
            s.h.slack.addFile(Bob.slackId, u"dump.bin"_s, QByteArray(100 * 1024, 'x'));
        // A file Slack never gives: retried with the submission, then given up alone.
        const QJsonObject stuck = s.h.slack.addFile(Bob.slackId, u"stuck.txt"_s, "never");
        s.h.slack.failNext(QUrl(stuck.value(u"url_private_download"_s).toString()).path(), 503, {},
                           100);
        QVERIFY(s.shortcut(Alice, {big, stuck}));
        QCOMPARE(s.submit(Alice, s.caseId, {}).status, 200);
        QVERIFY(s.settle());
        s.h.slack.clearFaults();
        QVERIFY(s.h.hive.caseAttachments(s.caseId).isEmpty());
        const QString kept = s.h.hive.comments(s.caseId).first().value(u"message"_s).toString();
        QVERIFY2(kept.contains(u"dump.bin: "_s) &&
                     kept.contains(u"(not copied: TheHive refused it as too large)"_s),
                 qPrintable(kept));
        QVERIFY2(kept.contains(u"(not copied: it could not be had after 4 tries"_s),
                 qPrintable(kept));
        QCOMPARE(s.h.hive.requests(u"/api/v1/case/%1/comment"_s.arg(s.caseId)).size(), 1);
    }

    void filesStayInSlackForWhoMayNotChangeTheCase()
    {
        Scene s(u"5.2.9"_s, false, true);
        // May comment, may not update the case: the message is kept, its file listed.
        s.h.hive.setProfilePermissions(u"commenter"_s, {u"manageComment"_s});
        QVERIFY(s.h.hive.setProfile(Alice.email, u"commenter"_s));
        const QJsonObject mail = s.h.slack.addFile(Bob.slackId, u"invoice.eml"_s, "mail");
        QVERIFY(s.shortcut(Alice, {mail}));
        QCOMPARE(s.submit(Alice, s.caseId, {}).status, 200);
        QVERIFY(s.settle());
        QVERIFY(s.h.hive.caseAttachments(s.caseId).isEmpty());
        const QString kept = s.h.hive.comments(s.caseId).first().value(u"message"_s).toString();
        QVERIFY2(kept.contains(u"(not copied: "_s) && kept.contains(u"manageCase/update"_s),
                 qPrintable(kept));
        QVERIFY(s.h.slack.requests(u"/api/files.info"_s).isEmpty()); // nothing fetched for it
    }

    void withoutFilesReadTheAnalystIsToldWhy()
    {
        Scene s(u"5.2.9"_s, true, true);
        s.h.slack.revokeScope(u"files:read"_s);
        const QJsonObject mail = s.h.slack.addFile(Bob.slackId, u"invoice.eml"_s, "mail");
        QVERIFY(s.shortcut(Alice, {mail}));
        QCOMPARE(s.submit(Alice, s.caseId, {}).status, 200);
        QVERIFY(s.settle());
        QVERIFY(s.h.hive.caseAttachments(s.caseId).isEmpty());
        QCOMPARE(s.answers().size(), 1);
        QVERIFY2(s.answers().first().contains(u"lacks the files:read scope"_s),
                 qPrintable(s.answers().first()));
    }

    void theHive4KeepsEachFileInALogOfTheEvidenceTask()
    {
        Scene s(u"4.1.24"_s, false, true);
        const QByteArray eml = "From: billing@evil.example\r\n\r\nPay.\r\n";
        const QJsonObject mail =
            s.h.slack.addFile(Bob.slackId, u"invoice.eml"_s, eml, u"message/rfc822"_s);
        QVERIFY(s.shortcut(Alice, {mail}));
        QCOMPARE(s.submit(Alice, s.caseId, u"the lure"_s).status, 200);
        QVERIFY(s.settle());
        const QList<QJsonObject> logs = s.h.hive.taskLogs(s.caseId);
        QCOMPARE(logs.size(), 2);
        const QJsonObject attachment = logs.first().value(u"attachment"_s).toObject();
        QCOMPARE(attachment.value(u"name"_s).toString(), u"invoice.eml"_s);
        QCOMPARE(s.h.hive.attachmentContent(attachment.value(u"id"_s).toString()), eml);
        QVERIFY2(
            logs.first().value(u"message"_s).toString().contains(u"**Slack file** invoice.eml"_s),
            qPrintable(logs.first().value(u"message"_s).toString()));
        QVERIFY(logs.last().value(u"message"_s).toString().contains(u"(copied into TheHive)"_s));
        QVERIFY(!logs.last().contains(u"attachment"_s));
    }

    void theHive4FindsAFileLogWhoseAnswerWasLost()
    {
        Scene s(u"4.1.24"_s, false, true);
        // The evidence task exists already: its next log is the file's.
        QVERIFY(s.shortcut(Alice));
        QCOMPARE(s.submit(Alice, s.caseId, {}).status, 200);
        QVERIFY(s.settle());
        const QString taskId = s.h.hive.tasks(s.caseId).first().value(u"_id"_s).toString();
        const QString logs = u"/api/case/task/%1/log"_s.arg(taskId);
        const QJsonObject mail = s.h.slack.addFile(Bob.slackId, u"invoice.eml"_s, "mail");
        s.h.hive.loseAnswerNext(logs, 504);
        s.h.hive.clearRequests();
        QVERIFY(s.shortcut(Alice, {mail}));
        QCOMPARE(s.submit(Alice, s.caseId, {}).status, 200);
        QVERIFY(s.settle());
        // One file log, one evidence log: the retry found the file by its SHA-256.
        QCOMPARE(s.h.hive.requests(logs).size(), 2);
        const QList<QJsonObject> kept = s.h.hive.taskLogs(s.caseId);
        QCOMPARE(kept.size(), 3);
        QCOMPARE(
            std::count_if(kept.begin(), kept.end(),
                          [](const QJsonObject &log) { return log.contains(u"attachment"_s); }),
            1);
        QVERIFY(kept.last().value(u"message"_s).toString().contains(u"(already in TheHive)"_s));
    }

    void onlyLinkedAnalystsWhoMayWriteGetTheForm()
    {
        Scene s;
        QVERIFY(!s.shortcut(Carol)); // no TheHive account
        QVERIFY(s.h.hive.setProfile(Alice.email, u"read-only"_s));
        QVERIFY(!s.shortcut(Alice));
        QCOMPARE(s.answers().size(), 2);
        QVERIFY2(s.answers().last().contains(u"manageComment"_s), qPrintable(s.answers().last()));
        QVERIFY(s.h.hive.comments(s.caseId).isEmpty());
    }

    void aFormWithoutACaseIsRefused()
    {
        Scene s;
        QVERIFY(s.shortcut(Alice));
        const HttpAnswer answer = s.submit(Alice, {}, {});
        QCOMPARE(answer.status, 200);
        const QJsonObject body = QJsonDocument::fromJson(answer.body).object();
        QCOMPARE(body.value(u"response_action"_s).toString(), u"errors"_s);
        QVERIFY(body.value(u"errors"_s).toObject().contains(Ids::Case));
        QVERIFY(s.settle());
        QVERIFY(s.h.hive.comments(s.caseId).isEmpty());
    }

    void aLostAnswerWritesItOnce()
    {
        Scene s;
        QVERIFY(s.shortcut(Alice));
        s.h.hive.loseAnswerNext(u"/api/v1/case/%1/comment"_s.arg(s.caseId), 504);
        QCOMPARE(s.submit(Alice, s.caseId, {}).status, 200);
        QVERIFY(s.settle());
        QCOMPARE(s.h.hive.comments(s.caseId).size(), 1);
        QCOMPARE(s.answers().size(), 1);
    }

    void aRetryFindsItsEvidenceThoughSlackNamesNobody()
    {
        Scene s;
        QVERIFY(s.shortcut(Alice));
        const QString commentPath = u"/api/v1/case/%1/comment"_s.arg(s.caseId);
        s.h.hive.loseAnswerNext(commentPath, 504);
        // The first attempt reads Bob's name; the retry is refused it, so its text differs.
        QObject::connect(&s.h.hive, &FakeHttpServer::requestAnswered,
                         [&](const RecordedRequest &request, int) {
                             if (request.path == commentPath)
                                 s.h.slack.failNext(u"/api/users.info"_s, 503, {}, 100);
                         });
        QCOMPARE(s.submit(Alice, s.caseId, {}).status, 200);
        QVERIFY(s.settle());
        s.h.slack.clearFaults();
        QVERIFY(s.h.slack.requests(u"/api/users.info"_s).size() >= 2);
        QCOMPARE(s.h.hive.comments(s.caseId).size(), 1);
        QCOMPARE(s.h.hive.requests(u"/api/v1/case/%1/comment"_s.arg(s.caseId)).size(), 1);
    }

    void theFinderShowsNoRestrictedCaseAndAnswersInTime()
    {
        Scene s(u"5.5.2"_s);
        QVERIFY(s.h.hive.setCaseAccess(s.caseId, {s.h.hive.apiUserLogin(), Alice.email}));
        QVERIFY(s.shortcut(Alice));
        // With the service key HiveSlack cannot tell whether Alice is one of the named users.
        QVERIFY(s.suggestions(u"phish"_s).isEmpty());
        QVERIFY(s.h.hive.setCaseAccess(s.caseId, {}));
        QCOMPARE(s.suggestions(u"phish"_s).size(), 1);
        // A slow TheHive: no options, in time for Slack's 3 s.
        s.h.hive.delayNext(u"/api/v1/query"_s, 4000);
        QElapsedTimer asked;
        asked.start();
        QVERIFY(s.suggestions(u"phish"_s).isEmpty());
        QVERIFY2(asked.elapsed() < 3000, qPrintable(QString::number(asked.elapsed())));
    }

    void theHive4KeepsEvidenceInOneTask()
    {
        Scene s(u"4.1.24"_s);
        for (int i = 0; i < 2; ++i) {
            QVERIFY(s.shortcut(Alice));
            QCOMPARE(s.suggestions(u"finance"_s).size(), 1);
            QCOMPARE(s.submit(Alice, s.caseId, u"note %1"_s.arg(i)).status, 200);
            QVERIFY(s.settle());
        }
        const QList<QJsonObject> tasks = s.h.hive.tasks(s.caseId);
        QCOMPARE(tasks.size(), 1);
        QCOMPARE(tasks.first().value(u"title"_s).toString(), u"Slack evidence"_s);
        const QList<QJsonObject> logs = s.h.hive.taskLogs(s.caseId);
        QCOMPARE(logs.size(), 2);
        QVERIFY(logs.last().value(u"message"_s).toString().contains(u"Note: note 1"_s));
    }

    void socketModeWorksTheSame()
    {
        Scene s(u"5.2.9"_s, true);
        QVERIFY(s.shortcut(Alice));
        QCOMPARE(s.suggestions(u"wave"_s).size(), 1);
        QCOMPARE(s.submit(Alice, s.caseId, {}).status, 200);
        QVERIFY(s.settle());
        QCOMPARE(s.h.hive.comments(s.caseId).size(), 1);
    }
};

QTEST_MAIN(TestEvidence)
#include "tst_evidence.moc"
