#pragma once

#include "core/clock.h"

#include <QHttpServerResponse>
#include <QObject>

class QHttpServerRequest;

namespace Bridge {

class Journal;

/// POST /slack/interactions: checks Slack's signature over the raw body, writes the
/// interaction to the journal and answers at once — an empty 200, or the modal's field errors
/// for an invalid view_submission. Nothing slow happens here: TheHive calls, views.open and
/// chat.update run afterwards from the journal, so Slack always gets its answer in time.
class SlackIntake final : public QObject
{
    Q_OBJECT
public:
    /// `taskTimeZone` is where "today" is when a task's due date is checked.
    SlackIntake(Journal &journal, const Clock &clock, QByteArray signingSecret,
                QString taskTimeZone, QObject *parent = nullptr);

    QHttpServerResponse handle(const QHttpServerRequest &request);

    quint64 accepted() const { return m_accepted; }
    quint64 rejected() const { return m_rejected; }

Q_SIGNALS:
    void journaled(qint64 eventId);

private:
    Journal &m_journal;
    const Clock &m_clock;
    QByteArray m_secret;
    QString m_taskTimeZone;
    quint64 m_accepted = 0;
    quint64 m_rejected = 0;
};

} // namespace Bridge
