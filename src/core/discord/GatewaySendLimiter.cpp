#include "discord/GatewaySendLimiter.h"

#include <algorithm>

#include "Clock.h"

namespace Pterodisbot {

GatewaySendLimiter::GatewaySendLimiter(const Clock *clock, int limit, qint64 windowMs)
    : m_clock(clock)
    , m_limit(std::max(limit, 1))
    , m_windowMs(std::max<qint64>(windowMs, 1))
{}

void GatewaySendLimiter::expire() const
{
    const qint64 now = m_clock->monotonicMs();
    while (!m_sent.empty() && m_sent.front() + m_windowMs <= now)
        m_sent.pop_front();
}

bool GatewaySendLimiter::tryAcquire()
{
    expire();
    if (int(m_sent.size()) >= m_limit)
        return false;
    m_sent.push_back(m_clock->monotonicMs());
    return true;
}

qint64 GatewaySendLimiter::msUntilAvailable() const
{
    expire();
    if (int(m_sent.size()) < m_limit)
        return 0;
    // The oldest send that must leave the window before one more fits.
    const qint64 oldest = m_sent[m_sent.size() - size_t(m_limit)];
    return std::max<qint64>(oldest + m_windowMs - m_clock->monotonicMs(), 1);
}

int GatewaySendLimiter::used() const
{
    expire();
    return int(m_sent.size());
}

} // namespace Pterodisbot
