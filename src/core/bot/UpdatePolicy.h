#pragma once

#include <QHash>
#include <QString>

#include "Clock.h"
#include "pterodactyl/models.h"

namespace Pterodisbot {

//! Decides, once per cycle and tracked embed, whether the embed is worth a Discord edit.
//!
//! It remembers what each embed last showed `(state, cpu, lastEdit)` and edits only when a
//! reader would notice: first check, power state changed, CPU moved by more than the
//! threshold, or the embed is old enough that its timestamps and uptime look stale. Every
//! other cycle costs no Discord request, which keeps us far away from rate limits and from
//! error 30046 (too many edits to an old message).
class UpdatePolicy
{
public:
    //! Why an edit is (or is not) due, first matching reason wins in this order.
    enum class Reason {
        Unchanged,     //!< nothing worth an edit
        FirstCheck,    //!< the embed was never edited by this process (or was forgotten)
        StateChanged,  //!< power state differs from the one shown
        CpuDelta,      //!< CPU differs from the one shown by more than the threshold
        ForcedRefresh, //!< the last edit is at least forcedRefreshMs old
    };

    struct Settings
    {
        //! CPU change, in percentage points of the panel's cpu_absolute, that is worth an
        //! edit; a change exactly equal to it is not.
        double cpuDeltaThreshold = 50.0;
        //! Age of the last edit after which the embed is edited anyway (>=).
        qint64 forcedRefreshMs = 600'000;
    };

    struct Decision
    {
        bool edit = false;
        Reason reason = Reason::Unchanged;
    };

    //! \a clock must outlive the policy; null means SystemClock::instance().
    explicit UpdatePolicy(Clock *clock = nullptr);
    UpdatePolicy(Clock *clock, Settings settings);

    //! What should happen for \a serverId now that it is in \a state using \a cpu, without
    //! recording anything.
    Decision evaluate(const QString &serverId, PowerState state, double cpu) const;

    //! evaluate(), and when it says edit, records (state, cpu, now) as what the embed shows.
    //! If the edit then fails, call forget() so the next cycle tries again.
    Decision decide(const QString &serverId, PowerState state, double cpu);

    //! Records an edit made for another reason (embed posted, button pressed, refresh).
    void markEdited(const QString &serverId, PowerState state, double cpu);

    //! Drops what \a serverId showed: its next decision is FirstCheck.
    void forget(const QString &serverId);
    //! Drops every server (after a panel outage every embed must be rebuilt).
    void forgetAll();

    bool knows(const QString &serverId) const { return m_shown.contains(serverId); }
    int size() const { return int(m_shown.size()); }

    Settings settings() const { return m_settings; }
    //! Negative values are clamped to 0.
    void setSettings(Settings settings);

    static QString reasonName(Reason reason);

private:
    struct Shown
    {
        PowerState state = PowerState::Unknown;
        double cpu = 0;
        qint64 editedAtMs = 0;
    };

    Clock *m_clock;
    Settings m_settings;
    QHash<QString, Shown> m_shown;
};

} // namespace Pterodisbot
