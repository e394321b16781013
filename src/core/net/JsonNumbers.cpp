#include "JsonNumbers.h"

#include <cmath>

namespace Pterodisbot {

namespace {
constexpr double kLargestExact = 9007199254740992.0; // 2^53
} // namespace

std::optional<qint64> exactInteger(double value)
{
    if (!std::isfinite(value) || std::fabs(value) > kLargestExact || value != std::trunc(value))
        return std::nullopt;
    return qint64(value);
}

qint64 clampedInteger(double value, qint64 min, qint64 max, qint64 fallback)
{
    if (std::isnan(value))
        return fallback;
    const double rounded = std::round(value);
    // Compared as doubles: min and max may not be exact doubles, but the cast below only
    // happens for a value strictly inside them.
    if (rounded <= double(min))
        return min;
    if (rounded >= double(max))
        return max;
    return qint64(rounded);
}

} // namespace Pterodisbot
