#include "opsec/caseview.h"

#include "journal/journaltypes.h"
#include "slack/blockkit.h"
#include "slack/cardmetadata.h"
#include "slack/modals.h"
#include "slack/mrkdwn.h"
#include "thehive/casejson.h"

#include <QJsonArray>

namespace Bridge {

namespace {

/// What a channel that may not see a case still shows of it.
CaseRecord withheldFields(const CaseRecord &c)
{
    CaseRecord kept;
    kept.id = c.id;
    kept.number = c.number;
    kept.severity = c.severity;
    return kept;
}

QString redactedNotice(Withheld why)
{
    switch (why) {
    case Withheld::AboveTlpCeiling:
        return QStringLiteral(":lock: Details are withheld: this case's TLP is above what this "
                              "channel may show.");
    case Withheld::AbovePapCeiling:
        return QStringLiteral(":lock: Details are withheld: this case's PAP is above what this "
                              "channel may show.");
    case Withheld::Restricted:
        return QStringLiteral(":lock: Details are withheld: this case is restricted to named "
                              "people in TheHive.");
    case Withheld::Rerouted:
        return QStringLiteral(":lock: Details are withheld here: this case is now handled in "
                              "another channel.");
    case Withheld::Unreadable:
        return QStringLiteral(":lock: Details are withheld: HiveSlack can no longer read this "
                              "case in TheHive.");
    case Withheld::Nothing:
        break;
    }
    return {};
}

} // namespace

CaseView::CaseView(const CaseRecord &whole, QString channel, Visibility visibility,
                   Withheld withheld)
    : m_channel(std::move(channel))
    , m_visibility(visibility)
    , m_withheld(withheld)
    , m_shown(visibility == Visibility::Full ? whole : withheldFields(whole))
    , m_whole(whole)
{
}

QString shownName(Visibility visibility)
{
    switch (visibility) {
    case Visibility::Full:
        return CardShown::Full;
    case Visibility::Redacted:
        return CardShown::Redacted;
    case Visibility::Hidden:
        break;
    }
    return CardShown::Hidden;
}

QString CaseView::shownName() const
{
    return Bridge::shownName(m_visibility);
}

SlackMessage CaseView::card(CardOptions options) const
{
    QJsonObject json;
    if (m_visibility == Visibility::Hidden) {
        json = renderWithdrawnCard(m_shown);
    } else {
        if (m_visibility == Visibility::Redacted) {
            options.redacted = true;
            options.redactedNotice = redactedNotice(m_withheld);
            options.assigneeSlackUserId.clear();
        }
        json = renderCaseCard(m_shown, options);
    }
    // Every card, however little it shows, can be found again by its case id.
    json.insert(u"metadata", CardMetadata::forCase(m_whole.id));
    return make(json);
}

std::optional<SlackMessage> CaseView::changeNote(const QString &actor, const CaseRecord &before,
                                                 bool beforeShownInFull,
                                                 const HiveVersion &version) const
{
    if (m_visibility == Visibility::Hidden)
        return std::nullopt;
    const bool full = isFull() && beforeShownInFull;
    const QStringList changes = full ? describeChanges(before, m_whole, version)
                                     : changedFieldNames(before, m_whole, version);
    if (changes.isEmpty())
        return std::nullopt;
    const QString text = full ? QStringLiteral("%1 set %2").arg(actor, changes.join(u", "))
                              : QStringLiteral("%1: %2").arg(actor, changes.join(u", "));
    return make(QJsonObject{{QStringLiteral("text"), text}});
}

SlackMessage CaseView::list(const QString &channel, const QString &heading,
                            const QList<CaseListEntry> &entries)
{
    QStringList lines{heading};
    int hidden = 0;
    for (const CaseListEntry &entry : entries) {
        if (entry.view.channel() != channel || entry.view.visibility() == Visibility::Hidden) {
            ++hidden;
            continue;
        }
        const QString number = QStringLiteral("#%1").arg(entry.view.shown().number);
        const QString linked = entry.link.isValid()
                                   ? QStringLiteral("<%1|%2>").arg(entry.link.toString(), number)
                                   : number;
        if (entry.view.isFull()) {
            const QString task =
                entry.task.isEmpty() ? QString() : escapeMrkdwnTruncated(entry.task, 100) + u" — ";
            lines << QStringLiteral("• %1%2 %3")
                         .arg(task, linked, escapeMrkdwnTruncated(entry.view.shown().title, 150));
        } else {
            lines << QStringLiteral("• %1%2 (not shown in this channel)")
                         .arg(entry.task.isEmpty() ? QString() : QStringLiteral("a task on "),
                              linked);
        }
    }
    if (hidden > 0)
        lines << QStringLiteral("%1 more may not be listed in this channel.").arg(hidden);
    return SlackMessage(channel, QJsonObject{{QStringLiteral("text"), lines.join(u'\n')}});
}

std::optional<SlackMessage> CaseView::contentNote(const QString &mrkdwn) const
{
    if (!isFull())
        return std::nullopt;
    return make(QJsonObject{{QStringLiteral("text"), mrkdwn}});
}

std::optional<SlackMessage> CaseView::closeCaseModal(const HiveVersion &version,
                                                     const QString &privateMetadata) const
{
    if (!isFull())
        return std::nullopt;
    return make(buildCloseCaseModal(m_shown, version, privateMetadata));
}

std::optional<SlackMessage> CaseView::addTaskModal(const HiveVersion &version,
                                                   const QString &privateMetadata) const
{
    if (!isFull())
        return std::nullopt;
    return make(buildAddTaskModal(m_shown, version, privateMetadata));
}

QJsonObject CaseView::suggestions(const QString &channel, const QList<CaseView> &views)
{
    QJsonArray options;
    for (const CaseView &view : views) {
        if (view.channel() != channel || view.visibility() == Visibility::Hidden ||
            options.size() >= BlockKit::Limit::SelectOptions ||
            !BlockKit::fitsOptionValue(view.shown().id))
            continue;
        const QString number = QStringLiteral("#%1 ").arg(view.shown().number);
        options.append(BlockKit::option(
            number + (view.isFull() ? view.shown().title.simplified()
                                    : QStringLiteral("(not shown in this channel)")),
            view.shown().id));
    }
    return QJsonObject{{QStringLiteral("options"), options}};
}

QString CaseView::refusal() const
{
    const QString number = QString::number(m_shown.number);
    switch (m_withheld) {
    case Withheld::Nothing:
        return {};
    case Withheld::Rerouted:
        return QStringLiteral("Case #%1 is now handled in another channel; it can no longer be "
                              "worked from this one. Open it in TheHive.")
            .arg(number);
    case Withheld::Unreadable:
        return QStringLiteral("HiveSlack can no longer read case #%1 in TheHive.").arg(number);
    case Withheld::Restricted:
        return QStringLiteral("Case #%1 is restricted to named people in TheHive; it cannot be "
                              "worked from this channel. Open it in TheHive.")
            .arg(number);
    case Withheld::AboveTlpCeiling:
    case Withheld::AbovePapCeiling:
        break;
    }
    return QStringLiteral("Case #%1 is above what this channel may see; it can no longer be "
                          "worked from here. Open it in TheHive.")
        .arg(number);
}

} // namespace Bridge
