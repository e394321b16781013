#include "StderrCapture.h"

#include <cstdio>
#include <sys/stat.h>
#include <unistd.h>

#include <QFile>

namespace Pterodisbot::TestSupport {

StderrCapture::StderrCapture()
{
    if (!m_file.open())
        return;
    std::fflush(stderr);
    m_saved = ::dup(STDERR_FILENO);
    if (m_saved >= 0 && ::dup2(m_file.handle(), STDERR_FILENO) < 0) {
        ::close(m_saved);
        m_saved = -1;
    }
}

StderrCapture::~StderrCapture()
{
    finish();
}

QByteArray StderrCapture::journalStream() const
{
    struct stat status = {};
    if (::fstat(m_file.handle(), &status) != 0)
        return {};
    return QByteArray::number(qulonglong(status.st_dev)) + ':' +
           QByteArray::number(qulonglong(status.st_ino));
}

QByteArray StderrCapture::finish()
{
    if (m_saved < 0)
        return {};
    std::fflush(stderr);
    ::dup2(m_saved, STDERR_FILENO);
    ::close(m_saved);
    m_saved = -1;
    QFile written(m_file.fileName());
    if (!written.open(QIODevice::ReadOnly))
        return {};
    return written.readAll();
}

} // namespace Pterodisbot::TestSupport
