#include "eventsummary.h"

#include "journal/journaltypes.h"
#include "slack/interaction.h"
#include "thehive/webhookevent.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Console {

namespace {

/// Translation context for the summaries (lupdate finds Text::tr).
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(EventSummary)
};

QString hiveAction(const Bridge::HiveEvent &e)
{
    const QString object = e.objectType.isEmpty() ? Text::tr("object") : e.objectType.toLower();
    if (e.action == u"create")
        return Text::tr("%1 created").arg(object);
    if (e.action == u"update")
        return Text::tr("%1 updated").arg(object);
    if (e.action == u"delete")
        return Text::tr("%1 deleted").arg(object);
    return Text::tr("%1 %2").arg(object, e.action);
}

EventSummary summarizeHive(const Bridge::JournalEvent &event)
{
    EventSummary s;
    s.direction = EventSummary::Direction::HiveToSlack;
    s.caseLabel = event.caseKey;
    s.action = event.kind;
    // The bridge's own follow-up to an applied Slack action: no webhook to read.
    if (event.kind == u"card.refresh") {
        s.action = Text::tr("card refreshed");
        return s;
    }
    const Bridge::WebhookParse parsed = Bridge::parseWebhook(event.payload);
    if (!parsed.event)
        return s;
    const Bridge::HiveEvent &e = *parsed.event;
    s.action = hiveAction(e);
    const QString title = e.isCaseEvent() ? e.object.value(u"title").toString() : QString();
    if (e.caseNumber > 0)
        s.caseLabel =
            QString(QLatin1Char('#') + QString::number(e.caseNumber) + QLatin1Char(' ') + title)
                .trimmed();
    else if (s.caseLabel.isEmpty())
        s.caseLabel = e.caseId;
    return s;
}

/// The label Slack showed for a selected option; the value when the payload has no label.
QString selectedLabel(const QByteArray &payload)
{
    const QJsonObject first =
        QJsonDocument::fromJson(payload).object().value(u"actions").toArray().first().toObject();
    return first.value(u"selected_option")
        .toObject()
        .value(u"text")
        .toObject()
        .value(u"text")
        .toString();
}

QString slackAction(const Bridge::SlackInteraction &in, const QByteArray &payload)
{
    using Type = Bridge::SlackInteraction::Type;
    if (in.type == Type::ViewSubmission) {
        if (in.callbackId == u"hs_close_case")
            return Text::tr("close case");
        if (in.callbackId == u"hs_add_task")
            return Text::tr("add task");
        return Text::tr("submit form %1").arg(in.callbackId);
    }
    if (in.type != Type::BlockActions || in.actions.isEmpty())
        return in.typeName;
    const Bridge::SlackAction &a = in.actions.constFirst();
    QString option = selectedLabel(payload);
    if (option.isEmpty())
        option = a.selectedOption;
    const auto set = [](const QString &verb, const QString &value) {
        return value.isEmpty() ? verb : verb + QStringLiteral(" → ") + value;
    };
    if (a.actionId == u"hs_status")
        return set(Text::tr("set status"), option);
    if (a.actionId == u"hs_severity")
        return set(Text::tr("set severity"), option);
    if (a.actionId == u"hs_tlp")
        return set(Text::tr("set TLP"), option);
    if (a.actionId == u"hs_pap")
        return set(Text::tr("set PAP"), option);
    if (a.actionId == u"hs_assignee")
        return set(Text::tr("assign"), a.selectedUser);
    if (a.actionId == u"hs_assign_me")
        return Text::tr("assign to me");
    if (a.actionId == u"hs_add_task")
        return Text::tr("open the add-task form");
    if (a.actionId == u"hs_close")
        return Text::tr("open the close form");
    if (a.actionId == u"hs_reopen")
        return Text::tr("reopen");
    if (a.actionId == u"hs_open_case")
        return Text::tr("open in TheHive");
    return a.actionId;
}

EventSummary summarizeSlack(const Bridge::JournalEvent &event)
{
    EventSummary s;
    s.direction = EventSummary::Direction::SlackToHive;
    s.caseLabel = event.caseKey;
    s.action = event.kind;
    QString error;
    const std::optional<Bridge::SlackInteraction> in =
        Bridge::parseInteraction(event.payload, &error);
    if (!in)
        return s;
    s.channel = in->channelId;
    s.action = slackAction(*in, event.payload);
    if (!in->userId.isEmpty())
        s.slackUser = in->userName.isEmpty()
                          ? in->userId
                          : in->userName + QStringLiteral(" (") + in->userId + QLatin1Char(')');
    return s;
}

} // namespace

EventSummary summarizeEvent(const Bridge::JournalEvent &event)
{
    return event.source == Bridge::EventSource::Slack ? summarizeSlack(event)
                                                      : summarizeHive(event);
}

QString directionLabel(EventSummary::Direction direction)
{
    return direction == EventSummary::Direction::SlackToHive ? Text::tr("Slack → TheHive")
                                                             : Text::tr("TheHive → Slack");
}

QString stateLabel(const QString &state)
{
    if (state == Bridge::EventState::Pending)
        return Text::tr("Pending");
    if (state == Bridge::EventState::Delivered)
        return Text::tr("Delivered");
    if (state == Bridge::EventState::Failed)
        return Text::tr("Failed");
    if (state == Bridge::EventState::Ignored)
        return Text::tr("Ignored");
    if (state == Bridge::EventState::Discarded)
        return Text::tr("Discarded");
    return state;
}

} // namespace Console
