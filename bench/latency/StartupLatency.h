#pragma once

#include "LatencyArgs.h"

namespace PterodisbotBench {

//! Table 2: the real headless program (`pterodisbot --no-gui`) started again and again against
//! the simulator child, each start timed from just before QProcess::start to the READY the
//! Discord simulator sent it, then stopped with SIGTERM. Prints the table; false when the run
//! could not start.
bool runStartupLatency(const LatencyArgs &args);

} // namespace PterodisbotBench
