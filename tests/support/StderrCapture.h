#pragma once

#include <QByteArray>
#include <QTemporaryFile>

namespace Pterodisbot::TestSupport {

//! Sends what the process writes to stderr (file descriptor 2) into a temporary file until
//! finish() or destruction, for tests of what reaches stderr without going through Qt's handler.
class StderrCapture final
{
    Q_DISABLE_COPY_MOVE(StderrCapture)

public:
    StderrCapture();
    ~StderrCapture();

    //! Whether stderr was redirected.
    bool isActive() const { return m_saved >= 0; }
    //! `JOURNAL_STREAM`'s value for the file stderr now goes to ("device:inode").
    QByteArray journalStream() const;
    //! Puts stderr back and returns what was written meanwhile.
    QByteArray finish();

private:
    QTemporaryFile m_file;
    int m_saved = -1;
};

} // namespace Pterodisbot::TestSupport
