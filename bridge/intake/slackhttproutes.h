#pragma once

#include "core/clock.h"
#include "http/deferredanswer.h"
#include "metrics/latencyhistogram.h"

#include <QHttpServerResponse>
#include <QMap>
#include <QObject>

class QHttpServer;
class QHttpServerRequest;

namespace Bridge {

class SlackIntake;
struct SlackAck;

/// Slack's HTTP transport into the SlackIntake: POST /slack/interactions (form, `payload=`),
/// /slack/events (Events API JSON; a url_verification is answered with its challenge) and
/// /slack/commands (slash command form), and /slack/options (the options load URL: an
/// external_select's block_suggestion, answered once its options are found). Every request must
/// carry Slack's signature over the raw body. Without a signing secret (a Socket Mode set-up) the
/// routes answer 404: nothing unsigned is ever taken.
class SlackHttpRoutes final : public QObject
{
    Q_OBJECT
public:
    SlackHttpRoutes(SlackIntake &intake, const Clock &clock, QByteArray signingSecret,
                    QObject *parent = nullptr);

    void registerOn(QHttpServer &server);
    /// From each route's request to its answer, by path.
    const QMap<QString, LatencyHistogram> &latencies() const { return m_latencies; }

private:
    QHttpServerResponse interactions(const QHttpServerRequest &request);
    QHttpServerResponse events(const QHttpServerRequest &request);
    QHttpServerResponse commands(const QHttpServerRequest &request);
    void options(const QHttpServerRequest &request, RouteResponder responder);
    /// The refusal for a request without a valid signature (or with no secret to check it);
    /// nullopt when it may go on.
    std::optional<QHttpServerResponse> refusal(const QHttpServerRequest &request);
    static QHttpServerResponse answer(const SlackAck &ack);

    SlackIntake &m_intake;
    const Clock &m_clock;
    QByteArray m_secret;
    QMap<QString, LatencyHistogram> m_latencies;
};

} // namespace Bridge
