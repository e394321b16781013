#include "config/ConfigCheck.h"
#include "config/ConfigLoader.h"
#include "config/Keychain.h"
#include "config/SecretStore.h"
#include "FakeKeychain.h"
#include "logging.h"
#include "TestSupport.h"

#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QMutex>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <QCoroTask>

using namespace Pterodisbot;
using namespace std::chrono_literals;
using Pterodisbot::TestSupport::fakeKey;
using Pterodisbot::TestSupport::FakeKeychain;

namespace {

// Built at run time: nothing secret-looking is committed.
QString fakeToken(char fill = 't')
{
    return QStringLiteral("MTIzNDU2Nzg5MDEyMzQ1Njc4.GAbCdE.") + QString(38, QLatin1Char(fill));
}

QStringList s_logLines;
QMutex s_logMutex;
void captureLog(QtMsgType, const QMessageLogContext &, const QString &message)
{
    QMutexLocker lock(&s_logMutex);
    s_logLines << message;
}

} // namespace

class TestSecretStore final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    // Writes a config with all three secrets (fill characters f) and \a permissions.
    QString writeConfig(const QString &name, QFileDevice::Permissions permissions, char fill = 'f')
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return {};
        file.write(QStringLiteral("[discord]\ntoken = %1\nguild_id = 123456789012345678\n"
                                  "control_role = Admins\n[pterodactyl]\n"
                                  "panel_url = https://panel.example.com\nclient_key = %2\n"
                                  "application_key = %3\n")
                       .arg(fakeToken(fill), fakeKey(QStringLiteral("ptlc_"), fill),
                            fakeKey(QStringLiteral("ptla_"), fill))
                       .toUtf8());
        file.close();
        file.setPermissions(permissions);
        return path;
    }

    static SecretResolution resolve(SecretStore &store, const QString &path,
                                    const QProcessEnvironment &env = QProcessEnvironment())
    {
        return QCoro::waitFor(store.resolve(ConfigLoader(env).load(path).config));
    }

    static SecretStoreOptions options(bool keychain, std::chrono::milliseconds timeout = 1500ms)
    {
        SecretStoreOptions options;
        options.useKeychain = keychain;
        options.keychainTimeout = timeout;
        options.keychainWriteTimeout = timeout;
        return options;
    }

    static constexpr auto privateMode = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    static constexpr auto publicMode =
        privateMode | QFileDevice::ReadGroup | QFileDevice::ReadOther;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // Any real keychain lookup in this process must fail fast: no session bus to reach.
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/pterodisbot-test-bus");
    }

    void environmentWinsOverKeychainAndFile()
    {
        auto keychain = std::make_unique<FakeKeychain>();
        FakeKeychain *fake = keychain.get();
        fake->entries.insert(QStringLiteral("discord.token"), fakeToken('k'));
        SecretStore store(options(true), std::move(keychain));
        QProcessEnvironment env;
        env.insert(QStringLiteral("PTERODISBOT_DISCORD_TOKEN"), fakeToken('e'));
        const SecretResolution result =
            resolve(store, writeConfig(QStringLiteral("env.ini"), privateMode), env);
        QVERIFY(result.problems.isEmpty());
        QCOMPARE(result.config.discord.token, fakeToken('e'));
        QCOMPARE(result.config.sourceOf(QStringLiteral("discord.token")), ValueSource::Environment);
        QVERIFY(!fake->reads.contains(QStringLiteral("discord.token"))); // env is never overridden
        QCOMPARE(result.config.pterodactyl.clientKey, fakeKey(QStringLiteral("ptlc_"), 'f'));
        QCOMPARE(result.config.sourceOf(QStringLiteral("pterodactyl.client_key")),
                 ValueSource::File);
        QCOMPARE(result.keychain, SecretResolution::Keychain::Available);
    }

    void keychainWinsOverFile()
    {
        auto keychain = std::make_unique<FakeKeychain>();
        keychain->entries.insert(QStringLiteral("pterodactyl.client_key"),
                                 fakeKey(QStringLiteral("ptlc_"), 'k'));
        SecretStore store(options(true), std::move(keychain));
        const SecretResolution result =
            resolve(store, writeConfig(QStringLiteral("kc.ini"), privateMode));
        QCOMPARE(result.config.pterodactyl.clientKey, fakeKey(QStringLiteral("ptlc_"), 'k'));
        QCOMPARE(result.config.sourceOf(QStringLiteral("pterodactyl.client_key")),
                 ValueSource::Keychain);
        QCOMPARE(result.config.sourceOf(QStringLiteral("discord.token")), ValueSource::File);
        const QString described = result.describe();
        QVERIFY(described.contains(QStringLiteral("pterodactyl.client_key: keychain")));
        QVERIFY(described.contains(QStringLiteral("discord.token: file")));
        QVERIFY(!described.contains(fakeKey(QStringLiteral("ptlc_"), 'k')));
    }

    void readableFileIsRefused_data()
    {
        QTest::addColumn<int>("permissions");
        QTest::addColumn<QString>("mode");
        QTest::newRow("0644") << int(publicMode) << QStringLiteral("0644");
        QTest::newRow("0640") << int(privateMode | QFileDevice::ReadGroup)
                              << QStringLiteral("0640");
        QTest::newRow("0604") << int(privateMode | QFileDevice::ReadOther)
                              << QStringLiteral("0604");
    }
    void readableFileIsRefused()
    {
        QFETCH(int, permissions);
        QFETCH(QString, mode);
        const QString path =
            writeConfig(QStringLiteral("open.ini"), QFileDevice::Permissions(permissions));
        SecretStore store(options(false));
        const SecretResolution result = resolve(store, path);
        QCOMPARE(result.problems.size(), 3);
        const QStringList variables{QStringLiteral("PTERODISBOT_DISCORD_TOKEN"),
                                    QStringLiteral("PTERODISBOT_PTERODACTYL_CLIENT_KEY"),
                                    QStringLiteral("PTERODISBOT_PTERODACTYL_APPLICATION_KEY")};
        const QStringList nouns{QStringLiteral("token"), QStringLiteral("key"),
                                QStringLiteral("key")};
        for (int i = 0; i < 3; ++i) {
            const ConfigProblem &problem = result.problems.at(i);
            QVERIFY(problem.isError());
            QVERIFY2(problem.message.contains(QStringLiteral("mode %1").arg(mode)),
                     qPrintable(problem.message));
            QCOMPARE(problem.hint, QStringLiteral("chmod 600 %1, or move the %2 to %3")
                                       .arg(path, nouns.at(i), variables.at(i)));
        }
        QCOMPARE(result.problems.at(0).key, QStringLiteral("discord.token"));
        QVERIFY(result.config.discord.token.isEmpty());
        QVERIFY(result.config.pterodactyl.clientKey.isEmpty());
        QCOMPARE(result.config.sourceOf(QStringLiteral("discord.token")), ValueSource::Default);
        // The refused values stay out of logs all the same.
        QCOMPARE(redact(fakeToken('f')), QStringLiteral("[redacted]"));
    }

    void privateFileIsAccepted()
    {
        SecretStore store(options(false));
        const SecretResolution result =
            resolve(store, writeConfig(QStringLiteral("private.ini"), privateMode, 'p'));
        QVERIFY(result.problems.isEmpty());
        QCOMPARE(result.config.discord.token, fakeToken('p'));
        QCOMPARE(result.config.pterodactyl.applicationKey, fakeKey(QStringLiteral("ptla_"), 'p'));
        QCOMPARE(result.config.sourceOf(QStringLiteral("pterodactyl.application_key")),
                 ValueSource::File);
        QCOMPARE(result.keychain, SecretResolution::Keychain::Disabled);
    }

    void loadConfigurationReportsARefusalOnce()
    {
        const QString path = writeConfig(QStringLiteral("once.ini"), publicMode);
        SecretStore store(options(false));
        const ConfigLoadResult result =
            QCoro::waitFor(loadConfiguration(ConfigLoader(), path, &store));
        QVERIFY(!result.isValid());
        QCOMPARE(checkConfigExitCode(result.problems), 1);
        // Refused, not additionally "missing".
        QCOMPARE(std::count_if(result.problems.cbegin(), result.problems.cend(),
                               [](const ConfigProblem &p) {
                                   return p.key == QLatin1String("discord.token");
                               }),
                 1);
        QCOMPARE(result.problems.size(), 3);

        QFile::setPermissions(path, privateMode);
        const ConfigLoadResult fixed = QCoro::waitFor(loadConfiguration(ConfigLoader(), path));
        QVERIFY(fixed.problems.isEmpty());
        QCOMPARE(checkConfigExitCode(fixed.problems), 0);
    }

    void disabledKeychainIsNeverAsked()
    {
        for (const bool byConfig : {false, true}) {
            auto keychain = std::make_unique<FakeKeychain>();
            FakeKeychain *fake = keychain.get();
            SecretStore store(options(byConfig), std::move(keychain));
            Config config =
                ConfigLoader().load(writeConfig(QStringLiteral("off.ini"), privateMode)).config;
            config.bot.useKeychain = !byConfig; // off by option, or off by [bot] keychain
            const SecretResolution result = QCoro::waitFor(store.resolve(config));
            QCOMPARE(result.keychain, SecretResolution::Keychain::Disabled);
            QVERIFY(fake->reads.isEmpty());
            QCOMPARE(result.config.sourceOf(QStringLiteral("discord.token")), ValueSource::File);
        }
    }

    void silentKeychainTimesOutOnce()
    {
        auto keychain = std::make_unique<FakeKeychain>();
        FakeKeychain *fake = keychain.get();
        fake->mode = FakeKeychain::Mode::Silent;
        SecretStore store(options(true, 200ms), std::move(keychain));
        const QString path = writeConfig(QStringLiteral("silent.ini"), privateMode);
        QElapsedTimer timer;
        timer.start();
        const SecretResolution result = resolve(store, path);
        const qint64 elapsed = timer.elapsed();
        // Waited for the probe; the upper bound only says "did not hang" (a loaded machine is
        // slow): that it timed out once is what reads shows.
        QVERIFY2(elapsed >= 150 && elapsed < 10000, qPrintable(QString::number(elapsed)));
        QCOMPARE(fake->reads, QStringList{QStringLiteral("discord.token")}); // the probe only
        QCOMPARE(result.keychain, SecretResolution::Keychain::Unavailable);
        QCOMPARE(result.keychainDetail, QStringLiteral("no answer within 200 ms"));
        QCOMPARE(result.config.sourceOf(QStringLiteral("discord.token")), ValueSource::File);
        QCOMPARE(result.config.sourceOf(QStringLiteral("pterodactyl.application_key")),
                 ValueSource::File);
    }

    void keychainWithoutServiceFallsThroughAtOnce()
    {
        auto keychain = std::make_unique<FakeKeychain>();
        FakeKeychain *fake = keychain.get();
        fake->mode = FakeKeychain::Mode::NoService;
        // A timeout far beyond the bound below: a store that waited for it cannot pass, a
        // slow machine that did not wait cannot fail.
        SecretStore store(options(true, 60000ms), std::move(keychain));
        QElapsedTimer timer;
        timer.start();
        const SecretResolution result =
            resolve(store, writeConfig(QStringLiteral("nosvc.ini"), privateMode));
        QVERIFY2(timer.elapsed() < 20000, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(fake->reads.size(), 1);
        QCOMPARE(result.keychain, SecretResolution::Keychain::Unavailable);
        QCOMPARE(result.keychainDetail, QStringLiteral("No keychain service available"));
        QCOMPARE(result.config.discord.token, fakeToken('f'));
    }

    void realKeychainWithoutBusFinishesInTime()
    {
        // Bounded by our 1.5 s timeout, not D-Bus's own 25 s: generous for a loaded machine.
        constexpr qint64 inTimeMs = 12000;
        SecretStore store(options(true, 1500ms));
        QElapsedTimer timer;
        timer.start();
        const SecretResolution result =
            resolve(store, writeConfig(QStringLiteral("real.ini"), privateMode));
        QVERIFY2(timer.elapsed() < inTimeMs, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(result.keychain, SecretResolution::Keychain::Unavailable);
        QCOMPARE(result.config.sourceOf(QStringLiteral("discord.token")), ValueSource::File);

        QElapsedTimer writeTimer;
        writeTimer.start();
        const KeychainResult written =
            QCoro::waitFor(store.storeInKeychain(SecretKind::DiscordToken, fakeToken('w')));
        QVERIFY(!written.ok);
        QVERIFY(!written.errorString.isEmpty());
        QVERIFY2(writeTimer.elapsed() < inTimeMs,
                 qPrintable(QString::number(writeTimer.elapsed())));
    }

    void storedSecretIsFoundNextTime()
    {
        auto keychain = std::make_unique<FakeKeychain>();
        FakeKeychain *fake = keychain.get();
        SecretStore store(options(true), std::move(keychain));
        const KeychainResult written = QCoro::waitFor(store.storeInKeychain(
            SecretKind::ApplicationKey, fakeKey(QStringLiteral("ptla_"), 's')));
        QVERIFY(written.ok);
        QCOMPARE(fake->writes, QStringList{QStringLiteral("pterodactyl.application_key")});
        QCOMPARE(redact(fakeKey(QStringLiteral("ptla_"), 's')), QStringLiteral("[redacted]"));
        const SecretResolution result =
            resolve(store, writeConfig(QStringLiteral("stored.ini"), privateMode));
        QCOMPARE(result.config.pterodactyl.applicationKey, fakeKey(QStringLiteral("ptla_"), 's'));
        QCOMPARE(result.config.sourceOf(QStringLiteral("pterodactyl.application_key")),
                 ValueSource::Keychain);

        QVERIFY(QCoro::waitFor(store.removeFromKeychain(SecretKind::ApplicationKey)).ok);
        QVERIFY(fake->entries.isEmpty());

        auto silent = std::make_unique<FakeKeychain>();
        silent->mode = FakeKeychain::Mode::Silent;
        SecretStore quick(options(true, 100ms), std::move(silent));
        const KeychainResult timedOut =
            QCoro::waitFor(quick.storeInKeychain(SecretKind::DiscordToken, fakeToken('x')));
        QVERIFY(!timedOut.ok);
        QCOMPARE(timedOut.errorString, QStringLiteral("the keychain gave no answer within 100 ms"));
    }

    void resolvedSecretsAreRedactedFromLogs()
    {
        auto keychain = std::make_unique<FakeKeychain>();
        keychain->entries.insert(QStringLiteral("pterodactyl.client_key"),
                                 fakeKey(QStringLiteral("ptlc_"), 'r'));
        SecretStore store(options(true), std::move(keychain));
        QProcessEnvironment env;
        env.insert(QStringLiteral("PTERODISBOT_DISCORD_TOKEN"), fakeToken('r'));
        QLoggingCategory::setFilterRules(QStringLiteral("pterodisbot.*=true"));
        s_logLines.clear();
        const QtMessageHandler previous = qInstallMessageHandler(captureLog);
        const SecretResolution result =
            resolve(store, writeConfig(QStringLiteral("log.ini"), privateMode, 'r'), env);
        qInstallMessageHandler(previous);
        const QStringList secrets{fakeToken('r'), fakeKey(QStringLiteral("ptlc_"), 'r'),
                                  fakeKey(QStringLiteral("ptla_"), 'r')};
        QCOMPARE(result.config.discord.token, secrets.at(0));
        QCOMPARE(result.config.pterodactyl.clientKey, secrets.at(1));
        QCOMPARE(result.config.pterodactyl.applicationKey, secrets.at(2));
        QVERIFY(!s_logLines.isEmpty()); // the store does say where each secret came from
        for (const QString &secret : secrets) {
            QCOMPARE(redact(QStringLiteral("Authorization: Bearer ") + secret),
                     QStringLiteral("Authorization: Bearer [redacted]"));
            for (const QString &line : std::as_const(s_logLines))
                QVERIFY2(!line.contains(secret), qPrintable(line));
        }
        QVERIFY(s_logLines.join(QLatin1Char('\n'))
                    .contains(QStringLiteral("discord.token from the environment")));
    }
};

QTEST_GUILESS_MAIN(TestSecretStore)
#include "tst_secretstore.moc"
