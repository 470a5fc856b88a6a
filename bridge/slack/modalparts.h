#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QLatin1StringView>
#include <QString>

/// Pieces every HiveSlack modal is built from and read back with. Input blocks use their
/// element's action_id as block_id, so a submission's value is `state.values[id][id]`.
namespace Bridge::ModalParts {

/// A modal view with Cancel as its close button; titles are cut to Slack's 24 characters.
QJsonObject modal(QLatin1StringView callbackId, const QString &title, const QString &submit,
                  const QString &privateMetadata, const QJsonArray &blocks);
/// An input block whose block_id equals its element's action_id.
QJsonObject input(QLatin1StringView id, const QString &label, QJsonObject element, bool optional);
QJsonObject textInput(int maxLength, bool multiline, const QString &placeholder = {});
/// The case finder: an external_select whose options come from a block_suggestion
/// (CaseSuggestions), by case number or words of the title.
QJsonObject caseFinder();

/// The state of input `id` in a submission's `view.state.values`.
QJsonObject stateOf(const QJsonObject &values, QLatin1StringView id);
/// A text input's value, trimmed.
QString textOf(const QJsonObject &values, QLatin1StringView id);
/// A static select's chosen value, empty when none.
QString selectedOptionOf(const QJsonObject &values, QLatin1StringView id);

} // namespace Bridge::ModalParts
