#pragma once

#include <QJsonObject>
#include <QString>

namespace Bridge {

class AlertView;
class CaseView;

/// The body of one chat.postMessage, chat.update, chat.postEphemeral or views.open, bound to
/// the channel it may go to. SlackClient sends nothing else, and only a CaseView (which only
/// the VisibilityPolicy makes) (or an AlertView, for alerts) can put case content into one:
/// whatever a new feature wants to say about a case passes the visibility decision for that channel
/// first.
class SlackMessage
{
public:
    /// The bridge's own words for a channel (a refusal, a reason, a set-up check). Never give
    /// it anything read from a case: case content comes only from CaseView.
    static SlackMessage notice(const QString &channel, const QString &text);
    /// A modal that shows nothing of any case (the New case form), opened from `channel`.
    static SlackMessage form(const QString &channel, const QJsonObject &view);

    const QString &channel() const { return m_channel; }
    const QJsonObject &json() const { return m_json; }

private:
    friend class AlertView;
    friend class CaseView;
    SlackMessage(QString channel, QJsonObject json)
        : m_channel(std::move(channel))
        , m_json(std::move(json))
    {
    }

    QString m_channel;
    QJsonObject m_json;
};

} // namespace Bridge
