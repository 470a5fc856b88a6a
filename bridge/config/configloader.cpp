#include "config/configloader.h"

#include "config/jsoncomments.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Bridge {

namespace {

// Keys that would put a secret in the config file. They are refused, not ignored, so an admin
// who tries learns at once where secrets belong.
const QStringList SecretLikeKeys = {
    QStringLiteral("apiKey"),        QStringLiteral("webhookSecret"), QStringLiteral("botToken"),
    QStringLiteral("signingSecret"), QStringLiteral("token"),         QStringLiteral("secret"),
    QStringLiteral("password"),      QStringLiteral("appToken"),
};

QString findSecretKey(const QJsonObject &object, const QString &path)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString here = path.isEmpty() ? it.key() : path + u'.' + it.key();
        if (SecretLikeKeys.contains(it.key(), Qt::CaseInsensitive))
            return here;
        if (it.value().isObject()) {
            const QString nested = findSecretKey(it.value().toObject(), here);
            if (!nested.isEmpty())
                return nested;
        }
    }
    return {};
}

bool isHttpUrl(const QUrl &url)
{
    return url.isValid() && (url.scheme() == u"http" || url.scheme() == u"https") &&
           !url.host().isEmpty();
}

std::optional<AboveCeiling> parseAboveCeiling(const QString &text)
{
    if (text.isEmpty() || text == u"redact")
        return AboveCeiling::Redact;
    if (text == u"drop")
        return AboveCeiling::Drop;
    return std::nullopt;
}

QString aboveCeilingName(AboveCeiling a)
{
    return a == AboveCeiling::Drop ? QStringLiteral("drop") : QStringLiteral("redact");
}

std::optional<ActAs> parseActAs(const QString &text)
{
    if (text.isEmpty() || text == u"service")
        return ActAs::Service;
    if (text == u"header")
        return ActAs::Header;
    return std::nullopt;
}

QString actAsName(ActAs a)
{
    return a == ActAs::Header ? QStringLiteral("header") : QStringLiteral("service");
}

/// Cards are found again by channel id (chat.update takes no names), so routes name ids.
bool isChannelId(const QString &channel)
{
    static const QRegularExpression id(QStringLiteral("^[CGD][A-Z0-9]+$"));
    return id.match(channel).hasMatch();
}

QStringList stringList(const QJsonValue &value)
{
    QStringList out;
    for (const QJsonValue &v : value.toArray())
        out.append(v.toString());
    return out;
}

std::optional<HiveVersion> parsePinnedVersion(const QString &text)
{
    const QStringList parts = text.split(u'.');
    bool okMajor = false;
    bool okMinor = true;
    HiveVersion v;
    v.major = parts.value(0).toInt(&okMajor);
    v.minor = parts.size() > 1 ? parts.at(1).toInt(&okMinor) : 0;
    if (!okMajor || !okMinor || v.major < 4 || v.major > 9)
        return std::nullopt;
    return v;
}

constexpr int MaxRetentionDays = 3650;
constexpr int MaxReconcileSeconds = 86'400;

/// A whole number from 0 to `max`; nullopt otherwise.
std::optional<int> parseWholeNumber(const QJsonValue &value, int max)
{
    const double number = value.toDouble(-1);
    if (!value.isDouble() || number != std::floor(number) || number < 0 || number > max)
        return std::nullopt;
    return int(number);
}

std::optional<int> parseWholeNumber(const QString &text, int max)
{
    bool ok = false;
    const int number = text.trimmed().toInt(&ok);
    if (!ok || number < 0 || number > max)
        return std::nullopt;
    return number;
}

/// A JSON value as it was written (30.5, "30", null), for an error message.
QString jsonText(const QJsonValue &value)
{
    const QByteArray inArray = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(inArray.mid(1, inArray.size() - 2));
}

QString retentionError(const QString &where, const QString &got)
{
    return QStringLiteral("%1 must be a whole number of days from 0 (keep forever) to %2, got %3")
        .arg(where, QString::number(MaxRetentionDays), got);
}

/// The "evidence" object: whether and up to what size files are copied into TheHive.
QString readEvidence(const QJsonObject &evidence, EvidenceFiles *files)
{
    const QJsonValue copy = evidence.value(u"copyFiles");
    if (!copy.isUndefined() && !copy.isBool())
        return QStringLiteral("evidence.copyFiles must be true or false, got %1")
            .arg(jsonText(copy));
    files->copy = copy.toBool(files->copy);
    if (evidence.contains(u"maxFileMb")) {
        const QJsonValue mb = evidence.value(u"maxFileMb");
        const auto parsed = parseWholeNumber(mb, EvidenceFiles::MaxMegabytes);
        if (!parsed || *parsed == 0)
            return QStringLiteral("evidence.maxFileMb must be a whole number of megabytes from 1 "
                                  "to %1, got %2")
                .arg(QString::number(EvidenceFiles::MaxMegabytes), jsonText(mb));
        files->maxMegabytes = *parsed;
    }
    return {};
}

QString reconcileError(const QString &where, const QString &got)
{
    return QStringLiteral("%1 must be a whole number of seconds from 0 (never look back) to %2, "
                          "got %3")
        .arg(where, QString::number(MaxReconcileSeconds), got);
}

QString readRoutes(const QJsonArray &array, QList<RouteRule> *routes)
{
    for (int i = 0; i < array.size(); ++i) {
        const QJsonObject r = array.at(i).toObject();
        RouteRule rule;
        rule.name = r.value(u"name").toString(QStringLiteral("route %1").arg(i + 1));
        const QJsonValue kindValue = r.value(u"kind");
        const QString kind =
            kindValue.isUndefined() ? QStringLiteral("case") : kindValue.toString();
        if (kind != u"case" && kind != u"alert")
            return QStringLiteral("routes[%1].kind must be \"case\" or \"alert\"").arg(i);
        rule.kind = kind == u"alert" ? RouteKind::Alert : RouteKind::Case;
        rule.sources = stringList(r.value(u"sources"));
        rule.types = stringList(r.value(u"types"));
        rule.batchPerMinute = r.value(u"batchPerMinute").toInt(0);
        if (rule.kind == RouteKind::Case &&
            (!rule.sources.isEmpty() || !rule.types.isEmpty() || rule.batchPerMinute != 0))
            return QStringLiteral("routes[%1] (%2): sources, types and batchPerMinute are for "
                                  "\"kind\": \"alert\" routes")
                .arg(i)
                .arg(rule.name);
        rule.organisations = stringList(r.value(u"organisations"));
        rule.minSeverity = r.value(u"minSeverity").toInt(0);
        rule.tags = stringList(r.value(u"tags"));
        for (const QJsonValue &t : r.value(u"tlp").toArray())
            rule.tlps.append(t.toInt());
        rule.channel = r.value(u"channel").toString();
        rule.tlpCeiling = r.value(u"tlpCeiling").toInt(-1);
        rule.papCeiling = r.value(u"papCeiling").toInt(-1);
        rule.allowRestricted = r.value(u"allowRestricted").toBool(false);
        rule.threadToCase = r.value(u"threadToCase").toBool(false);
        const auto above = parseAboveCeiling(r.value(u"aboveCeiling").toString());
        if (rule.channel.isEmpty())
            return QStringLiteral("routes[%1] (%2) names no channel").arg(i).arg(rule.name);
        if (!above)
            return QStringLiteral("routes[%1].aboveCeiling must be \"redact\" or \"drop\"").arg(i);
        if (rule.minSeverity < 0 || rule.minSeverity > 4)
            return QStringLiteral("routes[%1].minSeverity must be 0 to 4").arg(i);
        if (rule.batchPerMinute < 0 || rule.batchPerMinute > 50)
            return QStringLiteral("routes[%1].batchPerMinute must be 0 (no batching) to 50").arg(i);
        rule.aboveCeiling = *above;
        routes->append(rule);
    }
    return {};
}

QString applyJson(const QJsonObject &json, BridgeConfig *c)
{
    if (const QString key = findSecretKey(json, {}); !key.isEmpty()) {
        return QStringLiteral("the config file holds a secret (%1); secrets come from the "
                              "keychain or HIVESLACK_*_FILE variables, never from the file")
            .arg(key);
    }
    if (json.contains(u"listen") &&
        !parseListen(json.value(u"listen").toString(), &c->listenAddress, &c->listenPort))
        return QStringLiteral("listen must be host:port, got \"%1\"")
            .arg(json.value(u"listen").toString());
    if (json.contains(u"dataDir"))
        c->dataDir = json.value(u"dataDir").toString();

    const QJsonObject hive = json.value(u"thehive").toObject();
    if (hive.contains(u"url"))
        c->theHiveUrl = QUrl(hive.value(u"url").toString());
    if (hive.contains(u"uiUrl"))
        c->theHiveUiUrl = QUrl(hive.value(u"uiUrl").toString());
    c->theHiveOrganisation = hive.value(u"organisation").toString(c->theHiveOrganisation);
    if (hive.contains(u"version")) {
        c->theHiveVersion = parsePinnedVersion(hive.value(u"version").toString());
        if (!c->theHiveVersion)
            return QStringLiteral("thehive.version must look like \"5.2\" or \"4.1\"");
    }
    const auto actAs = parseActAs(hive.value(u"actAs").toString());
    if (!actAs)
        return QStringLiteral("thehive.actAs must be \"service\" or \"header\"");
    c->theHiveActAs = *actAs;
    c->theHiveUserHeader = hive.value(u"userHeader").toString(c->theHiveUserHeader);
    if (hive.contains(u"reconcileSeconds")) {
        const QJsonValue seconds = hive.value(u"reconcileSeconds");
        const auto parsed = parseWholeNumber(seconds, MaxReconcileSeconds);
        if (!parsed)
            return reconcileError(QStringLiteral("thehive.reconcileSeconds"), jsonText(seconds));
        c->reconcileSeconds = *parsed;
    }

    const QJsonObject slack = json.value(u"slack").toObject();
    if (slack.contains(u"apiUrl"))
        c->slackApiUrl = QUrl(slack.value(u"apiUrl").toString());
    c->defaultChannel = slack.value(u"defaultChannel").toString(c->defaultChannel);
    c->defaultTlpCeiling = slack.value(u"tlpCeiling").toInt(c->defaultTlpCeiling);
    c->defaultPapCeiling = slack.value(u"papCeiling").toInt(c->defaultPapCeiling);
    c->defaultAllowRestricted = slack.value(u"allowRestricted").toBool(c->defaultAllowRestricted);
    c->defaultThreadToCase = slack.value(u"threadToCase").toBool(c->defaultThreadToCase);
    const auto above = parseAboveCeiling(slack.value(u"aboveCeiling").toString());
    if (!above)
        return QStringLiteral("slack.aboveCeiling must be \"redact\" or \"drop\"");
    c->defaultAboveCeiling = *above;

    if (const QString error = readRoutes(json.value(u"routes").toArray(), &c->routes);
        !error.isEmpty())
        return error;

    const QJsonObject users = json.value(u"users").toObject();
    const QJsonObject overrides = users.value(u"overrides").toObject();
    for (auto it = overrides.begin(); it != overrides.end(); ++it)
        c->userOverrides.insert(it.key(), it.value().toString());
    c->allowedSlackUsers = stringList(users.value(u"allowed"));

    c->taskTimeZone = json.value(u"tasks").toObject().value(u"timeZone").toString(c->taskTimeZone);

    if (const QString error = readEvidence(json.value(u"evidence").toObject(), &c->evidenceFiles);
        !error.isEmpty())
        return error;

    const QJsonObject journal = json.value(u"journal").toObject();
    if (journal.contains(u"retentionDays")) {
        const QJsonValue days = journal.value(u"retentionDays");
        const auto parsed = parseWholeNumber(days, MaxRetentionDays);
        if (!parsed)
            return retentionError(QStringLiteral("journal.retentionDays"), jsonText(days));
        c->journalRetentionDays = *parsed;
    }

    const QJsonObject http = json.value(u"http").toObject();
    c->http.maxBodyBytes = http.value(u"maxBodyBytes").toInteger(c->http.maxBodyBytes);
    c->http.requestTimeoutMs = http.value(u"requestTimeoutMs").toInt(c->http.requestTimeoutMs);
    c->http.idleTimeoutMs = http.value(u"idleTimeoutMs").toInt(c->http.idleTimeoutMs);
    return {};
}

QString applyEnvironment(const QProcessEnvironment &env, BridgeConfig *c)
{
    const auto has = [&](const char *name) { return env.contains(QLatin1String(name)); };
    const auto get = [&](const char *name) { return env.value(QLatin1String(name)); };
    if (has("HIVESLACK_LISTEN") &&
        !parseListen(get("HIVESLACK_LISTEN"), &c->listenAddress, &c->listenPort))
        return QStringLiteral("HIVESLACK_LISTEN must be host:port, got \"%1\"")
            .arg(get("HIVESLACK_LISTEN"));
    if (has("HIVESLACK_DATA_DIR"))
        c->dataDir = get("HIVESLACK_DATA_DIR");
    if (has("HIVESLACK_THEHIVE_URL"))
        c->theHiveUrl = QUrl(get("HIVESLACK_THEHIVE_URL"));
    if (has("HIVESLACK_THEHIVE_UI_URL"))
        c->theHiveUiUrl = QUrl(get("HIVESLACK_THEHIVE_UI_URL"));
    if (has("HIVESLACK_THEHIVE_ORGANISATION"))
        c->theHiveOrganisation = get("HIVESLACK_THEHIVE_ORGANISATION");
    if (has("HIVESLACK_THEHIVE_VERSION")) {
        c->theHiveVersion = parsePinnedVersion(get("HIVESLACK_THEHIVE_VERSION"));
        if (!c->theHiveVersion)
            return QStringLiteral("HIVESLACK_THEHIVE_VERSION must look like \"5.2\" or \"4.1\"");
    }
    if (has("HIVESLACK_THEHIVE_ACT_AS")) {
        const auto actAs = parseActAs(get("HIVESLACK_THEHIVE_ACT_AS"));
        if (!actAs)
            return QStringLiteral("HIVESLACK_THEHIVE_ACT_AS must be \"service\" or \"header\"");
        c->theHiveActAs = *actAs;
    }
    if (has("HIVESLACK_THEHIVE_USER_HEADER"))
        c->theHiveUserHeader = get("HIVESLACK_THEHIVE_USER_HEADER");
    if (has("HIVESLACK_RECONCILE_SECONDS")) {
        const auto seconds =
            parseWholeNumber(get("HIVESLACK_RECONCILE_SECONDS"), MaxReconcileSeconds);
        if (!seconds)
            return reconcileError(QStringLiteral("HIVESLACK_RECONCILE_SECONDS"),
                                  u'"' + get("HIVESLACK_RECONCILE_SECONDS") + u'"');
        c->reconcileSeconds = *seconds;
    }
    if (has("HIVESLACK_SLACK_RATE_FACTOR")) {
        bool ok = false;
        const double factor = get("HIVESLACK_SLACK_RATE_FACTOR").trimmed().toDouble(&ok);
        if (!ok || factor <= 0 || factor > 10'000)
            return QStringLiteral("HIVESLACK_SLACK_RATE_FACTOR must be a number above 0 and at "
                                  "most 10000, got \"%1\"")
                .arg(get("HIVESLACK_SLACK_RATE_FACTOR"));
        c->slackRateLimits = SlackRateLimits().faster(factor);
    }
    if (has("HIVESLACK_SLACK_API_URL"))
        c->slackApiUrl = QUrl(get("HIVESLACK_SLACK_API_URL"));
    if (has("HIVESLACK_SLACK_CHANNEL"))
        c->defaultChannel = get("HIVESLACK_SLACK_CHANNEL");
    if (has("HIVESLACK_JOURNAL_RETENTION_DAYS")) {
        const auto days =
            parseWholeNumber(get("HIVESLACK_JOURNAL_RETENTION_DAYS"), MaxRetentionDays);
        if (!days)
            return retentionError(QStringLiteral("HIVESLACK_JOURNAL_RETENTION_DAYS"),
                                  u'"' + get("HIVESLACK_JOURNAL_RETENTION_DAYS") + u'"');
        c->journalRetentionDays = *days;
    }
    return {};
}

QString validateFields(const BridgeConfig &c)
{
    if (c.theHiveUrl.isEmpty())
        return QStringLiteral("no TheHive URL: set HIVESLACK_THEHIVE_URL or thehive.url");
    if (!isHttpUrl(c.theHiveUrl))
        return QStringLiteral("TheHive URL is not a valid http(s) URL: \"%1\"")
            .arg(c.theHiveUrl.toString());
    if (!c.theHiveUiUrl.isEmpty() && !isHttpUrl(c.theHiveUiUrl))
        return QStringLiteral("TheHive UI URL is not a valid http(s) URL: \"%1\"")
            .arg(c.theHiveUiUrl.toString());
    if (!isHttpUrl(c.slackApiUrl))
        return QStringLiteral("Slack API URL is not a valid http(s) URL: \"%1\"")
            .arg(c.slackApiUrl.toString());
    if (c.defaultChannel.isEmpty())
        return QStringLiteral("no default Slack channel: set HIVESLACK_SLACK_CHANNEL or "
                              "slack.defaultChannel");
    if (!isChannelId(c.defaultChannel))
        return QStringLiteral("the default Slack channel must be a channel id (C…), got \"%1\"")
            .arg(c.defaultChannel);
    for (const RouteRule &rule : c.routes) {
        if (!isChannelId(rule.channel))
            return QStringLiteral("route %1 must name a Slack channel id (C…), got \"%2\"")
                .arg(rule.name, rule.channel);
    }
    if (c.dataDir.isEmpty())
        return QStringLiteral("no data directory: set HIVESLACK_DATA_DIR or dataDir");
    if (const QString problem = userHeaderProblem(c.theHiveUserHeader); !problem.isEmpty())
        return problem;
    if (c.http.maxBodyBytes <= 0 || c.http.requestTimeoutMs <= 0 || c.http.idleTimeoutMs <= 0)
        return QStringLiteral("http limits must be positive");
    return {};
}

} // namespace

QString validateConfig(const BridgeConfig &config)
{
    return validateFields(config);
}

QString userHeaderProblem(const QString &name)
{
    static const QRegularExpression token(QStringLiteral("^[A-Za-z0-9-]{1,64}$"));
    static const QStringList reserved = {
        QStringLiteral("authorization"), QStringLiteral("x-organisation"),
        QStringLiteral("content-type"),  QStringLiteral("cookie"),
        QStringLiteral("host"),          QStringLiteral("content-length"),
    };
    if (token.match(name).hasMatch() && !reserved.contains(name.toLower()))
        return {};
    return QStringLiteral("the TheHive user header must be a plain HTTP header name other "
                          "than Authorization or X-Organisation, got \"%1\"")
        .arg(name);
}

bool parseListen(const QString &text, QHostAddress *address, quint16 *port)
{
    const qsizetype colon = text.lastIndexOf(u':');
    if (colon < 0)
        return false;
    QString host = text.left(colon);
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    bool ok = false;
    const uint p = text.mid(colon + 1).toUInt(&ok);
    if (!ok || p > 65535)
        return false;
    QHostAddress a(QHostAddress::LocalHost);
    if (!host.isEmpty() && host != u"localhost" && !a.setAddress(host))
        return false;
    *address = a;
    *port = quint16(p);
    return true;
}

ConfigResult configFromJson(const QJsonObject &json, const QProcessEnvironment &env,
                            const QString &defaultDataDir)
{
    BridgeConfig config;
    config.dataDir = defaultDataDir;
    if (QString error = applyJson(json, &config); !error.isEmpty())
        return {std::nullopt, error, config};
    if (QString error = applyEnvironment(env, &config); !error.isEmpty())
        return {std::nullopt, error, config};
    if (config.theHiveUiUrl.isEmpty())
        config.theHiveUiUrl = config.theHiveUrl;
    if (QString error = validateConfig(config); !error.isEmpty())
        return {std::nullopt, error, config};
    return {config, {}, config};
}

ConfigResult loadConfig(const QString &configFile, const QProcessEnvironment &env,
                        const QString &defaultDataDir)
{
    QJsonObject json;
    if (!configFile.isEmpty()) {
        QFile file(configFile);
        if (!file.open(QIODevice::ReadOnly))
            return {std::nullopt,
                    QStringLiteral("cannot read config file %1: %2")
                        .arg(configFile, file.errorString()),
                    {}};
        QJsonParseError parseError;
        const QJsonDocument doc =
            QJsonDocument::fromJson(stripJsonComments(file.readAll()), &parseError);
        if (parseError.error != QJsonParseError::NoError || !doc.isObject())
            return {std::nullopt,
                    QStringLiteral("config file %1 is not a JSON object: %2 at "
                                   "offset %3")
                        .arg(configFile, parseError.errorString())
                        .arg(parseError.offset),
                    {}};
        json = doc.object();
    }
    return configFromJson(json, env, defaultDataDir);
}

QJsonObject configToJson(const BridgeConfig &c)
{
    QJsonObject hive{{u"url"_s, c.theHiveUrl.toString()}};
    if (c.theHiveUiUrl != c.theHiveUrl)
        hive.insert(u"uiUrl", c.theHiveUiUrl.toString());
    if (!c.theHiveOrganisation.isEmpty())
        hive.insert(u"organisation", c.theHiveOrganisation);
    if (c.theHiveVersion)
        hive.insert(u"version", c.theHiveVersion->toString());
    hive.insert(u"actAs", actAsName(c.theHiveActAs));
    hive.insert(u"userHeader", c.theHiveUserHeader);
    hive.insert(u"reconcileSeconds", c.reconcileSeconds);

    QJsonArray routes;
    for (const RouteRule &r : c.routes) {
        QJsonArray tlps;
        for (int t : r.tlps)
            tlps.append(t);
        QJsonObject route{
            {u"name"_s, r.name},
            {u"organisations"_s, QJsonArray::fromStringList(r.organisations)},
            {u"minSeverity"_s, r.minSeverity},
            {u"tags"_s, QJsonArray::fromStringList(r.tags)},
            {u"tlp"_s, tlps},
            {u"channel"_s, r.channel},
            {u"tlpCeiling"_s, r.tlpCeiling},
            {u"papCeiling"_s, r.papCeiling},
            {u"aboveCeiling"_s, aboveCeilingName(r.aboveCeiling)},
            {u"allowRestricted"_s, r.allowRestricted},
            {u"threadToCase"_s, r.threadToCase},
        };
        if (r.kind == RouteKind::Alert) {
            route.insert(u"kind", u"alert"_s);
            route.insert(u"sources", QJsonArray::fromStringList(r.sources));
            route.insert(u"types", QJsonArray::fromStringList(r.types));
            route.insert(u"batchPerMinute", r.batchPerMinute);
        }
        routes.append(route);
    }
    QJsonObject overrides;
    for (auto it = c.userOverrides.begin(); it != c.userOverrides.end(); ++it)
        overrides.insert(it.key(), it.value());

    const QString host = c.listenAddress.protocol() == QAbstractSocket::IPv6Protocol
                             ? u'[' + c.listenAddress.toString() + u']'
                             : c.listenAddress.toString();
    return QJsonObject{
        {u"listen"_s, QString(host + u':' + QString::number(c.listenPort))},
        {u"dataDir"_s, c.dataDir},
        {u"thehive"_s, hive},
        {u"slack"_s, QJsonObject{{u"apiUrl"_s, c.slackApiUrl.toString()},
                                 {u"defaultChannel"_s, c.defaultChannel},
                                 {u"tlpCeiling"_s, c.defaultTlpCeiling},
                                 {u"papCeiling"_s, c.defaultPapCeiling},
                                 {u"aboveCeiling"_s, aboveCeilingName(c.defaultAboveCeiling)},
                                 {u"allowRestricted"_s, c.defaultAllowRestricted},
                                 {u"threadToCase"_s, c.defaultThreadToCase}}},
        {u"routes"_s, routes},
        {u"users"_s, QJsonObject{{u"overrides"_s, overrides},
                                 {u"allowed"_s, QJsonArray::fromStringList(c.allowedSlackUsers)}}},
        {u"tasks"_s, QJsonObject{{u"timeZone"_s, c.taskTimeZone}}},
        {u"evidence"_s, QJsonObject{{u"copyFiles"_s, c.evidenceFiles.copy},
                                    {u"maxFileMb"_s, c.evidenceFiles.maxMegabytes}}},
        {u"journal"_s, QJsonObject{{u"retentionDays"_s, c.journalRetentionDays}}},
        {u"http"_s, QJsonObject{{u"maxBodyBytes"_s, c.http.maxBodyBytes},
                                {u"requestTimeoutMs"_s, c.http.requestTimeoutMs},
                                {u"idleTimeoutMs"_s, c.http.idleTimeoutMs}}},
    };
}

} // namespace Bridge
