#include "intake/slackhttproutes.h"

#include "core/logging.h"
#include "http/httplistener.h"
#include "intake/slackintake.h"
#include "slack/formdecoding.h"
#include "slack/slacksignature.h"

#include <QElapsedTimer>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Bridge {

namespace {

/// Slack's URL check of a slash command or interactivity URL carries no signature; it is
/// answered and never journaled.
bool isSslCheck(const QList<QPair<QString, QString>> &form)
{
    return formValue(form, u"ssl_check"_s) == u"1" && formValue(form, u"payload"_s).isEmpty() &&
           formValue(form, u"command"_s).isEmpty();
}

} // namespace

SlackHttpRoutes::SlackHttpRoutes(SlackIntake &intake, const Clock &clock, QByteArray signingSecret,
                                 QObject *parent)
    : QObject(parent)
    , m_intake(intake)
    , m_clock(clock)
    , m_secret(std::move(signingSecret))
{
}

void SlackHttpRoutes::registerOn(QHttpServer &server)
{
    using Route = QHttpServerResponse (SlackHttpRoutes::*)(const QHttpServerRequest &);
    const auto add = [&](const QString &path, Route route) {
        m_latencies.insert(path, LatencyHistogram());
        server.route(path, QHttpServerRequest::Method::Post,
                     [this, path, route](const QHttpServerRequest &request) {
                         QElapsedTimer received;
                         received.start();
                         QHttpServerResponse response = (this->*route)(request);
                         m_latencies[path].observeNs(received.nsecsElapsed());
                         return response;
                     });
    };
    add(u"/slack/interactions"_s, &SlackHttpRoutes::interactions);
    add(u"/slack/events"_s, &SlackHttpRoutes::events);
    add(u"/slack/commands"_s, &SlackHttpRoutes::commands);
    m_latencies.insert(u"/slack/options"_s, LatencyHistogram());
    server.route(u"/slack/options"_s, QHttpServerRequest::Method::Post,
                 [this](const QHttpServerRequest &request, RouteResponder responder) {
                     options(request, std::move(responder));
                 });
}

std::optional<QHttpServerResponse> SlackHttpRoutes::refusal(const QHttpServerRequest &request)
{
    if (m_secret.isEmpty())
        return HttpListener::text(404, "Slack's HTTP routes are off: HiveSlack takes what Slack "
                                       "sends through Socket Mode\n");
    const SignatureCheck check = verifySlackSignature(
        m_secret, HttpListener::header(request, QByteArrayLiteral("X-Slack-Request-Timestamp")),
        HttpListener::header(request, QByteArrayLiteral("X-Slack-Signature")), request.body(),
        m_clock.nowSecs());
    if (check == SignatureCheck::Valid)
        return std::nullopt;
    m_intake.countRejected();
    qCWarning(lcHttp) << "refused a Slack request:" << describe(check);
    return HttpListener::text(401, describe(check).toUtf8() + '\n');
}

QHttpServerResponse SlackHttpRoutes::answer(const SlackAck &ack)
{
    switch (ack.kind) {
    case SlackAck::Kind::Invalid:
        return HttpListener::text(400, ack.error.toUtf8() + '\n');
    case SlackAck::Kind::JournalDown:
        return HttpListener::text(503, QByteArrayLiteral("journal unavailable\n"));
    case SlackAck::Kind::Accepted:
        break;
    }
    if (ack.payload.isEmpty())
        return HttpListener::text(200, {});
    return HttpListener::json(200, QJsonDocument(ack.payload).toJson(QJsonDocument::Compact));
}

QHttpServerResponse SlackHttpRoutes::interactions(const QHttpServerRequest &request)
{
    const auto form = decodeForm(request.body());
    if (!m_secret.isEmpty() && isSslCheck(form))
        return HttpListener::text(200, {});
    if (auto refused = refusal(request))
        return std::move(*refused);
    const QString payload = formValue(form, u"payload"_s);
    if (payload.isEmpty()) {
        m_intake.countRejected();
        return HttpListener::text(400, "not a Slack interaction: no payload\n");
    }
    return answer(m_intake.takeInteraction(payload.toUtf8()));
}

void SlackHttpRoutes::options(const QHttpServerRequest &request, RouteResponder responder)
{
    QElapsedTimer received;
    received.start();
    const DeferredAnswer deferred(std::move(responder));
    const auto send = [this, deferred, received](const QHttpServerResponse &response) {
        if (deferred.send(int(response.statusCode()), response.data(), response.mimeType()))
            m_latencies[u"/slack/options"_s].observeNs(received.nsecsElapsed());
    };
    if (auto refused = refusal(request))
        return send(*refused);
    const QString payload = formValue(decodeForm(request.body()), u"payload"_s);
    m_intake.takeSuggestion(payload.toUtf8(), [send](const SlackAck &ack) { send(answer(ack)); });
}

QHttpServerResponse SlackHttpRoutes::events(const QHttpServerRequest &request)
{
    if (auto refused = refusal(request))
        return std::move(*refused);
    QJsonParseError error;
    const QJsonDocument body = QJsonDocument::fromJson(request.body(), &error);
    if (!body.isObject()) {
        m_intake.countRejected();
        return HttpListener::text(400, "not a Slack event: the body is not a JSON object\n");
    }
    // Slack checks a new Request URL with a signed challenge, which it wants back.
    if (body.object().value(u"type").toString() == u"url_verification")
        return HttpListener::json(
            200, QJsonDocument(QJsonObject{{u"challenge"_s, body.object().value(u"challenge")}})
                     .toJson(QJsonDocument::Compact));
    return answer(m_intake.takeEvent(body.object()));
}

QHttpServerResponse SlackHttpRoutes::commands(const QHttpServerRequest &request)
{
    const auto form = decodeForm(request.body());
    if (!m_secret.isEmpty() && isSslCheck(form))
        return HttpListener::text(200, {});
    if (auto refused = refusal(request))
        return std::move(*refused);
    QJsonObject fields;
    for (const auto &[key, value] : form)
        fields.insert(key, value);
    return answer(m_intake.takeCommand(fields));
}

} // namespace Bridge
