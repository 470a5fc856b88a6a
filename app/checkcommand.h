#pragma once

#include <QString>

/// `hiveslack check`: the console's connection tests from a shell, on the bridge's own
/// configuration (config file and HIVESLACK_* environment, secrets from the environment or
/// *_FILE): TheHive (version, the API key's user), Slack (auth.test with the bot token) and,
/// with an app-level token, Socket Mode (apps.connections.open). One line per check on
/// stdout; exit 0 when every check passed, 1 when one failed, 2 when the configuration itself
/// is incomplete. Never opens a window or a port.
int runCheck(const QString &configFile);
