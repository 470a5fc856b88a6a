#include "core/hivevocabulary.h"

#include <algorithm>

namespace Bridge::Vocabulary {

namespace {

const QString Closed = QStringLiteral("Closed");
const QString InProgress = QStringLiteral("InProgress");
const QString New = QStringLiteral("New");

VocabEntry find(const QList<VocabEntry> &entries, const QString &value,
                const QString &fallbackLabel)
{
    const auto it = std::find_if(entries.cbegin(), entries.cend(),
                                 [&](const VocabEntry &e) { return e.value == value; });
    if (it != entries.cend())
        return *it;
    return {value, fallbackLabel, QStringLiteral(":grey_question:"), {}};
}

} // namespace

QList<VocabEntry> severities()
{
    return {
        {QStringLiteral("1"), QStringLiteral("Low"), QStringLiteral(":large_blue_circle:"), {}},
        {QStringLiteral("2"),
         QStringLiteral("Medium"),
         QStringLiteral(":large_yellow_circle:"),
         {}},
        {QStringLiteral("3"), QStringLiteral("High"), QStringLiteral(":large_orange_circle:"), {}},
        {QStringLiteral("4"), QStringLiteral("Critical"), QStringLiteral(":red_circle:"), {}},
    };
}

VocabEntry severity(int value)
{
    return find(severities(), QString::number(value), QStringLiteral("Severity %1").arg(value));
}

QList<VocabEntry> tlps(const HiveVersion &version)
{
    if (version.hasAmberStrict()) {
        return {
            {QStringLiteral("0"),
             QStringLiteral("TLP:CLEAR"),
             QStringLiteral(":white_circle:"),
             {}},
            {QStringLiteral("1"),
             QStringLiteral("TLP:GREEN"),
             QStringLiteral(":large_green_circle:"),
             {}},
            {QStringLiteral("2"),
             QStringLiteral("TLP:AMBER"),
             QStringLiteral(":large_orange_circle:"),
             {}},
            {QStringLiteral("3"),
             QStringLiteral("TLP:AMBER+STRICT"),
             QStringLiteral(":large_orange_diamond:"),
             {}},
            {QStringLiteral("4"), QStringLiteral("TLP:RED"), QStringLiteral(":red_circle:"), {}},
        };
    }
    return {
        {QStringLiteral("0"), QStringLiteral("TLP:WHITE"), QStringLiteral(":white_circle:"), {}},
        {QStringLiteral("1"),
         QStringLiteral("TLP:GREEN"),
         QStringLiteral(":large_green_circle:"),
         {}},
        {QStringLiteral("2"),
         QStringLiteral("TLP:AMBER"),
         QStringLiteral(":large_orange_circle:"),
         {}},
        {QStringLiteral("3"), QStringLiteral("TLP:RED"), QStringLiteral(":red_circle:"), {}},
    };
}

VocabEntry tlp(int value, const HiveVersion &version)
{
    return find(tlps(version), QString::number(value), QStringLiteral("TLP %1").arg(value));
}

QList<VocabEntry> paps(const HiveVersion &version)
{
    const QString clear =
        version.hasAmberStrict() ? QStringLiteral("PAP:CLEAR") : QStringLiteral("PAP:WHITE");
    return {
        {QStringLiteral("0"), clear, QStringLiteral(":white_circle:"), {}},
        {QStringLiteral("1"),
         QStringLiteral("PAP:GREEN"),
         QStringLiteral(":large_green_circle:"),
         {}},
        {QStringLiteral("2"),
         QStringLiteral("PAP:AMBER"),
         QStringLiteral(":large_orange_circle:"),
         {}},
        {QStringLiteral("3"), QStringLiteral("PAP:RED"), QStringLiteral(":red_circle:"), {}},
    };
}

VocabEntry pap(int value, const HiveVersion &version)
{
    return find(paps(version), QString::number(value), QStringLiteral("PAP %1").arg(value));
}

QList<VocabEntry> statuses(const HiveVersion &version)
{
    if (version.isTheHive4()) {
        return {
            {QStringLiteral("Open"), QStringLiteral("Open"), QStringLiteral(":large_blue_circle:"),
             InProgress},
            {QStringLiteral("Resolved"), QStringLiteral("Resolved"),
             QStringLiteral(":white_check_mark:"), Closed},
            {QStringLiteral("Duplicated"), QStringLiteral("Duplicated"),
             QStringLiteral(":busts_in_silhouette:"), Closed},
        };
    }
    return {
        {QStringLiteral("New"), QStringLiteral("New"), QStringLiteral(":new:"), New},
        {QStringLiteral("InProgress"), QStringLiteral("In progress"),
         QStringLiteral(":hourglass_flowing_sand:"), InProgress},
        {QStringLiteral("TruePositive"), QStringLiteral("True positive"),
         QStringLiteral(":rotating_light:"), Closed},
        {QStringLiteral("FalsePositive"), QStringLiteral("False positive"),
         QStringLiteral(":white_check_mark:"), Closed},
        {QStringLiteral("Indeterminate"), QStringLiteral("Indeterminate"),
         QStringLiteral(":grey_question:"), Closed},
        {QStringLiteral("Other"), QStringLiteral("Other"), QStringLiteral(":large_purple_circle:"),
         Closed},
        {QStringLiteral("Duplicated"), QStringLiteral("Duplicated"),
         QStringLiteral(":busts_in_silhouette:"), Closed},
    };
}

VocabEntry status(const QString &value, const HiveVersion &version)
{
    return find(statuses(version), value, value);
}

QString stageOf(const QString &status, const HiveVersion &version)
{
    const VocabEntry entry = Vocabulary::status(status, version);
    return entry.stage.isEmpty() ? InProgress : entry.stage;
}

QList<VocabEntry> resolutions(const HiveVersion &version)
{
    // TheHive 4's resolutionStatus values are exactly TheHive 5's closing statuses.
    const HiveVersion closingStatuses = version.isTheHive4() ? HiveVersion{5, 2} : version;
    QList<VocabEntry> closing;
    for (const VocabEntry &s : statuses(closingStatuses)) {
        if (s.stage == Closed)
            closing.append(s);
    }
    return closing;
}

QList<VocabEntry> impacts()
{
    return {
        {QStringLiteral("NoImpact"),
         QStringLiteral("No impact"),
         QStringLiteral(":white_circle:"),
         {}},
        {QStringLiteral("WithImpact"), QStringLiteral("With impact"), QStringLiteral(":boom:"), {}},
        {QStringLiteral("NotApplicable"),
         QStringLiteral("Not applicable"),
         QStringLiteral(":heavy_minus_sign:"),
         {}},
    };
}

QString reopenStatus(const HiveVersion &version)
{
    return version.isTheHive4() ? QStringLiteral("Open") : QStringLiteral("InProgress");
}

} // namespace Bridge::Vocabulary
