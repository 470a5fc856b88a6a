#include "keychainbanner.h"

#include "core/secretstore.h"
#include "secrets/envsecretstore.h"

namespace Console {

KeychainBanner::KeychainBanner(QWidget *parent)
    : QLabel(parent)
{
    setObjectName(QStringLiteral("keychainBanner"));
    setWordWrap(true);
    setTextFormat(Qt::PlainText);
    setTextInteractionFlags(Qt::TextSelectableByMouse); // the variable names get copied
    setStyleSheet(QStringLiteral("QLabel { background: #fff4ce; color: #3d2e00; border: 1px "
                                 "solid #e0c36a; border-radius: 4px; padding: 8px; }"));
    hide();
}

void KeychainBanner::showFor(const QString &reason)
{
    QStringList variables;
    for (const char *key :
         {Bridge::SecretKey::TheHiveApiKey, Bridge::SecretKey::TheHiveWebhookSecret,
          Bridge::SecretKey::SlackBotToken, Bridge::SecretKey::SlackSigningSecret,
          Bridge::SecretKey::SlackAppToken})
        variables.append(Bridge::EnvSecretStore::variableFor(QLatin1String(key)) +
                         QStringLiteral("_FILE"));
    setText(tr("The keychain is not available (%1), so secrets cannot be saved from here. "
               "HiveSlack can read them from files instead: start it with these environment "
               "variables, each naming a file that holds one secret and that only HiveSlack's "
               "user can read: %2.")
                .arg(reason, variables.join(QStringLiteral(", "))));
    show();
}

} // namespace Console
