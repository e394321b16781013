#pragma once

#include <deque>

#include <QString>

namespace Pterodisbot {

class Clock;

struct RateLimitGuardOptions
{
    qint64 windowMs = 10 * 60 * 1000;
    int warnAt = 1000;
    int stopAt = 2500;
};

//! Counts invalid requests (401, 403, and 429 except scope "shared") in a sliding window.
//! Discord bans the IP for a while at 10,000 per 10 minutes; the guard warns far earlier and
//! then stops the REST client, which refuses every request with a clear error until the
//! window has drained below the warning level again.
class RateLimitGuard
{
public:
    using Options = RateLimitGuardOptions;
    enum class State { Ok, Warning, Stopped };

    //! \a clock must outlive the guard.
    explicit RateLimitGuard(Clock *clock, Options options = {});

    //! One invalid request answered with \a status happened now.
    void record(int status);
    //! Invalid requests within the window.
    int count() const;
    State state() const;
    bool isStopped() const { return state() == State::Stopped; }
    //! For people: what happened and what to do.
    QString stopReason() const;
    const Options &options() const { return m_options; }

private:
    void prune() const;

    Clock *m_clock;
    Options m_options;
    mutable std::deque<qint64> m_times;
    mutable State m_state = State::Ok;
    int m_lastStatus = 0;
};

} // namespace Pterodisbot
