#include "bot/OutageAlerts.h"

#include <QTest>

using namespace Pterodisbot;

namespace {

const QString kServer = QStringLiteral("1a2b3c4d");
const QString kName = QStringLiteral("Survival");

QString describe(qint64 atMs, const OutageAlerts::Alert &alert)
{
    return QStringLiteral("%1s %2: %3")
        .arg(atMs / 1000)
        .arg(OutageAlerts::kindName(alert.kind), alert.text);
}

// Plays a script of "<seconds>:<event>" tokens against one server and lists the alerts.
// Events: R running, O offline, S starting, T stopping, U unknown (no data), a trailing '!'
// sets botStopPending; E = the bot sent a stop/restart; P- / P+ = panel down / back.
QStringList play(OutageAlerts &alerts, const QString &script)
{
    QStringList out;
    const QStringList tokens = script.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString &token : tokens) {
        const qsizetype colon = token.indexOf(QLatin1Char(':'));
        const qint64 at = token.left(colon).toLongLong() * 1000;
        QString event = token.mid(colon + 1);
        std::optional<OutageAlerts::Alert> alert;
        if (event == u"E") {
            alerts.expectStop(kServer, at);
        } else if (event == u"P-" || event == u"P+") {
            alert = alerts.setPanelReachable(event == u"P+", at);
        } else {
            const bool pending = event.endsWith(QLatin1Char('!'));
            if (pending)
                event.chop(1);
            PowerState state = PowerState::Unknown;
            if (event == u"R")
                state = PowerState::Running;
            else if (event == u"O")
                state = PowerState::Offline;
            else if (event == u"S")
                state = PowerState::Starting;
            else if (event == u"T")
                state = PowerState::Stopping;
            else if (event != u"U")
                qFatal("bad script token");
            alert = alerts.observe({kServer, kName, state, at, pending});
        }
        if (alert)
            out.append(describe(at, *alert));
    }
    return out;
}

} // namespace

class TestOutageAlerts final : public QObject
{
    Q_OBJECT

private slots:
    void scenarios_data()
    {
        QTest::addColumn<QString>("script");
        QTest::addColumn<QStringList>("expected");
        const auto crash = [](int s) {
            return QStringLiteral("%1s crash: Survival went offline unexpectedly").arg(s);
        };
        const auto back = [](int s, const char *after) {
            return QStringLiteral("%1s recovery: Survival is back after %2")
                .arg(s)
                .arg(QLatin1String(after));
        };
        const QString panelDown = QStringLiteral("panel unreachable: The panel is unreachable; "
                                                 "server states are unknown until it answers "
                                                 "again");
        // clang-format off
        QTest::newRow("crash and recovery") << QStringLiteral("0:R 10:O 202:S 212:R")
            << QStringList{crash(10), back(212, "3 min 22 s")};
        QTest::newRow("bot stop via stopping") << QStringLiteral("0:R 5:E 10:T 20:O 100:S 110:R")
            << QStringList{};
        QTest::newRow("bot stop straight to offline") << QStringLiteral("0:R 5:E 10:O")
            << QStringList{};
        QTest::newRow("stop pending flag") << QStringLiteral("0:R 10:O!") << QStringList{};
        QTest::newRow("expectation at window edge") << QStringLiteral("0:R 0:E 300:O")
            << QStringList{};
        QTest::newRow("expectation expired") << QStringLiteral("0:R 0:E 301:O")
            << QStringList{crash(301)};
        QTest::newRow("restart, then real crash") << QStringLiteral("0:R 5:E 10:O 20:S 30:R 40:O")
            << QStringList{crash(40)};
        QTest::newRow("quick restart seen starting") << QStringLiteral("0:R 5:E 10:S 20:R 30:O")
            << QStringList{crash(30)};
        QTest::newRow("restart not seen at all") << QStringLiteral("0:R 5:E 10:R 20:O")
            << QStringList{};
        QTest::newRow("panel stop passes stopping") << QStringLiteral("0:R 10:T 20:O")
            << QStringList{};
        QTest::newRow("first seen offline") << QStringLiteral("0:O 10:O 20:S 30:R")
            << QStringList{};
        QTest::newRow("one alert while down") << QStringLiteral("0:R 10:O 20:O 30:O")
            << QStringList{crash(10)};
        QTest::newRow("crash loop while starting") << QStringLiteral("0:R 10:O 20:S 30:O 40:S 50:O 60:S 70:R")
            << QStringList{crash(10), back(70, "1 min")};
        QTest::newRow("unknown is no data") << QStringLiteral("0:R 10:U 20:U 30:R") << QStringList{};
        QTest::newRow("unknown between running and offline") << QStringLiteral("0:R 10:U 20:O")
            << QStringList{crash(20)};
        QTest::newRow("starting -> offline") << QStringLiteral("0:S 10:O") << QStringList{};
        QTest::newRow("running -> starting") << QStringLiteral("0:R 10:S 20:R") << QStringList{};
        QTest::newRow("panel outage is no crash") << QStringLiteral("0:R 10:P- 20:U 30:U 330:P+ 340:R")
            << QStringList{QStringLiteral("10s ") + panelDown,
                           QStringLiteral("330s panel recovered: The panel is reachable again after 5 min 20 s")};
        QTest::newRow("down after panel outage") << QStringLiteral("0:R 10:P- 100:P+ 110:O 120:R")
            << QStringList{QStringLiteral("10s ") + panelDown,
                           QStringLiteral("100s panel recovered: The panel is reachable again after 1 min 30 s"),
                           crash(110), back(120, "10 s")};
        QTest::newRow("panel changes only") << QStringLiteral("0:P- 10:P- 20:P+ 30:P+")
            << QStringList{QStringLiteral("0s ") + panelDown,
                           QStringLiteral("20s panel recovered: The panel is reachable again after 20 s")};
        QTest::newRow("long outage") << QStringLiteral("0:R 10:O 90010:R")
            << QStringList{crash(10), back(90010, "1 d 1 h")};
        QTest::newRow("recovery within a second") << QStringLiteral("0:R 10:O 10:R")
            << QStringList{crash(10), back(10, "less than 1 s")};
        // clang-format on
    }
    void scenarios()
    {
        QFETCH(QString, script);
        QFETCH(QStringList, expected);
        ManualClock clock;
        OutageAlerts alerts(&clock);
        QCOMPARE(play(alerts, script), expected);
    }

    void formatsDurations_data()
    {
        QTest::addColumn<qint64>("ms");
        QTest::addColumn<QString>("text");
        QTest::newRow("0") << qint64(0) << QStringLiteral("less than 1 s");
        QTest::newRow("999 ms") << qint64(999) << QStringLiteral("less than 1 s");
        QTest::newRow("1 s") << qint64(1000) << QStringLiteral("1 s");
        QTest::newRow("59.9 s") << qint64(59'900) << QStringLiteral("59 s");
        QTest::newRow("60 s") << qint64(60'000) << QStringLiteral("1 min");
        QTest::newRow("3 min 12 s") << qint64(192'000) << QStringLiteral("3 min 12 s");
        QTest::newRow("59 min 59 s") << qint64(3'599'000) << QStringLiteral("59 min 59 s");
        QTest::newRow("1 h") << qint64(3'600'000) << QStringLiteral("1 h");
        QTest::newRow("2 h 5 min") << qint64(7'530'000) << QStringLiteral("2 h 5 min");
        QTest::newRow("1 d") << qint64(86'400'000) << QStringLiteral("1 d");
        QTest::newRow("3 d 4 h") << qint64(273'600'000) << QStringLiteral("3 d 4 h");
        QTest::newRow("negative") << qint64(-5) << QStringLiteral("less than 1 s");
    }
    void formatsDurations()
    {
        QFETCH(qint64, ms);
        QFETCH(QString, text);
        QCOMPARE(OutageAlerts::formatDuration(ms), text);
    }

    void alertCarriesValues()
    {
        ManualClock clock;
        OutageAlerts alerts(&clock);
        QVERIFY(!alerts.observe({kServer, kName, PowerState::Running}));
        clock.advance(5'000);
        QTest::ignoreMessage(QtWarningMsg, "server \"1a2b3c4d\" went offline unexpectedly");
        const auto crash = alerts.observe({kServer, kName, PowerState::Offline});
        QVERIFY(crash);
        QCOMPARE(crash->kind, OutageAlerts::Alert::Kind::Crash);
        QCOMPARE(crash->serverId, kServer);
        QCOMPARE(crash->serverName, kName);
        QCOMPARE(crash->downtimeMs, qint64(0));
        QVERIFY(alerts.isDown(kServer));

        clock.advance(192'345); // observations without a time use the clock
        const auto back = alerts.observe({kServer, kName, PowerState::Running});
        QVERIFY(back);
        QCOMPARE(back->kind, OutageAlerts::Alert::Kind::Recovery);
        QCOMPARE(back->downtimeMs, qint64(192'345));
        QCOMPARE(back->text, QStringLiteral("Survival is back after 3 min 12 s"));
        QVERIFY(!alerts.isDown(kServer));
    }

    void nameFallsBackToId()
    {
        ManualClock clock;
        OutageAlerts alerts(&clock);
        alerts.observe({kServer, QString(), PowerState::Running});
        const auto crash = alerts.observe({kServer, QString(), PowerState::Offline});
        QVERIFY(crash);
        QCOMPARE(crash->serverName, kServer);
        QCOMPARE(crash->text, QStringLiteral("1a2b3c4d went offline unexpectedly"));
    }

    void serversAreIndependent()
    {
        ManualClock clock;
        OutageAlerts alerts(&clock);
        const QString other = QStringLiteral("deadbeef");
        alerts.observe({kServer, kName, PowerState::Running});
        alerts.observe({other, QStringLiteral("Creative"), PowerState::Running});
        alerts.expectStop(other);
        QVERIFY(alerts.observe({kServer, kName, PowerState::Offline}));
        QVERIFY(!alerts.observe({other, QStringLiteral("Creative"), PowerState::Offline}));
        QVERIFY(alerts.isDown(kServer));
        QVERIFY(!alerts.isDown(other));
    }

    void forgetDropsState()
    {
        ManualClock clock;
        OutageAlerts alerts(&clock);
        alerts.observe({kServer, kName, PowerState::Running});
        alerts.observe({kServer, kName, PowerState::Offline});
        alerts.forget(kServer);
        QVERIFY(!alerts.isDown(kServer));
        QVERIFY(!alerts.observe({kServer, kName, PowerState::Running}));
    }

    void windowIsConfigurable()
    {
        ManualClock clock;
        OutageAlerts alerts(&clock, {30'000});
        QCOMPARE(alerts.settings().expectationWindowMs, qint64(30'000));
        QCOMPARE(play(alerts, QStringLiteral("0:R 0:E 31:O")),
                 QStringList{QStringLiteral("31s crash: Survival went offline unexpectedly")});
        alerts.setSettings({-1});
        QCOMPARE(alerts.settings().expectationWindowMs, qint64(0));
    }

    void panelStateIsSeparate()
    {
        ManualClock clock;
        OutageAlerts alerts(&clock);
        QVERIFY(alerts.isPanelReachable());
        alerts.observe({kServer, kName, PowerState::Running});
        QVERIFY(alerts.setPanelReachable(false));
        QVERIFY(!alerts.isPanelReachable());
        QVERIFY(!alerts.isDown(kServer));
        clock.advance(61'000);
        const auto back = alerts.setPanelReachable(true);
        QVERIFY(back);
        QCOMPARE(back->downtimeMs, qint64(61'000));
        QVERIFY(back->serverId.isEmpty());
        QVERIFY(!alerts.observe({kServer, kName, PowerState::Running}));
    }

    // A panel that hangs is found out only when the requests time out (here 15 s after the
    // last good reading): the outage is counted from the last good reading, so 60 s frozen
    // reads as 60 s, not 45.
    void hangingPanelCountsFromTheLastGoodReading()
    {
        ManualClock clock;
        OutageAlerts alerts(&clock);
        QVERIFY(!alerts.setPanelReachable(true)); // a good cycle at t = 0
        clock.advance(15'000);
        QVERIFY(alerts.setPanelReachable(false)); // the timeouts, 15 s later
        clock.advance(45'000);
        const auto back = alerts.setPanelReachable(true);
        QVERIFY(back);
        QCOMPARE(back->downtimeMs, qint64(60'000));
        QVERIFY2(back->text.contains(QStringLiteral("1 min")), qPrintable(back->text));
        // The next outage counts from the reading that just came in.
        clock.advance(10'000);
        QVERIFY(alerts.setPanelReachable(false));
        clock.advance(5'000);
        QCOMPARE(alerts.setPanelReachable(true)->downtimeMs, qint64(15'000));
    }
};

QTEST_GUILESS_MAIN(TestOutageAlerts)
#include "tst_outagealerts.moc"
