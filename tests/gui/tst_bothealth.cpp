// The health the tray icon and the window title show, decided from snapshots alone.
#include <QFile>
#include <QSet>
#include <QTest>

#include "BotHealth.h"

using namespace Pterodisbot;

Q_DECLARE_METATYPE(Pterodisbot::BotHealth::Level)

class TestBotHealth final : public QObject
{
    Q_OBJECT

private slots:
    void levels_data()
    {
        QTest::addColumn<BotCore::State>("state");
        QTest::addColumn<int>("gateway");
        QTest::addColumn<bool>("panelReachable");
        QTest::addColumn<bool>("paused");
        QTest::addColumn<QString>("embedError");
        QTest::addColumn<QString>("fatal");
        QTest::addColumn<BotHealth::Level>("level");
        QTest::addColumn<QString>("headline");

        const int ready = int(Gateway::State::Ready);
        const int backingOff = int(Gateway::State::BackingOff);
        using L = BotHealth::Level;
        QTest::newRow("all well") << BotCore::State::Running << ready << true << false << QString()
                                  << QString() << L::Ok << QStringLiteral("Connected");
        QTest::newRow("panel down")
            << BotCore::State::Running << ready << false << false << QString() << QString()
            << L::Degraded << QStringLiteral("Panel unreachable");
        QTest::newRow("embed failed")
            << BotCore::State::Running << ready << true << false
            << QStringLiteral("could not edit: 50013") << QString() << L::Degraded
            << QStringLiteral("An embed could not be updated");
        QTest::newRow("paused") << BotCore::State::Running << ready << true << true << QString()
                                << QString() << L::Degraded << QStringLiteral("Updates paused");
        QTest::newRow("gateway lost")
            << BotCore::State::Running << backingOff << true << false << QString() << QString()
            << L::Down << QStringLiteral("Reconnecting to Discord");
        QTest::newRow("starting") << BotCore::State::Starting << 0 << true << false << QString()
                                  << QString() << L::Down
                                  << QStringLiteral("Connecting to Discord");
        QTest::newRow("token rejected")
            << BotCore::State::Failed << 0 << true << false << QString()
            << QStringLiteral("Discord rejected the bot token") << L::Down
            << QStringLiteral("Stopped: needs your attention");
        QTest::newRow("stopped") << BotCore::State::Stopped << 0 << true << false << QString()
                                 << QString() << L::Down << QStringLiteral("Stopped");
    }
    void levels()
    {
        QFETCH(BotCore::State, state);
        QFETCH(int, gateway);
        QFETCH(bool, panelReachable);
        QFETCH(bool, paused);
        QFETCH(QString, embedError);
        QFETCH(QString, fatal);
        QFETCH(BotHealth::Level, level);
        QFETCH(QString, headline);

        ConnectionSnapshot connection;
        connection.gateway = Gateway::State(gateway);
        connection.panelReachable = panelReachable;
        connection.panelProblem = panelReachable ? QString() : QStringLiteral("timeout");
        connection.paused = paused;
        connection.fatalProblem = fatal;
        EmbedSnapshot embed;
        embed.serverName = QStringLiteral("Survival");
        embed.lastError = embedError;
        const BotHealth health = BotHealth::of(state, connection, {embed}, {});
        QCOMPARE(health.level, level);
        QCOMPARE(health.headline, headline);
        if (!fatal.isEmpty())
            QCOMPARE(health.problem, fatal);
        if (!embedError.isEmpty())
            QVERIFY(health.problem.contains(embedError));
        QVERIFY(health.summary().contains(headline));
        QVERIFY(!BotHealth::iconPath(level).isEmpty());
    }

    void summaryCountsServersAndEmbeds()
    {
        ConnectionSnapshot connection;
        connection.gateway = Gateway::State::Ready;
        QList<ServerSnapshot> servers(3);
        servers[0].state = DisplayState::Running;
        servers[1].state = DisplayState::Running;
        servers[2].state = DisplayState::Offline;
        const BotHealth health =
            BotHealth::of(BotCore::State::Running, connection, QList<EmbedSnapshot>(2), servers);
        QCOMPARE(health.serversUp, 2);
        QCOMPARE(health.servers, 3);
        QCOMPARE(health.embeds, 2);
        QVERIFY2(health.summary().contains(QStringLiteral("2 of 3 servers running")),
                 qPrintable(health.summary()));
        QVERIFY2(health.summary().contains(QStringLiteral("2 embed(s) tracked")),
                 qPrintable(health.summary()));
    }

    void iconsAreDistinctResources()
    {
        using L = BotHealth::Level;
        const QStringList paths{BotHealth::iconPath(L::Ok), BotHealth::iconPath(L::Degraded),
                                BotHealth::iconPath(L::Down)};
        QCOMPARE(QSet<QString>(paths.begin(), paths.end()).size(), 3);
        for (const QString &path : paths)
            QVERIFY2(QFile::exists(path), qPrintable(path));
    }
};

QTEST_MAIN(TestBotHealth)
#include "tst_bothealth.moc"
