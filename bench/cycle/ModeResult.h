#pragma once

#include <vector>

#include <QHash>
#include <QString>

#include "CycleArgs.h"

namespace PterodisbotBench {

//! What one run of the bot (one update policy) measured.
struct ModeResult
{
    QString name;
    int cycles = 0;
    double firstCycleWallMs = 0;
    int firstCycleEdits = 0;
    std::vector<double> wallMs;
    std::vector<double> cpuMs;
    int edits = 0;
    int patches = 0;
    int uploads = 0;
    int kept = 0;
    int charts = 0;
    std::vector<double> ackMs;
    std::vector<double> answerMs;
    long maxRssKiB = 0;
    long maxRssCyclesKiB = 0; //!< the peak before the bot stopped
    long rssBeforeBotKiB = 0;
    double renderMs = 0;
    int renders = 0;
    double simCpuMs = 0; //!< the simulators' CPU time (child process) over the cycles
    double slowestMs = 0;
    int slowestCycle = 0;
    int slowestEdits = 0;
    int slowestCharts = 0;
    QString slowestReasons;
    QHash<QString, int> reasons;
    //! Resident memory by mapping after the last cycle (--rss-map), largest first.
    QStringList rssMap;
};

//! Prints \a result as the section "== <name>: ..." of the program's output.
void printModeResult(const ModeResult &result, const CycleArgs &args);

} // namespace PterodisbotBench
