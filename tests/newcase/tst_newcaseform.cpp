// The New case form (`/hive new`): its view within Slack's modal limits, how a submission is
// read, and what is refused before anything reaches TheHive.
#include "newcase/newcaseform.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Bridge;
using namespace Qt::StringLiterals;

namespace {

const HiveVersion TH52{5, 2};

QJsonObject inputBlock(const QJsonObject &view, QLatin1StringView id)
{
    for (const QJsonValue &b : view.value(u"blocks").toArray()) {
        if (b.toObject().value(u"block_id").toString() == id)
            return b.toObject();
    }
    return {};
}

void put(QJsonObject &values, QLatin1StringView id, const QJsonObject &state)
{
    values.insert(QString(id), QJsonObject{{QString(id), state}});
}

QJsonObject chosen(const QString &value)
{
    return {{u"type"_s, u"static_select"_s},
            {u"selected_option"_s, QJsonObject{{u"value"_s, value}}}};
}

} // namespace

class TestNewCaseForm : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void theFormFitsSlack()
    {
        const QJsonObject view =
            buildNewCaseModal(TH52, {{u"~1"_s, u"Phishing"_s}}, u"U0ALICE"_s, u"{}"_s);
        QCOMPARE(view.value(u"callback_id").toString(), QString(NewCaseIds::Callback));
        for (const char *key : {"title", "submit", "close"})
            QVERIFY(
                view.value(QLatin1StringView(key)).toObject().value(u"text").toString().size() <=
                24);
        QStringList ids;
        for (const QJsonValue &b : view.value(u"blocks").toArray()) {
            const QJsonObject block = b.toObject();
            QCOMPARE(block.value(u"element").toObject().value(u"action_id").toString(),
                     block.value(u"block_id").toString());
            ids << block.value(u"block_id").toString();
        }
        QCOMPARE(ids, (QStringList{NewCaseIds::Title, NewCaseIds::Description, NewCaseIds::Severity,
                                   NewCaseIds::Tlp, NewCaseIds::Pap, NewCaseIds::Tags,
                                   NewCaseIds::Template, NewCaseIds::Assignee}));
        // Only the title is required; the assignee starts at the person who asked.
        QCOMPARE(inputBlock(view, NewCaseIds::Title).value(u"optional").toBool(), false);
        QCOMPARE(inputBlock(view, NewCaseIds::Title)
                     .value(u"element")
                     .toObject()
                     .value(u"max_length")
                     .toInt(),
                 512);
        QCOMPARE(inputBlock(view, NewCaseIds::Assignee)
                     .value(u"element")
                     .toObject()
                     .value(u"initial_user")
                     .toString(),
                 u"U0ALICE"_s);
        // TheHive 5.2's TLP list, with AMBER+STRICT.
        QCOMPARE(inputBlock(view, NewCaseIds::Tlp)
                     .value(u"element")
                     .toObject()
                     .value(u"options")
                     .toArray()
                     .size(),
                 5);
    }

    void templatesAreOfferedOnlyWhenThereAreAny()
    {
        QVERIFY(inputBlock(buildNewCaseModal(TH52, {}, {}, {}), NewCaseIds::Template).isEmpty());
        QList<CaseTemplateChoice> many;
        for (int i = 0; i < 150; ++i)
            many.append({u"~%1"_s.arg(i), u"Template %1"_s.arg(i)});
        const QJsonArray options =
            inputBlock(buildNewCaseModal(TH52, many, {}, {}), NewCaseIds::Template)
                .value(u"element")
                .toObject()
                .value(u"options")
                .toArray();
        QCOMPARE(options.size(), 100); // a select holds no more
    }

    void templatesAreReadFromTheQueryAnswer()
    {
        const QJsonArray answer = QJsonDocument::fromJson(R"([
            {"_id":"~1","name":"phishing","displayName":"Phishing  triage"},
            {"_id":"~2","name":"malware"},
            {"name":"no id"}])")
                                      .array();
        QCOMPARE(
            caseTemplatesFromJson(answer),
            (QList<CaseTemplateChoice>{{u"~1"_s, u"Phishing triage"_s}, {u"~2"_s, u"malware"_s}}));
    }

    void aSubmissionIsRead()
    {
        QJsonObject values;
        put(values, NewCaseIds::Title, {{u"value"_s, u"  Beaconing  "_s}});
        put(values, NewCaseIds::Description, {{u"value"_s, QJsonValue::Null}});
        put(values, NewCaseIds::Severity, chosen(u"3"_s));
        put(values, NewCaseIds::Tlp, {{u"selected_option"_s, QJsonValue::Null}});
        put(values, NewCaseIds::Pap, chosen(u"0"_s));
        put(values, NewCaseIds::Tags, {{u"value"_s, u"vip, , c2,vip "_s}});
        put(values, NewCaseIds::Template, chosen(u"~7"_s));
        put(values, NewCaseIds::Assignee, {{u"selected_user"_s, u"U0BOB"_s}});
        NewCaseInput expected;
        expected.title = u"Beaconing"_s;
        expected.severity = 3;
        expected.pap = 0;
        expected.tags = {u"vip"_s, u"c2"_s};
        expected.templateId = u"~7"_s;
        expected.assigneeSlackUserId = u"U0BOB"_s;
        QCOMPARE(parseNewCase(values), expected);
        QCOMPARE(parseNewCase({}), NewCaseInput{});
    }

    void badInputIsRefused_data()
    {
        QTest::addColumn<QString>("title");
        QTest::addColumn<QStringList>("tags");
        QTest::addColumn<QStringList>("refused");
        QTest::newRow("fine") << u"Beaconing"_s << QStringList{u"vip"_s} << QStringList{};
        QTest::newRow("no title") << QString() << QStringList{} << QStringList{NewCaseIds::Title};
        QTest::newRow("title of 512") << QString(512, u'x') << QStringList{} << QStringList{};
        QTest::newRow("title of 513")
            << QString(513, u'x') << QStringList{} << QStringList{NewCaseIds::Title};
        QTest::newRow("tag of 129")
            << u"Beaconing"_s << QStringList{QString(129, u't')} << QStringList{NewCaseIds::Tags};
    }

    void badInputIsRefused()
    {
        QFETCH(QString, title);
        QFETCH(QStringList, tags);
        QFETCH(QStringList, refused);
        NewCaseInput input;
        input.title = title;
        input.tags = tags;
        QCOMPARE(validateNewCase(input).keys(), refused);
    }
};

QTEST_APPLESS_MAIN(TestNewCaseForm)
#include "tst_newcaseform.moc"
