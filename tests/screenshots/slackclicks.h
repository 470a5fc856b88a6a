#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QString>

/// Analysts clicking on case cards, for the screenshots: signed Slack block_actions posted to
/// the running bridge, so Activity shows the Slack → TheHive direction as the demo would after
/// someone used the cards.
class SlackClicks final
{
public:
    SlackClicks(quint16 bridgePort, QByteArray signingSecret);

    /// Where the click happened: the card of `caseId`, message `ts` in `channel`.
    struct Card
    {
        QString caseId;
        QString channel;
        QString ts;
    };

    /// "Assign to me" pressed by Slack user `userId`; the bridge's HTTP status (0: no answer).
    int assignToMe(const Card &card, const QString &userId, const QString &userName);
    /// Slack user `assigneeId` picked in the card's assignee menu by Slack user `userId`.
    int assignTo(const Card &card, const QString &userId, const QString &userName,
                 const QString &assigneeId);
    /// Severity `value` (1–4) named `label` picked by Slack user `userId`.
    int setSeverity(const Card &card, const QString &userId, const QString &userName, int value,
                    const QString &label);

private:
    int post(const Card &card, const QString &userId, const QString &userName,
             const QJsonObject &action);

    quint16 m_port;
    QByteArray m_signingSecret;
    QNetworkAccessManager m_network;
    int m_clicks = 0;
};
