#include "Clock.h"

namespace Pterodisbot {

Clock *SystemClock::instance()
{
    static SystemClock clock;
    return &clock;
}

} // namespace Pterodisbot
