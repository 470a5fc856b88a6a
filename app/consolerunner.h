#pragma once

#include "commandline.h"

/// Runs the bridge inside the admin console window. The console opens whatever the state: with
/// nothing configured it offers the demo or the Connections page; with --demo it starts in demo
/// mode. Settings come from --config or the user's config directory (hiveslack.json), secrets
/// from the OS keychain with the HIVESLACK_* environment as fallback. A second start only
/// brings the running console forward (exit 0).
int runConsole(int argc, char *argv[], const LaunchOptions &options);
