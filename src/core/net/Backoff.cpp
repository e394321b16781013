#include "net/Backoff.h"

#include <algorithm>

#include <QtGlobal>

namespace Pterodisbot {

Backoff::Backoff(int baseMs, int maxMs, std::function<double()> random)
    : m_baseMs(std::max(baseMs, 1))
    , m_maxMs(std::max(maxMs, m_baseMs))
    , m_random(std::move(random))
{}

int Backoff::nextDelayMs()
{
    // Doubling stops well before overflow: 2^20 × base is far past any sensible maximum.
    const int exponent = std::min(m_attempt, 20);
    const qint64 cap = std::min<qint64>(m_maxMs, qint64(m_baseMs) << exponent);
    ++m_attempt;
    const double r = std::clamp(m_random ? m_random() : 0.5, 0.0, 1.0);
    return int(cap * (0.5 + 0.5 * r));
}

} // namespace Pterodisbot
