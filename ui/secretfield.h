#pragma once

#include "core/secretstore.h"

#include <QWidget>

#include <functional>

class QLabel;
class QLineEdit;

namespace Console {

/// A write-only secret field: a password line edit plus whether the secret store holds the
/// secret ("stored" / "not set"). The stored value is never put back into the field.
/// Object names: the edit gets @p name, the state label "state_" + @p key.
class SecretField final : public QWidget
{
    Q_OBJECT
public:
    /// @p extra (optional) sits between the edit and the state, e.g. a "Generate" button.
    SecretField(const char *key, const QString &name, QWidget *extra = nullptr,
                QWidget *parent = nullptr);

    QString key() const { return QLatin1String(m_key); }
    QLineEdit *edit() const { return m_edit; }
    QLabel *state() const { return m_state; }

    /// Asks @p store whether the secret is there and shows the answer; @p answered gets the
    /// status and error (never the value).
    void refresh(Bridge::SecretStore &store,
                 std::function<void(Bridge::SecretResult::Status, const QString &error)> answered);
    /// The typed text, else the stored secret; @p missing is the error when neither exists.
    void valueOrStored(Bridge::SecretStore &store, const QString &missing,
                       std::function<void(const QString &value, const QString &error)> done);

private:
    const char *m_key;
    QLineEdit *m_edit = nullptr;
    QLabel *m_state = nullptr;
};

} // namespace Console
