#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <optional>

/// Lenient readers for TheHive JSON: numbers that arrive as strings, nulls where strings are
/// expected, organisations as a string or an object. Shared by the webhook and case parsers.
namespace Bridge::HiveJson {

/// An integer sent as a JSON number or a numeric string ("42"); nullopt otherwise.
std::optional<qint64> toInt64(const QJsonValue &value);
/// A string; null/absent/other types give an empty string, integral numbers their digits.
QString toString(const QJsonValue &value);
/// A boolean sent as true/false, "true"/"false" or 0/1; @p fallback otherwise.
bool toBool(const QJsonValue &value, bool fallback);
/// The first key of @p keys whose value is a non-empty string (see toString()).
QString firstString(const QJsonObject &json, std::initializer_list<QLatin1StringView> keys);
/// The first key of @p keys holding an integer (see toInt64()).
std::optional<qint64> firstInt64(const QJsonObject &json,
                                 std::initializer_list<QLatin1StringView> keys);
/// An object, or an object serialised into a JSON string (raw TheHive 4 audits do that).
QJsonObject toObject(const QJsonValue &value);
/// The organisation name: TheHive 4 sends a string, TheHive 5 {"organisation": name, …}.
QString organisationName(const QJsonValue &value);

} // namespace Bridge::HiveJson
