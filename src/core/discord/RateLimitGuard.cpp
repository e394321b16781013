#include "discord/RateLimitGuard.h"

#include "Clock.h"
#include "logging.h"

namespace Pterodisbot {

RateLimitGuard::RateLimitGuard(Clock *clock, Options options)
    : m_clock(clock)
    , m_options(options)
{}

void RateLimitGuard::prune() const
{
    const qint64 cutoff = m_clock->monotonicMs() - m_options.windowMs;
    while (!m_times.empty() && m_times.front() <= cutoff)
        m_times.pop_front();
    // Hysteresis: once stopped, stay stopped until well below the stop level.
    const int n = int(m_times.size());
    if (m_state == State::Stopped && n >= m_options.warnAt)
        return;
    const State next = n >= m_options.stopAt   ? State::Stopped
                       : n >= m_options.warnAt ? State::Warning
                                               : State::Ok;
    if (next == m_state)
        return;
    if (next == State::Stopped)
        qCCritical(lcRest).noquote() << stopReason();
    else if (next == State::Warning && m_state == State::Ok)
        qCWarning(lcRest).noquote()
            << QStringLiteral("%1 invalid Discord requests (401/403/429) in the last %2 min; "
                              "the REST client stops at %3 (Discord bans the IP at 10000)")
                   .arg(n)
                   .arg(m_options.windowMs / 60000)
                   .arg(m_options.stopAt);
    else
        qCInfo(lcRest).noquote() << "invalid Discord requests back to" << n << "in the window";
    m_state = next;
}

void RateLimitGuard::record(int status)
{
    m_lastStatus = status;
    m_times.push_back(m_clock->monotonicMs());
    prune();
}

int RateLimitGuard::count() const
{
    prune();
    return int(m_times.size());
}

RateLimitGuard::State RateLimitGuard::state() const
{
    prune();
    return m_state;
}

QString RateLimitGuard::stopReason() const
{
    return QStringLiteral("stopped sending to Discord: %1 invalid requests (401/403/429) in the "
                          "last %2 minutes, last HTTP %3. Discord bans the IP at 10000; check the "
                          "bot token and the bot's permissions in the guild")
        .arg(m_times.size())
        .arg(m_options.windowMs / 60000)
        .arg(m_lastStatus);
}

} // namespace Pterodisbot
