#pragma once

#include "config/bridgeconfig.h"

#include <QJsonObject>
#include <QProcessEnvironment>

namespace Bridge {

/// Result of reading the configuration: either a config or one line naming what is wrong.
struct ConfigResult
{
    std::optional<BridgeConfig> config;
    QString error;
    /// Whatever could be read, even when it does not validate (the console edits it).
    BridgeConfig draft;
};

/// Empty when the config can run a bridge, else one line naming what is missing or wrong.
QString validateConfig(const BridgeConfig &config);

/// Reads the JSON config file (optional, see resources/hiveslack.example.json), then lets the
/// HIVESLACK_* environment variables override it, then validates. A config file that holds a
/// secret is refused: secrets come from the secret store only.
ConfigResult loadConfig(const QString &configFile, const QProcessEnvironment &env,
                        const QString &defaultDataDir);

/// The same, from an already parsed JSON document (the console's import).
ConfigResult configFromJson(const QJsonObject &json, const QProcessEnvironment &env,
                            const QString &defaultDataDir);

/// The config as the JSON file headless mode reads (the console's export). Never holds secrets.
QJsonObject configToJson(const BridgeConfig &config);

/// Why `name` cannot be the header TheHive reads an analyst's login from (empty when it can):
/// it must be a plain HTTP header name, and not one that already means something else.
QString userHeaderProblem(const QString &name);

/// Parses "host:port", "[v6]:port" or ":port"; an empty host means 127.0.0.1.
bool parseListen(const QString &text, QHostAddress *address, quint16 *port);

} // namespace Bridge
