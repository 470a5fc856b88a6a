#pragma once

#include "config/bridgeconfig.h"
#include "secrets/credentialsloader.h"

#include <QProcessEnvironment>

#include <QString>

/// Runs the bridge without a window until SIGTERM/SIGINT: reads the config file and the
/// HIVESLACK_* environment, the secrets from the environment (or *_FILE), opens the journal
/// and serves. A bad setting stops start-up with one line naming it and a non-zero exit.
int runHeadless(const QString &configFile);

/// The same bridge on an already assembled config and secrets (demo mode). Serves until
/// SIGTERM/SIGINT; prints `banner` once listening.
int serveBridge(const Bridge::BridgeConfig &config, const Bridge::Credentials &credentials);

/// The secrets from the environment (or *_FILE), as headless mode and the CLI read them.
Bridge::CredentialsResult credentialsFromEnvironment(const QProcessEnvironment &env);

/// Where the journal lives when nothing says otherwise: the user's data directory.
QString defaultDataDir();
