#include "ChartScales.h"

#include <algorithm>
#include <cmath>

namespace Pterodisbot {

namespace {

constexpr double percentPerCore = 100.0;
constexpr double mibPerGib = 1024.0;
constexpr double memoryHeadroom = 1.25;
constexpr double defaultMemoryMaxMiB = 1024.0; // axis of an unlimited server before any data
constexpr int maxTimeTicks = 7;
constexpr double singleSampleSpanMs = 5'000;

double peak(const QList<QPointF> &points)
{
    double result = 0;
    for (const QPointF &point : points) {
        if (std::isfinite(point.y()))
            result = std::max(result, point.y());
    }
    return result;
}

// Powers of two: memory below 2 GiB (64, 128, 256, 512 MiB, so that limits such as 768 or
// 1536 MiB land on a tick) and CPU cores (1, 2, 4, 8 per tick).
double binaryStep(double raw)
{
    return std::exp2(std::ceil(std::log2(std::max(raw, 1.0))));
}

} // namespace

double niceStep(double raw)
{
    if (!(raw > 0) || !std::isfinite(raw))
        return 1;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    for (const double factor : {1.0, 2.0, 2.5, 5.0}) {
        if (factor * magnitude >= raw * (1 - 1e-12))
            return factor * magnitude;
    }
    return 10 * magnitude;
}

int tickCount(const AxisRange &range)
{
    if (!(range.tickInterval > 0) || !(range.max > range.min))
        return 1;
    // Tolerance: 4.0 / 1.0 may land a hair under 4 in floating point.
    return int(std::floor((range.max - range.min) / range.tickInterval + 1e-9)) + 1;
}

double transitionTickInterval(const AxisRange &from, const AxisRange &to)
{
    return std::max({from.max - from.min, to.max - to.min, from.tickInterval, to.tickInterval});
}

AxisRange cpuAxisRange(const ChartInput &input)
{
    AxisRange range;
    range.unit = QStringLiteral("%");
    const double observed = std::max(
        percentPerCore, std::ceil(peak(input.cpuPercent) / percentPerCore) * percentPerCore);
    range.max = input.cpuLimitPercent > 0 ? (peak(input.cpuPercent) > input.cpuLimitPercent
                                                 ? std::max<double>(input.cpuLimitPercent, observed)
                                                 : double(input.cpuLimitPercent))
                                          : observed;
    // Up to two cores quarter steps (25 %, 50 %); above, whole cores in powers of two.
    range.tickInterval = range.max <= 2 * percentPerCore
                             ? niceStep(range.max / 4)
                             : percentPerCore * binaryStep(range.max / percentPerCore / 4);
    return range;
}

AxisRange memoryAxisRange(const ChartInput &input)
{
    AxisRange range;
    const double observed = peak(input.memoryMiB);
    double maxMiB = 0;
    if (input.memoryLimitMiB > 0 && observed <= input.memoryLimitMiB) {
        maxMiB = input.memoryLimitMiB;
    } else {
        const double wanted = observed > 0 ? observed * memoryHeadroom : defaultMemoryMaxMiB;
        const double step = wanted > 2 * mibPerGib ? niceStep(wanted / mibPerGib / 4) * mibPerGib
                                                   : binaryStep(wanted / 4);
        maxMiB = std::ceil(wanted / step) * step;
    }
    if (maxMiB > 2 * mibPerGib) {
        range.divisor = mibPerGib;
        range.unit = QStringLiteral("GiB");
        range.max = maxMiB / mibPerGib;
        range.tickInterval = niceStep(range.max / 4);
        range.decimals = range.tickInterval == std::floor(range.tickInterval) ? 0 : 1;
    } else {
        range.unit = QStringLiteral("MiB");
        range.max = maxMiB;
        range.tickInterval = binaryStep(maxMiB / 4);
    }
    return range;
}

TimeRange timeAxisRange(const ChartInput &input)
{
    const QList<QPointF> &points = input.cpuPercent.isEmpty() ? input.memoryMiB : input.cpuPercent;
    TimeRange range;
    if (points.isEmpty()) {
        range.max = 60'000;
        return range;
    }
    range.labelled = true;
    range.min = points.first().x();
    range.max = points.last().x();
    if (range.max <= range.min) {
        range.min -= singleSampleSpanMs;
        range.max += singleSampleSpanMs;
        range.tickCount = 3;
    } else {
        range.tickCount = std::clamp(int(points.size()), 2, maxTimeTicks);
    }
    return range;
}

QString historySpanText(const ChartInput &input)
{
    const QList<QPointF> &points =
        input.cpuPercent.size() >= 2 ? input.cpuPercent : input.memoryMiB;
    if (points.size() < 2)
        return {};
    const qint64 spanMs = qint64(points.last().x() - points.first().x());
    const qint64 seconds = (spanMs + 500) / 1000;
    const Wording &wording = input.wording;
    //: The span the graph covers, after the server's name: "Survival · last 50 s".
    if (seconds < 90)
        return wording.translate("Chart", "last %1 s")
            .arg(wording.integer(std::max<qint64>(1, seconds)));
    const qint64 minutes = (seconds + 30) / 60;
    if (minutes < 90)
        return wording.translate("Chart", "last %1 min").arg(wording.integer(minutes));
    return wording.translate("Chart", "last %1 h").arg(wording.integer((minutes + 30) / 60));
}

} // namespace Pterodisbot
