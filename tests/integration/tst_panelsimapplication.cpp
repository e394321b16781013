// The panel simulator's application API: servers with their includes, external ids, nodes
// and their allocations.
// Raw Qt clients only (see PanelSimProbe.h).
#include "PanelSimProbe.h"

#include <QJsonArray>
#include <QTest>

#include "TestSupport.h"

using PterodisbotSim::PanelSimOptions;
using PterodisbotSim::PanelSimulator;
using namespace Pterodisbot::PanelSimTest;

class TestPanelSimApplication final : public PanelSimTestCase
{
    Q_OBJECT

private slots:
    void applicationApi()
    {
        PanelSimOptions options = manualOptions();
        options.seedFile = Pterodisbot::TestSupport::dataPath(QStringLiteral("sim/servers.json"));
        PanelSimulator sim;
        QVERIFY(sim.start(options));
        HttpResult r = get(sim, QStringLiteral("/api/application/servers?include=allocations,node"),
                           sim.applicationKey());
        QCOMPARE(r.status, 200);
        const QJsonArray data = r.json.value(QLatin1String("data")).toArray();
        QCOMPARE(data.size(), 5);
        const QJsonObject second =
            data.at(1).toObject().value(QLatin1String("attributes")).toObject();
        QCOMPARE(second.value(QLatin1String("id")).toInt(), 2);
        QCOMPARE(second.value(QLatin1String("node")).toInt(), 1);
        QCOMPARE(second.value(QLatin1String("external_id")).toString(),
                 QStringLiteral("valheim-1"));
        const QJsonObject rel = second.value(QLatin1String("relationships")).toObject();
        const QJsonArray allocations = rel.value(QLatin1String("allocations"))
                                           .toObject()
                                           .value(QLatin1String("data"))
                                           .toArray();
        QCOMPARE(allocations.size(), 2);
        const QJsonObject a0 =
            allocations.at(0).toObject().value(QLatin1String("attributes")).toObject();
        QCOMPARE(a0.value(QLatin1String("alias")).toString(),
                 QStringLiteral("valheim.example.com"));
        QVERIFY(a0.value(QLatin1String("assigned")).toBool());
        QVERIFY(!a0.contains(QLatin1String("ip_alias")));
        QVERIFY(allocations.at(1)
                    .toObject()
                    .value(QLatin1String("attributes"))
                    .toObject()
                    .value(QLatin1String("alias"))
                    .isNull());
        QCOMPARE(rel.value(QLatin1String("node"))
                     .toObject()
                     .value(QLatin1String("attributes"))
                     .toObject()
                     .value(QLatin1String("name"))
                     .toString(),
                 QStringLiteral("Frankfurt 1"));
        QCOMPARE(second.value(QLatin1String("allocation")).toInt(),
                 a0.value(QLatin1String("id")).toInt());

        // Without include there are no relationships; per_page has no cap of 100.
        r = get(sim, QStringLiteral("/api/application/servers?per_page=2&page=2"),
                sim.applicationKey());
        QCOMPARE(r.json.value(QLatin1String("data")).toArray().size(), 2);
        QVERIFY(!r.json.value(QLatin1String("data"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QLatin1String("attributes"))
                     .toObject()
                     .contains(QLatin1String("relationships")));

        r = get(sim, QStringLiteral("/api/application/servers/3"), sim.applicationKey());
        QCOMPARE(r.json.value(QLatin1String("attributes"))
                     .toObject()
                     .value(QLatin1String("identifier"))
                     .toString(),
                 QStringLiteral("9f8e7d6c"));
        r = get(sim, QStringLiteral("/api/application/servers/external/ark-island"),
                sim.applicationKey());
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QLatin1String("attributes"))
                     .toObject()
                     .value(QLatin1String("suspended"))
                     .toBool(),
                 true);
        QCOMPARE(
            get(sim, QStringLiteral("/api/application/servers/99"), sim.applicationKey()).status,
            404);
        QCOMPARE(
            get(sim, QStringLiteral("/api/application/servers/external/nope"), sim.applicationKey())
                .status,
            404);

        r = get(sim, QStringLiteral("/api/application/nodes"), sim.applicationKey());
        QCOMPARE(r.json.value(QLatin1String("data")).toArray().size(), 2);
        const QJsonObject node = r.json.value(QLatin1String("data"))
                                     .toArray()
                                     .at(1)
                                     .toObject()
                                     .value(QLatin1String("attributes"))
                                     .toObject();
        QCOMPARE(node.value(QLatin1String("fqdn")).toString(), QStringLiteral("hel2.example.com"));
        QCOMPARE(node.value(QLatin1String("daemon_listen")).toInt(), sim.wingsUrl().port());
        r = get(sim, QStringLiteral("/api/application/nodes/2/allocations"), sim.applicationKey());
        QCOMPARE(r.status, 200);
        // Three assigned to servers plus three free ones.
        QCOMPARE(r.json.value(QLatin1String("data")).toArray().size(), 6);
        QCOMPARE(
            get(sim, QStringLiteral("/api/application/nodes/9/allocations"), sim.applicationKey())
                .status,
            404);
    }
};

QTEST_GUILESS_MAIN(TestPanelSimApplication)
#include "tst_panelsimapplication.moc"
