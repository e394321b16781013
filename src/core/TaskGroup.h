#pragma once

#include <chrono>
#include <cstddef>

#include <QCoro/QCoroTask>
#include <QObject>

namespace Pterodisbot {

//! Owns the coroutines an object starts and lets its stop() wait for them, so that no
//! coroutine frame outlives its owner suspended (and leaks). QCoro 0.8 cannot destroy a
//! suspended frame safely (whatever it awaits would resume freed memory), so stopping is
//! cooperative: cancel() wakes every sleep() of the group at once with false, the coroutine
//! returns, and waitAll() resumes when the last one has ended.
class TaskGroup final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TaskGroup)

public:
    explicit TaskGroup(QObject *parent = nullptr);
    ~TaskGroup() override;

    //! Keeps \a task until it finishes. An exception it throws is logged, not rethrown.
    void start(QCoro::Task<> task);
    //! Tasks started and not finished yet.
    int count() const { return m_count; }
    bool isCancelled() const { return m_cancelled; }

    //! Asks every task to end: sleep() returns false from now on, at once for those under way.
    //! start() still accepts tasks (they see isCancelled()).
    void cancel();
    //! Sleeps \a duration; false when the group was cancelled before or meanwhile (the caller
    //! returns then).
    QCoro::Task<bool> sleep(std::chrono::milliseconds duration);
    //! Resumes when no task is left (at once when none is running).
    QCoro::Task<> waitAll();

signals:
    void cancelled();
    //! The last running task ended.
    void allFinished();

private:
    QCoro::Task<> run(QCoro::Task<> task);

    int m_count = 0;
    bool m_cancelled = false;
};

} // namespace Pterodisbot
