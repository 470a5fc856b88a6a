#pragma once

#include <QWidget>

class QPlainTextEdit;
class QPushButton;

namespace Console {

/// Read-only text for the admin to paste elsewhere (a manifest, a config snippet) with a
/// Copy button that puts it on the clipboard.
class CodeBox final : public QWidget
{
    Q_OBJECT
public:
    explicit CodeBox(QWidget *parent = nullptr);

    void setText(const QString &text);
    QString text() const;
    QPushButton *copyButton() const { return m_copy; }

private:
    QPlainTextEdit *m_text = nullptr;
    QPushButton *m_copy = nullptr;
};

} // namespace Console
