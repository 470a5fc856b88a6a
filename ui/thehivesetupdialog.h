#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace Console {

class BridgeHost;
class CodeBox;

/// "Connect TheHive": the TheHive 5 webhook steps and the TheHive 4 application.conf snippet,
/// filled with this bridge's webhook URL. The webhook secret stays a placeholder until the
/// admin clicks "Show secret", which reads it from the secret store.
class TheHiveSetupDialog final : public QDialog
{
    Q_OBJECT
public:
    /// @p host must outlive the dialog; its config gives the default URLs.
    explicit TheHiveSetupDialog(BridgeHost &host, QWidget *parent = nullptr);

    QLineEdit *baseUrlEdit() const { return m_base; }
    QPushButton *showSecretButton() const { return m_showSecret; }
    CodeBox *theHive5Box() const { return m_steps5; }
    CodeBox *theHive4ConfigBox() const { return m_config4; }
    CodeBox *theHive4ActivationBox() const { return m_activation4; }

private:
    void toggleSecret();
    void update();

    BridgeHost &m_host;
    QLineEdit *m_base = nullptr;
    QLabel *m_webhookUrl = nullptr;
    QPushButton *m_showSecret = nullptr;
    QLabel *m_secretState = nullptr;
    CodeBox *m_steps5 = nullptr;
    CodeBox *m_config4 = nullptr;
    CodeBox *m_activation4 = nullptr;
    QString m_secret; ///< only while shown
};

} // namespace Console
