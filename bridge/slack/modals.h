#pragma once

#include "core/casemodel.h"

#include <QDate>
#include <QJsonObject>
#include <QLatin1StringView>
#include <QString>

namespace Bridge {

/// Ids of the two modals. Every input block uses its action_id as block_id, so the
/// view_submission state is `state.values[id][id]` and error maps are keyed by the same id.
namespace ModalIds {

inline constexpr QLatin1StringView CloseCaseCallback{"hs_close_case"};
inline constexpr QLatin1StringView Resolution{"hs_resolution"};
inline constexpr QLatin1StringView Impact{"hs_impact"};
inline constexpr QLatin1StringView Summary{"hs_summary"};

inline constexpr QLatin1StringView AddTaskCallback{"hs_add_task"};
inline constexpr QLatin1StringView TaskTitle{"hs_task_title"};
inline constexpr QLatin1StringView TaskDescription{"hs_task_description"};
inline constexpr QLatin1StringView TaskGroup{"hs_task_group"};
inline constexpr QLatin1StringView TaskDue{"hs_task_due"};
inline constexpr QLatin1StringView TaskAssignee{"hs_task_assignee"};
inline constexpr QLatin1StringView TaskMandatory{"hs_task_mandatory"}; ///< TheHive 5 only
/// The value of the single "mandatory" checkbox option.
inline constexpr QLatin1StringView MandatoryOption{"mandatory"};

} // namespace ModalIds

/// TheHive limits the modals enforce on input.
constexpr int TaskTitleMaxChars = 128;

/// The `view` for views.open to close @p c: resolution (TheHive 4 resolutionStatus or
/// TheHive 5 closing status), impact and a required summary. @p privateMetadata is echoed
/// back by Slack (≤3000 chars; carry the case id, channel and message ts in it). Titles fit
/// 24 chars, submit/close are set, and there is no external_id (it must be unique
/// workspace-wide, which a fixed one never is).
QJsonObject buildCloseCaseModal(const CaseRecord &c, const HiveVersion &v,
                                const QString &privateMetadata);

/// The `view` to add a task to @p c: title (required, ≤128), description, group, due date,
/// assignee, and for TheHive 5 a "mandatory" checkbox.
QJsonObject buildAddTaskModal(const CaseRecord &c, const HiveVersion &v,
                              const QString &privateMetadata);

struct CloseCaseInput
{
    QString resolution; ///< TheHive 4 resolutionStatus or TheHive 5 status value
    QString impact;     ///< impactStatus value, empty when not chosen
    QString summary;    ///< trimmed
    friend bool operator==(const CloseCaseInput &, const CloseCaseInput &) = default;
};

struct TaskInput
{
    QString title;               ///< trimmed
    QString description;         ///< trimmed
    QString group;               ///< trimmed
    QString dueDate;             ///< YYYY-MM-DD or empty
    QString assigneeSlackUserId; ///< empty when nobody was picked
    bool mandatory = false;
    friend bool operator==(const TaskInput &, const TaskInput &) = default;
};

/// Reads a close-case submission from `view.state.values`; missing or null values are empty.
CloseCaseInput parseCloseCase(const QJsonObject &viewStateValues);
/// Reads an add-task submission from `view.state.values`; missing or null values are empty.
TaskInput parseAddTask(const QJsonObject &viewStateValues);

/// Slack's `errors` map for a `response_action: errors` ack, keyed by input block_id;
/// an empty object when the input is valid.
QJsonObject validateCloseCase(const CloseCaseInput &input);
/// As validateCloseCase(); @p today is the submitter's date (inject a Clock, not the wall).
QJsonObject validateAddTask(const TaskInput &input, const QDate &today);

} // namespace Bridge
