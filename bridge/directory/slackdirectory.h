#pragma once

#include "clients/slackclient.h"
#include "core/clock.h"

#include <QHash>

namespace Bridge {

/// Slack user lookups with a cache: TheHive assignee email → Slack user (for mentions on the
/// card) and Slack user → email (to find the TheHive account of whoever clicked). A hit lives
/// an hour, a miss a few minutes, so a user added to Slack shows up soon.
class SlackDirectory final : public QObject
{
    Q_OBJECT
public:
    SlackDirectory(SlackClient &slack, const Clock &clock, QObject *parent = nullptr);

    /// Answers the Slack user id for an email, or an empty string when there is none.
    void userIdForEmail(const QString &email, std::function<void(const QString &userId)> done);
    /// Answers the email of a Slack user, or an empty string plus Slack's reason.
    void emailForUser(const QString &userId,
                      std::function<void(const QString &email, const QString &error)> done);

    static constexpr qint64 HitTtlMs = 60 * 60 * 1000;
    static constexpr qint64 MissTtlMs = 5 * 60 * 1000;

private:
    struct Entry
    {
        QString value;
        qint64 expiresAt = 0;
    };
    std::optional<QString> cached(const QHash<QString, Entry> &cache, const QString &key) const;
    void remember(QHash<QString, Entry> &cache, const QString &key, const QString &value);

    SlackClient &m_slack;
    const Clock &m_clock;
    QHash<QString, Entry> m_userByEmail;
    QHash<QString, Entry> m_emailByUser;
};

} // namespace Bridge
