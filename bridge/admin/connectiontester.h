#pragma once

#include "clients/restclient.h"
#include "core/casemodel.h"

#include <QObject>
#include <QStringList>
#include <QUrl>

#include <functional>
#include <optional>

class QNetworkAccessManager;

namespace Bridge {

/// What "Test TheHive" found out.
struct TheHiveCheck
{
    bool ok = false;
    QString version;                   ///< as TheHive reports it, e.g. "5.2.9-1"
    std::optional<HiveVersion> parsed; ///< major.minor the bridge will speak
    QString userLogin;                 ///< the API key's user
    QString userName;
    QString organisation; ///< the user's current organisation, when TheHive says
    QString profile;      ///< e.g. "analyst"; empty when TheHive does not say
    QStringList permissions;
    QString error; ///< in an admin's words; empty when ok
};

/// What "Test Slack" found out (auth.test).
struct SlackCheck
{
    bool ok = false;
    QString team;
    QString teamId;
    QString url; ///< the workspace URL
    QString botUser;
    QString botUserId;
    QString botId;
    QString error; ///< in an admin's words; empty when ok
};

/// What a Socket Mode check found out (apps.connections.open with the app-level token).
struct SocketModeCheck
{
    bool ok = false;
    QString error; ///< in an admin's words; empty when ok
};

/// Checks TheHive and Slack credentials before they are saved, with values the admin typed.
/// Independent of a running bridge: each check uses its own short-lived clients, so a check
/// can run while the bridge is stopped or restarting. Every check answers exactly once,
/// asynchronously; destroying the tester drops unanswered checks silently.
class ConnectionTester final : public QObject
{
    Q_OBJECT
public:
    using HiveCallback = std::function<void(const TheHiveCheck &)>;
    using SlackCallback = std::function<void(const SlackCheck &)>;
    using SocketModeCallback = std::function<void(const SocketModeCheck &)>;

    explicit ConnectionTester(QNetworkAccessManager &network, int timeoutMs = 10'000,
                              QObject *parent = nullptr);

    /// Reads the version (/api/v1/status/public, then /api/status), then the API key's user
    /// (/api/v1/user/current), sending X-Organisation when @p organisation is set.
    void testTheHive(const QUrl &url, const QString &apiKey, const QString &organisation,
                     HiveCallback done);
    /// Calls auth.test with the bot token.
    void testSlack(const QUrl &apiUrl, const QString &botToken, SlackCallback done);
    /// Asks Slack for a Socket Mode URL with the app-level token (and connects nowhere: the
    /// URL's ticket just expires).
    void testSocketMode(const QUrl &apiUrl, const QString &appToken, SocketModeCallback done);

    /// An admin-readable sentence for a Slack error code (invalid_auth, account_inactive, …).
    static QString describeSlackError(const QString &code);

private:
    struct HiveRun;
    void readStatus(std::shared_ptr<HiveRun> run);
    void readLegacyStatus(std::shared_ptr<HiveRun> run);
    void readUser(std::shared_ptr<HiveRun> run);
    void finish(std::shared_ptr<HiveRun> run, const QString &error);
    QString unreachable(const QUrl &url, const QString &reason, qint64 elapsedMs) const;
    template<typename Check>
    void answerLater(std::function<void(const Check &)> done, Check check);

    QNetworkAccessManager &m_network;
    int m_timeoutMs;
};

} // namespace Bridge
