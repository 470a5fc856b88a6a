#pragma once

// Slack interactivity payloads built the way Slack builds them (slack-api.md §2.2, §2.3), for
// integration tests that click cards and submit forms against a bridge on loopback.

#include "fakeslack.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLatin1StringView>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace TestSupport {

struct Person
{
    QString slackId;
    QString name;
    QString email; ///< also the TheHive login
};

extern const Person Alice;
extern const Person Bob;
extern const Person Carol; ///< known to Slack only
extern const QString TeamId;

QString nextTriggerId();
QString actionTs();
QJsonObject userOf(const Person &p);
QJsonObject plainText(const QString &text);
/// A /hive slash command's fields, as Slack sends them; no response_url when it is empty.
QJsonObject slashCommand(const Person &who, const QString &channel, const QString &text,
                         const QUrl &responseUrl);

/// A control on the card, found by action_id (never by position).
struct Control
{
    QString blockId;
    QJsonObject element;
};

std::optional<Control> findControl(const QJsonArray &blocks, const QString &actionId);
QJsonObject optionWithValue(const QJsonObject &select, const QString &value);
/// Text of every field of the card's facts section, joined.
QString factsOf(const QJsonArray &blocks);
/// What a static select shows as chosen (initial_option.value), or a users_select's user.
QString shownValue(const QJsonArray &blocks, const QString &actionId);

QJsonObject selectAction(const Control &c, const QJsonObject &option);
QJsonObject buttonAction(const Control &c);
QJsonObject usersSelectAction(const Control &c, const QString &userId);
/// A block_actions payload as Slack sends it for a click on a message.
/// `who` picks `value` in the card's select `actionId`: the block_actions payload, or nullopt
/// when the card has no such control.
std::optional<QJsonObject> pickOnCard(const Person &who, const FakeSlack::PostedMessage &card,
                                      const QString &actionId, const QString &value);
QJsonObject blockActions(const Person &who, const FakeSlack::PostedMessage &card,
                         const QJsonObject &action);
/// A view_submission of @p openedView (as views.open rendered it) with the given state.
QJsonObject viewSubmission(const Person &who, QJsonObject openedView, const QJsonObject &values);

/// One input's entry in view.state.values: modals.h uses the action_id as block_id.
void putState(QJsonObject &values, QLatin1StringView id, const QJsonObject &state);
QJsonObject textState(const QJsonValue &value);
QJsonObject optionState(const QString &value, const QString &label);
QJsonObject addTaskValues(const QString &title, const QString &dueDate, bool theHive4);
QJsonObject closeValues(const QString &summary);

} // namespace TestSupport
