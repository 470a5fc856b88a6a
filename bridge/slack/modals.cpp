#include "slack/modals.h"

#include "core/hivevocabulary.h"
#include "slack/blockkit.h"
#include "slack/modalparts.h"
#include "slack/mrkdwn.h"

#include <QJsonArray>

namespace Bridge {

namespace {

using namespace BlockKit;
using namespace ModalParts;

constexpr int CaseLineBudget = 300;
constexpr int TaskGroupMaxChars = 64; // TheHive 5 limit

/// Which case the modal is about, shown on top: "*#42* title".
QJsonObject caseContext(const CaseRecord &c)
{
    const QString title = c.title.simplified();
    QString line = QStringLiteral("*#") + QString::number(c.number) + u'*';
    if (!title.isEmpty())
        line += u' ' + escapeMrkdwnTruncated(title, CaseLineBudget);
    return QJsonObject{{QStringLiteral("type"), QStringLiteral("context")},
                       {QStringLiteral("elements"), QJsonArray{mrkdwnText(line)}}};
}

} // namespace

QJsonObject buildCloseCaseModal(const CaseRecord &c, const HiveVersion &v,
                                const QString &privateMetadata)
{
    // Impact is optional (TheHive accepts a close without it) and starts at the case's value.
    const QJsonObject impact = staticSelect(ModalIds::Impact, QStringLiteral("Impact"),
                                            Vocabulary::impacts(), c.impactStatus);
    const QJsonArray blocks{
        caseContext(c),
        input(ModalIds::Resolution, QStringLiteral("Resolution"),
              staticSelect(ModalIds::Resolution, QStringLiteral("How did it end?"),
                           Vocabulary::resolutions(v)),
              false),
        input(ModalIds::Impact, QStringLiteral("Impact"), impact, true),
        input(ModalIds::Summary, QStringLiteral("Summary"),
              textInput(Limit::PlainTextInput, true,
                        QStringLiteral("What happened and what was done")),
              false),
    };
    return modal(ModalIds::CloseCaseCallback, QStringLiteral("Close case"),
                 QStringLiteral("Close case"), privateMetadata, blocks);
}

QJsonObject buildAddTaskModal(const CaseRecord &c, const HiveVersion &v,
                              const QString &privateMetadata)
{
    QJsonArray blocks{
        caseContext(c),
        input(ModalIds::TaskTitle, QStringLiteral("Title"), textInput(TaskTitleMaxChars, false),
              false),
        input(ModalIds::TaskDescription, QStringLiteral("Description"),
              textInput(Limit::PlainTextInput, true), true),
        input(ModalIds::TaskGroup, QStringLiteral("Group"),
              textInput(TaskGroupMaxChars, false, QStringLiteral("default")), true),
        input(ModalIds::TaskDue, QStringLiteral("Due date"),
              QJsonObject{{QStringLiteral("type"), QStringLiteral("datepicker")}}, true),
        input(ModalIds::TaskAssignee, QStringLiteral("Assignee"),
              usersSelect(ModalIds::TaskAssignee, QStringLiteral("Nobody yet")), true),
    };
    // TheHive 4 tasks have no mandatory flag.
    if (!v.isTheHive4()) {
        const QJsonObject mandatory =
            option(QStringLiteral("Mandatory: must be completed before the case closes"),
                   ModalIds::MandatoryOption);
        blocks.append(input(ModalIds::TaskMandatory, QStringLiteral("Options"),
                            QJsonObject{{QStringLiteral("type"), QStringLiteral("checkboxes")},
                                        {QStringLiteral("options"), QJsonArray{mandatory}}},
                            true));
    }
    return modal(ModalIds::AddTaskCallback, QStringLiteral("Add task"), QStringLiteral("Add task"),
                 privateMetadata, blocks);
}

CloseCaseInput parseCloseCase(const QJsonObject &viewStateValues)
{
    return CloseCaseInput{selectedOptionOf(viewStateValues, ModalIds::Resolution),
                          selectedOptionOf(viewStateValues, ModalIds::Impact),
                          textOf(viewStateValues, ModalIds::Summary)};
}

TaskInput parseAddTask(const QJsonObject &viewStateValues)
{
    TaskInput task;
    task.title = textOf(viewStateValues, ModalIds::TaskTitle);
    task.description = textOf(viewStateValues, ModalIds::TaskDescription);
    task.group = textOf(viewStateValues, ModalIds::TaskGroup);
    task.dueDate = stateOf(viewStateValues, ModalIds::TaskDue)
                       .value(QStringLiteral("selected_date"))
                       .toString();
    task.assigneeSlackUserId = stateOf(viewStateValues, ModalIds::TaskAssignee)
                                   .value(QStringLiteral("selected_user"))
                                   .toString();
    const QJsonArray selected = stateOf(viewStateValues, ModalIds::TaskMandatory)
                                    .value(QStringLiteral("selected_options"))
                                    .toArray();
    for (const QJsonValue &opt : selected) {
        if (opt.toObject().value(QStringLiteral("value")).toString() == ModalIds::MandatoryOption)
            task.mandatory = true;
    }
    return task;
}

QJsonObject validateCloseCase(const CloseCaseInput &input)
{
    QJsonObject errors;
    if (input.resolution.isEmpty())
        errors.insert(ModalIds::Resolution, QStringLiteral("Pick a resolution."));
    if (input.summary.isEmpty())
        errors.insert(ModalIds::Summary,
                      QStringLiteral("Write a summary: TheHive needs one to close a case."));
    return errors;
}

QJsonObject validateAddTask(const TaskInput &input, const QDate &today)
{
    QJsonObject errors;
    if (input.title.isEmpty())
        errors.insert(ModalIds::TaskTitle, QStringLiteral("Enter a title."));
    else if (input.title.size() > TaskTitleMaxChars)
        errors.insert(
            ModalIds::TaskTitle,
            QStringLiteral("Keep the title to %1 characters or fewer.").arg(TaskTitleMaxChars));
    if (!input.dueDate.isEmpty()) {
        const QDate due = QDate::fromString(input.dueDate, QStringLiteral("yyyy-MM-dd"));
        if (!due.isValid())
            errors.insert(ModalIds::TaskDue, QStringLiteral("Pick a valid date."));
        else if (due < today)
            errors.insert(ModalIds::TaskDue, QStringLiteral("The due date is in the past."));
    }
    return errors;
}

} // namespace Bridge
