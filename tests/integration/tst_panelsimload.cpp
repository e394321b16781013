// The panel simulator's world: simulated load, its seeds, the seed file, the /resources
// cache and a thousand servers.
// Raw Qt clients only (see PanelSimProbe.h).
#include "PanelSimProbe.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QTest>

#include "TestSupport.h"

using PterodisbotSim::PanelSimOptions;
using PterodisbotSim::PanelSimulator;
using namespace Pterodisbot::PanelSimTest;

class TestPanelSimLoad final : public PanelSimTestCase
{
    Q_OBJECT

private slots:
    void simulatedLoad()
    {
        PanelSimulator sim;
        QVERIFY(sim.start(manualOptions(16)));
        QSet<int> cpuLimits;
        for (const auto &id : sim.serverIdentifiers()) {
            const HttpResult r =
                get(sim, QStringLiteral("/api/client/servers/") + id, sim.clientKey());
            const int cpuLimit = r.json.value(QLatin1String("attributes"))
                                     .toObject()
                                     .value(QLatin1String("limits"))
                                     .toObject()
                                     .value(QLatin1String("cpu"))
                                     .toInt();
            cpuLimits.insert(cpuLimit);
            if (sim.serverState(id) != QLatin1String("running"))
                continue;
            const qint64 uptimeBefore = sim.serverUptimeMs(id);
            for (int i = 0; i < 30; ++i) {
                sim.tick(1000);
                const double cpu = sim.serverCpu(id);
                QVERIFY(cpu > 0);
                QVERIFY2(cpu <= (cpuLimit > 0 ? cpuLimit : 400), qPrintable(QString::number(cpu)));
            }
            QVERIFY(sim.serverUptimeMs(id) >= uptimeBefore + 30000);
        }
        // Multi-core and unlimited servers are part of the mix.
        QVERIFY(cpuLimits.contains(200));
        QVERIFY(cpuLimits.contains(400));
        QVERIFY(cpuLimits.contains(0));

        const QString id = serverIn(sim, QStringLiteral("running"));
        const HttpResult r =
            get(sim, QStringLiteral("/api/client/servers/%1/resources").arg(id), sim.clientKey());
        const QJsonObject res = r.json.value(QLatin1String("attributes"))
                                    .toObject()
                                    .value(QLatin1String("resources"))
                                    .toObject();
        QCOMPARE(res.value(QLatin1String("cpu_absolute")).toDouble(), sim.serverCpu(id));
        QCOMPARE(res.value(QLatin1String("memory_bytes")).toInteger(), sim.serverMemoryBytes(id));
        QVERIFY(res.value(QLatin1String("network_rx_bytes")).toInteger() > 0);
        QVERIFY(res.value(QLatin1String("disk_bytes")).toInteger() > 0);
        QCOMPARE(res.value(QLatin1String("uptime")).toInteger(), sim.serverUptimeMs(id));

        // Offline reported as "stopped" when asked to.
        const QString offline = serverIn(sim, QStringLiteral("offline"));
        sim.setReportStopped(offline, true);
        const HttpResult stopped = get(
            sim, QStringLiteral("/api/client/servers/%1/resources").arg(offline), sim.clientKey());
        QCOMPARE(stopped.json.value(QLatin1String("attributes"))
                     .toObject()
                     .value(QLatin1String("current_state"))
                     .toString(),
                 QStringLiteral("stopped"));
    }

    void loadIsDeterministicPerSeed()
    {
        auto trace = [](quint32 seed) {
            PanelSimOptions options = manualOptions(6);
            options.randomSeed = seed;
            PanelSimulator sim;
            sim.start(options);
            QList<double> cpu;
            for (int i = 0; i < 20; ++i) {
                sim.tick(1000);
                for (const auto &id : sim.serverIdentifiers())
                    cpu.append(sim.serverCpu(id));
            }
            return qMakePair(sim.serverIdentifiers(), cpu);
        };
        const auto a = trace(7);
        const auto b = trace(7);
        const auto c = trace(8);
        QCOMPARE(a.first, b.first);
        QCOMPARE(a.second, b.second);
        QVERIFY(a.first != c.first);
        QVERIFY(a.second != c.second);
    }

    void seedFile()
    {
        PanelSimOptions options = manualOptions();
        options.seedFile = Pterodisbot::TestSupport::dataPath(QStringLiteral("sim/servers.json"));
        PanelSimulator sim;
        QVERIFY2(sim.start(options), qPrintable(sim.errorString()));
        QCOMPARE(sim.serverIdentifiers(),
                 (QStringList{QStringLiteral("1a7ce997"), QStringLiteral("5b2e4c1d"),
                              QStringLiteral("9f8e7d6c"), QStringLiteral("c3d4e5f6"),
                              QStringLiteral("e1f2a3b4")}));
        QCOMPARE(sim.serverState(QStringLiteral("1a7ce997")), QStringLiteral("running"));
        QCOMPARE(sim.serverState(QStringLiteral("9f8e7d6c")), QStringLiteral("offline"));
        QCOMPARE(sim.nodeCount(), 2);
        HttpResult r = get(sim, QStringLiteral("/api/client/servers/1a7ce997"), sim.clientKey());
        const QJsonObject attributes = r.json.value(QLatin1String("attributes")).toObject();
        QCOMPARE(attributes.value(QLatin1String("name")).toString(), QStringLiteral("Survival"));
        QCOMPARE(attributes.value(QLatin1String("node")).toString(), QStringLiteral("Frankfurt 1"));
        const QJsonObject allocation = attributes.value(QLatin1String("relationships"))
                                           .toObject()
                                           .value(QLatin1String("allocations"))
                                           .toObject()
                                           .value(QLatin1String("data"))
                                           .toArray()
                                           .at(0)
                                           .toObject()
                                           .value(QLatin1String("attributes"))
                                           .toObject();
        QCOMPARE(allocation.value(QLatin1String("ip_alias")).toString(),
                 QStringLiteral("mc.example.com"));
        QCOMPARE(allocation.value(QLatin1String("port")).toInt(), 25565);
        QVERIFY(allocation.value(QLatin1String("is_default")).toBool());
        // The suspended seed server answers 409 to power.
        QCOMPARE(power(sim, QStringLiteral("e1f2a3b4"), R"({"signal":"start"})").status, 409);
    }

    // Pterodactyl caches /resources for 20 s per server: a state change shows only when the
    // entry expires, and an answer comes from the cache even while the node is down.
    void resourcesAreCachedTwentySeconds()
    {
        PanelSimOptions options = manualOptions();
        options.startingDurationMs = 1000;
        options.resourcesCacheMs = PterodisbotSim::kPanelResourcesCacheMs;
        PanelSimulator sim;
        QVERIFY(sim.start(options));
        const QString id = serverIn(sim, QStringLiteral("offline"));
        const QString other = serverIn(sim, QStringLiteral("running"));
        QVERIFY(!id.isEmpty() && !other.isEmpty());
        const auto state = [&](const QString &server) {
            const HttpResult r =
                get(sim, QStringLiteral("/api/client/servers/%1/resources").arg(server),
                    sim.clientKey());
            return r.status == 200
                       ? r.json[QLatin1String("attributes")][QLatin1String("current_state")]
                             .toString()
                       : QString::number(r.status);
        };
        QCOMPARE(state(id), QStringLiteral("offline"));
        QCOMPARE(power(sim, id, R"({"signal":"start"})").status, 204);
        sim.tick(1000);
        QCOMPARE(sim.serverState(id), QStringLiteral("running"));
        QCOMPARE(state(id), QStringLiteral("offline"));    // cached at t = 0
        QCOMPARE(state(other), QStringLiteral("running")); // per server: its own entry
        sim.tick(18999);
        QCOMPARE(state(id), QStringLiteral("offline"));
        sim.tick(1);
        QCOMPARE(state(id), QStringLiteral("running")); // 20 s: fresh, and cached again

        sim.setNodeDown(sim.serverNodeId(id), true);
        QCOMPARE(state(id), QStringLiteral("running"));
        sim.tick(20000);
        QCOMPARE(state(id), QStringLiteral("504")); // a failure is not remembered...
        sim.setNodeDown(sim.serverNodeId(id), false);
        QCOMPARE(state(id), QStringLiteral("running")); // ...so the next answer is fresh

        // Without the cache (the default) every answer is fresh.
        PanelSimulator uncached;
        QVERIFY(uncached.start(manualOptions()));
        const QString server = serverIn(uncached, QStringLiteral("offline"));
        const HttpResult before =
            get(uncached, QStringLiteral("/api/client/servers/%1/resources").arg(server),
                uncached.clientKey());
        QCOMPARE(
            before.json[QLatin1String("attributes")][QLatin1String("current_state")].toString(),
            QStringLiteral("offline"));
        QCOMPARE(power(uncached, server, R"({"signal":"start"})").status, 204);
        const HttpResult after =
            get(uncached, QStringLiteral("/api/client/servers/%1/resources").arg(server),
                uncached.clientKey());
        QCOMPARE(after.json[QLatin1String("attributes")][QLatin1String("current_state")].toString(),
                 QStringLiteral("starting"));
    }

    void thousandServers()
    {
        PanelSimOptions options = manualOptions(1000);
        PanelSimulator sim;
        QVERIFY(sim.start(options));
        QCOMPARE(sim.nodeCount(), 20);
        const HttpResult r =
            get(sim, QStringLiteral("/api/client?per_page=100&page=10"), sim.clientKey());
        QCOMPARE(r.json.value(QLatin1String("data")).toArray().size(), 100);
        QCOMPARE(r.json.value(QLatin1String("meta"))
                     .toObject()
                     .value(QLatin1String("pagination"))
                     .toObject()
                     .value(QLatin1String("total"))
                     .toInt(),
                 1000);
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < 100; ++i)
            sim.tick(1000);
        const qint64 tickMs = timer.elapsed();
        qInfo("100 ticks of 1000 servers: %lld ms", tickMs);
        // Linear, not quadratic, in the servers (about 1 s unloaded here would be 100× too
        // slow); generous because a loaded machine is several times slower. bench/ has figures.
        QVERIFY2(tickMs < 20000, qPrintable(QString::number(tickMs)));
        timer.restart();
        const QString last = sim.serverIdentifiers().last();
        for (int i = 0; i < 50; ++i) {
            QCOMPARE(get(sim, QStringLiteral("/api/client/servers/%1/resources").arg(last),
                         sim.clientKey())
                         .status,
                     200);
        }
        qInfo("50 /resources round trips with 1000 servers: %lld ms", timer.elapsed());
    }
};

QTEST_GUILESS_MAIN(TestPanelSimLoad)
#include "tst_panelsimload.moc"
