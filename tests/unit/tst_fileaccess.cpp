// The hint for a config file the bot may not read names who cannot read it and why.
#include <unistd.h>

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include "config/FileAccess.h"

using namespace Pterodisbot;

class TestFileAccess final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString makeFile(QFileDevice::Permissions permissions)
    {
        const QString path = m_dir.filePath(QStringLiteral("config.ini"));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return {};
        file.write("[discord]\n");
        file.close();
        file.setPermissions(permissions);
        return path;
    }

private slots:
    void modeIsOctal()
    {
        const QString path = makeFile(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup);
        QCOMPARE(octalMode(QFileInfo(path)), QStringLiteral("0640"));
    }

    // Under DynamicUser the service is not the file's owner: a 0600 file is closed to it, and
    // "chmod 600" would be the wrong advice.
    void anotherUsersFileNamesBothAndTheMode()
    {
        const QString path = makeFile(QFile::ReadOwner | QFile::WriteOwner);
        const QFileInfo info(path);
        const uint stranger = info.ownerId() + 61834;
        const FileAccessProblem problem =
            describeUnreadableFile(info, QStringLiteral("Permission denied"), stranger);
        QVERIFY2(problem.message.contains(QStringLiteral("uid %1").arg(stranger)),
                 qPrintable(problem.message));
        QVERIFY2(problem.message.contains(QStringLiteral("mode 0600")),
                 qPrintable(problem.message));
        QVERIFY(problem.message.contains(QStringLiteral("Permission denied")));
        QVERIFY(problem.message.contains(path));
        QVERIFY2(!problem.hint.startsWith(QStringLiteral("chmod 600")), qPrintable(problem.hint));
        if (info.ownerId() == 0) {
            QVERIFY2(problem.message.contains(QStringLiteral("belongs to root")),
                     qPrintable(problem.message));
            QVERIFY2(problem.hint.contains(QStringLiteral("/etc/pterodisbot/environment")),
                     qPrintable(problem.hint));
        } else {
            QVERIFY2(problem.hint.contains(QStringLiteral("chown")), qPrintable(problem.hint));
        }
    }

    void ownFileWithoutReadBitSaysChmod()
    {
        const QString path = makeFile(QFile::WriteOwner);
        const QFileInfo info(path);
        const FileAccessProblem problem =
            describeUnreadableFile(info, QStringLiteral("Permission denied"), info.ownerId());
        QVERIFY2(problem.message.contains(QStringLiteral("mode 0200")),
                 qPrintable(problem.message));
        QCOMPARE(problem.hint, QStringLiteral("chmod 600 %1").arg(path));
    }

    void folderIsNamedAsSuch()
    {
        const FileAccessProblem problem =
            describeUnreadableFile(QFileInfo(m_dir.path()), QStringLiteral("Is a directory"));
        QVERIFY(problem.message.contains(QStringLiteral("it is a folder")));
    }
};

QTEST_GUILESS_MAIN(TestFileAccess)
#include "tst_fileaccess.moc"
