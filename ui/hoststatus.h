#pragma once

#include <QString>

class QHostAddress;

namespace Console {

class BridgeHost;

/// "http://host:port" for a listen address, with IPv6 hosts bracketed; a wildcard address
/// becomes this machine's name, since that is what TheHive and Slack must be given.
QString listenUrl(const QHostAddress &address, quint16 port);

/// Where the running bridge listens, e.g. "http://127.0.0.1:8990"; empty unless Running.
QString bridgeUrl(const BridgeHost &host);

/// The bridge's state in one line for the status bar and the tray: where it listens, that it
/// runs the demo, or what is missing; then how many failed events wait in Activity, if any.
/// It reads the journal's counts: callers refresh it when the journal changes.
QString stateSummary(const BridgeHost &host);

} // namespace Console
