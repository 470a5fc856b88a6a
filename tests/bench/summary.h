#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace Bench {

/// Percentiles of a set of samples (nearest-rank), in the samples' unit.
struct Distribution
{
    int count = 0;
    double p50 = 0;
    double p90 = 0;
    double p99 = 0;
    double max = 0;
    double mean = 0;
};

Distribution distributionOf(QList<double> samples);
/// "n=2000 p50=1.23 p90=… p99=… max=… mean=… ms"
QString describe(const Distribution &d, const QString &unit = QStringLiteral("ms"));

/// One measured figure of the final table, with its target when it has one.
struct Metric
{
    enum class Goal { AtMost, AtLeast, None };

    QString key;                 ///< JSON key, e.g. "latency_p99_ms"
    QString label;               ///< what the table shows
    std::optional<double> value; ///< empty when the scenario could not measure it
    Goal goal = Goal::None;
    double target = 0;
    QString reference; ///< the n8n figure, for comparison
    int decimals = 1;
};

/// The results of every scenario that ran, printed as a table and as one JSON line.
class Summary
{
public:
    void add(const Metric &metric) { m_metrics.append(metric); }
    void addNote(const QString &note) { m_notes.append(note); }
    /// False if any metric with a target missed it or could not be measured.
    bool allTargetsMet() const;
    void print() const;

private:
    QList<Metric> m_metrics;
    QStringList m_notes;
};

} // namespace Bench
