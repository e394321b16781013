#pragma once

#include <QString>

#include "CycleArgs.h"
#include "ModeResult.h"

namespace PterodisbotBench {

//! Runs the real BotCore (real chart renderer) for \a cycles simulated intervals against a new
//! simulator child process, with \a forcedRefreshS as the forced refresh; with
//! \a interactions, /server_status arrives during some cycles. Exits the program when the
//! simulators or the bot do not start.
ModeResult runMode(const QString &name, const CycleArgs &args, int forcedRefreshS, int cycles,
                   bool interactions);

} // namespace PterodisbotBench
