#include "PanelRateLimiter.h"

#include <algorithm>

namespace PterodisbotSim {

PanelRateLimiter::Decision PanelRateLimiter::hit(const QString &bucket, int limit, int windowMs,
                                                 qint64 nowMs)
{
    Window &window = m_windows[bucket];
    if (window.hits == 0 || nowMs - window.startMs >= windowMs) {
        window.startMs = nowMs;
        window.hits = 0;
    }
    Decision decision;
    decision.limit = limit;
    decision.resetInMs = std::max<qint64>(0, window.startMs + windowMs - nowMs);
    if (window.hits >= limit) {
        decision.allowed = false;
        decision.remaining = 0;
        return decision;
    }
    ++window.hits;
    decision.remaining = std::max(0, limit - window.hits);
    return decision;
}

} // namespace PterodisbotSim
