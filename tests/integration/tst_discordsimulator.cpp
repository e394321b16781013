// The Discord simulator, driven over the wire with raw QWebSocket / QNetworkAccessManager and
// zlib, never with the bot's own client code.
#include <zlib.h>

#include <QHttpMultiPart>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QSslKey>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>
#include <QWebSocket>

#include "../support/TestSupport.h"
#include "DiscordSimulator.h"

using namespace PterodisbotSim;
using Pterodisbot::TestSupport::readData;

namespace {

constexpr int waitMs = 5000;
const QByteArray userAgent = "DiscordBot (https://example.invalid/tests, 1.0)";

//! A bare gateway client: records every payload (inflating zlib-stream) and the close code.
class GatewayClient
{
public:
    explicit GatewayClient(bool zlib = false, const QSslConfiguration *tls = nullptr)
        : m_zlib(zlib)
    {
        if (tls)
            socket.setSslConfiguration(*tls);
        m_inflate = {};
        inflateInit(&m_inflate);
        QObject::connect(&socket, &QWebSocket::textMessageReceived, &socket,
                         [this](const QString &text) { addPayload(text.toUtf8()); });
        QObject::connect(&socket, &QWebSocket::binaryMessageReceived, &socket,
                         [this](const QByteArray &frame) { onBinary(frame); });
        QObject::connect(&socket, &QWebSocket::disconnected, &socket, [this] {
            closeCode = int(socket.closeCode());
            closed = true;
        });
    }
    ~GatewayClient() { inflateEnd(&m_inflate); }

    void open(const QUrl &base, const QString &query = QStringLiteral("v=10&encoding=json"))
    {
        QUrl url = base;
        url.setPath(QStringLiteral("/"));
        url.setQuery(m_zlib ? query + QStringLiteral("&compress=zlib-stream") : query);
        socket.open(url);
    }
    bool waitForCount(int count, int timeout = waitMs)
    {
        return QTest::qWaitFor([&] { return payloads.size() >= count; }, timeout);
    }
    bool waitClosed(int timeout = waitMs)
    {
        return QTest::qWaitFor([&] { return closed; }, timeout);
    }
    //! The next payload after index `from` with this op (and event name), waiting for it.
    QJsonObject waitFor(int op, const QString &event = {}, int timeout = waitMs)
    {
        QJsonObject found;
        QTest::qWaitFor(
            [&] {
                for (const QJsonObject &payload : std::as_const(payloads)) {
                    if (payload.value(QStringLiteral("op")).toInt() == op &&
                        (event.isEmpty() ||
                         payload.value(QStringLiteral("t")).toString() == event)) {
                        found = payload;
                        return true;
                    }
                }
                return false;
            },
            timeout);
        return found;
    }
    void send(const QJsonObject &payload)
    {
        socket.sendTextMessage(
            QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Compact)));
    }
    void identify(const QString &token, int intents = 1)
    {
        send({{QStringLiteral("op"), 2},
              {QStringLiteral("d"),
               QJsonObject{{QStringLiteral("token"), token},
                           {QStringLiteral("intents"), intents},
                           {QStringLiteral("properties"),
                            QJsonObject{{QStringLiteral("os"), QStringLiteral("linux")},
                                        {QStringLiteral("browser"), QStringLiteral("tst")},
                                        {QStringLiteral("device"), QStringLiteral("tst")}}}}}});
    }

    QWebSocket socket;
    QList<QJsonObject> payloads;
    QList<QByteArray> frames; //!< raw binary frames (zlib-stream)
    int closeCode = -1;
    bool closed = false;
    bool inflateFailed = false;

private:
    void addPayload(const QByteArray &json)
    {
        const QJsonDocument document = QJsonDocument::fromJson(json);
        if (!document.isObject())
            inflateFailed = true;
        payloads.append(document.object());
    }
    void onBinary(const QByteArray &frame)
    {
        frames.append(frame);
        m_buffer.append(frame);
        if (!m_buffer.endsWith(QByteArray("\x00\x00\xff\xff", 4)))
            return;
        QByteArray out;
        m_inflate.next_in = reinterpret_cast<Bytef *>(m_buffer.data());
        m_inflate.avail_in = uInt(m_buffer.size());
        char chunk[8192];
        do {
            m_inflate.next_out = reinterpret_cast<Bytef *>(chunk);
            m_inflate.avail_out = sizeof(chunk);
            const int result = inflate(&m_inflate, Z_SYNC_FLUSH);
            if (result != Z_OK && result != Z_BUF_ERROR) {
                inflateFailed = true;
                return;
            }
            out.append(chunk, qsizetype(sizeof(chunk) - m_inflate.avail_out));
        } while (m_inflate.avail_out == 0);
        m_buffer.clear();
        addPayload(out);
    }

    bool m_zlib;
    z_stream m_inflate;
    QByteArray m_buffer;
};

QJsonObject op(int code, const QJsonValue &data)
{
    return {{QStringLiteral("op"), code}, {QStringLiteral("d"), data}};
}

} // namespace

class TestDiscordSimulator final : public QObject
{
    Q_OBJECT

private slots:
    void helloIdentifyReadyGuildCreate();
    void gatewayCloseCodes_data();
    void gatewayCloseCodes();
    void gatewayPayloadRateLimit();
    void resumeReplaysMissedDispatches();
    void resumeUnknownSessionIsInvalid();
    void zlibStreamFramesInflateToJson();
    void serverControlledEvents();
};

void TestDiscordSimulator::helloIdentifyReadyGuildCreate()
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

void TestDiscordSimulator::gatewayCloseCodes_data()
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

void TestDiscordSimulator::gatewayCloseCodes()
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

void TestDiscordSimulator::gatewayPayloadRateLimit()
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

void TestDiscordSimulator::resumeReplaysMissedDispatches()
{
    DiscordSimulator sim;
    QVERIFY(sim.start());
    QSignalSpy resumed(&sim, &DiscordSimulator::clientResumed);
    auto first = std::make_unique<GatewayClient>();
    first->open(sim.gatewayUrl());
    QVERIFY(!first->waitFor(10).isEmpty());
    first->identify(sim.botToken());
    QVERIFY(!first->waitFor(0, QStringLiteral("GUILD_CREATE")).isEmpty());
    sim.dispatch(QStringLiteral("SEEN"), {});
    QCOMPARE(first->waitFor(0, QStringLiteral("SEEN")).value(QStringLiteral("s")).toInt(), 3);
    const QString sessionId = sim.currentSessionId();

    // The client goes away without a close frame; dispatches meanwhile are kept.
    sim.dropGateway();
    QVERIFY(first->waitClosed());
    sim.dispatch(QStringLiteral("MISSED_ONE"), {{QStringLiteral("n"), 1}});
    sim.dispatch(QStringLiteral("MISSED_TWO"), {{QStringLiteral("n"), 2}});

    GatewayClient second;
    second.open(sim.gatewayUrl());
    QVERIFY(!second.waitFor(10).isEmpty());
    second.send(op(6, QJsonObject{{QStringLiteral("token"), sim.botToken()},
                                  {QStringLiteral("session_id"), sessionId},
                                  {QStringLiteral("seq"), 3}}));
    QVERIFY(!second.waitFor(0, QStringLiteral("RESUMED")).isEmpty());
    QStringList events;
    QList<int> sequences;
    for (const QJsonObject &payload : std::as_const(second.payloads)) {
        if (payload.value(QStringLiteral("op")).toInt() == 0) {
            events.append(payload.value(QStringLiteral("t")).toString());
            sequences.append(payload.value(QStringLiteral("s")).toInt());
        }
    }
    QCOMPARE(events, (QStringList{QStringLiteral("MISSED_ONE"), QStringLiteral("MISSED_TWO"),
                                  QStringLiteral("RESUMED")}));
    QCOMPARE(sequences, (QList<int>{4, 5, 6}));
    QCOMPARE(resumed.count(), 1);
    QCOMPARE(sim.resumeCount(), 1);
    QCOMPARE(sim.identifyCount(), 1);
    QCOMPARE(sim.currentSessionId(), sessionId);

    // Live again: the next dispatch goes straight to the resumed connection.
    sim.dispatch(QStringLiteral("LIVE"), {});
    QCOMPARE(second.waitFor(0, QStringLiteral("LIVE")).value(QStringLiteral("s")).toInt(), 7);
}

void TestDiscordSimulator::resumeUnknownSessionIsInvalid()
{
    DiscordSimulator sim;
    QVERIFY(sim.start());
    GatewayClient client;
    client.open(sim.gatewayUrl());
    QVERIFY(!client.waitFor(10).isEmpty());
    client.send(op(6, QJsonObject{{QStringLiteral("token"), sim.botToken()},
                                  {QStringLiteral("session_id"), QStringLiteral("nope")},
                                  {QStringLiteral("seq"), 1}}));
    const QJsonObject invalid = client.waitFor(9);
    QVERIFY(!invalid.isEmpty());
    QCOMPARE(invalid.value(QStringLiteral("d")).toBool(true), false);
    QCOMPARE(sim.resumeCount(), 0);

    // A session the client ended with 1000 cannot be resumed either.
    client.identify(sim.botToken());
    QVERIFY(!client.waitFor(0, QStringLiteral("READY")).isEmpty());
    const QString sessionId = sim.currentSessionId();
    client.socket.close(QWebSocketProtocol::CloseCodeNormal);
    QVERIFY(client.waitClosed());
    GatewayClient again;
    again.open(sim.gatewayUrl());
    QVERIFY(!again.waitFor(10).isEmpty());
    QTest::qWait(50); // let the server see the close of the first connection
    again.send(op(6, QJsonObject{{QStringLiteral("token"), sim.botToken()},
                                 {QStringLiteral("session_id"), sessionId},
                                 {QStringLiteral("seq"), 2}}));
    QCOMPARE(again.waitFor(9).value(QStringLiteral("d")).toBool(true), false);
}

void TestDiscordSimulator::zlibStreamFramesInflateToJson()
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

void TestDiscordSimulator::serverControlledEvents()
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
    client.send(op(1, 2));
    QTest::qWait(100);
    QCOMPARE(client.payloads.size(), before);
    sim.setAckSilence(false);
    client.send(op(1, 2));
    QTRY_COMPARE_WITH_TIMEOUT(client.payloads.size(), before + 1, waitMs);

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

QTEST_GUILESS_MAIN(TestDiscordSimulator)
#include "tst_discordsimulator.moc"
