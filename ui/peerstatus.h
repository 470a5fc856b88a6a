#pragma once

#include <QObject>
#include <QString>
#include <QTimer>

namespace Console {

class BridgeHost;

/// TheHive and Slack as the running bridge sees them: TheHive's public status (is it there,
/// which version) and Slack's auth.test (is the bot token good, which workspace). Checked when
/// the bridge (re)starts, every minute, and on demand; never blocks.
class PeerStatus final : public QObject
{
    Q_OBJECT
public:
    enum class State { Unknown, Checking, Ok, Error };
    Q_ENUM(State)

    struct Peer
    {
        State state = State::Unknown;
        QString text; ///< for people: "TheHive 5.2", "workspace Acme as @hiveslack", or the error
    };

    static constexpr int IntervalMs = 60'000;

    explicit PeerStatus(BridgeHost &host, QObject *parent = nullptr);

    Peer hive() const { return m_hive; }
    Peer slack() const { return m_slack; }
    /// Starts both checks now (no-op for a peer whose check is still running).
    void checkNow();

    /// Slack's error code explained for an admin ("invalid_auth" → the token was refused).
    static QString explainSlackError(const QString &code);

Q_SIGNALS:
    void changed();

private:
    void bridgeReplaced();

    BridgeHost &m_host;
    QTimer m_timer;
    int m_generation = 0; ///< answers from a previous bridge are dropped
    Peer m_hive;
    Peer m_slack;
};

} // namespace Console
