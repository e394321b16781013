// What /healthz answers, decided from plain inputs: one row per situation.
#include "monitoring/HealthVerdict.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include "logging.h"

using namespace Pterodisbot;

namespace {

//! A healthy bot: running, READY, panel answered, a cycle 2 s ago with a 10 s interval.
HealthInputs healthy()
{
    HealthInputs inputs;
    inputs.botState = BotCore::State::Running;
    inputs.gateway = Gateway::State::Ready;
    inputs.panelReachable = true;
    inputs.cycleIntervalMs = 10000;
    inputs.nowMs = 100000;
    inputs.lastCycleEndMs = 98000;
    return inputs;
}

} // namespace

Q_DECLARE_METATYPE(Pterodisbot::HealthInputs)

class TestHealthVerdict final : public QObject
{
    Q_OBJECT

private slots:
    void judges_data()
    {
        QTest::addColumn<HealthInputs>("inputs");
        QTest::addColumn<bool>("healthy");
        //! One reason per entry, each a fragment of the reason at that position.
        QTest::addColumn<QStringList>("reasons");

        QTest::newRow("all well") << healthy() << true << QStringList();

        HealthInputs inputs = healthy();
        inputs.lastCycleEndMs = inputs.nowMs - 30000;
        QTest::newRow("cycle exactly 3 intervals ago") << inputs << true << QStringList();
        inputs.lastCycleEndMs = inputs.nowMs - 30001;
        QTest::newRow("cycle just over 3 intervals ago")
            << inputs << false
            << QStringList{QStringLiteral("the last update cycle ended 30.0 s ago (more than 3 "
                                          "update intervals of 10.0 s)")};
        inputs.paused = true;
        QTest::newRow("old cycle while paused") << inputs << true << QStringList();

        inputs = healthy();
        inputs.lastCycleEndMs.reset();
        QTest::newRow("no cycle yet")
            << inputs << false << QStringList{QStringLiteral("no update cycle has finished yet")};

        inputs = healthy();
        inputs.gateway = Gateway::State::Resuming;
        QTest::newRow("gateway resuming")
            << inputs << false
            << QStringList{QStringLiteral("the Discord gateway is not ready (resuming)")};
        inputs.gateway = Gateway::State::BackingOff;
        QTest::newRow("gateway backing off")
            << inputs << false << QStringList{QStringLiteral("not ready (backing off)")};

        inputs = healthy();
        inputs.panelReachable = false;
        inputs.panelProblem = QStringLiteral("http 500: Server Error");
        QTest::newRow("panel down")
            << inputs << false
            << QStringList{QStringLiteral(
                   "the panel did not answer the last update cycle: http 500: Server Error")};

        inputs = healthy();
        inputs.botState = BotCore::State::Starting;
        inputs.gateway = Gateway::State::Disconnected;
        inputs.lastCycleEndMs.reset();
        QTest::newRow("starting") << inputs << false
                                  << QStringList{QStringLiteral("the bot is starting")};
        inputs.discordProblem = QStringLiteral("timeout: no answer since 12:03:10");
        QTest::newRow("starting without Discord")
            << inputs << false
            << QStringList{QStringLiteral(
                   "the bot is starting; Discord cannot be reached: timeout: no answer since "
                   "12:03:10")};

        inputs = healthy();
        inputs.botState = BotCore::State::Failed;
        inputs.gateway = Gateway::State::Stopped;
        inputs.fatalProblem = QStringLiteral("the token was rejected");
        QTest::newRow("failed") << inputs << false
                                << QStringList{QStringLiteral("the bot stopped: the token was "
                                                              "rejected")};

        inputs = healthy();
        inputs.botState = BotCore::State::Stopping;
        QTest::newRow("stopping") << inputs << false
                                  << QStringList{QStringLiteral("the bot is not running")};

        inputs = healthy();
        inputs.gateway = Gateway::State::Connecting;
        inputs.panelReachable = false;
        inputs.panelProblem = QStringLiteral("network: connection refused");
        inputs.lastCycleEndMs = inputs.nowMs - 60000;
        QTest::newRow("every reason at once")
            << inputs << false
            << QStringList{QStringLiteral("gateway is not ready (connecting)"),
                           QStringLiteral("panel did not answer"),
                           QStringLiteral("ended 60.0 s ago")};
    }
    void judges()
    {
        QFETCH(HealthInputs, inputs);
        QFETCH(bool, healthy);
        QFETCH(QStringList, reasons);
        const HealthVerdict verdict = HealthVerdict::judge(inputs);
        QCOMPARE(verdict.healthy, healthy);
        QCOMPARE(verdict.reasons.size(), reasons.size());
        for (qsizetype i = 0; i < reasons.size(); ++i)
            QVERIFY2(verdict.reasons.at(i).contains(reasons.at(i)),
                     qPrintable(verdict.reasons.at(i)));
    }

    void healthyBody()
    {
        const QJsonObject body =
            QJsonDocument::fromJson(HealthVerdict::judge(healthy()).toJson()).object();
        QCOMPARE(body.value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
        QCOMPARE(body.value(QStringLiteral("gateway")).toString(), QStringLiteral("ready"));
        QCOMPARE(body.value(QStringLiteral("panel")).toString(), QStringLiteral("reachable"));
        QCOMPARE(body.value(QStringLiteral("last_cycle_seconds_ago")).toDouble(), 2.0);
        QVERIFY(!body.contains(QStringLiteral("reasons")));
    }

    void unhealthyBodyListsTheReasons()
    {
        HealthInputs inputs = healthy();
        inputs.panelReachable = false;
        inputs.panelProblem = QStringLiteral("timeout");
        inputs.gateway = Gateway::State::Connecting;
        const QJsonObject body =
            QJsonDocument::fromJson(HealthVerdict::judge(inputs).toJson()).object();
        QCOMPARE(body.value(QStringLiteral("status")).toString(), QStringLiteral("unhealthy"));
        QCOMPARE(body.value(QStringLiteral("panel")).toString(), QStringLiteral("unreachable"));
        const QJsonArray reasons = body.value(QStringLiteral("reasons")).toArray();
        QCOMPARE(reasons.size(), 2);
        QCOMPARE(reasons.at(1).toString(),
                 QStringLiteral("the panel did not answer the last update cycle: timeout"));
    }

    // A reason comes from network error texts: a registered secret never reaches the body.
    void reasonsAreRedacted()
    {
        const QString secret = QStringLiteral("ptlc_") + QString(43, u'q');
        registerSecret(secret);
        HealthInputs inputs = healthy();
        inputs.panelReachable = false;
        inputs.panelProblem = QStringLiteral("auth: key ") + secret + QStringLiteral(" refused");
        const QByteArray body = HealthVerdict::judge(inputs).toJson();
        QVERIFY(!body.contains(secret.toUtf8()));
        QVERIFY(body.contains("[redacted]"));
    }
};

QTEST_GUILESS_MAIN(TestHealthVerdict)
#include "tst_healthverdict.moc"
