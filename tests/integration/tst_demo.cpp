// `pterodisbot --demo`, run as a user runs it: the real program as a child process, both
// simulators inside it on 127.0.0.1, the scripted visitor, and the charts written to a folder.
#include <QDir>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

//! The real program with \a arguments in a fresh home; \a platform: QT_QPA_PLATFORM, or none
//! (and no display either) when empty.
Run runProgram(const QStringList &arguments, const QString &platform)
{
    QTemporaryDir home;
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("HOME"), home.path());
    environment.insert(QStringLiteral("PATH"), qEnvironmentVariable("PATH"));
    if (!platform.isEmpty())
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), platform);
    QProcess program;
    program.setProcessEnvironment(environment);
    program.start(QStringLiteral(PTERODISBOT_BINARY), arguments);
    Run run;
    if (!program.waitForFinished(60000)) {
        program.kill();
        program.waitForFinished();
        run.err = QStringLiteral("did not stop by itself");
        return run;
    }
    run.exitCode = program.exitStatus() == QProcess::NormalExit ? program.exitCode() : -1;
    run.out = QString::fromUtf8(program.readAllStandardOutput());
    run.err = QString::fromUtf8(program.readAllStandardError());
    return run;
}

} // namespace

class TestDemo final : public QObject
{
    Q_OBJECT

private slots:
    // With no display the desktop demo runs in the terminal and says why and how to see it.
    void withoutADisplayTheDemoRunsInTheTerminal()
    {
        const Run run = runProgram(
            {QStringLiteral("--demo"), QStringLiteral("--duration"), QStringLiteral("4")}, {});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err.right(2000)));
        QVERIFY2(run.err.contains(QStringLiteral("no display")), qPrintable(run.err));
        QVERIFY2(run.err.contains(QStringLiteral("--no-gui")), qPrintable(run.err));
        QVERIFY2(run.out.contains(QStringLiteral("everything runs on 127.0.0.1")),
                 qPrintable(run.out));
    }

    // The demo in the window (drawn offscreen here): without the visitor it posts the first
    // servers' embeds itself, so the window has something to show and press.
    void theWindowDemoPostsEmbedsToPress()
    {
        const Run run = runProgram({QStringLiteral("--demo"), QStringLiteral("--interactive"),
                                    QStringLiteral("--duration"), QStringLiteral("6")},
                                   QStringLiteral("offscreen"));
        QVERIFY2(run.exitCode == 0, qPrintable(run.err.right(2000)));
        QVERIFY(!run.err.contains(QStringLiteral("no display")));
        QVERIFY2(run.out.contains(QStringLiteral("press its buttons in the preview")),
                 qPrintable(run.out));
        QVERIFY2(run.out.count(QStringLiteral("bot: posted the status embed of")) >= 3,
                 qPrintable(run.out));
        QVERIFY2(!run.out.contains(QStringLiteral("types /server_status")), qPrintable(run.out));
    }

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
