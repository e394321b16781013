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
#include <QSslCertificate>
#include <QSslKey>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>
#include <QWebSocket>

#include "DiscordSimulator.h"
#include "TestSupport.h"

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
    //! The first payload with this op (and event name), waiting for it; {} on timeout.
    QJsonObject waitFor(int op, const QString &event = {}, int timeout = waitMs)
    {
        QJsonObject found;
        (void)QTest::qWaitFor(
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

//! One finished HTTP exchange.
struct HttpResult
{
    int status = 0;
    QByteArray body;
    QHash<QByteArray, QByteArray> headers; //!< lower-case names
    QJsonObject object() const { return QJsonDocument::fromJson(body).object(); }
    QJsonArray array() const { return QJsonDocument::fromJson(body).array(); }
    QByteArray header(const QByteArray &name) const { return headers.value(name.toLower()); }
};

//! A raw REST client for the simulator: Authorization and User-Agent as a bot sends them.
class RestClient
{
public:
    explicit RestClient(const DiscordSimulator &sim)
        : m_base(sim.restBaseUrl())
        , m_token(sim.botToken())
    {}
    QSslConfiguration *tls = nullptr;
    bool authorize = true;
    QByteArray agent = userAgent;

    HttpResult send(const QByteArray &method, const QString &path, const QJsonValue &body = {})
    {
        QByteArray data;
        if (body.isObject())
            data = QJsonDocument(body.toObject()).toJson(QJsonDocument::Compact);
        else if (body.isArray())
            data = QJsonDocument(body.toArray()).toJson(QJsonDocument::Compact);
        QNetworkRequest request = makeRequest(path);
        if (!data.isEmpty())
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
        return finish(m_nam.sendCustomRequest(request, method, data));
    }
    HttpResult sendMultipart(const QByteArray &method, const QString &path,
                             const QJsonObject &payload,
                             const QList<QPair<QString, QByteArray>> &files)
    {
        auto *multipart = new QHttpMultiPart(QHttpMultiPart::FormDataType);
        QHttpPart json;
        json.setHeader(QNetworkRequest::ContentDispositionHeader,
                       QByteArray("form-data; name=\"payload_json\""));
        json.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
        json.setBody(QJsonDocument(payload).toJson(QJsonDocument::Compact));
        multipart->append(json);
        for (qsizetype i = 0; i < files.size(); ++i) {
            QHttpPart file;
            file.setHeader(QNetworkRequest::ContentDispositionHeader,
                           QStringLiteral("form-data; name=\"files[%1]\"; filename=\"%2\"")
                               .arg(i)
                               .arg(files.at(i).first)
                               .toUtf8());
            file.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("image/png"));
            file.setBody(files.at(i).second);
            multipart->append(file);
        }
        QNetworkReply *reply = m_nam.sendCustomRequest(makeRequest(path), method, multipart);
        multipart->setParent(reply);
        return finish(reply);
    }
    HttpResult getUrl(const QUrl &url)
    {
        QNetworkRequest request(url);
        if (tls)
            request.setSslConfiguration(*tls);
        return finish(m_nam.get(request));
    }

private:
    QNetworkRequest makeRequest(const QString &path) const
    {
        QUrl url = m_base;
        const qsizetype query = path.indexOf(QLatin1Char('?'));
        url.setPath(m_base.path() + path.left(query));
        if (query >= 0)
            url.setQuery(path.mid(query + 1));
        QNetworkRequest request(url);
        if (authorize)
            request.setRawHeader("Authorization", "Bot " + m_token.toUtf8());
        request.setRawHeader("User-Agent", agent);
        if (tls)
            request.setSslConfiguration(*tls);
        return request;
    }
    HttpResult finish(QNetworkReply *reply)
    {
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!reply->isFinished())
            finished.wait(waitMs);
        HttpResult result;
        result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        result.body = reply->readAll();
        for (const auto &[name, value] : reply->rawHeaderPairs())
            result.headers.insert(name.toLower(), value);
        reply->deleteLater();
        return result;
    }

    QNetworkAccessManager m_nam;
    QUrl m_base;
    QString m_token;
};

QJsonObject embedMessage(const QJsonObject &embed)
{
    return {{QStringLiteral("embeds"), QJsonArray{embed}}};
}

QJsonObject errorAt(const QJsonObject &errors, const QString &dottedPath)
{
    QJsonObject node = errors;
    for (const QString &key : dottedPath.split(QLatin1Char('.'), Qt::SkipEmptyParts))
        node = node.value(key).toObject();
    return node.value(QStringLiteral("_errors")).toArray().at(0).toObject();
}

//! A gateway client that has identified with the given intents and seen GUILD_CREATE.
std::unique_ptr<GatewayClient> identifiedClient(DiscordSimulator &sim, int intents = 1)
{
    auto client = std::make_unique<GatewayClient>();
    client->open(sim.gatewayUrl());
    if (client->waitFor(10).isEmpty())
        return nullptr;
    client->identify(sim.botToken(), intents);
    if (client->waitFor(0, QStringLiteral("GUILD_CREATE")).isEmpty())
        return nullptr;
    return client;
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
    void identifyThrottleAndEarlyDispatches();
    void historyIsBounded();
    void restBasicsAndAuth();
    void missingUserAgentIsRefused();
    void messageCreateEditDelete();
    void channelAccessErrors();
    void multipartAttachmentRoundTrip();
    void messageBucketLimitsSixthMessage();
    void globalRateLimit();
    void serverErrorsInjected();
    void validationErrors_data();
    void validationErrors();
    void validBodyAtTheLimits();
    void interactionCallbackOnlyOnce();
    void componentInteractionDeferAndWebhooks();
    void deferredResponseEditedOnOriginal();
    void autocompleteResult();
    void oldMessageEditsLimited();
    void commandsBulkOverwrite();
    void deletedBehindTheBotsBack();
    void recordFileHasRequestsWithoutToken();
    void tlsRestAndGateway();
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

void TestDiscordSimulator::restBasicsAndAuth()
{
    DiscordSimulator sim;
    QVERIFY(sim.start());
    QCOMPARE(sim.restBaseUrl().path(), QStringLiteral("/api/v10"));
    RestClient rest(sim);

    const HttpResult gateway = rest.send("GET", QStringLiteral("/gateway/bot"));
    QCOMPARE(gateway.status, 200);
    QCOMPARE(gateway.object().value(QStringLiteral("url")).toString(), sim.gatewayUrl().toString());
    QCOMPARE(gateway.object().value(QStringLiteral("shards")).toInt(), 1);
    const QJsonObject limit =
        gateway.object().value(QStringLiteral("session_start_limit")).toObject();
    QCOMPARE(limit.value(QStringLiteral("max_concurrency")).toInt(), 1);
    QVERIFY(limit.value(QStringLiteral("remaining")).toInt() > 0);
    QVERIFY(!gateway.header("X-RateLimit-Bucket").isEmpty());

    const HttpResult me = rest.send("GET", QStringLiteral("/users/@me"));
    QCOMPARE(me.status, 200);
    QCOMPARE(me.object().value(QStringLiteral("id")).toString(), sim.botUserId());
    QVERIFY(me.object().value(QStringLiteral("bot")).toBool());

    const HttpResult roles =
        rest.send("GET", QStringLiteral("/guilds/%1/roles").arg(sim.guildId()));
    QCOMPARE(roles.status, 200);
    QCOMPARE(roles.array().size(), 2);
    QCOMPARE(roles.array().at(1).toObject().value(QStringLiteral("id")).toString(),
             QStringLiteral("1400000000000000001"));
    QCOMPARE(rest.send("GET", QStringLiteral("/guilds/999/roles"))
                 .object()
                 .value(QStringLiteral("code"))
                 .toInt(),
             50001);
    QCOMPARE(rest.send("GET", QStringLiteral("/nothing/here")).status, 404);

    rest.authorize = false;
    const HttpResult unauthorized = rest.send("GET", QStringLiteral("/users/@me"));
    QCOMPARE(unauthorized.status, 401);
    QCOMPARE(unauthorized.object().value(QStringLiteral("message")).toString(),
             QStringLiteral("401: Unauthorized"));
    QCOMPARE(unauthorized.object().value(QStringLiteral("code")).toInt(), 0);

    // A browser-like User-Agent is served but noted.
    rest.authorize = true;
    rest.agent = "Mozilla/5.0";
    QCOMPARE(rest.send("GET", QStringLiteral("/users/@me")).status, 200);
    QCOMPARE(sim.foreignUserAgentCount(), 1);
    QCOMPARE(sim.requests().size(), 7);
    QCOMPARE(sim.requests().at(0).path, QStringLiteral("/api/v10/gateway/bot"));
    QCOMPARE(sim.requests().at(4).status, 404);
}

void TestDiscordSimulator::missingUserAgentIsRefused()
{
    DiscordSimulator sim;
    QVERIFY(sim.start());
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, quint16(sim.restBaseUrl().port()));
    QVERIFY(socket.waitForConnected(waitMs));
    socket.write("GET /api/v10/users/@me HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bot " +
                 sim.botToken().toUtf8() + "\r\nConnection: close\r\n\r\n");
    QByteArray answer;
    QVERIFY(QTest::qWaitFor(
        [&] {
            answer += socket.readAll();
            return answer.contains("\r\n\r\n");
        },
        waitMs));
    QVERIFY2(answer.startsWith("HTTP/1.1 400"), answer.constData());
    QCOMPARE(sim.missingUserAgentCount(), 1);
}

void TestDiscordSimulator::messageCreateEditDelete()
{
    DiscordSimulator sim;
    QVERIFY(sim.start());
    RestClient rest(sim);
    QSignalSpy created(&sim, &DiscordSimulator::messageCreated);
    QSignalSpy edited(&sim, &DiscordSimulator::messageEdited);
    const QString channel = sim.channelIds().at(1);
    const QString path = QStringLiteral("/channels/%1/messages").arg(channel);

    const HttpResult create = rest.send(
        "POST", path,
        QJsonObject{{QStringLiteral("content"), QStringLiteral("hello")},
                    {QStringLiteral("embeds"),
                     QJsonArray{QJsonObject{{QStringLiteral("title"), QStringLiteral("Status")},
                                            {QStringLiteral("color"), 0x2ecc71}}}}});
    QCOMPARE(create.status, 200);
    const QJsonObject message = create.object();
    const QString id = message.value(QStringLiteral("id")).toString();
    QVERIFY(id.toULongLong() > 0);
    QCOMPARE(message.value(QStringLiteral("channel_id")).toString(), channel);
    QCOMPARE(
        message.value(QStringLiteral("author")).toObject().value(QStringLiteral("id")).toString(),
        sim.botUserId());
    QVERIFY(message.value(QStringLiteral("edited_timestamp")).isNull());
    QCOMPARE(message.value(QStringLiteral("embeds"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QStringLiteral("type"))
                 .toString(),
             QStringLiteral("rich"));
    QCOMPARE(created.count(), 1);
    QCOMPARE(created.at(0).at(1).toString(), id);
    QCOMPARE(sim.messages(channel).size(), 1);
    QCOMPARE(sim.messages(channel)
                 .at(0)
                 .embeds.at(0)
                 .toObject()
                 .value(QStringLiteral("title"))
                 .toString(),
             QStringLiteral("Status"));

    const HttpResult edit =
        rest.send("PATCH", path + QLatin1Char('/') + id,
                  QJsonObject{{QStringLiteral("content"), QStringLiteral("edited")}});
    QCOMPARE(edit.status, 200);
    QCOMPARE(edit.object().value(QStringLiteral("content")).toString(), QStringLiteral("edited"));
    QVERIFY(edit.object().value(QStringLiteral("edited_timestamp")).isString());
    // Fields the edit did not send stay as they were.
    QCOMPARE(edit.object().value(QStringLiteral("embeds")).toArray().size(), 1);
    QCOMPARE(edited.count(), 1);
    QCOMPARE(sim.message(channel, id)->editCount, 1);

    QCOMPARE(rest.send("GET", path + QLatin1Char('/') + id)
                 .object()
                 .value(QStringLiteral("content"))
                 .toString(),
             QStringLiteral("edited"));
    rest.send("POST", path, QJsonObject{{QStringLiteral("content"), QStringLiteral("second")}});
    const HttpResult list = rest.send("GET", path + QStringLiteral("?limit=10"));
    QCOMPARE(list.status, 200);
    QCOMPARE(list.array().size(), 2);
    QCOMPARE(list.array().at(0).toObject().value(QStringLiteral("content")).toString(),
             QStringLiteral("second"));

    QCOMPARE(rest.send("DELETE", path + QLatin1Char('/') + id).status, 204);
    const HttpResult gone = rest.send("GET", path + QLatin1Char('/') + id);
    QCOMPARE(gone.status, 404);
    QCOMPARE(gone.object().value(QStringLiteral("code")).toInt(), 10008);
    QCOMPARE(sim.messages(channel).size(), 1);
    const HttpResult empty =
        rest.send("POST", path, QJsonObject{{QStringLiteral("content"), QString()}});
    QCOMPARE(empty.object().value(QStringLiteral("code")).toInt(), 50006);
}

void TestDiscordSimulator::channelAccessErrors()
{
    DiscordSimulator sim;
    QVERIFY(sim.start());
    RestClient rest(sim);
    const QJsonObject body{{QStringLiteral("content"), QStringLiteral("x")}};
    const HttpResult unknown =
        rest.send("POST", QStringLiteral("/channels/1399999999999999999/messages"), body);
    QCOMPARE(unknown.status, 404);
    QCOMPARE(unknown.object().value(QStringLiteral("code")).toInt(), 10003);
    QCOMPARE(unknown.object().value(QStringLiteral("message")).toString(),
             QStringLiteral("Unknown Channel"));

    sim.setChannelAccess(sim.channelIds().at(0), SimChannelAccess::NoAccess);
    const HttpResult noAccess = rest.send(
        "POST", QStringLiteral("/channels/%1/messages").arg(sim.channelIds().at(0)), body);
    QCOMPARE(noAccess.status, 403);
    QCOMPARE(noAccess.object().value(QStringLiteral("code")).toInt(), 50001);

    sim.setChannelAccess(sim.channelIds().at(1), SimChannelAccess::NoPermission);
    const HttpResult noPermission = rest.send(
        "POST", QStringLiteral("/channels/%1/messages").arg(sim.channelIds().at(1)), body);
    QCOMPARE(noPermission.status, 403);
    QCOMPARE(noPermission.object().value(QStringLiteral("code")).toInt(), 50013);
}

void TestDiscordSimulator::multipartAttachmentRoundTrip()
{
    const QByteArray png = readData(QStringLiteral("discord/chart.png"));
    const QByteArray png2 = readData(QStringLiteral("discord/chart2.png"));
    QVERIFY(!png.isEmpty() && !png2.isEmpty());
    DiscordSimulator sim;
    QVERIFY(sim.start());
    RestClient rest(sim);
    const QString channel = sim.channelIds().at(0);
    const QString path = QStringLiteral("/channels/%1/messages").arg(channel);
    const auto imageEmbed = [](const QString &file) {
        return QJsonArray{
            QJsonObject{{QStringLiteral("title"), QStringLiteral("Chart")},
                        {QStringLiteral("image"),
                         QJsonObject{{QStringLiteral("url"),
                                      QString(QStringLiteral("attachment://") + file)}}}}};
    };

    const HttpResult create = rest.sendMultipart(
        "POST", path,
        {{QStringLiteral("embeds"), imageEmbed(QStringLiteral("chart.png"))},
         {QStringLiteral("attachments"),
          QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("0")},
                                 {QStringLiteral("filename"), QStringLiteral("chart.png")}}}}},
        {{QStringLiteral("chart.png"), png}});
    QCOMPARE(create.status, 200);
    const QString id = create.object().value(QStringLiteral("id")).toString();
    const QJsonObject attachment =
        create.object().value(QStringLiteral("attachments")).toArray().at(0).toObject();
    QCOMPARE(attachment.value(QStringLiteral("filename")).toString(), QStringLiteral("chart.png"));
    QCOMPARE(attachment.value(QStringLiteral("size")).toInt(), int(png.size()));
    QCOMPARE(attachment.value(QStringLiteral("width")).toInt(), 64);
    QCOMPARE(attachment.value(QStringLiteral("height")).toInt(), 32);
    const QUrl url(attachment.value(QStringLiteral("url")).toString());
    QVERIFY(url.path().startsWith(QStringLiteral("/attachments/") + channel + QLatin1Char('/')));
    QVERIFY(url.path().endsWith(QStringLiteral("/chart.png")));
    // Discord resolves attachment:// in the answer; the stored message keeps what was sent.
    const QJsonObject image = create.object()
                                  .value(QStringLiteral("embeds"))
                                  .toArray()
                                  .at(0)
                                  .toObject()
                                  .value(QStringLiteral("image"))
                                  .toObject();
    QCOMPARE(image.value(QStringLiteral("url")).toString(), url.toString());
    const SimMessage stored = *sim.message(channel, id);
    QCOMPARE(stored.attachments.size(), 1);
    QCOMPARE(stored.attachments.at(0).bytes, png);
    QCOMPARE(stored.embeds.at(0)
                 .toObject()
                 .value(QStringLiteral("image"))
                 .toObject()
                 .value(QStringLiteral("url"))
                 .toString(),
             QStringLiteral("attachment://chart.png"));
    const HttpResult download = rest.getUrl(url);
    QCOMPARE(download.status, 200);
    QCOMPARE(download.body, png);
    QCOMPARE(download.header("Content-Type"), QByteArray("image/png"));

    // Edit: the new file replaces the old one, which is gone because it is not listed.
    const HttpResult replace = rest.sendMultipart(
        "PATCH", path + QLatin1Char('/') + id,
        {{QStringLiteral("embeds"), imageEmbed(QStringLiteral("chart2.png"))},
         {QStringLiteral("attachments"),
          QJsonArray{QJsonObject{{QStringLiteral("id"), 0},
                                 {QStringLiteral("filename"), QStringLiteral("chart2.png")}}}}},
        {{QStringLiteral("chart2.png"), png2}});
    QCOMPARE(replace.status, 200);
    const QJsonArray after = replace.object().value(QStringLiteral("attachments")).toArray();
    QCOMPARE(after.size(), 1);
    QCOMPARE(after.at(0).toObject().value(QStringLiteral("filename")).toString(),
             QStringLiteral("chart2.png"));
    QVERIFY(after.at(0).toObject().value(QStringLiteral("id")).toString() !=
            attachment.value(QStringLiteral("id")).toString());
    QCOMPARE(rest.getUrl(QUrl(after.at(0).toObject().value(QStringLiteral("url")).toString())).body,
             png2);
    QCOMPARE(rest.getUrl(url).status, 404);
    QCOMPARE(sim.message(channel, id)->attachments.at(0).bytes, png2);

    // Listing the existing id keeps it; an empty list drops it.
    const QString keptId = after.at(0).toObject().value(QStringLiteral("id")).toString();
    const HttpResult keep =
        rest.send("PATCH", path + QLatin1Char('/') + id,
                  QJsonObject{{QStringLiteral("content"), QStringLiteral("kept")},
                              {QStringLiteral("attachments"),
                               QJsonArray{QJsonObject{{QStringLiteral("id"), keptId}}}}});
    QCOMPARE(keep.status, 200);
    QCOMPARE(keep.object().value(QStringLiteral("attachments")).toArray().size(), 1);
    const HttpResult dangling =
        rest.send("PATCH", path + QLatin1Char('/') + id,
                  QJsonObject{{QStringLiteral("attachments"), QJsonArray()}});
    QCOMPARE(dangling.status, 400); // the embed still points at attachment://chart2.png
    QCOMPARE(errorAt(dangling.object().value(QStringLiteral("errors")).toObject(),
                     QStringLiteral("embeds.0.image.url"))
                 .value(QStringLiteral("code"))
                 .toString(),
             QStringLiteral("ATTACHMENT_NOT_FOUND"));
    const HttpResult drop = rest.send("PATCH", path + QLatin1Char('/') + id,
                                      QJsonObject{{QStringLiteral("embeds"), QJsonArray()},
                                                  {QStringLiteral("attachments"), QJsonArray()}});
    QCOMPARE(drop.status, 200);
    QCOMPARE(drop.object().value(QStringLiteral("attachments")).toArray().size(), 0);
    QCOMPARE(sim.message(channel, id)->attachments.size(), 0);
}

void TestDiscordSimulator::messageBucketLimitsSixthMessage()
{
    DiscordSimulator sim;
    QVERIFY(sim.start()); // 5 per 5 s per channel
    RestClient rest(sim);
    const QString path = QStringLiteral("/channels/%1/messages").arg(sim.channelIds().at(0));
    const QJsonObject body{{QStringLiteral("content"), QStringLiteral("tick")}};
    QString firstId;
    QByteArray bucket;
    for (int i = 0; i < 5; ++i) {
        const HttpResult ok = rest.send("POST", path, body);
        QCOMPARE(ok.status, 200);
        QCOMPARE(ok.header("X-RateLimit-Limit"), QByteArray("5"));
        QCOMPARE(ok.header("X-RateLimit-Remaining").toInt(), 4 - i);
        QVERIFY(ok.header("X-RateLimit-Reset-After").toDouble() > 0);
        QVERIFY(ok.header("X-RateLimit-Reset-After").toDouble() <= 5.0);
        QVERIFY(ok.header("X-RateLimit-Reset").toDouble() > QDateTime::currentSecsSinceEpoch() - 1);
        if (i == 0) {
            firstId = ok.object().value(QStringLiteral("id")).toString();
            bucket = ok.header("X-RateLimit-Bucket");
            QCOMPARE(bucket.size(), 32);
        }
        QCOMPARE(ok.header("X-RateLimit-Bucket"), bucket);
    }
    const HttpResult limited = rest.send("POST", path, body);
    QCOMPARE(limited.status, 429);
    QCOMPARE(limited.object().value(QStringLiteral("message")).toString(),
             QStringLiteral("You are being rate limited."));
    const double retryAfter = limited.object().value(QStringLiteral("retry_after")).toDouble();
    QVERIFY(retryAfter > 0 && retryAfter <= 5.0);
    QCOMPARE(limited.object().value(QStringLiteral("global")).toBool(true), false);
    QCOMPARE(limited.header("X-RateLimit-Remaining"), QByteArray("0"));
    QCOMPARE(limited.header("X-RateLimit-Bucket"), bucket);
    QCOMPARE(limited.header("X-RateLimit-Scope"), QByteArray("user"));
    QVERIFY(limited.header("Retry-After").toInt() >= 1);
    QVERIFY(limited.header("X-RateLimit-Global").isEmpty());
    QCOMPARE(sim.rateLimitedCount(), 1);
    QCOMPARE(sim.messages(sim.channelIds().at(0)).size(), 5);

    // Edits share the channel's bucket; another channel has its own.
    QCOMPARE(rest.send("PATCH", path + QLatin1Char('/') + firstId, body).status, 429);
    QCOMPARE(
        rest.send("POST", QStringLiteral("/channels/%1/messages").arg(sim.channelIds().at(1)), body)
            .status,
        200);
    sim.advanceClock(5000);
    QCOMPARE(rest.send("POST", path, body).status, 200);
    QCOMPARE(sim.rateLimitedCount(), 2);
}

void TestDiscordSimulator::globalRateLimit()
{
    DiscordSimOptions options;
    options.globalLimitPerSecond = 3;
    options.otherBucketLimit = 100;
    DiscordSimulator sim;
    QVERIFY(sim.start(options));
    RestClient rest(sim);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(rest.send("GET", QStringLiteral("/users/@me")).status, 200);
    const HttpResult global = rest.send("GET", QStringLiteral("/users/@me"));
    QCOMPARE(global.status, 429);
    QCOMPARE(global.object().value(QStringLiteral("global")).toBool(), true);
    QCOMPARE(global.header("X-RateLimit-Global"), QByteArray("true"));
    QCOMPARE(global.header("X-RateLimit-Scope"), QByteArray("global"));
    sim.advanceClock(1000);
    QCOMPARE(rest.send("GET", QStringLiteral("/users/@me")).status, 200);

    // A forced global 429 holds every request for its retry_after.
    sim.advanceClock(1000);
    sim.setGlobalRateLimit(1500);
    const HttpResult forced = rest.send("GET", QStringLiteral("/users/@me"));
    QCOMPARE(forced.status, 429);
    QCOMPARE(forced.object().value(QStringLiteral("retry_after")).toDouble(), 1.5);
    QCOMPARE(forced.header("Retry-After"), QByteArray("2"));
    QCOMPARE(rest.send("GET", QStringLiteral("/gateway/bot")).status, 429);
    sim.advanceClock(1500);
    QCOMPARE(rest.send("GET", QStringLiteral("/users/@me")).status, 200);
    QCOMPARE(sim.rateLimitedCount(), 3);
}

void TestDiscordSimulator::serverErrorsInjected()
{
    DiscordSimulator sim;
    QVERIFY(sim.start());
    RestClient rest(sim);
    sim.setServerErrors(2, 502);
    QCOMPARE(rest.send("GET", QStringLiteral("/users/@me")).status, 502);
    QCOMPARE(rest.send("GET", QStringLiteral("/users/@me")).status, 502);
    QCOMPARE(rest.send("GET", QStringLiteral("/users/@me")).status, 200);
}

void TestDiscordSimulator::validationErrors_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");

    const auto text = [](int length) { return QString(length, QLatin1Char('a')); };
    const auto field = [](const QString &name, const QString &value) {
        return QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("value"), value}};
    };
    const auto button = [](const QString &customId) {
        return QJsonObject{{QStringLiteral("type"), 2},
                           {QStringLiteral("style"), 1},
                           {QStringLiteral("label"), QStringLiteral("Go")},
                           {QStringLiteral("custom_id"), customId}};
    };
    const auto row = [](const QJsonArray &children) {
        return QJsonObject{{QStringLiteral("type"), 1}, {QStringLiteral("components"), children}};
    };
    const auto components = [](const QJsonArray &rows) {
        return QJsonObject{{QStringLiteral("components"), rows}};
    };
    const auto select = [](int optionCount, const QString &placeholder = {}) {
        QJsonArray options;
        for (int i = 0; i < optionCount; ++i)
            options.append(QJsonObject{{QStringLiteral("label"), QStringLiteral("o%1").arg(i)},
                                       {QStringLiteral("value"), QStringLiteral("v%1").arg(i)}});
        QJsonObject menu{{QStringLiteral("type"), 3},
                         {QStringLiteral("custom_id"), QStringLiteral("menu")},
                         {QStringLiteral("options"), options}};
        if (!placeholder.isEmpty())
            menu.insert(QStringLiteral("placeholder"), placeholder);
        return menu;
    };
    QJsonArray fields26;
    for (int i = 0; i < 26; ++i)
        fields26.append(field(QStringLiteral("n"), QStringLiteral("v")));
    QJsonArray sixButtons;
    for (int i = 0; i < 6; ++i)
        sixButtons.append(button(QStringLiteral("b%1").arg(i)));
    QJsonArray sixRows;
    for (int i = 0; i < 6; ++i)
        sixRows.append(row({button(QStringLiteral("r%1").arg(i))}));
    QJsonArray bigFields;
    for (int i = 0; i < 6; ++i)
        bigFields.append(field(QStringLiteral("n"), text(1024)));

    const QString max = QStringLiteral("BASE_TYPE_MAX_LENGTH");
    const QString bad = QStringLiteral("BASE_TYPE_BAD_LENGTH");
    QTest::newRow("title 257") << embedMessage({{QStringLiteral("title"), text(257)}})
                               << "embeds.0.title" << max << "Must be 256 or fewer in length.";
    QTest::newRow("26 fields") << embedMessage({{QStringLiteral("fields"), fields26}})
                               << "embeds.0.fields" << max << "Must be 25 or fewer in length.";
    QTest::newRow("custom_id 101")
        << components({row({button(text(101))})}) << "components.0.components.0.custom_id" << bad
        << "Must be between 1 and 100 in length.";
    QTest::newRow("content 2001") << QJsonObject{{QStringLiteral("content"), text(2001)}}
                                  << "content" << max << "Must be 2000 or fewer in length.";
    QTest::newRow("description 4097")
        << embedMessage({{QStringLiteral("description"), text(4097)}}) << "embeds.0.description"
        << max << "Must be 4096 or fewer in length.";
    QTest::newRow("field name 257")
        << embedMessage(
               {{QStringLiteral("fields"), QJsonArray{field(text(257), QStringLiteral("v"))}}})
        << "embeds.0.fields.0.name" << bad << "Must be between 1 and 256 in length.";
    QTest::newRow("field value 1025")
        << embedMessage(
               {{QStringLiteral("fields"), QJsonArray{field(QStringLiteral("n"), text(1025))}}})
        << "embeds.0.fields.0.value" << bad << "Must be between 1 and 1024 in length.";
    QTest::newRow("footer 2049") << embedMessage(
                                        {{QStringLiteral("footer"),
                                          QJsonObject{{QStringLiteral("text"), text(2049)}}}})
                                 << "embeds.0.footer.text" << bad
                                 << "Must be between 1 and 2048 in length.";
    QTest::newRow("author 257") << embedMessage(
                                       {{QStringLiteral("author"),
                                         QJsonObject{{QStringLiteral("name"), text(257)}}}})
                                << "embeds.0.author.name" << bad
                                << "Must be between 1 and 256 in length.";
    QTest::newRow("color too big")
        << embedMessage({{QStringLiteral("color"), 16777216}}) << "embeds.0.color"
        << "NUMBER_TYPE_MAX"
        << "int value should be less than or equal to 16777215.";
    QTest::newRow("total over 6000")
        << embedMessage({{QStringLiteral("fields"), bigFields}}) << "embeds"
        << "MAX_EMBED_SIZE_EXCEEDED"
        << "Embed size exceeds maximum size of 6000";
    QTest::newRow("6 rows") << components(sixRows) << "components" << max
                            << "Must be 5 or fewer in length.";
    QTest::newRow("6 buttons") << components({row(sixButtons)}) << "components.0.components" << bad
                               << "Must be between 1 and 5 in length.";
    QTest::newRow("select beside a button")
        << components({row({select(2), button(QStringLiteral("b"))})}) << "components.0.components"
        << "COMPONENT_LAYOUT_WIDTH_EXCEEDED"
        << "The specified component exceeds the maximum width";
    QTest::newRow("duplicate custom_id")
        << components({row({button(QStringLiteral("same")), button(QStringLiteral("same"))})})
        << "components.0.components.1.custom_id"
        << "COMPONENT_CUSTOM_ID_DUPLICATED"
        << "Component custom id cannot be duplicated";
    QJsonObject linkWithId = button(QStringLiteral("id"));
    linkWithId.insert(QStringLiteral("style"), 5);
    linkWithId.insert(QStringLiteral("url"), QStringLiteral("https://example.invalid"));
    QTest::newRow("link button with custom_id")
        << components({row({linkWithId})}) << "components.0.components.0.custom_id"
        << "BUTTON_COMPONENT_CUSTOM_ID_NOT_ALLOWED"
        << "A custom id is not allowed on link buttons";
    QJsonObject noId = button(QStringLiteral("x"));
    noId.remove(QStringLiteral("custom_id"));
    QTest::newRow("button without custom_id")
        << components({row({noId})}) << "components.0.components.0.custom_id"
        << "BUTTON_COMPONENT_CUSTOM_ID_REQUIRED"
        << "A custom id is required";
    QJsonObject longLabel = button(QStringLiteral("x"));
    longLabel.insert(QStringLiteral("label"), text(81));
    QTest::newRow("label 81") << components({row({longLabel})}) << "components.0.components.0.label"
                              << max << "Must be 80 or fewer in length.";
    QTest::newRow("26 options") << components({row({select(26)})})
                                << "components.0.components.0.options" << bad
                                << "Must be between 1 and 25 in length.";
    QTest::newRow("placeholder 151")
        << components({row({select(2, text(151))})}) << "components.0.components.0.placeholder"
        << max << "Must be 150 or fewer in length.";
    QJsonObject longOption = select(1);
    longOption.insert(QStringLiteral("options"),
                      QJsonArray{QJsonObject{{QStringLiteral("label"), text(101)},
                                             {QStringLiteral("value"), QStringLiteral("v")}}});
    QTest::newRow("option label 101")
        << components({row({longOption})}) << "components.0.components.0.options.0.label" << bad
        << "Must be between 1 and 100 in length.";
    QTest::newRow("components v2 flag")
        << QJsonObject{{QStringLiteral("content"), QStringLiteral("x")},
                       {QStringLiteral("flags"), 1 << 15}}
        << "flags"
        << "MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2"
        << "The 'content' and 'embeds' fields cannot be used when using "
           "MessageFlags.IS_COMPONENTS_V2";
    QTest::newRow("missing attachment")
        << embedMessage(
               {{QStringLiteral("image"),
                 QJsonObject{{QStringLiteral("url"), QStringLiteral("attachment://nope.png")}}}})
        << "embeds.0.image.url"
        << "ATTACHMENT_NOT_FOUND"
        << "Attachment \"nope.png\" is not part of this message.";
}

void TestDiscordSimulator::validationErrors()
{
    QFETCH(QJsonObject, body);
    QFETCH(QString, path);
    QFETCH(QString, code);
    QFETCH(QString, message);
    DiscordSimulator sim;
    QVERIFY(sim.start());
    RestClient rest(sim);
    const HttpResult result = rest.send(
        "POST", QStringLiteral("/channels/%1/messages").arg(sim.channelIds().at(0)), body);
    QCOMPARE(result.status, 400);
    QCOMPARE(result.object().value(QStringLiteral("code")).toInt(), 50035);
    QCOMPARE(result.object().value(QStringLiteral("message")).toString(),
             QStringLiteral("Invalid Form Body"));
    const QJsonObject error =
        errorAt(result.object().value(QStringLiteral("errors")).toObject(), path);
    QCOMPARE(error.value(QStringLiteral("code")).toString(), code);
    QCOMPARE(error.value(QStringLiteral("message")).toString(), message);
    QVERIFY(sim.messages(sim.channelIds().at(0)).isEmpty());

    if (QByteArray(QTest::currentDataTag()) == "title 257") {
        // The exact nesting Discord uses.
        const QJsonObject expected{
            {QStringLiteral("embeds"),
             QJsonObject{
                 {QStringLiteral("0"),
                  QJsonObject{
                      {QStringLiteral("title"),
                       QJsonObject{
                           {QStringLiteral("_errors"),
                            QJsonArray{QJsonObject{
                                {QStringLiteral("code"), QStringLiteral("BASE_TYPE_MAX_LENGTH")},
                                {QStringLiteral("message"),
                                 QStringLiteral("Must be 256 or fewer in length.")}}}}}}}}}}};
        QCOMPARE(result.object().value(QStringLiteral("errors")).toObject(), expected);
    }
}

void TestDiscordSimulator::validBodyAtTheLimits()
{
    DiscordSimulator sim;
    QVERIFY(sim.start());
    RestClient rest(sim);
    QJsonArray fields;
    for (int i = 0; i < 25; ++i)
        fields.append(QJsonObject{{QStringLiteral("name"), QStringLiteral("n")},
                                  {QStringLiteral("value"), QStringLiteral("v")}});
    QJsonArray buttons;
    for (int i = 0; i < 5; ++i)
        buttons.append(QJsonObject{{QStringLiteral("type"), 2},
                                   {QStringLiteral("style"), 1 + i % 4},
                                   {QStringLiteral("label"), QString(80, QLatin1Char('l'))},
                                   {QStringLiteral("custom_id"),
                                    QString(QString(99, QLatin1Char('c')) + QString::number(i))}});
    const QJsonObject body{
        {QStringLiteral("content"), QString(2000, QLatin1Char('c'))},
        {QStringLiteral("embeds"),
         QJsonArray{
             QJsonObject{{QStringLiteral("title"), QString(256, QLatin1Char('t'))},
                         {QStringLiteral("color"), 16777215},
                         {QStringLiteral("timestamp"), QStringLiteral("2024-01-01T10:00:00.000Z")},
                         {QStringLiteral("fields"), fields}}}},
        {QStringLiteral("components"),
         QJsonArray{
             QJsonObject{{QStringLiteral("type"), 1}, {QStringLiteral("components"), buttons}}}}};
    const HttpResult result = rest.send(
        "POST", QStringLiteral("/channels/%1/messages").arg(sim.channelIds().at(0)), body);
    QVERIFY2(result.status == 200, result.body.constData());
}

void TestDiscordSimulator::interactionCallbackOnlyOnce()
{
    DiscordSimulator sim;
    QVERIFY(sim.start());
    auto client = identifiedClient(sim);
    QVERIFY(client);
    RestClient rest(sim);
    rest.authorize = false; // callbacks need no bot token
    QSignalSpy answered(&sim, &DiscordSimulator::interactionAnswered);
    const QString channel = sim.channelIds().at(0);
    const QString id = sim.injectSlashCommand(channel, QStringLiteral("1600000000000000001"),
                                              {QStringLiteral("1400000000000000001")},
                                              QStringLiteral("server_status"));
    const QJsonObject event = client->waitFor(0, QStringLiteral("INTERACTION_CREATE"));
    const QJsonObject interaction = event.value(QStringLiteral("d")).toObject();
    QCOMPARE(interaction.value(QStringLiteral("id")).toString(), id);
    QCOMPARE(interaction.value(QStringLiteral("type")).toInt(), 2);
    QCOMPARE(interaction.value(QStringLiteral("application_id")).toString(), sim.applicationId());
    QCOMPARE(interaction.value(QStringLiteral("guild_id")).toString(), sim.guildId());
    QCOMPARE(interaction.value(QStringLiteral("channel_id")).toString(), channel);
    QCOMPARE(interaction.value(QStringLiteral("data"))
                 .toObject()
                 .value(QStringLiteral("name"))
                 .toString(),
             QStringLiteral("server_status"));
    const QJsonObject member = interaction.value(QStringLiteral("member")).toObject();
    QCOMPARE(member.value(QStringLiteral("user")).toObject().value(QStringLiteral("id")).toString(),
             QStringLiteral("1600000000000000001"));
    QCOMPARE(member.value(QStringLiteral("roles")).toArray(),
             QJsonArray{QStringLiteral("1400000000000000001")});
    QVERIFY(member.value(QStringLiteral("permissions")).isString());
    QCOMPARE(interaction.value(QStringLiteral("locale")).toString(), QStringLiteral("en-US"));
    const QString token = interaction.value(QStringLiteral("token")).toString();
    QCOMPARE(token, sim.interactionToken(id));

    const QString callback = QStringLiteral("/interactions/%1/%2/callback").arg(id, token);
    const QJsonObject response{
        {QStringLiteral("type"), 4},
        {QStringLiteral("data"),
         QJsonObject{{QStringLiteral("content"), QStringLiteral("3 servers")},
                     {QStringLiteral("flags"), 64}}}};
    const HttpResult first = rest.send("POST", callback, response);
    QCOMPARE(first.status, 204);
    QVERIFY(first.body.isEmpty());
    QCOMPARE(answered.count(), 1);
    QVERIFY(sim.interactionAcknowledged(id));
    QVERIFY(sim.interactionAckLatencyMs(id) >= 0);
    QCOMPARE(sim.interactionResponse(id).value(QStringLiteral("type")).toInt(), 4);
    const auto original = sim.originalResponse(id);
    QVERIFY(original);
    QVERIFY(original->ephemeral);
    QCOMPARE(original->content, QStringLiteral("3 servers"));
    QVERIFY(sim.messages(channel).isEmpty()); // ephemeral: nobody else sees it

    const HttpResult second = rest.send("POST", callback, response);
    QCOMPARE(second.status, 400);
    QCOMPARE(second.object().value(QStringLiteral("code")).toInt(), 40060);
    const HttpResult wrongToken =
        rest.send("POST", QStringLiteral("/interactions/%1/nope/callback").arg(id), response);
    QCOMPARE(wrongToken.status, 404);
    QCOMPARE(wrongToken.object().value(QStringLiteral("code")).toInt(), 10062);

    // Too late: more than 3 s on the simulator clock.
    const QString late = sim.injectSlashCommand(channel, QStringLiteral("1600000000000000001"), {},
                                                QStringLiteral("x"));
    sim.advanceClock(3001);
    const HttpResult expired = rest.send(
        "POST",
        QStringLiteral("/interactions/%1/%2/callback").arg(late, sim.interactionToken(late)),
        response);
    QCOMPARE(expired.status, 404);
    QCOMPARE(expired.object().value(QStringLiteral("code")).toInt(), 10062);
    QVERIFY(!sim.interactionAcknowledged(late));

    // Invalid data is refused and leaves the interaction unanswered.
    const QString invalid = sim.injectSlashCommand(channel, QStringLiteral("1600000000000000001"),
                                                   {}, QStringLiteral("x"));
    const HttpResult refused = rest.send(
        "POST",
        QStringLiteral("/interactions/%1/%2/callback").arg(invalid, sim.interactionToken(invalid)),
        QJsonObject{{QStringLiteral("type"), 4},
                    {QStringLiteral("data"),
                     embedMessage({{QStringLiteral("title"), QString(300, QLatin1Char('t'))}})}});
    QCOMPARE(refused.object().value(QStringLiteral("code")).toInt(), 50035);
    QCOMPARE(errorAt(refused.object().value(QStringLiteral("errors")).toObject(),
                     QStringLiteral("data.embeds.0.title"))
                 .value(QStringLiteral("code"))
                 .toString(),
             QStringLiteral("BASE_TYPE_MAX_LENGTH"));
    QVERIFY(!sim.interactionAcknowledged(invalid));
}

void TestDiscordSimulator::componentInteractionDeferAndWebhooks()
{
    DiscordSimulator sim;
    QVERIFY(sim.start());
    RestClient rest(sim);
    const QString channel = sim.channelIds().at(0);
    const HttpResult posted = rest.send(
        "POST", QStringLiteral("/channels/%1/messages").arg(channel),
        QJsonObject{{QStringLiteral("content"), QStringLiteral("status")},
                    {QStringLiteral("components"),
                     QJsonArray{QJsonObject{
                         {QStringLiteral("type"), 1},
                         {QStringLiteral("components"),
                          QJsonArray{QJsonObject{
                              {QStringLiteral("type"), 2},
                              {QStringLiteral("style"), 3},
                              {QStringLiteral("label"), QStringLiteral("Start")},
                              {QStringLiteral("custom_id"), QStringLiteral("start:abc")}}}}}}}});
    const QString messageId = posted.object().value(QStringLiteral("id")).toString();
    const QString id = sim.injectComponent(
        channel, messageId, QStringLiteral("1600000000000000001"), {}, QStringLiteral("start:abc"));
    const QJsonObject payload = sim.interactionPayload(id);
    QCOMPARE(payload.value(QStringLiteral("type")).toInt(), 3);
    QCOMPARE(payload.value(QStringLiteral("data"))
                 .toObject()
                 .value(QStringLiteral("custom_id"))
                 .toString(),
             QStringLiteral("start:abc"));
    QCOMPARE(payload.value(QStringLiteral("data"))
                 .toObject()
                 .value(QStringLiteral("component_type"))
                 .toInt(),
             2);
    QCOMPARE(
        payload.value(QStringLiteral("message")).toObject().value(QStringLiteral("id")).toString(),
        messageId);
    const QString token = sim.interactionToken(id);

    rest.authorize = false;
    const QString webhook = QStringLiteral("/webhooks/%1/%2").arg(sim.applicationId(), token);
    // No webhook before the interaction was answered.
    QCOMPARE(rest.send("GET", webhook + QStringLiteral("/messages/@original"))
                 .object()
                 .value(QStringLiteral("code"))
                 .toInt(),
             10015);
    QCOMPARE(rest.send("POST", QStringLiteral("/interactions/%1/%2/callback").arg(id, token),
                       QJsonObject{{QStringLiteral("type"), 6}})
                 .status,
             204);

    // After a deferred update, @original is the component's message.
    const HttpResult edit =
        rest.send("PATCH", webhook + QStringLiteral("/messages/@original"),
                  QJsonObject{{QStringLiteral("content"), QStringLiteral("starting...")}});
    QCOMPARE(edit.status, 200);
    QCOMPARE(edit.object().value(QStringLiteral("id")).toString(), messageId);
    QCOMPARE(sim.message(channel, messageId)->content, QStringLiteral("starting..."));
    QCOMPARE(sim.message(channel, messageId)->components.size(), 1);

    const HttpResult followUp =
        rest.send("POST", webhook,
                  QJsonObject{{QStringLiteral("content"), QStringLiteral("Only you can see this")},
                              {QStringLiteral("flags"), 64}});
    QCOMPARE(followUp.status, 200);
    const QString followUpId = followUp.object().value(QStringLiteral("id")).toString();
    QCOMPARE(sim.followUps(id).size(), 1);
    QVERIFY(sim.followUps(id).at(0).ephemeral);
    QCOMPARE(followUp.object().value(QStringLiteral("flags")).toInt() & 64, 64);
    QCOMPARE(rest.send("GET", webhook + QStringLiteral("/messages/") + followUpId).status, 200);
    QCOMPARE(rest.send("DELETE", webhook + QStringLiteral("/messages/") + followUpId).status, 204);
    QVERIFY(sim.followUps(id).isEmpty());

    const HttpResult wrongApp =
        rest.send("POST", QStringLiteral("/webhooks/42/%1").arg(token),
                  QJsonObject{{QStringLiteral("content"), QStringLiteral("x")}});
    QCOMPARE(wrongApp.object().value(QStringLiteral("code")).toInt(), 10015);
    sim.advanceClock(15 * 60 * 1000 + 1);
    const HttpResult expired = rest.send("GET", webhook + QStringLiteral("/messages/@original"));
    QCOMPARE(expired.status, 401);
    QCOMPARE(expired.object().value(QStringLiteral("code")).toInt(), 50027);
}

void TestDiscordSimulator::deferredResponseEditedOnOriginal()
{
    DiscordSimulator sim;
    QVERIFY(sim.start());
    RestClient rest(sim);
    rest.authorize = false;
    const QString channel = sim.channelIds().at(0);
    const QString id = sim.injectSlashCommand(channel, QStringLiteral("1600000000000000001"), {},
                                              QStringLiteral("refresh_embeds"));
    const QString token = sim.interactionToken(id);
    QCOMPARE(
        rest.send("POST", QStringLiteral("/interactions/%1/%2/callback").arg(id, token),
                  QJsonObject{{QStringLiteral("type"), 5},
                              {QStringLiteral("data"), QJsonObject{{QStringLiteral("flags"), 64}}}})
            .status,
        204);
    QVERIFY(sim.originalResponse(id));
    QCOMPARE(sim.originalResponse(id)->flags & 128, 128); // loading
    const HttpResult edit = rest.send(
        "PATCH",
        QStringLiteral("/webhooks/%1/%2/messages/@original").arg(sim.applicationId(), token),
        QJsonObject{{QStringLiteral("content"), QStringLiteral("done")}});
    QCOMPARE(edit.status, 200);
    QCOMPARE(sim.originalResponse(id)->content, QStringLiteral("done"));
    QCOMPARE(sim.originalResponse(id)->flags & 128, 0);
    QVERIFY(sim.originalResponse(id)->ephemeral);
    QCOMPARE(rest.send("DELETE", QStringLiteral("/webhooks/%1/%2/messages/@original")
                                     .arg(sim.applicationId(), token))
                 .status,
             204);
    QVERIFY(!sim.originalResponse(id));
    // Deferred update (6) is only for component interactions.
    const QString other = sim.injectSlashCommand(channel, QStringLiteral("1600000000000000001"), {},
                                                 QStringLiteral("x"));
    const HttpResult wrongType = rest.send(
        "POST",
        QStringLiteral("/interactions/%1/%2/callback").arg(other, sim.interactionToken(other)),
        QJsonObject{{QStringLiteral("type"), 6}});
    QCOMPARE(wrongType.object().value(QStringLiteral("code")).toInt(), 50035);
}

void TestDiscordSimulator::oldMessageEditsLimited()
{
    DiscordSimulator sim;
    QVERIFY(sim.start()); // 3 edits per 60 s on messages older than an hour
    RestClient rest(sim);
    const QString channel = sim.channelIds().at(0);
    const QString path = QStringLiteral("/channels/%1/messages").arg(channel);
    const QString id =
        rest.send("POST", path, QJsonObject{{QStringLiteral("content"), QStringLiteral("old")}})
            .object()
            .value(QStringLiteral("id"))
            .toString();
    // A young message can be edited more often than the old-message limit.
    for (int i = 0; i < 4; ++i)
        QCOMPARE(rest.send("PATCH", path + QLatin1Char('/') + id,
                           QJsonObject{{QStringLiteral("content"), QString::number(i)}})
                     .status,
                 200);
    sim.advanceClock(5000); // fresh channel bucket
    sim.ageMessage(channel, id, 2 * 3600 * 1000);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(rest.send("PATCH", path + QLatin1Char('/') + id,
                           QJsonObject{{QStringLiteral("content"), QString::number(i)}})
                     .status,
                 200);
    const HttpResult limited =
        rest.send("PATCH", path + QLatin1Char('/') + id,
                  QJsonObject{{QStringLiteral("content"), QStringLiteral("again")}});
    QCOMPARE(limited.status, 429);
    QCOMPARE(limited.object().value(QStringLiteral("code")).toInt(), 30046);
    QVERIFY(limited.object().value(QStringLiteral("retry_after")).toDouble() > 0);
    QVERIFY(limited.object()
                .value(QStringLiteral("message"))
                .toString()
                .contains(QStringLiteral("older than 1 hour")));
    QCOMPARE(sim.message(channel, id)->content, QStringLiteral("2"));
    sim.advanceClock(60000);
    QCOMPARE(rest.send("PATCH", path + QLatin1Char('/') + id,
                       QJsonObject{{QStringLiteral("content"), QStringLiteral("later")}})
                 .status,
             200);
}

void TestDiscordSimulator::commandsBulkOverwrite()
{
    DiscordSimulator sim;
    QVERIFY(sim.start());
    RestClient rest(sim);
    QSignalSpy registered(&sim, &DiscordSimulator::commandsRegistered);
    const QString path = QStringLiteral("/applications/%1/guilds/%2/commands")
                             .arg(sim.applicationId(), sim.guildId());
    const QJsonArray commands{
        QJsonObject{{QStringLiteral("name"), QStringLiteral("server_status")},
                    {QStringLiteral("description"), QStringLiteral("Show servers")}},
        QJsonObject{{QStringLiteral("name"), QStringLiteral("refresh_embeds")},
                    {QStringLiteral("description"), QStringLiteral("Rebuild embeds")}}};
    const HttpResult put = rest.send("PUT", path, commands);
    QCOMPARE(put.status, 200);
    QCOMPARE(put.array().size(), 2);
    const QString firstId = put.array().at(0).toObject().value(QStringLiteral("id")).toString();
    QVERIFY(!firstId.isEmpty());
    QCOMPARE(put.array().at(0).toObject().value(QStringLiteral("application_id")).toString(),
             sim.applicationId());
    QCOMPARE(put.array().at(0).toObject().value(QStringLiteral("type")).toInt(), 1);
    QCOMPARE(registered.count(), 1);
    QCOMPARE(sim.registeredCommands().size(), 2);
    QCOMPARE(rest.send("GET", path).array(), put.array());
    // Overwriting again keeps the ids of commands that stay.
    const HttpResult again = rest.send("PUT", path, QJsonArray{commands.at(0)});
    QCOMPARE(again.array().size(), 1);
    QCOMPARE(again.array().at(0).toObject().value(QStringLiteral("id")).toString(), firstId);
    // The injected slash command carries the registered id.
    const QString interaction = sim.injectSlashCommand(sim.channelIds().at(0), QStringLiteral("1"),
                                                       {}, QStringLiteral("server_status"));
    QCOMPARE(sim.interactionPayload(interaction)
                 .value(QStringLiteral("data"))
                 .toObject()
                 .value(QStringLiteral("id"))
                 .toString(),
             firstId);

    const HttpResult badName =
        rest.send("PUT", path,
                  QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("Server Status")},
                                         {QStringLiteral("description"), QStringLiteral("x")}}});
    QCOMPARE(badName.status, 400);
    QCOMPARE(errorAt(badName.object().value(QStringLiteral("errors")).toObject(),
                     QStringLiteral("0.name"))
                 .value(QStringLiteral("code"))
                 .toString(),
             QStringLiteral("APPLICATION_COMMAND_INVALID_NAME"));
    const HttpResult longDescription = rest.send(
        "PUT", path,
        QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("ok")},
                               {QStringLiteral("description"), QString(101, QLatin1Char('d'))}}});
    QCOMPARE(errorAt(longDescription.object().value(QStringLiteral("errors")).toObject(),
                     QStringLiteral("0.description"))
                 .value(QStringLiteral("code"))
                 .toString(),
             QStringLiteral("BASE_TYPE_BAD_LENGTH"));
    const HttpResult longName =
        rest.send("PUT", path,
                  QJsonArray{QJsonObject{{QStringLiteral("name"), QString(33, QLatin1Char('n'))},
                                         {QStringLiteral("description"), QStringLiteral("d")}}});
    QCOMPARE(errorAt(longName.object().value(QStringLiteral("errors")).toObject(),
                     QStringLiteral("0.name"))
                 .value(QStringLiteral("message"))
                 .toString(),
             QStringLiteral("Must be between 1 and 32 in length."));
    QCOMPARE(sim.registeredCommands().size(), 1); // refused bodies change nothing
    const HttpResult otherGuild = rest.send(
        "PUT", QStringLiteral("/applications/%1/guilds/99/commands").arg(sim.applicationId()),
        commands);
    QCOMPARE(otherGuild.status, 403);
    QCOMPARE(otherGuild.object().value(QStringLiteral("code")).toInt(), 50001);
}

void TestDiscordSimulator::deletedBehindTheBotsBack()
{
    DiscordSimulator sim;
    QVERIFY(sim.start());
    auto client = identifiedClient(sim, 1 | (1 << 9)); // GUILDS | GUILD_MESSAGES
    QVERIFY(client);
    RestClient rest(sim);
    const QString channel = sim.channelIds().at(1);
    const QString path = QStringLiteral("/channels/%1/messages").arg(channel);
    const QString id =
        rest.send("POST", path, QJsonObject{{QStringLiteral("content"), QStringLiteral("x")}})
            .object()
            .value(QStringLiteral("id"))
            .toString();
    QCOMPARE(client->waitFor(0, QStringLiteral("MESSAGE_CREATE"))
                 .value(QStringLiteral("d"))
                 .toObject()
                 .value(QStringLiteral("id"))
                 .toString(),
             id);
    sim.deleteMessage(channel, id);
    QCOMPARE(client->waitFor(0, QStringLiteral("MESSAGE_DELETE"))
                 .value(QStringLiteral("d"))
                 .toObject()
                 .value(QStringLiteral("id"))
                 .toString(),
             id);
    QCOMPARE(rest.send("PATCH", path + QLatin1Char('/') + id,
                       QJsonObject{{QStringLiteral("content"), QStringLiteral("y")}})
                 .object()
                 .value(QStringLiteral("code"))
                 .toInt(),
             10008);
    sim.deleteChannel(channel);
    QCOMPARE(client->waitFor(0, QStringLiteral("CHANNEL_DELETE"))
                 .value(QStringLiteral("d"))
                 .toObject()
                 .value(QStringLiteral("id"))
                 .toString(),
             channel);
    QCOMPARE(rest.send("POST", path, QJsonObject{{QStringLiteral("content"), QStringLiteral("y")}})
                 .object()
                 .value(QStringLiteral("code"))
                 .toInt(),
             10003);
    QCOMPARE(sim.channelIds(), QStringList{sim.channelIds().at(0)});
}

void TestDiscordSimulator::recordFileHasRequestsWithoutToken()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString file = dir.filePath(QStringLiteral("discord.jsonl"));
    DiscordSimulator sim;
    QVERIFY(sim.start());
    QVERIFY(sim.setRecordFile(file));
    auto client = identifiedClient(sim);
    QVERIFY(client);
    RestClient rest(sim);
    rest.send("POST", QStringLiteral("/channels/%1/messages").arg(sim.channelIds().at(0)),
              QJsonObject{{QStringLiteral("content"), QStringLiteral("recorded")}});
    rest.send("GET", QStringLiteral("/users/@me"));
    QCOMPARE(sim.requests().size(), 2);
    QCOMPARE(sim.requests().at(0).method, QStringLiteral("POST"));
    QCOMPARE(sim.requests().at(0).status, 200);
    QVERIFY(sim.requests().at(0).body.contains("recorded"));

    QFile recorded(file);
    QVERIFY(recorded.open(QIODevice::ReadOnly));
    const QByteArray text = recorded.readAll();
    QVERIFY(!text.contains(sim.botToken().toUtf8()));
    int restLines = 0;
    int gatewayLines = 0;
    for (const QByteArray &line : text.split('\n')) {
        if (line.isEmpty())
            continue;
        const QJsonObject entry = QJsonDocument::fromJson(line).object();
        QVERIFY2(!entry.isEmpty(), line.constData());
        if (entry.value(QStringLiteral("kind")).toString() == QLatin1String("rest")) {
            ++restLines;
        } else {
            ++gatewayLines;
        }
    }
    QCOMPARE(restLines, 2);
    QVERIFY(gatewayLines >= 4); // HELLO, IDENTIFY, READY, GUILD_CREATE
    sim.clearRequests();
    QVERIFY(sim.requests().isEmpty());
}

void TestDiscordSimulator::tlsRestAndGateway()
{
    const QList<QSslCertificate> certificates =
        QSslCertificate::fromData(readData(QStringLiteral("discord/localhost.crt")));
    QCOMPARE(certificates.size(), 1);
    const QSslKey key(readData(QStringLiteral("discord/localhost.key")), QSsl::Rsa);
    QVERIFY(!key.isNull());
    QSslConfiguration server = QSslConfiguration::defaultConfiguration();
    server.setLocalCertificate(certificates.at(0));
    server.setPrivateKey(key);
    server.setPeerVerifyMode(QSslSocket::VerifyNone);
    DiscordSimOptions options;
    options.tls = server;
    DiscordSimulator sim;
    QVERIFY2(sim.start(options), qPrintable(sim.errorString()));
    QCOMPARE(sim.restBaseUrl().scheme(), QStringLiteral("https"));
    QCOMPARE(sim.gatewayUrl().scheme(), QStringLiteral("wss"));

    QSslConfiguration client = QSslConfiguration::defaultConfiguration();
    client.setCaCertificates(certificates); // trust exactly this certificate
    RestClient rest(sim);
    rest.tls = &client;
    const HttpResult me = rest.send("GET", QStringLiteral("/users/@me"));
    QCOMPARE(me.status, 200);
    QCOMPARE(me.object().value(QStringLiteral("id")).toString(), sim.botUserId());

    GatewayClient gateway(false, &client);
    gateway.open(sim.gatewayUrl());
    QVERIFY(!gateway.waitFor(10).isEmpty());
    gateway.identify(sim.botToken());
    QVERIFY(!gateway.waitFor(0, QStringLiteral("READY")).isEmpty());
}

void TestDiscordSimulator::identifyThrottleAndEarlyDispatches()
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

void TestDiscordSimulator::historyIsBounded()
{
    DiscordSimOptions options;
    options.historyLimit = 5;
    DiscordSimulator sim;
    QVERIFY(sim.start(options));
    auto client = identifiedClient(sim);
    QVERIFY(client);
    for (int i = 0; i < 5; ++i)
        sim.dispatch(QStringLiteral("E%1").arg(i), {});
    QCOMPARE(client->waitFor(0, QStringLiteral("E4")).value(QStringLiteral("s")).toInt(), 7);
    const QString sessionId = sim.currentSessionId();
    sim.dropGateway();
    QVERIFY(client->waitClosed());
    const auto resume = [&](int seq) {
        auto next = std::make_unique<GatewayClient>();
        next->open(sim.gatewayUrl());
        if (next->waitFor(10).isEmpty())
            return next;
        next->send(op(6, QJsonObject{{QStringLiteral("token"), sim.botToken()},
                                     {QStringLiteral("session_id"), sessionId},
                                     {QStringLiteral("seq"), seq}}));
        return next;
    };
    // Only s 3..7 are still buffered: resuming from 1 would lose event 2.
    auto tooOld = resume(1);
    QCOMPARE(tooOld->waitFor(9).value(QStringLiteral("d")).toBool(true), false);
    auto fine = resume(2);
    QVERIFY(!fine->waitFor(0, QStringLiteral("RESUMED")).isEmpty());
    QCOMPARE(fine->payloads.at(1).value(QStringLiteral("s")).toInt(), 3);

    RestClient rest(sim);
    for (int i = 0; i < 7; ++i)
        rest.send("GET", QStringLiteral("/users/@me?n=%1").arg(i));
    QCOMPARE(sim.requests().size(), 5);
    QCOMPARE(sim.requests().last().path, QStringLiteral("/api/v10/users/@me?n=6"));
    for (int i = 0; i < 4; ++i)
        fine->send(op(1, 7));
    QTRY_COMPARE_WITH_TIMEOUT(sim.receivedGatewayPayloads().size(), 5, waitMs);
    QTest::qWait(50);
    QCOMPARE(sim.receivedGatewayPayloads().size(), 5); // 3 + 4 sent, newest 5 kept
    QCOMPARE(sim.receivedGatewayPayloads().last().value(QStringLiteral("op")).toInt(), 1);
}

void TestDiscordSimulator::autocompleteResult()
{
    DiscordSimulator sim;
    QVERIFY(sim.start());
    RestClient rest(sim);
    rest.authorize = false;
    const QString channel = sim.channelIds().at(0);
    const QString id = sim.injectAutocomplete(
        channel, QStringLiteral("1600000000000000001"), {}, QStringLiteral("server_status"),
        QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("server")},
                               {QStringLiteral("type"), 3},
                               {QStringLiteral("value"), QStringLiteral("mine")},
                               {QStringLiteral("focused"), true}}});
    QCOMPARE(sim.interactionPayload(id).value(QStringLiteral("type")).toInt(), 4);
    const QJsonObject choices{
        {QStringLiteral("type"), 8},
        {QStringLiteral("data"),
         QJsonObject{{QStringLiteral("choices"),
                      QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("Minecraft")},
                                             {QStringLiteral("value"), QStringLiteral("abc")}}}}}}};
    QCOMPARE(
        rest.send("POST",
                  QStringLiteral("/interactions/%1/%2/callback").arg(id, sim.interactionToken(id)),
                  choices)
            .status,
        204);
    QCOMPARE(sim.interactionResponse(id).value(QStringLiteral("type")).toInt(), 8);
    // Autocomplete results only answer autocomplete interactions.
    const QString command = sim.injectSlashCommand(channel, QStringLiteral("1600000000000000001"),
                                                   {}, QStringLiteral("x"));
    const HttpResult refused = rest.send(
        "POST",
        QStringLiteral("/interactions/%1/%2/callback").arg(command, sim.interactionToken(command)),
        choices);
    QCOMPARE(refused.status, 400);
    QCOMPARE(refused.object().value(QStringLiteral("code")).toInt(), 50035);
}

QTEST_GUILESS_MAIN(TestDiscordSimulator)
#include "tst_discordsimulator.moc"
