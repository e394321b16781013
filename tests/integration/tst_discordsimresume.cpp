// The Discord simulator's gateway sessions: RESUME replays missed dispatches, unknown or ended
// sessions are invalid, and the replay / request / payload histories stay bounded.
// Driven with raw QWebSocket / QNetworkAccessManager and zlib (DiscordSimProbe), never with the
// bot's own client code.

#include <QSignalSpy>
#include <QTest>

#include "DiscordSimProbe.h"
#include "DiscordSimulator.h"

using namespace PterodisbotSim;
using namespace Pterodisbot::DiscordSimProbe;

class TestDiscordSimResume final : public QObject
{
    Q_OBJECT

private slots:
    void resumeReplaysMissedDispatches();
    void resumeUnknownSessionIsInvalid();
    void historyIsBounded();
};

void TestDiscordSimResume::resumeReplaysMissedDispatches()
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

void TestDiscordSimResume::resumeUnknownSessionIsInvalid()
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
    // The server has seen the close of the first connection (and ended its session).
    QTRY_COMPARE_WITH_TIMEOUT(sim.lastClientCloseCode(), 1000, waitMs);
    GatewayClient again;
    again.open(sim.gatewayUrl());
    QVERIFY(!again.waitFor(10).isEmpty());
    again.send(op(6, QJsonObject{{QStringLiteral("token"), sim.botToken()},
                                 {QStringLiteral("session_id"), sessionId},
                                 {QStringLiteral("seq"), 2}}));
    QCOMPARE(again.waitFor(9).value(QStringLiteral("d")).toBool(true), false);
}

void TestDiscordSimResume::historyIsBounded()
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
    const auto acks = [&fine] {
        return std::count_if(
            fine->payloads.cbegin(), fine->payloads.cend(),
            [](const QJsonObject &p) { return p.value(QStringLiteral("op")).toInt() == 11; });
    };
    const auto acksBefore = acks();
    for (int i = 0; i < 4; ++i)
        fine->send(op(1, 7));
    // Every beat was acknowledged, so the simulator has recorded all four.
    QTRY_COMPARE_WITH_TIMEOUT(acks(), acksBefore + 4, waitMs);
    QCOMPARE(sim.receivedGatewayPayloads().size(), 5); // 3 + 4 sent, newest 5 kept
    QCOMPARE(sim.receivedGatewayPayloads().last().value(QStringLiteral("op")).toInt(), 1);
}

QTEST_GUILESS_MAIN(TestDiscordSimResume)
#include "tst_discordsimresume.moc"
