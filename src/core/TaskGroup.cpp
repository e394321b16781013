#include "TaskGroup.h"

#include <exception>

#include <qcorosignal.h>
#include <qcorotimer.h>
#include <QPointer>
#include <QTimer>

#include "logging.h"

namespace Pterodisbot {

TaskGroup::TaskGroup(QObject *parent)
    : QObject(parent)
{}

TaskGroup::~TaskGroup()
{
    if (m_count > 0)
        qCWarning(lcBot) << m_count << "task(s) still running when their group is deleted";
}

void TaskGroup::start(QCoro::Task<> task)
{
    ++m_count;
    // The wrapper's frame owns the task; QCoro frees the frame when it ends, also when the
    // Task object returned here is gone by then.
    run(std::move(task));
}

QCoro::Task<> TaskGroup::run(QCoro::Task<> task)
{
    QPointer<TaskGroup> self(this);
    try {
        co_await task;
    } catch (const std::exception &error) {
        qCCritical(lcBot) << "a task failed:" << error.what();
    }
    if (!self)
        co_return;
    if (--m_count == 0)
        emit allFinished();
}

void TaskGroup::cancel()
{
    if (m_cancelled)
        return;
    m_cancelled = true;
    emit cancelled();
}

QCoro::Task<bool> TaskGroup::sleep(std::chrono::milliseconds duration)
{
    if (m_cancelled)
        co_return false;
    QPointer<TaskGroup> self(this);
    QTimer timer;
    timer.setSingleShot(true);
    // Cancelling restarts the timer with no delay: the sleeper wakes on the next event loop pass.
    connect(this, &TaskGroup::cancelled, &timer, [&timer] { timer.start(0); });
    timer.start(duration);
    co_await timer;
    co_return self && !m_cancelled;
}

QCoro::Task<> TaskGroup::waitAll()
{
    QPointer<TaskGroup> self(this);
    while (self && m_count > 0)
        co_await qCoro(this, &TaskGroup::allFinished);
}

} // namespace Pterodisbot
