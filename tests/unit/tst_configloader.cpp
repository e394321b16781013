#include "config/ConfigLoader.h"
#include "config/ConfigValidator.h"
#include "TestSupport.h"

#include <QDir>
#include <QFile>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

using namespace Pterodisbot;
using Pterodisbot::TestSupport::expandFakeSecrets;
using Pterodisbot::TestSupport::fakeEnvironment;
using Pterodisbot::TestSupport::fakeKey;
using Pterodisbot::TestSupport::fakeToken;

namespace {

// The smallest valid configuration.
QString good()
{
    return QStringLiteral("[discord]\ntoken = @TOKEN@\nguild_id = 123456789012345678\n"
                          "control_role = Admins\n[pterodactyl]\n"
                          "panel_url = https://panel.example.com\nclient_key = @CLIENT_KEY@\n");
}

QString describe(const QList<ConfigProblem> &problems)
{
    QStringList lines;
    for (const ConfigProblem &problem : problems)
        lines << problem.key + QStringLiteral(": ") + problem.message;
    return lines.join(QLatin1Char('\n'));
}

} // namespace

class TestConfigLoader final : public QObject
{
    Q_OBJECT

private slots:
    void environmentOverridesFile()
    {
        const QProcessEnvironment env = fakeEnvironment(
            {QStringLiteral("PTERODISBOT_BOT_UPDATE_INTERVAL=30"),
             QStringLiteral("PTERODISBOT_DISCORD_GATEWAY_COMPRESSION=off"),
             QStringLiteral("PTERODISBOT_PTERODACTYL_STATS_SOURCE=WebSocket"),
             QStringLiteral("PTERODISBOT_PTERODACTYL_CLIENT_KEY=") +
                 fakeKey(QStringLiteral("ptlc_"), 'e'),
             QStringLiteral("PTERODISBOT_BOT_HISTORY_LENGTH=   ")}); // blank = not set
        const ConfigLoadResult loaded = ConfigLoader(env).loadText(expandFakeSecrets(
            good() + QStringLiteral("[bot]\nupdate_interval = 20\nhistory_length = 8\n")));
        const Config &config = loaded.config;
        QVERIFY2(loaded.isValid(), qPrintable(describe(loaded.problems)));
        QCOMPARE(config.bot.updateInterval, 30);
        QCOMPARE(config.sourceOf(QStringLiteral("bot.update_interval")), ValueSource::Environment);
        QCOMPARE(config.discord.gatewayCompression, false);
        QCOMPARE(config.pterodactyl.statsSource, StatsSource::WebSocket);
        QCOMPARE(config.pterodactyl.clientKey, fakeKey(QStringLiteral("ptlc_"), 'e'));
        QCOMPARE(config.bot.historyLength, 8);
        QCOMPARE(config.sourceOf(QStringLiteral("bot.history_length")), ValueSource::File);
        QCOMPARE(config.bot.forcedRefresh, 600);
        QCOMPARE(config.sourceOf(QStringLiteral("bot.forced_refresh")), ValueSource::Default);
        QCOMPARE(config.discord.apiUrl, QUrl(QStringLiteral("https://discord.com/api/v10")));
        QCOMPARE(config.valueText(QStringLiteral("discord.gateway_compression")),
                 QStringLiteral("false"));
    }

    void valuesWithCommasAndQuotesSurvive_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("value");
        QTest::newRow("comma") << QStringLiteral("Admins, Moderators")
                               << QStringLiteral("Admins, Moderators");
        QTest::newRow("semicolon and hash")
            << QStringLiteral("Ops;EU #1") << QStringLiteral("Ops;EU #1");
        QTest::newRow("double quoted")
            << QStringLiteral("\"  Game Ops, EU  \"") << QStringLiteral("  Game Ops, EU  ");
        QTest::newRow("escaped quotes") << QStringLiteral("\"The \\\"Ops\\\" \\\\ crew\"")
                                        << QStringLiteral("The \"Ops\" \\ crew");
        QTest::newRow("inner quotes kept")
            << QStringLiteral("The \"Ops\" crew") << QStringLiteral("The \"Ops\" crew");
        QTest::newRow("single quoted")
            << QStringLiteral("'a \"b\", c'") << QStringLiteral("a \"b\", c");
        QTest::newRow("equals sign") << QStringLiteral("a=b") << QStringLiteral("a=b");
    }
    void valuesWithCommasAndQuotesSurvive()
    {
        QFETCH(QString, line);
        QFETCH(QString, value);
        const ConfigLoadResult loaded =
            ConfigLoader().loadText(QStringLiteral("[discord]\ncontrol_role = %1\n").arg(line));
        QCOMPARE(loaded.config.discord.controlRole, value);
        QCOMPARE(loaded.config.sourceOf(QStringLiteral("discord.control_role")), ValueSource::File);
    }

    void readsFilesFromDisk()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        for (const QString &name : {QStringLiteral("good.ini"), QStringLiteral("crlf-bom.ini")}) {
            QFile file(dir.filePath(name));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(expandFakeSecrets(QString::fromUtf8(TestSupport::readData(
                                             QStringLiteral("config/") + name)))
                           .toUtf8());
            file.close();
            const ConfigLoadResult loaded = ConfigLoader().load(file.fileName());
            const QList<ConfigProblem> problems = loaded.problems + validateConfig(loaded.config);
            QVERIFY2(problems.isEmpty(), qPrintable(name + QLatin1Char('\n') + describe(problems)));
            QVERIFY(loaded.config.fileLoaded);
            QCOMPARE(loaded.config.filePath, file.fileName());
            QCOMPARE(loaded.config.discord.token, fakeToken());
            QCOMPARE(loaded.config.discord.guildId, QStringLiteral("123456789012345678"));
        }
        const ConfigLoadResult good = ConfigLoader().load(dir.filePath(QStringLiteral("good.ini")));
        QCOMPARE(good.config.discord.controlRole, QStringLiteral("Server Admins, EU"));
        QCOMPARE(good.config.pterodactyl.panelUrl,
                 QUrl(QStringLiteral("https://panel.example.com")));
        QCOMPARE(good.config.pterodactyl.statsSource, StatsSource::WebSocket);
        QCOMPARE(good.config.pterodactyl.maxConcurrentRequests, 4);
        QCOMPARE(good.config.bot.historyLength, 12);
        QCOMPARE(good.config.bot.useKeychain, false);
        const ConfigLoadResult crlf =
            ConfigLoader().load(dir.filePath(QStringLiteral("crlf-bom.ini")));
        QCOMPARE(crlf.config.discord.controlRole, QStringLiteral("323456789012345678"));
        QVERIFY(crlf.config.discord.controlRoleIsId());
    }

    void explicitMissingFileIsAnError()
    {
        const ConfigLoadResult loaded =
            ConfigLoader().load(QStringLiteral("/nonexistent/pterodisbot.ini"));
        QCOMPARE(loaded.problems.size(), 1);
        QCOMPARE(loaded.problems.first().key, QStringLiteral("file"));
        QVERIFY(loaded.problems.first().isError());
        QVERIFY(loaded.problems.first().message.contains(
            QStringLiteral("/nonexistent/pterodisbot.ini")));
        QVERIFY(!loaded.isValid());
        QVERIFY(!loaded.config.fileLoaded);
    }

    void missingDefaultFileIsFineWithEnvironment()
    {
        QTemporaryDir home;
        const QString previousDirectory = QDir::currentPath();
        QVERIFY(QDir::setCurrent(home.path()));
        qputenv("XDG_CONFIG_HOME", home.path().toUtf8());
        const QString userFile = home.filePath(QStringLiteral("pterodisbot/config.ini"));
        QCOMPARE(ConfigLoader::defaultPaths(),
                 (QStringList{home.filePath(QStringLiteral("config.ini")), userFile}));
        QCOMPARE(ConfigLoader::defaultPath(), userFile);
        const ConfigLoadResult loaded =
            ConfigLoader(
                fakeEnvironment(
                    {QStringLiteral("PTERODISBOT_DISCORD_TOKEN=@TOKEN@"),
                     QStringLiteral("PTERODISBOT_DISCORD_GUILD_ID=123456789012345678"),
                     QStringLiteral("PTERODISBOT_DISCORD_CONTROL_ROLE=Admins"),
                     QStringLiteral("PTERODISBOT_PTERODACTYL_PANEL_URL=https://panel.example.com"),
                     QStringLiteral("PTERODISBOT_PTERODACTYL_CLIENT_KEY=@CLIENT_KEY@")}))
                .load();
        const QList<ConfigProblem> problems = loaded.problems + validateConfig(loaded.config);
        QVERIFY2(problems.isEmpty(), qPrintable(describe(problems)));
        QVERIFY(!loaded.config.fileLoaded);
        QCOMPARE(loaded.config.sourceOf(QStringLiteral("discord.token")), ValueSource::Environment);
        QVERIFY(!loaded.config.bot.dataDir.isEmpty());
        QCOMPARE(loaded.config.filePath, userFile);

        // A config.ini in the working directory comes first.
        QFile local(home.filePath(QStringLiteral("config.ini")));
        QVERIFY(local.open(QIODevice::WriteOnly));
        local.write("[bot]\nupdate_interval = 42\n");
        local.close();
        QCOMPARE(ConfigLoader::defaultPath(), local.fileName());
        const ConfigLoadResult fromLocal = ConfigLoader().load();
        QCOMPARE(fromLocal.config.bot.updateInterval, 42);
        QVERIFY(fromLocal.config.fileLoaded);
        qunsetenv("XDG_CONFIG_HOME");
        QVERIFY(QDir::setCurrent(previousDirectory));
    }

    void dataDirIsExpanded()
    {
        const ConfigLoadResult fromFile =
            ConfigLoader().loadText(QStringLiteral("[bot]\ndata_dir = state\n"),
                                    QStringLiteral("/etc/pterodisbot/config.ini"));
        QCOMPARE(fromFile.config.bot.dataDir, QStringLiteral("/etc/pterodisbot/state"));
        const ConfigLoadResult home =
            ConfigLoader().loadText(QStringLiteral("[bot]\ndata_dir = ~/bot\n"));
        QCOMPARE(home.config.bot.dataDir, QDir::homePath() + QStringLiteral("/bot"));
    }
};

QTEST_GUILESS_MAIN(TestConfigLoader)
#include "tst_configloader.moc"
