#include "slack/cardparts.h"

#include "slack/blockkit.h"
#include "slack/cardids.h"
#include "slack/mrkdwn.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonDocument>

namespace Bridge::CardParts {

namespace {

constexpr int TagBudget = 100;
constexpr int TagsBudget = 1500;
constexpr int RevLength = 8;

/// Blocks carry just their part name until here; the final id needs the hash of the
/// whole card, so it is stamped in last.
QJsonArray stampBlockIds(const QJsonArray &blocks, const QStringList &ids, const QString &rev)
{
    QJsonArray stamped;
    for (qsizetype i = 0; i < blocks.size(); ++i) {
        QJsonObject block = blocks.at(i).toObject();
        block.insert(QStringLiteral("block_id"),
                     CardIds::blockId(block.value(QStringLiteral("block_id")).toString(),
                                      ids.value(i), rev));
        stamped.append(block);
    }
    return stamped;
}

QString revisionOf(const QString &id, const QJsonArray &blocks, const QString &text)
{
    const QByteArray rendered = QJsonDocument(QJsonObject{{QStringLiteral("case"), id},
                                                          {QStringLiteral("text"), text},
                                                          {QStringLiteral("blocks"), blocks}})
                                    .toJson(QJsonDocument::Compact);
    return QString::fromLatin1(
        QCryptographicHash::hash(rendered, QCryptographicHash::Sha1).toHex().left(RevLength));
}

} // namespace

QString vocabMrkdwn(const VocabEntry &entry)
{
    return entry.emoji + u' ' + escapeMrkdwnTruncated(entry.label, FieldValueBudget);
}

QString field(const QString &label, const QString &valueMrkdwn)
{
    return u'*' + label + QStringLiteral("*\n") + valueMrkdwn;
}

QString notSet()
{
    return QStringLiteral("_not set_");
}

QString safeUrl(const QUrl &link)
{
    if (!link.isValid() || link.isRelative())
        return {};
    const QString scheme = link.scheme();
    if (scheme != QLatin1StringView("https") && scheme != QLatin1StringView("http"))
        return {};
    QString url = link.toString(QUrl::FullyEncoded);
    url.replace(u'|', QStringLiteral("%7C"));
    return url.size() <= BlockKit::Limit::ButtonUrl ? url : QString();
}

QString dateMrkdwn(qint64 ms)
{
    if (ms <= 0)
        return notSet();
    const QDateTime utc = QDateTime::fromMSecsSinceEpoch(ms).toUTC();
    // Slack renders <!date> in each reader's own time zone; the ISO text is the fallback.
    return QStringLiteral("<!date^%1^{date_short_pretty} {time}|%2>")
        .arg(ms / 1000)
        .arg(utc.toString(Qt::ISODate));
}

QString tagsMrkdwn(const QStringList &tags)
{
    const QString prefix = QStringLiteral(":label: ");
    QString text = prefix;
    qsizetype shown = 0;
    for (const QString &tag : tags) {
        const QString piece = escapeMrkdwnTruncated(tag.simplified(), TagBudget);
        if (piece.isEmpty())
            continue;
        const QString separator = shown == 0 ? QString() : QStringLiteral(", ");
        // Keep room for the " … +N more" suffix whatever N turns out to be.
        if (text.size() + separator.size() + piece.size() > TagsBudget - 20)
            break;
        text += separator + piece;
        ++shown;
    }
    if (shown == 0)
        return {};
    if (shown < tags.size())
        text += QStringLiteral(" \u2026 +%1 more").arg(tags.size() - shown);
    return text;
}

QJsonObject finishCard(const QString &id, const QJsonArray &blocks, const QString &text)
{
    return QJsonObject{
        {QStringLiteral("text"), text},
        {QStringLiteral("blocks"),
         stampBlockIds(blocks, QStringList(blocks.size(), id), revisionOf(id, blocks, text))}};
}

QJsonObject finishCard(const QStringList &ids, const QJsonArray &blocks, const QString &text)
{
    return QJsonObject{{QStringLiteral("text"), text},
                       {QStringLiteral("blocks"),
                        stampBlockIds(blocks, ids, revisionOf(ids.join(u','), blocks, text))}};
}

} // namespace Bridge::CardParts
