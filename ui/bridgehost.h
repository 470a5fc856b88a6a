#pragma once

#include "config/bridgeconfig.h"
#include "core/clock.h"

#include <QObject>
#include <QString>
#include <QTimer>

#include <functional>
#include <memory>

class QNetworkAccessManager;

namespace Bridge {
class BridgeService;
class Journal;
class SecretStore;
} // namespace Bridge

namespace Console {

/// The bridge as the console runs it. Owns the settings file (the same JSON that headless mode
/// reads, never holding a secret), reads secrets from the secret store, and (re)starts the
/// bridge whenever the settings or secrets change. Pages talk to this, never to the runner.
///
/// The bridge and journal objects are replaced on restart: pages must re-read bridge() and
/// journal() on bridgeReplaced() and never keep pointers across it.
///
/// A restart (settings or secrets changed, Restart, a start after a failure) and shutdown() on
/// quit first let the running bridge finish the deliveries under way (BridgeService::shutdown,
/// at most DrainTimeoutMs): a card Slack has already posted gets its ts journaled instead of
/// being posted again after the restart. Meanwhile bridge() is null and the state is Starting;
/// a further change made then only replaces what happens once the drain is over.
class BridgeHost final : public QObject
{
    Q_OBJECT
public:
    enum class State {
        NotConfigured, ///< a setting or secret is missing: stateText() says which
        Starting,      ///< reading secrets from the keychain
        Running,
        Failed, ///< configured but could not start (port taken, journal unreadable…)
    };
    Q_ENUM(State)

    /// @param settingsFile where the console keeps its settings (created on first save)
    /// @param defaultDataDir where the journal lives unless the settings say otherwise
    BridgeHost(Bridge::SecretStore &secrets, const Bridge::Clock &clock, QString settingsFile,
               QString defaultDataDir, QObject *parent = nullptr);
    ~BridgeHost() override;

    /// How long a restart or quit waits for the deliveries under way.
    static constexpr int DrainTimeoutMs = 5000;

    /// Loads the settings file and the secrets and (re)starts the bridge if all are there.
    void start();
    /// Stops the bridge at once, abandoning deliveries under way (they stay pending in the
    /// journal and run again on the next start); for teardown. Quitting uses shutdown().
    void stop();
    /// Quit: lets the deliveries under way finish, stops the bridge and any demo, then calls
    /// `done` (at once when no bridge runs).
    void shutdown(std::function<void()> done);

    State state() const { return m_state; }
    /// What is missing or wrong, in words for an admin; empty while running.
    QString stateText() const { return m_stateText; }

    /// The settings as last saved (possibly incomplete while NotConfigured).
    const Bridge::BridgeConfig &config() const { return m_config; }
    /// Saves settings to the settings file and restarts the bridge with them. Secrets in the
    /// config are impossible by construction (BridgeConfig has none).
    bool saveConfig(const Bridge::BridgeConfig &config, QString *error);
    QString settingsFile() const { return m_settingsFile; }

    /// Where secrets are read and written (the OS keychain, or a fallback).
    Bridge::SecretStore &secrets() { return m_secrets; }
    /// Writes one secret and, once stored, restarts the bridge so it takes effect.
    void storeSecret(const QString &key, const QString &value,
                     std::function<void(bool ok, const QString &error)> done);

    /// Null unless Running.
    Bridge::BridgeService *bridge() const { return m_bridge.get(); }
    /// Null until the data directory is known and the journal opened.
    Bridge::Journal *journal() const { return m_journal.get(); }
    QNetworkAccessManager &network() { return *m_network; }
    const Bridge::Clock &clock() const { return m_clock; }

    /// Runs against the bundled simulator (hiveslack-sim next to the executable) with demo
    /// secrets and a sample case every few seconds; the saved settings are left untouched.
    bool startDemo(QString *error);
    bool isDemo() const { return m_demo != nullptr; }

Q_SIGNALS:
    void stateChanged(Console::BridgeHost::State state);
    /// bridge() and/or journal() now point at new objects (or null).
    void bridgeReplaced();

private:
    void setState(State state, const QString &text = {});
    /// Retires the running bridge, then launches one with these settings.
    void restartWith(const Bridge::BridgeConfig &config, const Bridge::Credentials &credentials);
    void launch(const Bridge::BridgeConfig &config, const Bridge::Credentials &credentials);
    /// Drains the running bridge, destroys it, then runs `next` (at once when none runs). While
    /// one drains, a later call only replaces `next`: the newest wish wins.
    void retireBridge(std::function<void()> next);
    void afterRetired();
    bool openJournal(const QString &dataDir, QString *error);
    /// Several secrets saved together restart the bridge once.
    void scheduleRestart();

    Bridge::SecretStore &m_secrets;
    const Bridge::Clock &m_clock;
    QString m_settingsFile;
    QString m_defaultDataDir;
    Bridge::BridgeConfig m_config;
    State m_state = State::NotConfigured;
    QString m_stateText;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<Bridge::Journal> m_journal;
    std::unique_ptr<Bridge::BridgeService> m_bridge;
    std::unique_ptr<Bridge::BridgeService> m_retiring; ///< draining before it is destroyed
    std::function<void()> m_afterRetire;
    std::unique_ptr<QObject> m_demo; ///< the simulator process while in demo mode
    QTimer *m_restartTimer = nullptr;
};

} // namespace Console
