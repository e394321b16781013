#include "bot/PowerCooldown.h"

#include <QTest>

using namespace Pterodisbot;

namespace {
const QString kServer = QStringLiteral("1a2b3c4d");
const QString kOther = QStringLiteral("deadbeef");
} // namespace

class TestPowerCooldown final : public QObject
{
    Q_OBJECT

private slots:
    // A first action at t=0, then a second one \a afterMs later.
    void secondAction_data()
    {
        QTest::addColumn<qint64>("cooldownMs");
        QTest::addColumn<qint64>("afterMs");
        QTest::addColumn<bool>("allowed");
        QTest::addColumn<qint64>("waitMs");
        QTest::addColumn<QString>("message");
        const auto wait = [](int seconds) {
            return QStringLiteral("A power action was just sent to Survival. Please wait %1 s "
                                  "before sending another.")
                .arg(seconds);
        };
        QTest::newRow("immediately")
            << qint64(10'000) << qint64(0) << false << qint64(10'000) << wait(10);
        QTest::newRow("after 2.5 s")
            << qint64(10'000) << qint64(2'500) << false << qint64(7'500) << wait(8);
        QTest::newRow("1 ms left")
            << qint64(10'000) << qint64(9'999) << false << qint64(1) << wait(1);
        QTest::newRow("exactly at end")
            << qint64(10'000) << qint64(10'000) << true << qint64(0) << QString();
        QTest::newRow("long after")
            << qint64(10'000) << qint64(600'000) << true << qint64(0) << QString();
        QTest::newRow("custom 3 s, at 1 s")
            << qint64(3'000) << qint64(1'000) << false << qint64(2'000) << wait(2);
        QTest::newRow("no cooldown") << qint64(0) << qint64(0) << true << qint64(0) << QString();
        QTest::newRow("negative is none")
            << qint64(-5) << qint64(0) << true << qint64(0) << QString();
    }
    void secondAction()
    {
        QFETCH(qint64, cooldownMs);
        QFETCH(qint64, afterMs);
        QFETCH(bool, allowed);
        QFETCH(qint64, waitMs);
        QFETCH(QString, message);
        ManualClock clock;
        PowerCooldown cooldown(&clock, cooldownMs);
        const auto first = cooldown.tryAcquire(kServer, QStringLiteral("Survival"));
        QVERIFY(first.allowed);
        QVERIFY(first.message.isEmpty());
        clock.advance(afterMs);
        QCOMPARE(cooldown.remainingMs(kServer), waitMs);
        const auto second = cooldown.tryAcquire(kServer, QStringLiteral("Survival"));
        QCOMPARE(second.allowed, allowed);
        QCOMPARE(second.waitMs, waitMs);
        QCOMPARE(second.message, message);
    }

    // Ten presses in one second send exactly one action; the next one waits for the cooldown.
    void spamSendsOneAction()
    {
        ManualClock clock;
        PowerCooldown cooldown(&clock);
        int sent = 0;
        for (int press = 0; press < 10; ++press) {
            if (cooldown.tryAcquire(kServer))
                ++sent;
            clock.advance(100);
        }
        QCOMPARE(sent, 1);
        // A refused press does not extend the cooldown: it still ends 10 s after the action.
        clock.advance(9'000);
        QVERIFY(cooldown.tryAcquire(kServer).allowed);
    }

    void serversAreIndependent()
    {
        ManualClock clock;
        PowerCooldown cooldown(&clock);
        QVERIFY(cooldown.tryAcquire(kServer).allowed);
        QVERIFY(cooldown.tryAcquire(kOther).allowed);
        QVERIFY(!cooldown.tryAcquire(kServer).allowed);
        QCOMPARE(cooldown.activeCount(), 2);
        QCOMPARE(cooldown.tryAcquire(kOther).message,
                 QStringLiteral("A power action was just sent to this server. Please wait 10 s "
                                "before sending another."));
    }

    void releaseEndsEarly()
    {
        ManualClock clock;
        PowerCooldown cooldown(&clock);
        QVERIFY(cooldown.tryAcquire(kServer).allowed);
        cooldown.release(kServer);
        QCOMPARE(cooldown.remainingMs(kServer), qint64(0));
        QVERIFY(cooldown.tryAcquire(kServer).allowed);
        QVERIFY(!cooldown.tryAcquire(kServer).allowed);
    }

    void newLengthAppliesToNextAction()
    {
        ManualClock clock;
        PowerCooldown cooldown(&clock);
        QVERIFY(cooldown.tryAcquire(kServer).allowed);
        cooldown.setCooldownMs(2'000);
        QCOMPARE(cooldown.cooldownMs(), qint64(2'000));
        QCOMPARE(cooldown.remainingMs(kServer), qint64(10'000));
        clock.advance(10'000);
        QVERIFY(cooldown.tryAcquire(kServer).allowed);
        QCOMPARE(cooldown.remainingMs(kServer), qint64(2'000));
    }

    void expiredEntriesAreDropped()
    {
        ManualClock clock;
        PowerCooldown cooldown(&clock);
        for (int i = 0; i < 200; ++i)
            QVERIFY(cooldown.tryAcquire(QStringLiteral("%1").arg(i, 8, 16, QLatin1Char('0'))));
        QCOMPARE(cooldown.activeCount(), 200);
        clock.advance(10'000);
        QCOMPARE(cooldown.activeCount(), 0);
        QVERIFY(cooldown.tryAcquire(kServer).allowed);
        QCOMPARE(cooldown.activeCount(), 1);
    }
};

QTEST_GUILESS_MAIN(TestPowerCooldown)
#include "tst_powercooldown.moc"
