#include "newcase/newcaseform.h"

#include "core/hivevocabulary.h"
#include "slack/blockkit.h"
#include "slack/modalparts.h"

#include <QJsonArray>

namespace Bridge {

namespace {

using namespace BlockKit;
using namespace ModalParts;

std::optional<int> chosenNumber(const QJsonObject &values, QLatin1StringView id)
{
    bool ok = false;
    const int n = selectedOptionOf(values, id).toInt(&ok);
    return ok ? std::optional<int>(n) : std::nullopt;
}

} // namespace

QList<CaseTemplateChoice> caseTemplatesFromJson(const QJsonArray &answer)
{
    QList<CaseTemplateChoice> templates;
    for (const QJsonValue &item : answer) {
        const QJsonObject t = item.toObject();
        const QString id = t.value(QStringLiteral("_id")).toString();
        const QString name = t.value(QStringLiteral("name")).toString();
        const QString shown = t.value(QStringLiteral("displayName")).toString().simplified();
        if (!id.isEmpty())
            templates.append({id, shown.isEmpty() ? name : shown});
    }
    return templates;
}

QJsonObject buildNewCaseModal(const HiveVersion &version,
                              const QList<CaseTemplateChoice> &templates,
                              const QString &submitterSlackId, const QString &privateMetadata)
{
    // Left empty, these are the template's, else TheHive's own default.
    const QString fromTemplate = templates.isEmpty() ? QStringLiteral("TheHive's default: %1")
                                                     : QStringLiteral("The template's, else %1");
    QJsonArray blocks{
        input(NewCaseIds::Title, QStringLiteral("Title"), textInput(CaseTitleMaxChars, false),
              false),
        input(NewCaseIds::Description, QStringLiteral("Description"),
              textInput(Limit::PlainTextInput, true,
                        QStringLiteral("What was seen, where, and since when (Markdown)")),
              true),
        input(NewCaseIds::Severity, QStringLiteral("Severity"),
              staticSelect(NewCaseIds::Severity, fromTemplate.arg(QStringLiteral("Medium")),
                           Vocabulary::severities()),
              true),
        input(NewCaseIds::Tlp, QStringLiteral("TLP"),
              staticSelect(NewCaseIds::Tlp, fromTemplate.arg(QStringLiteral("AMBER")),
                           Vocabulary::tlps(version)),
              true),
        input(NewCaseIds::Pap, QStringLiteral("PAP"),
              staticSelect(NewCaseIds::Pap, fromTemplate.arg(QStringLiteral("AMBER")),
                           Vocabulary::paps(version)),
              true),
        input(NewCaseIds::Tags, QStringLiteral("Tags"),
              textInput(Limit::PlainTextInput, false, QStringLiteral("phishing, vip")), true),
    };
    if (!templates.isEmpty()) {
        QList<VocabEntry> choices;
        for (const CaseTemplateChoice &t : templates)
            choices.append(VocabEntry{t.id, t.label, {}, {}});
        blocks.append(input(NewCaseIds::Template, QStringLiteral("Case template"),
                            staticSelect(NewCaseIds::Template, QStringLiteral("None"), choices),
                            true));
    }
    blocks.append(input(
        NewCaseIds::Assignee, QStringLiteral("Assignee"),
        usersSelect(NewCaseIds::Assignee, QStringLiteral("Nobody yet"), submitterSlackId), true));
    return modal(NewCaseIds::Callback, QStringLiteral("New case"), QStringLiteral("Create case"),
                 privateMetadata, blocks);
}

NewCaseInput parseNewCase(const QJsonObject &values)
{
    NewCaseInput in;
    in.title = textOf(values, NewCaseIds::Title);
    in.description = textOf(values, NewCaseIds::Description);
    in.severity = chosenNumber(values, NewCaseIds::Severity);
    in.tlp = chosenNumber(values, NewCaseIds::Tlp);
    in.pap = chosenNumber(values, NewCaseIds::Pap);
    for (const QString &tag : textOf(values, NewCaseIds::Tags).split(u',')) {
        const QString trimmed = tag.trimmed();
        if (!trimmed.isEmpty() && !in.tags.contains(trimmed))
            in.tags.append(trimmed);
    }
    in.templateId = selectedOptionOf(values, NewCaseIds::Template);
    in.assigneeSlackUserId =
        stateOf(values, NewCaseIds::Assignee).value(QStringLiteral("selected_user")).toString();
    return in;
}

QJsonObject validateNewCase(const NewCaseInput &input)
{
    QJsonObject errors;
    if (input.title.isEmpty())
        errors.insert(NewCaseIds::Title, QStringLiteral("Enter a title."));
    else if (input.title.size() > CaseTitleMaxChars)
        errors.insert(
            NewCaseIds::Title,
            QStringLiteral("Keep the title to %1 characters or fewer.").arg(CaseTitleMaxChars));
    for (const QString &tag : input.tags) {
        if (tag.size() > CaseTagMaxChars) {
            errors.insert(
                NewCaseIds::Tags,
                QStringLiteral("Keep each tag to %1 characters or fewer.").arg(CaseTagMaxChars));
            break;
        }
    }
    return errors;
}

} // namespace Bridge
