#include "discord/Gateway.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QMutex>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>
#include <QUrlQuery>
#include <QWebSocket>
#include <QWebSocketServer>

#include "../support/TestSupport.h"
#include "Clock.h"

using namespace Pterodisbot;

namespace {

//! A gateway that follows a script instead of Discord's rules, for the cases the
//! DiscordSimulator never produces (duplicate sequence numbers, a vanished resume URL) and to
//! watch what the client does on the wire (close codes, handshake headers).
class ScriptedServer final : public QObject
{
    Q_OBJECT

public:
    struct Connection
    {
        QWebSocket *socket = nullptr;
        QNetworkRequest request;
        QList<QJsonObject> received;
        int clientCloseCode = -1; //!< -1 while open or when the server closed it
        bool open = true;
    };

    ScriptedServer()
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QWebSocketServer::newConnection, this, &ScriptedServer::accept);
    }
    QUrl url() const
    {
        return QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(m_server.serverPort()));
    }

    bool sendHello = true;
    bool ack = true;
    int heartbeatIntervalMs = 10000;
    QString resumeUrl; //!< READY's resume_gateway_url; empty: this server
    QList<std::shared_ptr<Connection>> connections;

    Connection &last() { return *connections.last(); }
    void send(const QJsonObject &payload)
    {
        last().socket->sendTextMessage(
            QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Compact)));
    }
    void dispatch(const QString &event, int s, const QJsonObject &d = {})
    {
        send({{QStringLiteral("op"), 0},
              {QStringLiteral("t"), event},
              {QStringLiteral("s"), s},
              {QStringLiteral("d"), d}});
    }
    void sendOp(int op, const QJsonValue &d = QJsonValue())
    {
        send({{QStringLiteral("op"), op}, {QStringLiteral("d"), d}});
    }
    //! Payloads of one opcode the client sent, over every connection.
    QList<QJsonObject> sent(int op) const
    {
        QList<QJsonObject> result;
        for (const auto &connection : connections)
            for (const QJsonObject &payload : connection->received)
                if (payload.value(QStringLiteral("op")).toInt() == op)
                    result << payload;
        return result;
    }

signals:
    void payload(const QJsonObject &payload);

private:
    void accept()
    {
        while (QWebSocket *socket = m_server.nextPendingConnection()) {
            socket->setParent(this); // nextPendingConnection() hands the socket to the caller
            auto connection = std::make_shared<Connection>();
            connection->socket = socket;
            connection->request = socket->request();
            connections << connection;
            Connection *c = connection.get();
            connect(socket, &QWebSocket::textMessageReceived, this, [this, c](const QString &t) {
                const QJsonObject p = QJsonDocument::fromJson(t.toUtf8()).object();
                c->received << p;
                react(c, p);
                emit payload(p);
            });
            connect(socket, &QWebSocket::stateChanged, this, [c](QAbstractSocket::SocketState s) {
                if (s == QAbstractSocket::ClosingState && c->open)
                    c->clientCloseCode = 0; // a close frame arrived; the code follows
            });
            connect(socket, &QWebSocket::disconnected, this, [c] {
                if (c->clientCloseCode == 0)
                    c->clientCloseCode = int(c->socket->closeCode());
                c->open = false;
            });
            if (sendHello)
                send({{QStringLiteral("op"), 10},
                      {QStringLiteral("d"),
                       QJsonObject{{QStringLiteral("heartbeat_interval"), heartbeatIntervalMs}}}});
        }
    }
    void react(Connection *c, const QJsonObject &p)
    {
        if (c != connections.last().get())
            return;
        switch (p.value(QStringLiteral("op")).toInt()) {
        case 1:
            if (ack)
                sendOp(11);
            break;
        case 2:
            dispatch(
                QStringLiteral("READY"), 1,
                {{QStringLiteral("session_id"), QStringLiteral("session-%1").arg(++m_sessions)},
                 {QStringLiteral("resume_gateway_url"),
                  resumeUrl.isEmpty() ? url().toString() : resumeUrl}});
            break;
        default:
            break;
        }
    }

    QWebSocketServer m_server{QStringLiteral("scripted"), QWebSocketServer::NonSecureMode};
    int m_sessions = 0;
};

//! How long a test watches for a connection that must NOT be made. A loaded machine can only
//! make it shorter in effect: it may let a bug pass unnoticed, never fail a correct gateway.
constexpr int kQuietWindowMs = 50;

GatewaySettings fastSettings()
{
    GatewaySettings settings;
    settings.token = TestSupport::fakeKey(QStringLiteral("MTA1.scripted."));
    settings.identifyGapMs = 10;
    settings.backoffBaseMs = 5;
    settings.backoffMaxMs = 40;
    settings.invalidSessionMinWaitMs = 5;
    settings.invalidSessionMaxWaitMs = 10;
    settings.closeTimeoutMs = 500;
    return settings;
}

QStringList eventNames(const QSignalSpy &spy)
{
    QStringList names;
    for (const auto &args : spy)
        names << args.at(0).toString();
    return names;
}

QMutex s_logMutex;
QStringList s_log;
void captureLog(QtMsgType, const QMessageLogContext &, const QString &message)
{
    QMutexLocker lock(&s_logMutex);
    s_log << message;
}

} // namespace

class TestGatewayScripted final : public QObject
{
    Q_OBJECT

private slots:
    void handshake_data()
    {
        QTest::addColumn<bool>("zlib");
        QTest::newRow("json") << false;
        QTest::newRow("zlib-stream") << true;
    }
    void handshake()
    {
        QFETCH(bool, zlib);
        ScriptedServer server;
        server.sendHello = false;
        GatewaySettings settings = fastSettings();
        settings.zlibStream = zlib;
        Gateway gateway(settings);
        gateway.start(server.url());
        QTRY_COMPARE(server.connections.size(), 1);
        const QNetworkRequest request = server.last().request;
        const QUrlQuery query(request.url());
        QCOMPARE(query.queryItemValue(QStringLiteral("v")), QStringLiteral("10"));
        QCOMPARE(query.queryItemValue(QStringLiteral("encoding")), QStringLiteral("json"));
        QCOMPARE(query.queryItemValue(QStringLiteral("compress")),
                 zlib ? QStringLiteral("zlib-stream") : QString());
        const QByteArray agent = request.rawHeader("User-Agent");
        QVERIFY2(agent.startsWith("DiscordBot (http") && agent.endsWith(")"), agent.constData());
        QCOMPARE(gateway.state(), Gateway::State::Connecting);
    }

    void identifiesWithGuildsIntentOnly()
    {
        ScriptedServer server;
        Gateway gateway(fastSettings());
        QSignalSpy ready(&gateway, &Gateway::ready);
        gateway.start(server.url());
        QVERIFY(ready.wait(5000));
        const QList<QJsonObject> identifies = server.sent(2);
        QCOMPARE(identifies.size(), 1);
        const QJsonObject d = identifies.first().value(QStringLiteral("d")).toObject();
        QCOMPARE(d.value(QStringLiteral("token")).toString(), fastSettings().token);
        QCOMPARE(d.value(QStringLiteral("intents")).toInt(), 1);
        const QJsonObject props = d.value(QStringLiteral("properties")).toObject();
        QVERIFY(!props.value(QStringLiteral("os")).toString().isEmpty());
        QCOMPARE(props.value(QStringLiteral("browser")).toString(), QStringLiteral("pterodisbot"));
        QCOMPARE(props.value(QStringLiteral("device")).toString(), QStringLiteral("pterodisbot"));
        QCOMPARE(gateway.state(), Gateway::State::Ready);
        QCOMPARE(gateway.sessionId(), QStringLiteral("session-1"));
        QCOMPARE(gateway.resumeGatewayUrl(), server.url());
    }

    void refusesPrivilegedIntents_data()
    {
        QTest::addColumn<int>("intents");
        QTest::newRow("GUILD_MEMBERS") << (1 | 1 << 1);
        QTest::newRow("GUILD_PRESENCES") << (1 << 8);
        QTest::newRow("MESSAGE_CONTENT") << (1 << 15);
    }
    void refusesPrivilegedIntents()
    {
        QFETCH(int, intents);
        ScriptedServer server;
        GatewaySettings settings = fastSettings();
        settings.intents = intents;
        Gateway gateway(settings);
        QSignalSpy stopped(&gateway, &Gateway::stopped);
        gateway.start(server.url());
        QCOMPARE(gateway.state(), Gateway::State::Stopped);
        QCOMPARE(stopped.size(), 1);
        QVERIFY(gateway.stopReason().contains(QStringLiteral("privileged")));
        QTest::qWait(kQuietWindowMs);
        QCOMPARE(server.connections.size(), 0);
    }

    void refusesToStartWithoutToken()
    {
        GatewaySettings settings = fastSettings();
        settings.token.clear();
        Gateway gateway(settings);
        gateway.start(QUrl(QStringLiteral("ws://127.0.0.1:1")));
        QCOMPARE(gateway.state(), Gateway::State::Stopped);
        QVERIFY(gateway.stopReason().contains(QStringLiteral("discord.token")));
    }

    void refusesABadGatewayUrl_data()
    {
        QTest::addColumn<QString>("url");
        QTest::newRow("empty") << QString();
        QTest::newRow("https") << QStringLiteral("https://127.0.0.1:1");
        QTest::newRow("no host") << QStringLiteral("wss://");
    }
    void refusesABadGatewayUrl()
    {
        QFETCH(QString, url);
        Gateway gateway(fastSettings());
        gateway.start(QUrl(url));
        QCOMPARE(gateway.state(), Gateway::State::Stopped);
        QVERIFY(gateway.stopReason().contains(QStringLiteral("gateway URL")));
    }

    void deliversEachSequenceOnce()
    {
        ScriptedServer server;
        Gateway gateway(fastSettings());
        QSignalSpy dispatches(&gateway, &Gateway::dispatch);
        QSignalSpy ready(&gateway, &Gateway::ready);
        gateway.start(server.url());
        QVERIFY(ready.wait(5000));
        server.dispatch(QStringLiteral("A"), 2);
        server.dispatch(QStringLiteral("B"), 3);
        server.dispatch(QStringLiteral("A"), 2); // replayed twice, as a resume might
        server.dispatch(QStringLiteral("B"), 3);
        server.dispatch(QStringLiteral("C"), 4);
        // A sentinel: the connection is ordered, so a duplicate would be delivered before it.
        server.dispatch(QStringLiteral("D"), 5);
        QTRY_COMPARE(dispatches.size(), 5);
        QCOMPARE(eventNames(dispatches),
                 (QStringList{QStringLiteral("READY"), QStringLiteral("A"), QStringLiteral("B"),
                              QStringLiteral("C"), QStringLiteral("D")}));
        QCOMPARE(gateway.lastSequence(), 5);
    }

    void typedSignals()
    {
        ScriptedServer server;
        Gateway gateway(fastSettings());
        QSignalSpy ready(&gateway, &Gateway::ready);
        QSignalSpy interactions(&gateway, &Gateway::interactionCreate);
        QSignalSpy guilds(&gateway, &Gateway::guildCreate);
        gateway.start(server.url());
        QVERIFY(ready.wait(5000));
        server.dispatch(QStringLiteral("GUILD_CREATE"), 2,
                        {{QStringLiteral("id"), QStringLiteral("9")}});
        server.dispatch(QStringLiteral("INTERACTION_CREATE"), 3,
                        {{QStringLiteral("id"), QStringLiteral("77")}});
        QTRY_COMPARE(interactions.size(), 1);
        QCOMPARE(guilds.size(), 1);
        QCOMPARE(guilds.first().first().toJsonObject().value(QStringLiteral("id")).toString(),
                 QStringLiteral("9"));
        QCOMPARE(interactions.first().first().toJsonObject().value(QStringLiteral("id")).toString(),
                 QStringLiteral("77"));
    }

    void firstHeartbeatIsJitteredAndCarriesTheSequence()
    {
        // A long interval and a small jitter keep "jittered" (600 ms) far from "not jittered"
        // (3000 ms) and from "jittered the wrong way" (2400 ms), so a loaded machine that
        // delays the beat by a second still tells them apart.
        constexpr int intervalMs = 3000;
        constexpr double jitter = 0.2;
        ScriptedServer server;
        server.heartbeatIntervalMs = intervalMs;
        // X follows READY at once, long before the first beat is due.
        connect(&server, &ScriptedServer::payload, &server, [&server](const QJsonObject &p) {
            if (p.value(QStringLiteral("op")).toInt() == 2)
                server.dispatch(QStringLiteral("X"), 2);
        });
        Gateway gateway(fastSettings());
        gateway.setRandomSource([] { return jitter; });
        QSignalSpy ready(&gateway, &Gateway::ready);
        QElapsedTimer timer;
        timer.start();
        gateway.start(server.url());
        QVERIFY(ready.wait(10000));
        QTRY_COMPARE_WITH_TIMEOUT(server.sent(1).size(), 1, 10000);
        const qint64 first = timer.elapsed();
        QVERIFY2(first >= intervalMs * jitter * 0.9 && first < intervalMs * 2 / 3,
                 qPrintable(QString::number(first)));
        QCOMPARE(server.sent(1).first().value(QStringLiteral("d")).toInt(), 2);
        QTRY_COMPARE_WITH_TIMEOUT(server.sent(1).size(), 2, 10000);
        const qint64 second = timer.elapsed();
        QVERIFY2(second - first >= intervalMs * 0.9, qPrintable(QString::number(second - first)));
        QVERIFY(gateway.latencyMs() >= 0);
        QCOMPARE(gateway.heartbeatIntervalMs(), intervalMs);
    }

    void zombieClosesWith4000AndResumes()
    {
        ScriptedServer server;
        server.heartbeatIntervalMs = 500;
        server.ack = false;
        connect(&server, &ScriptedServer::payload, &server, [&server](const QJsonObject &p) {
            const int op = p.value(QStringLiteral("op")).toInt();
            if (op == 2) // X follows READY at once, before the beat that finds the zombie
                server.dispatch(QStringLiteral("X"), 2);
            else if (op == 6) // the new connection lives: no second zombie while we look
                server.ack = true;
        });
        Gateway gateway(fastSettings());
        gateway.setRandomSource([] { return 0.0; });
        QSignalSpy ready(&gateway, &Gateway::ready);
        gateway.start(server.url());
        QVERIFY(ready.wait(5000));
        QTRY_COMPARE(server.connections.size(), 2);
        QTRY_COMPARE(server.connections.first()->clientCloseCode, 4000);
        QTRY_COMPARE(server.sent(6).size(), 1);
        const QJsonObject resume = server.sent(6).first().value(QStringLiteral("d")).toObject();
        QCOMPARE(resume.value(QStringLiteral("session_id")).toString(),
                 QStringLiteral("session-1"));
        QCOMPARE(resume.value(QStringLiteral("seq")).toInt(), 2);
        QCOMPARE(resume.value(QStringLiteral("token")).toString(), fastSettings().token);
        QCOMPARE(server.sent(2).size(), 1);
        QCOMPARE(gateway.state(), Gateway::State::Resuming);
    }

    void reconnectRequestClosesWithoutEndingTheSession()
    {
        ScriptedServer server;
        Gateway gateway(fastSettings());
        QSignalSpy ready(&gateway, &Gateway::ready);
        gateway.start(server.url());
        QVERIFY(ready.wait(5000));
        server.sendOp(7);
        QTRY_COMPARE(server.sent(6).size(), 1);
        // The old socket's close may be seen after the new connection's RESUME.
        QTRY_COMPARE(server.connections.first()->clientCloseCode, 4000);
    }

    void stopCloseCodes_data()
    {
        QTest::addColumn<bool>("keep");
        QTest::addColumn<int>("code");
        QTest::newRow("end session") << false << 1000;
        QTest::newRow("keep session") << true << 4900;
    }
    void stopCloseCodes()
    {
        QFETCH(bool, keep);
        QFETCH(int, code);
        ScriptedServer server;
        Gateway gateway(fastSettings());
        QSignalSpy ready(&gateway, &Gateway::ready);
        QSignalSpy stopped(&gateway, &Gateway::stopped);
        gateway.start(server.url());
        QVERIFY(ready.wait(5000));
        gateway.stop(keep ? Gateway::StopMode::KeepSession : Gateway::StopMode::EndSession);
        QCOMPARE(gateway.state(), Gateway::State::Stopped);
        QCOMPARE(stopped.size(), 1);
        QTRY_COMPARE(server.connections.first()->clientCloseCode, code);
        QCOMPARE(gateway.sessionId().isEmpty(), !keep);
        // Starting again resumes a kept session and identifies otherwise.
        gateway.start(server.url());
        QTRY_COMPARE(server.connections.size(), 2);
        // The first payload that is not a heartbeat: a heartbeat may come before or after it
        // (its first beat is jittered, IDENTIFY may wait for the identify gap).
        const auto opening = [&server] {
            for (const QJsonObject &payload : std::as_const(server.connections.last()->received))
                if (payload.value(QStringLiteral("op")).toInt() != 1)
                    return payload.value(QStringLiteral("op")).toInt();
            return -1;
        };
        QTRY_VERIFY(opening() >= 0);
        QCOMPARE(opening(), keep ? 6 : 2);
    }

    void helloTimeoutReconnects()
    {
        ScriptedServer server;
        server.sendHello = false;
        GatewaySettings settings = fastSettings();
        settings.helloTimeoutMs = 150;
        Gateway gateway(settings);
        gateway.start(server.url());
        QTRY_COMPARE(server.connections.size(), 2);
        QVERIFY(server.sent(2).isEmpty());
    }

    void resumeUrlThatFailsFallsBackToGatewayUrl()
    {
        ScriptedServer server;
        // A port nobody listens on: bind, note the port, close.
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost, 0);
        server.resumeUrl = QStringLiteral("ws://127.0.0.1:%1").arg(probe.serverPort());
        probe.close();
        Gateway gateway(fastSettings());
        QSignalSpy ready(&gateway, &Gateway::ready);
        QSignalSpy backingOff(&gateway, &Gateway::backingOff);
        gateway.start(server.url());
        QVERIFY(ready.wait(5000));
        server.last().socket->abort();
        // Two failed attempts at the resume URL, then RESUME on the normal URL.
        QTRY_COMPARE(server.sent(6).size(), 1);
        QCOMPARE(server.connections.size(), 2);
        QVERIFY2(backingOff.size() >= 3, qPrintable(QString::number(backingOff.size())));
    }

    void backoffGrowsUntilASessionIsReadyAgain()
    {
        ScriptedServer server;
        GatewaySettings settings = fastSettings();
        settings.backoffBaseMs = 20;
        settings.backoffMaxMs = 100;
        Gateway gateway(settings);
        gateway.setRandomSource([] { return 0.0; });
        QSignalSpy ready(&gateway, &Gateway::ready);
        QSignalSpy resumed(&gateway, &Gateway::resumed);
        QSignalSpy backingOff(&gateway, &Gateway::backingOff);
        gateway.start(server.url());
        QVERIFY(ready.wait(5000));
        // Every RESUME is met by a dropped connection: the waits grow up to the maximum.
        connect(&server, &ScriptedServer::payload, &server, [&server](const QJsonObject &p) {
            if (p.value(QStringLiteral("op")).toInt() == 6 && server.connections.size() < 7)
                server.last().socket->abort();
        });
        server.last().socket->abort();
        QTRY_COMPARE(server.connections.size(), 7);
        QList<int> waits;
        for (const auto &args : backingOff)
            waits << args.first().toInt();
        QCOMPARE(waits, (QList<int>{10, 20, 40, 50, 50, 50})); // min(100, 20 × 2^n) × 0.5
        QCOMPARE(gateway.state(), Gateway::State::Resuming);
        // RESUMED resets the backoff: the next failure waits the base again.
        server.dispatch(QStringLiteral("RESUMED"), 2);
        QVERIFY(resumed.wait(5000));
        QCOMPARE(gateway.state(), Gateway::State::Ready);
        QCOMPARE(gateway.backoffMs(), 0);
        server.last().socket->abort();
        QTRY_COMPARE(backingOff.size(), 7);
        QCOMPARE(backingOff.last().first().toInt(), 10);
    }

    void invalidSessionIdentifiesOnNormalUrlAfterWaiting()
    {
        ScriptedServer server;
        GatewaySettings settings = fastSettings();
        settings.invalidSessionMinWaitMs = 200;
        settings.invalidSessionMaxWaitMs = 400;
        Gateway gateway(settings);
        gateway.setRandomSource([] { return 0.5; });
        QSignalSpy ready(&gateway, &Gateway::ready);
        QSignalSpy backingOff(&gateway, &Gateway::backingOff);
        gateway.start(server.url());
        QVERIFY(ready.wait(5000));
        QElapsedTimer timer;
        timer.start();
        server.sendOp(9, false);
        QVERIFY(ready.wait(5000));
        QVERIFY2(timer.elapsed() >= 300, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(backingOff.size(), 1);
        QCOMPARE(backingOff.first().first().toInt(), 300); // 200 + 0.5 × (400 − 200)
        QCOMPARE(server.sent(2).size(), 2);
        QCOMPARE(server.sent(6).size(), 0);
        QCOMPARE(gateway.sessionId(), QStringLiteral("session-2"));
    }

    void refusesOversizedAndManagedPayloads()
    {
        ScriptedServer server;
        Gateway gateway(fastSettings());
        QSignalSpy ready(&gateway, &Gateway::ready);
        QSignalSpy refused(&gateway, &Gateway::sendRefused);
        gateway.start(server.url());
        QVERIFY(ready.wait(5000));
        QString error;
        const QJsonObject huge{{QStringLiteral("x"), QString(5000, QLatin1Char('a'))}};
        QVERIFY(!gateway.sendEvent(3, huge, &error));
        QVERIFY(error.contains(QStringLiteral("4096")));
        QVERIFY(!gateway.sendEvent(2, QJsonObject{}, &error));
        QVERIFY(!gateway.sendEvent(1, QJsonValue(), &error));
        QCOMPARE(refused.size(), 3);
        QVERIFY(gateway.sendEvent(
            3, QJsonObject{{QStringLiteral("status"), QStringLiteral("online")}}));
        // The accepted event went out after the refused ones on an ordered connection: had one
        // of them been sent (or queued), it would have arrived before it.
        QTRY_COMPARE(server.sent(3).size(), 1);
        for (const QJsonObject &payload : server.last().received)
            QVERIFY(QJsonDocument(payload).toJson(QJsonDocument::Compact).size() <= 4096);
    }

    void sendLimiterQueuesButHeartbeatsPass()
    {
        ScriptedServer server;
        server.heartbeatIntervalMs = 40;
        GatewaySettings settings = fastSettings();
        settings.sendLimit = 3; // IDENTIFY takes one of them
        settings.sendWindowMs = 600;
        // The limiter's window runs on this clock: it only passes when the test says so, while
        // heartbeats keep their real timer.
        ManualClock clock;
        Gateway gateway(settings, &clock);
        QSignalSpy ready(&gateway, &Gateway::ready);
        // Queued before READY: sent once the session is ready.
        gateway.start(server.url());
        for (int i = 0; i < 4; ++i)
            QVERIFY(gateway.sendEvent(3, QJsonObject{{QStringLiteral("n"), i}}));
        QVERIFY(ready.wait(5000));
        QTRY_COMPARE(server.sent(3).size(), 2);
        QCOMPARE(gateway.queuedEvents(), 2);
        // Heartbeats pass the full limiter while the window holds the events back.
        const int heartbeatsBefore = int(server.sent(1).size());
        QTRY_VERIFY_WITH_TIMEOUT(int(server.sent(1).size()) >= heartbeatsBefore + 5, 10000);
        QCOMPARE(server.sent(3).size(), 2);
        QCOMPARE(gateway.queuedEvents(), 2);
        clock.advance(settings.sendWindowMs);
        QTRY_COMPARE_WITH_TIMEOUT(server.sent(3).size(), 4, 10000);
        QList<int> order;
        for (const QJsonObject &p : server.sent(3))
            order << p.value(QStringLiteral("d")).toObject().value(QStringLiteral("n")).toInt();
        QCOMPARE(order, (QList<int>{0, 1, 2, 3}));
        QCOMPARE(gateway.queuedEvents(), 0);
    }

    void tokenNeverLogged()
    {
        QLoggingCategory::setFilterRules(QStringLiteral("pterodisbot.gateway.debug=true"));
        {
            QMutexLocker lock(&s_logMutex);
            s_log.clear();
        }
        const QtMessageHandler previous = qInstallMessageHandler(captureLog);
        {
            ScriptedServer server;
            Gateway gateway(fastSettings());
            QSignalSpy ready(&gateway, &Gateway::ready);
            gateway.start(server.url());
            QVERIFY(ready.wait(5000));
            server.sendOp(7);
            QTRY_COMPARE(server.sent(6).size(), 1);
            gateway.stop();
        }
        qInstallMessageHandler(previous);
        QLoggingCategory::setFilterRules(QString());
        QMutexLocker lock(&s_logMutex);
        const QString all = s_log.join(QLatin1Char('\n'));
        QVERIFY(all.contains(QStringLiteral("IDENTIFY")));
        QVERIFY(all.contains(QStringLiteral("RESUME")));
        QVERIFY(!all.contains(fastSettings().token));
        QVERIFY(!all.contains(QStringLiteral("MTA1.scripted")));
    }
};

QTEST_GUILESS_MAIN(TestGatewayScripted)
#include "tst_gatewayscripted.moc"
