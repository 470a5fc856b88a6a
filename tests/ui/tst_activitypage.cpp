#include "activitymodel.h"
#include "activitypage.h"
#include "csv.h"
#include "hostfixture.h"

#include "journal/journal.h"

#include <QComboBox>
#include <QFile>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>
#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;
using TestSupport::HostFixture;

class TestActivityPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void failedDeliveryIsShownAndRetried();
    void slackInteractionShowsUserAndDirection();
    void discardAndStateFilter();
    void shortColumnsFollowTheirContents();
    void cardRefreshIsNamed();
    void exportWritesTheRowsShown();
    void csvFieldQuoting_data();
    void csvFieldQuoting();

private:
    static QString cell(const Console::ActivityPage &page, qint64 id, int column);
    static qint64 appendEvent(Bridge::Journal &journal, const QString &source,
                              const QByteArray &payload, const QString &caseKey);
    static QByteArray clickBy(const QString &userName, const QString &userId);
    /// Short columns whose text is cut: narrower than their widest cell or their header (the
    /// case and the error elide by design).
    static QStringList cutColumns(const Console::ActivityPage &page);
};

QString TestActivityPage::cell(const Console::ActivityPage &page, qint64 id, int column)
{
    const int row = page.model()->rowOf(id);
    return row < 0 ? QString() : page.model()->index(row, column).data().toString();
}

qint64 TestActivityPage::appendEvent(Bridge::Journal &journal, const QString &source,
                                     const QByteArray &payload, const QString &caseKey)
{
    Bridge::NewEvent event;
    event.source = source;
    event.kind = source == u"slack" ? u"slack.block_actions"_s : u"case.update"_s;
    event.caseKey = caseKey;
    event.payload = payload;
    return journal.append(event).id;
}

QByteArray TestActivityPage::clickBy(const QString &userName, const QString &userId)
{
    const QJsonObject action{{u"type"_s, u"button"_s}, {u"action_id"_s, u"hs_assign_me"_s}};
    const QJsonObject payload{
        {u"type"_s, u"block_actions"_s},
        {u"user"_s, QJsonObject{{u"id"_s, userId}, {u"username"_s, userName}}},
        {u"team"_s, QJsonObject{{u"id"_s, u"T0SOC"_s}}},
        {u"channel"_s, QJsonObject{{u"id"_s, u"C0PHISHING01"_s}}},
        {u"actions"_s, QJsonArray{action}}};
    return QJsonDocument(payload).toJson(QJsonDocument::Compact);
}

QStringList TestActivityPage::cutColumns(const Console::ActivityPage &page)
{
    QStringList cut;
    // QTableView hides sizeHintForColumn(), which QAbstractItemView makes public.
    const QAbstractItemView *view = page.table();
    const QHeaderView *header = page.table()->horizontalHeader();
    for (int column = 0; column < Console::ActivityModel::ColumnCount; ++column) {
        if (column == Console::ActivityModel::Case || column == Console::ActivityModel::Error)
            continue;
        const int needed =
            std::max(view->sizeHintForColumn(column), header->sectionSizeHint(column));
        if (header->sectionSize(column) < needed)
            cut << u"%1 (%2 < %3)"_s.arg(
                page.model()->headerData(column, Qt::Horizontal).toString(),
                QString::number(header->sectionSize(column)), QString::number(needed));
    }
    return cut;
}

void TestActivityPage::failedDeliveryIsShownAndRetried()
{
    HostFixture f;
    QVERIFY(f.startConfigured());
    Console::ActivityPage page(f.host);
    page.resize(1000, 700);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));

    f.slack.slackErrorNext(u"/api/chat.postMessage"_s, u"channel_not_found"_s);
    const QJsonObject created =
        f.hive.addCase({{u"title"_s, u"Phishing wave"_s}, {u"severity"_s, 3}});
    const QString caseId = created.value(u"_id").toString();
    QCOMPARE(f.postWebhook(f.hive.webhookFor(u"create"_s, caseId)), 202);

    // The failed delivery appears on its own, with Slack's reason.
    QTRY_COMPARE(page.model()->rowCount(), 1);
    const qint64 id = page.model()->eventAt(0)->id;
    QTRY_COMPARE(page.model()->eventAt(0)->state, u"failed"_s);
    QVERIFY(cell(page, id, Console::ActivityModel::Error).contains(u"channel_not_found"_s));
    QCOMPARE(cell(page, id, Console::ActivityModel::State), u"Failed"_s);
    QCOMPARE(cell(page, id, Console::ActivityModel::Direction), u"TheHive → Slack"_s);
    QCOMPARE(cell(page, id, Console::ActivityModel::Case),
             u"#%1 Phishing wave"_s.arg(created.value(u"number").toInt()));
    QCOMPARE(cell(page, id, Console::ActivityModel::Action), u"case created"_s);
    QVERIFY(f.slack.messages().isEmpty());

    QVERIFY(!page.retryButton()->isEnabled());
    page.table()->selectRow(page.model()->rowOf(id));
    QVERIFY(page.retryButton()->isEnabled());
    QVERIFY(page.discardButton()->isEnabled());
    const QString details = page.details()->toPlainText();
    QVERIFY2(details.contains(u"Last error: "_s) && details.contains(u"channel_not_found"_s),
             qPrintable(details));
    QVERIFY(details.contains(caseId));
    QVERIFY(!details.contains(QLatin1String(HostFixture::WebhookSecret)));
    // Never posted, yet the preview shows the card this event will post.
    const QString preview = page.cardPreview()->toPlainText();
    QVERIFY2(preview.contains(u"Not in Slack yet"_s), qPrintable(preview));
    QVERIFY(preview.contains(u"PHISHING WAVE"_s));
    QVERIFY(preview.contains(u"Severity: High"_s));

    QTest::mouseClick(page.retryButton(), Qt::LeftButton);
    QTRY_COMPARE(f.slack.messages(QLatin1String(HostFixture::Channel)).size(), 1);
    QVERIFY(f.slack.messages().constFirst().text.contains(u"Phishing wave"_s));
    QTRY_COMPARE(page.model()->eventAt(page.model()->rowOf(id))->state, u"delivered"_s);
    QCOMPARE(cell(page, id, Console::ActivityModel::Channel), QLatin1String(HostFixture::Channel));
    QTRY_VERIFY2(page.message().contains(u"was delivered"_s), qPrintable(page.message()));
    // The selection survived the refreshes; a delivered event offers nothing to do.
    QVERIFY(!page.retryButton()->isEnabled());
    QVERIFY(page.cardPreview()->toPlainText().contains(u"The card in C0HIVE01"_s));
}

void TestActivityPage::slackInteractionShowsUserAndDirection()
{
    HostFixture f;
    QVERIFY(f.startConfigured());
    Console::ActivityPage page(f.host);
    const QString caseId =
        f.hive.addCase({{u"title"_s, u"Lateral movement"_s}}).value(u"_id").toString();
    QCOMPARE(f.postWebhook(f.hive.webhookFor(u"create"_s, caseId)), 202);
    QTRY_COMPARE(f.slack.messages().size(), 1);
    const auto card = f.slack.messages().constFirst();

    const QJsonObject action{
        {u"type"_s, u"static_select"_s},
        {u"action_id"_s, u"hs_severity"_s},
        {u"block_id"_s, u"hs:controls:%1:0badc0de"_s.arg(caseId)},
        {u"selected_option"_s, QJsonObject{{u"text"_s, QJsonObject{{u"type"_s, u"plain_text"_s},
                                                                   {u"text"_s, u"Critical"_s}}},
                                           {u"value"_s, u"4"_s}}}};
    const QJsonObject payload{
        {u"type"_s, u"block_actions"_s},
        {u"user"_s, QJsonObject{{u"id"_s, u"U0ALICE"_s}, {u"username"_s, u"alice"_s}}},
        {u"team"_s, QJsonObject{{u"id"_s, f.slack.teamId()}}},
        {u"trigger_id"_s, u"123.456"_s},
        {u"channel"_s, QJsonObject{{u"id"_s, card.channel}}},
        {u"container"_s, QJsonObject{{u"type"_s, u"message"_s}, {u"message_ts"_s, card.ts}}},
        {u"actions"_s, QJsonArray{action}}};
    QCOMPARE(f.postInteraction(payload), 200);

    QTRY_COMPARE(page.model()->rowCount(), 2);
    const Bridge::JournalEvent *newest = page.model()->eventAt(0);
    QCOMPARE(newest->source, u"slack"_s);
    QCOMPARE(cell(page, newest->id, Console::ActivityModel::Direction), u"Slack → TheHive"_s);
    QCOMPARE(cell(page, newest->id, Console::ActivityModel::SlackUser), u"alice (U0ALICE)"_s);
    QCOMPARE(cell(page, newest->id, Console::ActivityModel::Action), u"set severity → Critical"_s);
    QCOMPARE(cell(page, newest->id, Console::ActivityModel::Channel), card.channel);
    QVERIFY(cell(page, newest->id, Console::ActivityModel::Case).endsWith(u"Lateral movement"_s));
}

void TestActivityPage::discardAndStateFilter()
{
    HostFixture f;
    f.startUnconfigured();
    QVERIFY(f.host.journal());
    Console::ActivityPage page(f.host);
    Bridge::Journal &journal = *f.host.journal();
    const qint64 delivered = appendEvent(journal, u"thehive"_s, R"({"objectId":"~1"})", u"~1"_s);
    const qint64 failed = appendEvent(journal, u"thehive"_s, R"({"objectId":"~2"})", u"~2"_s);
    QVERIFY(journal.markDelivered(delivered));
    QVERIFY(journal.markFailed(failed, u"TheHive answered 500"_s));
    QCOMPARE(page.model()->rowCount(), 2);

    page.table()->selectRow(page.model()->rowOf(delivered));
    QVERIFY(!page.retryButton()->isEnabled());
    QVERIFY(!page.discardButton()->isEnabled());

    page.stateFilter()->setCurrentIndex(page.stateFilter()->findData(u"failed"_s));
    QCOMPARE(page.model()->rowCount(), 1);
    QCOMPARE(page.model()->eventAt(0)->id, failed);
    page.table()->selectRow(0);
    QVERIFY(page.discardButton()->isEnabled());
    QTest::mouseClick(page.discardButton(), Qt::LeftButton);
    QCOMPARE(journal.event(failed)->state, u"discarded"_s);
    QCOMPARE(page.model()->rowCount(), 0); // the failed filter no longer shows it
    QVERIFY(page.message().contains(u"discarded"_s));

    page.stateFilter()->setCurrentIndex(0);
    page.textFilter()->setText(u"~2"_s);
    QCOMPARE(page.model()->rowCount(), 1);
    QCOMPARE(cell(page, failed, Console::ActivityModel::State), u"Discarded"_s);
}

void TestActivityPage::shortColumnsFollowTheirContents()
{
    HostFixture f;
    f.startUnconfigured();
    Console::ActivityPage page(f.host);
    page.resize(1400, 700);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    Bridge::Journal &journal = *f.host.journal();
    using Column = Console::ActivityModel::Column;
    const QHeaderView *header = page.table()->horizontalHeader();

    // A first row with empty Channel, Action and Slack user: their headers still show whole.
    const qint64 pending = appendEvent(journal, u"thehive"_s, R"({"objectId":"~1"})", u"~1"_s);
    QCOMPARE(page.model()->rowCount(), 1);
    QTRY_VERIFY2(cutColumns(page).isEmpty(), qPrintable(cutColumns(page).join(u", "_s)));
    const int userWidth = header->sectionSize(Column::SlackUser);

    // Later rows with longer cells widen their columns instead of being cut off.
    const qint64 click = appendEvent(
        journal, u"slack"_s, clickBy(u"maximilian.mustermann"_s, u"U0MAXIMILIAN1"_s), u"~1"_s);
    QVERIFY(journal.markFailed(click, u"TheHive answered 403: the API user lacks the "
                                      u"manageCase permission in organisation SOC"_s));
    QCOMPARE(cell(page, click, Column::SlackUser), u"maximilian.mustermann (U0MAXIMILIAN1)"_s);
    QCOMPARE(cell(page, click, Column::Channel), u"C0PHISHING01"_s);
    QTRY_VERIFY2(cutColumns(page).isEmpty(), qPrintable(cutColumns(page).join(u", "_s)));
    QVERIFY(header->sectionSize(Column::SlackUser) > userWidth);
    QCOMPARE(header->sectionResizeMode(Column::Case), QHeaderView::Stretch);
    QCOMPARE(header->sectionResizeMode(Column::Error), QHeaderView::Stretch);

    // The case and the error share the rest of the width.
    int used = 0;
    for (int column = 0; column < Column::ColumnCount; ++column)
        used += header->sectionSize(column);
    QCOMPARE(used, page.table()->viewport()->width());
    QVERIFY(header->sectionSize(Column::Error) > 150);
    QVERIFY(header->sectionSize(Column::Case) > 150);

    // An absurdly long name is capped, so the case and the error stay in sight.
    appendEvent(journal, u"slack"_s, clickBy(QString(120, u'x'), u"U0LONG"_s), u"~1"_s);
    QTRY_VERIFY(header->sectionSize(Column::SlackUser) <= 300);
    QVERIFY(header->sectionSize(Column::Case) > 150);
    QVERIFY(page.model()->rowOf(pending) >= 0);
}

void TestActivityPage::cardRefreshIsNamed()
{
    HostFixture f;
    f.startUnconfigured();
    Console::ActivityPage page(f.host);
    Bridge::NewEvent refresh;
    refresh.source = u"bridge"_s;
    refresh.kind = u"card.refresh"_s;
    refresh.caseKey = u"~4096"_s;
    refresh.payload = R"({"case":"~4096","actor":"<@U0ALICE01>"})";
    const qint64 id = f.host.journal()->append(refresh).id;
    QCOMPARE(cell(page, id, Console::ActivityModel::Action), u"card refreshed"_s);
    QCOMPARE(cell(page, id, Console::ActivityModel::Direction), u"TheHive → Slack"_s);
    QCOMPARE(cell(page, id, Console::ActivityModel::Case), u"~4096"_s);
}

void TestActivityPage::exportWritesTheRowsShown()
{
    HostFixture f;
    f.startUnconfigured();
    Console::ActivityPage page(f.host);
    Bridge::Journal &journal = *f.host.journal();
    const qint64 first = appendEvent(journal, u"thehive"_s, R"({"objectId":"~7"})", u"~7"_s);
    const qint64 second = appendEvent(journal, u"thehive"_s, R"({"objectId":"~8"})", u"~8"_s);
    QVERIFY(journal.markFailed(second, u"Slack said \"no\", twice\nthen gave up"_s));

    const QString path = f.dir.filePath(u"activity.csv"_s);
    QString error;
    QVERIFY2(page.exportCsv(path, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString csv = QString::fromUtf8(file.readAll());
    const QStringList records = csv.split(u"\r\n"_s);
    QCOMPARE(records.size(), 4); // header, two events, and the empty tail after the last CRLF
    QVERIFY(records.constLast().isEmpty());
    QCOMPARE(records.at(0),
             u"Event,Time,Direction,Case,Channel,Action,Slack user,State,Attempts,Error"_s);
    // Newest first; the error with a quote, a comma and a line break is quoted whole.
    QVERIFY2(records.at(1).startsWith(QString::number(second) + u','), qPrintable(records.at(1)));
    QVERIFY(records.at(1).endsWith(u",Failed,1,\"Slack said \"\"no\"\", twice\nthen gave up\""_s));
    QVERIFY(records.at(2).startsWith(QString::number(first) + u','));
    QVERIFY(records.at(2).endsWith(u",Pending,0,"_s));

    QVERIFY(!page.exportCsv(f.dir.filePath(u"missing/dir/activity.csv"_s), &error));
    QVERIFY(error.contains(u"missing"_s));
}

void TestActivityPage::csvFieldQuoting_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("field");
    QTest::newRow("plain") << u"delivered"_s << u"delivered"_s;
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("comma") << u"a,b"_s << u"\"a,b\""_s;
    QTest::newRow("quote") << u"say \"hi\""_s << u"\"say \"\"hi\"\"\""_s;
    QTest::newRow("newline") << u"two\nlines"_s << u"\"two\nlines\""_s;
    QTest::newRow("carriage return") << u"a\rb"_s << u"\"a\rb\""_s;
    QTest::newRow("spaces stay") << u" padded "_s << u" padded "_s;
}

void TestActivityPage::csvFieldQuoting()
{
    QFETCH(QString, value);
    QFETCH(QString, field);
    QCOMPARE(Console::csvField(value), field);
}

QTEST_MAIN(TestActivityPage)
#include "tst_activitypage.moc"
