#pragma once

#include <QString>

namespace PterodisbotBench {

//! bench_latency's command line.
struct LatencyArgs
{
    int servers = 20;      //!< tracked servers, each with a status embed
    int changes = 120;     //!< state transitions measured (a start or a stop is two, a kill one)
    int starts = 20;       //!< measured starts of the real program, after the warm-ups
    int warmups = 2;       //!< starts not measured
    quint32 seed = 1;      //!< which servers change, how, and when
    int timeoutMs = 20000; //!< a transition not shown within this counts as "no edit"
    int minGapMs = 500;    //!< the wait between two changes is uniform in [minGapMs, maxGapMs]
    int maxGapMs = 2500;
    int panelCacheS = 20; //!< the panel's /resources cache, as on a real panel
    bool latency = true;  //!< the state change -> embed edited table
    bool startup = true;  //!< the process start -> READY table
    bool child = false;   //!< this process is the simulator child (SimProcess)
    QString binary;       //!< the headless program; empty = the one of this build
    QString command;      //!< the command line as given, for the header
};

} // namespace PterodisbotBench
