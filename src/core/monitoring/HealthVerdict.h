#pragma once

#include <optional>

#include <QByteArray>
#include <QStringList>

#include "bot/BotCore.h"
#include "discord/Gateway.h"

namespace Pterodisbot {

//! What the health judgement looks at: plain values, taken from a running BotCore by
//! HealthVerdict::inputsOf() or made up by a test.
struct HealthInputs
{
    BotCore::State botState = BotCore::State::Stopped;
    Gateway::State gateway = Gateway::State::Disconnected;
    //! A condition only a person can fix (token rejected, ...); empty while none.
    QString fatalProblem;
    //! Why Discord cannot be reached while starting; empty when it can.
    QString discordProblem;
    //! The last update cycle reached the panel.
    bool panelReachable = true;
    QString panelProblem;
    //! Update cycles are paused on purpose (the window's Pause).
    bool paused = false;
    //! Monotonic time (the bot's clock) the last update cycle ended at; nullopt before one did.
    std::optional<qint64> lastCycleEndMs;
    //! Now, on the same clock.
    qint64 nowMs = 0;
    int cycleIntervalMs = 10000;
};

//! The verdict of /healthz: healthy when the bot runs, its gateway session is READY, the last
//! update cycle reached the panel and ended at most kRecentIntervals update intervals ago
//! (cycles paused on purpose are not held against it). Otherwise every reason, in words a
//! person acts on.
struct HealthVerdict
{
    //! How many update intervals the last cycle may lie back: one late tick and one slow
    //! cycle fit, a stalled cycle does not.
    static constexpr int kRecentIntervals = 3;

    bool healthy = false;
    QStringList reasons; //!< why not; empty when healthy
    //! Seconds since the last cycle ended; nullopt before the first.
    std::optional<double> lastCycleAgeSeconds;
    Gateway::State gateway = Gateway::State::Disconnected;
    bool panelReachable = true;
    bool paused = false;

    static HealthVerdict judge(const HealthInputs &inputs);
    //! The inputs of \a bot now, read from its own clock.
    static HealthInputs inputsOf(const BotCore &bot);

    //! `{"status":"ok","gateway":"ready","panel":"reachable","last_cycle_seconds_ago":1.2}`
    //! or `{"status":"unhealthy","reasons":[...],...}`; compact JSON.
    QByteArray toJson() const;
};

} // namespace Pterodisbot
