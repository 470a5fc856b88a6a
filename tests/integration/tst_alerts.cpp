// Issue 13 item 4, alert triage: TheHive alerts routed by "kind": "alert" rules get a card in
// Slack, held to the route's ceilings, from which an analyst promotes, merges or ignores them —
// as himself, with TheHive's alert permissions — and the card follows. Over HTTP and Socket
// Mode, on TheHive 4 and 5.
#include "bridgeharness.h"
#include "slackpayloads.h"
#include "socteam.h"

#include "alerts/alertcard.h"
#include "alerts/alertforms.h"

#include <QJsonDocument>
#include <QTest>

using namespace TestSupport;
using namespace Qt::StringLiterals;
namespace Ids = Bridge::AlertIds;
namespace Form = Bridge::AlertFormIds;

namespace {

const QString Alerts = u"C0ALERTS"_s; // the alert route's channel
const QString WarRoom = u"C0WARROOM"_s;

class Scene
{
public:
    BridgeHarness h;

    explicit Scene(const QString &hiveVersion = u"5.2.9"_s, bool socketMode = false,
                   bool alertRoute = true, int batchPerMinute = 0)
        : h(hiveVersion)
        , m_socketMode(socketMode)
    {
        if (socketMode)
            h.useSocketMode();
        addSocTeam(h, WarRoom);
        h.slack.addChannel(Alerts, u"soc-alerts"_s);
        if (alertRoute) {
            Bridge::RouteRule route;
            route.name = u"SIEM alerts"_s;
            route.kind = Bridge::RouteKind::Alert;
            route.sources = {u"splunk"_s};
            route.channel = Alerts;
            route.tlpCeiling = 2;
            route.batchPerMinute = batchPerMinute;
            h.config.routes.append(route);
        }
        h.start();
        if (socketMode)
            QVERIFY(BridgeHarness::waitFor([&] { return h.slack.socketMode()->greeted() == 1; }));
    }

    /// An alert arrives in TheHive and TheHive tells the bridge.
    QString alertArrives(const QJsonObject &fields)
    {
        QJsonObject all{{u"source"_s, u"splunk"_s},
                        {u"type"_s, u"siem"_s},
                        {u"title"_s, u"Impossible travel for j.doe"_s},
                        {u"tlp"_s, 2},
                        {u"severity"_s, 3},
                        {u"observableCount"_s, 4}};
        for (auto it = fields.begin(); it != fields.end(); ++it)
            all.insert(it.key(), it.value());
        const QString id = h.hive.addAlert(all).value(u"_id"_s).toString();
        h.postWebhook(h.hive.alertWebhook(u"create"_s, id));
        settle();
        return id;
    }

    std::optional<FakeSlack::PostedMessage> card() const
    {
        const QList<FakeSlack::PostedMessage> cards = h.cards(Alerts);
        if (cards.size() != 1)
            return std::nullopt;
        return cards.first();
    }

    /// `who` clicks a button of the alert card; true when Slack got its ack.
    bool click(const Person &who, const QString &actionId)
    {
        const std::optional<Control> control = findControl(card()->blocks, actionId);
        if (!control)
            return false;
        const bool acked = send(blockActions(who, *card(), buttonAction(*control))).status == 200;
        settle();
        return acked;
    }

    QJsonObject form() const { return h.slack.openedViews().constLast(); }

    HttpAnswer submit(const Person &who, const QJsonObject &values)
    {
        const HttpAnswer a = send(viewSubmission(who, form(), values));
        settle();
        return a;
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

    QString cardText() const
    {
        const std::optional<FakeSlack::PostedMessage> c = card();
        return c ? QString::fromUtf8(QJsonDocument(c->blocks).toJson()) : QString();
    }

    QStringList answers() const { return privateAnswers(h.slack); }

private:
    bool m_socketMode = false;
};

QJsonObject chosen(QLatin1StringView id, const QString &value)
{
    QJsonObject values;
    putState(values, id, optionState(value, value));
    return values;
}

} // namespace

class TestAlerts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void alertsGetACardOnlyWhereARouteAsks();
    void promoteMakesTheAlertCardTheCaseCard_data();
    void promoteMakesTheAlertCardTheCaseCard();
    void mergeJoinsACaseTheAnalystFinds_data();
    void mergeJoinsACaseTheAnalystFinds();
    void ignoreClosesTheAlertWithAStatusAndReason_data();
    void ignoreClosesTheAlertWithAStatusAndReason();
    void aProfileWithoutAlertPermissionsIsRefused();
    void anAlertAboveTheCeilingIsRedactedAndCannotBeTriaged();
    void anAlertHandledInTheHiveLosesItsButtons();
    void theAlertsOwnWebhooksKeepWhatTheCardSays();
    void aPromoteWhoseAnswerWasLostMakesOneCase();
    void aDeletedAlertKeepsItsCardWithoutButtons();
    void aNoisySourceIsBatchedIntoOneDigest();
    void anAlertImportedInTheHive4FollowsItsCase();
};

void TestAlerts::alertsGetACardOnlyWhereARouteAsks()
{
    {
        Scene s(u"5.2.9"_s, false, false);
        s.alertArrives({});
        QVERIFY(s.h.slack.messages().isEmpty());
        const QList<Bridge::JournalEvent> events = s.h.journal().events({});
        QCOMPARE(events.size(), 1);
        QCOMPARE(events.first().kind, u"alert.create"_s);
        QCOMPARE(events.first().state, u"ignored"_s);
    }
    Scene s;
    s.alertArrives({{u"source"_s, u"edr"_s}}); // no route for this source
    QVERIFY(s.h.slack.messages().isEmpty());
    s.alertArrives({{u"tags"_s, QJsonArray{u"travel"_s}}});
    QVERIFY(s.card());
    const QString text = s.cardText();
    for (const QString &shown : {u"Alert: Impossible travel for j.doe"_s, u"splunk"_s, u"siem"_s,
                                 u"High"_s, u"travel"_s, u"*Observables*\\n4"_s})
        QVERIFY2(text.contains(shown), qPrintable(shown + u" not in "_s + text));
    for (const QString &button : {QString(Ids::Promote), QString(Ids::Merge), QString(Ids::Ignore)})
        QVERIFY2(findControl(s.card()->blocks, button), qPrintable(button));
    QVERIFY(s.h.cards(QLatin1String(BridgeHarness::Channel)).isEmpty()); // cases' channel
}

void TestAlerts::promoteMakesTheAlertCardTheCaseCard_data()
{
    QTest::addColumn<QString>("version");
    QTest::addColumn<bool>("socketMode");
    QTest::newRow("TheHive 5, HTTP") << u"5.2.9"_s << false;
    QTest::newRow("TheHive 5, Socket Mode") << u"5.2.9"_s << true;
    QTest::newRow("TheHive 4, HTTP") << u"4.1.24"_s << false;
}

void TestAlerts::promoteMakesTheAlertCardTheCaseCard()
{
    QFETCH(QString, version);
    QFETCH(bool, socketMode);
    Scene s(version, socketMode);
    s.h.hive.addCaseTemplate({{u"name"_s, u"siem-triage"_s}, {u"displayName"_s, u"SIEM triage"_s}});
    const QString alertId = s.alertArrives({});
    const QString alertTs = s.card()->ts;

    QVERIFY(s.click(Alice, Ids::Promote));
    QCOMPARE(s.form().value(u"callback_id"_s).toString(), QString(Form::PromoteCallback));
    QVERIFY(QJsonDocument(s.form()).toJson().contains("SIEM triage"));
    QCOMPARE(s.submit(Alice, chosen(Form::Template, u"siem-triage"_s)).status, 200);

    const QString caseId = s.h.hive.alertJson(alertId).value(u"caseId"_s).toString();
    QVERIFY2(!caseId.isEmpty(), "the alert was not promoted");
    const QJsonObject made = s.h.hive.caseJson(caseId);
    QVERIFY(made.value(u"title"_s).toString().endsWith(u"Impossible travel for j.doe"_s));
    // The alert's card is now the case's live card: same message, drawn as the case.
    QVERIFY(s.card());
    QCOMPARE(s.card()->ts, alertTs);
    const QString number = QString::number(made.value(u"number"_s).toInteger());
    QVERIFY2(s.cardText().contains(u'#' + number), qPrintable(s.cardText()));
    QVERIFY(findControl(s.card()->blocks, u"hs_severity"_s));
    QVERIFY(!findControl(s.card()->blocks, Ids::Promote));

    // TheHive's own create webhook for the case gives it no second card there.
    s.h.postWebhook(s.h.hive.webhookFor(u"create"_s, caseId));
    QVERIFY(s.settle());
    QCOMPARE(s.h.cards(Alerts).size(), 1);
    // And the card is live: a change in TheHive redraws it.
    s.h.hive.setCaseField(caseId, u"severity"_s, 4);
    s.h.postWebhook(s.h.hive.webhookFor(u"update"_s, caseId, {{u"severity"_s, 4}}));
    QVERIFY(s.settle());
    QVERIFY(s.cardText().contains(u"Critical"_s));
    QCOMPARE(s.h.journal().counts().failed, 0);
}

void TestAlerts::mergeJoinsACaseTheAnalystFinds_data()
{
    QTest::addColumn<QString>("version");
    QTest::addColumn<bool>("socketMode");
    QTest::newRow("TheHive 5, HTTP") << u"5.2.9"_s << false;
    QTest::newRow("TheHive 4, Socket Mode") << u"4.1.24"_s << true;
}

void TestAlerts::mergeJoinsACaseTheAnalystFinds()
{
    QFETCH(QString, version);
    QFETCH(bool, socketMode);
    Scene s(version, socketMode);
    const QJsonObject target = s.h.hive.addCase({{u"title"_s, u"Account takeover j.doe"_s}});
    const QString caseId = target.value(u"_id"_s).toString();
    const QString alertId = s.alertArrives({});

    QVERIFY(s.click(Alice, Ids::Merge));
    QCOMPARE(s.form().value(u"callback_id"_s).toString(), QString(Form::MergeCallback));
    QVERIFY(QJsonDocument(s.form()).toJson().contains("external_select"));
    // A submission without a case is answered with the field's error and changes nothing.
    const int journaled = int(s.h.journal().events({}).size());
    s.submit(Alice, QJsonObject());
    const QList<Bridge::JournalEvent> events = s.h.journal().events({});
    QCOMPARE(events.size(), journaled + 1);
    QCOMPARE(events.first().state, u"ignored"_s);
    QVERIFY(s.h.hive.alertJson(alertId).value(u"caseId"_s).toString().isEmpty());

    QCOMPARE(s.submit(Alice, chosen(Form::Case, caseId)).status, 200);
    QCOMPARE(s.h.hive.alertJson(alertId).value(u"caseId"_s).toString(), caseId);
    const QString number = QString::number(target.value(u"number"_s).toInteger());
    QVERIFY2(s.cardText().contains(u"Merged into case #"_s + number), qPrintable(s.cardText()));
    QVERIFY(!findControl(s.card()->blocks, Ids::Promote));
    QVERIFY(!findControl(s.card()->blocks, Ids::Merge));
    const QList<FakeSlack::PostedMessage> notes = s.h.threadReplies(Alerts, s.card()->ts);
    QCOMPARE(notes.size(), 1);
    QVERIFY(notes.first().text.contains(Alice.slackId));
}

void TestAlerts::ignoreClosesTheAlertWithAStatusAndReason_data()
{
    QTest::addColumn<QString>("version");
    QTest::addColumn<QString>("status");
    QTest::newRow("TheHive 5") << u"5.2.9"_s << u"FalsePositive"_s;
    QTest::newRow("TheHive 4 marks it read") << u"4.1.24"_s << u"Ignored"_s;
}

void TestAlerts::ignoreClosesTheAlertWithAStatusAndReason()
{
    QFETCH(QString, version);
    QFETCH(QString, status);
    Scene s(version);
    const QString alertId = s.alertArrives({});
    QVERIFY(s.click(Bob, Ids::Ignore));
    QCOMPARE(s.form().value(u"callback_id"_s).toString(), QString(Form::IgnoreCallback));
    QJsonObject values;
    if (!s.h.hive.isTheHive4()) {
        QVERIFY(QJsonDocument(s.form()).toJson().contains("FalsePositive"));
        putState(values, Form::Status, optionState(status, status));
        putState(values, Form::Reason, textState(u"j.doe was on a plane"_s));
    }
    QCOMPARE(s.submit(Bob, values).status, 200);
    const QJsonObject alert =
        s.h.hive.isTheHive4() ? s.h.hive.alertJsonV0(alertId) : s.h.hive.alertJson(alertId);
    QCOMPARE(alert.value(u"status"_s).toString(), status);
    if (!s.h.hive.isTheHive4())
        QCOMPARE(alert.value(u"summary"_s).toString(), u"j.doe was on a plane"_s);
    QVERIFY2(s.cardText().contains(u"Closed as"_s), qPrintable(s.cardText()));
    QVERIFY(!findControl(s.card()->blocks, Ids::Ignore));
}

void TestAlerts::aProfileWithoutAlertPermissionsIsRefused()
{
    Scene s;
    s.h.hive.setProfile(Bob.email, u"read-only"_s);
    const QString alertId = s.alertArrives({});
    const int views = int(s.h.slack.openedViews().size());
    QVERIFY(s.click(Bob, Ids::Promote));
    QCOMPARE(s.h.slack.openedViews().size(), views);
    QVERIFY2(s.answers().join(u'\n').contains(u"manageAlert/import"_s),
             qPrintable(s.answers().join(u'\n')));
    QVERIFY(s.h.hive.alertJson(alertId).value(u"caseId"_s).toString().isEmpty());
    QVERIFY(findControl(s.card()->blocks, Ids::Promote));
}

void TestAlerts::anAlertAboveTheCeilingIsRedactedAndCannotBeTriaged()
{
    Scene s;
    const QString alertId =
        s.alertArrives({{u"tlp"_s, 4}, {u"title"_s, u"CANARY credential dump"_s}});
    QVERIFY(s.card());
    QVERIFY(!s.cardText().contains(u"CANARY"_s));
    QVERIFY(!findControl(s.card()->blocks, Ids::Promote));
    // A click forged for that card (or made on one drawn before it rose) changes nothing.
    Control forged{s.card()->blocks.first().toObject().value(u"block_id"_s).toString(),
                   QJsonObject{{u"type"_s, u"button"_s},
                               {u"action_id"_s, QString(Ids::Promote)},
                               {u"value"_s, alertId}}};
    QCOMPARE(s.send(blockActions(Alice, *s.card(), buttonAction(forged))).status, 200);
    QVERIFY(s.settle());
    QVERIFY(s.h.slack.openedViews().isEmpty());
    QVERIFY(s.answers().join(u'\n').contains(u"above what this channel may see"_s));
    QVERIFY(!s.answers().join(u'\n').contains(u"CANARY"_s));
}

void TestAlerts::anAlertHandledInTheHiveLosesItsButtons()
{
    Scene s;
    const QString alertId = s.alertArrives({});
    s.h.hive.setAlertField(alertId, u"status"_s, u"Duplicated"_s);
    s.h.postWebhook(s.h.hive.alertWebhook(u"update"_s, alertId, {{u"status"_s, u"Duplicated"_s}}));
    QVERIFY(s.settle());
    QVERIFY2(s.cardText().contains(u"Closed as Duplicated"_s), qPrintable(s.cardText()));
    QVERIFY(!findControl(s.card()->blocks, Ids::Promote));
    QCOMPARE(s.h.cards(Alerts).size(), 1);
}

void TestAlerts::theAlertsOwnWebhooksKeepWhatTheCardSays()
{
    Scene s;
    const QString promotedId = s.alertArrives({});
    QVERIFY(s.click(Alice, Ids::Promote));
    QCOMPARE(s.submit(Alice, {}).status, 200);
    // TheHive tells of the alert's import after the bridge handed its card to the case.
    s.h.postWebhook(s.h.hive.alertWebhook(u"update"_s, promotedId));
    QVERIFY(s.settle());
    QVERIFY2(findControl(s.card()->blocks, u"hs_severity"_s), qPrintable(s.cardText()));

    const QString target =
        s.h.hive.addCase({{u"title"_s, u"Account takeover"_s}}).value(u"_id"_s).toString();
    const QString mergedId = s.alertArrives({{u"sourceRef"_s, u"second"_s}});
    const QList<FakeSlack::PostedMessage> cards = s.h.cards(Alerts);
    QCOMPARE(cards.size(), 2);
    const FakeSlack::PostedMessage mergedCard = cards.last();
    const std::optional<Control> merge = findControl(mergedCard.blocks, Ids::Merge);
    QVERIFY(merge);
    s.send(blockActions(Alice, mergedCard, buttonAction(*merge)));
    QVERIFY(s.settle());
    QCOMPARE(s.submit(Alice, chosen(Form::Case, target)).status, 200);
    s.h.postWebhook(s.h.hive.alertWebhook(u"update"_s, mergedId));
    QVERIFY(s.settle());
    const QString text = QString::fromUtf8(
        QJsonDocument(s.h.cards(Alerts).last().blocks).toJson(QJsonDocument::Compact));
    QVERIFY2(text.contains(u"Merged into case #"_s), qPrintable(text));
}

void TestAlerts::aPromoteWhoseAnswerWasLostMakesOneCase()
{
    Scene s;
    const QString alertId = s.alertArrives({});
    const qsizetype casesBefore = s.h.hive.caseIds().size();
    QVERIFY(s.click(Alice, Ids::Promote));
    // TheHive makes the case, but its answer never comes back.
    s.h.hive.loseAnswerNext(u"/api/v1/alert/"_s + alertId + u"/case"_s, 504);
    QCOMPARE(s.submit(Alice, {}).status, 200);
    QVERIFY(BridgeHarness::waitFor(
        [&] { return s.h.journal().counts().pending == 0 && s.h.journal().counts().failed == 0; },
        15000));
    QCOMPARE(s.h.hive.caseIds().size(), casesBefore + 1);
    QCOMPARE(s.h.hive.requests(u"/api/v1/alert/"_s + alertId + u"/case"_s).size(), 1);
    QVERIFY2(findControl(s.card()->blocks, u"hs_severity"_s), qPrintable(s.cardText()));
    QCOMPARE(s.h.cards(Alerts).size(), 1);
}

void TestAlerts::aDeletedAlertKeepsItsCardWithoutButtons()
{
    Scene s;
    const QString alertId = s.alertArrives({});
    const QJsonObject deleted = s.h.hive.alertWebhook(u"delete"_s, alertId);
    s.h.hive.failNext(u"/api/v1/alert/"_s + alertId, 404,
                      R"({"type":"NotFoundError","message":"Alert not found"})");
    s.h.postWebhook(deleted);
    QVERIFY(s.settle());
    QVERIFY2(s.cardText().contains(u"Deleted in TheHive"_s), qPrintable(s.cardText()));
    QVERIFY(s.cardText().contains(u"Impossible travel"_s));
    QVERIFY(!findControl(s.card()->blocks, Ids::Promote));
}

void TestAlerts::aNoisySourceIsBatchedIntoOneDigest()
{
    Scene s(u"5.2.9"_s, false, true, 2);
    QStringList ids;
    for (int i = 0; i < 5; ++i)
        ids << s.alertArrives({{u"sourceRef"_s, u"burst-%1"_s.arg(i)},
                               {u"title"_s, u"Brute force on vpn-%1"_s.arg(i)},
                               {u"tlp"_s, i == 4 ? 4 : 2}});
    // Two cards of their own, then one digest for the other three.
    const QList<FakeSlack::PostedMessage> messages = s.h.cards(Alerts);
    QCOMPARE(messages.size(), 3);
    const FakeSlack::PostedMessage digest = messages.last();
    const QString text = QString::fromUtf8(QJsonDocument(digest.blocks).toJson());
    QVERIFY2(text.contains(u"3 alerts batched"_s), qPrintable(text));
    QVERIFY(text.contains(u"Brute force on vpn-2"_s) && text.contains(u"Brute force on vpn-3"_s));
    QVERIFY(!text.contains(u"vpn-4"_s)); // above the route's ceiling: its line is redacted
    QCOMPARE(s.h.journal().counts().failed, 0);

    // Triage from a digest line's menu.
    QString lineBlock;
    for (const QJsonValue &b : digest.blocks) {
        const QString id = b.toObject().value(u"block_id"_s).toString();
        if (id.contains(ids.at(2)) && b.toObject().contains(u"accessory"_s))
            lineBlock = id;
    }
    QVERIFY(!lineBlock.isEmpty());
    const QJsonObject menu{{u"type"_s, u"overflow"_s},
                           {u"action_id"_s, QString(Ids::Triage)},
                           {u"block_id"_s, lineBlock},
                           {u"selected_option"_s, QJsonObject{{u"text"_s, plainText(u"Ignore"_s)},
                                                              {u"value"_s, QString(Ids::Ignore)}}},
                           {u"action_ts"_s, actionTs()}};
    QCOMPARE(s.send(blockActions(Bob, digest, menu)).status, 200);
    QVERIFY(s.settle());
    QCOMPARE(s.form().value(u"callback_id"_s).toString(), QString(Form::IgnoreCallback));
    QJsonObject values;
    putState(values, Form::Status, optionState(u"Ignored"_s, u"Ignored"_s));
    QCOMPARE(s.submit(Bob, values).status, 200);
    QCOMPARE(s.h.hive.alertJson(ids.at(2)).value(u"status"_s).toString(), u"Ignored"_s);
    const FakeSlack::PostedMessage redrawn = s.h.cards(Alerts).last();
    QCOMPARE(redrawn.ts, digest.ts);
    const QString after = QString::fromUtf8(QJsonDocument(redrawn.blocks).toJson());
    QVERIFY2(after.contains(u"Closed as Ignored"_s), qPrintable(after));
    QVERIFY(after.contains(u"Brute force on vpn-3"_s)); // the other lines stay
    QCOMPARE(s.h.cards(Alerts).size(), 3);

    // A line promoted from its menu: the case gets a card of its own beside the digest.
    QString promoteBlock;
    for (const QJsonValue &b : redrawn.blocks) {
        const QString id = b.toObject().value(u"block_id"_s).toString();
        if (id.contains(ids.at(3)))
            promoteBlock = id;
    }
    QJsonObject promote = menu;
    promote.insert(u"block_id"_s, promoteBlock);
    promote.insert(u"selected_option"_s, QJsonObject{{u"text"_s, plainText(u"Promote"_s)},
                                                     {u"value"_s, QString(Ids::Promote)}});
    promote.insert(u"action_ts"_s, actionTs());
    QCOMPARE(s.send(blockActions(Alice, redrawn, promote)).status, 200);
    QVERIFY(s.settle());
    QCOMPARE(s.submit(Alice, {}).status, 200);
    const QString caseId = s.h.hive.alertJson(ids.at(3)).value(u"caseId"_s).toString();
    QVERIFY(!caseId.isEmpty());
    const QList<FakeSlack::PostedMessage> now = s.h.cards(Alerts);
    QCOMPARE(now.size(), 4);
    const QString number =
        QString::number(s.h.hive.caseJson(caseId).value(u"number"_s).toInteger());
    QVERIFY(QJsonDocument(now.last().blocks).toJson().contains((u"#"_s + number).toUtf8()));
    const QString digestNow = QString::fromUtf8(QJsonDocument(now.at(2).blocks).toJson());
    QVERIFY2(digestNow.contains(u"Promoted to case #"_s + number), qPrintable(digestNow));
    QCOMPARE(s.h.journal().counts().failed, 0);
}

void TestAlerts::anAlertImportedInTheHive4FollowsItsCase()
{
    // TheHive 4 audits the alert's side of an import only as a derived event; the case's own
    // event names the alert it came from.
    Scene s(u"4.1.24"_s);
    const QString alertId = s.alertArrives({});
    const QString caseId = s.h.hive.addCase({{u"title"_s, u"Impossible travel for j.doe"_s}})
                               .value(u"_id"_s)
                               .toString();
    QVERIFY(s.h.hive.setAlertField(alertId, u"caseId"_s, caseId));
    s.h.postWebhook(s.h.hive.webhookFor(
        u"create"_s, caseId,
        {{u"fromAlert"_s, QJsonObject{{u"_id"_s, alertId}, {u"source"_s, u"splunk"_s}}}}));
    QVERIFY(s.settle());
    QVERIFY2(s.cardText().contains(u"Imported into a case"_s), qPrintable(s.cardText()));
    QVERIFY(!findControl(s.card()->blocks, Ids::Promote));
    QCOMPARE(s.h.journal().counts().failed, 0);
}

QTEST_GUILESS_MAIN(TestAlerts)
#include "tst_alerts.moc"
