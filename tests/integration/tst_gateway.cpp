#include "discord/Gateway.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

#include "DiscordSimulator.h"

using namespace Pterodisbot;
using PterodisbotSim::DiscordSimOptions;
using PterodisbotSim::DiscordSimulator;

namespace {

constexpr int kHeartbeatMs = 200;
//! How long a test watches for something that must NOT happen (a retry after a fatal close).
//! A loaded machine can only make this window shorter in effect, so it may let a bug pass
//! unnoticed, never fail a correct gateway.
constexpr int kQuietWindowMs = 300;

DiscordSimOptions simOptions(int heartbeatMs = kHeartbeatMs)
{
    DiscordSimOptions options;
    options.heartbeatIntervalMs = heartbeatMs;
    return options;
}

GatewaySettings settingsFor(const DiscordSimulator &sim)
{
    GatewaySettings settings;
    settings.token = sim.botToken();
    settings.identifyGapMs = 5;
    settings.backoffBaseMs = 5;
    settings.backoffMaxMs = 40;
    settings.invalidSessionMinWaitMs = 5;
    settings.invalidSessionMaxWaitMs = 15;
    settings.closeTimeoutMs = 500;
    return settings;
}

int countOp(const QList<QJsonObject> &payloads, int op)
{
    return int(std::count_if(payloads.cbegin(), payloads.cend(), [op](const QJsonObject &p) {
        return p.value(QStringLiteral("op")).toInt() == op;
    }));
}

//! The `n` of every TEST_EVENT dispatch the gateway delivered, in delivery order.
QList<int> testEvents(const QSignalSpy &dispatches)
{
    QList<int> numbers;
    for (const auto &args : dispatches)
        if (args.at(0).toString() == QLatin1String("TEST_EVENT"))
            numbers << args.at(1).toJsonObject().value(QStringLiteral("n")).toInt();
    return numbers;
}

QList<int> range(int from, int to)
{
    QList<int> numbers;
    for (int i = from; i <= to; ++i)
        numbers << i;
    return numbers;
}

} // namespace

class TestGateway final : public QObject
{
    Q_OBJECT

    std::unique_ptr<DiscordSimulator> m_sim;
    std::unique_ptr<Gateway> m_gateway;

    //! Starts the simulator and a gateway against it and waits for READY; \a tweak adjusts the
    //! gateway settings made for that simulator.
    bool startReady(const std::function<void(GatewaySettings &)> &tweak = {},
                    const DiscordSimOptions &options = simOptions())
    {
        m_sim = std::make_unique<DiscordSimulator>();
        if (!m_sim->start(options)) {
            qWarning() << m_sim->errorString();
            return false;
        }
        GatewaySettings settings = settingsFor(*m_sim);
        if (tweak)
            tweak(settings);
        m_gateway = std::make_unique<Gateway>(settings);
        QSignalSpy ready(m_gateway.get(), &Gateway::ready);
        m_gateway->start(m_sim->gatewayUrl());
        return ready.wait(5000) && m_gateway->state() == Gateway::State::Ready;
    }

private slots:
    void cleanup()
    {
        m_gateway.reset();
        m_sim.reset();
    }

    void connectsIdentifiesAndReceivesTheGuild()
    {
        m_sim = std::make_unique<DiscordSimulator>();
        QVERIFY(m_sim->start(simOptions()));
        m_gateway = std::make_unique<Gateway>(settingsFor(*m_sim));
        QSignalSpy states(m_gateway.get(), &Gateway::stateChanged);
        QSignalSpy guilds(m_gateway.get(), &Gateway::guildCreate);
        QSignalSpy latency(m_gateway.get(), &Gateway::latencyChanged);
        m_gateway->start(m_sim->gatewayUrl());
        QVERIFY(guilds.wait(5000));
        QCOMPARE(guilds.first().first().toJsonObject().value(QStringLiteral("id")).toString(),
                 m_sim->guildId());
        QList<Gateway::State> seen;
        for (const auto &args : states)
            seen << args.first().value<Gateway::State>();
        QCOMPARE(seen, (QList<Gateway::State>{Gateway::State::Connecting,
                                              Gateway::State::Identifying, Gateway::State::Ready}));
        QCOMPARE(m_sim->identifyCount(), 1);
        QCOMPARE(m_gateway->sessionId(), m_sim->currentSessionId());
        const QList<QJsonObject> sent = m_sim->receivedGatewayPayloads();
        const QJsonObject identify = sent.first().value(QStringLiteral("d")).toObject();
        QCOMPARE(sent.first().value(QStringLiteral("op")).toInt(), 2);
        QCOMPARE(identify.value(QStringLiteral("intents")).toInt(), 1);
        QVERIFY(latency.wait(10000));
        // A sane round trip, not a timestamp; generous because a loaded machine stalls the ACK.
        QVERIFY(m_gateway->latencyMs() >= 0 && m_gateway->latencyMs() < 10000);
    }

    void interactionsArrive()
    {
        QVERIFY(startReady());
        QSignalSpy interactions(m_gateway.get(), &Gateway::interactionCreate);
        const QString id = m_sim->injectSlashCommand(m_sim->channelIds().first(),
                                                     QStringLiteral("1500000000000000001"), {},
                                                     QStringLiteral("server_status"));
        QVERIFY(interactions.wait(3000));
        const QJsonObject interaction = interactions.first().first().toJsonObject();
        QCOMPARE(interaction.value(QStringLiteral("id")).toString(), id);
        QCOMPARE(interaction.value(QStringLiteral("data"))
                     .toObject()
                     .value(QStringLiteral("name"))
                     .toString(),
                 QStringLiteral("server_status"));
    }

    void closeCodes_data()
    {
        QTest::addColumn<int>("code"); // -1: dropGateway(), TCP gone without a close frame
        QTest::addColumn<QString>("outcome");
        QTest::addColumn<QString>("hint");
        const QString resumed = QStringLiteral("resumed");
        const QString identified = QStringLiteral("identified again");
        const QString stopped = QStringLiteral("stopped");
        QTest::newRow("network drop") << -1 << resumed << QString();
        QTest::newRow("1001 going away") << 1001 << resumed << QString();
        QTest::newRow("4000 unknown error") << 4000 << resumed << QString();
        QTest::newRow("4001 unknown opcode") << 4001 << resumed << QString();
        QTest::newRow("4002 decode error") << 4002 << resumed << QString();
        QTest::newRow("4008 rate limited") << 4008 << resumed << QString();
        QTest::newRow("4003 not authenticated") << 4003 << identified << QString();
        QTest::newRow("4005 already authenticated") << 4005 << identified << QString();
        QTest::newRow("4007 invalid seq") << 4007 << identified << QString();
        QTest::newRow("4009 session timed out") << 4009 << identified << QString();
        QTest::newRow("4004 authentication failed")
            << 4004 << stopped
            << QStringLiteral("the bot token was rejected (close code 4004): reset it in the "
                              "Developer Portal");
        QTest::newRow("4010 invalid shard") << 4010 << stopped << QStringLiteral("shard");
        QTest::newRow("4011 sharding required") << 4011 << stopped << QStringLiteral("sharding");
        QTest::newRow("4012 invalid API version") << 4012 << stopped << QStringLiteral("v10");
        QTest::newRow("4013 invalid intents") << 4013 << stopped << QStringLiteral("intents");
        QTest::newRow("4014 disallowed intents")
            << 4014 << stopped << QStringLiteral("disallowed intents");
    }
    void closeCodes()
    {
        QFETCH(int, code);
        QFETCH(QString, outcome);
        QFETCH(QString, hint);
        QVERIFY(startReady());
        m_sim->dispatch(QStringLiteral("TEST_EVENT"), {{QStringLiteral("n"), 1}});
        QTRY_COMPARE(m_gateway->lastSequence(), 3); // READY, GUILD_CREATE, TEST_EVENT
        const QString session = m_gateway->sessionId();
        QSignalSpy stopped(m_gateway.get(), &Gateway::stopped);
        QSignalSpy resumed(m_gateway.get(), &Gateway::resumed);
        QSignalSpy ready(m_gateway.get(), &Gateway::ready);

        if (code < 0)
            m_sim->dropGateway();
        else
            m_sim->closeGateway(code, QStringLiteral("test"));

        if (outcome == QLatin1String("resumed")) {
            QVERIFY(resumed.wait(5000));
            QCOMPARE(m_sim->resumeCount(), 1);
            QCOMPARE(m_sim->identifyCount(), 1);
            QCOMPARE(m_gateway->sessionId(), session);
            QCOMPARE(m_gateway->state(), Gateway::State::Ready);
        } else if (outcome == QLatin1String("identified again")) {
            QVERIFY(ready.wait(5000));
            QCOMPARE(m_sim->identifyCount(), 2);
            QCOMPARE(m_sim->resumeCount(), 0);
            QVERIFY(m_gateway->sessionId() != session);
            QCOMPARE(m_gateway->sessionId(), m_sim->currentSessionId());
            QCOMPARE(m_gateway->state(), Gateway::State::Ready);
        } else {
            QVERIFY(stopped.wait(5000));
            QCOMPARE(m_gateway->state(), Gateway::State::Stopped);
            QVERIFY2(m_gateway->stopReason().contains(hint, Qt::CaseInsensitive),
                     qPrintable(m_gateway->stopReason()));
            QCOMPARE(stopped.first().first().toString(), m_gateway->stopReason());
            // Fatal means no retry: with a 5 ms backoff a retry would happen within the window.
            QTest::qWait(kQuietWindowMs);
            QCOMPARE(m_sim->gatewayConnectionCount(), 1);
            QCOMPARE(m_gateway->state(), Gateway::State::Stopped);
        }
    }

    void reconnectRequestResumes()
    {
        QVERIFY(startReady());
        QSignalSpy resumed(m_gateway.get(), &Gateway::resumed);
        m_sim->sendReconnect();
        QVERIFY(resumed.wait(5000));
        QCOMPARE(m_sim->gatewayConnectionCount(), 2);
        // A 1000/1001 close would have ended the session and RESUME would have failed.
        QCOMPARE(m_sim->resumeCount(), 1);
        QCOMPARE(m_sim->identifyCount(), 1);
    }

    void reconnectRequestBeforeHello()
    {
        m_sim = std::make_unique<DiscordSimulator>();
        QVERIFY(m_sim->start(simOptions()));
        // The first HELLO never comes within the test (nor does the gateway's own HELLO
        // timeout), so READY can only come from the connection that op 7 asked for.
        m_sim->setNextHelloDelayMs(120'000);
        GatewaySettings settings = settingsFor(*m_sim);
        settings.helloTimeoutMs = 120'000;
        m_gateway = std::make_unique<Gateway>(settings);
        QSignalSpy ready(m_gateway.get(), &Gateway::ready);
        m_gateway->start(m_sim->gatewayUrl());
        QTRY_COMPARE_WITH_TIMEOUT(m_sim->gatewayConnectionCount(), 1, 10000);
        QCOMPARE(m_gateway->state(), Gateway::State::Connecting);
        m_sim->sendReconnect();
        QVERIFY(ready.wait(10000));
        QCOMPARE(m_sim->gatewayConnectionCount(), 2);
        QCOMPARE(m_sim->identifyCount(), 1); // no session yet: nothing to resume
        QCOMPARE(m_sim->resumeCount(), 0);
    }

    void invalidSession_data()
    {
        QTest::addColumn<bool>("resumable");
        QTest::newRow("d:true resumes") << true;
        QTest::newRow("d:false identifies") << false;
    }
    void invalidSession()
    {
        QFETCH(bool, resumable);
        QVERIFY(startReady([](GatewaySettings &settings) {
            settings.invalidSessionMinWaitMs = 150;
            settings.invalidSessionMaxWaitMs = 250;
        }));
        QSignalSpy resumed(m_gateway.get(), &Gateway::resumed);
        QSignalSpy ready(m_gateway.get(), &Gateway::ready);
        QSignalSpy backingOff(m_gateway.get(), &Gateway::backingOff);
        const QString session = m_gateway->sessionId();
        QElapsedTimer timer;
        timer.start();
        m_sim->sendInvalidSession(resumable);
        if (resumable) {
            QVERIFY(resumed.wait(5000));
            QCOMPARE(m_sim->resumeCount(), 1);
            QCOMPARE(m_sim->identifyCount(), 1);
            QCOMPARE(m_gateway->sessionId(), session);
        } else {
            QVERIFY(ready.wait(5000));
            QVERIFY2(timer.elapsed() >= 150, qPrintable(QString::number(timer.elapsed())));
            QCOMPARE(backingOff.size(), 1);
            const int wait = backingOff.first().first().toInt();
            QVERIFY2(wait >= 150 && wait <= 250, qPrintable(QString::number(wait)));
            QCOMPARE(m_sim->identifyCount(), 2);
            QCOMPARE(m_sim->resumeCount(), 0);
            QVERIFY(m_gateway->sessionId() != session);
        }
    }

    void zombieConnectionIsReplaced()
    {
        QVERIFY(startReady());
        QSignalSpy states(m_gateway.get(), &Gateway::stateChanged);
        QSignalSpy resumed(m_gateway.get(), &Gateway::resumed);
        // Heartbeats that reached the silent simulator before the gateway gave up on it.
        int unansweredBeats = 0;
        bool detected = false;
        const auto beats =
            connect(m_sim.get(), &DiscordSimulator::gatewayPayloadReceived, this,
                    [&](const QJsonObject &payload) {
                        if (!detected && payload.value(QStringLiteral("op")).toInt() == 1)
                            ++unansweredBeats;
                    });
        const auto watch = connect(m_gateway.get(), &Gateway::stateChanged, this, [&] {
            if (!detected) {
                detected = true;
                m_sim->setAckSilence(false); // let the new connection live
            }
        });
        m_sim->setAckSilence(true);
        const bool resumedInTime = resumed.wait(10000);
        disconnect(watch);
        disconnect(beats);
        QVERIFY(resumedInTime);
        // The beat after the silence starts goes unanswered; the one after that finds it.
        // Counted in beats, not milliseconds: a loaded machine delays both alike.
        QVERIFY2(unansweredBeats <= 1, qPrintable(QString::number(unansweredBeats)));
        QCOMPARE(states.first().first().value<Gateway::State>(), Gateway::State::BackingOff);
        // Closed with 4000, not 1000/1001: the session survived and RESUME worked.
        QCOMPARE(m_sim->resumeCount(), 1);
        QCOMPARE(m_sim->identifyCount(), 1);
        QCOMPARE(m_sim->gatewayConnectionCount(), 2);
    }

    void heartbeatOnRequest()
    {
        m_sim = std::make_unique<DiscordSimulator>();
        QVERIFY(m_sim->start(simOptions(20000)));
        GatewaySettings settings = settingsFor(*m_sim);
        m_gateway = std::make_unique<Gateway>(settings);
        m_gateway->setRandomSource([] { return 0.99; }); // first scheduled beat after ~19.8 s
        QSignalSpy ready(m_gateway.get(), &Gateway::ready);
        m_gateway->start(m_sim->gatewayUrl());
        QVERIFY(ready.wait(5000));
        QCOMPARE(countOp(m_sim->receivedGatewayPayloads(), 1), 0);
        m_sim->dispatch(QStringLiteral("TEST_EVENT"), {{QStringLiteral("n"), 1}});
        QTRY_COMPARE(m_gateway->lastSequence(), 3);
        m_sim->sendHeartbeatRequest();
        QTRY_COMPARE_WITH_TIMEOUT(countOp(m_sim->receivedGatewayPayloads(), 1), 1, 10000);
        const QJsonObject beat = m_sim->receivedGatewayPayloads().last();
        QCOMPARE(beat.value(QStringLiteral("op")).toInt(), 1);
        QCOMPARE(beat.value(QStringLiteral("d")).toInt(), 3);
        QTRY_VERIFY(m_gateway->latencyMs() >= 0);
    }

    void identifyThrottle()
    {
        constexpr int gapMs = 300;
        DiscordSimOptions options = simOptions();
        // The simulator answers an IDENTIFY that comes too early with op 9, like Discord. It
        // and this test measure on arrival, which a loaded machine delays by an unknown amount,
        // so both allow half the gap: without the throttle the gaps are a few ms of backoff.
        constexpr int arrivalSlackMs = gapMs / 2;
        options.identifyMinIntervalMs = gapMs - arrivalSlackMs;
        m_sim = std::make_unique<DiscordSimulator>();
        QVERIFY(m_sim->start(options));
        GatewaySettings settings = settingsFor(*m_sim);
        settings.identifyGapMs = gapMs;
        QList<qint64> identifiedAt;
        QElapsedTimer timer;
        timer.start();
        const auto watch = connect(m_sim.get(), &DiscordSimulator::gatewayPayloadReceived, this,
                                   [&](const QJsonObject &payload) {
                                       if (payload.value(QStringLiteral("op")).toInt() == 2)
                                           identifiedAt << timer.elapsed();
                                   });
        m_gateway = std::make_unique<Gateway>(settings);
        QSignalSpy ready(m_gateway.get(), &Gateway::ready);
        m_gateway->start(m_sim->gatewayUrl());
        QVERIFY(ready.wait(5000));
        for (int round = 0; round < 2; ++round) {
            m_sim->closeGateway(4009, QStringLiteral("Session timed out."));
            QVERIFY(ready.wait(5000));
        }
        disconnect(watch);
        QCOMPARE(identifiedAt.size(), 3);
        QCOMPARE(m_sim->identifyCount(), 3);
        for (int i = 1; i < identifiedAt.size(); ++i)
            QVERIFY2(
                identifiedAt[i] - identifiedAt[i - 1] >= gapMs - arrivalSlackMs,
                qPrintable(QStringLiteral("gap %1 ms").arg(identifiedAt[i] - identifiedAt[i - 1])));
        QCOMPARE(countOp(m_sim->sentGatewayPayloads(), 9), 0);
    }

    void resumeReplaysMissedEventsExactlyOnce()
    {
        QVERIFY(startReady());
        QSignalSpy dispatches(m_gateway.get(), &Gateway::dispatch);
        QSignalSpy resumed(m_gateway.get(), &Gateway::resumed);
        for (int n = 1; n <= 3; ++n)
            m_sim->dispatch(QStringLiteral("TEST_EVENT"), {{QStringLiteral("n"), n}});
        QTRY_COMPARE(testEvents(dispatches), range(1, 3));
        m_sim->dropGateway();
        for (int n = 4; n <= 6; ++n) // while the client is away
            m_sim->dispatch(QStringLiteral("TEST_EVENT"), {{QStringLiteral("n"), n}});
        QVERIFY(resumed.wait(5000));
        for (int n = 7; n <= 8; ++n)
            m_sim->dispatch(QStringLiteral("TEST_EVENT"), {{QStringLiteral("n"), n}});
        // A sentinel after the last event: the connection is ordered, so any duplicate of
        // 1..8 would be delivered before it.
        m_sim->dispatch(QStringLiteral("TEST_EVENT"), {{QStringLiteral("n"), 9}});
        QTRY_VERIFY_WITH_TIMEOUT(testEvents(dispatches).contains(9), 10000);
        QCOMPARE(testEvents(dispatches), range(1, 9));
        QCOMPARE(m_sim->resumeCount(), 1);
        QCOMPARE(m_sim->identifyCount(), 1);
        // The replay came before RESUMED; RESUMED itself is a dispatch too.
        QStringList names;
        for (const auto &args : dispatches)
            names << args.first().toString();
        QCOMPARE(names.indexOf(QStringLiteral("RESUMED")), 6);
        QCOMPARE(m_gateway->lastSequence(), m_sim->currentSequence());
    }

    void zlibStreamEndToEnd()
    {
        QVERIFY(startReady([](GatewaySettings &settings) { settings.zlibStream = true; }));
        QSignalSpy dispatches(m_gateway.get(), &Gateway::dispatch);
        QSignalSpy resumed(m_gateway.get(), &Gateway::resumed);
        const QString padding(3000, QLatin1Char('p'));
        for (int n = 1; n <= 40; ++n)
            m_sim->dispatch(QStringLiteral("TEST_EVENT"),
                            {{QStringLiteral("n"), n}, {QStringLiteral("padding"), padding}});
        QTRY_COMPARE(testEvents(dispatches), range(1, 40));
        QCOMPARE(dispatches.last().at(1).toJsonObject().value(QStringLiteral("padding")).toString(),
                 padding);
        // A new connection is a new zlib stream.
        m_sim->dropGateway();
        m_sim->dispatch(QStringLiteral("TEST_EVENT"), {{QStringLiteral("n"), 41}});
        QVERIFY(resumed.wait(5000));
        m_sim->dispatch(QStringLiteral("TEST_EVENT"), {{QStringLiteral("n"), 42}});
        QTRY_COMPARE(testEvents(dispatches), range(1, 42));
        QTRY_VERIFY(m_gateway->latencyMs() >= 0); // ACKs decode too
    }

    void ordinaryEventsReachTheGateway()
    {
        QVERIFY(startReady());
        const QJsonObject presence{{QStringLiteral("since"), QJsonValue()},
                                   {QStringLiteral("activities"), QJsonArray()},
                                   {QStringLiteral("status"), QStringLiteral("online")},
                                   {QStringLiteral("afk"), false}};
        QVERIFY(m_gateway->sendEvent(GatewayOp::PresenceUpdate, presence));
        QTRY_COMPARE(countOp(m_sim->receivedGatewayPayloads(), 3), 1);
        QString error;
        QVERIFY(!m_gateway->sendEvent(
            GatewayOp::PresenceUpdate,
            QJsonObject{{QStringLiteral("status"), QString(5000, QLatin1Char('x'))}}, &error));
        // A valid sentinel on the same (ordered) connection: had the oversized payload gone
        // out, it would have arrived before the sentinel.
        QVERIFY(m_gateway->sendEvent(GatewayOp::PresenceUpdate, presence));
        QTRY_COMPARE_WITH_TIMEOUT(countOp(m_sim->receivedGatewayPayloads(), 3), 2, 10000);
        for (const QJsonObject &payload : m_sim->receivedGatewayPayloads())
            if (payload.value(QStringLiteral("op")).toInt() == 3)
                QCOMPARE(payload.value(QStringLiteral("d")).toObject(), presence);
        QCOMPARE(m_sim->gatewayConnectionCount(), 1); // no 4002 for an oversized payload
        QCOMPARE(m_gateway->state(), Gateway::State::Ready);
    }

    void stopKeepsOrEndsTheSession()
    {
        QVERIFY(startReady());
        QSignalSpy resumed(m_gateway.get(), &Gateway::resumed);
        QSignalSpy ready(m_gateway.get(), &Gateway::ready);
        m_gateway->stop(Gateway::StopMode::KeepSession);
        QCOMPARE(m_gateway->state(), Gateway::State::Stopped);
        m_gateway->start(m_sim->gatewayUrl());
        QVERIFY(resumed.wait(5000));
        QCOMPARE(m_sim->resumeCount(), 1);
        m_gateway->stop(Gateway::StopMode::EndSession);
        QCOMPARE(m_gateway->stopReason(), QStringLiteral("stopped on request"));
        m_gateway->start(m_sim->gatewayUrl());
        QVERIFY(ready.wait(5000));
        QCOMPARE(m_sim->identifyCount(), 2);
        QCOMPARE(m_sim->resumeCount(), 1);
    }
};

QTEST_GUILESS_MAIN(TestGateway)
#include "tst_gateway.moc"
