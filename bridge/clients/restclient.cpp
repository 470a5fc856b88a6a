#include "clients/restclient.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace Bridge {

namespace {

QString kindOf(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::OperationCanceledError: // how a transfer timeout ends
    case QNetworkReply::TimeoutError:
        return QStringLiteral("timeout");
    case QNetworkReply::ConnectionRefusedError:
        return QStringLiteral("refused");
    case QNetworkReply::HostNotFoundError:
        return QStringLiteral("dns");
    case QNetworkReply::RemoteHostClosedError:
        return QStringLiteral("closed");
    case QNetworkReply::SslHandshakeFailedError:
        return QStringLiteral("tls");
    default:
        return QStringLiteral("network");
    }
}

} // namespace

QString RestReply::errorKind() const
{
    if (!answered())
        return networkErrorKind;
    const bool success = httpStatus >= 200 && httpStatus < 300;
    return success ? QString() : QStringLiteral("http_%1").arg(httpStatus);
}

RestClient::RestClient(QNetworkAccessManager &network, int timeoutMs, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_timeoutMs(timeoutMs)
{
}

void RestClient::send(const RestRequest &request, std::function<void(const RestReply &)> done)
{
    QNetworkRequest req(request.url);
    req.setTransferTimeout(m_timeoutMs);
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                     request.followRedirects ? QNetworkRequest::SameOriginRedirectPolicy
                                             : QNetworkRequest::ManualRedirectPolicy);
    for (const auto &[name, value] : request.headers)
        req.setRawHeader(name, value);

    QNetworkReply *reply = request.body.isEmpty() && request.method == "GET"
                               ? m_network.get(req)
                               : m_network.sendCustomRequest(req, request.method, request.body);
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    auto tooLarge = std::make_shared<bool>(false);
    if (request.maxBodyBytes > 0) {
        connect(reply, &QNetworkReply::downloadProgress, this,
                [reply, tooLarge, max = request.maxBodyBytes](qint64 received, qint64 total) {
                    if (*tooLarge || (received <= max && total <= max))
                        return;
                    *tooLarge = true;
                    // Queued: abort() finishes the reply at once, inside this signal.
                    QMetaObject::invokeMethod(reply, &QNetworkReply::abort, Qt::QueuedConnection);
                });
    }
    connect(reply, &QNetworkReply::finished, this,
            [reply, done = std::move(done), timer, tooLarge] {
                reply->deleteLater();
                RestReply out;
                out.elapsedMs = timer->elapsed();
                out.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                out.tooLarge = *tooLarge;
                out.body = out.tooLarge ? QByteArray() : reply->readAll();
                out.contentType = reply->rawHeader("Content-Type");
                if (reply->hasRawHeader("Location"))
                    out.location =
                        reply->url().resolved(QUrl::fromEncoded(reply->rawHeader("Location")));
                if (out.httpStatus == 0 && !out.tooLarge) {
                    out.networkError = reply->errorString();
                    out.networkErrorKind = kindOf(reply->error());
                }
                if (reply->hasRawHeader("Retry-After")) {
                    bool ok = false;
                    const int secs = reply->rawHeader("Retry-After").trimmed().toInt(&ok);
                    if (ok && secs >= 0)
                        out.retryAfterSecs = secs;
                }
                done(out);
            });
}

} // namespace Bridge
