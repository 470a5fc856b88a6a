#pragma once

#include "commandline.h"

/// Runs the bridge with the admin console window: reads the config like headless mode, the
/// secrets from the OS keychain (falling back to the HIVESLACK_* environment), starts the
/// bridge and shows the window until it is closed. A missing setting or secret is explained in
/// a message box (exit 2); a bridge that cannot start, too (exit 3).
int runConsole(int argc, char *argv[], const LaunchOptions &options);
