#pragma once

#include <QByteArray>
#include <QObject>
#include <QRandomGenerator>
#include <QStringList>

#include "CycleArgs.h"
#include "DiscordSimulator.h"
#include "PanelSimulator.h"

namespace PterodisbotBench {

//! The child process (bench_cycle --child): both simulators, driven by one-line commands on
//! stdin, one-line answers on stdout, so that the parent's CPU time and RSS are the bot's alone.
class SimChild final : public QObject
{
    Q_DISABLE_COPY_MOVE(SimChild)

public:
    explicit SimChild(const CycleArgs &args);

    //! Starts the simulators, answers with their addresses (one JSON line) and listens on stdin.
    bool start();

private:
    void handle(const QStringList &words);

    CycleArgs m_args;
    PterodisbotSim::PanelSimulator m_panel;
    PterodisbotSim::DiscordSimulator m_discord;
    QStringList m_ids;
    int m_tracked = 0;
    QRandomGenerator m_random{42};
};

} // namespace PterodisbotBench
