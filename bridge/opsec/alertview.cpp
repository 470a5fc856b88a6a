#include "opsec/alertview.h"

#include "journal/journaltypes.h"
#include "slack/cardmetadata.h"

namespace Bridge {

namespace {

/// What a channel that may not see an alert still shows of it.
AlertRecord withheldFields(const AlertRecord &a)
{
    AlertRecord kept;
    kept.id = a.id;
    kept.severity = a.severity;
    kept.status = a.status;
    kept.stage = a.stage;
    kept.caseId = a.caseId;
    return kept;
}

} // namespace

AlertView::AlertView(const AlertRecord &whole, QString channel, Visibility visibility,
                     Withheld withheld)
    : m_channel(std::move(channel))
    , m_visibility(visibility)
    , m_withheld(withheld)
    , m_shown(visibility == Visibility::Full ? whole : withheldFields(whole))
    , m_id(whole.id)
{
}

QString AlertView::shownName() const
{
    return Bridge::shownName(m_visibility);
}

SlackMessage AlertView::card(AlertCardOptions options) const
{
    QJsonObject json;
    if (m_visibility == Visibility::Hidden) {
        json = renderWithdrawnAlertCard(m_shown);
    } else {
        if (m_visibility == Visibility::Redacted) {
            options.redacted = true;
            options.outcome.clear();
        }
        json = renderAlertCard(m_shown, options);
    }
    // Found again by its id, like a case card (TheHive's ids are unique across entities).
    json.insert(u"metadata", CardMetadata::forCase(m_id));
    return make(json);
}

SlackMessage AlertView::digest(const QString &channel,
                               const QList<std::pair<AlertView, AlertCardOptions>> &lines)
{
    QList<DigestLine> shown;
    int withheld = 0;
    for (auto [view, options] : lines) {
        if (view.channel() != channel || view.visibility() == Visibility::Hidden) {
            ++withheld;
            continue;
        }
        if (!view.isFull()) {
            options.redacted = true;
            options.outcome.clear();
        }
        shown.append({view.shown(), options});
    }
    QJsonObject json = renderAlertDigest(shown, withheld);
    if (!lines.isEmpty())
        json.insert(u"metadata", CardMetadata::forCase(lines.first().first.m_id));
    return SlackMessage(channel, json);
}

std::optional<SlackMessage> AlertView::form(const QJsonObject &view) const
{
    if (!isFull())
        return std::nullopt;
    return make(view);
}

std::optional<SlackMessage> AlertView::contentNote(const QString &mrkdwn) const
{
    if (!isFull())
        return std::nullopt;
    return make(QJsonObject{{QStringLiteral("text"), mrkdwn}});
}

QString AlertView::refusal() const
{
    switch (m_withheld) {
    case Withheld::Nothing:
        return {};
    case Withheld::Rerouted:
        return QStringLiteral("This alert is now routed to another channel; it can no longer be "
                              "triaged from this one. Open it in TheHive.");
    case Withheld::Unreadable:
        return QStringLiteral("HiveSlack can no longer read this alert in TheHive.");
    case Withheld::Restricted:
    case Withheld::AboveTlpCeiling:
    case Withheld::AbovePapCeiling:
        break;
    }
    return QStringLiteral("This alert is above what this channel may see; it cannot be triaged "
                          "from here. Open it in TheHive.");
}

} // namespace Bridge
