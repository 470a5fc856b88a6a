#include "core/hivevocabulary.h"
#include "slack/cardrenderer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace Bridge;

namespace {

const QString CaseId = QStringLiteral("~41025656");

CaseRecord sampleCase()
{
    CaseRecord c;
    c.id = CaseId;
    c.number = 42;
    c.title = QStringLiteral("Phishing wave against finance");
    c.description =
        QStringLiteral("## Scope\n**Three** mailboxes hit, see [ticket](https://t.example/1).");
    c.severity = 3;
    c.tlp = 2;
    c.pap = 2;
    c.status = QStringLiteral("New");
    c.stage = QStringLiteral("New");
    c.assignee = QStringLiteral("alice@soc.example");
    c.tags = {QStringLiteral("phishing"), QStringLiteral("finance")};
    c.createdAt = 1700000000000;
    c.organisation = QStringLiteral("SOC");
    c.taskCount = 3;
    return c;
}

CardOptions sampleOptions(HiveVersion v = {5, 2})
{
    CardOptions o;
    o.version = v;
    o.caseUrl = QUrl(QStringLiteral("https://hive.example/cases/~41025656/details"));
    o.assigneeSlackUserId = QStringLiteral("U0ALICE");
    return o;
}

int textLength(const QJsonValue &value)
{
    int total = 0;
    if (value.isArray()) {
        for (const QJsonValue &v : value.toArray())
            total += textLength(v);
    } else if (value.isObject()) {
        const QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (it.key() == u"text" && it.value().isString())
                total += int(it.value().toString().size());
            else
                total += textLength(it.value());
        }
    }
    return total;
}

QString textOf(const QJsonValue &textObject)
{
    return textObject.toObject().value(u"text").toString();
}

/// Checks a plain_text object and its length limit; reports through QVERIFY.
bool checkPlain(const QJsonValue &v, int max, const char *what)
{
    const QJsonObject o = v.toObject();
    const QString text = o.value(u"text").toString();
    if (o.value(u"type").toString() != u"plain_text" || text.isEmpty() || text.size() > max) {
        qWarning("%s: bad plain_text (%d chars, max %d)", what, int(text.size()), max);
        return false;
    }
    return true;
}

bool checkOption(const QJsonValue &v)
{
    const QString value = v.toObject().value(u"value").toString();
    return checkPlain(v.toObject().value(u"text"), 75, "option text") && !value.isEmpty() &&
           value.size() <= 75;
}

bool checkElement(const QJsonObject &e)
{
    const QString type = e.value(u"type").toString();
    if (e.value(u"action_id").toString().isEmpty() || e.value(u"action_id").toString().size() > 255)
        return false;
    if (type == u"button") {
        if (!checkPlain(e.value(u"text"), 75, "button text"))
            return false;
        if (e.value(u"value").toString().size() > 2000 || e.value(u"url").toString().size() > 3000)
            return false;
        if (e.contains(u"style") && e.value(u"style").toString() != u"primary" &&
            e.value(u"style").toString() != u"danger")
            return false;
        if (e.contains(u"confirm")) {
            const QJsonObject c = e.value(u"confirm").toObject();
            return checkPlain(c.value(u"title"), 100, "confirm title") &&
                   checkPlain(c.value(u"text"), 300, "confirm text") &&
                   checkPlain(c.value(u"confirm"), 30, "confirm button") &&
                   checkPlain(c.value(u"deny"), 30, "deny button");
        }
        return true;
    }
    if (type == u"static_select") {
        const QJsonArray options = e.value(u"options").toArray();
        if (options.isEmpty() || options.size() > 100 ||
            !checkPlain(e.value(u"placeholder"), 150, "placeholder"))
            return false;
        for (const QJsonValue &opt : options) {
            if (!checkOption(opt))
                return false;
        }
        // Slack rejects an initial_option that is not one of the options.
        return !e.contains(u"initial_option") || options.contains(e.value(u"initial_option"));
    }
    if (type == u"users_select")
        return checkPlain(e.value(u"placeholder"), 150, "placeholder");
    qWarning("unexpected element type %s", qPrintable(type));
    return false;
}

/// Every Block Kit limit of shared/docs/slack-api.md §4 that a message can hit.
bool withinLimits(const QJsonObject &card)
{
    const QString fallback = card.value(u"text").toString();
    if (fallback.isEmpty() || fallback.size() > 4000)
        return false;
    const QJsonArray blocks = card.value(u"blocks").toArray();
    if (blocks.isEmpty() || blocks.size() > 50 || textLength(blocks) > 11000)
        return false;
    QSet<QString> blockIds;
    for (const QJsonValue &bv : blocks) {
        const QJsonObject b = bv.toObject();
        const QString blockId = b.value(u"block_id").toString();
        if (blockId.isEmpty() || blockId.size() > 255 || blockIds.contains(blockId))
            return false;
        blockIds.insert(blockId);
        const QString type = b.value(u"type").toString();
        if (type == u"header") {
            if (!checkPlain(b.value(u"text"), 150, "header"))
                return false;
        } else if (type == u"section") {
            const QString text = textOf(b.value(u"text"));
            const QJsonArray fields = b.value(u"fields").toArray();
            if (text.size() > 3000 || (text.isEmpty() && fields.isEmpty()) || fields.size() > 10)
                return false;
            for (const QJsonValue &f : fields) {
                if (textOf(f).isEmpty() || textOf(f).size() > 2000)
                    return false;
            }
        } else if (type == u"context") {
            const QJsonArray elements = b.value(u"elements").toArray();
            if (elements.isEmpty() || elements.size() > 10)
                return false;
            for (const QJsonValue &e : elements) {
                if (textOf(e).isEmpty() || textOf(e).size() > 3000)
                    return false;
            }
        } else if (type == u"actions") {
            const QJsonArray elements = b.value(u"elements").toArray();
            if (elements.isEmpty() || elements.size() > 25)
                return false;
            for (const QJsonValue &e : elements) {
                if (!checkElement(e.toObject()))
                    return false;
            }
        } else {
            qWarning("unexpected block type %s", qPrintable(type));
            return false;
        }
    }
    return true;
}

QJsonObject blockOf(const QJsonObject &card, const QString &part)
{
    for (const QJsonValue &b : card.value(u"blocks").toArray()) {
        if (b.toObject()
                .value(u"block_id")
                .toString()
                .startsWith(QStringLiteral("hs:") + part + u':'))
            return b.toObject();
    }
    return {};
}

QJsonObject elementOf(const QJsonObject &card, const QString &actionId)
{
    for (const QJsonValue &b : card.value(u"blocks").toArray()) {
        for (const QJsonValue &e : b.toObject().value(u"elements").toArray()) {
            if (e.toObject().value(u"action_id").toString() == actionId)
                return e.toObject();
        }
    }
    return {};
}

QStringList actionIds(const QJsonObject &card)
{
    QStringList ids;
    for (const QJsonValue &b : card.value(u"blocks").toArray()) {
        for (const QJsonValue &e : b.toObject().value(u"elements").toArray()) {
            const QString id = e.toObject().value(u"action_id").toString();
            if (!id.isEmpty())
                ids.append(id);
        }
    }
    return ids;
}

QStringList fieldTexts(const QJsonObject &block)
{
    QStringList texts;
    for (const QJsonValue &f : block.value(u"fields").toArray())
        texts.append(textOf(f));
    return texts;
}

QString dump(const QJsonObject &card)
{
    return QString::fromUtf8(QJsonDocument(card).toJson(QJsonDocument::Compact));
}

/// All mrkdwn strings of the card: the fallback and every mrkdwn text object.
QStringList mrkdwnTexts(const QJsonValue &value)
{
    QStringList out;
    if (value.isArray()) {
        for (const QJsonValue &v : value.toArray())
            out += mrkdwnTexts(v);
    } else if (value.isObject()) {
        const QJsonObject o = value.toObject();
        if (o.value(u"type").toString() == u"mrkdwn")
            out.append(o.value(u"text").toString());
        for (const QJsonValue &v : o)
            out += mrkdwnTexts(v);
    }
    return out;
}

bool hasBrokenSurrogate(const QString &s)
{
    for (qsizetype i = 0; i < s.size(); ++i) {
        if (s.at(i).isHighSurrogate() && (i + 1 >= s.size() || !s.at(i + 1).isLowSurrogate()))
            return true;
        if (s.at(i).isLowSurrogate() && (i == 0 || !s.at(i - 1).isHighSurrogate()))
            return true;
    }
    return false;
}

} // namespace

class TestCardRenderer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void openCardContent()
    {
        const QJsonObject card = renderCaseCard(sampleCase(), sampleOptions());
        QVERIFY(withinLimits(card));
        QCOMPARE(textOf(blockOf(card, QStringLiteral("header")).value(u"text")),
                 QStringLiteral("#42 Phishing wave against finance"));

        const QStringList facts = fieldTexts(blockOf(card, QStringLiteral("facts")));
        const HiveVersion v{5, 2};
        const VocabEntry high = Vocabulary::severity(3);
        const VocabEntry amber = Vocabulary::tlp(2, v);
        QVERIFY(facts.contains(QStringLiteral("*Severity*\n") + high.emoji + u' ' + high.label));
        QVERIFY(facts.contains(QStringLiteral("*TLP*\n") + amber.emoji + u' ' + amber.label));
        QVERIFY(facts.contains(QStringLiteral("*Status*\n:new: New")));
        QVERIFY(facts.contains(QStringLiteral("*PAP*\n:large_orange_circle: PAP:AMBER")));
        QVERIFY(facts.contains(QStringLiteral("*Assignee*\n<@U0ALICE>")));
        QVERIFY(facts.contains(QStringLiteral(
            "*Created*\n<!date^1700000000^{date_short_pretty} {time}|2023-11-14T22:13:20Z>")));
        QVERIFY(facts.contains(QStringLiteral("*Organisation*\nSOC")));
        QVERIFY(facts.contains(QStringLiteral("*Tasks*\n3")));

        QCOMPARE(textOf(blockOf(card, QStringLiteral("tags")).value(u"elements").toArray().first()),
                 QStringLiteral(":label: phishing, finance"));
        const QJsonObject description = blockOf(card, QStringLiteral("description"));
        QCOMPARE(
            textOf(description.value(u"text")),
            QStringLiteral("*Scope*\n*Three* mailboxes hit, see <https://t.example/1|ticket>."));
        QCOMPARE(description.value(u"text").toObject().value(u"verbatim"), QJsonValue(true));

        QCOMPARE(actionIds(card),
                 (QStringList{QStringLiteral("hs_status"), QStringLiteral("hs_severity"),
                              QStringLiteral("hs_tlp"), QStringLiteral("hs_pap"),
                              QStringLiteral("hs_assignee"), QStringLiteral("hs_assign_me"),
                              QStringLiteral("hs_add_task"), QStringLiteral("hs_close"),
                              QStringLiteral("hs_open_case")}));
        QVERIFY(card.value(u"text").toString().startsWith(u"#42 Phishing wave against finance"));
        QVERIFY(!dump(card).contains(u"\"image"));
    }

    void selectsStartAtCurrentValues()
    {
        CaseRecord c = sampleCase();
        c.status = QStringLiteral("InProgress");
        c.stage = QStringLiteral("InProgress");
        c.severity = 4;
        c.tlp = 3;
        c.pap = 1;
        const QJsonObject card = renderCaseCard(c, sampleOptions());
        auto initial = [&](const QString &id) {
            return elementOf(card, id)
                .value(u"initial_option")
                .toObject()
                .value(u"value")
                .toString();
        };
        QCOMPARE(initial(QStringLiteral("hs_status")), QStringLiteral("InProgress"));
        QCOMPARE(initial(QStringLiteral("hs_severity")), QStringLiteral("4"));
        QCOMPARE(initial(QStringLiteral("hs_tlp")), QStringLiteral("3"));
        QCOMPARE(initial(QStringLiteral("hs_pap")), QStringLiteral("1"));
        QCOMPARE(elementOf(card, QStringLiteral("hs_assignee")).value(u"initial_user").toString(),
                 QStringLiteral("U0ALICE"));
        QCOMPARE(elementOf(card, QStringLiteral("hs_severity")).value(u"options").toArray().size(),
                 4);
        QCOMPARE(elementOf(card, QStringLiteral("hs_status")).value(u"options").toArray().size(),
                 Vocabulary::statuses({5, 2}).size());
    }

    void idsRoundTrip()
    {
        const CaseRecord c = sampleCase();
        const QJsonObject card = renderCaseCard(c, sampleOptions());
        static const QRegularExpression shape(QStringLiteral("^hs:[a-z]+:~41025656:[0-9a-f]{8}$"));
        QSet<QString> revs;
        for (const QJsonValue &bv : card.value(u"blocks").toArray()) {
            const QJsonObject b = bv.toObject();
            const QString blockId = b.value(u"block_id").toString();
            QVERIFY2(shape.match(blockId).hasMatch(), qPrintable(blockId));
            QCOMPARE(caseIdFromBlockId(blockId), std::optional<QString>(CaseId));
            revs.insert(blockId.section(u':', -1));
            for (const QJsonValue &e : b.value(u"elements").toArray()) {
                const QJsonObject element = e.toObject();
                if (b.value(u"type").toString() != u"actions")
                    continue; // context elements are text
                const std::optional<CardAction> action =
                    cardActionFrom(element.value(u"action_id").toString(), blockId);
                QVERIFY(action.has_value());
                QCOMPARE(action->caseId, CaseId);
                if (element.value(u"type").toString() == u"button")
                    QCOMPARE(element.value(u"value").toString(), CaseId);
            }
        }
        QCOMPARE(revs.size(), 1);

        // Same case, same card; any change gives every block a new id.
        QCOMPARE(renderCaseCard(c, sampleOptions()), card);
        CaseRecord changed = c;
        changed.severity = 1;
        const QJsonObject next = renderCaseCard(changed, sampleOptions());
        QVERIFY(blockOf(next, QStringLiteral("controls")).value(u"block_id") !=
                blockOf(card, QStringLiteral("controls")).value(u"block_id"));
        QVERIFY(blockOf(next, QStringLiteral("header")).value(u"block_id") !=
                blockOf(card, QStringLiteral("header")).value(u"block_id"));
    }

    void caseIdFromBlockIdParses_data()
    {
        QTest::addColumn<QString>("blockId");
        QTest::addColumn<QString>("caseId"); // null = not ours
        QTest::newRow("card id") << QStringLiteral("hs:controls:~123:abcdef01")
                                 << QStringLiteral("~123");
        QTest::newRow("colon in case id")
            << QStringLiteral("hs:facts:a:b:c:0123abcd") << QStringLiteral("a:b:c");
        QTest::newRow("foreign id") << QStringLiteral("=qXel") << QString();
        QTest::newRow("n8n id") << QStringLiteral("actions_case_options") << QString();
        QTest::newRow("prefix only") << QStringLiteral("hs:") << QString();
        QTest::newRow("empty case id") << QStringLiteral("hs:facts::0123abcd") << QString();
        QTest::newRow("empty rev") << QStringLiteral("hs:facts:~1:") << QString();
        QTest::newRow("empty part") << QStringLiteral("hs::~1:0123abcd") << QString();
        QTest::newRow("no rev") << QStringLiteral("hs:facts:~1") << QString();
        QTest::newRow("other prefix") << QStringLiteral("xx:facts:~1:0123abcd") << QString();
        QTest::newRow("empty") << QString() << QString();
    }

    void caseIdFromBlockIdParses()
    {
        QFETCH(QString, blockId);
        QFETCH(QString, caseId);
        const std::optional<QString> parsed = caseIdFromBlockId(blockId);
        if (caseId.isNull())
            QVERIFY(!parsed.has_value());
        else
            QCOMPARE(parsed, std::optional<QString>(caseId));
    }

    void foreignActionsAreNotCardActions()
    {
        QVERIFY(!cardActionFrom(QStringLiteral("close_case"),
                                QStringLiteral("hs:buttons:~1:0123abcd")));
        QVERIFY(
            !cardActionFrom(QStringLiteral("hs_close"), QStringLiteral("actions_case_options")));
        QCOMPARE(
            cardActionFrom(QStringLiteral("hs_close"), QStringLiteral("hs:buttons:~1:0123abcd")),
            std::optional<CardAction>(
                CardAction{QStringLiteral("hs_close"), QStringLiteral("~1")}));
    }

    void closeButtonIsGuarded()
    {
        const QJsonObject close =
            elementOf(renderCaseCard(sampleCase(), sampleOptions()), QStringLiteral("hs_close"));
        QCOMPARE(close.value(u"style").toString(), QStringLiteral("danger"));
        const QJsonObject confirm = close.value(u"confirm").toObject();
        QCOMPARE(textOf(confirm.value(u"title")), QStringLiteral("Close case #42?"));
        QVERIFY(textOf(confirm.value(u"text")).contains(u"Phishing wave against finance"));
        QVERIFY(!textOf(confirm.value(u"confirm")).isEmpty());
        QVERIFY(!textOf(confirm.value(u"deny")).isEmpty());
    }

    void extremeCasesStayWithinLimits_data()
    {
        QTest::addColumn<CaseRecord>("record");
        QTest::addColumn<HiveVersion>("version");

        const CaseRecord base = sampleCase();
        CaseRecord longDescription = base;
        longDescription.description =
            QStringLiteral("Lorem **ipsum** <dolor> & [sit](https://a.example) ")
                .repeated(1000)
                .left(50000);
        QTest::newRow("50,000-char description") << longDescription << HiveVersion{5, 2};

        CaseRecord manyTags = base;
        manyTags.tags.clear();
        for (int i = 0; i < 300; ++i)
            manyTags.tags.append(QStringLiteral("tag-%1-<&>").arg(i));
        QTest::newRow("300 tags") << manyTags << HiveVersion{5, 2};

        CaseRecord emoji = base;
        emoji.title = QStringLiteral("\U0001F525\U0001F6A8").repeated(200);
        emoji.description = QStringLiteral("\U0001F600").repeated(5000);
        emoji.tags = {QStringLiteral("\U0001F41F").repeated(300)};
        QTest::newRow("emoji everywhere") << emoji << HiveVersion{5, 2};

        CaseRecord rtl = base;
        rtl.title = QStringLiteral(
            "\u05D4\u05EA\u05E7\u05E4\u05EA \u05D3\u05D9\u05D5\u05D2 \u0647\u062C\u0648\u0645");
        rtl.description = QStringLiteral("\u202E**\u0645\u0631\u062D\u0628\u0627** abc");
        QTest::newRow("right-to-left") << rtl << HiveVersion{5, 2};

        CaseRecord angles = base;
        angles.title = QStringLiteral("<!channel> A&B <@U123> <https://evil.example|click>");
        QTest::newRow("control characters in title") << angles << HiveVersion{5, 2};

        CaseRecord untitled = base;
        untitled.title.clear();
        untitled.description.clear();
        untitled.tags.clear();
        QTest::newRow("empty title") << untitled << HiveVersion{5, 2};

        CaseRecord custom = base;
        custom.status = QStringLiteral("Containment").repeated(5000);
        QTest::newRow("huge custom status") << custom << HiveVersion{5, 2};

        CaseRecord everything = base;
        everything.title = QString(5000, u'&');
        everything.description = QString(50000, u'>');
        everything.assignee = QString(5000, u'<');
        everything.organisation = QString(5000, u'&');
        everything.summary = QString(50000, u'&');
        everything.resolutionStatus = QString(5000, u'x');
        everything.impactStatus = QString(5000, u'y');
        everything.tags = QStringList(300, QString(500, u'&'));
        everything.status = QStringLiteral("FalsePositive");
        everything.stage = QStringLiteral("Closed");
        QTest::newRow("everything at maximum, closed") << everything << HiveVersion{5, 2};
        everything.status = QStringLiteral("Resolved");
        QTest::newRow("everything at maximum, TheHive 4") << everything << HiveVersion{4, 1};
    }

    void extremeCasesStayWithinLimits()
    {
        QFETCH(CaseRecord, record);
        QFETCH(HiveVersion, version);
        const QJsonObject card = renderCaseCard(record, sampleOptions(version));
        QVERIFY(withinLimits(card));
        const QString header = textOf(blockOf(card, QStringLiteral("header")).value(u"text"));
        QVERIFY(header.startsWith(u"#42 "));
        QVERIFY(!hasBrokenSurrogate(dump(card)));
        QVERIFY(!hasBrokenSurrogate(card.value(u"text").toString()));
        QStringList texts = mrkdwnTexts(card.value(u"blocks"));
        texts.append(card.value(u"text").toString());
        for (const QString &text : std::as_const(texts)) {
            QVERIFY2(!text.contains(u"<!channel") && !text.contains(u"<@U123") &&
                         !text.contains(u"<https://evil"),
                     qPrintable(text.left(200)));
            QVERIFY(!hasBrokenSurrogate(text));
        }
    }

    void longDescriptionIsTruncatedNotDropped()
    {
        CaseRecord c = sampleCase();
        c.description = QString(50000, u'a');
        const QString text =
            textOf(blockOf(renderCaseCard(c, sampleOptions()), QStringLiteral("description"))
                       .value(u"text"));
        QVERIFY(text.size() > 2000);
        QVERIFY(text.size() <= 3000);
        QVERIFY(text.endsWith(u'\u2026'));
    }

    void manyTagsShowCount()
    {
        CaseRecord c = sampleCase();
        c.tags.clear();
        for (int i = 0; i < 300; ++i)
            c.tags.append(QStringLiteral("tag%1").arg(i));
        const QString tags =
            textOf(blockOf(renderCaseCard(c, sampleOptions()), QStringLiteral("tags"))
                       .value(u"elements")
                       .toArray()
                       .first());
        QVERIFY(tags.startsWith(u":label: tag0, tag1"));
        static const QRegularExpression more(QStringLiteral(" \u2026 \\+(\\d+) more$"));
        const QRegularExpressionMatch m = more.match(tags);
        QVERIFY(m.hasMatch());
        const int hidden = m.captured(1).toInt();
        QVERIFY(hidden > 0 && hidden < 300);
        QCOMPARE(tags.count(u','), 300 - hidden - 1);
    }

    void controlCharactersEscaped()
    {
        CaseRecord c = sampleCase();
        c.title = QStringLiteral("<!channel> A&B");
        c.assignee = QStringLiteral("<@U999>");
        c.tags = {QStringLiteral("<!here>")};
        CardOptions o = sampleOptions();
        o.assigneeSlackUserId.clear();
        const QJsonObject card = renderCaseCard(c, o);
        // The header is plain_text: shown literally, never parsed.
        QCOMPARE(textOf(blockOf(card, QStringLiteral("header")).value(u"text")),
                 QStringLiteral("#42 <!channel> A&B"));
        QVERIFY(card.value(u"text").toString().startsWith(u"#42 &lt;!channel&gt; A&amp;B"));
        QVERIFY(fieldTexts(blockOf(card, QStringLiteral("facts")))
                    .contains(QStringLiteral("*Assignee*\n&lt;@U999&gt;")));
        QCOMPARE(textOf(blockOf(card, QStringLiteral("tags")).value(u"elements").toArray().first()),
                 QStringLiteral(":label: &lt;!here&gt;"));
    }

    void emptyTitle()
    {
        CaseRecord c = sampleCase();
        c.title = QStringLiteral("  \n ");
        const QJsonObject card = renderCaseCard(c, sampleOptions());
        QCOMPARE(textOf(blockOf(card, QStringLiteral("header")).value(u"text")),
                 QStringLiteral("#42 (no title)"));
        QVERIFY(!card.value(u"text").toString().isEmpty());
    }

    void longTitleTruncatedInHeader()
    {
        CaseRecord c = sampleCase();
        c.title = QString(149, u'x') + QStringLiteral("\U0001F525\U0001F525");
        const QString header = textOf(
            blockOf(renderCaseCard(c, sampleOptions()), QStringLiteral("header")).value(u"text"));
        QVERIFY(header.size() <= 150);
        QVERIFY(header.endsWith(u'\u2026'));
        QVERIFY(!hasBrokenSurrogate(header));
    }

    void unknownCustomStatus()
    {
        CaseRecord c = sampleCase();
        c.status = QStringLiteral("Containment");
        c.stage = QStringLiteral("InProgress");
        const QJsonObject card = renderCaseCard(c, sampleOptions());
        QVERIFY(withinLimits(card));
        QVERIFY(fieldTexts(blockOf(card, QStringLiteral("facts")))
                    .contains(QStringLiteral("*Status*\n:grey_question: Containment")));
        const QJsonObject select = elementOf(card, QStringLiteral("hs_status"));
        QCOMPARE(select.value(u"initial_option").toObject().value(u"value").toString(),
                 QStringLiteral("Containment"));
        QCOMPARE(select.value(u"options").toArray().size(),
                 Vocabulary::statuses({5, 2}).size() + 1);

        // Too long for an option value: offered nowhere and no initial_option at all.
        c.status = QString(80, u's');
        const QJsonObject select2 =
            elementOf(renderCaseCard(c, sampleOptions()), QStringLiteral("hs_status"));
        QVERIFY(!select2.contains(u"initial_option"));
        QCOMPARE(select2.value(u"options").toArray().size(), Vocabulary::statuses({5, 2}).size());
    }

    void tlpLabelsPerVersion_data()
    {
        QTest::addColumn<HiveVersion>("version");
        QTest::addColumn<int>("tlp");
        QTest::addColumn<QString>("label");
        QTest::addColumn<int>("options");
        QTest::newRow("4.1 TLP 0") << HiveVersion{4, 1} << 0 << QStringLiteral("TLP:WHITE") << 4;
        QTest::newRow("4.1 TLP 3") << HiveVersion{4, 1} << 3 << QStringLiteral("TLP:RED") << 4;
        QTest::newRow("5.1 TLP 0") << HiveVersion{5, 1} << 0 << QStringLiteral("TLP:WHITE") << 4;
        QTest::newRow("5.1 TLP 3") << HiveVersion{5, 1} << 3 << QStringLiteral("TLP:RED") << 4;
        QTest::newRow("5.2 TLP 0") << HiveVersion{5, 2} << 0 << QStringLiteral("TLP:CLEAR") << 5;
        QTest::newRow("5.2 TLP 3")
            << HiveVersion{5, 2} << 3 << QStringLiteral("TLP:AMBER+STRICT") << 5;
        QTest::newRow("5.2 TLP 4") << HiveVersion{5, 2} << 4 << QStringLiteral("TLP:RED") << 5;
    }

    void tlpLabelsPerVersion()
    {
        QFETCH(HiveVersion, version);
        QFETCH(int, tlp);
        QFETCH(QString, label);
        QFETCH(int, options);
        CaseRecord c = sampleCase();
        c.tlp = tlp;
        if (version.isTheHive4()) {
            c.status = QStringLiteral("Open");
            c.stage = QStringLiteral("InProgress");
        }
        const QJsonObject card = renderCaseCard(c, sampleOptions(version));
        QVERIFY(withinLimits(card));
        const QString field = fieldTexts(blockOf(card, QStringLiteral("facts"))).at(2);
        QVERIFY2(field.startsWith(u"*TLP*\n") && field.endsWith(u' ' + label), qPrintable(field));
        const QJsonObject select = elementOf(card, QStringLiteral("hs_tlp"));
        QCOMPARE(select.value(u"options").toArray().size(), options);
        QCOMPARE(select.value(u"initial_option").toObject().value(u"value").toString(),
                 QString::number(tlp));
        QVERIFY(textOf(select.value(u"initial_option").toObject().value(u"text")).endsWith(label));
        QVERIFY(card.value(u"text").toString().contains(label));
    }

    void theHive4StatusSelect()
    {
        CaseRecord c = sampleCase();
        c.status = QStringLiteral("Open");
        c.stage = QStringLiteral("InProgress");
        const QJsonObject card = renderCaseCard(c, sampleOptions({4, 1}));
        QStringList values;
        for (const QJsonValue &o :
             elementOf(card, QStringLiteral("hs_status")).value(u"options").toArray())
            values.append(o.toObject().value(u"value").toString());
        QCOMPARE(values, (QStringList{QStringLiteral("Open"), QStringLiteral("Resolved"),
                                      QStringLiteral("Duplicated")}));
    }

    void closedCardTheHive5()
    {
        CaseRecord c = sampleCase();
        c.status = QStringLiteral("FalsePositive");
        c.stage = QStringLiteral("Closed");
        c.impactStatus = QStringLiteral("NoImpact");
        c.summary = QStringLiteral("Benign **newsletter**.");
        const QJsonObject card = renderCaseCard(c, sampleOptions());
        QVERIFY(withinLimits(card));
        const QStringList ids = actionIds(card);
        QVERIFY(!ids.contains(u"hs_status"));
        QVERIFY(!ids.contains(u"hs_close"));
        QVERIFY(ids.contains(u"hs_reopen"));
        QVERIFY(ids.contains(u"hs_severity"));
        QCOMPARE(fieldTexts(blockOf(card, QStringLiteral("closure"))),
                 (QStringList{QStringLiteral("*Resolution*\n:white_check_mark: False positive"),
                              QStringLiteral("*Impact*\n:white_circle: No impact")}));
        QCOMPARE(textOf(blockOf(card, QStringLiteral("summary")).value(u"text")),
                 QStringLiteral("*Summary*\nBenign *newsletter*."));
        QVERIFY(card.value(u"text").toString().contains(u"(closed)"));
    }

    void closedCardTheHive4()
    {
        CaseRecord c = sampleCase();
        c.status = QStringLiteral("Resolved");
        c.stage = QStringLiteral("Closed");
        c.resolutionStatus = QStringLiteral("TruePositive");
        c.impactStatus = QStringLiteral("WithImpact");
        const QJsonObject card = renderCaseCard(c, sampleOptions({4, 1}));
        QVERIFY(withinLimits(card));
        QCOMPARE(fieldTexts(blockOf(card, QStringLiteral("closure"))),
                 (QStringList{QStringLiteral("*Resolution*\n:rotating_light: True positive"),
                              QStringLiteral("*Impact*\n:boom: With impact")}));
        QVERIFY(blockOf(card, QStringLiteral("summary")).isEmpty()); // no summary given
        QVERIFY(actionIds(card).contains(u"hs_reopen"));
    }

    void openCardHasNoClosure()
    {
        const QJsonObject card = renderCaseCard(sampleCase(), sampleOptions());
        QVERIFY(blockOf(card, QStringLiteral("closure")).isEmpty());
        QVERIFY(!actionIds(card).contains(u"hs_reopen"));
    }

    void cardWithoutControls()
    {
        CardOptions o = sampleOptions();
        o.controls = false;
        const QJsonObject card = renderCaseCard(sampleCase(), o);
        QVERIFY(withinLimits(card));
        QVERIFY(!dump(card).contains(u"\"actions\""));
        QVERIFY(actionIds(card).isEmpty());
        // Everything else a reader sees is still there.
        QVERIFY(!blockOf(card, QStringLiteral("header")).isEmpty());
        QVERIFY(!blockOf(card, QStringLiteral("facts")).isEmpty());
    }

    void redactedCard()
    {
        CaseRecord c = sampleCase();
        c.title = QStringLiteral("Secret merger leak");
        c.description = QStringLiteral("very secret details");
        c.tags = {QStringLiteral("secret-tag")};
        c.tlp = 4;
        CardOptions o = sampleOptions();
        o.redacted = true;
        const QJsonObject card = renderCaseCard(c, o);
        QVERIFY(withinLimits(card));
        const QString all = dump(card);
        QVERIFY(!all.contains(u"Secret merger"));
        QVERIFY(!all.contains(u"very secret"));
        QVERIFY(!all.contains(u"secret-tag"));
        QVERIFY(!all.contains(u"alice"));
        QVERIFY(!all.contains(u"U0ALICE"));
        QVERIFY(!all.contains(u"action_id"));
        QVERIFY(!all.contains(u"\"actions\""));
        QVERIFY(!all.contains(u"TLP:RED"));
        QCOMPARE(card.value(u"blocks").toArray().size(), 2);
        QCOMPARE(textOf(blockOf(card, QStringLiteral("header")).value(u"text")),
                 QStringLiteral("Case #42"));
        const QJsonObject restricted = blockOf(card, QStringLiteral("restricted"));
        QVERIFY(
            textOf(restricted.value(u"text"))
                .contains(
                    u"<https://hive.example/cases/~41025656/details|Open case #42 in TheHive>"));
        QCOMPARE(fieldTexts(restricted),
                 QStringList{QStringLiteral("*Severity*\n:large_orange_circle: High")});
        QVERIFY(card.value(u"text").toString().contains(u"High"));
        QVERIFY(caseIdFromBlockId(restricted.value(u"block_id").toString()) == CaseId);
    }

    void assigneeFallbacks()
    {
        CaseRecord c = sampleCase();
        CardOptions o = sampleOptions();
        o.assigneeSlackUserId = QStringLiteral("<!channel>"); // not a user id: never mentioned
        QJsonObject card = renderCaseCard(c, o);
        QVERIFY(fieldTexts(blockOf(card, QStringLiteral("facts")))
                    .contains(QStringLiteral("*Assignee*\nalice@soc.example")));
        QVERIFY(!elementOf(card, QStringLiteral("hs_assignee")).contains(u"initial_user"));
        c.assignee.clear();
        o.assigneeSlackUserId.clear();
        card = renderCaseCard(c, o);
        QVERIFY(fieldTexts(blockOf(card, QStringLiteral("facts")))
                    .contains(QStringLiteral("*Assignee*\n_unassigned_")));
    }

    void optionalFactsOmitted()
    {
        CaseRecord c = sampleCase();
        c.organisation.clear();
        c.taskCount = -1;
        c.createdAt = 0;
        const QStringList facts =
            fieldTexts(blockOf(renderCaseCard(c, sampleOptions()), QStringLiteral("facts")));
        QCOMPARE(facts.size(), 6);
        QVERIFY(facts.contains(QStringLiteral("*Created*\n_not set_")));
        c.taskCount = 0;
        QVERIFY(fieldTexts(blockOf(renderCaseCard(c, sampleOptions()), QStringLiteral("facts")))
                    .contains(QStringLiteral("*Tasks*\n0")));
    }

    void caseLinkOnlyForWebUrls_data()
    {
        QTest::addColumn<QUrl>("url");
        QTest::addColumn<bool>("linked");
        QTest::newRow("https") << QUrl(QStringLiteral("https://hive.example/cases/~1/details"))
                               << true;
        QTest::newRow("empty") << QUrl() << false;
        QTest::newRow("javascript") << QUrl(QStringLiteral("javascript:alert(1)")) << false;
        QTest::newRow("relative") << QUrl(QStringLiteral("/cases/~1")) << false;
    }

    void caseLinkOnlyForWebUrls()
    {
        QFETCH(QUrl, url);
        QFETCH(bool, linked);
        CardOptions o = sampleOptions();
        o.caseUrl = url;
        const QJsonObject open =
            elementOf(renderCaseCard(sampleCase(), o), QStringLiteral("hs_open_case"));
        QCOMPARE(!open.isEmpty(), linked);
        if (linked)
            QCOMPARE(open.value(u"url").toString(), url.toString());
    }
};

QTEST_GUILESS_MAIN(TestCardRenderer)
#include "tst_cardrenderer.moc"
