#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QProcess>
#include <QString>

#include "CycleArgs.h"

namespace PterodisbotBench {

//! The parent's end of the simulator child process: one command line out, one answer back.
class SimProcess
{
public:
    //! Starts this program with --child and reads the simulators' addresses into \c setup.
    bool start(const CycleArgs &args);
    //! Sends \a command and waits (up to a minute) for its one-line answer.
    QString request(const QString &command);
    void stop();
    qint64 pid() const { return m_process.processId(); }

    QJsonObject setup;

private:
    QString readLine(int timeoutMs);

    QProcess m_process;
    QByteArray m_buffer;
};

} // namespace PterodisbotBench
