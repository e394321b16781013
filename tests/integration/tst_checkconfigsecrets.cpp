// The real program: `pterodisbot --check-config` and service mode (--no-gui) given a config.ini
// with a token and both panel keys in malformed lines print the keys and line numbers of the
// problems but no piece of the secrets, on stdout or stderr.
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

class TestCheckConfigSecrets final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    // Fake secrets of the real shapes, mixed case and digits like real ones, made at run time
    // so that nothing secret-looking is committed.
    static QString mixed(int length, int seed)
    {
        const QString alphabet =
            QStringLiteral("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789");
        QString text;
        for (int i = 0; i < length; ++i)
            text += alphabet.at((i * 7 + seed * 13 + i / 5) % alphabet.size());
        return text;
    }
    const QString m_token = QStringLiteral("MTIzNDU2Nzg5MDEyMzQ1Njc4OTA.") + mixed(6, 1) +
                            QLatin1Char('.') + mixed(38, 2);
    const QString m_client = QStringLiteral("ptlc_") + mixed(43, 3);
    const QString m_application = QStringLiteral("ptla_") + mixed(43, 4);

    QString writeConfig()
    {
        const QString text = QStringLiteral("[discord] token = %1\r"          // line 1, CR only
                                            "guild_id = 123456789012345678\r" // line 2
                                            "[pterodactyl]\r\n"               // line 3
                                            "client_key = \"%2\n" // line 4, unclosed quote
                                            "application_key = %3")
                                 .arg(m_token, m_client, m_application) +
                             QChar(0) +
                             QStringLiteral("\n%1\n").arg(m_token); // line 5 NUL, line 6 pasted
        const QString path = m_dir.filePath(QStringLiteral("config.ini"));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return {};
        file.write(text.toUtf8());
        file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
        return path;
    }

    QByteArray run(const QStringList &arguments, int *exitCode)
    {
        QProcess process;
        QProcessEnvironment environment;
        environment.insert(QStringLiteral("HOME"), m_dir.path());
        environment.insert(QStringLiteral("PATH"), qEnvironmentVariable("PATH"));
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        environment.insert(QStringLiteral("PTERODISBOT_BOT_KEYCHAIN"), QStringLiteral("false"));
        process.setProcessEnvironment(environment);
        QSignalSpy finished(&process, &QProcess::finished);
        process.start(QStringLiteral(PTERODISBOT_BINARY), arguments);
        if (!finished.wait(60000))
            return {};
        *exitCode = process.exitCode();
        return process.readAllStandardOutput() + process.readAllStandardError();
    }

    void verifyNoSecret(const QByteArray &output)
    {
        for (const QString &secret : {m_token, m_client, m_application}) {
            const QByteArray bytes = secret.toUtf8();
            for (qsizetype i = 0; i + 8 <= bytes.size(); ++i)
                QVERIFY2(!output.contains(bytes.mid(i, 8)),
                         qPrintable(QStringLiteral("%1 leaked in:\n%2")
                                        .arg(QString::fromUtf8(bytes.mid(i, 8)),
                                             QString::fromUtf8(output))));
        }
        QVERIFY2(output.contains("discord.token") && output.contains("line 1"), output.constData());
        QVERIFY2(output.contains("pterodactyl.client_key") && output.contains("line 4"),
                 output.constData());
        QVERIFY2(output.contains("pterodactyl.application_key") && output.contains("\\0"),
                 output.constData());
        QVERIFY2(output.contains("config.ini:6"), output.constData());
    }

private slots:
    void checkConfigQuotesNoSecret()
    {
        QVERIFY(m_dir.isValid());
        const QString path = writeConfig();
        QVERIFY(!path.isEmpty());
        int exitCode = -1;
        const QByteArray output =
            run({QStringLiteral("--check-config"), QStringLiteral("--config"), path}, &exitCode);
        QCOMPARE(exitCode, 1);
        verifyNoSecret(output);
    }

    void serviceModeQuotesNoSecret()
    {
        QVERIFY(m_dir.isValid());
        const QString path = writeConfig();
        int exitCode = -1;
        const QByteArray output =
            run({QStringLiteral("--no-gui"), QStringLiteral("--config"), path}, &exitCode);
        QCOMPARE(exitCode, 1);
        verifyNoSecret(output);
    }
};

QTEST_GUILESS_MAIN(TestCheckConfigSecrets)
#include "tst_checkconfigsecrets.moc"
