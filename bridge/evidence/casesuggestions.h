#pragma once

#include "config/bridgeconfig.h"

#include <QJsonObject>
#include <QObject>

#include <functional>

namespace Bridge {

class AnalystWriter;
class CardPublisher;
class HiveVersionProbe;
class UserLinker;
struct SlackInteraction;

/// The case finder of HiveSlack's forms: answers an external_select's block_suggestion with
/// the cases whose number is, or whose title holds, what the analyst typed — read from
/// TheHive as it shows them to him (AnalystWriter::readFor; with the service key a case
/// restricted to named users is left out, as the key cannot tell whether he is one of them),
/// each offered as the channel the form came from may see it (CaseView::suggestions). Any
/// failure answers no options: the finder then shows "no results", and nothing changes.
class CaseSuggestions final : public QObject
{
    Q_OBJECT
public:
    static constexpr int Limit = 20;

    CaseSuggestions(UserLinker &users, HiveVersionProbe &versions, AnalystWriter &writer,
                    const CardPublisher &cards, QObject *parent = nullptr);

    /// `in.privateMetadata` names the form's channel ({"channel": …}).
    void suggest(const SlackInteraction &in, std::function<void(const QJsonObject &)> done);

private:
    UserLinker &m_users;
    HiveVersionProbe &m_versions;
    AnalystWriter &m_writer;
    const CardPublisher &m_cards;
};

} // namespace Bridge
