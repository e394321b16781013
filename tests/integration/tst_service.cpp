// The installed program in service mode (--no-gui), run as a separate process against both
// simulators: exit codes, SIGTERM, SIGHUP, and that the token never reaches its log.
#include <csignal>

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include "DiscordSimulator.h"
#include "PanelSimulator.h"

using namespace PterodisbotSim;

class TestService final : public QObject
{
    Q_OBJECT

    std::unique_ptr<PanelSimulator> m_panel;
    std::unique_ptr<DiscordSimulator> m_discord;
    std::unique_ptr<QTemporaryDir> m_dir;

    QString configText(const QString &token, int updateInterval = 5) const
    {
        return QStringLiteral("[discord]\ntoken = %1\napi_url = %2\nguild_id = %3\n"
                              "control_role = Server Admin\n"
                              "[pterodactyl]\npanel_url = %4\nclient_key = %5\n"
                              "[bot]\nupdate_interval = %6\ndata_dir = %7\nlog_level = debug\n")
            .arg(token, m_discord->restBaseUrl().toString(), m_discord->guildId(),
                 m_panel->panelUrl().toString(), m_panel->clientKey())
            .arg(updateInterval)
            .arg(m_dir->filePath(QStringLiteral("data")));
    }

    QString writeConfig(const QString &text) const
    {
        const QString path = m_dir->filePath(QStringLiteral("config.ini"));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return {};
        file.write(text.toUtf8());
        file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
        return path;
    }

    void startBot(QProcess &process, const QString &configPath) const
    {
        QProcessEnvironment environment;
        environment.insert(QStringLiteral("HOME"), m_dir->path());
        environment.insert(QStringLiteral("PATH"), qEnvironmentVariable("PATH"));
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        process.setProcessEnvironment(environment);
        process.setProcessChannelMode(QProcess::SeparateChannels);
        process.start(QStringLiteral(PTERODISBOT_BINARY),
                      {QStringLiteral("--no-gui"), QStringLiteral("--config"), configPath});
    }

    // The simulators live in this process: every wait must keep its event loop running, so
    // QProcess's blocking waitFor*() calls are never used.
    static bool waitForText(QProcess &process, QByteArray *log, const QByteArray &text,
                            int timeoutMs = 30000)
    {
        QSignalSpy output(&process, &QProcess::readyReadStandardError);
        QElapsedTimer timer;
        timer.start();
        log->append(process.readAllStandardError());
        while (!log->contains(text) && timer.elapsed() < timeoutMs &&
               process.state() == QProcess::Running) {
            output.wait(500);
            log->append(process.readAllStandardError());
        }
        return log->contains(text);
    }

    static bool finishes(QProcess &process, int timeoutMs = 30000)
    {
        QSignalSpy finished(&process, &QProcess::finished);
        return process.state() == QProcess::NotRunning || finished.wait(timeoutMs);
    }

    //! The bot running while every panel request hangs, then SIGTERM; false (with the log
    //! printed) when it did not get that far.
    bool terminateWhilePanelHangs(QProcess &process, QByteArray *log)
    {
        m_panel->setHanging(true);
        QSignalSpy identified(m_discord.get(), &DiscordSimulator::clientIdentified);
        startBot(process, writeConfig(configText(m_discord->botToken())));
        if (!identified.wait(30000) || !waitForText(process, log, "running; SIGTERM stops")) {
            qWarning("%s", log->constData());
            return false;
        }
        ::kill(pid_t(process.processId()), SIGTERM);
        return true;
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_panel = std::make_unique<PanelSimulator>();
        QVERIFY(m_panel->start());
        m_discord = std::make_unique<DiscordSimulator>();
        QVERIFY(m_discord->start());
    }

    void invalidConfigurationExitsWithOne()
    {
        QString text = configText(m_discord->botToken());
        text.replace(m_discord->guildId(), QStringLiteral("12x"));
        QProcess process;
        startBot(process, writeConfig(text));
        QVERIFY(finishes(process));
        QCOMPARE(process.exitCode(), 1);
        const QByteArray output = process.readAllStandardOutput() + process.readAllStandardError();
        QVERIFY2(output.contains("discord.guild_id"), output.constData());
        QVERIFY(!output.contains(m_discord->botToken().toUtf8()));
    }

    void rejectedTokenExitsWithThree()
    {
        const QString wrong =
            QStringLiteral("MTEwMDAwMDAwMDAwMDAwMDAwMQ.AAAAAA.") + QString(38, u'x');
        QProcess process;
        startBot(process, writeConfig(configText(wrong)));
        QVERIFY(finishes(process));
        QCOMPARE(process.exitCode(), 3);
        const QByteArray log = process.readAllStandardError();
        QVERIFY2(log.contains("token"), log.constData());
        QVERIFY2(!log.contains(wrong.toUtf8()), "the rejected token was logged");
    }

    void sigtermSavesAndClosesResumably()
    {
        QProcess process;
        QSignalSpy identified(m_discord.get(), &DiscordSimulator::clientIdentified);
        startBot(process, writeConfig(configText(m_discord->botToken())));
        QVERIFY(identified.wait(30000));

        // Post one embed, so there is something to persist.
        const QString channel = m_discord->channelIds().first();
        const QStringList roles{QStringLiteral("1400000000000000001")};
        const QString user = QStringLiteral("1500000000000000001");
        const QString command =
            m_discord->injectSlashCommand(channel, user, roles, QStringLiteral("server_status"));
        QTRY_VERIFY_WITH_TIMEOUT(m_discord->originalResponse(command).has_value() &&
                                     !m_discord->originalResponse(command)->components.isEmpty(),
                                 15000);
        const QString server = m_panel->serverIdentifiers().first();
        m_discord->injectComponent(channel, m_discord->originalResponse(command)->id, user, roles,
                                   QStringLiteral("pdb:v1:select:0"), 3, {server});
        QTRY_COMPARE_WITH_TIMEOUT(m_discord->messages(channel).size(), 1, 15000);

        ::kill(pid_t(process.processId()), SIGTERM);
        QVERIFY(finishes(process));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 0);
        // Not 1000/1001: the session stays resumable.
        const int closeCode = m_discord->lastClientCloseCode();
        QVERIFY2(closeCode >= 4000, qPrintable(QString::number(closeCode)));

        QFile store(m_dir->filePath(QStringLiteral("data/embed_locations.json")));
        QVERIFY(store.open(QIODevice::ReadOnly));
        const QJsonObject saved = QJsonDocument::fromJson(store.readAll()).object();
        QCOMPARE(saved.value(server).toObject().value(QStringLiteral("message_id")).toString(),
                 m_discord->messages(channel).first().id);

        const QByteArray log = process.readAllStandardError();
        QVERIFY(log.contains("debug"));
        QVERIFY2(!log.contains(m_discord->botToken().toUtf8()), "the token was logged");
        QVERIFY2(!log.contains(m_panel->clientKey().toUtf8()), "the panel key was logged");
    }

    void sighupReloadsOrKeepsTheOldConfiguration()
    {
        QProcess process;
        QSignalSpy identified(m_discord.get(), &DiscordSimulator::clientIdentified);
        const QString path = writeConfig(configText(m_discord->botToken()));
        startBot(process, path);
        QVERIFY(identified.wait(30000));
        QByteArray log;

        writeConfig(configText(m_discord->botToken(), 7));
        ::kill(pid_t(process.processId()), SIGHUP);
        QVERIFY2(waitForText(process, &log, "configuration reloaded"), log.constData());

        QString broken = configText(m_discord->botToken());
        broken.replace(QStringLiteral("update_interval = 5"),
                       QStringLiteral("update_interval = 1"));
        writeConfig(broken);
        ::kill(pid_t(process.processId()), SIGHUP);
        QVERIFY2(waitForText(process, &log, "keeping the old one"), log.constData());
        QVERIFY(log.contains("bot.update_interval"));
        QCOMPARE(process.state(), QProcess::Running);

        ::kill(pid_t(process.processId()), SIGTERM);
        QVERIFY(finishes(process));
        QCOMPARE(process.exitCode(), 0);
    }

    // Network not up at boot: the service does not exit (it used to give up with 3 after
    // 10 s); it says once that Discord is unreachable and connects when Discord appears.
    void discordAbsentAtStartIsWaitedFor()
    {
        quint16 port = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            port = probe.serverPort();
        }
        QString text = configText(m_discord->botToken());
        text.replace(m_discord->restBaseUrl().toString(),
                     QStringLiteral("http://127.0.0.1:%1/api/v10").arg(port));
        QProcess process;
        QSignalSpy started(&process, &QProcess::started);
        startBot(process, writeConfig(text));
        QVERIFY(started.wait(10000));
        QByteArray log;
        QVERIFY2(waitForText(process, &log, "Discord unreachable since", 30000), log.constData());
        QVERIFY2(log.contains("next try in"), log.constData());
        QCOMPARE(process.state(), QProcess::Running);

        DiscordSimOptions options;
        options.botToken = m_discord->botToken();
        options.restPort = port;
        DiscordSimulator late;
        QVERIFY(late.start(options));
        QVERIFY2(waitForText(process, &log, "Discord answers again", 30000), log.constData());
        QVERIFY2(waitForText(process, &log, "running; SIGTERM stops", 30000), log.constData());
        QCOMPARE(log.count("Discord unreachable since"), 1); // once per change of condition
        ::kill(pid_t(process.processId()), SIGTERM);
        QVERIFY(finishes(process));
        QCOMPARE(process.exitCode(), 0);
    }

    // SIGTERM while the panel hangs: the hanging requests are cancelled after a short grace
    // instead of being waited for (and retried) for half a minute.
    void sigtermWithAHangingPanelKeepsItsDeadline()
    {
        QProcess process;
        QByteArray log;
        QVERIFY(terminateWhilePanelHangs(process, &log));
        QVERIFY(finishes(process, 12000)); // grace 3 s + saving; the panel's timeout is 10 s
        QCOMPARE(process.exitCode(), 0);
        log += process.readAllStandardError();
        QVERIFY2(log.contains("bot stopped"), log.constData());
        QVERIFY2(!log.contains("retrying in"), log.constData());
    }

    // A second SIGTERM (or Ctrl+C) does not wait for anything: save, close, exit.
    void secondSignalExitsAtOnce()
    {
        QProcess process;
        QByteArray log;
        QVERIFY(terminateWhilePanelHangs(process, &log));
        QVERIFY2(waitForText(process, &log, "stopping:"), log.constData());
        ::kill(pid_t(process.processId()), SIGINT);
        QVERIFY(finishes(process, 2500)); // well inside the 3 s grace of the first signal
        log += process.readAllStandardError();
        if (process.exitCode() != 0)
            qWarning("%s", log.constData()); // QVERIFY2 would cut the log short
        QCOMPARE(process.exitCode(), 0);
        QVERIFY2(log.contains("second stop signal"), log.constData());
        QVERIFY2(log.contains("bot stopped at once"), log.constData());
        // The first stop's tasks unwound (they are not abandoned suspended, which LSan reports).
        QVERIFY2(!log.contains("did not end"), log.constData());
    }

    // `--no-gui` used to skip the keychain whatever `[bot] keychain` said. The child's session
    // bus points nowhere, so a keychain that is asked answers at once that it is unavailable,
    // and the store logs that; one that is not asked is never mentioned.
    void keychainFollowsTheConfigKey_data()
    {
        QTest::addColumn<bool>("checkConfig");
        QTest::addColumn<QString>("keychainLine");
        QTest::addColumn<bool>("asked");
        QTest::newRow("service, default") << false << QString() << true;
        QTest::newRow("service, keychain = true")
            << false << QStringLiteral("keychain = true\n") << true;
        QTest::newRow("service, keychain = false")
            << false << QStringLiteral("keychain = false\n") << false;
        QTest::newRow("check-config, default") << true << QString() << true;
        QTest::newRow("check-config, keychain = false")
            << true << QStringLiteral("keychain = false\n") << false;
    }
    void keychainFollowsTheConfigKey()
    {
        QFETCH(bool, checkConfig);
        QFETCH(QString, keychainLine);
        QFETCH(bool, asked);
        // [bot] is the last section of configText().
        const QString path = writeConfig(configText(m_discord->botToken()) + keychainLine);
        QProcessEnvironment environment;
        environment.insert(QStringLiteral("HOME"), m_dir->path());
        environment.insert(QStringLiteral("PATH"), qEnvironmentVariable("PATH"));
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        environment.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                           QStringLiteral("unix:path=") +
                               m_dir->filePath(QStringLiteral("no-bus")));
        QProcess process;
        process.setProcessEnvironment(environment);
        process.setProcessChannelMode(QProcess::SeparateChannels);
        QStringList arguments{QStringLiteral("--no-gui"), QStringLiteral("--config"), path};
        if (checkConfig)
            arguments.prepend(QStringLiteral("--check-config"));
        QSignalSpy started(&process, &QProcess::started);
        process.start(QStringLiteral(PTERODISBOT_BINARY), arguments);
        QVERIFY(process.state() == QProcess::Running || started.wait(15000));

        // The file's token is taken after the keychain was asked (or not).
        QByteArray log;
        const QByteArray settled = "discord.token from " + path.toUtf8();
        QVERIFY2(waitForText(process, &log, settled), log.constData());
        QCOMPARE(log.contains("keychain not available"), asked);
        if (checkConfig) {
            QVERIFY(finishes(process));
            QCOMPARE(process.exitCode(), 0);
        } else {
            ::kill(pid_t(process.processId()), SIGTERM);
            QVERIFY(finishes(process));
        }
    }
};

QTEST_GUILESS_MAIN(TestService)
#include "tst_service.moc"
