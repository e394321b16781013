#include "SimProcess.h"

#include <QCoreApplication>
#include <QJsonDocument>

#include "EventWait.h"

namespace PterodisbotBench {

bool SimProcess::start(const CycleArgs &args)
{
    QStringList arguments{QStringLiteral("--child"), QStringLiteral("--servers"),
                          QString::number(args.servers), QStringLiteral("--panel-cache"),
                          QString::number(args.panelCacheS)};
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_process.start(QCoreApplication::applicationFilePath(), arguments);
    if (!m_process.waitForStarted(10000))
        return false;
    const QString line = readLine(30000);
    setup = QJsonDocument::fromJson(line.toUtf8()).object();
    return !setup.isEmpty();
}

QString SimProcess::request(const QString &command)
{
    m_process.write(command.toUtf8() + '\n');
    return readLine(60000);
}

void SimProcess::stop()
{
    request(QStringLiteral("quit"));
    m_process.waitForFinished(5000);
}

QString SimProcess::readLine(int timeoutMs)
{
    waitUntil(
        [&] {
            m_buffer += m_process.readAllStandardOutput();
            return m_buffer.contains('\n');
        },
        timeoutMs);
    const int newline = int(m_buffer.indexOf('\n'));
    if (newline < 0)
        return {};
    const QString line = QString::fromUtf8(m_buffer.left(newline));
    m_buffer.remove(0, newline + 1);
    return line;
}

} // namespace PterodisbotBench
