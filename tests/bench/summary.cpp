#include "summary.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace Bench {

namespace {

double percentile(const QList<double> &sorted, double p)
{
    const auto rank = qsizetype(std::ceil(p / 100.0 * double(sorted.size())));
    return sorted.at(qBound<qsizetype>(0, rank - 1, sorted.size() - 1));
}

QString verdict(const Metric &m)
{
    if (m.goal == Metric::Goal::None)
        return QStringLiteral("-");
    if (!m.value)
        return QStringLiteral("NOT MEASURED");
    const bool met = m.goal == Metric::Goal::AtMost ? *m.value <= m.target : *m.value >= m.target;
    return met ? QStringLiteral("met") : QStringLiteral("MISSED");
}

QString targetText(const Metric &m)
{
    switch (m.goal) {
    case Metric::Goal::AtMost:
        return QStringLiteral("<= ") + QString::number(m.target);
    case Metric::Goal::AtLeast:
        return QStringLiteral(">= ") + QString::number(m.target);
    case Metric::Goal::None:
        break;
    }
    return QStringLiteral("-");
}

void printLine(const QString &line)
{
    std::printf("%s\n", qPrintable(line));
}

} // namespace

Metric Metric::atMost(QString key, QString label, std::optional<double> value, double target,
                      QString reference, int decimals)
{
    return {std::move(key), std::move(label),     value,   Goal::AtMost,
            target,         std::move(reference), decimals};
}

Metric Metric::atLeast(QString key, QString label, std::optional<double> value, double target,
                       QString reference, int decimals)
{
    return {std::move(key), std::move(label),     value,   Goal::AtLeast,
            target,         std::move(reference), decimals};
}

Metric Metric::info(QString key, QString label, std::optional<double> value, int decimals,
                    QString reference)
{
    return {std::move(key), std::move(label), value, Goal::None, 0, std::move(reference), decimals};
}

Distribution distributionOf(QList<double> samples)
{
    Distribution d;
    d.count = int(samples.size());
    if (samples.isEmpty())
        return d;
    std::sort(samples.begin(), samples.end());
    d.p50 = percentile(samples, 50);
    d.p90 = percentile(samples, 90);
    d.p99 = percentile(samples, 99);
    d.max = samples.last();
    double sum = 0;
    for (double s : std::as_const(samples))
        sum += s;
    d.mean = sum / double(samples.size());
    return d;
}

QString describe(const Distribution &d, const QString &unit)
{
    return QStringLiteral("n=%1 p50=%2 p90=%3 p99=%4 max=%5 mean=%6 %7")
        .arg(d.count)
        .arg(d.p50, 0, 'f', 2)
        .arg(d.p90, 0, 'f', 2)
        .arg(d.p99, 0, 'f', 2)
        .arg(d.max, 0, 'f', 2)
        .arg(d.mean, 0, 'f', 2)
        .arg(unit);
}

bool Summary::allTargetsMet() const
{
    return m_failed.isEmpty() &&
           std::all_of(m_metrics.cbegin(), m_metrics.cend(), [](const Metric &m) {
               return m.goal == Metric::Goal::None || verdict(m) == u"met";
           });
}

void Summary::print() const
{
    const QStringList header{QStringLiteral("metric"), QStringLiteral("target"),
                             QStringLiteral("measured"), QStringLiteral("n8n"),
                             QStringLiteral("verdict")};
    QList<QStringList> rows{header};
    QJsonObject json;
    for (const Metric &m : m_metrics) {
        const QString value =
            m.value ? QString::number(*m.value, 'f', m.decimals) : QStringLiteral("n/a");
        rows.append({m.label, targetText(m), value,
                     m.reference.isEmpty() ? QStringLiteral("-") : m.reference, verdict(m)});
        json.insert(m.key, m.value ? QJsonValue(*m.value) : QJsonValue(QJsonValue::Null));
    }
    QList<qsizetype> widths(header.size(), 0);
    for (const QStringList &row : std::as_const(rows)) {
        for (qsizetype i = 0; i < row.size(); ++i)
            widths[i] = qMax(widths[i], row.at(i).size());
    }
    printLine(QString());
    printLine(QStringLiteral("== summary =="));
    for (qsizetype r = 0; r < rows.size(); ++r) {
        QStringList cells;
        for (qsizetype i = 0; i < rows.at(r).size(); ++i)
            cells.append(rows.at(r).at(i).leftJustified(widths.at(i)));
        printLine(cells.join(QStringLiteral(" | ")).trimmed());
        if (r == 0) {
            QStringList rule;
            for (qsizetype w : std::as_const(widths))
                rule.append(QString(w, u'-'));
            printLine(rule.join(QStringLiteral("-+-")));
        }
    }
    for (const QString &note : m_notes)
        printLine(QStringLiteral("note: ") + note);
    for (const QString &scenario : m_failed)
        printLine(QStringLiteral("FAILED: scenario %1 could not run (see above)").arg(scenario));
    json.insert(QStringLiteral("all_targets_met"), allTargetsMet());
    json.insert(QStringLiteral("failed_scenarios"), QJsonArray::fromStringList(m_failed));
    printLine(QStringLiteral("BENCH_JSON ") +
              QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact)));
    std::fflush(stdout);
}

} // namespace Bench
