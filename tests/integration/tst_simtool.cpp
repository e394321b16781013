// `pterodisbot-sim` as the README uses it: it prints a config.ini for both simulators, and that
// config passes `pterodisbot --check-config` as printed.
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

namespace {

QProcessEnvironment cleanEnvironment(const QString &home)
{
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("HOME"), home);
    environment.insert(QStringLiteral("PATH"), qEnvironmentVariable("PATH"));
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    return environment;
}

} // namespace

class TestSimTool final : public QObject
{
    Q_OBJECT

private slots:
    void printedConfigurationIsValid()
    {
        QTemporaryDir home;
        QVERIFY(home.isValid());
        QProcess sim;
        sim.setProcessEnvironment(cleanEnvironment(home.path()));
        sim.start(QStringLiteral(PTERODISBOT_SIM_BINARY),
                  {QStringLiteral("--servers"), QStringLiteral("12")});
        QString out;
        const auto printed = [&] {
            out += QString::fromUtf8(sim.readAllStandardOutput());
            return out.contains(QStringLiteral("Press Ctrl+C to stop."));
        };
        QTRY_VERIFY_WITH_TIMEOUT(printed(), 20000);

        // Loopback only, the panel's cache on, and the servers asked for.
        for (const QRegularExpressionMatch &url :
             QRegularExpression(QStringLiteral("(https?|wss?)://([^/:\\s]+)")).globalMatch(out)) {
            QCOMPARE(url.captured(2), QStringLiteral("127.0.0.1"));
        }
        QVERIFY(out.contains(QStringLiteral("servers   : 12 on")));
        QVERIFY(out.contains(QStringLiteral("/resources: cached 20 s per server")));

        // The two "For config.ini:" blocks, pasted into one file.
        QString config;
        const QStringList blocks = out.split(QStringLiteral("For config.ini:\n"));
        QCOMPARE(blocks.size(), 3);
        for (int i = 1; i < blocks.size(); ++i)
            config += blocks.at(i).section(QStringLiteral("\n\n"), 0, 0) + QStringLiteral("\n\n");
        QVERIFY2(config.contains(QStringLiteral("[pterodactyl]")) &&
                     config.contains(QStringLiteral("[discord]")),
                 qPrintable(config));
        config += QStringLiteral("[bot]\nkeychain = false\ndata_dir = %1\n").arg(home.path());
        const QString path = home.filePath(QStringLiteral("config.ini"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(config.toUtf8());
        file.close();
        QVERIFY(file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));

        QProcess check;
        check.setProcessEnvironment(cleanEnvironment(home.path()));
        check.start(QStringLiteral(PTERODISBOT_BINARY),
                    {QStringLiteral("--check-config"), QStringLiteral("--config"), path});
        QVERIFY(check.waitForFinished(20000));
        const QString report =
            QString::fromUtf8(check.readAllStandardOutput() + check.readAllStandardError());
        QVERIFY2(check.exitCode() == 0, qPrintable(report));
        QVERIFY2(report.contains(QStringLiteral("OK")), qPrintable(report));

        sim.terminate();
        QVERIFY(sim.waitForFinished(10000));
    }
};

QTEST_GUILESS_MAIN(TestSimTool)
#include "tst_simtool.moc"
