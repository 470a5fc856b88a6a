#pragma once

#include "clients/peeroutages.h"
#include "clients/restclient.h"
#include "core/casemodel.h"
#include "metrics/errortally.h"
#include "thehive/dialect.h"

#include <QJsonDocument>

namespace Bridge {

/// How a TheHive call ended, in the terms delivery needs.
struct HiveResult
{
    enum class Kind {
        Ok,
        Retryable, ///< network error, timeout, 5xx: try again later
        Refused,   ///< 4xx: TheHive said no (bad value, no permission, not found); say why
    };
    Kind kind = Kind::Retryable;
    int httpStatus = 0;
    QJsonDocument json;
    QByteArray body;                   ///< raw answer (some queries answer a bare number)
    QString message;                   ///< TheHive's reason or a transport reason, for people
    std::optional<int> retryAfterSecs; ///< a 429's Retry-After (from a proxy in front of TheHive)
    bool ok() const { return kind == Kind::Ok; }
};

/// TheHive REST client: API key as Bearer, X-Organisation when configured, JSON bodies.
/// The requests themselves come from thehive/dialect.h, which knows the versions apart.
/// sendAs() is the one call without the key: it names a user in the header TheHive's header
/// authentication reads (authority/analystwriter.h decides when).
class TheHiveClient final : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const HiveResult &)>;

    TheHiveClient(RestClient &rest, QUrl baseUrl, QString apiKey, QString organisation,
                  QString userHeader = QStringLiteral("X-USER"), QObject *parent = nullptr);

    /// As the bridge's API user.
    void send(const HiveRequest &request, Callback done);
    /// As `login`, through TheHive's header authentication: `<userHeader>: <login>` and no key.
    void sendAs(const QString &login, const HiveRequest &request, Callback done);
    /// /api/v1/status/public, then /api/status (both public); nullopt plus a reason otherwise.
    void detectVersion(std::function<void(std::optional<HiveVersion>, const QString &)> done);
    /// GET the case and read it with the version's field names.
    void fetchCase(const QString &caseId, const HiveVersion &version,
                   std::function<void(std::optional<CaseRecord>, const HiveResult &)> done);

    static HiveResult classify(const RestReply &reply);
    const PeerOutages &outages() const { return m_outages; }
    /// Failed calls by kind: the transport's or "http_<status>".
    const ErrorTally &errors() const { return m_errors; }

private:
    RestRequest toRest(const HiveRequest &request, const QString &asLogin) const;
    void dispatch(const RestRequest &rest, const HiveRequest &request, Callback done);

    RestClient &m_rest;
    QUrl m_baseUrl;
    QString m_apiKey;
    QString m_organisation;
    QByteArray m_userHeader;
    PeerOutages m_outages;
    ErrorTally m_errors;
};

} // namespace Bridge
