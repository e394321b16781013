#pragma once

#include <optional>

#include <QtGlobal>

namespace Pterodisbot {

// Numbers from JSON are doubles that anybody may have written: 1e300, -0, NaN after
// arithmetic. Casting such a double to an integer type is undefined behaviour, so every
// conversion of outside numbers goes through these.

//! \a value when it is a whole number a double holds exactly (|value| <= 2^53), else nothing.
std::optional<qint64> exactInteger(double value);

//! \a value rounded to the nearest integer and clamped into [\a min, \a max]; NaN gives
//! \a fallback.
qint64 clampedInteger(double value, qint64 min, qint64 max, qint64 fallback = 0);

} // namespace Pterodisbot
