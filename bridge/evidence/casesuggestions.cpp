#include "evidence/casesuggestions.h"

#include "authority/analystwriter.h"
#include "clients/hiveversionprobe.h"
#include "delivery/cardpublisher.h"
#include "directory/userlinker.h"
#include "slack/interaction.h"
#include "thehive/casejson.h"
#include "thehive/dialect.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Bridge {

CaseSuggestions::CaseSuggestions(UserLinker &users, HiveVersionProbe &versions,
                                 AnalystWriter &writer, const CardPublisher &cards, QObject *parent)
    : QObject(parent)
    , m_users(users)
    , m_versions(versions)
    , m_writer(writer)
    , m_cards(cards)
{
}

void CaseSuggestions::suggest(const SlackInteraction &in,
                              std::function<void(const QJsonObject &)> done)
{
    const QString channel =
        QJsonDocument::fromJson(in.privateMetadata.toUtf8()).object().value(u"channel").toString();
    const QString typed = in.query.simplified();
    const auto none = [done] { done(CaseView::suggestions({}, {})); };
    if (channel.isEmpty() || typed.isEmpty())
        return none();
    m_users.resolveActor(in.userId, [=, this](const UserLinker::Link &actor) {
        if (!actor.ok())
            return none();
        m_versions.withVersion([=, this](std::optional<HiveVersion> version, const QString &) {
            if (!version)
                return none();
            m_writer.readFor(actor.hiveLogin, HiveRequests::findCases(typed, Limit), *version,
                             [=, this](const Verdict &verdict, bool) {
                                 if (!verdict.allowed())
                                     return none();
                                 QList<CaseView> views;
                                 for (const QJsonValue &item : verdict.hive.json.array()) {
                                     const CaseRecord c = caseFromJson(item.toObject(), *version);
                                     if (c.restricted && m_writer.mode() == ActAs::Service)
                                         continue;
                                     views.append(
                                         m_cards.policy().decide(c, channel, Placement::Summoned));
                                 }
                                 done(CaseView::suggestions(channel, views));
                             });
        });
    });
}

} // namespace Bridge
