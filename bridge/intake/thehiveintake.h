#pragma once

#include <QHttpServerResponse>
#include <QObject>

class QHttpServerRequest;

namespace Bridge {

class Journal;

/// POST /thehive/webhook: authenticates the sender, checks the body is a TheHive event (any
/// of the TheHive 5, 4 and 3 families), writes it to the journal, and only then answers 2xx.
/// Replays are accepted and ignored; events HiveSlack does not act on are recorded as ignored.
class TheHiveIntake final : public QObject
{
    Q_OBJECT
public:
    TheHiveIntake(Journal &journal, QByteArray webhookSecret, QObject *parent = nullptr);

    QHttpServerResponse handle(const QHttpServerRequest &request);

    quint64 accepted() const { return m_accepted; }
    quint64 rejected() const { return m_rejected; }

Q_SIGNALS:
    void journaled(qint64 eventId);

private:
    Journal &m_journal;
    QByteArray m_secret;
    quint64 m_accepted = 0;
    quint64 m_rejected = 0;
};

} // namespace Bridge
