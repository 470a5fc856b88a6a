#pragma once

#include "http/deferredanswer.h"
#include "journal/journal.h"
#include "metrics/latencyhistogram.h"

#include <QElapsedTimer>
#include <QObject>

#include <memory>

class QHttpServerRequest;

namespace Bridge {

class Journal;

/// POST /thehive/webhook: authenticates the sender, checks the body is a TheHive event (any
/// of the TheHive 5, 4 and 3 families), writes it to the journal, and only then answers 2xx.
/// Replays are accepted and ignored; events HiveSlack does not act on are recorded as ignored.
///
/// Group commit: the answers to webhooks that arrive together wait for one journal commit (one
/// fsync) made as soon as the event loop is free, instead of one commit each. A rejected
/// request is answered at once.
class TheHiveIntake final : public QObject
{
    Q_OBJECT
public:
    TheHiveIntake(Journal &journal, QByteArray webhookSecret, QObject *parent = nullptr);

    using Responder = RouteResponder;
    void handle(const QHttpServerRequest &request, Responder responder);

    quint64 accepted() const { return m_accepted; }
    quint64 rejected() const { return m_rejected; }
    /// From a request's arrival to its answer, the group commit's wait included.
    const LatencyHistogram &latency() const { return m_latency; }

Q_SIGNALS:
    void journaled(qint64 eventId);

private:
    struct Waiting
    {
        NewEvent event;
        /// An alert the event says a case came from: its card must follow (TheHive 4 audits
        /// the alert's side of an import only as a derived event).
        std::optional<NewEvent> alertFollowUp;
        QElapsedTimer received;
        std::optional<DeferredAnswer> answer;
    };
    struct Answer
    {
        int status;
        QByteArray body;
        QByteArray mimeType;
    };
    /// Checks the sender and the body; an answer when the request is refused, else the event.
    std::optional<Answer> admit(const QHttpServerRequest &request, NewEvent *entry,
                                std::optional<NewEvent> *alertFollowUp);
    void flush();
    void send(QHttpServerResponder &responder, const Answer &answer, const QElapsedTimer &received);

    Journal &m_journal;
    QByteArray m_secret;
    quint64 m_accepted = 0;
    quint64 m_rejected = 0;
    LatencyHistogram m_latency;
    QList<Waiting> m_waiting;
};

} // namespace Bridge
