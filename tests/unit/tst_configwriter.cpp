// The config file the assistant and the settings dialog write: every key round-trips through
// the loader, secrets stay out unless asked, the file is private when it holds one, and what
// is written passes the same validation as --check-config.
#include "config/ConfigCheck.h"
#include "config/ConfigLoader.h"
#include "config/ConfigSchema.h"
#include "config/ConfigValidator.h"
#include "config/ConfigWriter.h"
#include "config/SecretStore.h"
#include "TestSupport.h"

#include <QCoroTask>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Pterodisbot;

namespace {

Config sample()
{
    Config config;
    config.discord.token = TestSupport::fakeToken();
    config.discord.guildId = QStringLiteral("123456789012345678");
    config.discord.controlRole = QStringLiteral("  Server Admin  "); // spaces kept by quotes
    config.discord.statusRole = QStringLiteral("\"Members\"");
    config.discord.alertChannelId = QStringLiteral("223456789012345678");
    config.pterodactyl.panelUrl = QUrl(QStringLiteral("https://panel.example.com"));
    config.pterodactyl.clientKey = TestSupport::fakeKey(QStringLiteral("ptlc_"));
    config.pterodactyl.statsSource = StatsSource::WebSocket;
    config.bot.updateInterval = 15;
    config.bot.useKeychain = false;
    config.bot.dataDir = QStringLiteral("/var/lib/pterodisbot test"); // the loader's default else
    return config;
}

} // namespace

class TestConfigWriter final : public QObject
{
    Q_OBJECT

private slots:
    void everyKeyRoundTrips()
    {
        const Config config = sample();
        const ConfigLoadResult loaded =
            ConfigLoader().loadText(renderConfigIni(config, true), QStringLiteral("config.ini"));
        for (const ConfigKey &key : configSchema()) {
            QCOMPARE(loaded.config.valueText(key.id()), config.valueText(key.id()));
        }
        QVERIFY2(!hasErrors(loaded.problems), qPrintable(loaded.problems.value(0).message));
    }

    void defaultsAreCommentedOut()
    {
        const QString text = renderConfigIni(sample(), true);
        QVERIFY(text.contains(QStringLiteral("\n; forced_refresh = 600\n")));
        QVERIFY(text.contains(QStringLiteral("\nupdate_interval = 15\n")));
        QVERIFY(text.contains(QStringLiteral("\nstats_source = websocket\n")));
        QVERIFY(text.contains(QStringLiteral("Env: PTERODISBOT_DISCORD_TOKEN")));
        for (const QString &section : configSections())
            QVERIFY(text.contains(QStringLiteral("\n[") + section + QStringLiteral("]\n")));
    }

    void secretsStayOutUnlessAsked()
    {
        const Config config = sample();
        const QString text = renderConfigIni(config, false);
        QVERIFY(!text.contains(config.discord.token));
        QVERIFY(!text.contains(config.pterodactyl.clientKey));
        QVERIFY(text.contains(QStringLiteral("Kept in the OS keychain")));
        QVERIFY(text.contains(QStringLiteral("\ntoken = \n")));
        const ConfigLoadResult loaded = ConfigLoader().loadText(text);
        QVERIFY(loaded.config.discord.token.isEmpty());
        QCOMPARE(loaded.config.discord.guildId, config.discord.guildId);
    }

    void fileIsPrivateWhenItHoldsASecret_data()
    {
        QTest::addColumn<bool>("withSecrets");
        QTest::addColumn<bool>("readableByOthers");
        QTest::newRow("secrets in the file") << true << false;
        QTest::newRow("secrets in the keychain") << false << true;
    }
    void fileIsPrivateWhenItHoldsASecret()
    {
        QFETCH(bool, withSecrets);
        QFETCH(bool, readableByOthers);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("new/folder/config.ini"));
        const ConfigWriteResult result = writeConfigFile(path, sample(), withSecrets);
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(isReadableByOthers(path), readableByOthers);
        QVERIFY(QFile::permissions(path) & QFile::ReadOwner);
        // Written again over itself: still atomic, still private.
        QVERIFY(writeConfigFile(path, sample(), withSecrets).ok);
        QCOMPARE(isReadableByOthers(path), readableByOthers);
        QCOMPARE(QDir(dir.filePath(QStringLiteral("new/folder"))).entryList(QDir::Files).size(), 1);
    }

    // What is written is what --check-config accepts: the whole start-up path, secrets from the
    // file (the keychain is off in this configuration).
    void checkConfigAcceptsTheFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("config.ini"));
        QVERIFY(writeConfigFile(path, sample(), true).ok);
        const ConfigLoadResult result =
            QCoro::waitFor(loadConfiguration(ConfigLoader(QProcessEnvironment()), path));
        QString problems;
        for (const ConfigProblem &problem : result.problems)
            problems += problem.key + QStringLiteral(": ") + problem.message + QLatin1Char('\n');
        QCOMPARE(checkConfigExitCode(result.problems), 0);
        QVERIFY2(result.isValid(), qPrintable(problems));
        QCOMPARE(result.config.discord.token, sample().discord.token);
    }

    void unwritablePlaceIsReported()
    {
        QTemporaryDir dir;
        QFile blocker(dir.filePath(QStringLiteral("file")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        // A folder cannot be made where a file is.
        const ConfigWriteResult result =
            writeConfigFile(dir.filePath(QStringLiteral("file/config.ini")), sample(), false);
        QVERIFY(!result.ok);
        QVERIFY2(result.error.contains(QStringLiteral("cannot")), qPrintable(result.error));
    }
};

QTEST_GUILESS_MAIN(TestConfigWriter)
#include "tst_configwriter.moc"
