#pragma once

#include <deque>

#include <QtGlobal>

namespace Pterodisbot {

class Clock;

//! Sliding-window limit on ordinary gateway sends. Discord allows 120 events per 60 s per
//! connection and closes with 4008 past that; keeping to 110 leaves room for heartbeats,
//! which bypass this limiter.
class GatewaySendLimiter
{
public:
    GatewaySendLimiter(const Clock *clock, int limit = 110, qint64 windowMs = 60'000);

    //! Records one send and returns true when the window has room; false (and records
    //! nothing) when it is full.
    bool tryAcquire();
    //! Milliseconds until tryAcquire() can succeed; 0 when it can now.
    qint64 msUntilAvailable() const;
    //! Sends recorded within the current window.
    int used() const;
    int limit() const { return m_limit; }
    //! A new connection starts with an empty window.
    void reset() { m_sent.clear(); }

private:
    void expire() const;

    const Clock *m_clock;
    int m_limit;
    qint64 m_windowMs;
    mutable std::deque<qint64> m_sent;
};

} // namespace Pterodisbot
