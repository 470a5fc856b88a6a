// Issue 13 item 1, `/hive`: help answered at once; `/hive 123` shows a case's live card in the
// channel it was typed in, only where that channel may see the case and the analyst may see it
// in TheHive. Over HTTP (signed forms) and Socket Mode, against the fakes, on a real journal.
#include "bridgeharness.h"
#include "slackpayloads.h"
#include "socteam.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QTest>

using namespace TestSupport;
using namespace Qt::StringLiterals;

namespace {

const QString Elsewhere = u"C0ELSEWHERE"_s; // a channel no route names

class Scene
{
public:
    BridgeHarness h;

    explicit Scene(bool socketMode = false, const QString &hiveVersion = u"5.2.9"_s)
        : h(hiveVersion)
    {
        if (socketMode)
            h.useSocketMode();
        addSocTeam(h, Elsewhere);
        h.start();
    }

    /// A case in TheHive (no webhook: as if the bridge never heard of it); its number.
    qint64 addCase(int tlp, const QString &title = u"Beaconing from WS-017"_s)
    {
        const QJsonObject c =
            h.hive.addCase({{u"title"_s, title}, {u"severity"_s, 2}, {u"tlp"_s, tlp}});
        caseId = c.value(u"_id"_s).toString();
        return c.value(u"number"_s).toInteger();
    }

    bool settle()
    {
        return BridgeHarness::waitFor([this] { return h.journal().counts().pending == 0; });
    }

    /// What the analyst was told through response_urls, in order.
    QStringList answers() const
    {
        QStringList texts;
        for (const QJsonObject &r : h.slack.responses())
            texts << r.value(u"text"_s).toString();
        return texts;
    }

    QString caseId;
};

} // namespace

class TestSlashCommands : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void helpIsAnsweredAtOnce()
    {
        Scene s;
        for (const QString &text : {u""_s, u"help"_s, u"frobnicate 12"_s}) {
            const HttpAnswer answer =
                s.h.postCommand(slashCommand(Alice, Elsewhere, text, s.h.slack.newResponseUrl()));
            QCOMPARE(answer.status, 200);
            const QJsonObject body = QJsonDocument::fromJson(answer.body).object();
            QCOMPARE(body.value(u"response_type"_s).toString(), u"ephemeral"_s);
            QVERIFY2(body.value(u"text"_s).toString().contains(u"/hive 123"_s),
                     answer.body.constData());
            QCOMPARE(body.value(u"text"_s).toString().contains(u"did not understand"_s),
                     text.startsWith(u"frob"_s));
        }
        QVERIFY(s.settle());
        QCOMPARE(s.h.journal().counts().ignored, 3);
        QVERIFY(s.h.slack.responses().isEmpty());
    }

    void aCaseIsShownWhereItIsAskedFor()
    {
        Scene s;
        const qint64 number = s.addCase(1);
        const QUrl responseUrl = s.h.slack.newResponseUrl();
        const HttpAnswer answer =
            s.h.postCommand(slashCommand(Alice, Elsewhere, u"#%1"_s.arg(number), responseUrl));
        QCOMPARE(answer.status, 200);
        QVERIFY(answer.body.isEmpty()); // acknowledged at once; the answer follows
        QVERIFY(s.settle());

        // The live card in the war room, and the case's own card in its routed channel.
        QCOMPARE(s.h.cards(Elsewhere).size(), 1);
        QVERIFY(s.h.cards(Elsewhere).first().text.contains(u"Beaconing"_s) ||
                QJsonDocument(s.h.cards(Elsewhere).first().blocks)
                    .toJson()
                    .contains("Beaconing from WS-017"));
        QCOMPARE(s.h.cards().size(), 1);
        QCOMPARE(s.h.journal().card(s.caseId, Elsewhere)->summonedBy, Alice.slackId);
        QCOMPARE(s.answers(), QStringList{u"Case #%1 is shown here."_s.arg(number)});
        QCOMPARE(s.h.slack.responses().first().value(u"response_type"_s).toString(),
                 u"ephemeral"_s);

        // A change in TheHive redraws both cards.
        s.h.hive.setCaseField(s.caseId, u"severity"_s, 4);
        QCOMPARE(s.h.postWebhook(s.h.hive.webhookFor(u"update"_s, s.caseId)).status / 100, 2);
        QVERIFY(s.settle());
        QCOMPARE(shownValue(s.h.cards(Elsewhere).first().blocks, u"hs_severity"_s), u"4"_s);
        QCOMPARE(shownValue(s.h.cards().first().blocks, u"hs_severity"_s), u"4"_s);

        // The card is worked from the war room like any other.
        const std::optional<QJsonObject> pick =
            pickOnCard(Alice, s.h.cards(Elsewhere).first(), u"hs_severity"_s, u"3"_s);
        QVERIFY(pick);
        QCOMPARE(s.h.postInteraction(*pick).status, 200);
        QVERIFY(s.settle());
        QCOMPARE(s.h.hive.caseJson(s.caseId).value(u"severity"_s).toInt(), 3);
        QVERIFY(s.h.slack.ephemerals().isEmpty()); // no refusal

        // Asked for again, the card already there is redrawn, not posted twice.
        s.h.postCommand(
            slashCommand(Alice, Elsewhere, QString::number(number), s.h.slack.newResponseUrl()));
        QVERIFY(s.settle());
        QCOMPARE(s.h.cards(Elsewhere).size(), 1);
        QCOMPARE(s.answers().size(), 2);
    }

    void aChannelIsNeverShownMoreThanItsCeiling()
    {
        Scene s;
        const qint64 red = s.addCase(4, u"CANARY red"_s);
        s.h.postCommand(
            slashCommand(Alice, Elsewhere, QString::number(red), s.h.slack.newResponseUrl()));
        QVERIFY(s.settle());
        QVERIFY(s.h.cards(Elsewhere).isEmpty());
        QCOMPARE(s.answers().size(), 1);
        QVERIFY2(s.answers().first().contains(u"above what this channel may see"_s),
                 qPrintable(s.answers().first()));
        QVERIFY(!s.answers().first().contains(u"CANARY"_s));

        // A case summoned while allowed is redacted there once it is raised above the ceiling.
        const qint64 green = s.addCase(1, u"CANARY green"_s);
        s.h.postCommand(
            slashCommand(Alice, Elsewhere, QString::number(green), s.h.slack.newResponseUrl()));
        QVERIFY(s.settle());
        QCOMPARE(s.h.cards(Elsewhere).size(), 1);
        s.h.hive.setCaseField(s.caseId, u"tlp"_s, 4);
        s.h.postWebhook(s.h.hive.webhookFor(u"update"_s, s.caseId));
        QVERIFY(s.settle());
        const QByteArray shown = QJsonDocument(s.h.cards(Elsewhere).first().blocks).toJson();
        QVERIFY2(!shown.contains("CANARY"), shown.constData());
    }

    void onlyAnalystsWhoMaySeeTheCaseGetIt()
    {
        Scene s;
        const qint64 number = s.addCase(1);
        // Carol has no TheHive account.
        s.h.postCommand(
            slashCommand(Carol, Elsewhere, QString::number(number), s.h.slack.newResponseUrl()));
        QVERIFY(s.settle());
        QVERIFY(s.h.cards(Elsewhere).isEmpty());
        QCOMPARE(s.answers().size(), 1);
        QVERIFY2(s.answers().first().contains(u"TheHive"_s), qPrintable(s.answers().first()));

        // A number TheHive does not know.
        s.h.postCommand(slashCommand(Alice, Elsewhere, u"99999"_s, s.h.slack.newResponseUrl()));
        QVERIFY(s.settle());
        QCOMPARE(s.answers().size(), 2);
        QVERIFY2(s.answers().last().contains(u"no case 99999"_s), qPrintable(s.answers().last()));
        QVERIFY(s.h.cards(Elsewhere).isEmpty());
    }

    void restrictedCasesAreRefusedWithTheServiceKey()
    {
        // TheHive 5.5+: the key cannot tell whether Alice is among the case's named users.
        Scene s(false, u"5.5.2"_s);
        const qint64 number = s.addCase(1);
        QVERIFY(s.h.hive.setCaseAccess(s.caseId, {s.h.hive.apiUserLogin(), Alice.email}));
        s.h.postCommand(
            slashCommand(Alice, Elsewhere, QString::number(number), s.h.slack.newResponseUrl()));
        QVERIFY(s.settle());
        QVERIFY(s.h.cards(Elsewhere).isEmpty());
        QCOMPARE(s.answers().size(), 1);
        QVERIFY2(s.answers().first().contains(u"restricted to named users"_s),
                 qPrintable(s.answers().first()));
    }

    void withoutAResponseUrlTheAnswerIsEphemeral()
    {
        // After a restart the response_url (kept in memory only) is gone.
        Scene s;
        const qint64 number = s.addCase(4);
        s.h.postCommand(slashCommand(Alice, Elsewhere, QString::number(number), {}));
        QVERIFY(s.settle());
        QCOMPARE(s.h.slack.ephemerals().size(), 1);
        QCOMPARE(s.h.slack.ephemerals().first().value(u"user"_s).toString(), Alice.slackId);
        QCOMPARE(s.h.slack.ephemerals().first().value(u"channel"_s).toString(), Elsewhere);
        // And the journal never held the response_url.
        const QList<Bridge::JournalEvent> events =
            s.h.journal().events({.states = {}, .text = u"slack.command"_s});
        QCOMPARE(events.size(), 1);
        QVERIFY(!events.first().payload.contains("response_url"));
    }

    void mineListsTheAnalystsOpenCasesAsTheChannelMaySeeThem()
    {
        Scene s;
        const auto assigned = [&](int tlp, const QString &title, const QString &to) {
            return s.h.hive.addCase({{u"title"_s, title}, {u"tlp"_s, tlp}, {u"assignee"_s, to}})
                .value(u"number"_s)
                .toInteger();
        };
        const qint64 green = assigned(1, u"Phishing wave"_s, Alice.email);
        const qint64 red = assigned(4, u"CANARY red"_s, Alice.email);
        const qint64 closed = assigned(1, u"Old scan"_s, Alice.email);
        s.h.hive.setCaseField(QString::number(closed), u"status"_s, u"FalsePositive"_s);
        const qint64 others = assigned(1, u"Bob's case"_s, u"bob@soc.example"_s);
        const auto task = [&](qint64 number, const QString &title, const QString &status) {
            s.h.hive.addTask(
                QString::number(number),
                {{u"title"_s, title}, {u"assignee"_s, Alice.email}, {u"status"_s, status}});
        };
        task(green, u"Block sender"_s, u"InProgress"_s);
        task(others, u"Pull the logs"_s, u"Waiting"_s);
        task(red, u"CANARY task"_s, u"Waiting"_s);
        task(green, u"Old task"_s, u"Completed"_s);

        s.h.postCommand(slashCommand(Alice, Elsewhere, u"mine"_s, s.h.slack.newResponseUrl()));
        QVERIFY(s.settle());
        QCOMPARE(s.answers().size(), 1);
        const QString list = s.answers().first();
        QVERIFY2(list.contains(u"open cases (2) and tasks (3)"_s), qPrintable(list));
        QVERIFY2(list.contains(u"Block sender — <"_s), qPrintable(list));
        QVERIFY2(list.contains(u"Pull the logs — <"_s) && list.contains(u"Bob's case"_s),
                 qPrintable(list));
        QVERIFY2(list.contains(u"a task on <"_s), qPrintable(list));
        QVERIFY(!list.contains(u"Old task"_s));
        QVERIFY2(list.contains(u"|#%1> Phishing wave"_s.arg(green)), qPrintable(list));
        QVERIFY2(list.contains(u"|#%1> (not shown in this channel)"_s.arg(red)), qPrintable(list));
        QVERIFY(!list.contains(u"CANARY"_s));
        QVERIFY(!list.contains(u"#%1"_s.arg(closed)));
        QVERIFY(s.h.cards(Elsewhere).isEmpty()); // a list, not cards
    }

    void mineAndSummonWorkOnTheHive4()
    {
        Scene s(false, u"4.1.24"_s);
        const qint64 open =
            s.h.hive
                .addCase({{u"title"_s, u"Ransom note"_s}, {u"tlp"_s, 1}, {u"owner"_s, Alice.email}})
                .value(u"number"_s)
                .toInteger();
        const qint64 resolved = s.addCase(1, u"Done"_s);
        s.h.hive.setCaseField(s.caseId, u"owner"_s, Alice.email);
        s.h.hive.setCaseField(s.caseId, u"status"_s, u"Resolved"_s);
        s.h.postCommand(slashCommand(Alice, Elsewhere, u"mine"_s, s.h.slack.newResponseUrl()));
        s.h.postCommand(
            slashCommand(Alice, Elsewhere, QString::number(open), s.h.slack.newResponseUrl()));
        QVERIFY(s.settle());
        QCOMPARE(s.answers().size(), 2);
        QVERIFY2(s.answers().first().contains(u"#%1> Ransom note"_s.arg(open)),
                 qPrintable(s.answers().first()));
        QVERIFY(!s.answers().first().contains(u"#%1"_s.arg(resolved)));
        QCOMPARE(s.answers().last(), u"Case #%1 is shown here."_s.arg(open));
        QCOMPARE(s.h.cards(Elsewhere).size(), 1);
    }

    void socketModeCommandsWorkTheSame()
    {
        Scene s(true);
        QVERIFY(BridgeHarness::waitFor([&] { return s.h.slack.socketMode()->greeted() == 1; }));
        const qint64 number = s.addCase(1);
        // Help comes back in the ack.
        const QString help = s.h.slack.socketMode()->sendEnvelope(
            u"slash_commands"_s,
            slashCommand(Alice, Elsewhere, u"help"_s, s.h.slack.newResponseUrl()), true);
        QVERIFY(
            BridgeHarness::waitFor([&] { return s.h.slack.socketMode()->ack(help).has_value(); }));
        QVERIFY(s.h.slack.socketMode()
                    ->ack(help)
                    ->message.value(u"payload"_s)
                    .toObject()
                    .value(u"text"_s)
                    .toString()
                    .contains(u"/hive 123"_s));
        s.h.slack.socketMode()->sendEnvelope(
            u"slash_commands"_s,
            slashCommand(Alice, Elsewhere, QString::number(number), s.h.slack.newResponseUrl()),
            true);
        QVERIFY(BridgeHarness::waitFor([&] { return s.h.cards(Elsewhere).size() == 1; }));
        QVERIFY(s.settle());
        QCOMPARE(s.answers(), QStringList{u"Case #%1 is shown here."_s.arg(number)});
    }
};

QTEST_MAIN(TestSlashCommands)
#include "tst_slashcommands.moc"
