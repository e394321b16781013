#include "monitoring/PrometheusText.h"

#include <cmath>

#include <QLocale>

namespace Pterodisbot {

namespace {

bool isNameChar(QChar c, bool first, bool colonAllowed)
{
    const char16_t u = c.unicode();
    if ((u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || u == u'_')
        return true;
    if (colonAllowed && u == u':')
        return true;
    return !first && u >= u'0' && u <= u'9';
}

bool isValidName(const QString &name, bool colonAllowed)
{
    if (name.isEmpty())
        return false;
    for (qsizetype i = 0; i < name.size(); ++i) {
        if (!isNameChar(name.at(i), i == 0, colonAllowed))
            return false;
    }
    return true;
}

QString typeName(MetricFamily::Type type)
{
    switch (type) {
    case MetricFamily::Type::Counter:
        return QStringLiteral("counter");
    case MetricFamily::Type::Gauge:
        return QStringLiteral("gauge");
    case MetricFamily::Type::Histogram:
        break;
    }
    return QStringLiteral("histogram");
}

bool labelsValid(const MetricLabels &labels)
{
    for (const auto &[name, value] : labels) {
        if (!isValidLabelName(name))
            return false;
    }
    return true;
}

//! `{a="1",b="2"}`, or nothing for no labels.
QString labelText(const MetricLabels &labels)
{
    if (labels.isEmpty())
        return {};
    QString text = QStringLiteral("{");
    for (qsizetype i = 0; i < labels.size(); ++i) {
        if (i > 0)
            text += QLatin1Char(',');
        text += labels.at(i).first + QStringLiteral("=\"") + escapeLabelValue(labels.at(i).second) +
                QLatin1Char('"');
    }
    return text + QLatin1Char('}');
}

void appendLine(QString &out, const QString &name, const MetricLabels &labels, double value)
{
    out +=
        name + labelText(labels) + QLatin1Char(' ') + formatMetricValue(value) + QLatin1Char('\n');
}

void appendHistogram(QString &out, const QString &name, const HistogramSample &histogram)
{
    quint64 cumulative = 0;
    for (qsizetype i = 0; i <= histogram.upperBounds.size(); ++i) {
        cumulative += histogram.bucketCounts.value(i, 0);
        MetricLabels labels = histogram.labels;
        labels.append({QStringLiteral("le"), i < histogram.upperBounds.size()
                                                 ? formatMetricValue(histogram.upperBounds.at(i))
                                                 : QStringLiteral("+Inf")});
        appendLine(out, name + QStringLiteral("_bucket"), labels, double(cumulative));
    }
    appendLine(out, name + QStringLiteral("_sum"), histogram.labels, histogram.sum);
    appendLine(out, name + QStringLiteral("_count"), histogram.labels, double(cumulative));
}

} // namespace

bool isValidMetricName(const QString &name)
{
    return isValidName(name, true);
}

bool isValidLabelName(const QString &name)
{
    return isValidName(name, false) && !name.startsWith(QLatin1String("__"));
}

QString formatMetricValue(double value)
{
    if (std::isnan(value))
        return QStringLiteral("NaN");
    if (std::isinf(value))
        return value > 0 ? QStringLiteral("+Inf") : QStringLiteral("-Inf");
    // Integers (every counter) exactly, without an exponent up to 2^53.
    if (value == std::floor(value) && std::fabs(value) < 9007199254740992.0)
        return QString::number(qint64(value));
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

QString escapeLabelValue(const QString &value)
{
    QString escaped;
    escaped.reserve(value.size());
    for (QChar c : value) {
        if (c == QLatin1Char('\\'))
            escaped += QStringLiteral("\\\\");
        else if (c == QLatin1Char('"'))
            escaped += QStringLiteral("\\\"");
        else if (c == QLatin1Char('\n'))
            escaped += QStringLiteral("\\n");
        else
            escaped += c;
    }
    return escaped;
}

QString escapeHelpText(const QString &text)
{
    QString escaped;
    escaped.reserve(text.size());
    for (QChar c : text) {
        if (c == QLatin1Char('\\'))
            escaped += QStringLiteral("\\\\");
        else if (c == QLatin1Char('\n'))
            escaped += QStringLiteral("\\n");
        else
            escaped += c;
    }
    return escaped;
}

QByteArray renderPrometheusText(const QList<MetricFamily> &families)
{
    QString out;
    for (const MetricFamily &family : families) {
        if (!isValidMetricName(family.name))
            continue;
        out += QStringLiteral("# HELP ") + family.name + QLatin1Char(' ') +
               escapeHelpText(family.help) + QLatin1Char('\n');
        out += QStringLiteral("# TYPE ") + family.name + QLatin1Char(' ') + typeName(family.type) +
               QLatin1Char('\n');
        if (family.type == MetricFamily::Type::Histogram) {
            for (const HistogramSample &histogram : family.histograms) {
                if (labelsValid(histogram.labels))
                    appendHistogram(out, family.name, histogram);
            }
            continue;
        }
        for (const MetricSample &sample : family.samples) {
            if (labelsValid(sample.labels))
                appendLine(out, family.name, sample.labels, sample.value);
        }
    }
    return out.toUtf8();
}

} // namespace Pterodisbot
