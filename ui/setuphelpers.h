#pragma once

#include "config/bridgeconfig.h"
#include "slack/appmanifest.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace Console {

/// The texts and files the set-up helpers hand to the admin: the Slack app manifest, the
/// TheHive webhook instructions, a fresh webhook secret, and the configuration file that
/// headless mode reads. Pure functions, so the dialogs stay thin and the texts are testable.
class SetupHelpers final
{
    Q_DECLARE_TR_FUNCTIONS(Console::SetupHelpers)
public:
    SetupHelpers() = delete;

    /// Where the bridge listens as a URL ("http://127.0.0.1:8990"); a wildcard address becomes
    /// this machine's name. The default for the public base URL the admin may change.
    static QUrl listenBaseUrl(const Bridge::BridgeConfig &config);
    /// @p base plus @p path, keeping a path prefix of @p base (a reverse proxy's "/hiveslack").
    static QUrl endpointUrl(const QUrl &base, const QString &path);
    /// Whether @p url is an absolute http(s) URL with a host.
    static bool isHttpUrl(const QUrl &url);

    /// Bridge::AppManifest::build() as indented JSON: through Socket Mode when @p publicBase is
    /// empty, else with request URLs under @p publicBase.
    static QString slackAppManifest(const QUrl &publicBase = {},
                                    const Bridge::AppManifest::Features &features = {});

    /// Step-by-step TheHive 5 set-up (endpoint, then notification) for @p webhookUrl, with
    /// @p secret as the Bearer token (a placeholder when empty).
    static QString theHive5Steps(const QUrl &webhookUrl, const QString &secret);
    /// The TheHive 4 application.conf endpoint block for @p webhookUrl.
    static QString theHive4Config(const QUrl &webhookUrl, const QString &secret);
    /// The TheHive 4 call that turns the endpoint on for one organisation.
    static QString theHive4Activation(const QUrl &theHiveUrl);
    /// Shown instead of the secret until the admin asks to see it.
    static QString secretPlaceholder();

    /// 32 random bytes from the system's secure generator, base64url without padding.
    static QString generateSecret();

    /// Writes @p config as the JSON file headless mode reads (never holds a secret).
    static bool exportConfig(const Bridge::BridgeConfig &config, const QString &path,
                             QString *error);
    /// Reads and validates a config file as headless mode would, without the environment's
    /// overrides; a file holding a secret is refused. nullopt plus a reason otherwise.
    static std::optional<Bridge::BridgeConfig>
    importConfig(const QString &path, const QString &defaultDataDir, QString *error);
};

} // namespace Console
