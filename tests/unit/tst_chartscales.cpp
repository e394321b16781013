#include "ChartScales.h"

#include <cmath>

#include <QTest>

using namespace Pterodisbot;

Q_DECLARE_METATYPE(Pterodisbot::AxisRange)

namespace {

constexpr double t0 = 1'700'000'000'000.0;

QList<QPointF> series(const QList<double> &values)
{
    QList<QPointF> points;
    for (int i = 0; i < values.size(); ++i)
        points.append({t0 + i * 10'000, values[i]});
    return points;
}

//! \a points samples 10 s apart with constant CPU and memory.
ChartInput flatInput(int points, double cpu, double memoryMiB)
{
    ChartInput input;
    for (int i = 0; i < points; ++i) {
        input.cpuPercent.append({t0 + i * 10'000, cpu});
        input.memoryMiB.append({t0 + i * 10'000, memoryMiB});
    }
    return input;
}

AxisRange memoryRange(double limitMiB, const QList<double> &values = {})
{
    ChartInput input;
    input.memoryLimitMiB = limitMiB;
    input.memoryMiB = series(values);
    return memoryAxisRange(input);
}

AxisRange cpuRange(int limit, const QList<double> &values = {})
{
    ChartInput input;
    input.cpuLimitPercent = limit;
    input.cpuPercent = series(values);
    return cpuAxisRange(input);
}

AxisRange withInterval(AxisRange range, double interval)
{
    range.tickInterval = interval;
    return range;
}

} // namespace

//! The axis scales of the graphs: ranges, ticks and units from limits and samples.
class TestChartScales final : public QObject
{
    Q_OBJECT

private slots:
    // The title says the span the samples really cover: six polls through the panel's 20 s
    // cache are two minutes, not "the last minute".
    void historySpanIsTruthful_data()
    {
        QTest::addColumn<QList<qint64>>("offsetsMs");
        QTest::addColumn<QString>("expected");
        QTest::newRow("one sample") << QList<qint64>{0} << QString();
        QTest::newRow("six at 10 s")
            << QList<qint64>{0, 10000, 20000, 30000, 40000, 50000} << QStringLiteral("last 50 s");
        QTest::newRow("six through the cache")
            << QList<qint64>{0, 20000, 40000, 60000, 80000, 100000, 120000}
            << QStringLiteral("last 2 min");
        QTest::newRow("hours") << QList<qint64>{0, 3 * 3600000LL} << QStringLiteral("last 3 h");
        QTest::newRow("a blink") << QList<qint64>{0, 200} << QStringLiteral("last 1 s");
    }
    void historySpanIsTruthful()
    {
        QFETCH(QList<qint64>, offsetsMs);
        QFETCH(QString, expected);
        ChartInput input;
        for (qint64 offset : offsetsMs) {
            input.cpuPercent.append(QPointF(1.7e12 + double(offset), 10));
            input.memoryMiB.append(QPointF(1.7e12 + double(offset), 100));
        }
        QCOMPARE(historySpanText(input), expected);
    }

    void cpuAxisRange_data()
    {
        QTest::addColumn<int>("limit");
        QTest::addColumn<QList<double>>("values");
        QTest::addColumn<double>("max");
        QTest::addColumn<double>("tick");

        QTest::newRow("1 vCPU") << 100 << QList<double>{10, 60, 90} << 100.0 << 25.0;
        QTest::newRow("2 vCPU") << 200 << QList<double>{10, 150} << 200.0 << 50.0;
        QTest::newRow("4 vCPU, idle") << 400 << QList<double>{1, 2} << 400.0 << 100.0;
        QTest::newRow("1.5 vCPU") << 150 << QList<double>{100} << 150.0 << 50.0;
        QTest::newRow("16 vCPU") << 1600 << QList<double>{} << 1600.0 << 400.0;
        QTest::newRow("2 vCPU, no data") << 200 << QList<double>{} << 200.0 << 50.0;
        QTest::newRow("2 vCPU, overshoot") << 200 << QList<double>{150, 230} << 300.0 << 100.0;
        QTest::newRow("unlimited, no data") << 0 << QList<double>{} << 100.0 << 25.0;
        QTest::newRow("unlimited, idle") << 0 << QList<double>{0, 0} << 100.0 << 25.0;
        QTest::newRow("unlimited, below a core") << 0 << QList<double>{20, 99.5} << 100.0 << 25.0;
        QTest::newRow("unlimited, exactly a core") << 0 << QList<double>{100} << 100.0 << 25.0;
        QTest::newRow("unlimited, just over") << 0 << QList<double>{100.1} << 200.0 << 50.0;
        QTest::newRow("unlimited, 3.5 cores") << 0 << QList<double>{350, 20} << 400.0 << 100.0;
        QTest::newRow("unlimited, 12 cores") << 0 << QList<double>{1180} << 1200.0 << 400.0;
        QTest::newRow("unlimited, NaN and infinity ignored")
            << 0 << QList<double>{qQNaN(), 150, qInf()} << 200.0 << 50.0;
        QTest::newRow("6 vCPU") << 600 << QList<double>{} << 600.0 << 200.0;
        QTest::newRow("2.5 vCPU") << 250 << QList<double>{} << 250.0 << 100.0;
    }
    void cpuAxisRange()
    {
        QFETCH(int, limit);
        QFETCH(QList<double>, values);
        QFETCH(double, max);
        QFETCH(double, tick);
        ChartInput input;
        input.cpuLimitPercent = limit;
        input.cpuPercent = series(values);
        const AxisRange range = Pterodisbot::cpuAxisRange(input);
        QCOMPARE(range.min, 0.0);
        QCOMPARE(range.max, max);
        QCOMPARE(range.tickInterval, tick);
        QCOMPARE(range.divisor, 1.0);
        QCOMPARE(range.unit, QStringLiteral("%"));
    }

    void memoryAxisRange_data()
    {
        QTest::addColumn<double>("limit");
        QTest::addColumn<QList<double>>("values");
        QTest::addColumn<double>("max");
        QTest::addColumn<double>("tick");
        QTest::addColumn<QString>("unit");

        QTest::newRow("4 GiB limit")
            << 4096.0 << QList<double>{1000, 2600} << 4.0 << 1.0 << QStringLiteral("GiB");
        QTest::newRow("1 GiB limit")
            << 1024.0 << QList<double>{300} << 1024.0 << 256.0 << QStringLiteral("MiB");
        QTest::newRow("2 GiB limit in MiB")
            << 2048.0 << QList<double>{} << 2048.0 << 512.0 << QStringLiteral("MiB");
        QTest::newRow("1536 MiB limit")
            << 1536.0 << QList<double>{700} << 1536.0 << 512.0 << QStringLiteral("MiB");
        QTest::newRow("10 GiB limit")
            << 10240.0 << QList<double>{9000} << 10.0 << 2.5 << QStringLiteral("GiB");
        QTest::newRow("32 GiB limit")
            << 32768.0 << QList<double>{} << 32.0 << 10.0 << QStringLiteral("GiB");
        // Unknown limit: peak + 25 % headroom, rounded up to a tick.
        QTest::newRow("adaptive small")
            << 0.0 << QList<double>{200, 300} << 384.0 << 128.0 << QStringLiteral("MiB");
        QTest::newRow("adaptive large")
            << 0.0 << QList<double>{2300} << 3.0 << 1.0 << QStringLiteral("GiB");
        QTest::newRow("adaptive no data")
            << 0.0 << QList<double>{} << 1024.0 << 256.0 << QStringLiteral("MiB");
        QTest::newRow("over the limit")
            << 1024.0 << QList<double>{1100} << 1536.0 << 512.0 << QStringLiteral("MiB");
    }
    void memoryAxisRange()
    {
        QFETCH(double, limit);
        QFETCH(QList<double>, values);
        QFETCH(double, max);
        QFETCH(double, tick);
        QFETCH(QString, unit);
        ChartInput input;
        input.memoryLimitMiB = limit;
        input.memoryMiB = series(values);
        const AxisRange range = Pterodisbot::memoryAxisRange(input);
        QCOMPARE(range.max, max);
        QCOMPARE(range.tickInterval, tick);
        QCOMPARE(range.unit, unit);
        QCOMPARE(range.divisor, unit == QStringLiteral("GiB") ? 1024.0 : 1.0);
        QCOMPARE(range.decimals, tick == std::floor(tick) ? 0 : 1);
        for (const double value : values) // never clipped
            QVERIFY(value / range.divisor <= range.max);
    }

    void timeAxisRange()
    {
        const TimeRange none = Pterodisbot::timeAxisRange(flatInput(0, 0, 0));
        QVERIFY(!none.labelled);
        QVERIFY(none.max > none.min);

        const TimeRange one = Pterodisbot::timeAxisRange(flatInput(1, 1, 1));
        QVERIFY(one.labelled);
        QCOMPARE(one.min, t0 - 5'000);
        QCOMPARE(one.max, t0 + 5'000);
        QCOMPARE(one.tickCount, 3);

        const TimeRange six = Pterodisbot::timeAxisRange(flatInput(6, 1, 1));
        QCOMPARE(six.min, t0);
        QCOMPARE(six.max, t0 + 50'000);
        QCOMPARE(six.tickCount, 6); // one label per sample

        QCOMPARE(Pterodisbot::timeAxisRange(flatInput(30, 1, 1)).tickCount, 7);
    }

    void niceStep_data()
    {
        QTest::addColumn<double>("raw");
        QTest::addColumn<double>("step");
        QTest::newRow("25") << 25.0 << 25.0;
        QTest::newRow("30") << 30.0 << 50.0;
        QTest::newRow("37.5") << 37.5 << 50.0;
        QTest::newRow("75") << 75.0 << 100.0;
        QTest::newRow("0.625") << 0.625 << 1.0;
        QTest::newRow("1.5") << 1.5 << 2.0;
        QTest::newRow("0") << 0.0 << 1.0;
    }
    void niceStep()
    {
        QFETCH(double, raw);
        QFETCH(double, step);
        QCOMPARE(Pterodisbot::niceStep(raw), step);
    }

    void tickCount_data()
    {
        QTest::addColumn<double>("max");
        QTest::addColumn<double>("interval");
        QTest::addColumn<int>("ticks");
        QTest::newRow("0-100 by 25") << 100.0 << 25.0 << 5;
        QTest::newRow("0-4 by 1") << 4.0 << 1.0 << 5;
        QTest::newRow("0-10 by 2.5") << 10.0 << 2.5 << 5;
        QTest::newRow("0-1536 by 512") << 1536.0 << 512.0 << 4;
        QTest::newRow("0-250 by 100: last tick below the top") << 250.0 << 100.0 << 3;
        QTest::newRow("0.1 steps: floating point") << 0.3 << 0.1 << 4;
        QTest::newRow("zero interval") << 100.0 << 0.0 << 1;
        QTest::newRow("empty range") << 0.0 << 25.0 << 1;
    }
    void tickCount()
    {
        QFETCH(double, max);
        QFETCH(double, interval);
        QFETCH(int, ticks);
        AxisRange range;
        range.max = max;
        range.tickInterval = interval;
        QCOMPARE(Pterodisbot::tickCount(range), ticks);
    }

    // A renderer draws one server after another: each move of its value axis must pass through
    // no state with more ticks than the axes at either end (QtCharts builds a label per tick).
    void transitionKeepsTicksFew_data()
    {
        QTest::addColumn<AxisRange>("from");
        QTest::addColumn<AxisRange>("to");
        QTest::newRow("8 GiB to 2048 MiB") << memoryRange(8192) << memoryRange(2048);
        QTest::newRow("2048 MiB to 8 GiB") << memoryRange(2048) << memoryRange(8192);
        QTest::newRow("32 GiB to 512 MiB") << memoryRange(32768) << memoryRange(512);
        QTest::newRow("adaptive 384 MiB to 12 GiB") << memoryRange(0, {300}) << memoryRange(12288);
        QTest::newRow("1 vCPU to 16 vCPU") << cpuRange(100) << cpuRange(1600);
        QTest::newRow("16 vCPU to 1 vCPU") << cpuRange(1600) << cpuRange(100);
        QTest::newRow("unchanged") << cpuRange(200) << cpuRange(200);
        QTest::newRow("default axis to 1 GiB") << AxisRange{} << memoryRange(1024);
    }
    void transitionKeepsTicksFew()
    {
        QFETCH(AxisRange, from);
        QFETCH(AxisRange, to);
        const double coarse = transitionTickInterval(from, to);
        // The order ChartPanel sets them: coarse interval (on the old range), new range, new
        // interval (the new axis itself).
        QVERIFY(Pterodisbot::tickCount(withInterval(from, coarse)) <= 2);
        QVERIFY(Pterodisbot::tickCount(withInterval(to, coarse)) <= 2);
    }

    void naiveOrderWouldExplode()
    {
        // What the transition interval prevents: the new range under the old interval.
        const AxisRange gib = memoryRange(8192);
        const AxisRange mib = memoryRange(2048);
        QCOMPARE(gib.unit, QStringLiteral("GiB"));
        QCOMPARE(mib.unit, QStringLiteral("MiB"));
        QCOMPARE(Pterodisbot::tickCount(withInterval(mib, gib.tickInterval)), 1025);
    }
};

QTEST_GUILESS_MAIN(TestChartScales)
#include "tst_chartscales.moc"
