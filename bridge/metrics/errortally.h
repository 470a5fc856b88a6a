#pragma once

#include <QMap>
#include <QString>

namespace Bridge {

/// Failed calls to one peer, counted by kind ("timeout", "refused", "http_503",
/// "channel_not_found", …) for /metrics. Kinds come from the peer, so their number is capped:
/// past MaxKinds, new ones count as "other".
class ErrorTally
{
public:
    static constexpr int MaxKinds = 32;

    void count(const QString &kind);
    const QMap<QString, quint64> &byKind() const { return m_byKind; }

private:
    QMap<QString, quint64> m_byKind;
};

} // namespace Bridge
