#include "Monotonic.h"

#include <ctime>

namespace PterodisbotBench {

qint64 monotonicUs()
{
    timespec now{};
    clock_gettime(CLOCK_MONOTONIC, &now);
    return qint64(now.tv_sec) * 1'000'000 + now.tv_nsec / 1000;
}

} // namespace PterodisbotBench
