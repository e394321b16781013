#pragma once

#include "LatencyArgs.h"

namespace PterodisbotBench {

//! Table 1: the real BotCore (stats_source = websocket, production intervals and graphs)
//! tracks args.servers status embeds against the simulator child; the servers' power states
//! change at seeded random moments and every transition is timed from the panel's state change
//! to the PATCH of the embed showing it. Prints the table; false when the run could not start.
bool runStateLatency(const LatencyArgs &args);

} // namespace PterodisbotBench
