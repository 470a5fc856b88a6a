#include "slack/cardrenderer.h"

#include "core/hivevocabulary.h"
#include "slack/blockkit.h"
#include "slack/cardparts.h"
#include "slack/mrkdwn.h"

#include <QJsonArray>

#include <algorithm>

namespace Bridge {

namespace {

using namespace BlockKit;
using namespace CardParts;

// Per-piece budgets (characters of mrkdwn). They add up to well under
// Limit::MessageTextBudget even when every input is huge, so no piece has to know the others.
constexpr int DescriptionBudget = 2800;
constexpr int SummaryBudget = 1500;
constexpr int FallbackTitleBudget = 200;

namespace Part {
const QString Header = QStringLiteral("header");
const QString Facts = QStringLiteral("facts");
const QString Tags = QStringLiteral("tags");
const QString Description = QStringLiteral("description");
const QString Closure = QStringLiteral("closure");
const QString Summary = QStringLiteral("summary");
const QString Controls = QStringLiteral("controls");
const QString Buttons = QStringLiteral("buttons");
const QString Restricted = QStringLiteral("restricted");
const QString Withdrawn = QStringLiteral("withdrawn");
} // namespace Part

VocabEntry lookup(const QList<VocabEntry> &entries, const QString &value)
{
    const auto it = std::find_if(entries.cbegin(), entries.cend(),
                                 [&](const VocabEntry &e) { return e.value == value; });
    if (it != entries.cend())
        return *it;
    return {value, value, QStringLiteral(":grey_question:"), {}};
}

/// One line of title for header and notification text: no newlines or tabs.
QString titleText(const CaseRecord &c)
{
    const QString title = c.title.simplified();
    return title.isEmpty() ? QStringLiteral("(no title)") : title;
}

QString assigneeMrkdwn(const CaseRecord &c, const CardOptions &o)
{
    if (isSlackUserId(o.assigneeSlackUserId))
        return QStringLiteral("<@") + o.assigneeSlackUserId + u'>';
    if (c.assignee.isEmpty())
        return QStringLiteral("_unassigned_");
    return escapeMrkdwnTruncated(c.assignee, FieldValueBudget);
}

QString resolutionMrkdwn(const CaseRecord &c, const HiveVersion &v)
{
    // TheHive 5 closes with the status itself; TheHive 4 has a separate resolutionStatus.
    if (!v.isTheHive4())
        return vocabMrkdwn(Vocabulary::status(c.status, v));
    if (c.resolutionStatus.isEmpty())
        return notSet();
    return vocabMrkdwn(lookup(Vocabulary::resolutions(v), c.resolutionStatus));
}

QJsonObject factsBlock(const CaseRecord &c, const CardOptions &o)
{
    const HiveVersion &v = o.version;
    QStringList fields{
        field(QStringLiteral("Severity"), vocabMrkdwn(Vocabulary::severity(c.severity))),
        field(QStringLiteral("Status"), vocabMrkdwn(Vocabulary::status(c.status, v))),
        field(QStringLiteral("TLP"), vocabMrkdwn(Vocabulary::tlp(c.tlp, v))),
        field(QStringLiteral("PAP"), vocabMrkdwn(Vocabulary::pap(c.pap, v))),
        field(QStringLiteral("Assignee"), assigneeMrkdwn(c, o)),
        field(QStringLiteral("Created"), dateMrkdwn(c.createdAt)),
    };
    if (!c.organisation.isEmpty())
        fields.append(field(QStringLiteral("Organisation"),
                            escapeMrkdwnTruncated(c.organisation, FieldValueBudget)));
    if (c.taskCount >= 0)
        fields.append(field(QStringLiteral("Tasks"), QString::number(c.taskCount)));
    return sectionBlock(Part::Facts, {}, fields);
}

QJsonArray controlElements(const CaseRecord &c, const CardOptions &o)
{
    const HiveVersion &v = o.version;
    QJsonArray elements;
    if (!c.isClosed()) {
        QList<VocabEntry> statuses = Vocabulary::statuses(v);
        // A TheHive 5 custom status is offered too, so the select can show it as current.
        if (std::none_of(statuses.cbegin(), statuses.cend(),
                         [&](const VocabEntry &e) { return e.value == c.status; }) &&
            !c.status.isEmpty())
            statuses.append(Vocabulary::status(c.status, v));
        elements.append(
            staticSelect(CardIds::Status, QStringLiteral("Status"), statuses, c.status));
    }
    elements.append(staticSelect(CardIds::Severity, QStringLiteral("Severity"),
                                 Vocabulary::severities(), QString::number(c.severity)));
    elements.append(staticSelect(CardIds::Tlp, QStringLiteral("TLP"), Vocabulary::tlps(v),
                                 QString::number(c.tlp)));
    elements.append(staticSelect(CardIds::Pap, QStringLiteral("PAP"), Vocabulary::paps(v),
                                 QString::number(c.pap)));
    elements.append(
        usersSelect(CardIds::Assignee, QStringLiteral("Assignee"), o.assigneeSlackUserId));
    return elements;
}

QJsonArray buttonElements(const CaseRecord &c, const CardOptions &o)
{
    QJsonArray elements{
        button(QStringLiteral("Assign to me"), CardIds::AssignMe, c.id),
        button(QStringLiteral("Add task"), CardIds::AddTask, c.id),
    };
    if (c.isClosed()) {
        elements.append(button(QStringLiteral("Reopen"), CardIds::Reopen, c.id));
    } else {
        QJsonObject close =
            button(QStringLiteral("Close case"), CardIds::Close, c.id, ButtonStyle::Danger);
        const QString number = QString::number(c.number);
        close.insert(QStringLiteral("confirm"),
                     confirmDialog(QStringLiteral("Close case #") + number + u'?',
                                   QStringLiteral("Case #") + number + QStringLiteral(" \u201C") +
                                       truncateText(titleText(c), 150) +
                                       QStringLiteral("\u201D will be closed once you pick a "
                                                      "resolution and write a summary."),
                                   QStringLiteral("Continue"), QStringLiteral("Cancel")));
        elements.append(close);
    }
    const QString url = safeUrl(o.caseUrl);
    if (!url.isEmpty()) {
        QJsonObject open = button(QStringLiteral("Open in TheHive"), CardIds::OpenCase, c.id,
                                  ButtonStyle::Primary);
        open.insert(QStringLiteral("url"), url);
        elements.append(open);
    }
    return elements;
}

QJsonArray fullBlocks(const CaseRecord &c, const CardOptions &o)
{
    QJsonArray blocks{
        headerBlock(Part::Header, u'#' + QString::number(c.number) + u' ' + titleText(c)),
        factsBlock(c, o),
    };
    const QString tags = tagsMrkdwn(c.tags);
    if (!tags.isEmpty())
        blocks.append(contextBlock(Part::Tags, {tags}));
    const QString description = markdownToMrkdwnTruncated(c.description, DescriptionBudget);
    if (!description.trimmed().isEmpty())
        blocks.append(sectionBlock(Part::Description, description));
    if (c.isClosed()) {
        const QString impact = c.impactStatus.isEmpty()
                                   ? notSet()
                                   : vocabMrkdwn(lookup(Vocabulary::impacts(), c.impactStatus));
        blocks.append(
            sectionBlock(Part::Closure, {},
                         {field(QStringLiteral("Resolution"), resolutionMrkdwn(c, o.version)),
                          field(QStringLiteral("Impact"), impact)}));
        const QString summary = markdownToMrkdwnTruncated(c.summary, SummaryBudget);
        if (!summary.trimmed().isEmpty())
            blocks.append(sectionBlock(Part::Summary, QStringLiteral("*Summary*\n") + summary));
    }
    if (o.controls) {
        blocks.append(actionsBlock(Part::Controls, controlElements(c, o)));
        blocks.append(actionsBlock(Part::Buttons, buttonElements(c, o)));
    }
    return blocks;
}

QJsonArray redactedBlocks(const CaseRecord &c, const CardOptions &o)
{
    QString text = o.redactedNotice.isEmpty()
                       ? QStringLiteral(":lock: Details are withheld: this channel may not show "
                                        "this case.")
                       : o.redactedNotice;
    const QString url = safeUrl(o.caseUrl);
    if (!url.isEmpty())
        text += QStringLiteral("\n<") + escapeMrkdwn(url) + QStringLiteral("|Open case #") +
                QString::number(c.number) + QStringLiteral(" in TheHive>");
    return {
        headerBlock(Part::Header, QStringLiteral("Case #") + QString::number(c.number)),
        sectionBlock(
            Part::Restricted, text,
            {field(QStringLiteral("Severity"), vocabMrkdwn(Vocabulary::severity(c.severity)))}),
    };
}

/// The notification / accessibility text. It is parsed as mrkdwn, so it is escaped too.
QString fallbackText(const CaseRecord &c, const CardOptions &o)
{
    const QString number = QString::number(c.number);
    const QString severity = Vocabulary::severity(c.severity).label;
    if (o.redacted)
        return QStringLiteral("Case #") + number + QStringLiteral(" (severity ") + severity +
               QStringLiteral("): details withheld");
    const VocabEntry status = Vocabulary::status(c.status, o.version);
    QString text = u'#' + number + u' ' + escapeMrkdwnTruncated(titleText(c), FallbackTitleBudget) +
                   QStringLiteral(" \u2014 severity ") + severity + QStringLiteral(", status ") +
                   escapeMrkdwnTruncated(status.label, FieldValueBudget) + QStringLiteral(", ") +
                   Vocabulary::tlp(c.tlp, o.version).label;
    if (c.isClosed())
        text += QStringLiteral(" (closed)");
    return truncateText(text, Limit::FallbackText);
}

} // namespace

QJsonObject renderCaseCard(const CaseRecord &c, const CardOptions &o)
{
    return finishCard(c.id, o.redacted ? redactedBlocks(c, o) : fullBlocks(c, o),
                      fallbackText(c, o));
}

QJsonObject renderWithdrawnCard(const CaseRecord &c)
{
    const QString text = QStringLiteral("Case #") + QString::number(c.number) +
                         QStringLiteral(" is no longer shown in this channel.");
    return finishCard(c.id, {sectionBlock(Part::Withdrawn, QStringLiteral(":no_entry: ") + text)},
                      text);
}

} // namespace Bridge
