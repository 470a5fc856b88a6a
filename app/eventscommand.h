#pragma once

#include <QString>
#include <QStringList>

/// `hiveslack events list [--state S] [--json] | show ID | retry ID | discard ID`: the
/// operator's view of the journal the bridge uses (same HIVESLACK_* environment and config
/// file), safe while the bridge runs: it opens the journal as a second connection, and a
/// retried event is picked up by the running bridge within seconds. Never opens a window or a
/// port. Bad input: one line on stderr, exit code 2; an event in the wrong state: exit code 1.
int runEvents(const QStringList &arguments, const QString &state, bool json,
              const QString &configFile);
