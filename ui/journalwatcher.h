#pragma once

#include <QMetaObject>
#include <QObject>
#include <QPointer>

namespace Bridge {
class Journal;
}

namespace Console {

class BridgeHost;

/// Follows whichever journal the host currently has. BridgeHost replaces its journal (and
/// bridge) on every restart; views connect here once instead of re-wiring on each restart.
class JournalWatcher final : public QObject
{
    Q_OBJECT
public:
    explicit JournalWatcher(BridgeHost &host, QObject *parent = nullptr);

    /// The host's current journal; null while it has none.
    Bridge::Journal *journal() const;

Q_SIGNALS:
    /// An event of the current journal was added or changed state.
    void eventChanged(qint64 id);
    /// The bridge and/or journal were replaced: re-read everything.
    void journalReplaced();

private:
    void follow();

    BridgeHost &m_host;
    QPointer<Bridge::Journal> m_journal;
    QMetaObject::Connection m_connection;
};

} // namespace Console
