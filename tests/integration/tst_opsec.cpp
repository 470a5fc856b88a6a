// OPSEC end to end: a whole bridge on loopback, the example's routes and ceilings (a broad
// channel up to TLP:GREEN, TLP:RED cases to a restricted room, critical cases to their own
// channel), and a scripted sequence of TheHive changes and Slack clicks — escalation,
// de-escalation, edits while withheld, clicks on cards drawn before an escalation, forms.
// Every request the fake Slack received is then scanned: text set while a case was above a
// channel's ceiling never reached that channel, and channels a case left never got its
// content again.

#include "bridgeharness.h"
#include "slackpayloads.h"

#include "journal/journaltypes.h"
#include "slack/modals.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace TestSupport;

namespace {

const QString Broad = QLatin1String(BridgeHarness::Channel); // ceiling TLP:GREEN
const QString RedRoom = u"C0REDROOM"_s;                      // TLP:RED cases, no ceiling
const QString Critical = u"C0CRIT"_s;                        // critical cases, no ceiling

/// One write the fake Slack received, as text, with the channel it went to.
struct SlackWrite
{
    QString method;
    QString channel;
    QString text;
};

} // namespace

class TestOpsec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void escalationSequenceLeaksNothing_data();
    void escalationSequenceLeaksNothing();
    void restrictedCaseIsNeverShownInFull();

private:
    bool settle();
    /// Creates the case in TheHive and sends its creation webhook.
    bool createCase(const QJsonObject &fields);
    bool hiveChanges(const QJsonObject &fields);
    bool click(const FakeSlack::PostedMessage &card, const QString &actionId,
               const QString &value = {});
    QJsonObject lastOpenedView() const;
    FakeSlack::PostedMessage cardIn(const QString &channel) const;
    QList<SlackWrite> writes(qsizetype from = 0) const;
    int severityInHive() const { return h->hive.caseJson(caseId).value(u"severity"_s).toInt(); }

    std::unique_ptr<BridgeHarness> h;
    QString caseId;
};

void TestOpsec::init()
{
    h.reset();
    caseId.clear();
}

void TestOpsec::cleanup()
{
    h.reset();
}

bool TestOpsec::settle()
{
    // Clicks journal a card refresh after their write: wait for the journal to go quiet twice.
    for (int round = 0; round < 2; ++round) {
        if (!BridgeHarness::waitFor([this] { return h->journal().counts().pending == 0; }))
            return false;
        QTest::qWait(60);
    }
    return h->journal().counts().pending == 0;
}

bool TestOpsec::createCase(const QJsonObject &fields)
{
    caseId = h->hive.addCase(fields).value(u"_id"_s).toString();
    return h->postWebhook(h->hive.webhookFor(u"create"_s, caseId)).status == 202 && settle();
}

bool TestOpsec::hiveChanges(const QJsonObject &fields)
{
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        if (!h->hive.setCaseField(caseId, it.key(), it.value()))
            return false;
    }
    // One webhook for the lot, as TheHive sends for one PATCH.
    return h->postWebhook(h->hive.webhookFor(u"update"_s, caseId)).status / 100 == 2 && settle();
}

bool TestOpsec::click(const FakeSlack::PostedMessage &card, const QString &actionId,
                      const QString &value)
{
    const std::optional<Control> control = findControl(card.blocks, actionId);
    if (!control) {
        qWarning() << "no control" << actionId << "on the card";
        return false;
    }
    const QJsonObject action =
        value.isEmpty() ? buttonAction(*control)
                        : selectAction(*control, optionWithValue(control->element, value));
    return h->postInteraction(blockActions(Alice, card, action)).status == 200 && settle();
}

QJsonObject TestOpsec::lastOpenedView() const
{
    const QList<RecordedRequest> opened = h->slack.requests(u"/api/views.open"_s);
    return opened.isEmpty() ? QJsonObject() : opened.last().json().value(u"view"_s).toObject();
}

FakeSlack::PostedMessage TestOpsec::cardIn(const QString &channel) const
{
    const QList<FakeSlack::PostedMessage> cards = h->cards(channel);
    return cards.isEmpty() ? FakeSlack::PostedMessage{} : cards.constFirst();
}

QList<SlackWrite> TestOpsec::writes(qsizetype from) const
{
    QList<SlackWrite> found;
    const QList<RecordedRequest> all = h->slack.requests();
    for (qsizetype i = from; i < all.size(); ++i) {
        const QString method = all.at(i).path.section(u'/', -1);
        if (!method.startsWith(u"chat."_s) && !method.startsWith(u"views."_s))
            continue;
        const QJsonObject json = all.at(i).json();
        found.append({method, json.value(u"channel"_s).toString(),
                      QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact))});
    }
    return found;
}

void TestOpsec::escalationSequenceLeaksNothing_data()
{
    QTest::addColumn<QString>("version");
    QTest::addColumn<bool>("drop");
    for (const QString &v : {u"5.2.9"_s, u"4.1.24"_s}) {
        QTest::addRow("TheHive %s, redact", qPrintable(v)) << v << false;
        QTest::addRow("TheHive %s, drop", qPrintable(v)) << v << true;
    }
}

void TestOpsec::escalationSequenceLeaksNothing()
{
    QFETCH(QString, version);
    QFETCH(bool, drop);
    h = std::make_unique<BridgeHarness>(version);
    const int amber = 2;
    const int red = h->hive.isTheHive4() ? 3 : 4;
    h->slack.addChannel(RedRoom, u"soc-red"_s);
    h->slack.addChannel(Critical, u"soc-critical"_s);
    h->slack.addUser(Alice.slackId, Alice.name, Alice.email);
    h->hive.addUser(Alice.email, u"Alice"_s, Alice.email);
    h->config.defaultTlpCeiling = 1;
    h->config.defaultAboveCeiling =
        drop ? Bridge::AboveCeiling::Drop : Bridge::AboveCeiling::Redact;
    Bridge::RouteRule redRoute;
    redRoute.name = u"red"_s;
    redRoute.tlps = {red};
    redRoute.channel = RedRoom;
    Bridge::RouteRule criticalRoute;
    criticalRoute.name = u"critical"_s;
    criticalRoute.minSeverity = 4;
    criticalRoute.channel = Critical;
    h->config.routes = {redRoute, criticalRoute};
    h->start();

    // 1. A TLP:GREEN case: shown in full in the broad channel.
    QVERIFY(createCase({{u"title"_s, u"SECRET-L1 phishing"_s},
                        {u"description"_s, u"SECRET-L1 description"_s},
                        {u"tags"_s, QJsonArray{u"SECRET-L1-tag"_s}},
                        {u"tlp"_s, 1}}));
    const FakeSlack::PostedMessage drawnGreen = cardIn(Broad);
    QVERIFY(drawnGreen.text.contains(u"SECRET-L1 phishing"_s));
    QVERIFY(findControl(drawnGreen.blocks, u"hs_severity"_s));

    // 2. Edits under the ceiling are told with their values.
    QVERIFY(hiveChanges({{u"title"_s, u"SECRET-L1 renamed"_s}}));
    QVERIFY(
        h->threadReplies(Broad, drawnGreen.ts).constLast().text.contains(u"SECRET-L1 renamed"_s));

    // 3. Raised to AMBER: the broad card is redacted (or withdrawn) in place.
    QVERIFY(hiveChanges({{u"tlp"_s, amber}}));
    QCOMPARE(h->cards(Broad).size(), 1);
    QVERIFY(!cardIn(Broad).text.contains(u"SECRET"_s));
    QVERIFY(!findControl(cardIn(Broad).blocks, u"hs_severity"_s));

    // 4. Edits while withheld: notes name the fields, never the values.
    QVERIFY(hiveChanges({{u"title"_s, u"SECRET-L2 amber title"_s},
                         {u"description"_s, u"SECRET-L2 description"_s},
                         {u"tags"_s, QJsonArray{u"SECRET-L2-tag"_s}}}));
    if (!drop)
        QVERIFY(
            h->threadReplies(Broad, drawnGreen.ts).constLast().text.contains(u"title changed"_s));

    // 5. Clicks on the card as drawn before the escalation: refused, nothing changes, no form.
    const qsizetype ephemeralsBefore = h->slack.ephemerals().size();
    QVERIFY(click(drawnGreen, u"hs_severity"_s, u"3"_s));
    QVERIFY(click(drawnGreen, u"hs_add_task"_s));
    QCOMPARE(severityInHive(), 2);
    QVERIFY(h->slack.requests(u"/api/views.open"_s).isEmpty());
    QCOMPARE(h->slack.ephemerals().size(), ephemeralsBefore + 2);
    QCOMPARE(h->slack.ephemerals().constLast().value(u"user"_s).toString(), Alice.slackId);

    // 6. Raised to RED: the restricted room gets its own card, in full; the broad one stays
    // withheld.
    QVERIFY(hiveChanges({{u"tlp"_s, red}}));
    QCOMPARE(h->cards(RedRoom).size(), 1);
    QVERIFY(cardIn(RedRoom).text.contains(u"SECRET-L2 amber title"_s));
    QVERIFY(!cardIn(Broad).text.contains(u"SECRET"_s));

    // 7. A RED edit: values in the room, field names (or nothing) in the broad channel.
    QVERIFY(hiveChanges({{u"title"_s, u"SECRET-L4 red title"_s}}));
    QVERIFY(h->threadReplies(RedRoom, cardIn(RedRoom).ts)
                .constLast()
                .text.contains(u"SECRET-L4 red title"_s));

    // 8. The room works the case from Slack.
    QVERIFY(click(cardIn(RedRoom), u"hs_severity"_s, u"3"_s));
    QCOMPARE(severityInHive(), 3);
    const FakeSlack::PostedMessage drawnRed = cardIn(RedRoom);

    // 9. Declassified and lowered to GREEN in one change: the broad card comes back in full,
    // and its note does not bring back the RED title it never showed.
    const qsizetype beforeDeescalation = h->slack.requests().size();
    QVERIFY(hiveChanges({{u"title"_s, u"SECRET-L1 declassified"_s},
                         {u"description"_s, u"SECRET-L1 public"_s},
                         {u"tags"_s, QJsonArray{u"SECRET-L1-tag"_s}},
                         {u"tlp"_s, 1}}));
    QVERIFY(cardIn(Broad).text.contains(u"SECRET-L1 declassified"_s));
    QVERIFY(findControl(cardIn(Broad).blocks, u"hs_severity"_s));
    QVERIFY(!cardIn(RedRoom).text.contains(u"SECRET"_s));

    // 10. A click in the room on its card as drawn before the case left: refused.
    QVERIFY(click(drawnRed, u"hs_severity"_s, u"1"_s));
    QCOMPARE(severityInHive(), 3);

    // 11. Made critical from Slack: the case moves to the critical channel, and the broad
    // channel (whose ceiling would allow GREEN) no longer shows it.
    QVERIFY(click(cardIn(Broad), u"hs_severity"_s, u"4"_s));
    QCOMPARE(severityInHive(), 4);
    QCOMPARE(h->cards(Critical).size(), 1);
    QVERIFY(cardIn(Critical).text.contains(u"SECRET-L1 declassified"_s));
    QVERIFY(!cardIn(Broad).text.contains(u"SECRET"_s));

    // 12. Back to Medium in TheHive: the critical channel (no ceiling) keeps only the redacted
    // card; the broad channel shows the case again.
    const qsizetype beforeLeavingCritical = h->slack.requests().size();
    QVERIFY(hiveChanges({{u"severity"_s, 2}}));
    QVERIFY(!cardIn(Critical).text.contains(u"SECRET"_s));
    QVERIFY(cardIn(Broad).text.contains(u"SECRET-L1 declassified"_s));

    // 13. Closed through the form on the broad card.
    QVERIFY(click(cardIn(Broad), u"hs_close"_s));
    const QJsonObject view = lastOpenedView();
    QVERIFY(!view.isEmpty());
    QCOMPARE(
        h->postInteraction(viewSubmission(Alice, view, closeValues(u"SECRET-L1 done"_s))).status,
        200);
    QVERIFY(settle());
    QVERIFY(h->hive.caseJson(caseId).value(u"stage"_s).toString() == u"Closed"_s ||
            h->hive.isTheHive4());

    // The scan: text set while the case was above TLP:GREEN never reached the broad channel;
    // the channels the case left got nothing of it afterwards; one card per channel.
    for (const SlackWrite &w : writes()) {
        if (w.channel == Broad || w.method == u"views.open"_s) {
            QVERIFY2(!w.text.contains(u"SECRET-L2"_s) && !w.text.contains(u"SECRET-L4"_s),
                     qPrintable(w.method + u' ' + w.text));
        }
    }
    for (const SlackWrite &w : writes(beforeDeescalation)) {
        if (w.channel == RedRoom)
            QVERIFY2(!w.text.contains(u"SECRET"_s), qPrintable(w.method + u' ' + w.text));
    }
    for (const SlackWrite &w : writes(beforeLeavingCritical)) {
        if (w.channel == Critical)
            QVERIFY2(!w.text.contains(u"SECRET"_s), qPrintable(w.method + u' ' + w.text));
    }
    QCOMPARE(h->cards(Broad).size(), 1);
    QCOMPARE(h->cards(RedRoom).size(), 1);
    QCOMPARE(h->cards(Critical).size(), 1);
    QCOMPARE(h->journal().counts().failed, 0);
    QCOMPARE(h->journal().cards(caseId).size(), 3);
}

void TestOpsec::restrictedCaseIsNeverShownInFull()
{
    h = std::make_unique<BridgeHarness>(u"5.5.3"_s);
    h->slack.addUser(Alice.slackId, Alice.name, Alice.email);
    h->hive.addUser(Alice.email, u"Alice"_s, Alice.email);
    h->start(); // the broad channel has no ceiling at all
    QVERIFY(createCase({{u"title"_s, u"SECRET-private investigation"_s}, {u"tlp"_s, 0}}));
    const FakeSlack::PostedMessage drawn = cardIn(Broad);
    QVERIFY(drawn.text.contains(u"SECRET-private"_s));

    // Restricted to Alice and the bridge's account: TheHive still shows it to HiveSlack, and
    // HiveSlack withholds it.
    QVERIFY(h->hive.setCaseAccess(caseId, {Alice.email, h->hive.apiUserLogin()}));
    QVERIFY(hiveChanges({}));
    QVERIFY(!cardIn(Broad).text.contains(u"SECRET"_s));
    QVERIFY(click(drawn, u"hs_add_task"_s));
    QVERIFY(h->slack.requests(u"/api/views.open"_s).isEmpty());

    // Restricted to Alice alone: TheHive answers 404 to HiveSlack; the card stays withheld.
    QVERIFY(h->hive.setCaseAccess(caseId, {Alice.email}));
    QVERIFY(hiveChanges({}));
    QVERIFY(!cardIn(Broad).text.contains(u"SECRET"_s));

    // A route that allows restricted cases shows it again (read as the bridge's account).
    h->config.defaultAllowRestricted = true;
    h->start();
    QVERIFY(h->hive.setCaseAccess(caseId, {Alice.email, h->hive.apiUserLogin()}));
    QVERIFY(hiveChanges({}));
    QVERIFY(cardIn(Broad).text.contains(u"SECRET-private"_s));
    for (const SlackWrite &w : writes()) {
        if (w.method == u"views.open"_s)
            QFAIL(qPrintable(w.text));
    }
}

QTEST_MAIN(TestOpsec)
#include "tst_opsec.moc"
