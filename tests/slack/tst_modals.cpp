#include "core/hivevocabulary.h"
#include "slack/modals.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Bridge;

namespace {

CaseRecord sampleCase()
{
    CaseRecord c;
    c.id = QStringLiteral("~41025656");
    c.number = 42;
    c.title = QStringLiteral("Phishing <wave> & more");
    c.status = QStringLiteral("InProgress");
    c.stage = QStringLiteral("InProgress");
    return c;
}

QJsonObject inputBlock(const QJsonObject &view, const QString &blockId)
{
    for (const QJsonValue &b : view.value(u"blocks").toArray()) {
        if (b.toObject().value(u"block_id").toString() == blockId)
            return b.toObject();
    }
    return {};
}

QStringList inputIds(const QJsonObject &view)
{
    QStringList ids;
    for (const QJsonValue &b : view.value(u"blocks").toArray()) {
        const QJsonObject block = b.toObject();
        if (block.value(u"type").toString() == u"input")
            ids.append(block.value(u"block_id").toString());
    }
    return ids;
}

QStringList optionValues(const QJsonObject &element)
{
    QStringList values;
    for (const QJsonValue &o : element.value(u"options").toArray())
        values.append(o.toObject().value(u"value").toString());
    return values;
}

QStringList vocabValues(const QList<VocabEntry> &entries)
{
    QStringList values;
    for (const VocabEntry &e : entries)
        values.append(e.value);
    return values;
}

/// The modal rules of shared/docs/slack-api.md §4 plus the n8n bugs we must not copy.
void checkModalShape(const QJsonObject &view, const QString &callbackId)
{
    QCOMPARE(view.value(u"type").toString(), QStringLiteral("modal"));
    QCOMPARE(view.value(u"callback_id").toString(), callbackId);
    QVERIFY(!view.contains(u"external_id"));
    for (const char *key : {"title", "submit", "close"}) {
        const QJsonObject text = view.value(QLatin1StringView(key)).toObject();
        QCOMPARE(text.value(u"type").toString(), QStringLiteral("plain_text"));
        QVERIFY(!text.value(u"text").toString().isEmpty());
        QVERIFY(text.value(u"text").toString().size() <= 24);
    }
    const QJsonArray blocks = view.value(u"blocks").toArray();
    QVERIFY(!blocks.isEmpty() && blocks.size() <= 100);
    for (const QJsonValue &b : blocks) {
        const QJsonObject block = b.toObject();
        if (block.value(u"type").toString() != u"input")
            continue;
        // block_id == action_id, so state.values[id][id] and error keys line up.
        QCOMPARE(block.value(u"element").toObject().value(u"action_id").toString(),
                 block.value(u"block_id").toString());
        const QString label = block.value(u"label").toObject().value(u"text").toString();
        QVERIFY(!label.isEmpty() && label.size() <= 2000);
        QVERIFY(block.value(u"optional").isBool());
        for (const QJsonValue &o : block.value(u"element").toObject().value(u"options").toArray()) {
            QVERIFY(o.toObject().value(u"text").toObject().value(u"text").toString().size() <= 75);
            QVERIFY(o.toObject().value(u"value").toString().size() <= 75);
        }
    }
    QVERIFY(QJsonDocument(view).toJson(QJsonDocument::Compact).size() < 250 * 1024);
}

/// A view.state.values object as Slack would send it.
QJsonObject state(const QList<QPair<QString, QJsonObject>> &entries)
{
    QJsonObject values;
    for (const auto &[id, value] : entries)
        values.insert(id, QJsonObject{{id, value}});
    return values;
}

QJsonObject selected(const QString &type, const QString &value)
{
    return QJsonObject{
        {QStringLiteral("type"), type},
        {QStringLiteral("selected_option"),
         QJsonObject{{QStringLiteral("text"),
                      QJsonObject{{QStringLiteral("type"), QStringLiteral("plain_text")},
                                  {QStringLiteral("text"), value}}},
                     {QStringLiteral("value"), value}}}};
}

QJsonObject textValue(const QJsonValue &value)
{
    return QJsonObject{{QStringLiteral("type"), QStringLiteral("plain_text_input")},
                       {QStringLiteral("value"), value}};
}

} // namespace

class TestModals : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void closeCaseModal_data()
    {
        QTest::addColumn<HiveVersion>("version");
        QTest::newRow("TheHive 4.1") << HiveVersion{4, 1};
        QTest::newRow("TheHive 5.1") << HiveVersion{5, 1};
        QTest::newRow("TheHive 5.2") << HiveVersion{5, 2};
    }

    void closeCaseModal()
    {
        QFETCH(HiveVersion, version);
        const QString metadata =
            QStringLiteral("{\"case\":\"~41025656\",\"channel\":\"C1\",\"ts\":\"1.2\"}");
        const QJsonObject view = buildCloseCaseModal(sampleCase(), version, metadata);
        checkModalShape(view, QStringLiteral("hs_close_case"));
        QCOMPARE(view.value(u"private_metadata").toString(), metadata);
        QCOMPARE(inputIds(view),
                 (QStringList{QStringLiteral("hs_resolution"), QStringLiteral("hs_impact"),
                              QStringLiteral("hs_summary")}));

        const QJsonObject resolution = inputBlock(view, QStringLiteral("hs_resolution"));
        QCOMPARE(resolution.value(u"optional").toBool(), false);
        QCOMPARE(resolution.value(u"element").toObject().value(u"type").toString(),
                 QStringLiteral("static_select"));
        QCOMPARE(optionValues(resolution.value(u"element").toObject()),
                 vocabValues(Vocabulary::resolutions(version)));

        const QJsonObject impact = inputBlock(view, QStringLiteral("hs_impact"));
        QCOMPARE(optionValues(impact.value(u"element").toObject()),
                 vocabValues(Vocabulary::impacts()));

        const QJsonObject summary = inputBlock(view, QStringLiteral("hs_summary"));
        QCOMPARE(summary.value(u"optional").toBool(), false);
        const QJsonObject element = summary.value(u"element").toObject();
        QCOMPARE(element.value(u"type").toString(), QStringLiteral("plain_text_input"));
        QCOMPARE(element.value(u"multiline").toBool(), true);
        QVERIFY(element.value(u"max_length").toInt() <= 3000);

        // The case the modal is about, escaped.
        const QString context = view.value(u"blocks")
                                    .toArray()
                                    .first()
                                    .toObject()
                                    .value(u"elements")
                                    .toArray()
                                    .first()
                                    .toObject()
                                    .value(u"text")
                                    .toString();
        QCOMPARE(context, QStringLiteral("*#42* Phishing &lt;wave&gt; &amp; more"));
    }

    void closeCaseModalPreselectsKnownImpact()
    {
        CaseRecord c = sampleCase();
        c.impactStatus = QStringLiteral("WithImpact");
        const QJsonObject element =
            inputBlock(buildCloseCaseModal(c, {5, 2}, {}), QStringLiteral("hs_impact"))
                .value(u"element")
                .toObject();
        QCOMPARE(element.value(u"initial_option").toObject().value(u"value").toString(),
                 QStringLiteral("WithImpact"));
    }

    void addTaskModal_data()
    {
        QTest::addColumn<HiveVersion>("version");
        QTest::addColumn<bool>("mandatory");
        QTest::newRow("TheHive 4.1") << HiveVersion{4, 1} << false;
        QTest::newRow("TheHive 5.2") << HiveVersion{5, 2} << true;
    }

    void addTaskModal()
    {
        QFETCH(HiveVersion, version);
        QFETCH(bool, mandatory);
        const QJsonObject view = buildAddTaskModal(sampleCase(), version, QStringLiteral("meta"));
        checkModalShape(view, QStringLiteral("hs_add_task"));
        QCOMPARE(view.value(u"private_metadata").toString(), QStringLiteral("meta"));
        QStringList expected{QStringLiteral("hs_task_title"), QStringLiteral("hs_task_description"),
                             QStringLiteral("hs_task_group"), QStringLiteral("hs_task_due"),
                             QStringLiteral("hs_task_assignee")};
        if (mandatory)
            expected.append(QStringLiteral("hs_task_mandatory"));
        QCOMPARE(inputIds(view), expected);

        const QJsonObject title = inputBlock(view, QStringLiteral("hs_task_title"));
        QCOMPARE(title.value(u"optional").toBool(), false);
        QCOMPARE(title.value(u"element").toObject().value(u"max_length").toInt(), 128);
        QCOMPARE(inputBlock(view, QStringLiteral("hs_task_description"))
                     .value(u"element")
                     .toObject()
                     .value(u"multiline")
                     .toBool(),
                 true);
        for (const QString &id : expected.mid(1))
            QVERIFY2(inputBlock(view, id).value(u"optional").toBool(), qPrintable(id));
        QCOMPARE(inputBlock(view, QStringLiteral("hs_task_due"))
                     .value(u"element")
                     .toObject()
                     .value(u"type")
                     .toString(),
                 QStringLiteral("datepicker"));
        QCOMPARE(inputBlock(view, QStringLiteral("hs_task_assignee"))
                     .value(u"element")
                     .toObject()
                     .value(u"type")
                     .toString(),
                 QStringLiteral("users_select"));
        if (mandatory) {
            const QJsonObject box =
                inputBlock(view, QStringLiteral("hs_task_mandatory")).value(u"element").toObject();
            QCOMPARE(box.value(u"type").toString(), QStringLiteral("checkboxes"));
            QCOMPARE(optionValues(box), QStringList{QStringLiteral("mandatory")});
        }
    }

    void parseCloseCaseReadsState()
    {
        const QJsonObject values = state(
            {{QStringLiteral("hs_resolution"),
              selected(QStringLiteral("static_select"), QStringLiteral("FalsePositive"))},
             {QStringLiteral("hs_impact"),
              selected(QStringLiteral("static_select"), QStringLiteral("NoImpact"))},
             {QStringLiteral("hs_summary"), textValue(QStringLiteral("  Benign newsletter.\n"))}});
        QCOMPARE(parseCloseCase(values),
                 (CloseCaseInput{QStringLiteral("FalsePositive"), QStringLiteral("NoImpact"),
                                 QStringLiteral("Benign newsletter.")}));
    }

    void parseCloseCaseAcceptsNulls()
    {
        const QJsonObject values =
            state({{QStringLiteral("hs_resolution"),
                    QJsonObject{{QStringLiteral("type"), QStringLiteral("static_select")},
                                {QStringLiteral("selected_option"), QJsonValue::Null}}},
                   {QStringLiteral("hs_summary"), textValue(QJsonValue::Null)}});
        const CloseCaseInput input = parseCloseCase(values);
        QCOMPARE(input, CloseCaseInput{});
        QCOMPARE(parseCloseCase({}), CloseCaseInput{});
    }

    void parseAddTaskReadsState()
    {
        const QJsonObject values = state(
            {{QStringLiteral("hs_task_title"), textValue(QStringLiteral(" Isolate host "))},
             {QStringLiteral("hs_task_description"), textValue(QStringLiteral("Pull the cable"))},
             {QStringLiteral("hs_task_group"), textValue(QStringLiteral("containment"))},
             {QStringLiteral("hs_task_due"),
              QJsonObject{{QStringLiteral("type"), QStringLiteral("datepicker")},
                          {QStringLiteral("selected_date"), QStringLiteral("2030-01-31")}}},
             {QStringLiteral("hs_task_assignee"),
              QJsonObject{{QStringLiteral("type"), QStringLiteral("users_select")},
                          {QStringLiteral("selected_user"), QStringLiteral("U0BOB")}}},
             {QStringLiteral("hs_task_mandatory"),
              QJsonObject{{QStringLiteral("type"), QStringLiteral("checkboxes")},
                          {QStringLiteral("selected_options"),
                           QJsonArray{QJsonObject{
                               {QStringLiteral("value"), QStringLiteral("mandatory")}}}}}}});
        const TaskInput task = parseAddTask(values);
        QCOMPARE(task.title, QStringLiteral("Isolate host"));
        QCOMPARE(task.description, QStringLiteral("Pull the cable"));
        QCOMPARE(task.group, QStringLiteral("containment"));
        QCOMPARE(task.dueDate, QStringLiteral("2030-01-31"));
        QCOMPARE(task.assigneeSlackUserId, QStringLiteral("U0BOB")); // n8n dropped this one
        QVERIFY(task.mandatory);
    }

    void parseAddTaskAcceptsNulls()
    {
        const QJsonObject values =
            state({{QStringLiteral("hs_task_title"), textValue(QStringLiteral("T"))},
                   {QStringLiteral("hs_task_description"), textValue(QJsonValue::Null)},
                   {QStringLiteral("hs_task_due"),
                    QJsonObject{{QStringLiteral("type"), QStringLiteral("datepicker")},
                                {QStringLiteral("selected_date"), QJsonValue::Null}}},
                   {QStringLiteral("hs_task_assignee"),
                    QJsonObject{{QStringLiteral("type"), QStringLiteral("users_select")},
                                {QStringLiteral("selected_user"), QJsonValue::Null}}},
                   {QStringLiteral("hs_task_mandatory"),
                    QJsonObject{{QStringLiteral("type"), QStringLiteral("checkboxes")},
                                {QStringLiteral("selected_options"), QJsonArray{}}}}});
        TaskInput expected;
        expected.title = QStringLiteral("T");
        QCOMPARE(parseAddTask(values), expected);
    }

    void foreignSubmissionParsesEmpty()
    {
        QFile file(QStringLiteral(
            HIVESLACK_FIXTURES_DIR
            "/slack/interactive/view_submission_static_select_datepicker_multiline.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject values = QJsonDocument::fromJson(file.readAll())
                                       .object()
                                       .value(u"view")
                                       .toObject()
                                       .value(u"state")
                                       .toObject()
                                       .value(u"values")
                                       .toObject();
        QVERIFY(!values.isEmpty());
        QCOMPARE(parseAddTask(values), TaskInput{});
        QCOMPARE(parseCloseCase(values), CloseCaseInput{});
    }

    void validateCloseCase_data()
    {
        QTest::addColumn<CloseCaseInput>("input");
        QTest::addColumn<QStringList>("errorKeys");
        QTest::newRow("valid") << CloseCaseInput{QStringLiteral("TruePositive"),
                                                 QStringLiteral("NoImpact"), QStringLiteral("done")}
                               << QStringList{};
        QTest::newRow("impact optional")
            << CloseCaseInput{QStringLiteral("TruePositive"), {}, QStringLiteral("done")}
            << QStringList{};
        QTest::newRow("no summary") << CloseCaseInput{QStringLiteral("TruePositive"), {}, {}}
                                    << QStringList{QStringLiteral("hs_summary")};
        QTest::newRow("nothing") << CloseCaseInput{}
                                 << QStringList{QStringLiteral("hs_resolution"),
                                                QStringLiteral("hs_summary")};
    }

    void validateCloseCase()
    {
        QFETCH(CloseCaseInput, input);
        QFETCH(QStringList, errorKeys);
        const QJsonObject errors = Bridge::validateCloseCase(input);
        QCOMPARE(errors.keys(), errorKeys);
        for (const QJsonValue &message : errors)
            QVERIFY(!message.toString().isEmpty());
    }

    void validateAddTask_data()
    {
        QTest::addColumn<QString>("title");
        QTest::addColumn<QString>("due");
        QTest::addColumn<QStringList>("errorKeys");
        const QStringList none;
        QTest::newRow("valid, no date") << QStringLiteral("Isolate host") << QString() << none;
        QTest::newRow("due today") << QStringLiteral("t") << QStringLiteral("2024-05-10") << none;
        QTest::newRow("due tomorrow")
            << QStringLiteral("t") << QStringLiteral("2024-05-11") << none;
        QTest::newRow("due yesterday") << QStringLiteral("t") << QStringLiteral("2024-05-09")
                                       << QStringList{QStringLiteral("hs_task_due")};
        QTest::newRow("bad date") << QStringLiteral("t") << QStringLiteral("2024-13-40")
                                  << QStringList{QStringLiteral("hs_task_due")};
        QTest::newRow("no title") << QString() << QString()
                                  << QStringList{QStringLiteral("hs_task_title")};
        QTest::newRow("title 128") << QString(128, u'x') << QString() << none;
        QTest::newRow("title 129")
            << QString(129, u'x') << QString() << QStringList{QStringLiteral("hs_task_title")};
        QTest::newRow("both wrong")
            << QString() << QStringLiteral("2000-01-01")
            << QStringList{QStringLiteral("hs_task_due"), QStringLiteral("hs_task_title")};
    }

    void validateAddTask()
    {
        QFETCH(QString, title);
        QFETCH(QString, due);
        QFETCH(QStringList, errorKeys);
        TaskInput input;
        input.title = title;
        input.dueDate = due;
        const QJsonObject errors = Bridge::validateAddTask(input, QDate(2024, 5, 10));
        QCOMPARE(errors.keys(), errorKeys);
        for (const QJsonValue &message : errors)
            QVERIFY(!message.toString().isEmpty());
    }

    void errorKeysAreInputBlocks()
    {
        // Slack shows errors only when they are keyed by input block_ids (bolt-python #566).
        const QStringList closeInputs = inputIds(buildCloseCaseModal(sampleCase(), {5, 2}, {}));
        for (const QString &key : Bridge::validateCloseCase({}).keys())
            QVERIFY2(closeInputs.contains(key), qPrintable(key));
        TaskInput bad;
        bad.dueDate = QStringLiteral("1999-01-01");
        const QStringList taskInputs = inputIds(buildAddTaskModal(sampleCase(), {5, 2}, {}));
        for (const QString &key : Bridge::validateAddTask(bad, QDate(2024, 1, 1)).keys())
            QVERIFY2(taskInputs.contains(key), qPrintable(key));
    }
};

QTEST_GUILESS_MAIN(TestModals)
#include "tst_modals.moc"
