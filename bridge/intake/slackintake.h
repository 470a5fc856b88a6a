#pragma once

#include "core/clock.h"
#include "journal/journaltypes.h"

#include <QJsonObject>
#include <QObject>

#include <functional>

namespace Bridge {

class Journal;
class ResponseUrls;
struct SlackInteraction;

/// What Slack is answered for something it sent, whichever way it came (the HTTP routes of
/// SlackHttpRoutes, or a Socket Mode envelope's ack).
struct SlackAck
{
    enum class Kind {
        Accepted,    ///< journaled (or already journaled): acknowledge, with `payload` if any
        Invalid,     ///< not something Slack sends: `error` says why; nothing was journaled
        JournalDown, ///< could not be journaled: do not acknowledge, so Slack sends it again
    };
    Kind kind = Kind::Accepted;
    /// The answer's body: a modal's field errors, a slash command's reply; empty for none.
    QJsonObject payload;
    QString error;
};

/// The one way in for what Slack sends, for both transports: an interaction (block_actions,
/// view_submission, …), an Events API event_callback, or a slash command. Each is checked,
/// written to the journal and answered at once; nothing slow happens here (TheHive calls,
/// views.open and chat.update run afterwards from the journal), so Slack always gets its
/// answer in time. Slack sends a thing again when its answer was late or lost (a Socket Mode
/// retry even under a new envelope id): it is recognised by its own ids (trigger_id,
/// event_id) and journaled once. Authenticity is the transport's business (the HTTP
/// signature; Socket Mode's authenticated connection).
class SlackIntake final : public QObject
{
    Q_OBJECT
public:
    /// `taskTimeZone` is where "today" is when a task's due date is checked.
    /// `responseUrls` keeps each command's response_url (never journaled) for its handler.
    SlackIntake(Journal &journal, const Clock &clock, QString taskTimeZone,
                ResponseUrls &responseUrls, QObject *parent = nullptr);

    /// An interactivity payload (the JSON of HTTP's `payload=` field, or the envelope's).
    SlackAck takeInteraction(const QByteArray &payloadJson);
    /// An Events API body of type event_callback. A person's reply in a card's thread is
    /// journaled for ThreadSync, in order with its case; every other event for the record only.
    SlackAck takeEvent(const QJsonObject &body);
    /// A slash command's fields (HTTP's form, or the envelope's payload object). `/hive help` and
    /// input not understood are answered at once with the help (and journaled as ignored);
    /// other commands are journaled for CommandHandler, which answers through the response_url.
    SlackAck takeCommand(const QJsonObject &fields);

    /// Answers an external_select's block_suggestion with `{"options":[…]}`.
    using SuggestionSource =
        std::function<void(const SlackInteraction &, std::function<void(const QJsonObject &)>)>;
    void setSuggestionSource(SuggestionSource source) { m_suggestions = std::move(source); }
    /// A block_suggestion (HTTP's options load URL, or a Socket Mode interactive envelope):
    /// answered from the suggestion source, with no options when it has not answered within
    /// SuggestionDeadlineMs (Slack waits 3 s). A lookup that changes nothing: not journaled.
    void takeSuggestion(const QByteArray &payloadJson,
                        std::function<void(const SlackAck &)> answer);
    static constexpr int SuggestionDeadlineMs = 2500;

    quint64 accepted() const { return m_accepted; }
    quint64 rejected() const { return m_rejected; }
    /// Counts something the transport refused before it reached the intake (a bad signature).
    void countRejected() { ++m_rejected; }

Q_SIGNALS:
    void journaled(qint64 eventId);

private:
    SlackAck journal(const NewEvent &entry, const QJsonObject &answer);
    SlackAck invalid(const QString &error);

    Journal &m_journal;
    const Clock &m_clock;
    QString m_taskTimeZone;
    ResponseUrls &m_responseUrls;
    SuggestionSource m_suggestions;
    quint64 m_accepted = 0;
    quint64 m_rejected = 0;
};

} // namespace Bridge
