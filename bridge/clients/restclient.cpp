#include "clients/restclient.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace Bridge {

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
                     QNetworkRequest::NoLessSafeRedirectPolicy);
    for (const auto &[name, value] : request.headers)
        req.setRawHeader(name, value);

    QNetworkReply *reply = request.body.isEmpty() && request.method == "GET"
                               ? m_network.get(req)
                               : m_network.sendCustomRequest(req, request.method, request.body);
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    connect(reply, &QNetworkReply::finished, this, [reply, done = std::move(done), timer] {
        reply->deleteLater();
        RestReply out;
        out.elapsedMs = timer->elapsed();
        out.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        out.body = reply->readAll();
        if (out.httpStatus == 0)
            out.networkError = reply->errorString();
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
