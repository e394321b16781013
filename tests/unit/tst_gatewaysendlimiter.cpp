#include "discord/GatewaySendLimiter.h"

#include <QTest>

#include "Clock.h"

using namespace Pterodisbot;

class TestGatewaySendLimiter final : public QObject
{
    Q_OBJECT

private slots:
    void allowsTheLimitPerWindow()
    {
        ManualClock clock;
        GatewaySendLimiter limiter(&clock);
        QCOMPARE(limiter.limit(), 110);
        for (int i = 0; i < 110; ++i) {
            QVERIFY2(limiter.tryAcquire(), qPrintable(QString::number(i)));
            clock.advance(10);
        }
        QCOMPARE(limiter.used(), 110);
        QVERIFY(!limiter.tryAcquire());
        QVERIFY(!limiter.tryAcquire());
        QCOMPARE(limiter.used(), 110); // refusals are not recorded
        // The first send was at t=0; the window is 60 s; now t=1100.
        QCOMPARE(limiter.msUntilAvailable(), 60000 - 1100);
        clock.advance(60000 - 1100 - 1);
        QVERIFY(!limiter.tryAcquire());
        clock.advance(1);
        QCOMPARE(limiter.msUntilAvailable(), 0);
        QVERIFY(limiter.tryAcquire());
        QVERIFY(!limiter.tryAcquire()); // the second send (t=10) has not left yet
        clock.advance(10);
        QVERIFY(limiter.tryAcquire());
    }

    void neverExceedsTheLimitInAnyWindow()
    {
        ManualClock clock;
        GatewaySendLimiter limiter(&clock, 5, 1000);
        QList<qint64> sent;
        for (int step = 0; step < 5000; ++step) {
            if (limiter.tryAcquire())
                sent << clock.monotonicMs();
            clock.advance(7);
        }
        for (int i = 5; i < sent.size(); ++i)
            QVERIFY2(sent[i] - sent[i - 5] >= 1000, qPrintable(QString::number(i)));
        // And it does not starve either: close to 5 per second over 35 s.
        QVERIFY(sent.size() >= 170);
    }

    void resetEmptiesTheWindow()
    {
        ManualClock clock;
        GatewaySendLimiter limiter(&clock, 2, 1000);
        QVERIFY(limiter.tryAcquire());
        QVERIFY(limiter.tryAcquire());
        QVERIFY(!limiter.tryAcquire());
        QVERIFY(limiter.msUntilAvailable() > 0);
        limiter.reset();
        QCOMPARE(limiter.used(), 0);
        QVERIFY(limiter.tryAcquire());
    }
};

QTEST_GUILESS_MAIN(TestGatewaySendLimiter)
#include "tst_gatewaysendlimiter.moc"
