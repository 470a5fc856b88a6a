#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QList>
#include <QObject>
#include <QPair>
#include <QUrl>

#include <functional>
#include <optional>

class QNetworkAccessManager;

namespace Bridge {

/// What came back from one HTTP call, whatever went wrong.
struct RestReply
{
    int httpStatus = 0; ///< 0 when no HTTP answer arrived
    QByteArray body;
    QString networkError;     ///< connection refused, timeout, … (empty when HTTP answered)
    QString networkErrorKind; ///< "timeout", "refused", "dns", "closed", "tls" or "network"
    std::optional<int> retryAfterSecs; ///< from a Retry-After header
    qint64 elapsedMs = 0;
    QByteArray contentType; ///< the answer's Content-Type header
    QUrl location;          ///< a Location header, resolved (a redirect not followed)
    bool tooLarge = false;  ///< stopped past RestRequest::maxBodyBytes; `body` is then empty

    bool answered() const { return httpStatus != 0; }
    /// For the error counts in /metrics: the transport's kind, "http_<status>" for an answer
    /// other than 2xx, empty for a 2xx.
    QString errorKind() const;
    QJsonDocument json() const { return QJsonDocument::fromJson(body); }
};

struct RestRequest
{
    QByteArray method = QByteArrayLiteral("GET");
    QUrl url;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    /// On: redirects are followed on the same origin only, as Qt sends every header (the API
    /// key, the bot token) wherever a redirect points. Off: a redirect is answered as it is,
    /// for a caller that decides where its credentials may go.
    bool followRedirects = true;
    qint64 maxBodyBytes = 0; ///< larger answers are stopped (RestReply::tooLarge); 0: no limit
};

/// Thin asynchronous HTTP helper over an injected QNetworkAccessManager, with a transfer
/// timeout. Every call answers exactly once, on the owner's thread.
class RestClient final : public QObject
{
    Q_OBJECT
public:
    RestClient(QNetworkAccessManager &network, int timeoutMs, QObject *parent = nullptr);

    void send(const RestRequest &request, std::function<void(const RestReply &)> done);
    int timeoutMs() const { return m_timeoutMs; }

private:
    QNetworkAccessManager &m_network;
    int m_timeoutMs;
};

} // namespace Bridge
