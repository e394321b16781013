// The panel simulator's power endpoint: the state machine, validation, conflicts of busy
// servers and nodes, the per-user rate limit, and the timer that drives it all.
// Raw Qt clients only (see PanelSimProbe.h).
#include "PanelSimProbe.h"

#include <QSignalSpy>
#include <QTest>

using PterodisbotSim::PanelSimOptions;
using PterodisbotSim::PanelSimulator;
using namespace Pterodisbot::PanelSimTest;

class TestPanelSimPower final : public PanelSimTestCase
{
    Q_OBJECT

private slots:
    void powerStateMachine()
    {
        PanelSimOptions options = manualOptions();
        options.startingDurationMs = 3000;
        options.stoppingDurationMs = 2000;
        PanelSimulator sim;
        QVERIFY(sim.start(options));
        const QString id = serverIn(sim, QStringLiteral("offline"));
        QVERIFY(!id.isEmpty());
        QSignalSpy changes(&sim, &PanelSimulator::serverStateChanged);

        HttpResult r = power(sim, id, R"({"signal":"start"})");
        QCOMPARE(r.status, 204);
        QVERIFY(r.body.isEmpty());
        QCOMPARE(sim.serverState(id), QStringLiteral("starting"));
        sim.tick(2999);
        QCOMPARE(sim.serverState(id), QStringLiteral("starting"));
        sim.tick(1);
        QCOMPARE(sim.serverState(id), QStringLiteral("running"));

        // A start of a running server is accepted and ignored.
        QCOMPARE(power(sim, id, R"({"signal":"start"})").status, 204);
        QCOMPARE(sim.serverState(id), QStringLiteral("running"));

        QCOMPARE(power(sim, id, R"({"signal":"stop"})").status, 204);
        QCOMPARE(sim.serverState(id), QStringLiteral("stopping"));
        sim.tick(1999);
        QCOMPARE(sim.serverState(id), QStringLiteral("stopping"));
        sim.tick(1);
        QCOMPARE(sim.serverState(id), QStringLiteral("offline"));

        sim.setServerState(id, QStringLiteral("running"));
        changes.clear();
        QCOMPARE(power(sim, sim.serverUuid(id), R"({"signal":"restart"})").status, 204);
        sim.tick(2000); // stopping -> offline -> starting
        sim.tick(3000); // starting -> running
        QStringList sequence;
        for (const auto &change : changes)
            sequence.append(change.at(1).toString());
        QCOMPARE(sequence, (QStringList{QStringLiteral("stopping"), QStringLiteral("offline"),
                                        QStringLiteral("starting"), QStringLiteral("running")}));
        QCOMPARE(changes.first().at(0).toString(), id);

        // A long tick runs a whole restart at once.
        QCOMPARE(power(sim, id, R"({"signal":"restart"})").status, 204);
        sim.tick(60000);
        QCOMPARE(sim.serverState(id), QStringLiteral("running"));

        QCOMPARE(power(sim, id, R"({"signal":"kill"})").status, 204);
        QCOMPARE(sim.serverState(id), QStringLiteral("offline"));
        const HttpResult res =
            get(sim, QStringLiteral("/api/client/servers/%1/resources").arg(id), sim.clientKey());
        const QJsonObject attributes = res.json.value(QLatin1String("attributes")).toObject();
        QCOMPARE(attributes.value(QLatin1String("current_state")).toString(),
                 QStringLiteral("offline"));
        const QJsonObject resources = attributes.value(QLatin1String("resources")).toObject();
        QCOMPARE(resources.value(QLatin1String("cpu_absolute")).toDouble(), 0.0);
        QCOMPARE(resources.value(QLatin1String("memory_bytes")).toInteger(), 0);
        QCOMPARE(resources.value(QLatin1String("uptime")).toInteger(), 0);
        QCOMPARE(resources.value(QLatin1String("network_rx_bytes")).toInteger(), 0);
    }

    void powerValidation_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("rule");
        QTest::newRow("bad signal")
            << QByteArray(R"({"signal":"explode"})") << 422 << QStringLiteral("in");
        QTest::newRow("numeric signal")
            << QByteArray(R"({"signal":1})") << 422 << QStringLiteral("in");
        QTest::newRow("no signal")
            << QByteArray(R"({"other":"start"})") << 422 << QStringLiteral("required");
        QTest::newRow("malformed") << QByteArray(R"({"signal":)") << 400 << QString();
    }
    void powerValidation()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, rule);
        PanelSimulator sim;
        QVERIFY(sim.start(manualOptions()));
        const QString id = sim.serverIdentifiers().first();
        const QString before = sim.serverState(id);
        const HttpResult r = power(sim, id, body);
        QCOMPARE(r.status, status);
        const QJsonObject error = r.firstError();
        QCOMPARE(error.value(QLatin1String("status")).toString(), QString::number(status));
        if (!rule.isEmpty()) {
            const QJsonObject meta = error.value(QLatin1String("meta")).toObject();
            QCOMPARE(meta.value(QLatin1String("rule")).toString(), rule);
            QCOMPARE(meta.value(QLatin1String("source_field")).toString(),
                     QStringLiteral("signal"));
        }
        QCOMPARE(sim.serverState(id), before);
    }

    void conflicts_data()
    {
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("detail");
        QTest::newRow("suspended")
            << QStringLiteral("suspended")
            << QStringLiteral("This server is currently suspended and the functionality "
                              "requested is unavailable.");
        QTest::newRow("installing")
            << QStringLiteral("installing")
            << QStringLiteral("This server has not yet completed its installation process, "
                              "please try again later.");
        QTest::newRow("restoring")
            << QStringLiteral("restoring_backup")
            << QStringLiteral("This server is currently restoring from a backup, please try "
                              "again later.");
        QTest::newRow("transferring")
            << QStringLiteral("transferring")
            << QStringLiteral("This server is currently being transferred to a new machine, "
                              "please try again later.");
        QTest::newRow("maintenance")
            << QStringLiteral("maintenance")
            << QStringLiteral("The node of this server is currently under maintenance and the "
                              "functionality requested is unavailable.");
    }
    void conflicts()
    {
        QFETCH(QString, status);
        QFETCH(QString, detail);
        PanelSimulator sim;
        QVERIFY(sim.start(manualOptions()));
        const QString id = sim.serverIdentifiers().first();
        const QString other = sim.serverIdentifiers().last();
        if (status == QLatin1String("maintenance"))
            sim.setNodeMaintenance(sim.serverNodeId(id), true);
        else
            sim.setServerStatus(id, status);
        HttpResult r = power(sim, id, R"({"signal":"restart"})");
        QCOMPARE(r.status, 409);
        QCOMPARE(r.firstError().value(QLatin1String("code")).toString(),
                 QStringLiteral("ConflictHttpException"));
        QCOMPARE(r.firstError().value(QLatin1String("detail")).toString(), detail);
        r = get(sim, QStringLiteral("/api/client/servers/%1/resources").arg(id), sim.clientKey());
        QCOMPARE(r.status, 409);
        // Viewing the server stays possible and shows why.
        r = get(sim, QStringLiteral("/api/client/servers/%1").arg(id), sim.clientKey());
        QCOMPARE(r.status, 200);
        const QJsonObject attributes = r.json.value(QLatin1String("attributes")).toObject();
        if (status == QLatin1String("suspended")) {
            QCOMPARE(attributes.value(QLatin1String("status")).toString(), status);
            QVERIFY(attributes.value(QLatin1String("is_suspended")).toBool());
        } else if (status == QLatin1String("maintenance")) {
            QVERIFY(attributes.value(QLatin1String("is_node_under_maintenance")).toBool());
        } else if (status == QLatin1String("transferring")) {
            QVERIFY(attributes.value(QLatin1String("is_transferring")).toBool());
        }
        if (status != QLatin1String("maintenance")) {
            // Only that server is affected.
            QCOMPARE(power(sim, other, R"({"signal":"start"})").status, 204);
            sim.setServerStatus(id, QString());
            QCOMPARE(power(sim, id, R"({"signal":"start"})").status, 204);
        }
    }

    void throttling()
    {
        PanelSimOptions options = manualOptions();
        options.clientRateLimit = 3;
        options.applicationRateLimit = 2;
        options.pelicanRateLimit = 3; // the Pelican key below shares the bucket at this limit
        options.rateLimitWindowMs = 2000;
        PanelSimulator sim;
        QVERIFY(sim.start(options));
        // Every key of one user shares one bucket.
        const QStringList keys{sim.clientKey(), sim.pelicanClientKey(), sim.clientKey()};
        for (int i = 0; i < 3; ++i) {
            const HttpResult r = get(sim, QStringLiteral("/api/client"), keys.at(i));
            QCOMPARE(r.status, 200);
            QCOMPARE(r.headers.value("x-ratelimit-limit"), QByteArray("3"));
            QCOMPARE(r.headers.value("x-ratelimit-remaining"), QByteArray::number(2 - i));
        }
        HttpResult r = get(sim, QStringLiteral("/api/client"), sim.pelicanClientKey());
        QCOMPARE(r.status, 429);
        QCOMPARE(r.firstError().value(QLatin1String("detail")).toString(),
                 QStringLiteral("Too Many Attempts."));
        QCOMPARE(r.headers.value("x-ratelimit-remaining"), QByteArray("0"));
        bool ok = false;
        const int retryAfter = r.headers.value("retry-after").toInt(&ok);
        QVERIFY(ok);
        QVERIFY2(retryAfter >= 1 && retryAfter <= 2, r.headers.value("retry-after").constData());
        const qint64 reset = r.headers.value("x-ratelimit-reset").toLongLong();
        QVERIFY(qAbs(reset - (QDateTime::currentSecsSinceEpoch() + retryAfter)) <= 1);

        // Other users and the application budget are separate.
        QCOMPARE(get(sim, QStringLiteral("/api/client"), sim.adminClientKey()).status, 200);
        r = get(sim, QStringLiteral("/api/application/servers"), sim.applicationKey());
        QCOMPARE(r.status, 200);
        QCOMPARE(r.headers.value("x-ratelimit-limit"), QByteArray("2"));
        QCOMPARE(get(sim, QStringLiteral("/api/application/nodes"), sim.applicationKey()).status,
                 200);
        QCOMPARE(get(sim, QStringLiteral("/api/application/nodes"), sim.applicationKey()).status,
                 429);

        // A new window opens when the old one ends.
        QTRY_COMPARE_WITH_TIMEOUT(get(sim, QStringLiteral("/api/client"), sim.clientKey()).status,
                                  200, 4000);
    }

    // Pelican keys meet Pelican's limits: its own budget per window on either API, and one of
    // its own on /websocket on top. Pterodactyl keys have neither.
    void pelicanLimits()
    {
        PanelSimOptions options = manualOptions();
        options.pelicanRateLimit = 8;
        options.pelicanWebsocketRateLimit = 2;
        PanelSimulator sim;
        QVERIFY(sim.start(options));
        const QString websocket =
            QStringLiteral("/api/client/servers/%1/websocket").arg(sim.serverIdentifiers().first());
        for (int i = 0; i < 2; ++i) {
            const HttpResult r = get(sim, websocket, sim.pelicanClientKey());
            QCOMPARE(r.status, 200);
            QCOMPARE(r.headers.value("x-ratelimit-limit"), QByteArray("2"));
        }
        HttpResult r = get(sim, websocket, sim.pelicanClientKey());
        QCOMPARE(r.status, 429);
        QVERIFY(r.headers.value("retry-after").toInt() >= 1);

        // The API budget still has room: other endpoints answer, under Pelican's limit.
        r = get(sim, QStringLiteral("/api/client"), sim.pelicanClientKey());
        QCOMPARE(r.status, 200);
        QCOMPARE(r.headers.value("x-ratelimit-limit"), QByteArray("8"));

        // A Pterodactyl key (another user): no /websocket budget, Pterodactyl's limit.
        for (int i = 0; i < 4; ++i)
            QCOMPARE(get(sim, websocket, sim.adminClientKey()).status, 200);
        QCOMPARE(get(sim, QStringLiteral("/api/client"), sim.adminClientKey())
                     .headers.value("x-ratelimit-limit"),
                 QByteArray("720"));
    }

    void timerDrivesTheWorld()
    {
        PanelSimOptions options;
        options.serverCount = 2;
        options.tickIntervalMs = 20;
        options.startingDurationMs = 100;
        PanelSimulator sim;
        QVERIFY(sim.start(options));
        const QString id = serverIn(sim, QStringLiteral("offline"));
        QVERIFY(!id.isEmpty() || sim.serverIdentifiers().size() == 2);
        const QString target = id.isEmpty() ? sim.serverIdentifiers().first() : id;
        sim.setServerState(target, QStringLiteral("offline"));
        QCOMPARE(power(sim, target, R"({"signal":"start"})").status, 204);
        QTRY_COMPARE_WITH_TIMEOUT(sim.serverState(target), QStringLiteral("running"), 5000);
    }
};

QTEST_GUILESS_MAIN(TestPanelSimPower)
#include "tst_panelsimpower.moc"
