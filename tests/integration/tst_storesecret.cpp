// The real program: `pterodisbot --store-secret NAME` (and `--setup`) with stdin a pipe, not a
// terminal, and no session bus, so no keychain: exit 3 with what to do instead; an unknown name
// or a clashing option exits 2; a malformed value exits 1 in the validator's words. The secret
// never appears on stdout or stderr.
#include "TestSupport.h"

#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using Pterodisbot::TestSupport::fakeKey;
using Pterodisbot::TestSupport::fakeToken;

class TestStoreSecret final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    struct Outcome
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };

    Outcome run(const QStringList &arguments, const QByteArray &input)
    {
        QProcess process;
        QProcessEnvironment environment;
        environment.insert(QStringLiteral("HOME"), m_dir.path());
        environment.insert(QStringLiteral("PATH"), qEnvironmentVariable("PATH"));
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        // A bus address nobody listens on: the keychain is unavailable, and fails fast.
        environment.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                           QStringLiteral("unix:path=") + m_dir.filePath(QStringLiteral("no-bus")));
        process.setProcessEnvironment(environment);
        QSignalSpy finished(&process, &QProcess::finished);
        process.start(QStringLiteral(PTERODISBOT_BINARY), arguments);
        process.write(input);
        process.closeWriteChannel();
        Outcome outcome;
        if (!finished.wait(60000)) {
            process.kill();
            return outcome;
        }
        outcome.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
        outcome.out = process.readAllStandardOutput();
        outcome.err = process.readAllStandardError();
        return outcome;
    }

    // Fails when any piece of 6 characters or more of \a secret is in \a output.
    static bool leaks(const QByteArray &output, const QString &secret)
    {
        const QByteArray bytes = secret.toUtf8();
        for (qsizetype i = 0; i + 6 <= bytes.size(); ++i) {
            if (output.contains(bytes.mid(i, 6))) {
                qWarning("a piece of the secret (%s) leaked in:\n%s", bytes.mid(i, 6).constData(),
                         output.constData());
                return true;
            }
        }
        return false;
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    // The terminal assistant asks questions: with answers piped in it refuses instead of
    // taking them blind, and writes nothing.
    void setupRefusesWithoutATerminal()
    {
        const QString config = m_dir.filePath(QStringLiteral("setup.ini"));
        const Outcome outcome = run({QStringLiteral("--setup"), QStringLiteral("--config"), config},
                                    "https://panel.example.com\n");
        QCOMPARE(outcome.exitCode, 2);
        QVERIFY2(outcome.err.contains("run it in a terminal"), outcome.err.constData());
        QVERIFY(!QFile::exists(config));
    }

    void noKeychainExitsWithThree_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("secret");
        QTest::addColumn<QByteArray>("ending"); // what follows the secret on stdin
        QTest::addColumn<QByteArray>("variable");
        QTest::newRow("token, printf %s")
            << QStringLiteral("discord.token") << fakeToken() << QByteArray()
            << QByteArray("PTERODISBOT_DISCORD_TOKEN");
        QTest::newRow("token, one line")
            << QStringLiteral("discord.token") << fakeToken() << QByteArray("\n")
            << QByteArray("PTERODISBOT_DISCORD_TOKEN");
        QTest::newRow("client key, CRLF file")
            << QStringLiteral("pterodactyl.client_key") << fakeKey(QStringLiteral("ptlc_"), 'k')
            << QByteArray("\r\n") << QByteArray("PTERODISBOT_PTERODACTYL_CLIENT_KEY");
    }

    void noKeychainExitsWithThree()
    {
        QFETCH(QString, name);
        QFETCH(QString, secret);
        QFETCH(QByteArray, ending);
        QFETCH(QByteArray, variable);
        const Outcome outcome =
            run({QStringLiteral("--store-secret"), name}, secret.toUtf8() + ending);
        // Exit 3 (not 1) also proves the newline was stripped: left in, the validator refuses.
        QVERIFY2(outcome.exitCode == 3, outcome.err.constData());
        QVERIFY2(outcome.err.contains(
                     QByteArray("could not store " + name.toUtf8() + " in the OS keychain")),
                 outcome.err.constData());
        QVERIFY2(outcome.err.contains(QByteArray("environment variable " + variable)),
                 outcome.err.constData());
        QVERIFY2(outcome.err.contains("chmod 600"), outcome.err.constData());
        QVERIFY(!outcome.out.contains("stored"));
        QVERIFY(!leaks(outcome.out + outcome.err, secret));
    }

    void badCommandLineExitsWithTwo_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("unknown name")
            << QStringList{QStringLiteral("--store-secret"), QStringLiteral("discord.guild_id")}
            << QByteArray("discord.token, pterodactyl.client_key, pterodactyl.application_key");
        QTest::newRow("token as the name")
            << QStringList{QStringLiteral("--store-secret"), fakeToken()}
            << QByteArray("is not the name of a secret");
        QTest::newRow("token on the command line")
            << QStringList{QStringLiteral("--store-secret"), QStringLiteral("discord.token"),
                           fakeToken()}
            << QByteArray("reads the secret from stdin");
        QTest::newRow("with --check-config")
            << QStringList{QStringLiteral("--check-config"), QStringLiteral("--store-secret"),
                           QStringLiteral("discord.token")}
            << QByteArray("cannot be combined with --check-config");
        QTest::newRow("with --demo")
            << QStringList{QStringLiteral("--store-secret=discord.token"), QStringLiteral("--demo")}
            << QByteArray("cannot be combined with --demo");
    }

    void badCommandLineExitsWithTwo()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, expected);
        const QString secret = fakeToken();
        const Outcome outcome = run(arguments, secret.toUtf8());
        QVERIFY2(outcome.exitCode == 2, outcome.err.constData());
        QVERIFY2(outcome.err.contains(expected), outcome.err.constData());
        QVERIFY(!leaks(outcome.out + outcome.err, secret));
    }

    void malformedValueExitsWithOne_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("secret");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("Bot prefix")
            << QStringLiteral("discord.token") << QStringLiteral("Bot ") + fakeToken()
            << QByteArray("the token starts with \"Bot \"");
        QTest::newRow("client key as application key")
            << QStringLiteral("pterodactyl.application_key") << fakeKey(QStringLiteral("ptlc_"))
            << QByteArray("in the application key slot");
        QTest::newRow("empty") << QStringLiteral("discord.token") << QString()
                               << QByteArray("the value is empty");
    }

    void malformedValueExitsWithOne()
    {
        QFETCH(QString, name);
        QFETCH(QString, secret);
        QFETCH(QByteArray, expected);
        const Outcome outcome = run({QStringLiteral("--store-secret"), name}, secret.toUtf8());
        QVERIFY2(outcome.exitCode == 1, outcome.err.constData());
        QVERIFY2(outcome.err.contains(QByteArray("error   " + name.toUtf8() + ": ")),
                 outcome.err.constData());
        QVERIFY2(outcome.err.contains(expected), outcome.err.constData());
        QVERIFY2(outcome.err.contains(QByteArray(name.toUtf8() + " was not stored")),
                 outcome.err.constData());
        QVERIFY(!leaks(outcome.out + outcome.err, secret));
    }
};

QTEST_GUILESS_MAIN(TestStoreSecret)
#include "tst_storesecret.moc"
