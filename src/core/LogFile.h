#pragma once

#include <memory>

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QMutex>
#include <QString>
#include <QStringView>
#include <QtGlobal>

namespace Pterodisbot {

//! The desktop application's log file, `<directory>/pterodisbot.log`: the redacting handler's
//! lines in the timestamped format of formatLogLine(), appended, readable by the owner only
//! (0600: it names servers and their ids). When the next line would pass maxBytes the file
//! becomes pterodisbot.log.1, .1 becomes .2 and so on; the file past keptFiles is dropped.
//!
//! Thread-safe. It writes from inside the message handler, so it never logs: its own failures
//! (an unwritable folder, a full disk) are reported once on stderr, directly, and lines are
//! dropped until a write succeeds again (each line retries, so a freed disk resumes the file).
class LogFile final
{
    Q_DISABLE_COPY_MOVE(LogFile)

public:
    struct Options
    {
        qint64 maxBytes = 1024 * 1024; //!< the size at which the file is rotated
        int keptFiles = 3;             //!< rotated files kept beside the current one
    };

    //! Creates \a directory when missing (new folders 0700) and opens the file; a failure is
    //! reported and retried with the next line.
    explicit LogFile(const QString &directory);
    LogFile(const QString &directory, Options options);
    ~LogFile();

    static QString fileName() { return QStringLiteral("pterodisbot.log"); }
    //! The current file, `<directory>/pterodisbot.log`; rotated ones append ".1" to ".N".
    QString filePath() const { return m_filePath; }
    QString directory() const { return m_directory; }
    //! Whether the file is open for writing (false after a failure until a retry works).
    bool isOpen() const;
    //! Whether a failure was reported and no write has succeeded since.
    bool isFailing() const;

    //! Appends \a text as formatLogLine() with a timestamp (not redacted here: the handler
    //! redacts before anything reaches a sink).
    void write(QtMsgType type, QStringView category, QStringView text, const QDateTime &time);
    //! Appends \a bytes, already formatted as whole lines; rotates first when they would take
    //! the file past maxBytes (a single line bigger than that still goes in, alone).
    void append(QByteArrayView bytes);

private:
    bool openLocked();
    void closeLocked();
    bool rotateLocked();
    void reportLocked(const QString &what, int error);

    QString m_directory;
    QString m_filePath;
    QByteArray m_encodedPath;
    Options m_options;
    mutable QMutex m_mutex;
    int m_fd = -1;
    qint64 m_size = 0;
    bool m_failing = false;
};

//! Hands every line of the redacting handler (installRedactingMessageHandler()) to \a file as
//! well, already redacted, on the thread that logged and under the handler's lock; null stops
//! it. The handler shares ownership, so once this returns no line goes to the old file.
void setLogFile(std::shared_ptr<LogFile> file);

} // namespace Pterodisbot
