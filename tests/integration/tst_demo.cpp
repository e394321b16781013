// `pterodisbot --demo`, run as a user runs it: the real program as a child process, both
// simulators inside it on 127.0.0.1, the scripted visitor, and the charts written to a folder.
#include <QDir>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class TestDemo final : public QObject
{
    Q_OBJECT

private slots:
    void demoPostsEditsAndWritesCharts()
    {
        QTemporaryDir home;
        QVERIFY(home.isValid());
        const QString output = home.filePath(QStringLiteral("demo"));
        QProcessEnvironment environment;
        environment.insert(QStringLiteral("HOME"), home.path());
        environment.insert(QStringLiteral("PATH"), qEnvironmentVariable("PATH"));
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        QProcess demo;
        demo.setProcessEnvironment(environment);
        demo.setProcessChannelMode(QProcess::SeparateChannels);
        // Fifteen seconds: the visitor's commands and buttons, the first graphs; the crash of
        // the script comes later and is the alerts tests' business (tst_outagealerts,
        // tst_botresilience).
        demo.start(QStringLiteral(PTERODISBOT_BINARY),
                   {QStringLiteral("--demo"), QStringLiteral("--no-gui"),
                    QStringLiteral("--duration"), QStringLiteral("15"), QStringLiteral("--output"),
                    output});
        QVERIFY2(demo.waitForFinished(60000), "the demo did not stop by itself");
        const QString out = QString::fromUtf8(demo.readAllStandardOutput());
        const QString err = QString::fromUtf8(demo.readAllStandardError());
        QVERIFY2(demo.exitStatus() == QProcess::NormalExit && demo.exitCode() == 0,
                 qPrintable(err.right(2000)));

        // Everything on loopback, and the steps a reader of the README expects.
        QVERIFY2(out.contains(QStringLiteral("everything runs on 127.0.0.1")), qPrintable(out));
        QVERIFY(!out.contains(QStringLiteral("discord.com")));
        for (const QString &step :
             {QStringLiteral("types /server_status"),
              QStringLiteral("bot: posted the status embed of"),
              QStringLiteral("bot: edited the embed of"),
              QStringLiteral("chart uploaded with the embed, saved as charts/"),
              QStringLiteral("presses power:start under"),
              QStringLiteral("You need the Server Admin role to control servers."),
              QStringLiteral("That server has no status embed here any more."),
              QStringLiteral("Demo finished:")}) {
            QVERIFY2(out.contains(step), qPrintable(step + QStringLiteral("\n---\n") + out));
        }

        // The charts folder holds the uploaded graphs as real PNGs.
        const QDir charts(QDir(output).filePath(QStringLiteral("charts")));
        const QStringList pngs = charts.entryList({QStringLiteral("*.png")}, QDir::Files);
        QVERIFY2(!pngs.isEmpty(), qPrintable(charts.absolutePath()));
        const QImage image(charts.filePath(pngs.first()));
        QVERIFY(!image.isNull());
        QCOMPARE(image.size(), QSize(900, 600));
    }
};

QTEST_GUILESS_MAIN(TestDemo)
#include "tst_demo.moc"
