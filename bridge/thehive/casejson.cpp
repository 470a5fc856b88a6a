#include "thehive/casejson.h"

#include "core/hivevocabulary.h"
#include "thehive/hivejson.h"

#include <QJsonArray>

#include <algorithm>

namespace Bridge {

using namespace Qt::StringLiterals;
using namespace HiveJson;

namespace {

int intField(const QJsonObject &json, QLatin1StringView key, int fallback)
{
    return int(toInt64(json.value(key)).value_or(fallback));
}

QStringList tagsOf(const QJsonValue &value)
{
    QStringList tags;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &tag : array) {
        const QString s = toString(tag);
        if (!s.isEmpty())
            tags.append(s);
    }
    return tags;
}

bool isClosed(const CaseRecord &c, const HiveVersion &version)
{
    if (!c.stage.isEmpty())
        return c.isClosed();
    return !c.status.isEmpty() &&
           Vocabulary::stageOf(c.status, version) == QLatin1StringView("Closed");
}

/// What a closed case was closed as: the TheHive 4 resolution, else the status itself.
QString closingLabel(const CaseRecord &c, const HiveVersion &version)
{
    if (!c.resolutionStatus.isEmpty() && c.status != "Duplicated"_L1) {
        const QList<VocabEntry> resolutions = Vocabulary::resolutions(version);
        const auto it = std::find_if(resolutions.cbegin(), resolutions.cend(),
                                     [&](const auto &r) { return r.value == c.resolutionStatus; });
        return it != resolutions.cend() ? it->label : c.resolutionStatus;
    }
    return Vocabulary::status(c.status, version).label;
}

QString impactLabel(const QString &value)
{
    const QList<VocabEntry> impacts = Vocabulary::impacts();
    const auto it = std::find_if(impacts.cbegin(), impacts.cend(),
                                 [&](const VocabEntry &i) { return i.value == value; });
    return it != impacts.cend() ? it->label : value;
}

QString assigneeLabel(const QString &login)
{
    return login.isEmpty() ? u"unassigned"_s : login;
}

QString arrow(const QString &what, const QString &from, const QString &to)
{
    return what + u' ' + from + u" → "_s + to;
}

void describeLifecycle(const CaseRecord &before, const CaseRecord &after,
                       const HiveVersion &version, QStringList &out)
{
    const bool wasClosed = isClosed(before, version);
    const bool nowClosed = isClosed(after, version);
    if (!wasClosed && nowClosed) {
        out.append(u"closed as "_s + closingLabel(after, version));
        return;
    }
    if (wasClosed && !nowClosed) {
        out.append(u"reopened"_s);
        return;
    }
    if (before.status != after.status) {
        out.append(arrow(u"status"_s, Vocabulary::status(before.status, version).label,
                         Vocabulary::status(after.status, version).label));
    } else if (nowClosed && before.resolutionStatus != after.resolutionStatus) {
        out.append(
            arrow(u"resolution"_s, closingLabel(before, version), closingLabel(after, version)));
    }
    if (nowClosed && before.impactStatus != after.impactStatus && !after.impactStatus.isEmpty())
        out.append(
            arrow(u"impact"_s, impactLabel(before.impactStatus), impactLabel(after.impactStatus)));
}

QString tagChanges(const QStringList &before, const QStringList &after)
{
    QStringList parts;
    for (const QString &tag : after) {
        if (!before.contains(tag))
            parts.append(u'+' + tag);
    }
    for (const QString &tag : before) {
        if (!after.contains(tag))
            parts.append(u'\u2212' + tag);
    }
    return parts.join(u' ');
}

} // namespace

CaseRecord caseFromJson(const QJsonObject &json, const HiveVersion &version)
{
    CaseRecord c;
    c.id = firstString(json, {"_id"_L1, "id"_L1});
    c.number = firstInt64(json, {"number"_L1, "caseId"_L1}).value_or(0);
    c.title = toString(json.value("title"_L1));
    c.description = toString(json.value("description"_L1));
    c.severity = intField(json, "severity"_L1, c.severity);
    c.tlp = intField(json, "tlp"_L1, c.tlp);
    c.pap = intField(json, "pap"_L1, c.pap);
    c.status = toString(json.value("status"_L1));
    c.stage = toString(json.value("stage"_L1));
    if (c.stage.isEmpty() && !c.status.isEmpty())
        c.stage = Vocabulary::stageOf(c.status, version);
    c.assignee = firstString(json, {"assignee"_L1, "owner"_L1});
    c.tags = tagsOf(json.value("tags"_L1));
    c.createdAt = firstInt64(json, {"_createdAt"_L1, "createdAt"_L1}).value_or(0);
    c.createdBy = firstString(json, {"_createdBy"_L1, "createdBy"_L1});
    c.organisation = organisationName(json.value("organisation"_L1));
    c.resolutionStatus = toString(json.value("resolutionStatus"_L1));
    c.impactStatus = toString(json.value("impactStatus"_L1));
    c.summary = toString(json.value("summary"_L1));
    c.restricted =
        json.value("access"_L1).toObject().value("_kind"_L1).toString() == "UserAccessKind"_L1;
    return c;
}

QStringList describeChanges(const CaseRecord &before, const CaseRecord &after,
                            const HiveVersion &version)
{
    QStringList out;
    describeLifecycle(before, after, version, out);
    if (before.severity != after.severity) {
        out.append(arrow(u"severity"_s, Vocabulary::severity(before.severity).label,
                         Vocabulary::severity(after.severity).label));
    }
    if (before.tlp != after.tlp) {
        out.append(arrow(u"TLP"_s, Vocabulary::tlp(before.tlp, version).label,
                         Vocabulary::tlp(after.tlp, version).label));
    }
    if (before.pap != after.pap) {
        out.append(arrow(u"PAP"_s, Vocabulary::pap(before.pap, version).label,
                         Vocabulary::pap(after.pap, version).label));
    }
    if (before.assignee != after.assignee) {
        out.append(
            arrow(u"assignee"_s, assigneeLabel(before.assignee), assigneeLabel(after.assignee)));
    }
    if (before.title != after.title) {
        out.append(arrow(u"title"_s, u'\u201C' + before.title + u'\u201D',
                         u'\u201C' + after.title + u'\u201D'));
    }
    if (const QString tags = tagChanges(before.tags, after.tags); !tags.isEmpty())
        out.append(u"tags "_s + tags);
    if (before.summary != after.summary)
        out.append(after.summary.isEmpty() ? u"summary removed"_s : u"summary updated"_s);
    if (before.description != after.description)
        out.append(u"description updated"_s);
    return out;
}

QStringList changedFieldNames(const CaseRecord &before, const CaseRecord &after,
                              const HiveVersion &version)
{
    QStringList out;
    const bool wasClosed = isClosed(before, version);
    const bool nowClosed = isClosed(after, version);
    if (wasClosed != nowClosed)
        out.append(nowClosed ? u"case closed"_s : u"case reopened"_s);
    else if (before.status != after.status || before.resolutionStatus != after.resolutionStatus)
        out.append(u"status changed"_s);
    const auto note = [&out](bool changed, const QString &what) {
        if (changed)
            out.append(what + u" changed"_s);
    };
    note(before.impactStatus != after.impactStatus && nowClosed, u"impact"_s);
    note(before.severity != after.severity, u"severity"_s);
    note(before.tlp != after.tlp, u"TLP"_s);
    note(before.pap != after.pap, u"PAP"_s);
    note(before.assignee != after.assignee, u"assignee"_s);
    note(before.title != after.title, u"title"_s);
    note(before.tags != after.tags, u"tags"_s);
    note(before.summary != after.summary, u"summary"_s);
    note(before.description != after.description, u"description"_s);
    return out;
}

} // namespace Bridge
