#include "bot/UpdatePolicy.h"

#include <limits>

#include <QTest>

using namespace Pterodisbot;

namespace {
const QString kServer = QStringLiteral("1a2b3c4d");
} // namespace

class TestUpdatePolicy final : public QObject
{
    Q_OBJECT

private slots:
    // One row per situation: what the embed showed, how long ago, what the panel says now.
    void decides_data()
    {
        QTest::addColumn<bool>("known");
        QTest::addColumn<int>("shownState");
        QTest::addColumn<double>("shownCpu");
        QTest::addColumn<qint64>("ageMs");
        QTest::addColumn<int>("state");
        QTest::addColumn<double>("cpu");
        QTest::addColumn<bool>("edit");
        QTest::addColumn<int>("reason");
        using S = PowerState;
        using R = UpdatePolicy::Reason;
        const int run = int(S::Running);
        const int off = int(S::Offline);
        // clang-format off
        QTest::newRow("first check running")   << false << run << 0.0 << qint64(0) << run << 12.0 << true << int(R::FirstCheck);
        QTest::newRow("first check offline")   << false << run << 0.0 << qint64(0) << off << 0.0 << true << int(R::FirstCheck);
        QTest::newRow("nothing changed")       << true << run << 20.0 << qint64(10'000) << run << 20.0 << false << int(R::Unchanged);
        QTest::newRow("small cpu change")      << true << run << 20.0 << qint64(10'000) << run << 49.0 << false << int(R::Unchanged);
        QTest::newRow("running -> offline")    << true << run << 20.0 << qint64(10'000) << off << 0.0 << true << int(R::StateChanged);
        QTest::newRow("offline -> starting")   << true << off << 0.0 << qint64(10'000) << int(S::Starting) << 0.0 << true << int(R::StateChanged);
        QTest::newRow("starting -> running")   << true << int(S::Starting) << 5.0 << qint64(10'000) << run << 5.0 << true << int(R::StateChanged);
        QTest::newRow("running -> stopping")   << true << run << 5.0 << qint64(10'000) << int(S::Stopping) << 5.0 << true << int(R::StateChanged);
        QTest::newRow("running -> unknown")    << true << run << 5.0 << qint64(10'000) << int(S::Unknown) << 0.0 << true << int(R::StateChanged);
        QTest::newRow("delta exactly 50 up")   << true << run << 10.0 << qint64(10'000) << run << 60.0 << false << int(R::Unchanged);
        QTest::newRow("delta exactly 50 down") << true << run << 60.0 << qint64(10'000) << run << 10.0 << false << int(R::Unchanged);
        QTest::newRow("delta 50.01 up")        << true << run << 10.0 << qint64(10'000) << run << 60.01 << true << int(R::CpuDelta);
        QTest::newRow("delta 50.01 down")      << true << run << 60.01 << qint64(10'000) << run << 10.0 << true << int(R::CpuDelta);
        QTest::newRow("multi-core jump")       << true << run << 100.0 << qint64(10'000) << run << 380.0 << true << int(R::CpuDelta);
        QTest::newRow("age just below 600 s")  << true << run << 20.0 << qint64(599'999) << run << 20.0 << false << int(R::Unchanged);
        QTest::newRow("age exactly 600 s")     << true << run << 20.0 << qint64(600'000) << run << 20.0 << true << int(R::ForcedRefresh);
        QTest::newRow("age well past")         << true << off << 0.0 << qint64(3'600'000) << off << 0.0 << true << int(R::ForcedRefresh);
        QTest::newRow("state beats cpu")       << true << run << 0.0 << qint64(10'000) << off << 400.0 << true << int(R::StateChanged);
        QTest::newRow("state beats age")       << true << run << 0.0 << qint64(900'000) << off << 0.0 << true << int(R::StateChanged);
        QTest::newRow("cpu beats age")         << true << run << 0.0 << qint64(900'000) << run << 90.0 << true << int(R::CpuDelta);
        QTest::newRow("NaN cpu is zero")       << true << run << 0.0 << qint64(10'000) << run << std::numeric_limits<double>::quiet_NaN() << false << int(R::Unchanged);
        QTest::newRow("NaN cpu vs high shown") << true << run << 80.0 << qint64(10'000) << run << std::numeric_limits<double>::quiet_NaN() << true << int(R::CpuDelta);
        // clang-format on
    }
    void decides()
    {
        QFETCH(bool, known);
        QFETCH(int, shownState);
        QFETCH(double, shownCpu);
        QFETCH(qint64, ageMs);
        QFETCH(int, state);
        QFETCH(double, cpu);
        QFETCH(bool, edit);
        QFETCH(int, reason);

        ManualClock clock;
        clock.advance(1'000'000);
        UpdatePolicy policy(&clock);
        if (known)
            policy.markEdited(kServer, PowerState(shownState), shownCpu);
        clock.advance(ageMs);

        const UpdatePolicy::Decision evaluated = policy.evaluate(kServer, PowerState(state), cpu);
        QCOMPARE(evaluated.edit, edit);
        QCOMPARE(UpdatePolicy::reasonName(evaluated.reason),
                 UpdatePolicy::reasonName(UpdatePolicy::Reason(reason)));
        // evaluate() recorded nothing: decide() sees the same situation.
        const UpdatePolicy::Decision decided = policy.decide(kServer, PowerState(state), cpu);
        QCOMPARE(decided.edit, edit);
        QCOMPARE(decided.reason, evaluated.reason);
        // After an edit the new values are what the embed shows, so the same input is quiet.
        if (edit)
            QCOMPARE(policy.decide(kServer, PowerState(state), cpu).edit, false);
    }

    void configurableThresholds_data()
    {
        QTest::addColumn<double>("threshold");
        QTest::addColumn<qint64>("forcedMs");
        QTest::addColumn<double>("cpu");
        QTest::addColumn<qint64>("ageMs");
        QTest::addColumn<int>("reason");
        using R = UpdatePolicy::Reason;
        QTest::newRow("threshold 10, delta 10")
            << 10.0 << qint64(60'000) << 30.0 << qint64(1'000) << int(R::Unchanged);
        QTest::newRow("threshold 10, delta 11")
            << 10.0 << qint64(60'000) << 31.0 << qint64(1'000) << int(R::CpuDelta);
        QTest::newRow("forced 60 s, at 60 s")
            << 10.0 << qint64(60'000) << 20.0 << qint64(60'000) << int(R::ForcedRefresh);
        QTest::newRow("forced 60 s, at 59 s")
            << 10.0 << qint64(60'000) << 20.0 << qint64(59'000) << int(R::Unchanged);
        QTest::newRow("threshold 0, any move")
            << 0.0 << qint64(60'000) << 20.5 << qint64(1'000) << int(R::CpuDelta);
        QTest::newRow("negative threshold is 0")
            << -5.0 << qint64(60'000) << 20.0 << qint64(1'000) << int(R::Unchanged);
        QTest::newRow("forced 0 = every cycle")
            << 50.0 << qint64(0) << 20.0 << qint64(0) << int(R::ForcedRefresh);
    }
    void configurableThresholds()
    {
        QFETCH(double, threshold);
        QFETCH(qint64, forcedMs);
        QFETCH(double, cpu);
        QFETCH(qint64, ageMs);
        QFETCH(int, reason);
        ManualClock clock;
        UpdatePolicy policy(&clock, {threshold, forcedMs});
        policy.markEdited(kServer, PowerState::Running, 20.0);
        clock.advance(ageMs);
        QCOMPARE(
            UpdatePolicy::reasonName(policy.evaluate(kServer, PowerState::Running, cpu).reason),
            UpdatePolicy::reasonName(UpdatePolicy::Reason(reason)));
    }

    void settingsAreClamped()
    {
        UpdatePolicy policy(nullptr, {-1.0, -5});
        QCOMPARE(policy.settings().cpuDeltaThreshold, 0.0);
        QCOMPARE(policy.settings().forcedRefreshMs, qint64(0));
        policy.setSettings({});
        QCOMPARE(policy.settings().cpuDeltaThreshold, 50.0);
        QCOMPARE(policy.settings().forcedRefreshMs, qint64(600'000));
    }

    // The shown CPU only moves on edits, so a slow drift adds up until it is worth one.
    void driftAccumulatesAgainstShownValue()
    {
        ManualClock clock;
        UpdatePolicy policy(&clock);
        QCOMPARE(policy.decide(kServer, PowerState::Running, 0).reason,
                 UpdatePolicy::Reason::FirstCheck);
        for (double cpu : {20.0, 40.0, 50.0}) {
            clock.advance(10'000);
            QVERIFY(!policy.decide(kServer, PowerState::Running, cpu).edit);
        }
        clock.advance(10'000);
        QCOMPARE(policy.decide(kServer, PowerState::Running, 51).reason,
                 UpdatePolicy::Reason::CpuDelta);
        clock.advance(10'000);
        QVERIFY(!policy.decide(kServer, PowerState::Running, 90).edit);
    }

    // A steady server is edited once per forced-refresh period, counted from its last edit.
    void forcedRefreshCountsFromLastEdit()
    {
        ManualClock clock;
        UpdatePolicy policy(&clock);
        policy.decide(kServer, PowerState::Running, 10);
        int edits = 0;
        for (int cycle = 0; cycle < 360; ++cycle) { // one hour of 10 s cycles
            clock.advance(10'000);
            const PowerState state = cycle < 29 ? PowerState::Running : PowerState::Stopping;
            const UpdatePolicy::Decision decision = policy.decide(kServer, state, 10);
            if (cycle == 29) // state change at 300 s restarts the age
                QCOMPARE(decision.reason, UpdatePolicy::Reason::StateChanged);
            else if (decision.edit)
                ++edits;
        }
        // Forced refreshes at 900, 1500, 2100, 2700, 3300 s after the state change at 300 s.
        QCOMPARE(edits, 5);
    }

    void forgetMakesFirstCheck()
    {
        ManualClock clock;
        UpdatePolicy policy(&clock);
        const QString other = QStringLiteral("deadbeef");
        policy.decide(kServer, PowerState::Running, 10);
        policy.decide(other, PowerState::Offline, 0);
        QCOMPARE(policy.size(), 2);
        QVERIFY(!policy.decide(kServer, PowerState::Running, 10).edit);

        policy.forget(kServer);
        QVERIFY(!policy.knows(kServer));
        QVERIFY(policy.knows(other));
        QCOMPARE(policy.decide(kServer, PowerState::Running, 10).reason,
                 UpdatePolicy::Reason::FirstCheck);
        QVERIFY(!policy.decide(other, PowerState::Offline, 0).edit);

        policy.forgetAll();
        QCOMPARE(policy.size(), 0);
        QCOMPARE(policy.decide(other, PowerState::Offline, 0).reason,
                 UpdatePolicy::Reason::FirstCheck);
    }

    void serversAreIndependent()
    {
        ManualClock clock;
        UpdatePolicy policy(&clock);
        const QString other = QStringLiteral("deadbeef");
        policy.decide(kServer, PowerState::Running, 10);
        policy.decide(other, PowerState::Running, 10);
        QCOMPARE(policy.decide(kServer, PowerState::Offline, 0).reason,
                 UpdatePolicy::Reason::StateChanged);
        QVERIFY(!policy.decide(other, PowerState::Running, 10).edit);
    }
};

QTEST_GUILESS_MAIN(TestUpdatePolicy)
#include "tst_updatepolicy.moc"
