#include "journalwatcher.h"

#include "bridgehost.h"

#include "journal/journal.h"

namespace Console {

JournalWatcher::JournalWatcher(BridgeHost &host, QObject *parent)
    : QObject(parent)
    , m_host(host)
{
    connect(&m_host, &BridgeHost::bridgeReplaced, this, &JournalWatcher::follow);
    follow();
}

Bridge::Journal *JournalWatcher::journal() const
{
    return m_host.journal();
}

void JournalWatcher::follow()
{
    Bridge::Journal *current = m_host.journal();
    if (current != m_journal.data()) {
        disconnect(m_connection);
        m_journal = current;
        if (current)
            m_connection = connect(current, &Bridge::Journal::eventChanged, this,
                                   &JournalWatcher::eventChanged);
    }
    // Also on the same journal: a new bridge may have delivered while none was watched.
    Q_EMIT journalReplaced();
}

} // namespace Console
