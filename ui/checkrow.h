#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

namespace Console {

/// Shows @p text in @p label as a success (plain) or an error (red). Plain text only: names
/// that come from servers are not markup.
void showResultText(QLabel *label, bool ok, const QString &text);

/// A "Test …" button with a busy indicator and the outcome below it. The caller runs the
/// check on clicked() and calls start() / finish().
class CheckRow final : public QWidget
{
    Q_OBJECT
public:
    /// Object names: the button @p name + "Button", the result label @p resultName.
    CheckRow(const QString &label, const QString &name, const QString &resultName,
             QWidget *parent = nullptr);

    QPushButton *button() const { return m_button; }
    QLabel *result() const { return m_result; }
    bool isBusy() const;

    /// Disables the button, shows the busy indicator and @p progress.
    void start(const QString &progress);
    /// Enables the button again and shows the outcome.
    void finish(bool ok, const QString &text);

private:
    QPushButton *m_button = nullptr;
    QProgressBar *m_busy = nullptr;
    QLabel *m_result = nullptr;
};

} // namespace Console
