#pragma once

#include "core/hivevocabulary.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QUrl>

/// Pieces the case card and the alert card are both drawn with. Text they return is escaped
/// mrkdwn, sized to its budget.
namespace Bridge::CardParts {

/// Characters of mrkdwn one field value may take.
constexpr int FieldValueBudget = 200;

/// ":emoji: Label", with the label escaped: custom statuses are user text.
QString vocabMrkdwn(const VocabEntry &entry);
/// "*Label*\nvalue".
QString field(const QString &label, const QString &valueMrkdwn);
QString notSet();
/// A time Slack shows in each reader's own time zone, the UTC ISO text as fallback.
QString dateMrkdwn(qint64 ms);
/// ":label: a, b … +N more", or empty without tags.
QString tagsMrkdwn(const QStringList &tags);
/// `url` when Slack can take it as a link or button URL (http(s), not too long); else empty.
QString safeUrl(const QUrl &url);

/// The message as posted: each block's block_id (its part name until here) becomes
/// "hs:<part>:<id>:<rev>", rev hashing the whole rendering so every new version gets new
/// block ids and Slack clients drop stale selections.
QJsonObject finishCard(const QString &id, const QJsonArray &blocks, const QString &text);
/// The same with block i stamped with `ids[i]` (a digest's lines each name their alert).
QJsonObject finishCard(const QStringList &ids, const QJsonArray &blocks, const QString &text);

} // namespace Bridge::CardParts
