#pragma once

namespace PterodisbotBench {

//! Gateway section: \a events INTERACTION_CREATE dispatches from the simulator's thread to
//! Gateway::dispatch, as JSON text and as zlib-stream; prints one table row per transport.
void benchDispatches(int events);

} // namespace PterodisbotBench
