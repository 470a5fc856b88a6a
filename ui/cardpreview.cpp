#include "cardpreview.h"

#include "core/caserecordjson.h"
#include "journal/journal.h"
#include "opsec/visibilitypolicy.h"
#include "slack/cardrenderer.h"
#include "thehive/casejson.h"
#include "thehive/dialect.h"
#include "thehive/webhookevent.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QRegularExpression>

namespace Console {

namespace {

/// Translation context (lupdate finds Text::tr).
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(CardPreview)
};

/// The card as `channel` may show it, decided as the bridge decides (the preview never
/// shows more than Slack gets).
QJsonObject render(const Bridge::CaseRecord &record, const Bridge::HiveVersion &version,
                   const Bridge::BridgeConfig &config, const QString &channel, QString *caption)
{
    const Bridge::CaseView view = Bridge::VisibilityPolicy(config).decide(record, channel);
    if (view.visibility() == Bridge::Visibility::Hidden) {
        *caption = Text::tr("This case is not shown in %1: it is above what that channel may see.")
                       .arg(channel);
        return {};
    }
    Bridge::CardOptions options;
    options.version = version;
    const QUrl uiBase = config.theHiveUiUrl.isEmpty() ? config.theHiveUrl : config.theHiveUiUrl;
    options.caseUrl = QUrl(Bridge::caseUiUrl(uiBase, record, version));
    return view.card(options).json();
}

/// A card never posted: the one a case creation's webhook describes.
std::optional<CardPreview> previewFromWebhook(const Bridge::JournalEvent &event,
                                              const Bridge::BridgeConfig &config,
                                              std::optional<Bridge::HiveVersion> knownVersion)
{
    const Bridge::WebhookParse parsed = Bridge::parseWebhook(event.payload);
    if (!parsed.event || !parsed.event->isCaseEvent() || parsed.event->action != u"create")
        return std::nullopt;
    const Bridge::HiveEvent &e = *parsed.event;
    const Bridge::HiveVersion version = knownVersion.value_or(
        e.family == Bridge::HiveEvent::Family::TheHive5 ? Bridge::HiveVersion{}
                                                        : Bridge::HiveVersion{4, 1});
    Bridge::CaseRecord record =
        Bridge::caseFromJson(e.object.isEmpty() ? e.details : e.object, version);
    if (record.id.isEmpty())
        record.id = e.caseId;
    if (record.organisation.isEmpty())
        record.organisation = e.organisation;
    const QString channel = Bridge::VisibilityPolicy(config).homeChannel(record);
    CardPreview preview;
    preview.caption = Text::tr("Not in Slack yet. This is the card this event posts in %1 once "
                               "delivered.")
                          .arg(channel);
    preview.message = render(record, version, config, channel, &preview.caption);
    return preview;
}

QString fieldLine(const QString &mrkdwn)
{
    // The renderer writes fields as "*Label*\nvalue".
    static const QRegularExpression labelled(QStringLiteral("^\\*([^*\\n]+)\\*\\n(.*)$"),
                                             QRegularExpression::DotMatchesEverythingOption);
    const QRegularExpressionMatch m = labelled.match(mrkdwn);
    if (m.hasMatch())
        return m.captured(1) + QStringLiteral(": ") + mrkdwnToPlain(m.captured(2));
    return mrkdwnToPlain(mrkdwn);
}

QString elementText(const QJsonObject &element)
{
    const QString type = element.value(u"type").toString();
    const QString label = element.value(u"text").toObject().value(u"text").toString();
    if (type == u"button")
        return QLatin1Char('[') + mrkdwnToPlain(label) + QLatin1Char(']');
    QString shown = element.value(u"initial_option")
                        .toObject()
                        .value(u"text")
                        .toObject()
                        .value(u"text")
                        .toString();
    if (shown.isEmpty() && element.contains(u"initial_user"))
        shown = QLatin1Char('@') + element.value(u"initial_user").toString();
    if (shown.isEmpty())
        shown = element.value(u"placeholder").toObject().value(u"text").toString();
    return QLatin1Char('[') + mrkdwnToPlain(shown) + QStringLiteral(" ▾]");
}

QStringList blockLines(const QJsonObject &block)
{
    const QString type = block.value(u"type").toString();
    const QString text = block.value(u"text").toObject().value(u"text").toString();
    QStringList lines;
    if (type == u"header") {
        lines.append(text.toUpper());
    } else if (type == u"section") {
        if (!text.isEmpty())
            lines.append(mrkdwnToPlain(text));
        for (const QJsonValue &field : block.value(u"fields").toArray())
            lines.append(fieldLine(field.toObject().value(u"text").toString()));
    } else if (type == u"context") {
        QStringList parts;
        for (const QJsonValue &element : block.value(u"elements").toArray())
            parts.append(mrkdwnToPlain(element.toObject().value(u"text").toString()));
        lines.append(parts.join(QStringLiteral(" · ")));
    } else if (type == u"actions") {
        QStringList parts;
        for (const QJsonValue &element : block.value(u"elements").toArray())
            parts.append(elementText(element.toObject()));
        lines.append(parts.join(QLatin1Char(' ')));
    } else if (type == u"divider") {
        lines.append(QStringLiteral("────────"));
    }
    return lines;
}

} // namespace

std::optional<CardPreview> cardPreviewFor(const Bridge::JournalEvent &event,
                                          const Bridge::Journal &journal,
                                          const Bridge::BridgeConfig &config,
                                          std::optional<Bridge::HiveVersion> knownVersion)
{
    const QList<Bridge::CardRef> cards =
        event.caseKey.isEmpty() ? QList<Bridge::CardRef>() : journal.cards(event.caseKey);
    if (!cards.isEmpty()) {
        const Bridge::CardRef *card = &cards.constLast(); // the newest: the current route's
        const Bridge::HiveVersion version =
            Bridge::parseVersionString(card->hiveVersion)
                .value_or(knownVersion.value_or(Bridge::HiveVersion{}));
        CardPreview preview;
        preview.caption =
            Text::tr("The card in %1 (message %2) as the bridge last rendered it, %3.")
                .arg(card->channel, card->ts,
                     QDateTime::fromMSecsSinceEpoch(card->updatedAt)
                         .toLocalTime()
                         .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
        preview.message = render(Bridge::caseFromStoredJson(card->caseJson), version, config,
                                 card->channel, &preview.caption);
        return preview;
    }
    if (event.source == Bridge::EventSource::TheHive)
        return previewFromWebhook(event, config, knownVersion);
    return std::nullopt;
}

QString cardPreviewText(const QJsonObject &message)
{
    QStringList lines;
    const QString fallback = message.value(u"text").toString();
    if (!fallback.isEmpty())
        lines << Text::tr("Notification text: %1").arg(mrkdwnToPlain(fallback)) << QString();
    for (const QJsonValue &block : message.value(u"blocks").toArray()) {
        const QStringList blockText = blockLines(block.toObject());
        if (!blockText.isEmpty())
            lines << blockText << QString();
    }
    return lines.join(QLatin1Char('\n')).trimmed();
}

QString mrkdwnToPlain(const QString &mrkdwn)
{
    static const QRegularExpression special(QStringLiteral("<![^<>|]*\\|([^<>]+)>"));
    static const QRegularExpression broadcast(QStringLiteral("<!([a-z]+)>"));
    static const QRegularExpression labelledLink(QStringLiteral("<([^<>|]+)\\|([^<>]+)>"));
    static const QRegularExpression bareLink(QStringLiteral("<([^<>|]+)>"));
    static const QRegularExpression emoji(QStringLiteral(":[a-z][a-z0-9_+\\-]*: ?"));
    static const QRegularExpression emphasis(
        QStringLiteral("(^|[\\s(])([*_~])([^*_~\\n]+)\\2(?=$|[\\s).,;:!?])"));
    QString text = mrkdwn;
    text.replace(special, QStringLiteral("\\1")); // <!date^…|fallback>: the fallback
    text.replace(broadcast, QStringLiteral("@\\1"));
    text.replace(labelledLink, QStringLiteral("\\2 (\\1)"));
    text.replace(bareLink, QStringLiteral("\\1"));
    text.replace(emoji, QString());
    text.replace(emphasis, QStringLiteral("\\1\\3"));
    text.replace(QStringLiteral("&lt;"), QStringLiteral("<"));
    text.replace(QStringLiteral("&gt;"), QStringLiteral(">"));
    text.replace(QStringLiteral("&amp;"), QStringLiteral("&"));
    return text;
}

} // namespace Console
