#pragma once

#include <QHash>
#include <QString>

#include "Clock.h"
#include "i18n/Wording.h"

namespace Pterodisbot {

//! Per-server pause between power actions, so a member hammering Start (or several members at
//! once) sends one action to the panel instead of queueing many. Keyed by server, not member:
//! the panel and the game server are what need protecting.
class PowerCooldown
{
public:
    static constexpr qint64 defaultCooldownMs = 10'000;

    struct Result
    {
        bool allowed = false;
        //! Time left before the next action is allowed; 0 when allowed.
        qint64 waitMs = 0;
        //! Ready for an ephemeral reply when refused ("Please wait 7 s ..."); empty when allowed.
        QString message;

        explicit operator bool() const { return allowed; }
    };

    //! \a clock must outlive the cooldown; null means SystemClock::instance(). A negative
    //! \a cooldownMs counts as 0 (no cooldown).
    explicit PowerCooldown(Clock *clock = nullptr, qint64 cooldownMs = defaultCooldownMs);

    //! Allowed when \a serverId has no running cooldown; then starts one. \a serverName, when
    //! given, is used in the refusal text, which is in \a wording's language.
    Result tryAcquire(const QString &serverId, const QString &serverName = {},
                      const Wording &wording = {});

    //! Time left for \a serverId, 0 when none.
    qint64 remainingMs(const QString &serverId) const;

    //! Ends the cooldown of \a serverId early: the action never reached the panel (refused,
    //! network error), so a retry should not have to wait.
    void release(const QString &serverId);

    qint64 cooldownMs() const { return m_cooldownMs; }
    void setCooldownMs(qint64 cooldownMs);

    //! Servers with a cooldown still running (expired ones are dropped lazily).
    int activeCount() const;

private:
    void dropExpired();

    Clock *m_clock;
    qint64 m_cooldownMs;
    QHash<QString, qint64> m_until; //!< server id -> monotonic ms when the cooldown ends
};

} // namespace Pterodisbot
