#include "slack/interaction.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QTest>

using namespace Bridge;

using Type = SlackInteraction::Type;

namespace {

QByteArray fixtureBytes(const QString &relative)
{
    QFile file(QStringLiteral(HIVESLACK_FIXTURES_DIR "/slack/") + relative);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open fixture");
    return file.readAll();
}

/// The payload of a Socket Mode envelope, re-serialised: byte-identical JSON is not needed
/// because parseInteraction() only reads values.
QByteArray envelopePayload(const QString &relative)
{
    const QJsonObject envelope = QJsonDocument::fromJson(fixtureBytes(relative)).object();
    return QJsonDocument(envelope.value(u"payload").toObject()).toJson(QJsonDocument::Compact);
}

SlackInteraction parsed(const QByteArray &json)
{
    QString error;
    const std::optional<SlackInteraction> in = parseInteraction(json, &error);
    if (!in)
        qWarning("parse failed: %s", qPrintable(error));
    return in.value_or(SlackInteraction{});
}

} // namespace

class TestInteraction : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyInteractiveFixtureIsHandled()
    {
        // Payload fixtures parse; the two that are not payloads (an ack body and a bare
        // view.state) are refused for lack of a "type", not crashed on.
        const QDir dir(QStringLiteral(HIVESLACK_FIXTURES_DIR "/slack/interactive"));
        const QStringList files = dir.entryList({QStringLiteral("*.json")}, QDir::Files);
        QCOMPARE(files.size(), 13);
        for (const QString &name : files) {
            QString error;
            const auto in =
                parseInteraction(fixtureBytes(QStringLiteral("interactive/") + name), &error);
            const bool payload =
                !name.startsWith(u"ack_") && !name.startsWith(u"view_state_values");
            QVERIFY2(in.has_value() == payload, qPrintable(name + u": " + error));
            if (payload) {
                QVERIFY2(!in->userId.isEmpty(), qPrintable(name));
                QVERIFY2(!in->teamId.isEmpty(), qPrintable(name));
                QVERIFY2(in->type != Type::Other, qPrintable(name));
            } else {
                QVERIFY(error.contains(u"type"));
            }
        }
    }

    void blockActionsDocsExample()
    {
        const SlackInteraction in = parsed(
            fixtureBytes(QStringLiteral("interactive/block_actions_button_docs_example.json")));
        QCOMPARE(in.type, Type::BlockActions);
        QCOMPARE(in.typeName, QStringLiteral("block_actions"));
        QCOMPARE(in.userId, QStringLiteral("UA8RXUSPL"));
        QCOMPARE(in.userName, QStringLiteral("jtorrance")); // no "name" in this payload
        QCOMPARE(in.teamId, QStringLiteral("T9TK3CUKW"));
        QCOMPARE(in.channelId, QStringLiteral("CBR2V3XEX"));
        QCOMPARE(in.messageTs, QStringLiteral("1548261231.000200"));
        QCOMPARE(in.triggerId,
                 QStringLiteral("12321423423.333649436676.d8c1bb837935619ccad0f624c448ffb3"));
        QCOMPARE(
            in.responseUrl,
            QStringLiteral(
                "https://hooks.slack.com/actions/AABA1ABCD/1232321423432/D09sSasdasdAS9091209"));
        QCOMPARE(in.actions.size(), 1);
        const SlackAction &a = in.actions.first();
        QCOMPARE(a.actionId, QStringLiteral("WaXA"));
        QCOMPARE(a.blockId, QStringLiteral("=qXel"));
        QCOMPARE(a.type, QStringLiteral("button"));
        QCOMPARE(a.value, QStringLiteral("click_me_123"));
        QCOMPARE(a.actionTs, QStringLiteral("1548426417.840180"));
        QVERIFY(a.selectedOption.isEmpty());
        QVERIFY(in.viewId.isEmpty());
        QVERIFY(in.stateValues.isEmpty());
    }

    void blockActionsHomeTabHasNoResponseUrl()
    {
        const SlackInteraction in = parsed(fixtureBytes(
            QStringLiteral("interactive/block_actions_button_home_tab_real_compact.json")));
        QCOMPARE(in.type, Type::BlockActions);
        QVERIFY(in.responseUrl.isEmpty());
        QVERIFY(in.channelId.isEmpty());
        QVERIFY(in.messageTs.isEmpty());
        QCOMPARE(in.viewId, QStringLiteral("V123"));
        QCOMPARE(in.actions.first().actionId, QStringLiteral("home_button_1"));
        QCOMPARE(in.actions.first().value, QStringLiteral("create_task"));
    }

    void blockActionsConfirmWithoutValue()
    {
        const SlackInteraction in = parsed(
            fixtureBytes(QStringLiteral("interactive/block_actions_button_confirm_home_tab.json")));
        QCOMPARE(in.actions.first().actionId, QStringLiteral("clear-settings-button"));
        QVERIFY(in.actions.first().value.isEmpty());
        QCOMPARE(in.viewId, QStringLiteral("V12345678"));
    }

    void blockActionsStateAtTopLevel()
    {
        const SlackInteraction in = parsed(fixtureBytes(
            QStringLiteral("interactive/block_actions_button_with_state_external_select.json")));
        QCOMPARE(in.channelId, QStringLiteral("C111"));
        QCOMPARE(in.messageTs, QStringLiteral("1606455372.001200"));
        QCOMPARE(in.stateValues.value(u"block_1")
                     .toObject()
                     .value(u"action_1")
                     .toObject()
                     .value(u"selected_option")
                     .toObject()
                     .value(u"value")
                     .toString(),
                 QStringLiteral("schedule"));
    }

    void blockActionsInThread()
    {
        const SlackInteraction in = parsed(fixtureBytes(
            QStringLiteral("interactive/block_actions_button_in_thread_ephemeral.json")));
        QCOMPARE(in.messageTs, QStringLiteral("1693635296.000500"));
        QCOMPARE(in.actions.first().value, QStringLiteral("1"));
    }

    void blockActionsAppUnfurl()
    {
        const SlackInteraction in = parsed(
            fixtureBytes(QStringLiteral("interactive/block_actions_button_app_unfurl.json")));
        QCOMPARE(in.channelId, QStringLiteral("C111"));
        QCOMPARE(in.messageTs, QStringLiteral("1661488735.191299"));
        QCOMPARE(in.responseUrl, QStringLiteral("https://hooks.slack.com/actions/T111/111/222"));
    }

    void viewSubmission()
    {
        const SlackInteraction in = parsed(fixtureBytes(
            QStringLiteral("interactive/view_submission_static_select_datepicker_multiline.json")));
        QCOMPARE(in.type, Type::ViewSubmission);
        QCOMPARE(in.viewId, QStringLiteral("V12345678"));
        QCOMPARE(in.callbackId, QStringLiteral("modal-callback-id"));
        QCOMPARE(in.privateMetadata, QString());
        QCOMPARE(in.triggerId,
                 QStringLiteral("768915595217.771150964790.bbc12e4f1483ce782cd891edf9dca94c"));
        QVERIFY(in.actions.isEmpty());
        QCOMPARE(in.stateValues.size(), 3);
        QCOMPARE(in.stateValues.value(u"date-of-visit")
                     .toObject()
                     .value(u"single_action")
                     .toObject()
                     .value(u"selected_date")
                     .toString(),
                 QStringLiteral("2019-09-23"));
    }

    void viewSubmissionRealCompact()
    {
        const SlackInteraction in =
            parsed(fixtureBytes(QStringLiteral("interactive/view_submission_real_compact.json")));
        QCOMPARE(in.callbackId, QStringLiteral("request-modal"));
        // "\/" escapes decoded.
        QCOMPARE(
            in.privateMetadata,
            QStringLiteral(
                "https://hooks.slack.com/commands/T123/977578904577/NfI6RdDqrYDC8Pjzo01xgLQ3"));
        QVERIFY(in.responseUrl.isEmpty());
    }

    void viewSubmissionOrgInstallWithNullTeam()
    {
        const SlackInteraction in = parsed(fixtureBytes(
            QStringLiteral("interactive/view_submission_org_install_datepicker_timepicker.json")));
        QCOMPARE(in.type, Type::ViewSubmission);
        QCOMPARE(in.teamId, QStringLiteral("T111")); // team is null: the user's team
        QCOMPARE(in.userId, QStringLiteral("W111"));
        QCOMPARE(in.callbackId, QStringLiteral("test-view"));
        QCOMPARE(in.stateValues.keys(),
                 (QStringList{QStringLiteral("agenda-block"), QStringLiteral("date-block"),
                              QStringLiteral("time-block")}));
    }

    void viewClosed_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("callbackId");
        QTest::newRow("docs") << QStringLiteral("interactive/view_closed.json")
                              << QStringLiteral("modal-callback-id");
        QTest::newRow("real") << QStringLiteral("interactive/view_closed_real_compact.json")
                              << QStringLiteral("request-modal");
    }

    void viewClosed()
    {
        QFETCH(QString, file);
        QFETCH(QString, callbackId);
        const SlackInteraction in = parsed(fixtureBytes(file));
        QCOMPARE(in.type, Type::ViewClosed);
        QCOMPARE(in.callbackId, callbackId);
        QVERIFY(in.triggerId.isEmpty());
        QVERIFY(in.actions.isEmpty());
    }

    void socketModeMessageButton()
    {
        const SlackInteraction in = parsed(envelopePayload(QStringLiteral(
            "socket-mode/socket_mode_envelope_interactive_block_actions_button.json")));
        QCOMPARE(in.type, Type::BlockActions);
        QCOMPARE(in.channelId, QStringLiteral("C111"));
        QCOMPARE(in.messageTs, QStringLiteral("1605853634.000400"));
        QCOMPARE(in.actions.first().actionId, QStringLiteral("a"));
        QCOMPARE(in.actions.first().blockId, QStringLiteral("b"));
        QCOMPARE(in.actions.first().value, QStringLiteral("underlying"));
    }

    void socketModeModalStaticSelect()
    {
        const SlackInteraction in = parsed(envelopePayload(QStringLiteral(
            "socket-mode/"
            "socket_mode_envelope_interactive_block_actions_static_select_modal.json")));
        QCOMPARE(in.type, Type::BlockActions);
        QVERIFY(in.responseUrl.isEmpty()); // modal actions have none
        QCOMPARE(in.viewId, QStringLiteral("V1234567890"));
        const SlackAction &a = in.actions.first();
        QCOMPARE(a.type, QStringLiteral("static_select"));
        QCOMPARE(a.selectedOption, QString(75, u'a'));
        QCOMPARE(in.stateValues.value(u"block")
                     .toObject()
                     .value(u"a")
                     .toObject()
                     .value(u"selected_option")
                     .toObject()
                     .value(u"value")
                     .toString(),
                 QString(75, u'a'));
    }

    void socketModeShortcut()
    {
        const SlackInteraction in = parsed(envelopePayload(
            QStringLiteral("socket-mode/socket_mode_envelope_interactive_shortcut_py.json")));
        QCOMPARE(in.type, Type::Shortcut);
        QCOMPARE(in.callbackId, QStringLiteral("do-something"));
        QCOMPARE(in.triggerId, QStringLiteral("111.222.xxx"));
        QCOMPARE(in.userName, QStringLiteral("testxyz"));
    }

    void nullsAndMissingFieldsAreEmpty()
    {
        const QByteArray json =
            R"({"type":"block_actions","team":null,"user":{"id":"U1","team_id":"T9"},
            "container":{"type":"message","message_ts":"1.2","channel_id":"C1"},"channel":null,
            "actions":[{"type":"static_select","action_id":"hs_status","block_id":"hs:controls:~1:abcdef01","selected_option":null},
                       {"type":"users_select","action_id":"hs_assignee","block_id":"x","selected_user":"U2"},
                       {"type":"datepicker","action_id":"d","block_id":"x","selected_date":null},
                       {"type":"datepicker","action_id":"d2","block_id":"x","selected_date":"2024-05-01"},
                       "not an object"],
            "view":null,"state":null})";
        const SlackInteraction in = parsed(json);
        QCOMPARE(in.teamId, QStringLiteral("T9"));
        QCOMPARE(in.channelId, QStringLiteral("C1"));
        QCOMPARE(in.messageTs, QStringLiteral("1.2"));
        QVERIFY(in.responseUrl.isEmpty());
        QCOMPARE(in.actions.size(), 4);
        QVERIFY(in.actions.at(0).selectedOption.isEmpty());
        QCOMPARE(in.actions.at(1).selectedUser, QStringLiteral("U2"));
        QVERIFY(in.actions.at(2).selectedDate.isEmpty());
        QCOMPARE(in.actions.at(3).selectedDate, QStringLiteral("2024-05-01"));
        QVERIFY(in.stateValues.isEmpty());
    }

    void otherTypesKeepTheirName()
    {
        const SlackInteraction in =
            parsed(R"({"type":"message_action","callback_id":"cb","user":{"id":"U1"}})");
        QCOMPARE(in.type, Type::MessageAction);
        QCOMPARE(in.typeName, QStringLiteral("message_action"));
        QCOMPARE(in.callbackId, QStringLiteral("cb"));
    }

    void refusesNonPayloads_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("not json") << QByteArrayLiteral("payload=%7B%7D");
        QTest::newRow("truncated") << QByteArrayLiteral(R"({"type":"block_actions")");
        QTest::newRow("array") << QByteArrayLiteral(R"([{"type":"block_actions"}])");
        QTest::newRow("no type") << QByteArrayLiteral(R"({"user":{"id":"U1"}})");
        QTest::newRow("type not a string") << QByteArrayLiteral(R"({"type":7})");
        QTest::newRow("type null") << QByteArrayLiteral(R"({"type":null})");
    }

    void refusesNonPayloads()
    {
        QFETCH(QByteArray, json);
        QString error;
        QVERIFY(!parseInteraction(json, &error).has_value());
        QVERIFY(!error.isEmpty());
        QVERIFY(!parseInteraction(json, nullptr).has_value()); // error is optional
    }
};

QTEST_GUILESS_MAIN(TestInteraction)
#include "tst_interaction.moc"
