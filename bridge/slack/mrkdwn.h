#pragma once

#include <QString>

namespace Bridge {

/// Escapes the three characters Slack treats as control characters in mrkdwn and in a
/// message's top-level `text` (& < >), so user text can never form `<!channel>`, `<@U…>`
/// or `<url|label>`.
QString escapeMrkdwn(const QString &text);

/// escapeMrkdwn() whose *escaped* result, ellipsis included, is at most @p maxChars long.
/// Cuts only between source characters, so it never leaves half an `&amp;` or half an emoji.
QString escapeMrkdwnTruncated(const QString &text, int maxChars,
                              const QString &ellipsis = QStringLiteral("\u2026"));

/// Converts TheHive (CommonMark-ish) markdown to Slack mrkdwn:
/// - `**b**`, `__b__` → `*b*`; `*i*`, `_i_` → `_i_`; `~~s~~` → `~s~`
/// - `# Heading` lines → `*Heading*`; `- item`, `* item`, `+ item` → `• item`; `> q` → `>q`
/// - `[text](url)` → `<url|text>` and bare http(s) URLs → `<url>` (http, https and mailto only)
/// - inline code and fenced code blocks are kept (their content escaped, not formatted)
/// Everything else is escaped, so the result can be sent with `verbatim: true` and no user
/// text can inject mentions, broadcasts or links.
QString markdownToMrkdwn(const QString &markdown);

/// markdownToMrkdwn() of a prefix of @p markdown, chosen so that the converted text is at
/// most @p maxChars long. Truncating the source (not the output) keeps every link, entity
/// and code fence in the result well formed.
QString markdownToMrkdwnTruncated(const QString &markdown, int maxChars);

/// Shortens @p text to at most @p maxChars UTF-16 code units, ellipsis included, without
/// splitting a surrogate pair (emoji). Text that fits is returned unchanged. When the
/// ellipsis alone does not leave room for any text, the text is cut without it.
QString truncateText(const QString &text, int maxChars,
                     const QString &ellipsis = QStringLiteral("\u2026"));

} // namespace Bridge
