#include "bridgehost.h"

#include "bridgeservice.h"
#include "config/configloader.h"
#include "demo/simulator.h"
#include "journal/journal.h"
#include "secrets/credentialsloader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSaveFile>
#include <QTimer>

namespace Console {

BridgeHost::BridgeHost(Bridge::SecretStore &secrets, const Bridge::Clock &clock,
                       QString settingsFile, QString defaultDataDir, QObject *parent)
    : QObject(parent)
    , m_secrets(secrets)
    , m_clock(clock)
    , m_settingsFile(std::move(settingsFile))
    , m_defaultDataDir(std::move(defaultDataDir))
    , m_network(std::make_unique<QNetworkAccessManager>())
    , m_restartTimer(new QTimer(this))
{
    m_restartTimer->setSingleShot(true);
    m_restartTimer->setInterval(300);
    connect(m_restartTimer, &QTimer::timeout, this, &BridgeHost::start);
}

void BridgeHost::scheduleRestart()
{
    if (!isDemo())
        m_restartTimer->start();
}

BridgeHost::~BridgeHost()
{
    stop();
}

void BridgeHost::setState(State state, const QString &text)
{
    m_state = state;
    m_stateText = text;
    Q_EMIT stateChanged(state);
}

void BridgeHost::start()
{
    m_restartTimer->stop();
    const QString file = QFileInfo::exists(m_settingsFile) ? m_settingsFile : QString();
    const Bridge::ConfigResult loaded =
        Bridge::loadConfig(file, QProcessEnvironment::systemEnvironment(), m_defaultDataDir);
    m_config = loaded.draft;
    if (m_config.dataDir.isEmpty())
        m_config.dataDir = m_defaultDataDir;
    const auto notConfigured = [this](const QString &dataDir, const QString &why) {
        retireBridge([this, dataDir, why] {
            m_demo.reset(); // starting from the settings ends a demo
            QString ignored;
            openJournal(dataDir, &ignored); // the Activity page still shows history
            setState(State::NotConfigured, why);
        });
    };
    if (!loaded.config)
        return notConfigured(m_config.dataDir, loaded.error);
    if (!m_retiring)
        setState(State::Starting, tr("reading the secrets"));
    Bridge::loadCredentials(m_secrets, [this, notConfigured, config = *loaded.config](
                                           const Bridge::CredentialsResult &r) {
        if (!r.ok())
            return notConfigured(config.dataDir, r.error);
        retireBridge([this, config, credentials = r.credentials] {
            m_demo.reset();
            launch(config, credentials);
        });
    });
}

void BridgeHost::stop()
{
    m_afterRetire = nullptr;
    if (m_retiring) {
        m_retiring.reset();
        Q_EMIT bridgeReplaced();
    }
    if (m_bridge) {
        m_bridge->stop();
        m_bridge.reset();
        Q_EMIT bridgeReplaced();
    }
    m_demo.reset();
}

void BridgeHost::shutdown(std::function<void()> done)
{
    m_restartTimer->stop();
    retireBridge([this, done = std::move(done)] {
        m_demo.reset();
        done();
    });
}

void BridgeHost::retireBridge(std::function<void()> next)
{
    m_afterRetire = std::move(next);
    if (m_retiring)
        return; // already draining: `next` runs when it is done
    if (!m_bridge)
        return afterRetired();
    m_retiring = std::move(m_bridge);
    Q_EMIT bridgeReplaced(); // nothing may use the old bridge while it drains
    setState(State::Starting, tr("finishing the deliveries under way"));
    Bridge::BridgeService *draining = m_retiring.get();
    draining->shutdown(
        [this, draining] {
            // Called from inside the bridge (its dispatcher's signal): destroy it from the event
            // loop instead. A stop() meanwhile has destroyed it already.
            QTimer::singleShot(0, this, [this, draining] {
                if (m_retiring.get() != draining)
                    return;
                m_retiring.reset();
                afterRetired();
            });
        },
        DrainTimeoutMs);
}

void BridgeHost::afterRetired()
{
    if (const std::function<void()> next = std::exchange(m_afterRetire, nullptr))
        next();
}

bool BridgeHost::openJournal(const QString &dataDir, QString *error)
{
    const QString path = dataDir + QStringLiteral("/journal.sqlite");
    if (m_journal && m_journal->filePath() == path)
        return true;
    if (!QDir().mkpath(dataDir)) {
        *error = tr("cannot create the data directory %1").arg(dataDir);
        return false;
    }
    std::unique_ptr<Bridge::Journal> journal = Bridge::Journal::open(path, m_clock, error);
    if (!journal)
        return false;
    m_bridge.reset(); // never leave a bridge pointing at a journal about to go
    m_journal = std::move(journal);
    Q_EMIT bridgeReplaced();
    return true;
}

void BridgeHost::restartWith(const Bridge::BridgeConfig &config,
                             const Bridge::Credentials &credentials)
{
    retireBridge([this, config, credentials] { launch(config, credentials); });
}

void BridgeHost::launch(const Bridge::BridgeConfig &config, const Bridge::Credentials &credentials)
{
    QString error;
    if (!openJournal(config.dataDir, &error)) {
        Q_EMIT bridgeReplaced();
        return setState(State::Failed, error);
    }
    // A fresh network manager: nothing from the previous bridge's requests survives.
    m_network = std::make_unique<QNetworkAccessManager>();
    auto bridge = std::make_unique<Bridge::BridgeService>(config, credentials, *m_journal, m_clock,
                                                          *m_network);
    if (!bridge->start(&error)) {
        Q_EMIT bridgeReplaced();
        return setState(State::Failed, error);
    }
    m_bridge = std::move(bridge);
    Q_EMIT bridgeReplaced();
    setState(State::Running);
}

bool BridgeHost::saveConfig(const Bridge::BridgeConfig &config, QString *error)
{
    QDir().mkpath(QFileInfo(m_settingsFile).absolutePath());
    QSaveFile file(m_settingsFile);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = tr("cannot write %1: %2").arg(m_settingsFile, file.errorString());
        return false;
    }
    file.write(QJsonDocument(Bridge::configToJson(config)).toJson(QJsonDocument::Indented));
    if (!file.commit()) {
        *error = tr("cannot write %1: %2").arg(m_settingsFile, file.errorString());
        return false;
    }
    m_config = config;
    if (!isDemo())
        start();
    return true;
}

void BridgeHost::storeSecret(const QString &key, const QString &value,
                             std::function<void(bool, const QString &)> done)
{
    m_secrets.write(key, value, [this, done](const Bridge::SecretResult &r) {
        done(r.ok(), r.error);
        if (r.ok())
            scheduleRestart();
    });
}

bool BridgeHost::startDemo(QString *error)
{
    m_restartTimer->stop();
    stop();
    auto simulator = std::make_unique<Bridge::Simulator>();
    const quint16 port = m_config.listenPort ? m_config.listenPort : 8990;
    if (!simulator->start(Bridge::Simulator::defaultProgram(), port, 5000, error))
        return false;
    const Bridge::BridgeConfig config =
        simulator->demoConfig(m_defaultDataDir + QStringLiteral("/demo"), port);
    if (!Bridge::Simulator::resetJournal(config, error))
        return false;
    m_demo = std::move(simulator);
    restartWith(config, Bridge::Simulator::demoCredentials());
    return m_state == State::Running;
}

} // namespace Console
