#include "slack/cardmetadata.h"

using namespace Qt::StringLiterals;

namespace Bridge::CardMetadata {

namespace {

// Slack's event_type is lower-case letters, digits and underscores.
const QString EventType = u"hiveslack_case_card"_s;

} // namespace

QJsonObject forCase(const QString &caseId)
{
    return {{u"event_type"_s, EventType},
            {u"event_payload"_s, QJsonObject{{u"case_id"_s, caseId}}}};
}

QString caseIdOf(const QJsonObject &message)
{
    const QJsonObject metadata = message.value(u"metadata").toObject();
    if (metadata.value(u"event_type").toString() != EventType)
        return {};
    return metadata.value(u"event_payload").toObject().value(u"case_id").toString();
}

} // namespace Bridge::CardMetadata
