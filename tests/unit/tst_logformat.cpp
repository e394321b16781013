// The redacting handler's line format: a timestamp on a terminal or in a file, a syslog
// priority prefix and no timestamp when stderr is the systemd journal (JOURNAL_STREAM names it),
// every line of a multi-line message a whole record.
#include "LogFormat.h"

#include <sys/stat.h>

#include <QDateTime>
#include <QRegularExpression>
#include <QTemporaryFile>
#include <QTest>

#include "logging.h"
#include "StderrCapture.h"

using namespace Pterodisbot;
using Pterodisbot::TestSupport::StderrCapture;

namespace {

const QDateTime stamp(QDate(2026, 12, 7), QTime(16, 45, 3, 123));

//! What systemd puts in JOURNAL_STREAM for a stream open on the file of \a fd.
QByteArray deviceAndInode(int fd)
{
    struct stat status = {};
    if (::fstat(fd, &status) != 0)
        return {};
    return QByteArray::number(qulonglong(status.st_dev)) + ':' +
           QByteArray::number(qulonglong(status.st_ino));
}

//! Sets an environment variable for the life of the object, restoring the old value after.
class ScopedVariable final
{
public:
    ScopedVariable(const char *name, const QByteArray &value)
        : m_name(name)
        , m_had(qEnvironmentVariableIsSet(name))
        , m_old(qgetenv(name))
    {
        qputenv(name, value);
    }
    ~ScopedVariable()
    {
        if (m_had)
            qputenv(m_name, m_old);
        else
            qunsetenv(m_name);
    }

private:
    const char *m_name;
    bool m_had;
    QByteArray m_old;
};

} // namespace

class TestLogFormat final : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        // QtTest's own handler, put back after each test that installs ours.
        m_previous = qInstallMessageHandler(nullptr);
        qInstallMessageHandler(m_previous);
    }
    void cleanup() { qInstallMessageHandler(m_previous); }

    void lineFormat_data()
    {
        QTest::addColumn<int>("type");
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("journald");
        QTest::addColumn<QByteArray>("expected");

        const QByteArray time = "2026-12-07 16:45:03.123 ";
        QTest::newRow("info") << int(QtInfoMsg) << QStringLiteral("bot ready") << false
                              << time + "info [pterodisbot.bot] bot ready\n";
        QTest::newRow("warning") << int(QtWarningMsg) << QStringLiteral("heartbeat missed") << false
                                 << time + "warning [pterodisbot.bot] heartbeat missed\n";
        QTest::newRow("critical") << int(QtCriticalMsg) << QStringLiteral("edit failed") << false
                                  << time + "critical [pterodisbot.bot] edit failed\n";
        QTest::newRow("debug") << int(QtDebugMsg) << QStringLiteral("cycle") << false
                               << time + "debug [pterodisbot.bot] cycle\n";
        QTest::newRow("utf-8")
            << int(QtInfoMsg) << QStringLiteral("Überwelt läuft") << false
            << time + QStringLiteral("info [pterodisbot.bot] Überwelt läuft\n").toUtf8();

        QTest::newRow("journal debug") << int(QtDebugMsg) << QStringLiteral("cycle") << true
                                       << QByteArray("<7>debug [pterodisbot.bot] cycle\n");
        QTest::newRow("journal info") << int(QtInfoMsg) << QStringLiteral("bot ready") << true
                                      << QByteArray("<6>info [pterodisbot.bot] bot ready\n");
        QTest::newRow("journal warning")
            << int(QtWarningMsg) << QStringLiteral("heartbeat missed") << true
            << QByteArray("<4>warning [pterodisbot.bot] heartbeat missed\n");
        QTest::newRow("journal critical")
            << int(QtCriticalMsg) << QStringLiteral("edit failed") << true
            << QByteArray("<3>critical [pterodisbot.bot] edit failed\n");
        QTest::newRow("journal fatal") << int(QtFatalMsg) << QStringLiteral("out of memory") << true
                                       << QByteArray("<2>fatal [pterodisbot.bot] out of memory\n");

        // Each line a record: the journal makes an entry of every line, and one without the
        // prefix would be filed at the default priority (info) and lose its category.
        QTest::newRow("journal multi-line")
            << int(QtWarningMsg) << QStringLiteral("two problems:\n  a\n  b") << true
            << QByteArray("<4>warning [pterodisbot.bot] two problems:\n"
                          "<4>warning [pterodisbot.bot]   a\n"
                          "<4>warning [pterodisbot.bot]   b\n");
        QTest::newRow("multi-line")
            << int(QtInfoMsg) << QStringLiteral("first\nsecond") << false
            << time + "info [pterodisbot.bot] first\n" + time + "info [pterodisbot.bot] second\n";
        QTest::newRow("trailing newline adds no line")
            << int(QtInfoMsg) << QStringLiteral("done\n\n") << true
            << QByteArray("<6>info [pterodisbot.bot] done\n");
        QTest::newRow("empty line inside kept")
            << int(QtInfoMsg) << QStringLiteral("a\n\nb") << true
            << QByteArray("<6>info [pterodisbot.bot] a\n<6>info [pterodisbot.bot] \n"
                          "<6>info [pterodisbot.bot] b\n");
        QTest::newRow("empty message")
            << int(QtInfoMsg) << QString() << true << QByteArray("<6>info [pterodisbot.bot] \n");
    }

    void lineFormat()
    {
        QFETCH(int, type);
        QFETCH(QString, text);
        QFETCH(bool, journald);
        QFETCH(QByteArray, expected);
        QCOMPARE(formatLogLine(QtMsgType(type), u"pterodisbot.bot", text, stamp, journald),
                 expected);
    }

    void timestampIsLocalTime()
    {
        // Whatever zone the machine is in, the line shows the wall clock there.
        const QDateTime utc(QDate(2026, 12, 7), QTime(12, 0, 0, 5), Qt::UTC);
        const QByteArray line = formatLogLine(QtInfoMsg, u"pterodisbot.app", u"x", utc, false);
        QVERIFY2(
            line.startsWith(
                utc.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz ")).toUtf8()),
            line.constData());
    }

    void journalStreamNamesTheFileOfTheDescriptor()
    {
        QTemporaryFile stream;
        QVERIFY(stream.open());
        QTemporaryFile other;
        QVERIFY(other.open());
        const QByteArray value = deviceAndInode(stream.handle());
        QVERIFY(!value.isEmpty());
        QVERIFY(isJournalStream(stream.handle(), value));
        // The same device, another inode; and the other way round.
        QVERIFY(!isJournalStream(other.handle(), value));
        QVERIFY(!isJournalStream(stream.handle(), deviceAndInode(other.handle())));
        const qsizetype colon = value.indexOf(':');
        const QByteArray otherDevice =
            QByteArray::number(value.left(colon).toULongLong() + 1) + value.mid(colon);
        QVERIFY(!isJournalStream(stream.handle(), otherDevice));
    }

    void malformedJournalStreamIsNoJournal_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("colon only") << QByteArray(":");
        QTest::newRow("no inode") << QByteArray("64768:");
        QTest::newRow("no device") << QByteArray(":1234");
        QTest::newRow("words") << QByteArray("journal:stream");
        QTest::newRow("no colon") << QByteArray("647681234");
    }

    void malformedJournalStreamIsNoJournal()
    {
        QFETCH(QByteArray, value);
        QTemporaryFile stream;
        QVERIFY(stream.open());
        QVERIFY(!isJournalStream(stream.handle(), value));
        QVERIFY(!isJournalStream(-1, deviceAndInode(stream.handle())));
    }

    void handlerWritesPrioritiesWhenStderrIsTheJournal()
    {
        QByteArray written;
        {
            StderrCapture capture;
            QVERIFY(capture.isActive());
            const ScopedVariable stream("JOURNAL_STREAM", capture.journalStream());
            installRedactingMessageHandler();
            qCWarning(lcGateway) << "heartbeat missed";
            qCInfo(lcBot).noquote() << "first\nsecond";
            qCCritical(lcRest) << "edit failed";
            written = capture.finish();
        }
        QCOMPARE(written, QByteArray("<4>warning [pterodisbot.gateway] heartbeat missed\n"
                                     "<6>info [pterodisbot.bot] first\n"
                                     "<6>info [pterodisbot.bot] second\n"
                                     "<3>critical [pterodisbot.rest] edit failed\n"));
    }

    void handlerWritesTimestampsWhenTheStreamIsAnotherFile()
    {
        // Inherited by a process whose stderr was redirected: the variable names the journal's
        // stream, not ours.
        QTemporaryFile journal;
        QVERIFY(journal.open());
        const QByteArray journalValue = deviceAndInode(journal.handle());
        QByteArray written;
        {
            StderrCapture capture;
            QVERIFY(capture.isActive());
            QVERIFY(capture.journalStream() != journalValue);
            const ScopedVariable stream("JOURNAL_STREAM", journalValue);
            installRedactingMessageHandler();
            qCWarning(lcGateway) << "heartbeat missed";
            written = capture.finish();
        }
        const QRegularExpression line(QStringLiteral(
            R"(^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} warning \[pterodisbot\.gateway\] heartbeat missed\n$)"));
        QVERIFY2(line.match(QString::fromUtf8(written)).hasMatch(), written.constData());
    }

    void handlerWritesTimestampsWithoutTheVariable()
    {
        QByteArray written;
        {
            StderrCapture capture;
            const bool had = qEnvironmentVariableIsSet("JOURNAL_STREAM");
            const QByteArray old = qgetenv("JOURNAL_STREAM");
            qunsetenv("JOURNAL_STREAM");
            installRedactingMessageHandler();
            qCInfo(lcApp) << "running";
            if (had)
                qputenv("JOURNAL_STREAM", old);
            written = capture.finish();
        }
        QVERIFY2(QRegularExpression(QStringLiteral(R"(^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} )"
                                                   R"(info \[pterodisbot\.app\] running\n$)"))
                     .match(QString::fromUtf8(written))
                     .hasMatch(),
                 written.constData());
    }

    void secretsAreRedactedInEitherFormat()
    {
        const QString secret = QStringLiteral("ptla_") + QString(43, QLatin1Char('z'));
        registerSecret(secret);
        QByteArray written;
        {
            StderrCapture capture;
            const ScopedVariable stream("JOURNAL_STREAM", capture.journalStream());
            installRedactingMessageHandler();
            qCWarning(lcPanel).noquote() << "key" << secret << "refused\nagain" << secret;
            written = capture.finish();
        }
        QVERIFY2(!written.contains(secret.toUtf8()), written.constData());
        QCOMPARE(written, QByteArray("<4>warning [pterodisbot.panel] key [redacted] refused\n"
                                     "<4>warning [pterodisbot.panel] again [redacted]\n"));
    }

private:
    QtMessageHandler m_previous = nullptr;
};

QTEST_GUILESS_MAIN(TestLogFormat)
#include "tst_logformat.moc"
