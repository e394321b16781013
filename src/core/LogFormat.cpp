#include "LogFormat.h"

#include <sys/stat.h>

namespace Pterodisbot {

const char *levelName(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return "debug";
    case QtInfoMsg:
        return "info";
    case QtWarningMsg:
        return "warning";
    case QtCriticalMsg:
        return "critical";
    case QtFatalMsg:
        return "fatal";
    }
    return "info";
}

int syslogPriority(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return 7;
    case QtInfoMsg:
        return 6;
    case QtWarningMsg:
        return 4;
    case QtCriticalMsg:
        return 3;
    case QtFatalMsg:
        return 2;
    }
    return 6;
}

QByteArray formatLogLine(QtMsgType type, QStringView category, QStringView text,
                         const QDateTime &timestamp, bool journald)
{
    QByteArray prefix;
    if (journald) {
        prefix = '<' + QByteArray::number(syslogPriority(type)) + '>';
    } else {
        prefix = timestamp.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")).toLatin1();
        prefix += ' ';
    }
    prefix += levelName(type);
    prefix += " [";
    prefix += category.toUtf8();
    prefix += "] ";

    while (text.endsWith(QLatin1Char('\n')))
        text.chop(1);
    QByteArray lines;
    lines.reserve(prefix.size() + text.size() + 1);
    qsizetype start = 0;
    while (true) {
        const qsizetype end = text.indexOf(QLatin1Char('\n'), start);
        lines += prefix;
        lines += text.mid(start, end < 0 ? -1 : end - start).toUtf8();
        lines += '\n';
        if (end < 0)
            break;
        start = end + 1;
    }
    return lines;
}

bool isJournalStream(int fd, QByteArrayView journalStream)
{
    const qsizetype colon = journalStream.indexOf(':');
    if (colon <= 0)
        return false;
    bool deviceOk = false;
    bool inodeOk = false;
    const qulonglong device = journalStream.first(colon).toULongLong(&deviceOk);
    const qulonglong inode = journalStream.sliced(colon + 1).toULongLong(&inodeOk);
    if (!deviceOk || !inodeOk)
        return false;
    struct stat status = {};
    if (::fstat(fd, &status) != 0)
        return false;
    return qulonglong(status.st_dev) == device && qulonglong(status.st_ino) == inode;
}

} // namespace Pterodisbot
