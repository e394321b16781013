#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <utility>

namespace Pterodisbot {

//! Label name -> value pairs of one sample, in the order they are written.
using MetricLabels = QList<std::pair<QString, QString>>;

//! One value of a counter or gauge.
struct MetricSample
{
    MetricLabels labels;
    double value = 0;
};

//! One histogram: observations counted per bucket.
struct HistogramSample
{
    MetricLabels labels;
    //! Upper bounds (inclusive, ascending) of the buckets; the +Inf bucket is implied.
    QList<double> upperBounds;
    //! Observations per bucket, not cumulative: bucketCounts[i] fell in
    //! (upperBounds[i-1], upperBounds[i]]; one more entry for the ones above the last bound.
    //! Missing entries count as 0.
    QList<quint64> bucketCounts;
    double sum = 0;
};

//! One metric family: its name, help text, type and samples.
struct MetricFamily
{
    enum class Type { Counter, Gauge, Histogram };

    QString name; //!< counters end in "_total"
    QString help;
    Type type = Type::Gauge;
    QList<MetricSample> samples;       //!< counters and gauges
    QList<HistogramSample> histograms; //!< histograms
};

//! Renders \a families in the Prometheus text exposition format 0.0.4: per family a
//! `# HELP` and a `# TYPE` line (also when it has no sample yet), then its samples; histograms
//! as cumulative `_bucket{le="..."}` lines ending in `le="+Inf"`, then `_sum` and `_count`.
//! Help text and label values are escaped as the format says (backslash, double quote in label
//! values, newline). A family whose name, or a sample whose label name, is not a valid
//! Prometheus name is left out rather than breaking the whole scrape.
QByteArray renderPrometheusText(const QList<MetricFamily> &families);

//! `[a-zA-Z_:][a-zA-Z0-9_:]*`
bool isValidMetricName(const QString &name);
//! `[a-zA-Z_][a-zA-Z0-9_]*`, not starting with "__" (reserved).
bool isValidLabelName(const QString &name);
//! A value as the format writes it: integers without a fraction, "+Inf", "-Inf", "NaN".
QString formatMetricValue(double value);
//! `\` -> `\\`, `"` -> `\"`, newline -> `\n`.
QString escapeLabelValue(const QString &value);
//! `\` -> `\\`, newline -> `\n`.
QString escapeHelpText(const QString &text);

} // namespace Pterodisbot
