// The panel simulator's fault injection (failures, malformed bodies, rate-limit storms, down
// nodes, latency, hanging and dropped connections) and its request record.
// Raw Qt clients only (see PanelSimProbe.h).
#include "PanelSimProbe.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

using PterodisbotSim::PanelSimulator;
using namespace Pterodisbot::PanelSimTest;

class TestPanelSimFaults final : public PanelSimTestCase
{
    Q_OBJECT

private slots:
    void faultInjection()
    {
        PanelSimulator sim;
        QVERIFY(sim.start(manualOptions()));
        const QString a = sim.serverIdentifiers().at(0);
        const QString b = sim.serverIdentifiers().at(1);
        const auto resources = [&](const QString &id) {
            return get(sim, QStringLiteral("/api/client/servers/%1/resources").arg(id),
                       sim.clientKey());
        };

        sim.setFailure(504, a);
        HttpResult r = resources(a);
        QCOMPARE(r.status, 504);
        QCOMPARE(r.firstError().value(QLatin1String("status")).toString(), QStringLiteral("504"));
        QVERIFY(!r.headers.value("x-ratelimit-limit").isEmpty());
        QCOMPARE(resources(b).status, 200);
        sim.setFailure(0, a);
        QCOMPARE(resources(a).status, 200);
        sim.setFailure(502);
        QCOMPARE(resources(b).status, 502);
        QCOMPARE(get(sim, QStringLiteral("/api/client"), sim.clientKey()).status, 502);
        sim.setFailure(0);

        sim.setMalformedBodies(true, b);
        r = resources(b);
        QCOMPARE(r.status, 200);
        QJsonParseError parseError;
        QJsonDocument::fromJson(r.body, &parseError);
        QVERIFY(parseError.error != QJsonParseError::NoError);
        QCOMPARE(resources(a).json.value(QLatin1String("object")).toString(),
                 QStringLiteral("stats"));
        sim.setMalformedBodies(false);
        QCOMPARE(resources(b).json.value(QLatin1String("object")).toString(),
                 QStringLiteral("stats"));

        sim.setRateLimitStorm(true);
        r = resources(a);
        QCOMPARE(r.status, 429);
        QCOMPARE(r.headers.value("retry-after"), QByteArray("1"));
        sim.setRateLimitStorm(false);
        QCOMPARE(resources(a).status, 200);

        const int node = sim.serverNodeId(a);
        sim.setNodeDown(node, true);
        QCOMPARE(resources(a).status, 504);
        QCOMPARE(power(sim, a, R"({"signal":"start"})").status, 502);
        QCOMPARE(get(sim, QStringLiteral("/api/client/servers/") + a, sim.clientKey()).status, 200);
        sim.setNodeDown(node, false);
        QCOMPARE(resources(a).status, 200);

        sim.setLatency(150);
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(resources(a).status, 200);
        QVERIFY(timer.elapsed() >= 140);
        sim.setLatency(0);
    }

    void hangingAndDroppedConnections()
    {
        PanelSimulator sim;
        QVERIFY(sim.start(manualOptions()));
        const QString a = sim.serverIdentifiers().at(0);
        const QString b = sim.serverIdentifiers().at(1);
        QSignalSpy handled(&sim, &PanelSimulator::requestHandled);
        sim.setHanging(true, a);
        HttpResult r = request("GET",
                               QUrl(sim.panelUrl().toString() +
                                    QStringLiteral("/api/client/servers/%1/resources").arg(a)),
                               sim.clientKey(), {}, true, {}, 300);
        QVERIFY(!r.finished);
        QCOMPARE(
            get(sim, QStringLiteral("/api/client/servers/%1/resources").arg(b), sim.clientKey())
                .status,
            200);
        QVERIFY(!handled.isEmpty());
        QCOMPARE(handled.first().at(0).value<PterodisbotSim::PanelRequestRecord>().status, 0);

        // A held request dies with its connection (a raw socket: QNAM would resend it).
        QTcpSocket raw;
        raw.connectToHost(QHostAddress::LocalHost, quint16(sim.panelUrl().port()));
        QVERIFY(raw.waitForConnected(5000));
        raw.write("GET /api/client/servers/" + a.toLatin1() +
                  " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\n"
                  "Authorization: Bearer " +
                  sim.clientKey().toLatin1() + "\r\n\r\n");
        QTRY_COMPARE_WITH_TIMEOUT(sim.requests().size(), 3, 5000);
        QCOMPARE(sim.requests().last().status, 0);
        QSignalSpy closed(&raw, &QTcpSocket::disconnected);
        sim.dropHttpConnections();
        QVERIFY(closed.wait(5000));
        QCOMPARE(raw.bytesAvailable(), 0);
        sim.setHanging(false);
        QCOMPARE(
            get(sim, QStringLiteral("/api/client/servers/%1/resources").arg(a), sim.clientKey())
                .status,
            200);
    }

    void requestsAreRecorded()
    {
        PanelSimulator sim;
        QVERIFY(sim.start(manualOptions()));
        QSignalSpy handled(&sim, &PanelSimulator::requestHandled);
        get(sim, QStringLiteral("/api/client?page=2"), sim.clientKey());
        get(sim, QStringLiteral("/api/client/servers/deadbeef"), sim.clientKey());
        const auto records = sim.requests();
        QCOMPARE(records.size(), 2);
        QCOMPARE(handled.size(), 2);
        QCOMPARE(records.at(0).method, QStringLiteral("GET"));
        QCOMPARE(records.at(0).path, QStringLiteral("/api/client"));
        QCOMPARE(records.at(0).query, QStringLiteral("page=2"));
        QCOMPARE(records.at(0).status, 200);
        QCOMPARE(records.at(1).status, 404);
        QVERIFY(records.at(1).elapsedMs >= records.at(0).elapsedMs);
        sim.clearRequests();
        QVERIFY(sim.requests().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestPanelSimFaults)
#include "tst_panelsimfaults.moc"
