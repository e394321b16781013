#include "discord/GatewayPayloads.h"
#include "discord/GatewayPolicy.h"
#include "net/Backoff.h"

#include <QJsonDocument>
#include <QTest>

#include "TestSupport.h"

using namespace Pterodisbot;

class TestGatewayPolicy final : public QObject
{
    Q_OBJECT

private slots:
    void closeCodes_data()
    {
        QTest::addColumn<int>("code"); // -1: dropped without a close frame
        QTest::addColumn<int>("action");
        QTest::addColumn<bool>("ourBug");
        QTest::addColumn<QString>("messageHint");
        const int resume = int(GatewayCloseAction::Resume);
        const int identify = int(GatewayCloseAction::Identify);
        const int fatal = int(GatewayCloseAction::Fatal);
        QTest::newRow("drop") << -1 << resume << false << QString();
        QTest::newRow("1000 from server") << 1000 << resume << false << QString();
        QTest::newRow("1001 from server") << 1001 << resume << false << QString();
        QTest::newRow("1006 abnormal") << 1006 << resume << false << QString();
        QTest::newRow("4000") << 4000 << resume << false << QString();
        QTest::newRow("4001") << 4001 << resume << true << QString();
        QTest::newRow("4002") << 4002 << resume << true << QString();
        QTest::newRow("4008") << 4008 << resume << false << QString();
        QTest::newRow("undocumented 4006") << 4006 << resume << false << QString();
        QTest::newRow("4003") << 4003 << identify << false << QString();
        QTest::newRow("4005") << 4005 << identify << false << QString();
        QTest::newRow("4007") << 4007 << identify << false << QString();
        QTest::newRow("4009") << 4009 << identify << false << QString();
        QTest::newRow("4004") << 4004 << fatal << false
                              << QStringLiteral("the bot token was rejected");
        QTest::newRow("4010") << 4010 << fatal << false << QStringLiteral("shard");
        QTest::newRow("4011") << 4011 << fatal << false << QStringLiteral("sharding");
        QTest::newRow("4012") << 4012 << fatal << false << QStringLiteral("API v10");
        QTest::newRow("4013") << 4013 << fatal << false << QStringLiteral("intents");
        QTest::newRow("4014") << 4014 << fatal << false << QStringLiteral("disallowed intents");
    }
    void closeCodes()
    {
        QFETCH(int, code);
        QFETCH(int, action);
        QFETCH(bool, ourBug);
        QFETCH(QString, messageHint);
        const auto decision =
            gatewayCloseDecision(code < 0 ? std::nullopt : std::optional<int>(code));
        QCOMPARE(int(decision.action), action);
        QCOMPARE(decision.ourBug, ourBug);
        QVERIFY(!decision.name.isEmpty());
        if (decision.action == GatewayCloseAction::Fatal) {
            QVERIFY2(decision.userMessage.contains(messageHint, Qt::CaseInsensitive),
                     qPrintable(decision.userMessage));
            QVERIFY(decision.userMessage.contains(QString::number(code)));
        } else {
            QVERIFY(decision.userMessage.isEmpty());
        }
    }

    void tokenMessageNamesTheConfigKey()
    {
        const auto decision = gatewayCloseDecision(4004);
        QVERIFY(decision.userMessage.contains(QStringLiteral("Developer Portal")));
        QVERIFY(decision.userMessage.contains(QStringLiteral("discord.token")));
        QVERIFY(decision.userMessage.contains(QStringLiteral("PTERODISBOT_DISCORD_TOKEN")));
    }

    void backoffGrows_data()
    {
        QTest::addColumn<double>("random");
        QTest::addColumn<QList<int>>("expected");
        // cap = min(max, base × 2^n); delay = cap × (0.5 + 0.5 r)
        QTest::newRow("no jitter") << 0.0 << QList<int>{50, 100, 200, 400, 800, 1000, 1000};
        QTest::newRow("half jitter") << 0.5 << QList<int>{75, 150, 300, 600, 1200, 1500, 1500};
        QTest::newRow("full jitter") << 0.999 << QList<int>{99, 199, 399, 799, 1599, 1999, 1999};
    }
    void backoffGrows()
    {
        QFETCH(double, random);
        QFETCH(QList<int>, expected);
        Backoff backoff(100, 2000, [random] { return random; });
        QList<int> delays;
        for (int i = 0; i < expected.size(); ++i)
            delays << backoff.nextDelayMs();
        QCOMPARE(delays, expected);
        QCOMPARE(backoff.attempts(), expected.size());
        backoff.reset();
        QCOMPARE(backoff.nextDelayMs(), expected.first());
    }

    void backoffJitterVaries()
    {
        QList<double> randoms{0.1, 0.9};
        Backoff backoff(1000, 60000, [&randoms] { return randoms.takeFirst(); });
        QCOMPARE(backoff.nextDelayMs(), 550);  // 1000 × 0.55
        QCOMPARE(backoff.nextDelayMs(), 1900); // 2000 × 0.95
    }

    void backoffSurvivesManyAttempts()
    {
        Backoff backoff(1000, 60000, [] { return 0.0; });
        int last = 0;
        for (int i = 0; i < 100; ++i)
            last = backoff.nextDelayMs();
        QCOMPARE(last, 30000);
    }

    void payloadSize_data()
    {
        QTest::addColumn<int>("padding");
        QTest::addColumn<bool>("ok");
        // {"d":{"x":"<padding>"},"op":3} is 21 bytes plus the padding.
        QTest::newRow("small") << 10 << true;
        QTest::newRow("exactly 4096") << 4096 - 21 << true;
        QTest::newRow("4097") << 4096 - 20 << false;
        QTest::newRow("huge") << 100000 << false;
    }
    void payloadSize()
    {
        QFETCH(int, padding);
        QFETCH(bool, ok);
        const QJsonObject d{{QStringLiteral("x"), QString(padding, QLatin1Char('a'))}};
        const EncodedGatewayPayload payload = encodeGatewayPayload(GatewayOp::PresenceUpdate, d);
        QCOMPARE(payload.ok(), ok);
        if (ok) {
            QCOMPARE(payload.bytes.size(), padding + 21);
            const QJsonObject back = QJsonDocument::fromJson(payload.bytes).object();
            QCOMPARE(back.value(QStringLiteral("op")).toInt(), 3);
            QCOMPARE(back.value(QStringLiteral("d")).toObject(), d);
        } else {
            QVERIFY(payload.bytes.isEmpty());
            QVERIFY(payload.error.contains(QStringLiteral("4096")));
            QVERIFY(payload.error.contains(QString::number(padding + 21)));
        }
    }

    void identifyShape()
    {
        const QString token = TestSupport::fakeKey(QStringLiteral("MTE."));
        const QJsonObject d =
            identifyData(token, GatewayIntent::Guilds, QStringLiteral("linux"),
                         QStringLiteral("pterodisbot"), QStringLiteral("pterodisbot"));
        QCOMPARE(d.value(QStringLiteral("token")).toString(), token);
        QCOMPARE(d.value(QStringLiteral("intents")).toInt(), 1);
        const QJsonObject props = d.value(QStringLiteral("properties")).toObject();
        QCOMPARE(props.value(QStringLiteral("os")).toString(), QStringLiteral("linux"));
        QCOMPARE(props.value(QStringLiteral("browser")).toString(), QStringLiteral("pterodisbot"));
        QCOMPARE(props.value(QStringLiteral("device")).toString(), QStringLiteral("pterodisbot"));
        const QJsonObject r = resumeData(token, QStringLiteral("abc"), 42);
        QCOMPARE(r.value(QStringLiteral("seq")).toInteger(), 42);
        QCOMPARE(r.value(QStringLiteral("session_id")).toString(), QStringLiteral("abc"));
    }

    void descriptionsNeverCarryTheToken()
    {
        const QString token = TestSupport::fakeKey(QStringLiteral("MTE."), 'q');
        const QJsonObject identify = identifyData(token, 1, {}, {}, {});
        const QString a = describeGatewayPayload(GatewayOp::Identify, identify);
        const QString b =
            describeGatewayPayload(GatewayOp::Resume, resumeData(token, QStringLiteral("s"), 1));
        QCOMPARE(a, QStringLiteral("IDENTIFY"));
        QCOMPARE(b, QStringLiteral("RESUME"));
        QCOMPARE(describeGatewayPayload(GatewayOp::Heartbeat, 7), QStringLiteral("HEARTBEAT 7"));
        QCOMPARE(describeGatewayPayload(GatewayOp::Heartbeat, QJsonValue()),
                 QStringLiteral("HEARTBEAT null"));
        const QString longOne = describeGatewayPayload(
            3, QJsonObject{{QStringLiteral("x"), QString(1000, QLatin1Char('z'))}});
        QVERIFY(longOne.size() < 260);
    }
};

QTEST_GUILESS_MAIN(TestGatewayPolicy)
#include "tst_gatewaypolicy.moc"
