// Issue 13 item 1, `/hive new`: the New case form, the case created in TheHive as the analyst,
// its live card in the channel the form came from (one card, whatever TheHive's own create
// webhook does), over HTTP and Socket Mode, on TheHive 4 and 5, against the fakes.
#include "bridgeharness.h"
#include "slackpayloads.h"
#include "socteam.h"

#include "authority/analystpermissions.h"
#include "newcase/newcaseform.h"

#include <QJsonDocument>
#include <QTest>

using namespace TestSupport;
using namespace Qt::StringLiterals;
namespace Ids = Bridge::NewCaseIds;

namespace {

const QString Elsewhere = u"C0ELSEWHERE"_s; // a channel no route names

/// What an analyst fills in on the form.
struct Form
{
    QString title = u"Phishing wave on finance"_s;
    QString description = u"Five users reported the same lure."_s;
    QString severity; ///< "3"; empty leaves it to the template or TheHive
    QString tlp;
    QString tags;
    QString templateId;
    QString assignee; ///< a Slack user id
};

QJsonObject valuesOf(const Form &f)
{
    const auto option = [](const QString &value) {
        return value.isEmpty() ? QJsonObject{{u"type"_s, u"static_select"_s},
                                             {u"selected_option"_s, QJsonValue::Null}}
                               : optionState(value, value);
    };
    const auto text = [](const QString &value) {
        return textState(value.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(value));
    };
    QJsonObject values;
    putState(values, Ids::Title, text(f.title));
    putState(values, Ids::Description, text(f.description));
    putState(values, Ids::Severity, option(f.severity));
    putState(values, Ids::Tlp, option(f.tlp));
    putState(values, Ids::Pap, option({}));
    putState(values, Ids::Tags, text(f.tags));
    if (!f.templateId.isEmpty())
        putState(values, Ids::Template, option(f.templateId));
    putState(values, Ids::Assignee,
             {{u"type"_s, u"users_select"_s},
              {u"selected_user"_s,
               f.assignee.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(f.assignee)}});
    return values;
}

class Scene
{
public:
    BridgeHarness h;

    explicit Scene(const QString &hiveVersion = u"5.2.9"_s, bool socketMode = false)
        : h(hiveVersion)
        , m_socketMode(socketMode)
    {
        if (socketMode)
            h.useSocketMode();
        addSocTeam(h, Elsewhere);
        // TheHive sends its create webhook for every case, ours included.
        QObject::connect(&h.hive, &FakeTheHive::caseCreated, [this](const QString &id) {
            created << id;
            if (webhooks)
                h.postWebhook(h.hive.webhookFor(u"create"_s, id));
        });
    }

    void start()
    {
        h.start();
        if (m_socketMode)
            QVERIFY(BridgeHarness::waitFor([&] { return h.slack.socketMode()->greeted() == 1; }));
    }

    /// `/hive new` typed in `channel`; true when the form opened.
    bool openForm(const Person &who, const QString &channel)
    {
        const int before = int(h.slack.openedViews().size());
        const QJsonObject command = slashCommand(who, channel, u"new"_s, h.slack.newResponseUrl());
        if (m_socketMode) {
            const QString envelope =
                h.slack.socketMode()->sendEnvelope(u"slash_commands"_s, command, true);
            if (!BridgeHarness::waitFor(
                    [&] { return h.slack.socketMode()->ack(envelope).has_value(); }))
                return false;
        } else if (const HttpAnswer a = h.postCommand(command);
                   a.status != 200 || !a.body.isEmpty()) {
            return false;
        }
        return BridgeHarness::waitFor(
                   [&] { return h.slack.openedViews().size() > before || settledNow(); }) &&
               h.slack.openedViews().size() > before;
    }

    QJsonObject form() const { return h.slack.openedViews().constLast(); }

    /// Submits the last form opened; the HTTP status, or 200 once Socket Mode acked it.
    HttpAnswer submit(const Person &who, const Form &f)
    {
        const QJsonObject payload = viewSubmission(who, form(), valuesOf(f));
        if (!m_socketMode)
            return h.postInteraction(payload);
        const QString envelope = h.slack.socketMode()->sendEnvelope(u"interactive"_s, payload);
        BridgeHarness::waitFor([&] { return h.slack.socketMode()->ack(envelope).has_value(); });
        const auto ack = h.slack.socketMode()->ack(envelope);
        return {ack ? 200 : 0,
                ack ? QJsonDocument(ack->message.value(u"payload"_s).toObject()).toJson()
                    : QByteArray()};
    }

    bool settle()
    {
        return BridgeHarness::waitFor([this] { return settledNow(); }, 10000);
    }
    bool settledNow() { return h.journal().counts().pending == 0; }

    /// What the analyst was told, in order (response_url and ephemeral alike).
    QStringList answers() const { return privateAnswers(h.slack); }

    QStringList created;
    bool webhooks = true;

private:
    bool m_socketMode = false;
};

bool hasInput(const QJsonObject &view, QLatin1StringView id)
{
    for (const QJsonValue &block : view.value(u"blocks"_s).toArray()) {
        if (block.toObject().value(u"block_id"_s).toString() == id)
            return true;
    }
    return false;
}

} // namespace

class TestNewCase : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aCaseStartsInSlackAndIsWorkedThere()
    {
        Scene s;
        const QJsonObject phishing = s.h.hive.addCaseTemplate(
            {{u"name"_s, u"phishing"_s},
             {u"displayName"_s, u"Phishing"_s},
             {u"titlePrefix"_s, u"[PHISH]"_s},
             {u"severity"_s, 3},
             {u"tags"_s, QJsonArray{u"email"_s}},
             {u"tasks"_s, QJsonArray{QJsonObject{{u"title"_s, u"Block sender"_s}}}}});
        s.start();
        QVERIFY(s.openForm(Alice, Elsewhere));
        QCOMPARE(s.form().value(u"callback_id"_s).toString(), QString(Ids::Callback));
        QVERIFY(hasInput(s.form(), Ids::Template));
        QVERIFY(QJsonDocument(s.form()).toJson().contains("Phishing"));
        QVERIFY(s.settle());

        Form f;
        f.tlp = u"1"_s;
        f.tags = u"finance, vip, finance"_s;
        f.templateId = phishing.value(u"_id"_s).toString();
        f.assignee = Bob.slackId;
        const HttpAnswer answer = s.submit(Alice, f);
        QCOMPARE(answer.status, 200);
        QVERIFY(answer.body.isEmpty()); // the form closes
        QVERIFY(s.settle());

        // One case, as asked, with the template applied by TheHive.
        QCOMPARE(s.created.size(), 1);
        const QJsonObject c = s.h.hive.caseJson(s.created.first());
        QCOMPARE(c.value(u"title"_s).toString(), u"[PHISH] Phishing wave on finance"_s);
        QCOMPARE(c.value(u"description"_s).toString(), f.description);
        QCOMPARE(c.value(u"severity"_s).toInt(), 3);
        QCOMPARE(c.value(u"tlp"_s).toInt(), 1);
        QCOMPARE(c.value(u"assignee"_s).toString(), Bob.email);
        QCOMPARE(c.value(u"tags"_s).toArray(), (QJsonArray{u"finance"_s, u"vip"_s, u"email"_s}));
        QCOMPARE(s.h.hive.tasks(s.created.first()).size(), 1);
        // Service mode: TheHive's audit names the key; a comment names the analyst.
        QCOMPARE(s.h.hive.comments(s.created.first()).size(), 1);
        QVERIFY(s.h.hive.comments(s.created.first())
                    .first()
                    .value(u"message"_s)
                    .toString()
                    .contains(Alice.email));

        // Its live card where the form was opened, and its routed card in its own channel:
        // the create webhook gave it no second card anywhere.
        QCOMPARE(s.h.cards(Elsewhere).size(), 1);
        QCOMPARE(s.h.cards().size(), 1);
        QCOMPARE(s.h.journal().card(s.created.first(), Elsewhere)->summonedBy, Alice.slackId);
        const QStringList answers = s.answers();
        QCOMPARE(answers.size(), 1);
        QVERIFY2(answers.first().contains(u"its card is here"_s), qPrintable(answers.first()));
        QVERIFY2(answers.first().contains(u"cases/%1/details|#%2>"_s.arg(
                     s.created.first(), QString::number(c.value(u"number"_s).toInteger()))),
                 qPrintable(answers.first()));

        // Worked from there like any card.
        const std::optional<QJsonObject> pick =
            pickOnCard(Alice, s.h.cards(Elsewhere).first(), u"hs_severity"_s, u"4"_s);
        QVERIFY(pick);
        QCOMPARE(s.h.postInteraction(*pick).status, 200);
        QVERIFY(s.settle());
        QCOMPARE(s.h.hive.caseJson(s.created.first()).value(u"severity"_s).toInt(), 4);
        QCOMPARE(shownValue(s.h.cards(Elsewhere).first().blocks, u"hs_severity"_s), u"4"_s);
    }

    void theCreateWebhookNeverGivesASecondCard()
    {
        // Typed in the channel routing sends the case to: the announcement and TheHive's own
        // webhook race for the one card there, case after case.
        Scene s;
        s.start();
        for (int i = 0; i < 5; ++i) {
            QVERIFY(s.openForm(Alice, QLatin1String(BridgeHarness::Channel)));
            Form f;
            f.title = u"Case %1 from Slack"_s.arg(i);
            f.description.clear(); // TheHive needs one: HiveSlack writes it
            QCOMPARE(s.submit(Alice, f).status, 200);
        }
        QVERIFY(s.settle());
        QCOMPARE(s.created.size(), 5);
        QCOMPARE(s.h.journal().events({.states = {}, .text = u"case.create"_s}).size(), 5);
        QCOMPARE(s.h.cards().size(), 5);
        for (const QString &id : std::as_const(s.created)) {
            QCOMPARE(s.h.cardsShowing(s.h.hive.caseJson(id).value(u"title"_s).toString()), 1);
            QVERIFY(!s.h.hive.caseJson(id).value(u"description"_s).toString().isEmpty());
        }
    }

    void aCaseAboveTheChannelIsCreatedButNotShownThere()
    {
        Scene s;
        s.start();
        QVERIFY(s.openForm(Alice, Elsewhere));
        Form f;
        f.title = u"CANARY exfiltration"_s;
        f.tlp = u"4"_s; // TLP:RED on TheHive 5.2
        QCOMPARE(s.submit(Alice, f).status, 200);
        QVERIFY(s.settle());
        QCOMPARE(s.created.size(), 1);
        QVERIFY(s.h.cards(Elsewhere).isEmpty());
        const QStringList answers = s.answers();
        QCOMPARE(answers.size(), 1);
        QVERIFY2(answers.first().contains(u"above what this channel may see"_s),
                 qPrintable(answers.first()));
        QVERIFY(!answers.first().contains(u"CANARY"_s));
        // Nothing of it reached the channel.
        for (const FakeSlack::PostedMessage &m : s.h.slack.messages(Elsewhere))
            QVERIFY(!m.text.contains(u"CANARY"_s) &&
                    !QJsonDocument(m.blocks).toJson().contains("CANARY"));
    }

    void onlyAnalystsWhoMayCreateCasesGetTheForm()
    {
        Scene s;
        s.start();
        // Carol has no TheHive account.
        QVERIFY(!s.openForm(Carol, Elsewhere));
        QVERIFY(s.settle());
        QCOMPARE(s.answers().size(), 1);
        QVERIFY(s.h.slack.openedViews().isEmpty());

        // A read-only profile may not create cases: refused naming the permission.
        QVERIFY(s.h.hive.setProfile(Alice.email, u"read-only"_s));
        QVERIFY(!s.openForm(Alice, Elsewhere));
        QVERIFY(s.settle());
        QCOMPARE(s.answers().size(), 2);
        QVERIFY2(s.answers().last().contains(u"manageCase/create"_s),
                 qPrintable(s.answers().last()));
        QVERIFY(s.h.slack.openedViews().isEmpty());
        QVERIFY(s.created.isEmpty());
    }

    void aProfileChangedWhileTheFormIsOpenIsCheckedAgain()
    {
        Scene s;
        s.start();
        QVERIFY(s.openForm(Alice, Elsewhere));
        QVERIFY(s.settle());
        QVERIFY(s.h.hive.setProfile(Alice.email, u"read-only"_s));
        s.h.bridge().permissions().forget(Alice.email);
        QCOMPARE(s.submit(Alice, Form{}).status, 200);
        QVERIFY(s.settle());
        QVERIFY(s.created.isEmpty());
        QCOMPARE(s.answers().size(), 1);
        QVERIFY2(s.answers().first().contains(u"manageCase/create"_s),
                 qPrintable(s.answers().first()));
    }

    void badInputIsRefusedInTheForm()
    {
        Scene s;
        s.start();
        QVERIFY(s.openForm(Alice, Elsewhere));
        Form f;
        f.title.clear();
        f.tags = QString(130, u'x');
        const HttpAnswer answer = s.submit(Alice, f);
        QCOMPARE(answer.status, 200);
        const QJsonObject body = QJsonDocument::fromJson(answer.body).object();
        QCOMPARE(body.value(u"response_action"_s).toString(), u"errors"_s);
        QVERIFY(body.value(u"errors"_s).toObject().contains(Ids::Title));
        QVERIFY(body.value(u"errors"_s).toObject().contains(Ids::Tags));
        QVERIFY(s.settle());
        QVERIFY(s.created.isEmpty());
        QVERIFY(s.h.hive.requests(u"/api/v1/case"_s).isEmpty());
    }

    void aLostAnswerMakesOneCase()
    {
        Scene s;
        const QString templateId =
            s.h.hive.addCaseTemplate({{u"name"_s, u"phishing"_s}, {u"titlePrefix"_s, u"[PHISH]"_s}})
                .value(u"_id"_s)
                .toString();
        s.start();
        QVERIFY(s.openForm(Alice, Elsewhere));
        // TheHive creates the case, but its answer is lost on the way (a gateway's 504).
        s.h.hive.loseAnswerNext(u"/api/v1/case"_s, 504);
        Form f;
        f.templateId = templateId;
        f.assignee = Alice.slackId;
        QCOMPARE(s.submit(Alice, f).status, 200);
        QVERIFY(s.settle());
        QCOMPARE(s.h.hive.requests(u"/api/v1/case"_s).size(), 1);
        QCOMPARE(s.created.size(), 1);
        QCOMPARE(s.h.cards(Elsewhere).size(), 1);
        const QList<Bridge::JournalEvent> submissions =
            s.h.journal().events({.states = {}, .text = u"view_submission"_s});
        QCOMPARE(submissions.size(), 1);
        QCOMPARE(submissions.first().state, u"delivered"_s);
        QCOMPARE(submissions.first().attempts, 1);
    }

    void whileTheHiveIsDownTheCaseWaits()
    {
        Scene s;
        s.start();
        QVERIFY(s.openForm(Alice, Elsewhere));
        FakeHttpServer::Fault down;
        down.httpStatus = 503;
        s.h.hive.addFault(u"/api/v1/case"_s, down, 2);
        QCOMPARE(s.submit(Alice, Form{}).status, 200);
        QVERIFY(s.settle());
        QCOMPARE(s.created.size(), 1);
        QCOMPARE(s.h.hive.requests(u"/api/v1/case"_s).size(), 3);
        QCOMPARE(s.h.cards(Elsewhere).size(), 1);
        // Told once that it waits, then that it is there.
        const QStringList answers = s.answers();
        QCOMPARE(answers.size(), 2);
        QVERIFY2(answers.first().contains(u"queued"_s), qPrintable(answers.first()));
        QVERIFY2(answers.last().contains(u"its card is here"_s), qPrintable(answers.last()));
    }

    void theHive4TakesItsOwnNames()
    {
        Scene s(u"4.1.24"_s);
        const QJsonObject incident = s.h.hive.addCaseTemplate(
            {{u"name"_s, u"incident"_s}, {u"titlePrefix"_s, u"[IR]"_s}, {u"tlp"_s, 1}});
        s.start();
        QVERIFY(s.openForm(Alice, Elsewhere));
        Form f;
        f.templateId = incident.value(u"_id"_s).toString();
        f.assignee = Alice.slackId;
        QCOMPARE(s.submit(Alice, f).status, 200);
        QVERIFY(s.settle());
        QCOMPARE(s.created.size(), 1);
        const QList<RecordedRequest> posts = s.h.hive.requests(u"/api/case"_s);
        QCOMPARE(posts.size(), 1);
        QCOMPARE(posts.first().json().value(u"template"_s).toString(), f.templateId);
        QCOMPARE(posts.first().json().value(u"user"_s).toString(), Alice.email);
        const QJsonObject c = s.h.hive.caseJson(s.created.first());
        QCOMPARE(c.value(u"title"_s).toString(), u"[IR] "_s + f.title);
        QCOMPARE(c.value(u"tlp"_s).toInt(), 1);
        QCOMPARE(s.h.cards(Elsewhere).size(), 1);
        QCOMPARE(s.h.cards().size(), 1);
    }

    void headerModeCreatesAsTheAnalyst()
    {
        Scene s;
        s.h.config.theHiveActAs = Bridge::ActAs::Header;
        s.h.hive.enableHeaderAuth();
        s.start();
        QVERIFY(s.openForm(Alice, Elsewhere));
        QCOMPARE(s.submit(Alice, Form{}).status, 200);
        QVERIFY(s.settle());
        QCOMPARE(s.created.size(), 1);
        QCOMPARE(s.h.hive.caseJson(s.created.first()).value(u"_createdBy"_s).toString(),
                 Alice.email);
        QVERIFY(s.h.hive.comments(s.created.first()).isEmpty()); // TheHive audits Alice itself
        QCOMPARE(s.h.cards(Elsewhere).size(), 1);
    }

    void socketModeWorksTheSame()
    {
        Scene s(u"5.2.9"_s, true);
        s.start();
        QVERIFY(s.openForm(Alice, Elsewhere));
        QCOMPARE(s.submit(Alice, Form{}).status, 200);
        QVERIFY(s.settle());
        QCOMPARE(s.created.size(), 1);
        QCOMPARE(s.h.cards(Elsewhere).size(), 1);
        QCOMPARE(s.answers().size(), 1);
    }
};

QTEST_MAIN(TestNewCase)
#include "tst_newcase.moc"
