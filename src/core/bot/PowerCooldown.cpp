#include "PowerCooldown.h"

namespace Pterodisbot {

PowerCooldown::PowerCooldown(Clock *clock, qint64 cooldownMs)
    : m_clock(clock ? clock : SystemClock::instance())
    , m_cooldownMs(qMax<qint64>(0, cooldownMs))
{}

PowerCooldown::Result PowerCooldown::tryAcquire(const QString &serverId, const QString &serverName,
                                                const Wording &wording)
{
    const qint64 wait = remainingMs(serverId);
    if (wait > 0) {
        // Rounded up: "wait 0 s" would invite an immediate retry that is refused again.
        const int seconds = int((wait + 999) / 1000);
        const QString target =
            serverName.isEmpty() ? wording.translate("PowerCooldown", "this server") : serverName;
        //: %1 the server's name (or "this server"), %n the seconds left.
        return {false, wait,
                wording
                    .translate("PowerCooldown",
                               "A power action was just sent to %1. Please wait %n s before "
                               "sending another.",
                               nullptr, seconds)
                    .arg(target)};
    }
    // Without this the table would keep one entry per server ever pressed.
    if (m_until.size() > 64)
        dropExpired();
    if (m_cooldownMs > 0)
        m_until.insert(serverId, m_clock->monotonicMs() + m_cooldownMs);
    return {true, 0, {}};
}

qint64 PowerCooldown::remainingMs(const QString &serverId) const
{
    const auto it = m_until.constFind(serverId);
    if (it == m_until.cend())
        return 0;
    return qMax<qint64>(0, *it - m_clock->monotonicMs());
}

void PowerCooldown::release(const QString &serverId)
{
    m_until.remove(serverId);
}

void PowerCooldown::setCooldownMs(qint64 cooldownMs)
{
    // Running cooldowns keep their end time; the new length applies from the next action.
    m_cooldownMs = qMax<qint64>(0, cooldownMs);
}

int PowerCooldown::activeCount() const
{
    const qint64 now = m_clock->monotonicMs();
    int count = 0;
    for (const qint64 until : m_until) {
        if (until > now)
            ++count;
    }
    return count;
}

void PowerCooldown::dropExpired()
{
    const qint64 now = m_clock->monotonicMs();
    m_until.removeIf(
        [now](const QHash<QString, qint64>::iterator it) { return it.value() <= now; });
}

} // namespace Pterodisbot
