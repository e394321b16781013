// The simulated Wings websocket: auth, stats and status events, token lifetime, the auth
// throttle, the origin check, and sockets closed for unknown servers and down nodes.
// Raw Qt clients only (see PanelSimProbe.h).
#include "PanelSimProbe.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>
#include <QWebSocket>

using PterodisbotSim::PanelSimOptions;
using PterodisbotSim::PanelSimulator;
using namespace Pterodisbot::PanelSimTest;

namespace {

//! Asks for stats and waits for the answer: a sentinel behind everything the simulator sent
//! before (one ordered socket), so what did NOT come before it will not come at all.
bool roundTrip(WingsProbe &probe)
{
    const qsizetype before = probe.events().count(QStringLiteral("stats"));
    probe.send(QStringLiteral("send stats"));
    return QTest::qWaitFor([&] { return probe.events().count(QStringLiteral("stats")) > before; },
                           10000);
}

} // namespace

class TestPanelSimWings final : public PanelSimTestCase
{
    Q_OBJECT

private slots:
    void wingsAuthStatsAndStatus()
    {
        PanelSimOptions options = manualOptions();
        options.statsIntervalMs = 1000;
        PanelSimulator sim;
        QVERIFY(sim.start(options));
        const QString running = serverIn(sim, QStringLiteral("running"));
        const HttpResult ws = get(
            sim, QStringLiteral("/api/client/servers/%1/websocket").arg(running), sim.clientKey());
        QCOMPARE(ws.status, 200);
        const QJsonObject data = ws.json.value(QLatin1String("data")).toObject();
        QVERIFY(!data.value(QLatin1String("token")).toString().isEmpty());
        QCOMPARE(data.value(QLatin1String("socket")).toString(),
                 sim.wingsUrl().toString() + QStringLiteral("/api/servers/") +
                     sim.serverUuid(running) + QStringLiteral("/ws"));

        WingsProbe probe(sim.panelUrl().toString());
        QVERIFY(connectWings(sim, probe, running));
        QVERIFY(waitForEvent(probe, QStringLiteral("status")));
        QCOMPARE(probe.takeEvents(),
                 (QStringList{QStringLiteral("auth success"), QStringLiteral("status")}));
        QCOMPARE(probe.last(QStringLiteral("status"))
                     .value(QLatin1String("args"))
                     .toArray()
                     .at(0)
                     .toString(),
                 QStringLiteral("running"));
        sim.tick(1000);
        QVERIFY(waitForEvent(probe, QStringLiteral("stats")));
        const QJsonValue arg =
            probe.last(QStringLiteral("stats")).value(QLatin1String("args")).toArray().at(0);
        QVERIFY(arg.isString()); // a JSON document inside a string
        const QJsonObject stats = QJsonDocument::fromJson(arg.toString().toUtf8()).object();
        QCOMPARE(stats.value(QLatin1String("state")).toString(), QStringLiteral("running"));
        QCOMPARE(stats.value(QLatin1String("cpu_absolute")).toDouble(), sim.serverCpu(running));
        QVERIFY(stats.value(QLatin1String("memory_limit_bytes")).toInteger() >= 0);
        QVERIFY(
            stats.value(QLatin1String("network")).toObject().contains(QLatin1String("rx_bytes")));
        QCOMPARE(stats.value(QLatin1String("uptime")).toInteger(), sim.serverUptimeMs(running));

        // Status on change, with a last zero stats when it goes offline.
        probe.takeEvents();
        QCOMPARE(power(sim, running, R"({"signal":"kill"})").status, 204);
        QVERIFY(waitForEvent(probe, QStringLiteral("stats")));
        QCOMPARE(probe.takeEvents(),
                 (QStringList{QStringLiteral("status"), QStringLiteral("stats")}));
        // No stats for an offline server, but "send stats" answers at once. The answer is also
        // the sentinel: whatever the tick sent is ahead of it on the one ordered socket.
        sim.tick(3000);
        probe.send(QStringLiteral("send stats"));
        QVERIFY(waitForEvent(probe, QStringLiteral("stats")));
        QCOMPARE(probe.takeEvents(), QStringList{QStringLiteral("stats")});
        // "set state" drives the same state machine.
        probe.takeEvents();
        probe.send(QStringLiteral("set state"), {QStringLiteral("start")});
        QTRY_COMPARE(sim.serverState(running), QStringLiteral("starting"));

        // An offline server gets one stats right after the first auth.
        const QString offline = serverIn(sim, QStringLiteral("offline"));
        WingsProbe second(sim.panelUrl().toString());
        QVERIFY(connectWings(sim, second, offline));
        QVERIFY(waitForEvent(second, QStringLiteral("stats")));
        QCOMPARE(second.events(), (QStringList{QStringLiteral("auth success"),
                                               QStringLiteral("status"), QStringLiteral("stats")}));
    }

    void wingsTokenLifetime()
    {
        PanelSimOptions options = manualOptions();
        options.tokenLifetimeMs = 10000;
        options.tokenExpiringWarningMs = 3000;
        options.statsIntervalMs = 1000;
        PanelSimulator sim;
        QVERIFY(sim.start(options));
        const QString id = serverIn(sim, QStringLiteral("running"));
        WingsProbe probe(sim.panelUrl().toString());
        QVERIFY(connectWings(sim, probe, id));
        QVERIFY(waitForEvent(probe, QStringLiteral("status")));
        probe.takeEvents();

        sim.tick(6000);
        QVERIFY(waitForEvent(probe, QStringLiteral("stats")));
        QVERIFY(roundTrip(probe));
        QVERIFY(!probe.events().contains(QStringLiteral("token expiring")));
        sim.tick(1000); // 3 s left
        QVERIFY(waitForEvent(probe, QStringLiteral("token expiring")));
        sim.tick(1000);
        QVERIFY(roundTrip(probe));
        QCOMPARE(probe.events().count(QStringLiteral("token expiring")), 1);
        probe.takeEvents();
        sim.tick(2000); // expired
        QVERIFY(waitForEvent(probe, QStringLiteral("token expired")));
        probe.takeEvents();
        probe.send(QStringLiteral("send stats"));
        QVERIFY(waitForEvent(probe, QStringLiteral("jwt error")));
        QCOMPARE(probe.last(QStringLiteral("jwt error"))
                     .value(QLatin1String("args"))
                     .toArray()
                     .at(0)
                     .toString(),
                 QStringLiteral("jwt: exp claim is invalid"));
        QVERIFY(!probe.takeEvents().contains(QStringLiteral("stats")));
        // Pushed events become jwt errors too.
        sim.tick(1000);
        QVERIFY(waitForEvent(probe, QStringLiteral("jwt error")));
        QVERIFY(!probe.takeEvents().contains(QStringLiteral("stats")));

        // A fresh token revives the same socket.
        const HttpResult ws =
            get(sim, QStringLiteral("/api/client/servers/%1/websocket").arg(id), sim.clientKey());
        probe.send(QStringLiteral("auth"), {ws.json.value(QLatin1String("data"))
                                                .toObject()
                                                .value(QLatin1String("token"))
                                                .toString()});
        QVERIFY(waitForEvent(probe, QStringLiteral("auth success")));
        probe.takeEvents();
        sim.tick(1000);
        QVERIFY(waitForEvent(probe, QStringLiteral("stats")));
        QVERIFY(!probe.takeEvents().contains(QStringLiteral("jwt error")));

        // Garbage tokens are refused.
        WingsProbe intruder(sim.panelUrl().toString());
        QSignalSpy connected(&intruder.socket, &QWebSocket::connected);
        intruder.socket.open(QUrl(sim.wingsUrl().toString() + QStringLiteral("/api/servers/") +
                                  sim.serverUuid(id) + QStringLiteral("/ws")));
        QVERIFY(connected.wait(5000));
        intruder.send(QStringLiteral("auth"), {QStringLiteral("not.a.token")});
        QVERIFY(waitForEvent(intruder, QStringLiteral("jwt error")));
        QVERIFY(!intruder.events().contains(QStringLiteral("auth success")));
    }

    void wingsAuthThrottle()
    {
        PanelSimOptions options = manualOptions();
        options.wingsAuthThrottle = true;
        PanelSimulator sim;
        QVERIFY(sim.start(options));
        const QString id = sim.serverIdentifiers().first();
        WingsProbe probe(sim.panelUrl().toString());
        QVERIFY(connectWings(sim, probe, id)); // first auth of the burst of two
        QVERIFY(waitForEvent(probe, QStringLiteral("status")));
        probe.takeEvents();
        const HttpResult ws =
            get(sim, QStringLiteral("/api/client/servers/%1/websocket").arg(id), sim.clientKey());
        const QString token = ws.json.value(QLatin1String("data"))
                                  .toObject()
                                  .value(QLatin1String("token"))
                                  .toString();
        probe.send(QStringLiteral("auth"), {token});
        QVERIFY(waitForEvent(probe, QStringLiteral("auth success")));
        probe.takeEvents();
        probe.send(QStringLiteral("auth"), {token});
        QVERIFY(waitForEvent(probe, QStringLiteral("throttled")));
        QCOMPARE(probe.last(QStringLiteral("throttled"))
                     .value(QLatin1String("args"))
                     .toArray()
                     .at(0)
                     .toString(),
                 QStringLiteral("auth"));
        probe.takeEvents();
        sim.tick(5000); // one more attempt earned
        probe.send(QStringLiteral("auth"), {token});
        QVERIFY(waitForEvent(probe, QStringLiteral("auth success")));
    }

    void wingsRefusesWrongOrigin_data()
    {
        QTest::addColumn<QString>("origin");
        QTest::newRow("none") << QString();
        QTest::newRow("other site") << QStringLiteral("http://evil.example.com");
    }
    void wingsRefusesWrongOrigin()
    {
        QFETCH(QString, origin);
        PanelSimulator sim;
        QVERIFY(sim.start(manualOptions()));
        const QString id = sim.serverIdentifiers().first();
        QWebSocket socket(origin);
        QSignalSpy connected(&socket, &QWebSocket::connected);
        QSignalSpy disconnected(&socket, &QWebSocket::disconnected);
        socket.open(QUrl(sim.wingsUrl().toString() + QStringLiteral("/api/servers/") +
                         sim.serverUuid(id) + QStringLiteral("/ws")));
        QVERIFY(disconnected.wait(5000));
        QCOMPARE(connected.size(), 0);
        QCOMPARE(sim.wingsSessionCount(), 0);
    }

    void wingsClosesUnknownServersAndDownNodes()
    {
        PanelSimulator sim;
        QVERIFY(sim.start(manualOptions()));
        QWebSocket unknown(sim.panelUrl().toString());
        QSignalSpy unknownClosed(&unknown, &QWebSocket::disconnected);
        unknown.open(QUrl(sim.wingsUrl().toString() +
                          QStringLiteral("/api/servers/00000000-0000-4000-8000-000000000000/ws")));
        QVERIFY(unknownClosed.wait(5000));

        const QString id = serverIn(sim, QStringLiteral("running"));
        WingsProbe probe(sim.panelUrl().toString());
        QVERIFY(connectWings(sim, probe, id));
        QVERIFY(waitForEvent(probe, QStringLiteral("auth success")));
        QTRY_COMPARE(sim.wingsSessionCount(), 1);
        QSignalSpy dropped(&probe.socket, &QWebSocket::disconnected);
        sim.setNodeDown(sim.serverNodeId(id), true);
        QVERIFY(dropped.wait(5000));
        QTRY_COMPARE(sim.wingsSessionCount(), 0);

        // While the node is down, new sockets die at once.
        QWebSocket again(sim.panelUrl().toString());
        QSignalSpy againDropped(&again, &QWebSocket::disconnected);
        again.open(QUrl(sim.wingsUrl().toString() + QStringLiteral("/api/servers/") +
                        sim.serverUuid(id) + QStringLiteral("/ws")));
        QVERIFY(againDropped.wait(5000));
        QCOMPARE(sim.wingsSessionCount(), 0);
        sim.setNodeDown(sim.serverNodeId(id), false);

        WingsProbe third(sim.panelUrl().toString());
        QVERIFY(connectWings(sim, third, id));
        QVERIFY(waitForEvent(third, QStringLiteral("auth success")));
        QSignalSpy thirdDropped(&third.socket, &QWebSocket::disconnected);
        sim.dropWingsConnections();
        QVERIFY(thirdDropped.wait(5000));
    }
};

QTEST_GUILESS_MAIN(TestPanelSimWings)
#include "tst_panelsimwings.moc"
