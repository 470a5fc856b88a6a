#pragma once

#include "alerts/alertcard.h"
#include "alerts/alertrecord.h"
#include "opsec/caseview.h"
#include "opsec/slackmessage.h"

#include <optional>

namespace Bridge {

/// An alert as one channel may see it, decided by VisibilityPolicy (its only maker) — and the
/// only way to turn alert content into a SlackMessage: alert cards, their forms and notes.
class AlertView
{
public:
    const QString &channel() const { return m_channel; }
    Visibility visibility() const { return m_visibility; }
    Withheld withheld() const { return m_withheld; }
    bool isFull() const { return m_visibility == Visibility::Full; }
    /// The whole alert when full; its id, severity and status otherwise.
    const AlertRecord &shown() const { return m_shown; }
    /// The journal's name for this level (CardShown).
    QString shownName() const;

    /// The card: full (with its buttons while the alert waits for triage), redacted (severity
    /// and link), or the withdrawn notice.
    SlackMessage card(AlertCardOptions options) const;
    /// A digest message for `channel`: each alert as its view may show it there (lines of
    /// views for other channels, and hidden ones, are only counted). Found again, like a card,
    /// by its first alert's id.
    static SlackMessage digest(const QString &channel,
                               const QList<std::pair<AlertView, AlertCardOptions>> &lines);
    /// A triage form showing the alert (`view` built from shown()): only where shown in full.
    std::optional<SlackMessage> form(const QJsonObject &view) const;
    /// A thread note carrying the alert's content: only where shown in full.
    std::optional<SlackMessage> contentNote(const QString &mrkdwn) const;
    /// Why this channel cannot triage the alert (an ephemeral refusal).
    QString refusal() const;

private:
    friend class VisibilityPolicy;
    AlertView(const AlertRecord &whole, QString channel, Visibility visibility, Withheld withheld);
    SlackMessage make(QJsonObject json) const { return SlackMessage(m_channel, std::move(json)); }

    QString m_channel;
    Visibility m_visibility;
    Withheld m_withheld;
    AlertRecord m_shown;
    QString m_id;
};

} // namespace Bridge
