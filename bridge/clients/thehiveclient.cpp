#include "clients/thehiveclient.h"

#include "clients/multipartform.h"

#include "core/logging.h"
#include "thehive/casejson.h"

#include <QJsonObject>

namespace Bridge {

TheHiveClient::TheHiveClient(RestClient &rest, QUrl baseUrl, QString apiKey, QString organisation,
                             QString userHeader, QObject *parent)
    : QObject(parent)
    , m_rest(rest)
    , m_baseUrl(std::move(baseUrl))
    , m_apiKey(std::move(apiKey))
    , m_organisation(std::move(organisation))
    , m_userHeader(userHeader.toLatin1())
{
}

HiveResult TheHiveClient::classify(const RestReply &reply)
{
    HiveResult r;
    r.httpStatus = reply.httpStatus;
    r.body = reply.body;
    r.retryAfterSecs = reply.retryAfterSecs;
    if (!reply.answered()) {
        r.kind = HiveResult::Kind::Retryable;
        r.message = reply.networkError;
        return r;
    }
    if (reply.httpStatus >= 200 && reply.httpStatus < 300) {
        r.kind = HiveResult::Kind::Ok;
        r.json = QJsonDocument::fromJson(reply.body);
        return r;
    }
    const HiveError error = parseError(reply.httpStatus, reply.body);
    r.message = error.message;
    if (reply.httpStatus >= 300 && reply.httpStatus < 400)
        r.message =
            QStringLiteral("TheHive's address redirects to %1, where HiveSlack does not "
                           "send its key: set the TheHive URL to where it points")
                .arg(reply.location.adjusted(QUrl::RemovePath | QUrl::RemoveQuery).toString());
    r.kind = reply.httpStatus >= 500 || reply.httpStatus == 429 ? HiveResult::Kind::Retryable
                                                                : HiveResult::Kind::Refused;
    return r;
}

RestRequest TheHiveClient::toRest(const HiveRequest &request, const QString &asLogin) const
{
    RestRequest req;
    req.method = request.method;
    QUrl url = m_baseUrl;
    QString base = url.path();
    if (base.endsWith(u'/'))
        base.chop(1);
    url.setPath(base + request.path);
    req.url = url;
    if (asLogin.isEmpty())
        req.headers.append({QByteArrayLiteral("Authorization"), "Bearer " + m_apiKey.toUtf8()});
    else
        req.headers.append({m_userHeader, asLogin.toUtf8()});
    if (!m_organisation.isEmpty())
        req.headers.append({QByteArrayLiteral("X-Organisation"), m_organisation.toUtf8()});
    if (request.upload) {
        QList<FormPart> parts;
        if (request.hasBody)
            parts.append({QStringLiteral("_json"), {}, {}, request.payload()});
        const HiveUpload &file = *request.upload;
        for (const auto &[name, value] : file.fields)
            parts.append({name, {}, {}, value.toUtf8()});
        parts.append({file.field, file.fileName, file.contentType, file.content});
        const MultipartForm form = encodeMultipart(parts);
        req.headers.append({QByteArrayLiteral("Content-Type"), form.contentType});
        req.body = form.body;
    } else if (request.hasBody) {
        req.headers.append(
            {QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
        req.body = request.payload();
    }
    return req;
}

void TheHiveClient::send(const HiveRequest &request, Callback done)
{
    dispatch(toRest(request, {}), request, std::move(done));
}

void TheHiveClient::sendAs(const QString &login, const HiveRequest &request, Callback done)
{
    if (login.isEmpty()) {
        // Never fall back to the key: a write for nobody is not made at all.
        HiveResult refused;
        refused.kind = HiveResult::Kind::Refused;
        refused.message = QStringLiteral("no TheHive login to act as");
        return done(refused);
    }
    dispatch(toRest(request, login), request, std::move(done));
}

void TheHiveClient::dispatch(const RestRequest &rest, const HiveRequest &request, Callback done)
{
    m_rest.send(rest, [this, request, done = std::move(done)](const RestReply &reply) {
        m_outages.record(reply);
        const HiveResult r = classify(reply);
        if (!r.ok()) {
            m_errors.count(reply.errorKind());
            qCInfo(lcHive) << request.method << request.path << "failed:" << r.httpStatus
                           << r.message;
        }
        done(r);
    });
}

void TheHiveClient::detectVersion(
    std::function<void(std::optional<HiveVersion>, const QString &)> done)
{
    HiveRequest publicStatus{
        QByteArrayLiteral("GET"), QStringLiteral("/api/v1/status/public"), {}, false, {}};
    send(publicStatus, [this, done](const HiveResult &r) {
        if (r.ok()) {
            if (auto v = parsePublicStatus(r.json.object()))
                return done(v, {});
        }
        HiveRequest legacy{QByteArrayLiteral("GET"), QStringLiteral("/api/status"), {}, false, {}};
        send(legacy, [done](const HiveResult &l) {
            if (l.ok()) {
                if (auto v = parseLegacyStatus(l.json.object()))
                    return done(v, {});
                return done(std::nullopt, tr("TheHive answered /api/status without a version"));
            }
            done(std::nullopt, l.message.isEmpty() ? tr("HTTP %1").arg(l.httpStatus) : l.message);
        });
    });
}

void TheHiveClient::fetchCase(
    const QString &caseId, const HiveVersion &version,
    std::function<void(std::optional<CaseRecord>, const HiveResult &)> done)
{
    send(HiveRequests::getCase(caseId, version), [version, done](const HiveResult &r) {
        if (!r.ok() || !r.json.isObject())
            return done(std::nullopt, r);
        done(caseFromJson(r.json.object(), version), r);
    });
}

} // namespace Bridge
