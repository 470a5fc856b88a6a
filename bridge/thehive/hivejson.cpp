#include "thehive/hivejson.h"

#include <QJsonDocument>

namespace Bridge::HiveJson {

using namespace Qt::StringLiterals;

std::optional<qint64> toInt64(const QJsonValue &value)
{
    if (value.isDouble()) {
        // toInteger() refuses non-integral doubles by returning the default.
        const qint64 i = value.toInteger();
        if (i != 0 || value.toDouble() == 0.0)
            return i;
        return std::nullopt;
    }
    if (value.isString()) {
        bool ok = false;
        const qint64 i = value.toString().trimmed().toLongLong(&ok);
        if (ok)
            return i;
    }
    return std::nullopt;
}

QString toString(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (const auto i = value.isDouble() ? toInt64(value) : std::nullopt)
        return QString::number(*i);
    return {};
}

bool toBool(const QJsonValue &value, bool fallback)
{
    if (value.isBool())
        return value.toBool();
    if (value.isString()) {
        const QString s = value.toString().trimmed();
        if (s.compare("true"_L1, Qt::CaseInsensitive) == 0)
            return true;
        if (s.compare("false"_L1, Qt::CaseInsensitive) == 0)
            return false;
    }
    if (const auto i = toInt64(value); i && (*i == 0 || *i == 1))
        return *i == 1;
    return fallback;
}

QString firstString(const QJsonObject &json, std::initializer_list<QLatin1StringView> keys)
{
    for (const QLatin1StringView key : keys) {
        const QString s = toString(json.value(key));
        if (!s.isEmpty())
            return s;
    }
    return {};
}

std::optional<qint64> firstInt64(const QJsonObject &json,
                                 std::initializer_list<QLatin1StringView> keys)
{
    for (const QLatin1StringView key : keys) {
        if (const auto i = toInt64(json.value(key)))
            return i;
    }
    return std::nullopt;
}

QJsonObject toObject(const QJsonValue &value)
{
    if (value.isObject())
        return value.toObject();
    if (value.isString())
        return QJsonDocument::fromJson(value.toString().toUtf8()).object();
    return {};
}

QString organisationName(const QJsonValue &value)
{
    if (value.isObject())
        return toString(value.toObject().value("organisation"_L1));
    return toString(value);
}

} // namespace Bridge::HiveJson
