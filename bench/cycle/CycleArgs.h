#pragma once

namespace PterodisbotBench {

//! bench_cycle's command line.
struct CycleArgs
{
    int servers = 1000;
    int tracked = 200;
    int cycles = 360;
    int compareCycles = 30;
    int churn = 1;
    int intervalS = 10;
    int interactions = 20;
    bool child = false;
    bool charts = true;
};

} // namespace PterodisbotBench
