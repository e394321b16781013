#include "bot/MetricsHistory.h"

#include <QTest>

using namespace Pterodisbot;

namespace {

const QDateTime start = QDateTime::fromSecsSinceEpoch(1'700'000'000, Qt::UTC);
constexpr qint64 mib = 1024 * 1024;

ResourceSample sample(int second, double cpu, qint64 memoryMiB = 512,
                      PowerState state = PowerState::Running)
{
    ResourceSample s;
    s.timestamp = start.addSecs(second);
    s.state = state;
    s.cpuAbsolute = cpu;
    s.memoryBytes = memoryMiB * mib;
    return s;
}

QList<double> cpuValues(const QList<ResourceSample> &samples)
{
    QList<double> values;
    for (const ResourceSample &s : samples)
        values.append(s.cpuAbsolute);
    return values;
}

} // namespace

class TestMetricsHistory final : public QObject
{
    Q_OBJECT

private slots:
    void keepsTheNewestSamples_data()
    {
        QTest::addColumn<int>("length");
        QTest::addColumn<int>("added");
        QTest::addColumn<QList<double>>("expected");
        QTest::newRow("default, fewer than full") << 0 << 4 << QList<double>{0, 1, 2, 3};
        QTest::newRow("default, exactly full") << 0 << 6 << QList<double>{0, 1, 2, 3, 4, 5};
        QTest::newRow("default, wrapped") << 0 << 10 << QList<double>{4, 5, 6, 7, 8, 9};
        QTest::newRow("length 3, wrapped twice") << 3 << 8 << QList<double>{5, 6, 7};
        QTest::newRow("length 1") << 1 << 5 << QList<double>{4};
        QTest::newRow("length 0 means 1") << -5 << 2 << QList<double>{1};
    }
    void keepsTheNewestSamples()
    {
        QFETCH(int, length);
        QFETCH(int, added);
        QFETCH(QList<double>, expected);
        MetricsHistory history = length == 0 ? MetricsHistory() : MetricsHistory(length);
        for (int i = 0; i < added; ++i)
            QVERIFY(history.add(QStringLiteral("a1b2c3d4"), sample(i * 10, i)));
        QCOMPARE(history.sampleCount(QStringLiteral("a1b2c3d4")), expected.size());
        QCOMPARE(cpuValues(history.samples(QStringLiteral("a1b2c3d4"))), expected);
        QCOMPARE(history.latest(QStringLiteral("a1b2c3d4"))->cpuAbsolute, expected.last());
    }

    void defaultLengthIsSix() { QCOMPARE(MetricsHistory().length(), 6); }

    void setLengthKeepsTheNewest()
    {
        MetricsHistory history(6);
        const QString id = QStringLiteral("srv");
        for (int i = 0; i < 8; ++i)
            history.add(id, sample(i, i));
        history.setLength(3);
        QCOMPARE(cpuValues(history.samples(id)), (QList<double>{5, 6, 7}));
        history.add(id, sample(8, 8));
        QCOMPARE(cpuValues(history.samples(id)), (QList<double>{6, 7, 8}));
        history.setLength(5);
        QCOMPARE(cpuValues(history.samples(id)), (QList<double>{6, 7, 8}));
        history.add(id, sample(9, 9));
        history.add(id, sample(10, 10));
        history.add(id, sample(11, 11));
        QCOMPARE(cpuValues(history.samples(id)), (QList<double>{7, 8, 9, 10, 11}));
    }

    void serversAreIndependent()
    {
        MetricsHistory history(2);
        history.add(QStringLiteral("a"), sample(0, 1));
        history.add(QStringLiteral("b"), sample(0, 100));
        history.add(QStringLiteral("a"), sample(10, 2));
        history.add(QStringLiteral("a"), sample(20, 3));
        QCOMPARE(cpuValues(history.samples(QStringLiteral("a"))), (QList<double>{2, 3}));
        QCOMPARE(cpuValues(history.samples(QStringLiteral("b"))), (QList<double>{100}));
        QCOMPARE(history.sampleCount(QStringLiteral("unknown")), 0);
        QVERIFY(history.latest(QStringLiteral("unknown")) == nullptr);
        QVERIFY(history.samples(QStringLiteral("unknown")).isEmpty());
    }

    void recordsRunningServersOnly_data()
    {
        QTest::addColumn<int>("state");
        QTest::newRow("offline") << int(PowerState::Offline);
        QTest::newRow("starting") << int(PowerState::Starting);
        QTest::newRow("stopping") << int(PowerState::Stopping);
        QTest::newRow("unknown") << int(PowerState::Unknown);
    }
    void recordsRunningServersOnly()
    {
        QFETCH(int, state);
        MetricsHistory history;
        const QString id = QStringLiteral("srv");

        // A server that never ran has no history at all.
        QVERIFY(!history.add(id, sample(0, 50, 512, PowerState(state))));
        QVERIFY(!history.contains(id));

        for (int i = 1; i <= 3; ++i)
            QVERIFY(history.add(id, sample(i * 10, i)));
        QCOMPARE(history.sampleCount(id), 3);

        // Leaving Running clears the history, so a restart never draws across the stop.
        QVERIFY(!history.add(id, sample(40, 0, 0, PowerState(state))));
        QVERIFY(!history.contains(id));
        QCOMPARE(history.sampleCount(id), 0);
        QCOMPARE(history.cpuStats(id).count, 0);

        QVERIFY(history.add(id, sample(50, 77)));
        QCOMPARE(cpuValues(history.samples(id)), (QList<double>{77}));
    }

    void ignoresSamplesOlderThanTheNewest()
    {
        MetricsHistory history;
        const QString id = QStringLiteral("srv");
        QVERIFY(history.add(id, sample(20, 1)));
        QVERIFY(!history.add(id, sample(10, 2)));
        QVERIFY(history.add(id, sample(20, 3))); // same second from the other source: kept
        QVERIFY(history.add(id, sample(30, 4)));
        QCOMPARE(cpuValues(history.samples(id)), (QList<double>{1, 3, 4}));
    }

    // One panel reading served twice (its 20 s cache; a menu pick less than 2 s before a
    // cycle) is one sample: a graph needs two distinct readings, never a reading and itself.
    void aRepeatedReadingIsStoredOnce()
    {
        MetricsHistory history;
        const QString id = QStringLiteral("srv");
        ResourceSample first = sample(0, 40);
        first.uptimeMs = 3'600'000;
        first.networkRxBytes = 1000;
        QVERIFY(history.add(id, first));
        ResourceSample again = first;
        again.timestamp = first.timestamp.addMSecs(1500);
        QVERIFY(!history.add(id, again));
        QCOMPARE(history.sampleCount(id), 1);
        ResourceSample next = again;
        next.uptimeMs += 1500; // a real new measurement: the uptime moved
        QVERIFY(history.add(id, next));
        QCOMPARE(history.sampleCount(id), 2);
        // Without an uptime (some panels send 0) identical figures are not proof of a repeat.
        QVERIFY(history.add(QStringLiteral("other"), sample(0, 5)));
        QVERIFY(history.add(QStringLiteral("other"), sample(1, 5)));
        QCOMPARE(history.sampleCount(QStringLiteral("other")), 2);
    }

    void dropsServersThatVanished()
    {
        MetricsHistory history;
        for (const char *id : {"a", "b", "c", "d"})
            history.add(QString::fromLatin1(id), sample(0, 1));
        QCOMPARE(history.retainOnly(
                     {QStringLiteral("b"), QStringLiteral("d"), QStringLiteral("never-sampled")}),
                 2);
        QList<QString> ids = history.serverIds();
        std::sort(ids.begin(), ids.end());
        QCOMPARE(ids, (QList<QString>{QStringLiteral("b"), QStringLiteral("d")}));
        QVERIFY(!history.contains(QStringLiteral("never-sampled")));

        QCOMPARE(history.retainOnly({}), 2);
        QVERIFY(history.serverIds().isEmpty());

        history.add(QStringLiteral("e"), sample(0, 1));
        history.remove(QStringLiteral("e"));
        QVERIFY(!history.contains(QStringLiteral("e")));
        history.add(QStringLiteral("f"), sample(0, 1));
        history.clear();
        QVERIFY(history.serverIds().isEmpty());
    }

    void seriesStats_data()
    {
        QTest::addColumn<QList<double>>("values");
        QTest::addColumn<double>("absolute");
        QTest::addColumn<double>("relative");
        QTest::addColumn<double>("min");
        QTest::addColumn<double>("max");
        QTest::addColumn<double>("avg");
        QTest::addColumn<double>("change");
        QTest::addColumn<int>("trend");

        const int steady = int(Trend::Steady);
        const int rising = int(Trend::Rising);
        const int falling = int(Trend::Falling);
        QTest::newRow("empty") << QList<double>{} << 5.0 << 0.0 << 0.0 << 0.0 << 0.0 << 0.0
                               << steady;
        QTest::newRow("one value")
            << QList<double>{42} << 5.0 << 0.0 << 42.0 << 42.0 << 42.0 << 0.0 << steady;
        QTest::newRow("flat") << QList<double>{30, 30, 30, 30} << 5.0 << 0.0 << 30.0 << 30.0 << 30.0
                              << 0.0 << steady;
        QTest::newRow("linear rise") << QList<double>{10, 20, 30, 40, 50, 60} << 5.0 << 0.0 << 10.0
                                     << 60.0 << 35.0 << 50.0 << rising;
        QTest::newRow("linear fall") << QList<double>{60, 50, 40, 30, 20, 10} << 5.0 << 0.0 << 10.0
                                     << 60.0 << 35.0 << -50.0 << falling;
        QTest::newRow("rise within absolute threshold")
            << QList<double>{10, 11, 12, 13, 14} << 5.0 << 0.0 << 10.0 << 14.0 << 12.0 << 4.0
            << steady;
        QTest::newRow("rise just over absolute threshold")
            << QList<double>{10, 13} << 2.9 << 0.0 << 10.0 << 13.0 << 11.5 << 3.0 << rising;
        // 3 points on 1000: under 10 % of the average, so steady although above the floor.
        QTest::newRow("relative threshold wins") << QList<double>{1000, 1050, 1100} << 5.0 << 0.10
                                                 << 1000.0 << 1100.0 << 1050.0 << 100.0 << steady;
        QTest::newRow("relative threshold exceeded")
            << QList<double>{1000, 1100, 1200} << 5.0 << 0.10 << 1000.0 << 1200.0 << 1100.0 << 200.0
            << rising;
        // A single spike in the middle is not a trend: the fit is flat.
        QTest::newRow("spike") << QList<double>{10, 10, 90, 10, 10} << 5.0 << 0.0 << 10.0 << 90.0
                               << 26.0 << 0.0 << steady;
        QTest::newRow("noisy fall") << QList<double>{80, 85, 60, 65, 40, 45} << 5.0 << 0.0 << 40.0
                                    << 85.0 << 62.5 << (-152.5 / 17.5 * 5) << falling;
    }
    void seriesStats()
    {
        QFETCH(QList<double>, values);
        QFETCH(double, absolute);
        QFETCH(double, relative);
        QFETCH(double, min);
        QFETCH(double, max);
        QFETCH(double, avg);
        QFETCH(double, change);
        QFETCH(int, trend);

        const SeriesStats direct =
            SeriesStats::compute(values.constData(), int(values.size()), {absolute, relative});
        QCOMPARE(direct.count, values.size());
        QCOMPARE(direct.min, min);
        QCOMPARE(direct.max, max);
        QCOMPARE(direct.avg, avg);
        QVERIFY2(qAbs(direct.change - change) < 1e-9, qPrintable(QString::number(direct.change)));
        QCOMPARE(int(direct.trend), trend);
        QCOMPARE(direct.last, values.isEmpty() ? 0.0 : values.last());

        // The history computes the same figures from its ring, for CPU and memory (MiB).
        MetricsHistory history(std::max<int>(1, int(values.size())));
        history.setCpuTrendThreshold({absolute, relative});
        history.setMemoryTrendThreshold({absolute, relative});
        const QString id = QStringLiteral("srv");
        history.add(id, sample(-100, 999, 999)); // pushed out when the ring is full
        for (int i = 0; i < values.size(); ++i) {
            ResourceSample s = sample(i * 10, values[i]);
            s.memoryBytes = qint64(values[i] * mib);
            history.add(id, s);
        }
        if (values.isEmpty())
            history.clear();
        for (const SeriesStats &stats : {history.cpuStats(id), history.memoryStats(id)}) {
            QCOMPARE(stats.count, values.size());
            QCOMPARE(stats.min, min);
            QCOMPARE(stats.max, max);
            QCOMPARE(stats.avg, avg);
            QVERIFY(qAbs(stats.change - change) < 1e-9);
            QCOMPARE(int(stats.trend), trend);
        }
    }

    void defaultThresholds()
    {
        // CPU: 5 points or 10 %; memory: 32 MiB or 5 %.
        MetricsHistory history;
        const QString id = QStringLiteral("srv");
        history.add(id, sample(0, 20, 4000));
        history.add(id, sample(10, 24, 4150));
        QCOMPARE(history.cpuStats(id).trend, Trend::Steady);    // +4 < 5
        QCOMPARE(history.memoryStats(id).trend, Trend::Steady); // +150 < 5 % of 4075
        history.add(id, sample(20, 28, 4600));
        QCOMPARE(history.cpuStats(id).trend, Trend::Rising);    // +8 > 5
        QCOMPARE(history.memoryStats(id).trend, Trend::Rising); // +600 > 5 % of 4250
        QCOMPARE(trendName(Trend::Rising), QStringLiteral("rising"));
        QCOMPARE(trendName(Trend::Falling), QStringLiteral("falling"));
        QCOMPARE(trendName(Trend::Steady), QStringLiteral("steady"));
    }

    void chartInputContents()
    {
        MetricsHistory history(3);
        const QString id = QStringLiteral("a1b2c3d4");
        for (int i = 0; i < 4; ++i)
            history.add(id, sample(i * 10, 50.0 + i, 1024 + 256 * i));
        ServerLimits limits;
        limits.cpuPercent = 200;
        limits.memoryMiB = 4096;
        const ChartInput input = history.chartInput(id, QStringLiteral("Survival"), limits);
        QCOMPARE(input.title, QStringLiteral("Survival"));
        QCOMPARE(input.cpuLimitPercent, 200);
        QCOMPARE(input.memoryLimitMiB, 4096.0);
        const double t0 = double(start.toMSecsSinceEpoch());
        QCOMPARE(input.cpuPercent,
                 (QList<QPointF>{{t0 + 10'000, 51}, {t0 + 20'000, 52}, {t0 + 30'000, 53}}));
        QCOMPARE(input.memoryMiB,
                 (QList<QPointF>{{t0 + 10'000, 1280}, {t0 + 20'000, 1536}, {t0 + 30'000, 1792}}));

        // Unlimited servers and unknown servers: limits 0, no points, never a crash.
        const ChartInput empty =
            history.chartInput(QStringLiteral("gone"), QStringLiteral("Gone"), ServerLimits{});
        QCOMPARE(empty.title, QStringLiteral("Gone"));
        QCOMPARE(empty.cpuLimitPercent, 0);
        QCOMPARE(empty.memoryLimitMiB, 0.0);
        QVERIFY(empty.cpuPercent.isEmpty());
        QVERIFY(empty.memoryMiB.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestMetricsHistory)
#include "tst_metricshistory.moc"
