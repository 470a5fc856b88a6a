#include "admin/connectiontester.h"

#include "clients/slackclient.h"
#include "clients/thehiveclient.h"
#include "thehive/dialect.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace Bridge {

namespace {

bool isHttpUrl(const QUrl &url)
{
    return url.isValid() && (url.scheme() == u"http" || url.scheme() == u"https") &&
           !url.host().isEmpty();
}

/// "host:port" as an admin would type it; the port only when the URL names one.
QString hostOf(const QUrl &url)
{
    return url.port() > 0 ? url.host() + u':' + QString::number(url.port()) : url.host();
}

HiveRequest get(const QString &path)
{
    HiveRequest request;
    request.method = "GET";
    request.path = path;
    return request;
}

QStringList strings(const QJsonValue &value)
{
    QStringList out;
    for (const QJsonValue &v : value.toArray())
        out.append(v.toString());
    return out;
}

/// The organisations a v1 user may act in, from {"organisations":[{"organisation":…}]}.
QStringList organisationsOf(const QJsonObject &user)
{
    QStringList out;
    for (const QJsonValue &v : user.value(u"organisations"_s).toArray())
        out.append(v.toObject().value(u"organisation"_s).toString());
    return out;
}

} // namespace

struct ConnectionTester::HiveRun
{
    QUrl url;
    QString organisation;
    RestClient *rest = nullptr; ///< owns the TheHive client; deleted when the run ends
    TheHiveClient *client = nullptr;
    HiveCallback done;
    QElapsedTimer timer;
    TheHiveCheck check;
};

ConnectionTester::ConnectionTester(QNetworkAccessManager &network, int timeoutMs, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_timeoutMs(timeoutMs)
{
}

template<typename Check>
void ConnectionTester::answerLater(std::function<void(const Check &)> done, Check check)
{
    // Checks always answer asynchronously, even when the input is refused up front.
    QTimer::singleShot(0, this,
                       [done = std::move(done), check = std::move(check)] { done(check); });
}

QString ConnectionTester::unreachable(const QUrl &url, const QString &reason,
                                      qint64 elapsedMs) const
{
    if (elapsedMs >= m_timeoutMs)
        return tr("cannot connect to %1: no answer within %2 seconds")
            .arg(hostOf(url))
            .arg(m_timeoutMs / 1000);
    return tr("cannot connect to %1: %2").arg(hostOf(url), reason);
}

void ConnectionTester::testTheHive(const QUrl &url, const QString &apiKey,
                                   const QString &organisation, HiveCallback done)
{
    TheHiveCheck refused;
    if (!isHttpUrl(url))
        refused.error = tr("the TheHive URL must start with http:// or https://");
    else if (apiKey.isEmpty())
        refused.error = tr("no API key: type the key of TheHive's HiveSlack user");
    if (!refused.error.isEmpty())
        return answerLater(std::move(done), refused);

    auto run = std::make_shared<HiveRun>();
    run->url = url;
    run->organisation = organisation;
    run->done = std::move(done);
    run->rest = new RestClient(m_network, m_timeoutMs, this);
    run->client = new TheHiveClient(*run->rest, url, apiKey, organisation, {}, run->rest);
    run->timer.start();
    readStatus(run);
}

void ConnectionTester::readStatus(std::shared_ptr<HiveRun> run)
{
    run->client->send(get(u"/api/v1/status/public"_s), [this, run](const HiveResult &r) {
        if (r.httpStatus == 0)
            return finish(run, unreachable(run->url, r.message, run->timer.elapsed()));
        const std::optional<HiveVersion> version =
            r.ok() ? parsePublicStatus(r.json.object()) : std::nullopt;
        if (version) {
            run->check.version = r.json.object().value(u"version"_s).toString();
            run->check.parsed = version;
            return readUser(run);
        }
        readLegacyStatus(run); // TheHive 4 has no public v1 status
    });
}

void ConnectionTester::readLegacyStatus(std::shared_ptr<HiveRun> run)
{
    run->client->send(get(u"/api/status"_s), [this, run](const HiveResult &r) {
        if (r.httpStatus == 0)
            return finish(run, unreachable(run->url, r.message, run->timer.elapsed()));
        const std::optional<HiveVersion> version =
            r.ok() ? parseLegacyStatus(r.json.object()) : std::nullopt;
        if (!version) {
            const QString answer = r.ok() ? tr("it answered without a TheHive version")
                                          : tr("it answered HTTP %1").arg(r.httpStatus);
            return finish(run, tr("not a TheHive server: %1 has no TheHive status page (%2)")
                                   .arg(run->url.toString(), answer));
        }
        run->check.version =
            r.json.object().value(u"versions"_s).toObject().value(u"TheHive"_s).toString();
        run->check.parsed = version;
        if (version->major < 4)
            return finish(run, tr("TheHive %1 is too old: HiveSlack works with TheHive 4 and 5")
                                   .arg(run->check.version));
        readUser(run);
    });
}

void ConnectionTester::readUser(std::shared_ptr<HiveRun> run)
{
    run->client->send(get(u"/api/v1/user/current"_s), [this, run](const HiveResult &r) {
        if (r.httpStatus == 0)
            return finish(run, unreachable(run->url, r.message, run->timer.elapsed()));
        if (r.httpStatus == 401) {
            // With X-Organisation, a key valid elsewhere may be refused with 401 too.
            return finish(run,
                          run->organisation.isEmpty()
                              ? tr("wrong API key: TheHive %1 refused it").arg(run->check.version)
                              : tr("wrong API key, or its user is not in organisation "
                                   "\"%1\": TheHive %2 refused it")
                                    .arg(run->organisation, run->check.version));
        }
        if (r.httpStatus == 403) {
            const QString reason = run->organisation.isEmpty()
                                       ? tr("TheHive refused the API key's user: %1").arg(r.message)
                                       : tr("TheHive refused the API key's user in organisation "
                                            "\"%1\": %2")
                                             .arg(run->organisation, r.message);
            return finish(run, reason);
        }
        if (!r.ok() || !r.json.isObject())
            return finish(
                run, tr("TheHive could not tell who the API key belongs to: %1")
                         .arg(r.message.isEmpty() ? tr("HTTP %1").arg(r.httpStatus) : r.message));
        const QJsonObject user = r.json.object();
        TheHiveCheck &check = run->check;
        check.userLogin = user.value(u"login"_s).toString();
        check.userName = user.value(u"name"_s).toString();
        check.organisation = user.value(u"organisation"_s).toString();
        check.profile = user.value(u"profile"_s).toString();
        check.permissions = strings(user.value(u"permissions"_s));
        if (check.permissions.isEmpty())
            check.permissions = strings(user.value(u"roles"_s)); // TheHive 4 v0 users
        const QStringList organisations = organisationsOf(user);
        if (!run->organisation.isEmpty() && !organisations.isEmpty() &&
            !organisations.contains(run->organisation, Qt::CaseInsensitive))
            return finish(
                run, tr("the API key's user %1 is not in organisation \"%2\" (only in: "
                        "%3)")
                         .arg(check.userLogin, run->organisation, organisations.join(u", "_s)));
        finish(run, {});
    });
}

void ConnectionTester::finish(std::shared_ptr<HiveRun> run, const QString &error)
{
    run->check.ok = error.isEmpty();
    run->check.error = error;
    run->rest->deleteLater(); // we are inside its reply callback
    run->done(run->check);
}

void ConnectionTester::testSlack(const QUrl &apiUrl, const QString &botToken, SlackCallback done)
{
    SlackCheck refused;
    if (!isHttpUrl(apiUrl))
        refused.error = tr("the Slack API URL must start with http:// or https://");
    else if (botToken.isEmpty())
        refused.error = tr("no bot token: type the app's Bot User OAuth Token (xoxb-…)");
    if (!refused.error.isEmpty())
        return answerLater(std::move(done), refused);

    auto *rest = new RestClient(m_network, m_timeoutMs, this);
    auto *slack = new SlackClient(*rest, apiUrl, botToken, {}, rest);
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    slack->authTest([this, rest, apiUrl, timer, done = std::move(done)](const SlackResult &r) {
        rest->deleteLater(); // we are inside its reply callback
        SlackCheck check;
        const QJsonObject &json = r.json;
        if (r.ok()) {
            check.team = json.value(u"team"_s).toString();
            check.teamId = json.value(u"team_id"_s).toString();
            check.url = json.value(u"url"_s).toString();
            check.botUser = json.value(u"user"_s).toString();
            check.botUserId = json.value(u"user_id"_s).toString();
            check.botId = json.value(u"bot_id"_s).toString();
            if (check.botId.isEmpty())
                check.error = tr("this is a user token (of %1), not a bot token: use the app's "
                                 "Bot User OAuth Token (xoxb-…)")
                                  .arg(check.botUser);
        } else if (json.isEmpty() && r.kind == SlackResult::Kind::Permanent) {
            check.error = tr("not a Slack Web API: %1 gave an %2").arg(apiUrl.toString(), r.error);
        } else if (json.isEmpty() && r.kind == SlackResult::Kind::Retryable) {
            check.error = unreachable(apiUrl, r.error, timer->elapsed());
        } else {
            check.error = describeSlackError(r.error);
        }
        check.ok = check.error.isEmpty();
        done(check);
    });
}

void ConnectionTester::testSocketMode(const QUrl &apiUrl, const QString &appToken,
                                      SocketModeCallback done)
{
    if (!appToken.startsWith(u"xapp-"))
        return answerLater(std::move(done),
                           SocketModeCheck{false, tr("not an app-level token (xapp-…)")});
    auto *rest = new RestClient(m_network, m_timeoutMs, this);
    auto *slack = new SlackClient(*rest, apiUrl, appToken, {}, rest);
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    slack->openSocketModeConnection(
        [this, rest, apiUrl, timer, done = std::move(done)](const SlackResult &r) {
            rest->deleteLater(); // we are inside its reply callback
            SocketModeCheck check;
            if (r.json.isEmpty() && r.kind == SlackResult::Kind::Retryable)
                check.error = unreachable(apiUrl, r.error, timer->elapsed());
            else if (!r.ok())
                check.error = tr("Slack refuses the app-level token: it needs the "
                                 "connections:write scope and Socket Mode on (Slack: %1)")
                                  .arg(r.error);
            check.ok = check.error.isEmpty();
            done(check);
        });
}

QString ConnectionTester::describeSlackError(const QString &code)
{
    if (code == u"invalid_auth")
        return tr("the bot token is not valid: copy the Bot User OAuth Token (xoxb-…) from the "
                  "app's \"OAuth & Permissions\" page (Slack: invalid_auth)");
    if (code == u"not_authed")
        return tr("Slack received no bot token (Slack: not_authed)");
    if (code == u"account_inactive")
        return tr("the token belongs to a deleted bot or a disabled workspace "
                  "(Slack: account_inactive)");
    if (code == u"token_revoked")
        return tr("the bot token was revoked: reinstall the app to the workspace and copy the new "
                  "token (Slack: token_revoked)");
    if (code == u"token_expired")
        return tr("the bot token expired: turn token rotation off for the app, HiveSlack needs a "
                  "token that does not expire (Slack: token_expired)");
    if (code == u"ratelimited" || code == u"rate_limited")
        return tr("Slack is rate limiting this app: try again in a minute (Slack: %1)").arg(code);
    return tr("Slack refused the check (Slack: %1)").arg(code);
}

} // namespace Bridge
