// Events API message events as thread sync reads them: which are a person's thread reply, and
// what the journal keeps of the others.
#include "slack/messageevents.h"

#include <QJsonDocument>
#include <QTest>

using namespace Bridge;
using namespace Qt::StringLiterals;

class TestMessageEvents : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void threadRepliesAreTold_data()
    {
        QTest::addColumn<QByteArray>("event");
        QTest::addColumn<bool>("reply");
        QTest::newRow("reply") << QByteArray(R"({"type":"message","ts":"2.0","thread_ts":"1.0"})")
                               << true;
        QTest::newRow("also sent to the channel")
            << QByteArray(
                   R"({"type":"message","subtype":"thread_broadcast","ts":"2.0","thread_ts":"1.0"})")
            << true;
        QTest::newRow("with a file")
            << QByteArray(
                   R"({"type":"message","subtype":"file_share","ts":"2.0","thread_ts":"1.0"})")
            << true;
        QTest::newRow("the parent")
            << QByteArray(R"({"type":"message","ts":"1.0","thread_ts":"1.0"})") << false;
        QTest::newRow("a channel message")
            << QByteArray(R"({"type":"message","ts":"2.0"})") << false;
        QTest::newRow("a bot")
            << QByteArray(R"({"type":"message","bot_id":"B1","ts":"2.0","thread_ts":"1.0"})")
            << false;
        QTest::newRow("an edit")
            << QByteArray(
                   R"({"type":"message","subtype":"message_changed","ts":"2.0","thread_ts":"1.0"})")
            << false;
        QTest::newRow("a mention")
            << QByteArray(R"({"type":"app_mention","ts":"2.0","thread_ts":"1.0"})") << false;
    }

    void threadRepliesAreTold()
    {
        QFETCH(QByteArray, event);
        QFETCH(bool, reply);
        QCOMPARE(MessageEvents::isThreadReply(QJsonDocument::fromJson(event).object()), reply);
    }

    void wordlessKeepsNoWordsAtAnyDepth()
    {
        const QJsonObject body = QJsonDocument::fromJson(R"({
            "type":"event_callback","event_id":"Ev1","token":"legacy",
            "event":{"type":"message","subtype":"message_changed","channel":"C1","ts":"2.0",
                     "text":"CANARY","message":{"text":"CANARY"},"previous_message":{"text":"CANARY"},
                     "root":{"text":"CANARY"},"blocks":[{"text":"CANARY"}]}})")
                                     .object();
        const QByteArray kept = MessageEvents::wordless(body);
        QVERIFY2(!kept.contains("CANARY") && !kept.contains("legacy"), kept.constData());
        const QJsonObject event = QJsonDocument::fromJson(kept).object().value(u"event").toObject();
        QCOMPARE(event.value(u"subtype").toString(), u"message_changed"_s);
        QCOMPARE(event.value(u"channel").toString(), u"C1"_s);
        QCOMPARE(QJsonDocument::fromJson(kept).object().value(u"event_id").toString(), u"Ev1"_s);
    }
};

QTEST_APPLESS_MAIN(TestMessageEvents)
#include "tst_messageevents.moc"
