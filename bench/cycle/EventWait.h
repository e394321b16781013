#pragma once

#include <functional>

namespace PterodisbotBench {

//! Lets the event loop run for \a ms.
void spin(int ms);

//! Spins the event loop until \a predicate holds; false when \a timeoutMs passed first.
bool waitUntil(const std::function<bool()> &predicate, int timeoutMs);

} // namespace PterodisbotBench
