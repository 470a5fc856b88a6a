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
