#include "slack/modalparts.h"

#include "slack/blockkit.h"

#include <QJsonArray>

namespace Bridge::ModalParts {

using namespace BlockKit;

QJsonObject modal(QLatin1StringView callbackId, const QString &title, const QString &submit,
                  const QString &privateMetadata, const QJsonArray &blocks)
{
    return QJsonObject{
        {QStringLiteral("type"), QStringLiteral("modal")},
        {QStringLiteral("callback_id"), callbackId},
        {QStringLiteral("private_metadata"), privateMetadata},
        {QStringLiteral("title"), plainText(title, Limit::ModalTitle)},
        {QStringLiteral("submit"), plainText(submit, Limit::ModalTitle)},
        {QStringLiteral("close"), plainText(QStringLiteral("Cancel"), Limit::ModalTitle)},
        {QStringLiteral("blocks"), blocks},
    };
}

QJsonObject input(QLatin1StringView id, const QString &label, QJsonObject element, bool optional)
{
    element.insert(QStringLiteral("action_id"), id);
    return QJsonObject{{QStringLiteral("type"), QStringLiteral("input")},
                       {QStringLiteral("block_id"), id},
                       {QStringLiteral("label"), plainText(label, Limit::InputLabel)},
                       {QStringLiteral("optional"), optional},
                       {QStringLiteral("element"), element}};
}

QJsonObject textInput(int maxLength, bool multiline, const QString &placeholder)
{
    QJsonObject element{{QStringLiteral("type"), QStringLiteral("plain_text_input")},
                        {QStringLiteral("multiline"), multiline},
                        {QStringLiteral("max_length"), maxLength}};
    if (!placeholder.isEmpty())
        element.insert(QStringLiteral("placeholder"), plainText(placeholder, Limit::Placeholder));
    return element;
}

QJsonObject caseFinder()
{
    return QJsonObject{
        {QStringLiteral("type"), QStringLiteral("external_select")},
        {QStringLiteral("min_query_length"), 1},
        {QStringLiteral("placeholder"),
         plainText(QStringLiteral("Case number, or words of its title"), Limit::Placeholder)}};
}

QJsonObject stateOf(const QJsonObject &values, QLatin1StringView id)
{
    return values.value(id).toObject().value(id).toObject();
}

QString textOf(const QJsonObject &values, QLatin1StringView id)
{
    return stateOf(values, id).value(QStringLiteral("value")).toString().trimmed();
}

QString selectedOptionOf(const QJsonObject &values, QLatin1StringView id)
{
    return stateOf(values, id)
        .value(QStringLiteral("selected_option"))
        .toObject()
        .value(QStringLiteral("value"))
        .toString();
}

} // namespace Bridge::ModalParts
