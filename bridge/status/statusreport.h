#pragma once

#include "metrics/latencyhistogram.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QMap>
#include <QString>

namespace Bridge {

/// A snapshot of the bridge's health, gathered by BridgeService and rendered two ways.
struct StatusSnapshot
{
    qint64 uptimeMs = 0;
    bool journalOk = true; ///< false while the journal cannot write
    QString journalError;  ///< why the last journal write failed, while none succeeded since
    quint64 journalWriteFailures = 0;
    int pending = 0, delivered = 0, failed = 0, ignored = 0, discarded = 0;
    QString hiveState;   ///< "ok", "unknown" or "error"
    QString hiveVersion; ///< detected or pinned, e.g. "5.2"
    QString hiveError;
    QString slackState; ///< "ok", "unknown" or "error"
    QString slackTeam;
    QString slackError;
    quint64 hiveFailures = 0, slackFailures = 0;    ///< calls with no answer or a 5xx
    QMap<QString, quint64> hiveErrors, slackErrors; ///< failed calls by kind
    quint64 slackRateLimited = 0;                   ///< 429s Slack answered
    qint64 slackPausedMs = 0;                       ///< time Slack calls were held back by them
    QHash<QString, int> slackQueuedByChannel;       ///< Slack calls waiting for their turn
    quint64 reconcilePasses = 0;                    ///< looks back at TheHive for missed webhooks
    quint64 reconcileFound = 0; ///< cases they found without their card or behind it
    QString reconcileError;     ///< why the last look failed; empty when it worked
    qint64 reconcileLagMs = -1; ///< since the last look ended; -1 when it is off or none ended
    QString socketMode;         ///< Socket Mode's state ("connected", …); empty in HTTP mode
    QString socketModeError;    ///< why its last connection failed or closed
    quint64 socketModeConnections = 0, socketModeEnvelopes = 0, socketModeUnacknowledged = 0;
    quint64 webhooksAccepted = 0, webhooksRejected = 0;
    quint64 interactionsAccepted = 0, interactionsRejected = 0;
    quint64 httpTooLarge = 0, httpTimedOut = 0;
    int inFlight = 0;
    /// Arrival to answer, by route: the HTTP paths, and "socket_mode" for envelope to ack.
    QMap<QString, LatencyHistogram> requestLatency;
    QMap<QString, LatencyHistogram> deliveryLatency; ///< journaled to delivered, by source
};

/// GET /healthz body. Its `problems` names each part at fault (journal, thehive, slack,
/// socketMode, reconcile) with its reason, first the one that stops the bridge taking events;
/// empty when all is well.
QJsonObject healthJson(const StatusSnapshot &s);
/// GET /healthz status: 503 while the journal cannot write (nothing can be accepted then); an
/// unreachable peer is reported in the body only, as the bridge queues for it.
int healthStatusCode(const StatusSnapshot &s);
/// GET /metrics body, Prometheus text exposition format 0.0.4.
QByteArray metricsText(const StatusSnapshot &s);

} // namespace Bridge
