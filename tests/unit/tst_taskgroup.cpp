#include "TaskGroup.h"

#include <stdexcept>

#include <QObject>
#include <QSignalSpy>
#include <QTest>

#include <qcorosignal.h>
#include <QCoroTask>

using namespace Pterodisbot;
using namespace std::chrono_literals;

//! A public signal to finish a task on cue (QObject's own signals are private ones, and
//! QCoro 0.8's qCoro() binds a null QPrivateSignal reference for them, which UBSan rejects).
class Trigger final : public QObject
{
    Q_OBJECT

signals:
    void fired();
};

namespace {

//! Ends when \a trigger fires.
QCoro::Task<> untilRenamed(Trigger *trigger, int *steps)
{
    co_await qCoro(trigger, &Trigger::fired);
    ++*steps;
}

QCoro::Task<> sleeper(TaskGroup *group, std::chrono::milliseconds duration, int *result)
{
    *result = (co_await group->sleep(duration)) ? 1 : 0;
}

} // namespace

class TestTaskGroup final : public QObject
{
    Q_OBJECT

private slots:
    void keepsATaskUntilItFinishes()
    {
        TaskGroup group;
        Trigger trigger;
        int steps = 0;
        QSignalSpy finished(&group, &TaskGroup::allFinished);
        group.start(untilRenamed(&trigger, &steps));
        QCOMPARE(group.count(), 1);
        QCOMPARE(steps, 0);
        emit trigger.fired();
        QTRY_COMPARE(steps, 1); // QCoro resumes a signal's awaiter from a posted event
        QCOMPARE(group.count(), 0);
        QCOMPARE(finished.count(), 1);
    }

    void aTaskThatEndsAtOnceIsNotCounted()
    {
        TaskGroup group;
        QSignalSpy finished(&group, &TaskGroup::allFinished);
        group.start([]() -> QCoro::Task<> { co_return; }());
        QCOMPARE(group.count(), 0);
        QCOMPARE(finished.count(), 1);
    }

    void waitAllResumesAfterTheLastTask()
    {
        TaskGroup group;
        Trigger first;
        Trigger second;
        int steps = 0;
        bool waited = false;
        group.start(untilRenamed(&first, &steps));
        group.start(untilRenamed(&second, &steps));
        auto waiter = [](TaskGroup *group, bool *waited) -> QCoro::Task<> {
            co_await group->waitAll();
            *waited = true;
        }(&group, &waited);
        emit first.fired();
        QTRY_COMPARE(steps, 1);
        QVERIFY(!waited);
        emit second.fired();
        QTRY_COMPARE(steps, 2);
        QTRY_VERIFY(waited);
        QVERIFY(waiter.isReady());
    }

    void waitAllWithNothingRunningIsReady()
    {
        TaskGroup group;
        auto waiter = group.waitAll();
        QVERIFY(waiter.isReady());
    }

    void sleepReturnsTrueWhenItWasNotCancelled()
    {
        TaskGroup group;
        int result = -1;
        group.start(sleeper(&group, 1ms, &result));
        QTRY_COMPARE(result, 1);
        QCOMPARE(group.count(), 0);
    }

    void cancelWakesASleeperAtOnce()
    {
        TaskGroup group;
        int result = -1;
        QSignalSpy finished(&group, &TaskGroup::allFinished);
        group.start(sleeper(&group, 1h, &result));
        QCOMPARE(group.count(), 1);
        group.cancel();
        QVERIFY(group.isCancelled());
        // The hour-long sleep ends within the default QTRY timeout only if cancel() woke it.
        QTRY_COMPARE(result, 0);
        QCOMPARE(finished.count(), 1);
        QCOMPARE(group.count(), 0);
    }

    void sleepAfterCancelReturnsFalseAtOnce()
    {
        TaskGroup group;
        group.cancel();
        int result = -1;
        group.start(sleeper(&group, 1h, &result));
        QCOMPARE(result, 0);
        QCOMPARE(group.count(), 0);
    }

    void aThrowingTaskStillEnds()
    {
        TaskGroup group;
        Trigger trigger;
        QSignalSpy finished(&group, &TaskGroup::allFinished);
        group.start([](Trigger *trigger) -> QCoro::Task<> {
            co_await qCoro(trigger, &Trigger::fired);
            throw std::runtime_error("boom");
        }(&trigger));
        QTest::ignoreMessage(QtCriticalMsg, "a task failed: boom");
        emit trigger.fired();
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(group.count(), 0);
    }

    void aTaskMayOutliveItsGroup()
    {
        Trigger trigger;
        int steps = 0;
        {
            TaskGroup group;
            group.start(untilRenamed(&trigger, &steps));
            QTest::ignoreMessage(QtWarningMsg, "1 task(s) still running when their group is "
                                               "deleted");
        }
        // The task ends after its group is gone; the sanitizer run proves that nothing is
        // touched after free and that the frame is released.
        emit trigger.fired();
        QTRY_COMPARE(steps, 1);
    }
};

QTEST_GUILESS_MAIN(TestTaskGroup)
#include "tst_taskgroup.moc"
