#pragma once

#include <QString>

/// `hiveslack manifest [--public-url URL] [--config FILE]`: prints the Slack app manifest for
/// this configuration on stdout (JSON only): Socket Mode when an app-level token is configured
/// (HIVESLACK_SLACK_APP_TOKEN or its _FILE), else request URLs under the public HTTPS URL
/// Slack reaches the bridge at (--public-url, or HIVESLACK_PUBLIC_URL); the files:read scope
/// when the config file copies evidence files. Never opens a window or a port. Bad input: one
/// line on stderr, exit code 2.
int runManifest(const QString &publicUrl, const QString &configFile);
