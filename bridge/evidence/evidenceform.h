#pragma once

#include <QJsonObject>
#include <QLatin1StringView>
#include <QList>
#include <QString>

namespace Bridge {

/// Ids of the "Add to TheHive case" message shortcut and its form. As in the other modals,
/// every input block uses its action_id as block_id.
namespace EvidenceIds {
inline constexpr QLatin1StringView Shortcut{"hs_add_evidence"}; ///< the manifest's callback_id
inline constexpr QLatin1StringView Callback{"hs_evidence"};
inline constexpr QLatin1StringView Case{"hs_evidence_case"}; ///< an external_select
inline constexpr QLatin1StringView Note{"hs_evidence_note"};
} // namespace EvidenceIds

/// How one of the message's files fared when evidence.copyFiles asks for copies.
struct FileCopy
{
    enum class Kind { Copied, AlreadyThere, NotCopied };
    Kind kind = Kind::NotCopied;
    QString reason; ///< NotCopied: why, in words for the analyst
};

/// A Slack message kept as evidence.
struct SlackEvidence
{
    struct File
    {
        QString id; ///< Slack's file id (F…)
        QString name;
        QString link; ///< its Slack permalink
        QString mode; ///< Slack's: hosted, snippet, external, tombstone, hidden_by_limit…
        bool external = false; ///< kept outside Slack (a Google Drive document, …)
    };
    QString text;
    QString authorId;   ///< a Slack user id, empty for a bot's message
    QString authorName; ///< the Slack name, or the bot's
    QString channelId;
    QString channelName;
    QString ts;        ///< the message's ts, which is also when it was posted
    QString permalink; ///< chat.getPermalink's answer; empty when Slack gave none
    QList<File> files;
    QList<FileCopy> copies; ///< one per file once copied (evidence.copyFiles), else empty
};

/// What the shortcut's payload says of the message (its `message` and `channel` objects).
SlackEvidence evidenceFromShortcut(const QJsonObject &message, const QJsonObject &channel);

/// The form: which case (found as you type), and an optional note. `preview` is the message's
/// text, shown on top so the analyst sees what is being kept; `filesNote`, when not empty, says
/// below it what becomes of the message's files (evidenceFilesNote()).
QJsonObject buildEvidenceModal(const QString &preview, const QString &privateMetadata,
                               const QString &filesNote = {});
/// What becomes of `count` files: copied up to `maxMegabytes` each, or (0) only listed. Empty
/// without files.
QString evidenceFilesNote(qsizetype count, int maxMegabytes);

struct EvidenceInput
{
    QString caseId; ///< the chosen option's value
    QString note;   ///< trimmed
    friend bool operator==(const EvidenceInput &, const EvidenceInput &) = default;
};

EvidenceInput parseEvidence(const QJsonObject &viewStateValues);
/// Slack's `errors` map: a case must be chosen.
QJsonObject validateEvidence(const EvidenceInput &input);

/// The Markdown kept in TheHive (a case comment, or a task log on TheHive 4): who wrote the
/// message, where and when, its permalink, its text quoted (Slack's own encoding of links,
/// mentions and `&amp;`-style entities read back as text), its files by name and link (and
/// whether each was copied), the analyst's note, and evidenceSignature().
QString evidenceMarkdown(const SlackEvidence &evidence, const QString &note, const QString &addedBy,
                         qint64 eventId);
/// The last line of evidenceMarkdown(): who added it, and the journal event that wrote it, by
/// which a write whose answer was lost is found again.
QString evidenceSignature(const QString &addedBy, qint64 eventId);
/// The log that carries one copied file on TheHive 4: the file, the message it came with and
/// who added it.
QString fileLogMarkdown(const SlackEvidence &evidence, const SlackEvidence::File &file,
                        const QString &addedBy);
/// Slack message text as a person reads it: `<url|label>` → "label (url)", `<@U1>` → "@U1",
/// `<#C1|name>` → "#name", and `&lt;`, `&gt;`, `&amp;` decoded.
QString plainSlackText(const QString &text);

} // namespace Bridge
