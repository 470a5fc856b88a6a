#include "slack/formdecoding.h"

namespace Bridge {

namespace {

QString decodeComponent(QByteArray component)
{
    component.replace('+', ' ');
    return QString::fromUtf8(QByteArray::fromPercentEncoding(component));
}

} // namespace

QList<QPair<QString, QString>> decodeForm(const QByteArray &body)
{
    QList<QPair<QString, QString>> pairs;
    for (const QByteArray &segment : body.split('&')) {
        if (segment.isEmpty())
            continue;
        const qsizetype eq = segment.indexOf('=');
        if (eq < 0) {
            pairs.append({decodeComponent(segment), QStringLiteral("")});
            continue;
        }
        QString value = decodeComponent(segment.mid(eq + 1));
        if (value.isNull())
            value = QStringLiteral("");
        pairs.append({decodeComponent(segment.left(eq)), value});
    }
    return pairs;
}

QString formValue(const QList<QPair<QString, QString>> &pairs, const QString &key)
{
    for (const auto &pair : pairs) {
        if (pair.first == key)
            return pair.second;
    }
    return {};
}

} // namespace Bridge
