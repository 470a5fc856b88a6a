#pragma once

#include "journal/retrypolicy.h"

namespace Bridge {

/// How a Socket Mode connection is kept alive and reopened (SocketModeClient). The defaults
/// follow Slack's SDKs: a ping every 5 s, dead after 30 s of silence.
struct SocketModeTiming
{
    int pingIntervalMs = 5000;
    /// A connection with nothing from Slack (no frame, no pong) for this long is dead.
    int silenceLimitMs = 30'000;
    /// Backoff between failed attempts to connect (no give-up).
    RetryPolicy reconnect{.baseMs = 1000, .capMs = 60'000, .jitter = 0.5, .maxAttempts = 0};
};

} // namespace Bridge
