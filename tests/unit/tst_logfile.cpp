// The desktop's log file: appended, owner-only, rotated at its cap with the oldest file dropped,
// fed by the redacting handler (so secrets never reach it), and failures that neither crash nor
// recurse, reported once on stderr.
#include "LogFile.h"

#include <sys/stat.h>
#include <unistd.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTemporaryFile>
#include <QTest>

#include "LogFormat.h"
#include "logging.h"
#include "StderrCapture.h"

using namespace Pterodisbot;
using Pterodisbot::TestSupport::StderrCapture;

namespace {

const QDateTime t0(QDate(2026, 12, 7), QTime(16, 45, 3, 123));

int permissionBits(const QString &path)
{
    struct stat status = {};
    if (::stat(QFile::encodeName(path).constData(), &status) != 0)
        return -1;
    return int(status.st_mode & 07777);
}

QByteArray contents(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

//! The "line NNNN" numbers in \a text, in order.
QList<int> lineNumbers(const QByteArray &text)
{
    QList<int> numbers;
    const QRegularExpression number(QStringLiteral(R"(\] line (\d{4}) )"));
    for (const QRegularExpressionMatch &match : number.globalMatch(QString::fromUtf8(text)))
        numbers.append(match.captured(1).toInt());
    return numbers;
}

} // namespace

class TestLogFile final : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_previous = qInstallMessageHandler(nullptr);
        qInstallMessageHandler(m_previous);
    }
    void cleanup()
    {
        setLogFile({});
        qInstallMessageHandler(m_previous);
    }

    void createsAnOwnerOnlyFileInANewFolder()
    {
        QTemporaryDir data;
        QVERIFY(data.isValid());
        const QString folder = data.filePath(QStringLiteral("data/logs"));
        LogFile file(folder);
        QVERIFY(file.isOpen());
        QCOMPARE(file.filePath(), folder + QStringLiteral("/pterodisbot.log"));
        QVERIFY(QFileInfo::exists(file.filePath()));
        QCOMPARE(permissionBits(file.filePath()), 0600);
        QCOMPARE(permissionBits(folder), 0700);

        file.write(QtWarningMsg, u"pterodisbot.gateway", u"heartbeat missed", t0);
        QCOMPARE(contents(file.filePath()),
                 QByteArray("2026-12-07 16:45:03.123 warning [pterodisbot.gateway] "
                            "heartbeat missed\n"));
    }

    void appendsToAnExistingFileAndTightensIt()
    {
        QTemporaryDir data;
        const QString path = data.filePath(QStringLiteral("pterodisbot.log"));
        {
            QFile old(path);
            QVERIFY(old.open(QIODevice::WriteOnly));
            old.write("an earlier run\n");
        }
        QVERIFY(::chmod(QFile::encodeName(path).constData(), 0644) == 0);

        LogFile file(data.path());
        file.write(QtInfoMsg, u"pterodisbot.app", u"started again", t0);
        QCOMPARE(contents(path), QByteArray("an earlier run\n"
                                            "2026-12-07 16:45:03.123 info [pterodisbot.app] "
                                            "started again\n"));
        QCOMPARE(permissionBits(path), 0600);
    }

    void rotatesAtTheCapAndDropsTheOldest()
    {
        QTemporaryDir data;
        LogFile::Options options;
        options.maxBytes = 1000;
        options.keptFiles = 3;
        LogFile file(data.path(), options);
        const QString filler(60, QLatin1Char('x'));
        for (int i = 0; i < 100; ++i) {
            file.write(QtInfoMsg, u"pterodisbot.bot",
                       QStringLiteral("line %1 %2").arg(i, 4, 10, QLatin1Char('0')).arg(filler),
                       t0);
        }
        const qint64 lineSize = formatLogLine(QtInfoMsg, u"pterodisbot.bot",
                                              QStringLiteral("line 0000 %1").arg(filler), t0, false)
                                    .size();

        const QString base = file.filePath();
        const QStringList files = {base + QStringLiteral(".3"), base + QStringLiteral(".2"),
                                   base + QStringLiteral(".1"), base};
        QVERIFY(!QFileInfo::exists(base + QStringLiteral(".4")));
        QByteArray all;
        for (const QString &path : files) {
            QVERIFY2(QFileInfo::exists(path), qPrintable(path));
            const qint64 size = QFileInfo(path).size();
            QVERIFY2(size <= options.maxBytes, qPrintable(path));
            if (path != base) // a rotated file was full: the next line would have passed the cap
                QVERIFY2(size + lineSize > options.maxBytes, qPrintable(path));
            QCOMPARE(permissionBits(path), 0600);
            all += contents(path);
        }
        // The newest lines, in order, without gaps; the oldest are gone.
        const QList<int> numbers = lineNumbers(all);
        QVERIFY(!numbers.isEmpty());
        QCOMPARE(numbers.last(), 99);
        QVERIFY(numbers.first() > 0);
        for (qsizetype i = 1; i < numbers.size(); ++i)
            QCOMPARE(numbers.at(i), numbers.at(i - 1) + 1);
        QCOMPARE(qint64(numbers.size()) * lineSize, qint64(all.size()));
    }

    void rotationContinuesAcrossRuns()
    {
        // A new run appends to the file the last one left, and rotates it at the same cap.
        QTemporaryDir data;
        LogFile::Options options;
        options.maxBytes = 300;
        {
            LogFile first(data.path(), options);
            first.write(QtInfoMsg, u"pterodisbot.app", QString(200, QLatin1Char('a')), t0);
        }
        LogFile second(data.path(), options);
        second.write(QtInfoMsg, u"pterodisbot.app", QString(200, QLatin1Char('b')), t0);
        const QString base = second.filePath();
        QVERIFY(contents(base + QStringLiteral(".1")).contains(QByteArray(200, 'a')));
        QVERIFY(contents(base).contains(QByteArray(200, 'b')));
        QVERIFY(!contents(base).contains(QByteArray(10, 'a')));
    }

    void handlerFeedsTheFileRedacted()
    {
        QTemporaryDir data;
        const QString secret = QStringLiteral("ptlc_") + QString(43, QLatin1Char('k'));
        registerSecret(secret);
        auto file = std::make_shared<LogFile>(data.path());
        QByteArray written;
        {
            StderrCapture quiet;
            installRedactingMessageHandler();
            setLogFile(file);
            qCWarning(lcRest) << "request with" << secret << "failed";
            qCInfo(lcPanel).noquote() << QStringLiteral("key=%1;\nsecond line %1").arg(secret);
            setLogFile({});
            qCInfo(lcApp) << "after the file was unset";
            written = quiet.finish();
        }
        QVERIFY2(!written.contains(secret.toUtf8()), written.constData());
        const QByteArray logged = contents(file->filePath());
        QVERIFY2(!logged.contains(secret.toUtf8()), logged.constData());
        QCOMPARE(logged.count("[redacted]"), 3);
        const QList<QByteArray> lines = logged.trimmed().split('\n');
        QCOMPARE(lines.size(), 3);
        QVERIFY2(lines.at(0).contains(" warning [pterodisbot.rest] request with \"[redacted]\""),
                 lines.at(0).constData());
        QVERIFY2(lines.at(2).contains(" info [pterodisbot.panel] second line [redacted]"),
                 lines.at(2).constData());
        QVERIFY(!logged.contains("after the file was unset"));
    }

    void unwritableFolderIsReportedOnceAndResumes()
    {
        // A file where the folder should be: no mkdir can succeed, even as root.
        QTemporaryDir data;
        const QString blocker = data.filePath(QStringLiteral("data"));
        {
            QFile file(blocker);
            QVERIFY(file.open(QIODevice::WriteOnly));
        }
        const QString folder = blocker + QStringLiteral("/logs");
        std::shared_ptr<LogFile> file;
        QByteArray written;
        {
            StderrCapture capture;
            file = std::make_shared<LogFile>(folder);
            QVERIFY(!file->isOpen());
            QVERIFY(file->isFailing());
            installRedactingMessageHandler();
            setLogFile(file);
            for (int i = 0; i < 5; ++i)
                qCWarning(lcBot) << "still going" << i;
            written = capture.finish();
        }
        // Every line still reached stderr, and the failure was said once.
        QCOMPARE(written.count("still going"), 5);
        QCOMPARE(written.count("log file "), 1);
        QVERIFY2(written.contains(QFile::encodeName(file->filePath())), written.constData());
        QVERIFY2(written.contains("Not a directory"), written.constData());

        // Once the folder can be made, the next line opens the file.
        QVERIFY(QFile::remove(blocker));
        qCInfo(lcBot) << "the folder is back";
        QVERIFY(file->isOpen());
        QVERIFY(!file->isFailing());
        QVERIFY(contents(file->filePath()).contains("the folder is back"));
    }

    void fullDiskIsReportedOnce()
    {
        // /dev/full answers every write with ENOSPC.
        if (!QFileInfo::exists(QStringLiteral("/dev/full")))
            QSKIP("no /dev/full");
        QTemporaryDir data;
        const QString path = data.filePath(QStringLiteral("pterodisbot.log"));
        QVERIFY(QFile::link(QStringLiteral("/dev/full"), path));
        const int deviceBits = permissionBits(QStringLiteral("/dev/full"));
        QByteArray written;
        {
            StderrCapture capture;
            LogFile file(data.path());
            QVERIFY(file.isOpen());
            for (int i = 0; i < 5; ++i)
                file.write(QtInfoMsg, u"pterodisbot.bot", u"lost", t0);
            QVERIFY(file.isFailing());
            written = capture.finish();
        }
        QCOMPARE(written.count("log file "), 1);
        QVERIFY2(written.contains("No space left on device"), written.constData());
        // The link's target is not a log file: its permissions are left alone.
        QCOMPARE(permissionBits(QStringLiteral("/dev/full")), deviceBits);
    }

private:
    QtMessageHandler m_previous = nullptr;
};

QTEST_GUILESS_MAIN(TestLogFile)
#include "tst_logfile.moc"
