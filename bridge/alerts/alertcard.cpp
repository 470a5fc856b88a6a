#include "alerts/alertcard.h"

#include "slack/blockkit.h"
#include "slack/cardparts.h"
#include "slack/mrkdwn.h"

namespace Bridge {

namespace {

using namespace BlockKit;
using namespace CardParts;

constexpr int DescriptionBudget = 1500;
constexpr int TitleBudget = 200;
constexpr int DigestTitleBudget = 150;

namespace Part {
const QString Header = QStringLiteral("header");
const QString Facts = QStringLiteral("facts");
const QString Tags = QStringLiteral("tags");
const QString Description = QStringLiteral("description");
const QString Outcome = QStringLiteral("outcome");
const QString Buttons = QStringLiteral("buttons");
const QString Restricted = QStringLiteral("restricted");
const QString Withdrawn = QStringLiteral("withdrawn");
const QString Line = QStringLiteral("line");
} // namespace Part

QString titleOf(const AlertRecord &a)
{
    const QString title = a.title.simplified();
    return title.isEmpty() ? QStringLiteral("(no title)") : title;
}

QString plainField(const QString &value)
{
    return value.isEmpty() ? notSet() : escapeMrkdwnTruncated(value, FieldValueBudget);
}

/// TheHive's alert status as people read it ("FalsePositive" → "False positive").
QString statusLabel(const QString &status)
{
    QString label;
    for (const QChar c : status) {
        if (c.isUpper() && !label.isEmpty())
            label += u' ' + c.toLower();
        else
            label += c;
    }
    return label;
}

QString derivedOutcome(const AlertRecord &a)
{
    if (!a.caseId.isEmpty() || a.stage == QLatin1String("Imported"))
        return QStringLiteral(":inbox_tray: Imported into a case in TheHive.");
    if (a.stage == QLatin1String("Closed"))
        return QStringLiteral(":no_entry_sign: Closed as ") +
               escapeMrkdwnTruncated(statusLabel(a.status), FieldValueBudget) + u'.';
    return {};
}

QJsonArray fullBlocks(const AlertRecord &a, const AlertCardOptions &o)
{
    QStringList fields{
        field(QStringLiteral("Source"), plainField(a.source)),
        field(QStringLiteral("Type"), plainField(a.type)),
        field(QStringLiteral("Severity"), vocabMrkdwn(Vocabulary::severity(a.severity))),
        field(QStringLiteral("TLP"), vocabMrkdwn(Vocabulary::tlp(a.tlp, o.version))),
        field(QStringLiteral("Observables"),
              a.observableCount < 0 ? notSet() : QString::number(a.observableCount)),
        field(QStringLiteral("Date"), dateMrkdwn(a.date)),
    };
    if (!a.status.isEmpty())
        fields.append(field(QStringLiteral("Status"), plainField(statusLabel(a.status))));
    QJsonArray blocks{
        headerBlock(Part::Header, QStringLiteral("Alert: ") + titleOf(a)),
        sectionBlock(Part::Facts, {}, fields),
    };
    if (const QString tags = tagsMrkdwn(a.tags); !tags.isEmpty())
        blocks.append(contextBlock(Part::Tags, {tags}));
    const QString description = markdownToMrkdwnTruncated(a.description, DescriptionBudget);
    if (!description.trimmed().isEmpty())
        blocks.append(sectionBlock(Part::Description, description));
    const QString outcome = o.outcome.isEmpty() ? derivedOutcome(a) : o.outcome;
    if (!outcome.isEmpty())
        blocks.append(sectionBlock(Part::Outcome, outcome));
    QJsonArray buttons;
    if (o.controls && !a.isSettled()) {
        buttons = {
            button(QStringLiteral("Promote to case"), AlertIds::Promote, a.id,
                   ButtonStyle::Primary),
            button(QStringLiteral("Merge into case"), AlertIds::Merge, a.id),
            button(QStringLiteral("Ignore"), AlertIds::Ignore, a.id, ButtonStyle::Danger),
        };
    }
    if (const QString url = safeUrl(o.alertUrl); !url.isEmpty()) {
        QJsonObject open = button(QStringLiteral("Open in TheHive"), AlertIds::Open, a.id);
        open.insert(QStringLiteral("url"), url);
        buttons.append(open);
    }
    if (!buttons.isEmpty())
        blocks.append(actionsBlock(Part::Buttons, buttons));
    return blocks;
}

QJsonArray redactedBlocks(const AlertRecord &a, const AlertCardOptions &o)
{
    QString text = QStringLiteral(":lock: Details are withheld: this channel may not show this "
                                  "alert.");
    if (const QString url = safeUrl(o.alertUrl); !url.isEmpty())
        text += QStringLiteral("\n<") + escapeMrkdwn(url) + QStringLiteral("|Open it in TheHive>");
    return {
        headerBlock(Part::Header, QStringLiteral("Alert")),
        sectionBlock(
            Part::Restricted, text,
            {field(QStringLiteral("Severity"), vocabMrkdwn(Vocabulary::severity(a.severity)))}),
    };
}

QString fallbackText(const AlertRecord &a, const AlertCardOptions &o)
{
    const QString severity = Vocabulary::severity(a.severity).label;
    if (o.redacted)
        return QStringLiteral("Alert (severity ") + severity +
               QStringLiteral("): details withheld");
    return truncateText(QStringLiteral("Alert: ") + escapeMrkdwnTruncated(titleOf(a), TitleBudget) +
                            QStringLiteral(" \u2014 severity ") + severity + QStringLiteral(", ") +
                            Vocabulary::tlp(a.tlp, o.version).label,
                        Limit::FallbackText);
}

QString digestLineText(const AlertRecord &a, const AlertCardOptions &o)
{
    const QString url = safeUrl(o.alertUrl);
    const QString link = url.isEmpty() ? QString()
                                       : QStringLiteral(" \u00B7 <") + escapeMrkdwn(url) +
                                             QStringLiteral("|Open in TheHive>");
    const QString severity = vocabMrkdwn(Vocabulary::severity(a.severity));
    if (o.redacted)
        return QStringLiteral(":lock: An alert this channel may not show \u00B7 ") + severity +
               link;
    QString text = u'*' + escapeMrkdwnTruncated(titleOf(a), DigestTitleBudget) +
                   QStringLiteral("*\n") + severity + QStringLiteral(" \u00B7 ") +
                   vocabMrkdwn(Vocabulary::tlp(a.tlp, o.version)) + QStringLiteral(" \u00B7 ") +
                   plainField(a.source) + QStringLiteral(" \u00B7 ") + dateMrkdwn(a.date) + link;
    const QString outcome = o.outcome.isEmpty() ? derivedOutcome(a) : o.outcome;
    if (!outcome.isEmpty())
        text += u'\n' + outcome;
    return text;
}

QJsonObject triageMenu()
{
    return QJsonObject{{QStringLiteral("type"), QStringLiteral("overflow")},
                       {QStringLiteral("action_id"), AlertIds::Triage},
                       {QStringLiteral("options"),
                        QJsonArray{option(QStringLiteral("Promote to case"), AlertIds::Promote),
                                   option(QStringLiteral("Merge into case"), AlertIds::Merge),
                                   option(QStringLiteral("Ignore"), AlertIds::Ignore)}}};
}

} // namespace

QJsonObject renderAlertDigest(const QList<DigestLine> &lines, int withheld)
{
    QJsonArray blocks;
    QStringList ids;
    const int shown = int(std::min<qsizetype>(lines.size(), MaxDigestLines));
    QString heading = QStringLiteral(":bell: *%1 alerts batched* \u2014 more than this route's "
                                     "cards a minute came from one source.")
                          .arg(shown + withheld);
    if (withheld > 0)
        heading += QStringLiteral(" %1 not shown in this channel.").arg(withheld);
    blocks.append(sectionBlock(Part::Header, heading));
    ids.append(lines.isEmpty() ? QString() : lines.first().alert.id);
    for (const DigestLine &line : lines.mid(0, shown)) {
        QJsonObject block = sectionBlock(Part::Line, digestLineText(line.alert, line.options));
        if (!line.options.redacted && line.options.controls && !line.alert.isSettled())
            block.insert(QStringLiteral("accessory"), triageMenu());
        blocks.append(block);
        ids.append(line.alert.id);
    }
    // Each line's block_id names its own alert, so a click on it is about that alert.
    return finishCard(ids, blocks, QStringLiteral("%1 alerts batched").arg(shown + withheld));
}

QJsonObject renderAlertCard(const AlertRecord &a, const AlertCardOptions &o)
{
    return finishCard(a.id, o.redacted ? redactedBlocks(a, o) : fullBlocks(a, o),
                      fallbackText(a, o));
}

QJsonObject renderWithdrawnAlertCard(const AlertRecord &a)
{
    const QString text = QStringLiteral("This alert is no longer shown in this channel.");
    return finishCard(a.id, {sectionBlock(Part::Withdrawn, QStringLiteral(":no_entry: ") + text)},
                      text);
}

} // namespace Bridge
