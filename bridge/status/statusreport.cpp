#include "status/statusreport.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Bridge {

QJsonObject healthJson(const StatusSnapshot &s)
{
    QJsonObject journal{{u"state"_s, s.journalOk ? u"ok"_s : u"error"_s},
                        {u"pending"_s, s.pending},
                        {u"failed"_s, s.failed},
                        {u"delivered"_s, s.delivered},
                        {u"writeFailures"_s, qint64(s.journalWriteFailures)}};
    if (!s.journalError.isEmpty())
        journal.insert(u"error", s.journalError);
    QJsonObject hive{{u"state"_s, s.hiveState}};
    if (!s.hiveVersion.isEmpty())
        hive.insert(u"version", s.hiveVersion);
    if (!s.hiveError.isEmpty())
        hive.insert(u"error", s.hiveError);
    if (!s.reconcileError.isEmpty())
        hive.insert(u"reconcileError", s.reconcileError);
    QJsonObject slack{{u"state"_s, s.slackState}};
    if (!s.slackTeam.isEmpty())
        slack.insert(u"team", s.slackTeam);
    if (!s.slackError.isEmpty())
        slack.insert(u"error", s.slackError);
    if (!s.socketMode.isEmpty()) {
        QJsonObject socket{{u"state"_s, s.socketMode}};
        if (!s.socketModeError.isEmpty())
            socket.insert(u"error", s.socketModeError);
        slack.insert(u"socketMode", socket);
    }
    QJsonArray problems;
    const auto problem = [&](const QString &part, const QString &why) {
        problems.append(QJsonObject{{u"part"_s, part}, {u"error"_s, why}});
    };
    if (!s.journalOk)
        problem(u"journal"_s, s.journalError);
    if (s.hiveState == u"error")
        problem(u"thehive"_s, s.hiveError);
    if (s.slackState == u"error")
        problem(u"slack"_s, s.slackError);
    if (!s.socketMode.isEmpty() && s.socketMode != u"connected")
        problem(u"socketMode"_s, s.socketModeError.isEmpty() ? s.socketMode : s.socketModeError);
    if (!s.reconcileError.isEmpty())
        problem(u"reconcile"_s, s.reconcileError);
    return {{u"status"_s, s.journalOk ? u"serving"_s : u"degraded"_s},
            {u"problems"_s, problems},
            {u"version"_s, QStringLiteral(HIVESLACK_VERSION)},
            {u"uptimeSeconds"_s, s.uptimeMs / 1000},
            {u"journal"_s, journal},
            {u"thehive"_s, hive},
            {u"slack"_s, slack}};
}

int healthStatusCode(const StatusSnapshot &s)
{
    return s.journalOk ? 200 : 503;
}

namespace {

void metric(QByteArray &out, const char *name, const char *type, const char *help)
{
    out += QByteArray("# HELP ") + name + ' ' + help + "\n# TYPE " + name + ' ' + type + '\n';
}

void sample(QByteArray &out, const QByteArray &name, const QByteArray &labels,
            const QByteArray &value)
{
    out += name;
    if (!labels.isEmpty())
        out += '{' + labels + '}';
    out += ' ' + value + '\n';
}

void sample(QByteArray &out, const QByteArray &name, const QByteArray &labels, qint64 value)
{
    sample(out, name, labels, QByteArray::number(value));
}

QByteArray label(const char *name, const QString &value)
{
    QByteArray escaped = value.toUtf8();
    escaped.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', "\\n");
    return QByteArray(name) + "=\"" + escaped + '"';
}

void histogram(QByteArray &out, const char *name, const QByteArray &labels,
               const LatencyHistogram &h)
{
    const QByteArray bucket = QByteArray(name) + "_bucket";
    const QByteArray prefix = labels.isEmpty() ? QByteArray() : labels + ',';
    for (std::size_t i = 0; i < h.bounds().size(); ++i)
        sample(out, bucket, prefix + "le=\"" + QByteArray::number(h.bounds()[i]) + '"',
               qint64(h.countAtMost(i)));
    sample(out, bucket, prefix + "le=\"+Inf\"", qint64(h.count()));
    sample(out, QByteArray(name) + "_sum", labels, QByteArray::number(h.sumSeconds(), 'f', 6));
    sample(out, QByteArray(name) + "_count", labels, qint64(h.count()));
}

} // namespace

QByteArray metricsText(const StatusSnapshot &s)
{
    QByteArray out;
    metric(out, "hiveslack_up", "gauge", "1 while the bridge is serving.");
    sample(out, "hiveslack_up", {}, 1);
    metric(out, "hiveslack_uptime_seconds", "gauge", "Seconds since the bridge started.");
    sample(out, "hiveslack_uptime_seconds", {}, s.uptimeMs / 1000);
    metric(out, "hiveslack_journal_events", "gauge", "Journaled events by state.");
    sample(out, "hiveslack_journal_events", "state=\"pending\"", s.pending);
    sample(out, "hiveslack_journal_events", "state=\"delivered\"", s.delivered);
    sample(out, "hiveslack_journal_events", "state=\"failed\"", s.failed);
    sample(out, "hiveslack_journal_events", "state=\"ignored\"", s.ignored);
    sample(out, "hiveslack_journal_events", "state=\"discarded\"", s.discarded);
    metric(out, "hiveslack_deliveries_in_flight", "gauge", "Events being delivered now.");
    sample(out, "hiveslack_deliveries_in_flight", {}, s.inFlight);
    metric(out, "hiveslack_requests_total", "counter", "Inbound requests by route and result.");
    sample(out, "hiveslack_requests_total", "route=\"thehive\",result=\"accepted\"",
           qint64(s.webhooksAccepted));
    sample(out, "hiveslack_requests_total", "route=\"thehive\",result=\"rejected\"",
           qint64(s.webhooksRejected));
    sample(out, "hiveslack_requests_total", "route=\"slack\",result=\"accepted\"",
           qint64(s.interactionsAccepted));
    sample(out, "hiveslack_requests_total", "route=\"slack\",result=\"rejected\"",
           qint64(s.interactionsRejected));
    metric(out, "hiveslack_connections_refused_total", "counter",
           "Connections cut by the HTTP guard.");
    sample(out, "hiveslack_connections_refused_total", "reason=\"too_large\"",
           qint64(s.httpTooLarge));
    sample(out, "hiveslack_connections_refused_total", "reason=\"timeout\"",
           qint64(s.httpTimedOut));
    metric(out, "hiveslack_slack_rate_limited_total", "counter",
           "Slack answers of 429 (each pauses its method's or channel's calls for Retry-After).");
    sample(out, "hiveslack_slack_rate_limited_total", {}, qint64(s.slackRateLimited));
    metric(out, "hiveslack_slack_paused_seconds_total", "counter",
           "Time Slack calls were held back by 429s, summed over methods and channels.");
    sample(out, "hiveslack_slack_paused_seconds_total", {},
           QByteArray::number(double(s.slackPausedMs) / 1000.0, 'f', 3));
    metric(out, "hiveslack_slack_queued_calls", "gauge",
           "Slack calls waiting for their turn under Slack's rate limits, by channel.");
    QStringList channels = s.slackQueuedByChannel.keys();
    channels.sort();
    for (const QString &channel : channels)
        sample(out, "hiveslack_slack_queued_calls", label("channel", channel),
               s.slackQueuedByChannel.value(channel));
    metric(out, "hiveslack_reconcile_passes_total", "counter",
           "Looks back at TheHive for changes no webhook brought.");
    sample(out, "hiveslack_reconcile_passes_total", {}, qint64(s.reconcilePasses));
    if (s.reconcileLagMs >= 0) {
        metric(out, "hiveslack_reconcile_lag_seconds", "gauge",
               "Since the last look back at TheHive ended (at most one interval when healthy).");
        sample(out, "hiveslack_reconcile_lag_seconds", {}, s.reconcileLagMs / 1000);
    }
    metric(out, "hiveslack_reconcile_found_total", "counter",
           "Cases those looks found without their card or with a card behind the case.");
    sample(out, "hiveslack_reconcile_found_total", {}, qint64(s.reconcileFound));
    if (!s.socketMode.isEmpty()) {
        metric(out, "hiveslack_socket_mode_connected", "gauge",
               "1 while a Socket Mode connection to Slack is up.");
        sample(out, "hiveslack_socket_mode_connected", {}, s.socketMode == u"connected" ? 1 : 0);
        metric(out, "hiveslack_socket_mode_connections_total", "counter",
               "Socket Mode connections Slack greeted (each reconnect and refresh adds one).");
        sample(out, "hiveslack_socket_mode_connections_total", {}, qint64(s.socketModeConnections));
        metric(out, "hiveslack_socket_mode_envelopes_total", "counter",
               "Envelopes received over Socket Mode, by whether they were acknowledged.");
        sample(out, "hiveslack_socket_mode_envelopes_total", "acked=\"true\"",
               qint64(s.socketModeEnvelopes - s.socketModeUnacknowledged));
        sample(out, "hiveslack_socket_mode_envelopes_total", "acked=\"false\"",
               qint64(s.socketModeUnacknowledged));
    }
    metric(out, "hiveslack_peer_up", "gauge", "1 when the last contact with a peer succeeded.");
    sample(out, "hiveslack_peer_up", "peer=\"thehive\"", s.hiveState == u"ok" ? 1 : 0);
    sample(out, "hiveslack_peer_up", "peer=\"slack\"", s.slackState == u"ok" ? 1 : 0);
    metric(out, "hiveslack_peer_failures_total", "counter",
           "Calls to a peer that got no answer (refused, reset, timed out) or a 5xx.");
    sample(out, "hiveslack_peer_failures_total", "peer=\"thehive\"", qint64(s.hiveFailures));
    sample(out, "hiveslack_peer_failures_total", "peer=\"slack\"", qint64(s.slackFailures));
    metric(out, "hiveslack_peer_errors_total", "counter",
           "Failed calls to a peer by kind: timeout, refused, dns, closed, tls, network, "
           "http_<status>, or Slack's error code.");
    for (const auto &[kind, n] : s.hiveErrors.asKeyValueRange())
        sample(out, "hiveslack_peer_errors_total", "peer=\"thehive\"," + label("kind", kind),
               qint64(n));
    for (const auto &[kind, n] : s.slackErrors.asKeyValueRange())
        sample(out, "hiveslack_peer_errors_total", "peer=\"slack\"," + label("kind", kind),
               qint64(n));
    metric(out, "hiveslack_request_duration_seconds", "histogram",
           "From a request's arrival to its answer, by route (socket_mode: envelope to ack).");
    for (const auto &[route, h] : s.requestLatency.asKeyValueRange())
        histogram(out, "hiveslack_request_duration_seconds", label("route", route), h);
    metric(out, "hiveslack_delivery_duration_seconds", "histogram",
           "From an event's journaling to its delivery, retries included, by source.");
    for (const auto &[source, h] : s.deliveryLatency.asKeyValueRange())
        histogram(out, "hiveslack_delivery_duration_seconds", label("source", source), h);
    metric(out, "hiveslack_journal_write_failures_total", "counter",
           "Journal writes the storage did not take (locked, disk full, I/O error).");
    sample(out, "hiveslack_journal_write_failures_total", {}, qint64(s.journalWriteFailures));
    metric(out, "hiveslack_journal_writable", "gauge",
           "0 while the last journal write failed and none has succeeded since.");
    sample(out, "hiveslack_journal_writable", {}, s.journalOk ? 1 : 0);
    return out;
}

} // namespace Bridge
