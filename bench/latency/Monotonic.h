#pragma once

#include <QtGlobal>

namespace PterodisbotBench {

//! CLOCK_MONOTONIC in microseconds: one clock for every process of the machine, so the
//! simulator child's timestamps and the parent's compare directly.
qint64 monotonicUs();

} // namespace PterodisbotBench
