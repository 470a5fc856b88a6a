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

    /// A figure with a ceiling (latency, memory).
    static Metric atMost(QString key, QString label, std::optional<double> value, double target,
                         QString reference, int decimals);
    /// A figure with a floor (throughput).
    static Metric atLeast(QString key, QString label, std::optional<double> value, double target,
                          QString reference, int decimals);
    /// A figure shown for context, without a target.
    static Metric info(QString key, QString label, std::optional<double> value, int decimals,
                       QString reference = {});
};

/// The results of every scenario that ran, printed as a table and as one JSON line.
class Summary
{
public:
    void add(const Metric &metric) { m_metrics.append(metric); }
    void addNote(const QString &note) { m_notes.append(note); }
    /// A scenario that could not be set up: its targets count as missed.
    void addFailed(const QString &scenario) { m_failed.append(scenario); }
    /// False if any metric with a target missed it or could not be measured, or a scenario
    /// could not run.
    bool allTargetsMet() const;
    void print() const;

private:
    QList<Metric> m_metrics;
    QStringList m_notes;
    QStringList m_failed;
};

} // namespace Bench
