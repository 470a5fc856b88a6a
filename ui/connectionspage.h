#pragma once

#include "config/bridgeconfig.h"

#include <QWidget>

#include <functional>

class QFormLayout;
class QLabel;
class QLineEdit;
class QNetworkAccessManager;
class QPushButton;
class QRadioButton;

namespace Bridge {
class ConnectionTester;
}

namespace Console {

class BridgeHost;
class CheckRow;
class KeychainBanner;
class SecretField;

/// The Connections tab: where TheHive and Slack are, their secrets, and whose identity HiveSlack
/// uses in TheHive (its service account, or each analyst through header authentication, the
/// header name mattering only then). Settings go to the host's settings file, secrets to its
/// secret store (write-only fields: a stored secret is shown as "stored", never read back into
/// the form). "Test" buttons check what is typed, falling back to the stored secrets, without
/// blocking the window. Also opens the set-up helpers and exports or imports the configuration
/// file headless mode reads.
///
/// Widgets carry object names for tests and styling: theHiveUrl, theHiveUiUrl,
/// theHiveOrganisation, theHiveVersion, theHiveApiKey, theHiveWebhookSecret, generateSecret,
/// actAsService, actAsHeader, theHiveUserHeader, slackApiUrl, slackBotToken, slackAppToken,
/// slackSigningSecret, slackDefaultChannel; error_<field> under checked fields;
/// state_<secret key>;
/// saveButton, saveResult, testTheHiveButton, theHiveResult, testSlackButton, slackResult,
/// keychainBanner, slackAppButton, theHiveSetupButton, exportButton, importButton,
/// transferResult.
class ConnectionsPage final : public QWidget
{
    Q_OBJECT
public:
    /// @p host must outlive the page.
    explicit ConnectionsPage(BridgeHost &host, QWidget *parent = nullptr);
    ~ConnectionsPage() override;

    /// Writes the saved configuration to @p path (what the Export button does after asking).
    bool exportTo(const QString &path);
    /// Validates @p path as headless mode would and, if it passes, saves it as the console's
    /// settings (what the Import button does after asking). Errors appear inline.
    bool importFrom(const QString &path);

private:
    struct Checked
    {
        QLineEdit *edit;
        QLabel *error;
        std::function<QString(const QString &)> rule; ///< empty when the text is fine
    };

    QWidget *buildTheHive();
    void buildIdentity(QFormLayout *form);
    QWidget *buildSlack();
    QWidget *buildHelpers();
    QLineEdit *addField(QFormLayout *form, const QString &label, const QString &name,
                        std::function<QString(const QString &)> rule = {});
    SecretField *addSecret(QFormLayout *form, const QString &label, const QString &name,
                           const char *key, QWidget *extra = nullptr);

    void loadFromConfig();
    /// The saved settings with the form's fields in place: what Save would write.
    Bridge::BridgeConfig formConfig() const;
    bool validate();
    void save();
    void storeSecrets(QList<SecretField *> pending, QStringList failures);
    void refreshSecretStates();
    void testTheHive();
    void testSlack();
    void exportClicked();
    void importClicked();

    BridgeHost &m_host;
    QNetworkAccessManager *m_network = nullptr; ///< ours: the host replaces its own on restart
    Bridge::ConnectionTester *m_tester = nullptr;
    bool m_dirty = false;  ///< unsaved edits: a host restart must not overwrite them
    bool m_saving = false; ///< secrets are being stored one after the other
    QList<Checked> m_checks;
    QList<SecretField *> m_secrets;
    KeychainBanner *m_banner = nullptr;
    QLineEdit *m_hiveUrl = nullptr;
    QLineEdit *m_hiveUiUrl = nullptr;
    QLineEdit *m_organisation = nullptr;
    QLineEdit *m_version = nullptr;
    SecretField *m_apiKey = nullptr;
    SecretField *m_webhookSecret = nullptr;
    QRadioButton *m_actAsService = nullptr;
    QRadioButton *m_actAsHeader = nullptr;
    QLineEdit *m_userHeader = nullptr;
    QLineEdit *m_slackUrl = nullptr;
    SecretField *m_botToken = nullptr;
    QLineEdit *m_channel = nullptr;
    CheckRow *m_hiveTest = nullptr;
    CheckRow *m_slackTest = nullptr;
    QPushButton *m_save = nullptr;
    QLabel *m_saveResult = nullptr;
    QLabel *m_transferResult = nullptr;
};

} // namespace Console
