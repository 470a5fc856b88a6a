#include "delivery/cardfinder.h"

#include "clients/slackclient.h"
#include "slack/cardmetadata.h"

#include <QJsonArray>

#include <memory>

using namespace Qt::StringLiterals;

namespace Bridge::CardFinder {

namespace {

struct Search
{
    SlackClient &slack;
    QString channel;
    QString caseId;
    QString oldestTs;
    int pagesLeft = MaxPages;
    std::function<void(const Result &)> done;
};

void nextPage(std::shared_ptr<Search> search, const QString &cursor)
{
    search->slack.channelHistory(
        search->channel, search->oldestTs, cursor, [search](const SlackResult &r) {
            if (r.kind == SlackResult::Kind::Retryable)
                return search->done({Result::Kind::Retry, {}, r.error});
            if (!r.ok())
                return search->done({Result::Kind::CannotLook, {}, r.error});
            for (const QJsonValue &message : r.json.value(u"messages").toArray()) {
                const QJsonObject m = message.toObject();
                if (CardMetadata::caseIdOf(m) == search->caseId)
                    return search->done({Result::Kind::Found, m.value(u"ts").toString(), {}});
            }
            const QString next =
                r.json.value(u"response_metadata").toObject().value(u"next_cursor").toString();
            if (!r.json.value(u"has_more").toBool() || next.isEmpty())
                return search->done({Result::Kind::NotFound, {}, {}});
            if (--search->pagesLeft == 0)
                return search->done(
                    {Result::Kind::CannotLook,
                     {},
                     u"more than %1 messages in the channel since then"_s.arg(MaxPages * 100)});
            nextPage(search, next);
        });
}

} // namespace

void find(SlackClient &slack, const QString &channel, const QString &caseId, qint64 sinceMs,
          std::function<void(const Result &)> done)
{
    const qint64 oldestSeconds = std::max<qint64>(0, (sinceMs - ClockMarginMs) / 1000);
    auto search = std::make_shared<Search>(Search{
        slack, channel, caseId, u"%1.000000"_s.arg(oldestSeconds), MaxPages, std::move(done)});
    nextPage(search, {});
}

} // namespace Bridge::CardFinder
