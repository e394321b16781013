#pragma once

#include <QString>

#include "ChartRenderer.h"

namespace Pterodisbot {

//! A value axis as drawn: range and tick spacing in display units (data value / divisor).
struct AxisRange
{
    double min = 0;
    double max = 100;
    double tickInterval = 25;
    double divisor = 1; //!< data value / divisor = axis value (1024 when memory shows GiB)
    QString unit;       //!< label suffix: "%", "MiB" or "GiB"
    int decimals = 0;   //!< decimals of the tick labels
};

//! Time axis range in msecs since epoch and how many labelled ticks it gets.
struct TimeRange
{
    double min = 0;
    double max = 0;
    int tickCount = 2;
    bool labelled = false; //!< false when there is no data: no clock times to show
};

//! CPU axis: 100 % per vCPU. A limit (limits.cpu) sets the maximum; unlimited (0) uses the
//! observed peak rounded up to the next full core, at least 100 %. A peak above the limit (the
//! panel's figures can overshoot briefly) extends the axis the same way, so the line is never
//! clipped and the dashed limit line stays visible.
AxisRange cpuAxisRange(const ChartInput &input);

//! Memory axis: up to the limit when known, else the observed peak plus 25 % headroom rounded up
//! to a tick; a peak above the limit extends it. Labels switch from MiB to GiB above 2 GiB.
AxisRange memoryAxisRange(const ChartInput &input);

//! Shared time axis: first to last sample (±5 s around a single sample), one tick per sample up
//! to 7 ticks.
TimeRange timeAxisRange(const ChartInput &input);

//! Ticks (with labels) a value axis shows for \a range, both ends included.
int tickCount(const AxisRange &range);

//! What the figure's title says about its time span: "last 50 s", "last 2 min", from the
//! first to the newest sample (six samples through the panel's 20 s cache span about two
//! minutes, not one). Empty for fewer than two samples.
QString historySpanText(const ChartInput &input);

//! The tick interval to give a value axis before it moves from \a from to \a to. QValueAxis
//! relayouts on every setter, with one label item per tick: setting the range first under the
//! old interval (0–8 GiB by 2 GiB, then 0–2048 MiB by 2) would lay out 1025 ticks on the way —
//! hundreds of milliseconds and a heap that never shrinks back. Under this interval both the old
//! and the new range have at most two ticks; then the new interval is set.
double transitionTickInterval(const AxisRange &from, const AxisRange &to);

//! Smallest "round" step (1, 2, 2.5 or 5 × 10^k) not below \a raw.
double niceStep(double raw);

} // namespace Pterodisbot
