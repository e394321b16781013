#pragma once

namespace PterodisbotBench {

//! Start-up section: \a runs start-ups to READY per path (JSON text, zlib-stream, and
//! GET /gateway/bot first), each with a new Gateway.
void benchStartup(int runs);

} // namespace PterodisbotBench
