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
