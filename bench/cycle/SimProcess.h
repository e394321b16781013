#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QProcess>
#include <QString>

#include "config/Config.h"

namespace PterodisbotSim {
class DiscordSimulator;
class PanelSimulator;
} // namespace PterodisbotSim

namespace PterodisbotBench {

//! The parent's end of the simulator child process: one command line out, one answer back.
class SimProcess
{
public:
    //! Starts this program with --child (\a servers panel servers, the panel's /resources
    //! cache \a panelCacheS) and reads the simulators' addresses into \c setup; says why not
    //! on stderr.
    bool start(int servers, int panelCacheS);
    //! Sends \a command and waits (up to a minute) for its one-line answer.
    QString request(const QString &command);
    void stop();
    qint64 pid() const { return m_process.processId(); }

    //! The bot's configuration to reach the simulators of \c setup (token, addresses, guild,
    //! control role, panel key); every other setting at its default.
    Pterodisbot::Config botConfig() const;

    //! The child's first line: the addresses and secrets \c setup is read from.
    static QString setupLine(const PterodisbotSim::PanelSimulator &panel,
                             const PterodisbotSim::DiscordSimulator &discord,
                             const QStringList &serverIds);

    QJsonObject setup;

private:
    QString readLine(int timeoutMs);

    QProcess m_process;
    QByteArray m_buffer;
};

} // namespace PterodisbotBench
