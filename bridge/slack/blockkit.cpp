#include "slack/blockkit.h"

#include "slack/mrkdwn.h"

#include <QRegularExpression>

namespace Bridge::BlockKit {

namespace {

QJsonObject typed(const QString &type)
{
    return QJsonObject{{QStringLiteral("type"), type}};
}

} // namespace

QJsonObject plainText(const QString &text, int maxChars)
{
    QJsonObject object = typed(QStringLiteral("plain_text"));
    object.insert(QStringLiteral("text"), truncateText(text, maxChars));
    object.insert(QStringLiteral("emoji"), true);
    return object;
}

QJsonObject mrkdwnText(const QString &mrkdwn)
{
    QJsonObject object = typed(QStringLiteral("mrkdwn"));
    object.insert(QStringLiteral("text"), mrkdwn);
    object.insert(QStringLiteral("verbatim"), true);
    return object;
}

bool fitsOptionValue(const QString &value)
{
    return !value.isEmpty() && value.size() <= Limit::OptionValue;
}

QJsonObject option(const QString &text, const QString &value)
{
    return QJsonObject{{QStringLiteral("text"), plainText(text, Limit::OptionText)},
                       {QStringLiteral("value"), value}};
}

QJsonObject vocabOption(const VocabEntry &entry)
{
    return option(entry.emoji + u' ' + entry.label, entry.value);
}

QJsonObject staticSelect(const QString &actionId, const QString &placeholder,
                         const QList<VocabEntry> &entries, const QString &initialValue)
{
    QJsonObject select = typed(QStringLiteral("static_select"));
    select.insert(QStringLiteral("action_id"), actionId);
    select.insert(QStringLiteral("placeholder"), plainText(placeholder, Limit::Placeholder));
    QJsonArray options;
    for (const VocabEntry &entry : entries) {
        if (!fitsOptionValue(entry.value) || options.size() >= Limit::SelectOptions)
            continue;
        const QJsonObject opt = vocabOption(entry);
        options.append(opt);
        if (entry.value == initialValue)
            select.insert(QStringLiteral("initial_option"), opt);
    }
    select.insert(QStringLiteral("options"), options);
    return select;
}

QJsonObject usersSelect(const QString &actionId, const QString &placeholder,
                        const QString &initialUser)
{
    QJsonObject select = typed(QStringLiteral("users_select"));
    select.insert(QStringLiteral("action_id"), actionId);
    select.insert(QStringLiteral("placeholder"), plainText(placeholder, Limit::Placeholder));
    if (isSlackUserId(initialUser))
        select.insert(QStringLiteral("initial_user"), initialUser);
    return select;
}

QJsonObject button(const QString &text, const QString &actionId, const QString &value,
                   ButtonStyle style)
{
    QJsonObject object = typed(QStringLiteral("button"));
    object.insert(QStringLiteral("action_id"), actionId);
    object.insert(QStringLiteral("text"), plainText(text, Limit::ButtonText));
    if (!value.isEmpty())
        object.insert(QStringLiteral("value"), truncateText(value, Limit::ButtonValue, {}));
    // Slack knows only these two styles; the default look means no "style" key at all.
    if (style == ButtonStyle::Primary)
        object.insert(QStringLiteral("style"), QStringLiteral("primary"));
    else if (style == ButtonStyle::Danger)
        object.insert(QStringLiteral("style"), QStringLiteral("danger"));
    return object;
}

QJsonObject confirmDialog(const QString &title, const QString &text, const QString &confirm,
                          const QString &deny)
{
    return QJsonObject{{QStringLiteral("title"), plainText(title, Limit::ConfirmTitle)},
                       {QStringLiteral("text"), plainText(text, Limit::ConfirmText)},
                       {QStringLiteral("confirm"), plainText(confirm, Limit::ConfirmButton)},
                       {QStringLiteral("deny"), plainText(deny, Limit::ConfirmButton)}};
}

QJsonObject headerBlock(const QString &blockId, const QString &text)
{
    QJsonObject block = typed(QStringLiteral("header"));
    block.insert(QStringLiteral("block_id"), blockId);
    block.insert(QStringLiteral("text"), plainText(text, Limit::HeaderText));
    return block;
}

QJsonObject sectionBlock(const QString &blockId, const QString &mrkdwn,
                         const QStringList &fieldsMrkdwn)
{
    QJsonObject block = typed(QStringLiteral("section"));
    block.insert(QStringLiteral("block_id"), blockId);
    if (!mrkdwn.isEmpty())
        block.insert(QStringLiteral("text"), mrkdwnText(mrkdwn));
    if (!fieldsMrkdwn.isEmpty()) {
        QJsonArray fields;
        for (const QString &field : fieldsMrkdwn.mid(0, Limit::SectionFields))
            fields.append(mrkdwnText(field));
        block.insert(QStringLiteral("fields"), fields);
    }
    return block;
}

QJsonObject contextBlock(const QString &blockId, const QStringList &elementsMrkdwn)
{
    QJsonObject block = typed(QStringLiteral("context"));
    block.insert(QStringLiteral("block_id"), blockId);
    QJsonArray elements;
    for (const QString &element : elementsMrkdwn.mid(0, Limit::ContextElements))
        elements.append(mrkdwnText(element));
    block.insert(QStringLiteral("elements"), elements);
    return block;
}

QJsonObject actionsBlock(const QString &blockId, const QJsonArray &elements)
{
    QJsonObject block = typed(QStringLiteral("actions"));
    block.insert(QStringLiteral("block_id"), blockId);
    QJsonArray kept;
    for (const QJsonValue &element : elements) {
        if (kept.size() < Limit::ActionsElements)
            kept.append(element);
    }
    block.insert(QStringLiteral("elements"), kept);
    return block;
}

bool isSlackUserId(const QString &id)
{
    static const QRegularExpression pattern(QStringLiteral("^[UW][A-Z0-9]{2,20}$"));
    return pattern.match(id).hasMatch();
}

} // namespace Bridge::BlockKit
