#include "alerts/alertforms.h"

#include "slack/blockkit.h"
#include "slack/modalparts.h"
#include "slack/mrkdwn.h"

namespace Bridge {

namespace {

using namespace BlockKit;
using namespace ModalParts;

constexpr int TitleChars = 300;
constexpr int ReasonMaxChars = 3000;

QJsonObject alertLine(const AlertRecord &alert)
{
    const QString title = alert.title.simplified();
    return QJsonObject{
        {QStringLiteral("type"), QStringLiteral("context")},
        {QStringLiteral("elements"),
         QJsonArray{
             mrkdwnText(QStringLiteral(":rotating_light: ") +
                        escapeMrkdwnTruncated(
                            title.isEmpty() ? QStringLiteral("(no title)") : title, TitleChars))}}};
}

} // namespace

bool isAlertForm(const QString &callbackId)
{
    return callbackId == AlertFormIds::PromoteCallback ||
           callbackId == AlertFormIds::MergeCallback || callbackId == AlertFormIds::IgnoreCallback;
}

QList<AlertStatusChoice> closedAlertStatusesFromJson(const QJsonArray &answer)
{
    QList<AlertStatusChoice> statuses;
    for (const QJsonValue &v : answer) {
        const QJsonObject status = v.toObject();
        const QString value = status.value(u"value").toString();
        if (value.isEmpty() || status.value(u"stage").toString() != u"Closed" ||
            status.value(u"hidden").toBool(false))
            continue;
        statuses.append({value, value});
    }
    return statuses;
}

QList<AlertStatusChoice> predefinedClosedAlertStatuses()
{
    return {{QStringLiteral("Ignored"), QStringLiteral("Ignored")},
            {QStringLiteral("FalsePositive"), QStringLiteral("False positive")},
            {QStringLiteral("Duplicated"), QStringLiteral("Duplicate")}};
}

QJsonObject buildPromoteModal(const AlertRecord &alert, const QList<CaseTemplateChoice> &templates,
                              const QString &privateMetadata)
{
    QJsonArray blocks{alertLine(alert)};
    if (!templates.isEmpty()) {
        QList<VocabEntry> choices;
        for (const CaseTemplateChoice &t : templates)
            choices.append(VocabEntry{t.id, t.label, {}, {}});
        blocks.append(input(AlertFormIds::Template, QStringLiteral("Case template"),
                            staticSelect(AlertFormIds::Template, QStringLiteral("None"), choices),
                            true));
    } else {
        blocks.append(sectionBlock(QStringLiteral("hs_alert_about"),
                                   QStringLiteral("The alert becomes a new case, with its "
                                                  "observables.")));
    }
    return modal(AlertFormIds::PromoteCallback, QStringLiteral("Promote to case"),
                 QStringLiteral("Promote"), privateMetadata, blocks);
}

QJsonObject buildMergeModal(const AlertRecord &alert, const QString &privateMetadata)
{
    const QJsonArray blocks{alertLine(alert),
                            input(AlertFormIds::Case, QStringLiteral("Case"), caseFinder(), false)};
    return modal(AlertFormIds::MergeCallback, QStringLiteral("Merge into case"),
                 QStringLiteral("Merge"), privateMetadata, blocks);
}

QJsonObject buildIgnoreModal(const AlertRecord &alert, const QList<AlertStatusChoice> &statuses,
                             const QString &privateMetadata)
{
    QJsonArray blocks{alertLine(alert)};
    if (statuses.isEmpty()) {
        blocks.append(sectionBlock(QStringLiteral("hs_alert_about"),
                                   QStringLiteral("TheHive 4 marks the alert as read: its "
                                                  "status becomes Ignored.")));
    } else {
        QList<VocabEntry> choices;
        for (const AlertStatusChoice &s : statuses)
            choices.append(VocabEntry{s.value, s.label, {}, {}});
        blocks.append(input(AlertFormIds::Status, QStringLiteral("Close as"),
                            staticSelect(AlertFormIds::Status, QStringLiteral("Status"), choices,
                                         statuses.first().value),
                            false));
        blocks.append(input(AlertFormIds::Reason, QStringLiteral("Reason"),
                            textInput(ReasonMaxChars, true, QStringLiteral("Why it needs no case")),
                            true));
    }
    return modal(AlertFormIds::IgnoreCallback, QStringLiteral("Ignore alert"),
                 QStringLiteral("Ignore"), privateMetadata, blocks);
}

AlertFormInput parseAlertForm(const QJsonObject &values)
{
    return {selectedOptionOf(values, AlertFormIds::Template),
            selectedOptionOf(values, AlertFormIds::Case),
            selectedOptionOf(values, AlertFormIds::Status), textOf(values, AlertFormIds::Reason)};
}

QJsonObject validateAlertForm(const QString &callbackId, const AlertFormInput &input)
{
    QJsonObject errors;
    if (callbackId == AlertFormIds::MergeCallback && input.caseId.isEmpty())
        errors.insert(AlertFormIds::Case, QStringLiteral("Pick a case: type its number or title."));
    return errors;
}

} // namespace Bridge
