// The Discord simulator's gateway over the wire: HELLO / IDENTIFY / READY / GUILD_CREATE, close
// codes, the payload rate limit, zlib-stream, server-controlled events and the IDENTIFY throttle.
// Driven with raw QWebSocket / QNetworkAccessManager and zlib (DiscordSimProbe), never with the
// bot's own client code.

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

#include "DiscordSimProbe.h"
#include "DiscordSimulator.h"

using namespace PterodisbotSim;
using namespace Pterodisbot::DiscordSimProbe;

class TestDiscordSimGateway final : public QObject
{
    Q_OBJECT

private slots:
    void helloIdentifyReadyGuildCreate();
    void gatewayCloseCodes_data();
    void gatewayCloseCodes();
    void gatewayPayloadRateLimit();
    void zlibStreamFramesInflateToJson();
    void serverControlledEvents();
    void identifyThrottleAndEarlyDispatches();
};

void TestDiscordSimGateway::helloIdentifyReadyGuildCreate()
{
    DiscordSimOptions options;
    options.heartbeatIntervalMs = 1234;
    DiscordSimulator sim;
    QVERIFY2(sim.start(options), qPrintable(sim.errorString()));
    QCOMPARE(sim.gatewayUrl().scheme(), QStringLiteral("ws"));
    QCOMPARE(sim.gatewayUrl().host(), QStringLiteral("127.0.0.1"));
    QVERIFY(!sim.botToken().isEmpty());
    QCOMPARE(sim.botToken().count(QLatin1Char('.')), 2);
    QSignalSpy identified(&sim, &DiscordSimulator::clientIdentified);

    GatewayClient client;
    client.open(sim.gatewayUrl());
    const QJsonObject hello = client.waitFor(10);
    QCOMPARE(hello.value(QStringLiteral("d"))
                 .toObject()
                 .value(QStringLiteral("heartbeat_interval"))
                 .toInt(),
             1234);
    QVERIFY(hello.value(QStringLiteral("s")).isNull());

    client.send(op(1, QJsonValue(QJsonValue::Null)));
    QVERIFY(!client.waitFor(11).isEmpty());

    client.identify(sim.botToken());
    const QJsonObject ready = client.waitFor(0, QStringLiteral("READY"));
    QCOMPARE(ready.value(QStringLiteral("s")).toInt(), 1);
    const QJsonObject readyData = ready.value(QStringLiteral("d")).toObject();
    QCOMPARE(readyData.value(QStringLiteral("v")).toInt(), 10);
    QCOMPARE(readyData.value(QStringLiteral("session_id")).toString(), sim.currentSessionId());
    QCOMPARE(readyData.value(QStringLiteral("resume_gateway_url")).toString(),
             sim.gatewayUrl().toString());
    const QJsonObject user = readyData.value(QStringLiteral("user")).toObject();
    QCOMPARE(user.value(QStringLiteral("id")).toString(), sim.botUserId());
    QVERIFY(user.value(QStringLiteral("bot")).toBool());
    QVERIFY(!user.value(QStringLiteral("username")).toString().isEmpty());
    QVERIFY(user.value(QStringLiteral("discriminator")).isString());
    const QJsonArray guilds = readyData.value(QStringLiteral("guilds")).toArray();
    QCOMPARE(guilds.size(), 1);
    QCOMPARE(guilds.at(0).toObject().value(QStringLiteral("id")).toString(), sim.guildId());
    QVERIFY(guilds.at(0).toObject().value(QStringLiteral("unavailable")).toBool());
    const QJsonObject application = readyData.value(QStringLiteral("application")).toObject();
    QCOMPARE(application.value(QStringLiteral("id")).toString(), sim.applicationId());
    QVERIFY(application.contains(QStringLiteral("flags")));

    const QJsonObject guildCreate = client.waitFor(0, QStringLiteral("GUILD_CREATE"));
    QCOMPARE(guildCreate.value(QStringLiteral("s")).toInt(), 2);
    const QJsonObject guild = guildCreate.value(QStringLiteral("d")).toObject();
    QCOMPARE(guild.value(QStringLiteral("id")).toString(), sim.guildId());
    QVERIFY(!guild.value(QStringLiteral("name")).toString().isEmpty());
    QVERIFY(guild.value(QStringLiteral("members")).isArray());
    QStringList channelIds;
    for (const QJsonValue &channel : guild.value(QStringLiteral("channels")).toArray()) {
        QCOMPARE(channel.toObject().value(QStringLiteral("type")).toInt(), 0);
        channelIds.append(channel.toObject().value(QStringLiteral("id")).toString());
    }
    QCOMPARE(channelIds, sim.channelIds());
    QStringList roleNames;
    for (const QJsonValue &role : guild.value(QStringLiteral("roles")).toArray()) {
        roleNames.append(role.toObject().value(QStringLiteral("name")).toString());
        QVERIFY(role.toObject().value(QStringLiteral("permissions")).isString());
    }
    QCOMPARE(roleNames, (QStringList{QStringLiteral("@everyone"), QStringLiteral("Server Admin")}));
    QCOMPARE(identified.count(), 1);
    QCOMPARE(sim.identifyCount(), 1);
    QCOMPARE(sim.gatewayConnectionCount(), 1);

    // Dispatches continue the session's sequence.
    sim.dispatch(QStringLiteral("TEST_EVENT"), {{QStringLiteral("n"), 1}});
    QCOMPARE(client.waitFor(0, QStringLiteral("TEST_EVENT")).value(QStringLiteral("s")).toInt(), 3);
    QCOMPARE(sim.receivedGatewayPayloads().size(), 2);
    QCOMPARE(sim.receivedGatewayPayloads().at(1).value(QStringLiteral("op")).toInt(), 2);
}

void TestDiscordSimGateway::gatewayCloseCodes_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QByteArrayList>("frames"); // "%TOKEN%" becomes the bot token
    QTest::addColumn<int>("closeCode");

    const QByteArray identify =
        R"({"op":2,"d":{"token":"%TOKEN%","intents":1,"properties":{"os":"linux","browser":"t","device":"t"}}})";
    const QByteArray v10 = "v=10&encoding=json";
    QTest::newRow("bad token") << QString::fromLatin1(v10)
                               << QByteArrayList{QByteArray(identify).replace("%TOKEN%", "wrong")}
                               << 4004;
    QTest::newRow("privileged intent")
        << QString::fromLatin1(v10)
        << QByteArrayList{QByteArray(identify).replace("\"intents\":1", "\"intents\":32769")}
        << 4014;
    QTest::newRow("second identify")
        << QString::fromLatin1(v10) << QByteArrayList{identify, identify} << 4005;
    QTest::newRow("payload before identify")
        << QString::fromLatin1(v10) << QByteArrayList{R"({"op":3,"d":{"status":"online"}})"}
        << 4003;
    QTest::newRow("invalid json") << QString::fromLatin1(v10) << QByteArrayList{"{not json"}
                                  << 4002;
    QTest::newRow("payload over 4096 bytes")
        << QString::fromLatin1(v10)
        << QByteArrayList{R"({"op":1,"d":null,"x":")" + QByteArray(4100, 'a') + R"("})"} << 4002;
    QTest::newRow("unknown opcode after identify")
        << QString::fromLatin1(v10) << QByteArrayList{identify, R"({"op":42,"d":null})"} << 4001;
    QTest::newRow("api version 9")
        << QStringLiteral("v=9&encoding=json") << QByteArrayList{} << 4012;
    QTest::newRow("etf encoding") << QStringLiteral("v=10&encoding=etf") << QByteArrayList{}
                                  << 4002;
}

void TestDiscordSimGateway::gatewayCloseCodes()
{
    QFETCH(QString, query);
    QFETCH(QByteArrayList, frames);
    QFETCH(int, closeCode);
    DiscordSimulator sim;
    QVERIFY(sim.start());
    GatewayClient client;
    client.open(sim.gatewayUrl(), query);
    if (!frames.isEmpty())
        QVERIFY(!client.waitFor(10).isEmpty());
    for (QByteArray frame : frames)
        client.socket.sendTextMessage(
            QString::fromUtf8(frame.replace("%TOKEN%", sim.botToken().toUtf8())));
    QVERIFY(client.waitClosed());
    QCOMPARE(client.closeCode, closeCode);
}

void TestDiscordSimGateway::gatewayPayloadRateLimit()
{
    DiscordSimulator sim;
    QVERIFY(sim.start());
    GatewayClient client;
    client.open(sim.gatewayUrl());
    QVERIFY(!client.waitFor(10).isEmpty());
    for (int i = 0; i < 120; ++i)
        client.send(op(1, QJsonValue(QJsonValue::Null)));
    // 120 heartbeats are within the limit: all are acknowledged.
    QTRY_COMPARE_WITH_TIMEOUT(client.payloads.size(), 121, waitMs);
    QVERIFY(!client.closed);
    client.send(op(1, QJsonValue(QJsonValue::Null)));
    QVERIFY(client.waitClosed());
    QCOMPARE(client.closeCode, 4008);
}

void TestDiscordSimGateway::zlibStreamFramesInflateToJson()
{
    DiscordSimulator sim;
    QVERIFY(sim.start());
    GatewayClient client(true);
    client.open(sim.gatewayUrl());
    QVERIFY(!client.waitFor(10).isEmpty());
    client.identify(sim.botToken());
    QVERIFY(!client.waitFor(0, QStringLiteral("GUILD_CREATE")).isEmpty());
    for (int i = 0; i < 5; ++i)
        sim.dispatch(QStringLiteral("REPEATED"),
                     {{QStringLiteral("text"), QString(200, QLatin1Char('x'))}});
    QTRY_COMPARE_WITH_TIMEOUT(client.payloads.size(), 8, waitMs);
    QVERIFY(!client.inflateFailed);
    QCOMPARE(client.frames.size(), 8); // every payload is one binary frame
    for (const QByteArray &frame : std::as_const(client.frames))
        QVERIFY(frame.endsWith(QByteArray("\x00\x00\xff\xff", 4)));
    // One shared deflate context: a repeated payload compresses to far less than the first.
    QVERIFY(client.frames.last().size() < client.frames.at(3).size() / 2);
    QCOMPARE(client.payloads.last().value(QStringLiteral("s")).toInt(), 7);
}

void TestDiscordSimGateway::serverControlledEvents()
{
    DiscordSimulator sim;
    QVERIFY(sim.start());
    GatewayClient client;
    client.open(sim.gatewayUrl());
    QVERIFY(!client.waitFor(10).isEmpty());
    client.identify(sim.botToken());
    QVERIFY(!client.waitFor(0, QStringLiteral("READY")).isEmpty());

    sim.sendHeartbeatRequest();
    QVERIFY(!client.waitFor(1).isEmpty());
    sim.sendReconnect();
    QVERIFY(!client.waitFor(7).isEmpty());
    sim.sendInvalidSession(true);
    QCOMPARE(client.waitFor(9).value(QStringLiteral("d")).toBool(false), true);

    sim.setAckSilence(true);
    const int before = client.payloads.size();
    const qsizetype received = sim.receivedGatewayPayloads().size();
    client.send(op(1, 2));
    // The simulator has read the beat while silent (and not answered it, as checked below).
    QTRY_VERIFY_WITH_TIMEOUT(sim.receivedGatewayPayloads().size() > received, waitMs);
    sim.setAckSilence(false);
    client.send(op(1, 2));
    QTRY_VERIFY_WITH_TIMEOUT(client.payloads.size() >= before + 1, waitMs);
    // A sentinel behind the ACK on the one ordered socket: an ACK of the silenced beat would
    // have arrived before it.
    sim.sendHeartbeatRequest();
    QTRY_VERIFY_WITH_TIMEOUT(client.payloads.size() >= before + 2, waitMs);
    QCOMPARE(client.payloads.size(), before + 2);
    QCOMPARE(client.payloads.at(before).value(QStringLiteral("op")).toInt(), 11);
    QCOMPARE(client.payloads.at(before + 1).value(QStringLiteral("op")).toInt(), 1);

    sim.closeGateway(4000, QStringLiteral("test"));
    QVERIFY(client.waitClosed());
    QCOMPARE(client.closeCode, 4000);

    // HELLO can be held back to test connect timeouts.
    sim.setNextHelloDelayMs(300);
    GatewayClient late;
    QElapsedTimer timer;
    timer.start();
    late.open(sim.gatewayUrl());
    QVERIFY(!late.waitFor(10).isEmpty());
    QVERIFY(timer.elapsed() >= 250);
}

void TestDiscordSimGateway::identifyThrottleAndEarlyDispatches()
{
    DiscordSimOptions options;
    options.identifyMinIntervalMs = 5000;
    DiscordSimulator sim;
    QVERIFY(sim.start(options));
    // A dispatch before any session waits for the first READY.
    sim.dispatch(QStringLiteral("EARLY"), {});
    auto first = identifiedClient(sim);
    QVERIFY(first);
    QCOMPARE(first->waitFor(0, QStringLiteral("EARLY")).value(QStringLiteral("s")).toInt(), 3);

    GatewayClient second;
    second.open(sim.gatewayUrl());
    QVERIFY(!second.waitFor(10).isEmpty());
    second.identify(sim.botToken());
    QCOMPARE(second.waitFor(9).value(QStringLiteral("d")).toBool(true), false);
    QCOMPARE(sim.identifyCount(), 1);
    sim.advanceClock(5000);
    second.identify(sim.botToken());
    QVERIFY(!second.waitFor(0, QStringLiteral("READY")).isEmpty());
    QCOMPARE(sim.identifyCount(), 2);
}

QTEST_GUILESS_MAIN(TestDiscordSimGateway)
#include "tst_discordsimgateway.moc"
