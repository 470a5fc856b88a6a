#include "slackpayloads.h"

#include "slack/modals.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

namespace TestSupport {

const Person Alice{u"U0ALICE"_s, u"alice"_s, u"alice@soc.example"_s};
const Person Bob{u"U0BOB"_s, u"bob"_s, u"bob@soc.example"_s};
const Person Carol{u"U0CAROL"_s, u"carol"_s, u"carol@soc.example"_s}; ///< Slack only
const QString TeamId = u"T0SOC"_s;

QString nextTriggerId()
{
    static int counter = 0;
    return u"%1.4415061.%2"_s.arg(QDateTime::currentMSecsSinceEpoch())
        .arg(QString::number(0xa5f00000 + ++counter, 16));
}

QString actionTs()
{
    return QString::number(double(QDateTime::currentMSecsSinceEpoch()) / 1000.0, 'f', 6);
}

QJsonObject userOf(const Person &p)
{
    return {
        {u"id"_s, p.slackId}, {u"username"_s, p.name}, {u"name"_s, p.name}, {u"team_id"_s, TeamId}};
}

QJsonObject plainText(const QString &text)
{
    return {{u"type"_s, u"plain_text"_s}, {u"text"_s, text}, {u"emoji"_s, true}};
}

std::optional<Control> findControl(const QJsonArray &blocks, const QString &actionId)
{
    for (const QJsonValue &block : blocks) {
        for (const QJsonValue &element : block[u"elements"_s].toArray()) {
            if (element[u"action_id"_s].toString() == actionId)
                return Control{block[u"block_id"_s].toString(), element.toObject()};
        }
    }
    return std::nullopt;
}

QJsonObject optionWithValue(const QJsonObject &select, const QString &value)
{
    for (const QJsonValue &option : select[u"options"_s].toArray()) {
        if (option[u"value"_s].toString() == value)
            return option.toObject();
    }
    return {};
}

/// Text of every field of the card's facts section, joined.
QString factsOf(const QJsonArray &blocks)
{
    for (const QJsonValue &block : blocks) {
        if (!block[u"block_id"_s].toString().startsWith(u"hs:facts:"))
            continue;
        QStringList texts;
        for (const QJsonValue &f : block[u"fields"_s].toArray())
            texts.append(f[u"text"_s].toString());
        return texts.join(u'\n');
    }
    return {};
}

/// What a static select shows as chosen (initial_option.value), or a users_select's user.
QString shownValue(const QJsonArray &blocks, const QString &actionId)
{
    const std::optional<Control> c = findControl(blocks, actionId);
    if (!c)
        return u"<no control>"_s;
    if (c->element.contains(u"initial_user"_s))
        return c->element[u"initial_user"_s].toString();
    return c->element[u"initial_option"_s][u"value"_s].toString();
}

QJsonObject selectAction(const Control &c, const QJsonObject &option)
{
    return {{u"type"_s, u"static_select"_s},
            {u"action_id"_s, c.element[u"action_id"_s]},
            {u"block_id"_s, c.blockId},
            {u"selected_option"_s, option},
            {u"placeholder"_s, c.element[u"placeholder"_s]},
            {u"action_ts"_s, actionTs()}};
}

QJsonObject buttonAction(const Control &c)
{
    QJsonObject action{{u"type"_s, u"button"_s},
                       {u"action_id"_s, c.element[u"action_id"_s]},
                       {u"block_id"_s, c.blockId},
                       {u"text"_s, c.element[u"text"_s]},
                       {u"value"_s, c.element[u"value"_s]},
                       {u"action_ts"_s, actionTs()}};
    if (c.element.contains(u"style"_s))
        action.insert(u"style"_s, c.element[u"style"_s]);
    return action;
}

QJsonObject usersSelectAction(const Control &c, const QString &userId)
{
    return {{u"type"_s, u"users_select"_s},
            {u"action_id"_s, c.element[u"action_id"_s]},
            {u"block_id"_s, c.blockId},
            {u"selected_user"_s, userId},
            {u"action_ts"_s, actionTs()}};
}

/// A block_actions payload as Slack sends it for a click on a message (slack-api.md §2.2).
QJsonObject blockActions(const Person &who, const FakeSlack::PostedMessage &card,
                         const QJsonObject &action)
{
    return {
        {u"type"_s, u"block_actions"_s},
        {u"user"_s, userOf(who)},
        {u"api_app_id"_s, u"A0HIVESLACK"_s},
        {u"token"_s, u"legacy-verification-token"_s},
        {u"container"_s, QJsonObject{{u"type"_s, u"message"_s},
                                     {u"message_ts"_s, card.ts},
                                     {u"channel_id"_s, card.channel},
                                     {u"is_ephemeral"_s, false}}},
        {u"trigger_id"_s, nextTriggerId()},
        {u"team"_s, QJsonObject{{u"id"_s, TeamId}, {u"domain"_s, u"soc-example"_s}}},
        {u"enterprise"_s, QJsonValue::Null},
        {u"is_enterprise_install"_s, false},
        {u"channel"_s, QJsonObject{{u"id"_s, card.channel}, {u"name"_s, u"soc-cases"_s}}},
        {u"message"_s, QJsonObject{{u"type"_s, u"message"_s},
                                   {u"subtype"_s, u"bot_message"_s},
                                   {u"bot_id"_s, u"B0HIVESLACK"_s},
                                   {u"ts"_s, card.ts},
                                   {u"text"_s, card.text},
                                   {u"blocks"_s, card.blocks}}},
        {u"state"_s, QJsonObject{{u"values"_s, QJsonObject()}}},
        {u"response_url"_s, u"https://hooks.slack.com/actions/T0SOC/7519/Zp0aXb"_s},
        {u"actions"_s, QJsonArray{action}},
    };
}

std::optional<QJsonObject> pickOnCard(const Person &who, const FakeSlack::PostedMessage &card,
                                      const QString &actionId, const QString &value)
{
    const std::optional<Control> control = findControl(card.blocks, actionId);
    if (!control)
        return std::nullopt;
    return blockActions(who, card,
                        selectAction(*control, optionWithValue(control->element, value)));
}

/// A view_submission of @p openedView (as views.open rendered it) with the given state.
QJsonObject slashCommand(const Person &who, const QString &channel, const QString &text,
                         const QUrl &responseUrl)
{
    QJsonObject fields{{u"token"_s, u"legacy-verification-token"_s},
                       {u"team_id"_s, TeamId},
                       {u"team_domain"_s, u"acme-soc"_s},
                       {u"channel_id"_s, channel},
                       {u"channel_name"_s, u"soc"_s},
                       {u"user_id"_s, who.slackId},
                       {u"user_name"_s, who.name},
                       {u"command"_s, u"/hive"_s},
                       {u"text"_s, text},
                       {u"api_app_id"_s, u"A111"_s},
                       {u"trigger_id"_s, nextTriggerId()}};
    if (!responseUrl.isEmpty())
        fields.insert(u"response_url"_s, responseUrl.toString());
    return fields;
}

QJsonObject viewSubmission(const Person &who, QJsonObject openedView, const QJsonObject &values)
{
    openedView.insert(u"state"_s, QJsonObject{{u"values"_s, values}});
    return {
        {u"type"_s, u"view_submission"_s},
        {u"team"_s, QJsonObject{{u"id"_s, TeamId}, {u"domain"_s, u"soc-example"_s}}},
        {u"user"_s, userOf(who)},
        {u"api_app_id"_s, u"A0HIVESLACK"_s},
        {u"token"_s, u"legacy-verification-token"_s},
        {u"trigger_id"_s, nextTriggerId()},
        {u"view"_s, openedView},
        {u"response_urls"_s, QJsonArray()},
        {u"is_enterprise_install"_s, false},
        {u"enterprise"_s, QJsonValue::Null},
    };
}

/// One input's entry in view.state.values: modals.h uses the action_id as block_id.
void putState(QJsonObject &values, QLatin1StringView id, const QJsonObject &state)
{
    values.insert(QString(id), QJsonObject{{QString(id), state}});
}

QJsonObject textState(const QJsonValue &value)
{
    return {{u"type"_s, u"plain_text_input"_s}, {u"value"_s, value}};
}

QJsonObject optionState(const QString &value, const QString &label)
{
    return {
        {u"type"_s, u"static_select"_s},
        {u"selected_option"_s, QJsonObject{{u"text"_s, plainText(label)}, {u"value"_s, value}}}};
}

QJsonObject addTaskValues(const QString &title, const QString &dueDate, bool theHive4)
{
    QJsonObject values;
    putState(values, Bridge::ModalIds::TaskTitle, textState(title));
    putState(values, Bridge::ModalIds::TaskDescription,
             textState(u"Pull the KAPE triage package from WS-042"_s));
    putState(values, Bridge::ModalIds::TaskGroup, textState(QJsonValue::Null));
    putState(values, Bridge::ModalIds::TaskDue,
             {{u"type"_s, u"datepicker"_s},
              {u"selected_date"_s,
               dueDate.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(dueDate)}});
    putState(values, Bridge::ModalIds::TaskAssignee,
             {{u"type"_s, u"users_select"_s}, {u"selected_user"_s, Bob.slackId}});
    if (!theHive4)
        putState(values, Bridge::ModalIds::TaskMandatory,
                 {{u"type"_s, u"checkboxes"_s}, {u"selected_options"_s, QJsonArray()}});
    return values;
}

QJsonObject closeValues(const QString &summary)
{
    QJsonObject values;
    putState(values, Bridge::ModalIds::Resolution,
             optionState(u"FalsePositive"_s, u"False positive"_s));
    putState(values, Bridge::ModalIds::Impact, optionState(u"NoImpact"_s, u"No impact"_s));
    putState(values, Bridge::ModalIds::Summary, textState(summary));
    return values;
}

} // namespace TestSupport
