#include "UpdatePolicy.h"

#include <cmath>

namespace Pterodisbot {

namespace {

// A NaN from a broken sample would make every comparison false and freeze the embed.
double finiteOrZero(double value)
{
    return std::isfinite(value) ? value : 0.0;
}

} // namespace

UpdatePolicy::UpdatePolicy(Clock *clock)
    : UpdatePolicy(clock, Settings{})
{}

UpdatePolicy::UpdatePolicy(Clock *clock, Settings settings)
    : m_clock(clock ? clock : SystemClock::instance())
{
    setSettings(settings);
}

UpdatePolicy::Decision UpdatePolicy::evaluate(const QString &serverId, PowerState state,
                                              double cpu) const
{
    const auto it = m_shown.constFind(serverId);
    if (it == m_shown.cend())
        return {true, Reason::FirstCheck};
    if (it->state != state)
        return {true, Reason::StateChanged};
    if (std::abs(finiteOrZero(cpu) - it->cpu) > m_settings.cpuDeltaThreshold)
        return {true, Reason::CpuDelta};
    if (m_clock->monotonicMs() - it->editedAtMs >= m_settings.forcedRefreshMs)
        return {true, Reason::ForcedRefresh};
    return {false, Reason::Unchanged};
}

UpdatePolicy::Decision UpdatePolicy::decide(const QString &serverId, PowerState state, double cpu)
{
    const Decision decision = evaluate(serverId, state, cpu);
    if (decision.edit)
        markEdited(serverId, state, cpu);
    return decision;
}

void UpdatePolicy::markEdited(const QString &serverId, PowerState state, double cpu)
{
    // Any edit refreshes the embed's timestamp, so it also restarts the forced-refresh age.
    m_shown.insert(serverId, Shown{state, finiteOrZero(cpu), m_clock->monotonicMs()});
}

void UpdatePolicy::forget(const QString &serverId)
{
    m_shown.remove(serverId);
}

void UpdatePolicy::forgetAll()
{
    m_shown.clear();
}

void UpdatePolicy::setSettings(Settings settings)
{
    settings.cpuDeltaThreshold = qMax(0.0, finiteOrZero(settings.cpuDeltaThreshold));
    settings.forcedRefreshMs = qMax<qint64>(0, settings.forcedRefreshMs);
    m_settings = settings;
}

QString UpdatePolicy::reasonName(Reason reason)
{
    switch (reason) {
    case Reason::Unchanged:
        return QStringLiteral("unchanged");
    case Reason::FirstCheck:
        return QStringLiteral("first check");
    case Reason::StateChanged:
        return QStringLiteral("state changed");
    case Reason::CpuDelta:
        return QStringLiteral("cpu delta");
    case Reason::ForcedRefresh:
        return QStringLiteral("forced refresh");
    }
    return {};
}

} // namespace Pterodisbot
