#include "peerstatus.h"

#include "bridgehost.h"

#include "bridgeservice.h"
#include "clients/hiveversionprobe.h"
#include "clients/slackclient.h"
#include "clients/thehiveclient.h"

#include <QPointer>

namespace Console {

PeerStatus::PeerStatus(BridgeHost &host, QObject *parent)
    : QObject(parent)
    , m_host(host)
{
    m_timer.setInterval(IntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &PeerStatus::checkNow);
    connect(&m_host, &BridgeHost::bridgeReplaced, this, &PeerStatus::bridgeReplaced);
    bridgeReplaced();
}

void PeerStatus::bridgeReplaced()
{
    ++m_generation;
    m_hive = {};
    m_slack = {};
    checkNow();
}

void PeerStatus::checkNow()
{
    Bridge::BridgeService *bridge = m_host.bridge();
    if (!bridge) {
        m_timer.stop();
        const Peer idle{State::Unknown, tr("not checked: the bridge is not running")};
        m_hive = idle;
        m_slack = idle;
        Q_EMIT changed();
        return;
    }
    if (!m_timer.isActive())
        m_timer.start();
    QPointer<PeerStatus> self(this);
    const int generation = m_generation;
    const auto current = [self, generation] { return self && self->m_generation == generation; };

    if (m_hive.state != State::Checking) {
        m_hive.state = State::Checking;
        bridge->hive().detectVersion(
            [self, current](std::optional<Bridge::HiveVersion> version, const QString &error) {
                if (!current())
                    return;
                self->m_hive = version ? Peer{State::Ok, tr("TheHive %1").arg(version->toString())}
                                       : Peer{State::Error, tr("not reachable: %1").arg(error)};
                Q_EMIT self->changed();
            });
    }
    if (m_slack.state != State::Checking) {
        m_slack.state = State::Checking;
        bridge->slack().authTest([self, current](const Bridge::SlackResult &r) {
            if (!current())
                return;
            if (r.ok()) {
                const QString team = r.json.value(u"team").toString();
                const QString user = r.json.value(u"user").toString();
                self->m_slack = {State::Ok, tr("workspace %1 as @%2").arg(team, user)};
            } else {
                self->m_slack = {State::Error, explainSlackError(r.error)};
            }
            Q_EMIT self->changed();
        });
    }
    Q_EMIT changed();
}

QString PeerStatus::explainSlackError(const QString &code)
{
    if (code == u"invalid_auth" || code == u"not_authed")
        return tr("Slack refused the bot token (%1): store the token from the app's OAuth page")
            .arg(code);
    if (code == u"token_revoked" || code == u"token_expired" || code == u"account_inactive")
        return tr("the bot token no longer works (%1): reinstall the app and store the new token")
            .arg(code);
    if (code == u"ratelimited")
        return tr("Slack asks to slow down (rate limited); the check runs again in a minute");
    return tr("Slack answered: %1").arg(code);
}

} // namespace Console
