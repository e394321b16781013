#pragma once

#include <QString>

class QFileInfo;

namespace Pterodisbot {

//! Why a file that exists cannot be read by this process, in words that name the actual
//! problem: who we run as, who owns the file and its mode ("runs as pterodisbot (uid 61834),
//! but /etc/pterodisbot/config.ini belongs to root with mode 0600"), with the fix that fits.
struct FileAccessProblem
{
    QString message;
    QString hint;
};

//! For a file that exists but could not be opened for reading with \a openError, by a
//! process running as \a runningAs (the effective uid; tests pass another).
FileAccessProblem describeUnreadableFile(const QFileInfo &info, const QString &openError,
                                         uint runningAs);
FileAccessProblem describeUnreadableFile(const QFileInfo &info, const QString &openError);

//! "0640": the permission bits of \a info as octal.
QString octalMode(const QFileInfo &info);

} // namespace Pterodisbot
