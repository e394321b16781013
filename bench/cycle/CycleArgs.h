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
    int panelCacheS = 0; //!< the panel's /resources cache (20 s on a real panel); 0 = off
    bool child = false;
    bool charts = true;
    bool qtHttp = false; //!< Qt's QNetworkAccessManager instead of DirectNetworkManager
    bool rssMap = false; //!< print resident memory by mapping after the last cycle
    bool gui = false;    //!< the admin window shown (offscreen) beside the bot, following it
};

} // namespace PterodisbotBench
