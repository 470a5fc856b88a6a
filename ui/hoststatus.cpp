#include "hoststatus.h"

#include "bridgehost.h"

#include "bridgeservice.h"
#include "journal/journal.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QSysInfo>

namespace Console {

namespace {

/// Translation context for the summaries (lupdate finds Text::tr).
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(HostStatus)
};

QString bridgeState(const BridgeHost &host)
{
    switch (host.state()) {
    case BridgeHost::State::Running:
        return host.isDemo() ? Text::tr("Demo: listening on %1, talking to the built-in simulator")
                                   .arg(bridgeUrl(host))
                             : Text::tr("Running: listening on %1").arg(bridgeUrl(host));
    case BridgeHost::State::Starting:
        return Text::tr("Starting: %1").arg(host.stateText());
    case BridgeHost::State::NotConfigured:
        return Text::tr("Not configured: %1").arg(host.stateText());
    case BridgeHost::State::Failed:
        return Text::tr("Not running: %1").arg(host.stateText());
    }
    return {};
}

} // namespace

QString listenUrl(const QHostAddress &address, quint16 port)
{
    QString host = address.toString();
    if (address == QHostAddress::Any || address == QHostAddress::AnyIPv4 ||
        address == QHostAddress::AnyIPv6)
        host = QSysInfo::machineHostName();
    else if (address.protocol() == QAbstractSocket::IPv6Protocol)
        host = QLatin1Char('[') + host + QLatin1Char(']');
    return QStringLiteral("http://%1:%2").arg(host).arg(port);
}

QString bridgeUrl(const BridgeHost &host)
{
    const Bridge::BridgeService *bridge = host.bridge();
    if (!bridge || !bridge->isListening())
        return {};
    return listenUrl(bridge->config().listenAddress, bridge->port());
}

QString stateSummary(const BridgeHost &host)
{
    const QString state = bridgeState(host);
    // Whatever the state, failed events wait for an admin in Activity: say so next to it.
    const Bridge::Journal *journal = host.journal();
    const int failed = journal ? journal->counts().failed : 0;
    if (failed == 0)
        return state;
    return Text::tr("%1 — failures waiting: %2").arg(state, QString::number(failed));
}

} // namespace Console
