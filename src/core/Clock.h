#pragma once

#include <QDateTime>
#include <QElapsedTimer>

namespace Pterodisbot {

//! Time source for every time-dependent decision, injected so tests can move time by hand.
class Clock
{
public:
    virtual ~Clock() = default;
    //! Monotonic milliseconds since an arbitrary start; use for intervals and deadlines.
    virtual qint64 monotonicMs() const = 0;
    //! Wall-clock time in UTC; use for timestamps shown to people.
    virtual QDateTime utcNow() const = 0;
};

//! The real clock.
class SystemClock final : public Clock
{
public:
    SystemClock() { m_timer.start(); }
    qint64 monotonicMs() const override { return m_timer.elapsed(); }
    QDateTime utcNow() const override { return QDateTime::currentDateTimeUtc(); }

    //! A process-wide instance for callers that were not given a clock.
    static Clock *instance();

private:
    QElapsedTimer m_timer;
};

//! The real clock plus skips: time runs, and advance() jumps it ahead (tests and benchmarks of
//! the running bot, whose timers and network waits need real time while forced refreshes and
//! cooldowns are reached by a skip instead of a sleep).
class SteppedClock final : public Clock
{
public:
    SteppedClock() { m_timer.start(); }
    qint64 monotonicMs() const override { return m_timer.elapsed() + m_offsetMs; }
    QDateTime utcNow() const override { return m_start.addMSecs(monotonicMs()); }
    void advance(qint64 ms) { m_offsetMs += ms; }

private:
    QElapsedTimer m_timer;
    QDateTime m_start = QDateTime::currentDateTimeUtc();
    qint64 m_offsetMs = 0;
};

//! A clock that only moves when told to (tests, benchmarks).
class ManualClock final : public Clock
{
public:
    explicit ManualClock(QDateTime start = QDateTime::fromSecsSinceEpoch(1'700'000'000, Qt::UTC))
        : m_start(std::move(start))
    {}
    qint64 monotonicMs() const override { return m_ms; }
    QDateTime utcNow() const override { return m_start.addMSecs(m_ms); }
    void advance(qint64 ms) { m_ms += ms; }

private:
    QDateTime m_start;
    qint64 m_ms = 0;
};

} // namespace Pterodisbot
