#pragma once

#include "net/ApiError.h"

namespace Pterodisbot {

//! A value or the error that prevented it; what coroutine convenience methods return.
template<typename T>
struct ApiResult
{
    T value{};
    ApiError error;

    bool ok() const { return !error.isError(); }
};

} // namespace Pterodisbot
