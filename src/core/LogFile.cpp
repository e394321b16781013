#include "LogFile.h"

#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <QDir>
#include <QFile>
#include <QMutexLocker>

#include "LogFormat.h"

namespace Pterodisbot {

namespace {

// Plain system calls from here on: this runs inside the message handler, and Qt's file classes
// may warn (through the handler) about the very failures we handle.

//! mkdir -p, new folders owner-only.
bool makeDirectory(const QByteArray &path)
{
    if (::mkdir(path.constData(), 0700) == 0 || errno == EEXIST)
        return true;
    if (errno != ENOENT)
        return false;
    const qsizetype slash = path.lastIndexOf('/');
    if (slash <= 0 || !makeDirectory(path.left(slash)))
        return false;
    return ::mkdir(path.constData(), 0700) == 0 || errno == EEXIST;
}

//! Writes all of \a bytes unless an error stops it; \a written counts what went out.
bool writeAll(int fd, QByteArrayView bytes, qint64 *written)
{
    const char *data = bytes.data();
    qint64 left = bytes.size();
    *written = 0;
    while (left > 0) {
        const ssize_t count = ::write(fd, data, size_t(left));
        if (count < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        data += count;
        left -= count;
        *written += count;
    }
    return true;
}

QByteArray numbered(const QByteArray &path, int number)
{
    return path + '.' + QByteArray::number(number);
}

} // namespace

LogFile::LogFile(const QString &directory)
    : LogFile(directory, Options{})
{}

LogFile::LogFile(const QString &directory, Options options)
    : m_directory(QDir::cleanPath(QDir(directory).absolutePath()))
    , m_filePath(QDir(m_directory).filePath(fileName()))
    , m_encodedPath(QFile::encodeName(m_filePath))
    , m_options(options)
{
    QMutexLocker lock(&m_mutex);
    openLocked();
}

LogFile::~LogFile()
{
    QMutexLocker lock(&m_mutex);
    closeLocked();
}

bool LogFile::isOpen() const
{
    QMutexLocker lock(&m_mutex);
    return m_fd >= 0;
}

bool LogFile::isFailing() const
{
    QMutexLocker lock(&m_mutex);
    return m_failing;
}

void LogFile::write(QtMsgType type, QStringView category, QStringView text, const QDateTime &time)
{
    append(formatLogLine(type, category, text, time, false));
}

void LogFile::append(QByteArrayView bytes)
{
    QMutexLocker lock(&m_mutex);
    if (m_fd < 0 && !openLocked())
        return;
    bool rotated = true;
    if (m_size > 0 && m_size + bytes.size() > m_options.maxBytes) {
        rotated = rotateLocked();
        if (m_fd < 0)
            return;
    }
    qint64 written = 0;
    const bool complete = writeAll(m_fd, bytes, &written);
    m_size += written;
    if (!complete) {
        reportLocked(QStringLiteral("cannot write to it"), errno);
        return;
    }
    // A rotation that failed leaves the file growing past its cap: still a problem.
    if (rotated)
        m_failing = false;
}

bool LogFile::openLocked()
{
    const QByteArray folder = QFile::encodeName(m_directory);
    if (!makeDirectory(folder)) {
        reportLocked(QStringLiteral("cannot create its folder"), errno);
        return false;
    }
    const int fd = ::open(m_encodedPath.constData(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC,
                          S_IRUSR | S_IWUSR);
    if (fd < 0) {
        reportLocked(QStringLiteral("cannot open it"), errno);
        return false;
    }
    struct stat status = {};
    if (::fstat(fd, &status) == 0 && S_ISREG(status.st_mode)) {
        // A file from an older version or made by hand: owner-only like a new one. Only a
        // regular file: a link to a device must not change the device's permissions.
        if ((status.st_mode & (S_IRWXG | S_IRWXO)) != 0)
            ::fchmod(fd, S_IRUSR | S_IWUSR);
        m_size = status.st_size;
    } else {
        m_size = 0;
    }
    m_fd = fd;
    return true;
}

void LogFile::closeLocked()
{
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = -1;
    m_size = 0;
}

bool LogFile::rotateLocked()
{
    closeLocked();
    bool moved = true;
    if (m_options.keptFiles <= 0) {
        moved = ::unlink(m_encodedPath.constData()) == 0 || errno == ENOENT;
    } else {
        // .N-1 over .N drops the oldest; gaps (a file removed by hand) are skipped.
        for (int number = m_options.keptFiles - 1; number >= 1; --number) {
            ::rename(numbered(m_encodedPath, number).constData(),
                     numbered(m_encodedPath, number + 1).constData());
        }
        moved = ::rename(m_encodedPath.constData(), numbered(m_encodedPath, 1).constData()) == 0 ||
                errno == ENOENT;
    }
    if (!moved)
        reportLocked(QStringLiteral("cannot rotate it"), errno);
    return openLocked() && moved;
}

void LogFile::reportLocked(const QString &what, int error)
{
    if (m_failing)
        return;
    m_failing = true;
    writeStderrLine(QtWarningMsg, u"pterodisbot.app",
                    QStringLiteral("log file %1: %2 (%3); until it works again the log goes to "
                                   "stderr and the window only")
                        .arg(m_filePath, what, qt_error_string(error)));
}

} // namespace Pterodisbot
