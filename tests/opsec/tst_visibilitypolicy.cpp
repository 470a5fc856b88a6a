// The visibility decision and everything made through it, over every kind of message, every
// TLP of both numberings, every ceiling and both "redact" and "drop": nothing a channel may not
// see ever ends up in a message for it.
#include "opsec/visibilitypolicy.h"

#include "core/hivevocabulary.h"
#include "journal/journaltypes.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Bridge;
using namespace Qt::StringLiterals;

namespace {

const QString Broad = u"C0BROAD"_s;
const QString Restricted = u"C0RED"_s;
const QString Elsewhere = u"C0ELSEWHERE"_s;

/// Every text field carries a canary: a message that may not show the case must hold none.
CaseRecord canaryCase(int tlp)
{
    CaseRecord c;
    c.id = u"~4096"_s;
    c.number = 77;
    c.title = u"CANARY title"_s;
    c.description = u"CANARY description"_s;
    c.severity = 3;
    c.tlp = tlp;
    c.pap = 2;
    c.status = u"InProgress"_s;
    c.stage = u"InProgress"_s;
    c.assignee = u"canary.assignee@soc.example"_s;
    c.tags = {u"CANARY-tag"_s};
    c.organisation = u"CANARY-org"_s;
    c.summary = u"CANARY summary"_s;
    c.taskCount = 2;
    return c;
}

CaseRecord earlierState(const CaseRecord &now)
{
    CaseRecord before = now;
    before.title = u"CANARY old title"_s;
    before.description = u"CANARY old description"_s;
    before.tags = {u"CANARY-old-tag"_s};
    before.severity = 2;
    before.assignee = u"canary.old@soc.example"_s;
    return before;
}

CardOptions options(const HiveVersion &v)
{
    CardOptions o;
    o.version = v;
    o.caseUrl = QUrl(u"https://hive.example/cases/~4096/details"_s);
    o.assigneeSlackUserId = u"U0CANARY"_s;
    return o;
}

QString text(const SlackMessage &m)
{
    return QString::fromUtf8(QJsonDocument(m.json()).toJson(QJsonDocument::Compact));
}

bool hasActions(const SlackMessage &m)
{
    for (const QJsonValue &b : m.json().value(u"blocks"_s).toArray()) {
        if (b.toObject().value(u"type"_s).toString() == u"actions"_s)
            return true;
    }
    return false;
}

/// Every message a channel can get about a case, as CaseView makes them.
QList<SlackMessage> everyMessage(const CaseView &view, const HiveVersion &v)
{
    QList<SlackMessage> all{view.card(options(v))};
    CardOptions noControls = options(v);
    noControls.controls = false;
    all.append(view.card(noControls));
    const CaseRecord whole = canaryCase(view.shown().tlp);
    for (const auto &m : {view.changeNote(u"someone"_s, earlierState(whole), true, v),
                          view.contentNote(u"<@U1> added task “CANARY task”"_s),
                          view.closeCaseModal(v, u"{}"_s), view.addTaskModal(v, u"{}"_s)}) {
        if (m)
            all.append(*m);
    }
    all.append(SlackMessage::notice(view.channel(), view.refusal()));
    return all;
}

BridgeConfig broadWithCeiling(int ceiling, AboveCeiling above)
{
    BridgeConfig config;
    config.defaultChannel = Broad;
    config.defaultTlpCeiling = ceiling;
    config.defaultAboveCeiling = above;
    return config;
}

int highestTlp(const HiveVersion &v)
{
    return int(Vocabulary::tlps(v).size()) - 1;
}

AlertRecord canaryAlert(int tlp)
{
    AlertRecord a;
    a.id = u"~8192"_s;
    a.title = u"CANARY alert title"_s;
    a.description = u"CANARY alert description"_s;
    a.source = u"splunk"_s;
    a.type = u"CANARY-type"_s;
    a.sourceRef = u"CANARY-ref"_s;
    a.tags = {u"CANARY-tag"_s};
    a.severity = 3;
    a.tlp = tlp;
    a.status = u"New"_s;
    a.stage = u"New"_s;
    return a;
}

} // namespace

class TestVisibilityPolicy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyMessageObeysTheCeiling_data();
    void everyMessageObeysTheCeiling();
    void channelsTheCaseLeftNeverSeeItInFull_data();
    void channelsTheCaseLeftNeverSeeItInFull();
    void escalationAndDeEscalation();
    void restrictedCasesNeedARouteThatAllowsThem();
    void papCeilingWhenARouteAsks();
    void unreadableCasesAreWithheldEverywhere();
    void redactedNotesNameFieldsOnly();
    void sampleUsesTheChannelsStrictestCeiling();
    void summonedCardsFollowTheirChannelsOwnCeiling();
    void alertsFollowTheirRouteAndItsCeiling_data();
    void alertsFollowTheirRouteAndItsCeiling();
};

void TestVisibilityPolicy::everyMessageObeysTheCeiling_data()
{
    QTest::addColumn<HiveVersion>("version");
    QTest::addColumn<int>("tlp");
    QTest::addColumn<int>("ceiling");
    QTest::addColumn<bool>("drop");
    for (const HiveVersion v : {HiveVersion{5, 2}, HiveVersion{4, 1}}) {
        for (int tlp = 0; tlp <= highestTlp(v); ++tlp) {
            for (int ceiling = -1; ceiling <= highestTlp(v); ++ceiling) {
                for (const bool drop : {false, true}) {
                    QTest::addRow("TheHive %s TLP %d ceiling %d %s", qPrintable(v.toString()), tlp,
                                  ceiling, drop ? "drop" : "redact")
                        << v << tlp << ceiling << drop;
                }
            }
        }
    }
}

void TestVisibilityPolicy::everyMessageObeysTheCeiling()
{
    QFETCH(HiveVersion, version);
    QFETCH(int, tlp);
    QFETCH(int, ceiling);
    QFETCH(bool, drop);
    const BridgeConfig config =
        broadWithCeiling(ceiling, drop ? AboveCeiling::Drop : AboveCeiling::Redact);
    const CaseView view = VisibilityPolicy(config).decide(canaryCase(tlp), Broad);
    const bool allowed = ceiling < 0 || tlp <= ceiling;

    QCOMPARE(view.channel(), Broad);
    QCOMPARE(view.isFull(), allowed);
    if (!allowed) {
        QCOMPARE(view.visibility(), drop ? Visibility::Hidden : Visibility::Redacted);
        QCOMPARE(view.withheld(), Withheld::AboveTlpCeiling);
    }
    const QList<SlackMessage> messages = everyMessage(view, version);
    for (const SlackMessage &m : messages) {
        QCOMPARE(m.channel(), Broad); // bound to the channel it was decided for
        if (!allowed) {
            QVERIFY2(!text(m).contains(u"CANARY"_s, Qt::CaseInsensitive), qPrintable(text(m)));
            QVERIFY2(!text(m).contains(u"U0CANARY"_s), qPrintable(text(m)));
            QVERIFY(!hasActions(m));
        }
    }
    if (allowed) {
        // The same messages do carry the case where it may be shown: the check above can fail.
        QVERIFY(text(messages.first()).contains(u"CANARY title"_s));
        QVERIFY(hasActions(messages.first()));
        QCOMPARE(messages.size(), 7);
        return;
    }
    // Where the case may not be shown, no form opens and no content note is made.
    QVERIFY(!view.closeCaseModal(version, {}));
    QVERIFY(!view.addTaskModal(version, {}));
    QVERIFY(!view.contentNote(u"x"_s));
    QVERIFY(!view.refusal().isEmpty());
    QCOMPARE(view.shownName(), drop ? QString(CardShown::Hidden) : QString(CardShown::Redacted));
}

void TestVisibilityPolicy::channelsTheCaseLeftNeverSeeItInFull_data()
{
    QTest::addColumn<bool>("elsewhereDrops");
    QTest::newRow("no rule names the old channel") << false;
    QTest::newRow("a rule drops in the old channel") << true;
}

void TestVisibilityPolicy::channelsTheCaseLeftNeverSeeItInFull()
{
    QFETCH(bool, elsewhereDrops);
    BridgeConfig config = broadWithCeiling(-1, AboveCeiling::Redact); // no ceiling at all
    if (elsewhereDrops) {
        RouteRule other;
        other.name = u"never matches"_s;
        other.organisations = {u"nobody"_s};
        other.channel = Elsewhere;
        other.aboveCeiling = AboveCeiling::Drop;
        config.routes = {other};
    }
    const VisibilityPolicy policy(config);
    const CaseView view = policy.decide(canaryCase(1), Elsewhere);
    QCOMPARE(view.withheld(), Withheld::Rerouted);
    QCOMPARE(view.visibility(), elsewhereDrops ? Visibility::Hidden : Visibility::Redacted);
    for (const SlackMessage &m : everyMessage(view, {5, 2}))
        QVERIFY2(!text(m).contains(u"CANARY"_s, Qt::CaseInsensitive), qPrintable(text(m)));
    QVERIFY(policy.decide(canaryCase(1), Broad).isFull());
}

void TestVisibilityPolicy::escalationAndDeEscalation()
{
    // The example's shape: a broad channel up to GREEN, TLP:RED cases to a restricted room.
    BridgeConfig config = broadWithCeiling(1, AboveCeiling::Redact);
    RouteRule red;
    red.name = u"red"_s;
    red.tlps = {4};
    red.channel = Restricted;
    config.routes = {red};
    const VisibilityPolicy policy(config);
    struct Step
    {
        int tlp;
        Visibility broad;
        Visibility restricted;
        QString home;
    };
    const QList<Step> steps = {
        {1, Visibility::Full, Visibility::Redacted, Broad},
        {2, Visibility::Redacted, Visibility::Redacted, Broad},  // above GREEN: redacted
        {4, Visibility::Redacted, Visibility::Full, Restricted}, // escalated to the room
        {3, Visibility::Redacted, Visibility::Redacted, Broad},  // AMBER+STRICT: back, redacted
        {0, Visibility::Full, Visibility::Redacted, Broad},      // back under the ceiling
        {4, Visibility::Redacted, Visibility::Full, Restricted},
    };
    for (const Step &step : steps) {
        const CaseRecord c = canaryCase(step.tlp);
        QCOMPARE(policy.homeChannel(c), step.home);
        QCOMPARE(policy.decide(c, Broad).visibility(), step.broad);
        QCOMPARE(policy.decide(c, Restricted).visibility(), step.restricted);
    }
}

void TestVisibilityPolicy::restrictedCasesNeedARouteThatAllowsThem()
{
    BridgeConfig config = broadWithCeiling(-1, AboveCeiling::Redact);
    CaseRecord c = canaryCase(0);
    c.restricted = true;
    CaseView view = VisibilityPolicy(config).decide(c, Broad);
    QCOMPARE(view.withheld(), Withheld::Restricted);
    QCOMPARE(view.visibility(), Visibility::Redacted);
    for (const SlackMessage &m : everyMessage(view, {5, 5}))
        QVERIFY2(!text(m).contains(u"CANARY"_s, Qt::CaseInsensitive), qPrintable(text(m)));
    config.defaultAllowRestricted = true;
    QVERIFY(VisibilityPolicy(config).decide(c, Broad).isFull());
    config.defaultTlpCeiling = 0; // allowing restricted cases does not lift the ceiling
    c.tlp = 1;
    QCOMPARE(VisibilityPolicy(config).decide(c, Broad).withheld(), Withheld::AboveTlpCeiling);
}

void TestVisibilityPolicy::papCeilingWhenARouteAsks()
{
    BridgeConfig config = broadWithCeiling(-1, AboveCeiling::Drop);
    CaseRecord c = canaryCase(0);
    c.pap = 3;
    QVERIFY(VisibilityPolicy(config).decide(c, Broad).isFull()); // PAP ignored unless asked
    config.defaultPapCeiling = 2;
    const CaseView view = VisibilityPolicy(config).decide(c, Broad);
    QCOMPARE(view.withheld(), Withheld::AbovePapCeiling);
    QCOMPARE(view.visibility(), Visibility::Hidden);
    c.pap = 2;
    QVERIFY(VisibilityPolicy(config).decide(c, Broad).isFull());
}

void TestVisibilityPolicy::unreadableCasesAreWithheldEverywhere()
{
    const VisibilityPolicy policy(broadWithCeiling(-1, AboveCeiling::Redact));
    const CaseView view = policy.unreadable(canaryCase(0), Broad);
    QCOMPARE(view.withheld(), Withheld::Unreadable);
    QVERIFY(!view.isFull());
    for (const SlackMessage &m : everyMessage(view, {5, 2}))
        QVERIFY2(!text(m).contains(u"CANARY"_s, Qt::CaseInsensitive), qPrintable(text(m)));
}

void TestVisibilityPolicy::redactedNotesNameFieldsOnly()
{
    const VisibilityPolicy policy(broadWithCeiling(1, AboveCeiling::Redact));
    const CaseRecord now = canaryCase(2);
    const std::optional<SlackMessage> note =
        policy.decide(now, Broad).changeNote(u"bob"_s, earlierState(now), true, {5, 2});
    QVERIFY(note);
    QCOMPARE(note->json().value(u"text"_s).toString(),
             u"bob: severity changed, assignee changed, title changed, tags changed, "
             "description changed"_s);
    // Under the ceiling the same change is told with its values.
    const CaseRecord green = canaryCase(1);
    const std::optional<SlackMessage> full =
        policy.decide(green, Broad).changeNote(u"bob"_s, earlierState(green), true, {5, 2});
    QVERIFY(full);
    QVERIFY2(text(*full).contains(u"CANARY title"_s), qPrintable(text(*full)));
    // A card coming back from redaction names the fields only: the old values were set while
    // this channel could not see them.
    const std::optional<SlackMessage> back =
        policy.decide(green, Broad).changeNote(u"bob"_s, earlierState(green), false, {5, 2});
    QVERIFY(back);
    QVERIFY2(!text(*back).contains(u"CANARY"_s), qPrintable(text(*back)));
    // Nothing changed, nothing to note; hidden cards get no notes at all.
    QVERIFY(!policy.decide(now, Broad).changeNote(u"bob"_s, now, true, {5, 2}));
    const VisibilityPolicy dropping(broadWithCeiling(1, AboveCeiling::Drop));
    QVERIFY(!dropping.decide(now, Broad).changeNote(u"bob"_s, earlierState(now), true, {5, 2}));
}

void TestVisibilityPolicy::sampleUsesTheChannelsStrictestCeiling()
{
    BridgeConfig config = broadWithCeiling(2, AboveCeiling::Redact);
    RouteRule strict;
    strict.name = u"strict"_s;
    strict.tags = {u"x"_s};
    strict.channel = Broad;
    strict.tlpCeiling = 0;
    config.routes = {strict};
    const VisibilityPolicy policy(config);
    QCOMPARE(policy.sample(canaryCase(1), Broad).withheld(), Withheld::AboveTlpCeiling);
    QVERIFY(policy.sample(canaryCase(0), Broad).isFull());
    QVERIFY(policy.sample(canaryCase(4), Elsewhere).isFull()); // a channel no rule names
}

void TestVisibilityPolicy::summonedCardsFollowTheirChannelsOwnCeiling()
{
    // Broad takes up to TLP:AMBER, redacting above; the red room takes everything, restricted
    // cases too; red cases go there.
    BridgeConfig config = broadWithCeiling(2, AboveCeiling::Redact);
    RouteRule red;
    red.name = u"red"_s;
    red.tlps = {4};
    red.channel = Restricted;
    red.allowRestricted = true;
    config.routes = {red};
    const VisibilityPolicy policy(config);
    const HiveVersion v{5, 2};

    // A red case asked for in the broad channel is not shown there, whatever asked for it.
    const CaseView redInBroad = policy.decide(canaryCase(4), Broad, Placement::Summoned);
    QCOMPARE(redInBroad.visibility(), Visibility::Redacted);
    QCOMPARE(redInBroad.withheld(), Withheld::AboveTlpCeiling);
    for (const SlackMessage &m : everyMessage(redInBroad, v))
        QVERIFY2(!text(m).contains(u"CANARY"_s), qPrintable(text(m)));
    // An amber case asked for in the red room is shown in full: not its route, but within the
    // room's own ceiling (where, routed, it would be redacted as a case that left).
    QVERIFY(policy.decide(canaryCase(2), Restricted, Placement::Summoned).isFull());
    QCOMPARE(policy.decide(canaryCase(2), Restricted).withheld(), Withheld::Rerouted);
    // A channel no rule names is held to the default channel's ceiling.
    QVERIFY(policy.decide(canaryCase(2), Elsewhere, Placement::Summoned).isFull());
    const CaseView amberStrictElsewhere =
        policy.decide(canaryCase(3), Elsewhere, Placement::Summoned);
    QCOMPARE(amberStrictElsewhere.withheld(), Withheld::AboveTlpCeiling);
    QVERIFY(!text(amberStrictElsewhere.card(options(v))).contains(u"CANARY"_s));
    CaseRecord restricted = canaryCase(1);
    restricted.restricted = true;
    QCOMPARE(policy.decide(restricted, Elsewhere, Placement::Summoned).withheld(),
             Withheld::Restricted);
    // Summoned into the case's own channel, the card is the routed one.
    QCOMPARE(policy.decide(canaryCase(3), Broad, Placement::Summoned).withheld(),
             policy.decide(canaryCase(3), Broad).withheld());
}

void TestVisibilityPolicy::alertsFollowTheirRouteAndItsCeiling_data()
{
    QTest::addColumn<int>("tlp");
    QTest::addColumn<bool>("drop");
    QTest::addColumn<QString>("channel");
    QTest::addColumn<int>("expected"); // Visibility
    for (const bool drop : {false, true}) {
        const int above = int(drop ? Visibility::Hidden : Visibility::Redacted);
        QTest::addRow("under the ceiling, %s", drop ? "drop" : "redact")
            << 2 << drop << Restricted << int(Visibility::Full);
        QTest::addRow("above the ceiling, %s", drop ? "drop" : "redact")
            << 4 << drop << Restricted << above;
        QTest::addRow("a channel the route does not name, %s", drop ? "drop" : "redact")
            << 1 << drop << Broad << int(Visibility::Redacted);
    }
}

void TestVisibilityPolicy::alertsFollowTheirRouteAndItsCeiling()
{
    QFETCH(int, tlp);
    QFETCH(bool, drop);
    QFETCH(QString, channel);
    QFETCH(int, expected);
    BridgeConfig config = broadWithCeiling(-1, AboveCeiling::Redact);
    RouteRule alerts;
    alerts.kind = RouteKind::Alert;
    alerts.sources = {u"splunk"_s};
    alerts.channel = Restricted;
    alerts.tlpCeiling = 2;
    alerts.aboveCeiling = drop ? AboveCeiling::Drop : AboveCeiling::Redact;
    config.routes = {alerts};
    const VisibilityPolicy policy(config);
    const AlertView view = policy.decide(canaryAlert(tlp), channel);
    QCOMPARE(int(view.visibility()), expected);

    AlertCardOptions o;
    o.version = HiveVersion{5, 2};
    o.alertUrl = QUrl(u"https://hive.example/alerts/~8192/details"_s);
    o.outcome = u"CANARY outcome"_s;
    QList<SlackMessage> all{view.card(o)};
    for (const auto &m : {view.form(QJsonObject{{u"title"_s, u"CANARY form"_s}}),
                          view.contentNote(u"CANARY note"_s)}) {
        if (m)
            all.append(*m);
    }
    all.append(SlackMessage::notice(view.channel(), view.refusal()));
    for (const SlackMessage &m : all) {
        QCOMPARE(m.channel(), channel);
        if (!view.isFull()) {
            QVERIFY2(!text(m).contains(u"CANARY"_s), qPrintable(text(m)));
            QVERIFY(!hasActions(m));
        }
    }
    QCOMPARE(hasActions(all.first()), view.isFull());
    if (view.isFull())
        QVERIFY(text(all.first()).contains(u"CANARY alert title"_s));
}

QTEST_APPLESS_MAIN(TestVisibilityPolicy)
#include "tst_visibilitypolicy.moc"
