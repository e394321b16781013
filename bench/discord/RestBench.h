#pragma once

namespace PterodisbotBench {

//! REST section: sustained message edits at the simulator's rate limits, one channel bucket
//! and many channels up to the global limit; \a edits per row (twice that over 25 channels).
void benchRestEdits(int edits);

} // namespace PterodisbotBench
