#pragma once

#include "core/hivevocabulary.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

/// Small builders for Block Kit JSON. Every builder enforces the limit of the field it
/// fills (shared/docs/slack-api.md §4), so a renderer cannot produce invalid_blocks by
/// accident. mrkdwn content is the caller's job: it must already be escaped and sized.
namespace Bridge::BlockKit {

namespace Limit {
constexpr int MessageBlocks = 50;
constexpr int ModalBlocks = 100;
constexpr int BlockId = 255;
constexpr int SectionText = 3000;
constexpr int SectionFields = 10;
constexpr int FieldText = 2000;
constexpr int HeaderText = 150;
constexpr int ContextElements = 10;
constexpr int ActionsElements = 25;
constexpr int OptionText = 75;
constexpr int OptionValue = 75; ///< docs say 150, node types 75: keep the safe one
constexpr int SelectOptions = 100;
constexpr int ButtonText = 75;
constexpr int ButtonValue = 2000;
constexpr int ButtonUrl = 3000;
constexpr int ConfirmTitle = 100;
constexpr int ConfirmText = 300;
constexpr int ConfirmButton = 30;
constexpr int Placeholder = 150;
constexpr int InputLabel = 2000;
constexpr int PlainTextInput = 3000;
constexpr int ModalTitle = 24; ///< also submit and close
constexpr int PrivateMetadata = 3000;
constexpr int FallbackText = 4000; ///< chat.update rejects more with msg_too_long
/// Undocumented cumulative cap behind msg_blocks_too_long (bolt-js #2509, #2867): Slack
/// rejects somewhere around 11–13 k characters of block text.
constexpr int MessageTextBudget = 11000;
} // namespace Limit

enum class ButtonStyle { Default, Primary, Danger };

/// `{"type":"plain_text","text":…,"emoji":true}`, truncated to @p maxChars.
QJsonObject plainText(const QString &text, int maxChars);
/// `{"type":"mrkdwn","text":…,"verbatim":true}`; verbatim stops Slack from auto-linking
/// names in user text (links the converter produced still work).
QJsonObject mrkdwnText(const QString &mrkdwn);

/// An option object; the text is truncated, the value must fit (callers skip it otherwise).
QJsonObject option(const QString &text, const QString &value);
/// ":emoji: Label" for one vocabulary entry, value = the TheHive value.
QJsonObject vocabOption(const VocabEntry &entry);
bool fitsOptionValue(const QString &value);

/// A static_select over @p entries (values that cannot fit are skipped); initial_option is
/// set only when @p initialValue is one of the options, as Slack rejects anything else.
QJsonObject staticSelect(const QString &actionId, const QString &placeholder,
                         const QList<VocabEntry> &entries, const QString &initialValue = {});
/// A users_select; @p initialUser is used when it is a valid Slack user id.
QJsonObject usersSelect(const QString &actionId, const QString &placeholder,
                        const QString &initialUser = {});

QJsonObject button(const QString &text, const QString &actionId, const QString &value,
                   ButtonStyle style = ButtonStyle::Default);
QJsonObject confirmDialog(const QString &title, const QString &text, const QString &confirm,
                          const QString &deny);

QJsonObject headerBlock(const QString &blockId, const QString &text);
QJsonObject sectionBlock(const QString &blockId, const QString &mrkdwn,
                         const QStringList &fieldsMrkdwn = {});
QJsonObject contextBlock(const QString &blockId, const QStringList &elementsMrkdwn);
QJsonObject actionsBlock(const QString &blockId, const QJsonArray &elements);

/// True for ids Slack issues for people ("U…" or, in Enterprise Grid, "W…"), which are
/// the only ones safe to put inside `<@…>`.
bool isSlackUserId(const QString &id);

} // namespace Bridge::BlockKit
