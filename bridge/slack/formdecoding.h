#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace Bridge {

/// Decodes an application/x-www-form-urlencoded body (Slack interactivity and slash
/// commands). '+' is a space and is replaced *before* percent-decoding, so "%2B" stays a
/// plus; QUrlQuery gets this wrong (shared/docs/qt-6.4-notes.md §0.7). Pairs keep their
/// order and duplicates; a segment without '=' is a key with an empty value; empty
/// segments ("a=1&&b=2") are skipped. Values are read as UTF-8.
QList<QPair<QString, QString>> decodeForm(const QByteArray &body);

/// The value of the first pair named @p key, or a null QString when there is none
/// (an empty but present value gives an empty, non-null QString).
QString formValue(const QList<QPair<QString, QString>> &pairs, const QString &key);

} // namespace Bridge
