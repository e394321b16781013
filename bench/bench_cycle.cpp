// bench_cycle: BotCore's update cycle at scale. The panel and Discord simulators run in a child
// process (this program with --child) so that CPU time and peak RSS are the bot's alone; the
// parent runs the real BotCore with the real chart renderer against them and drives simulated
// time: every cycle the child advances the panel by one interval and the bot's clock moves on
// by the same amount, so an hour of cycles takes minutes.
//
//   bench_cycle [--servers 1000] [--tracked 200] [--cycles 360] [--compare-cycles 30]
//               [--churn 1] [--interval 10] [--interactions 20] [--panel-cache 0]
//               [--no-charts] [--qt-http] [--rss-map] [--gui]
// --gui shows the admin window (offscreen) following the bot, to measure what it adds;
// --qt-http sends the bot's requests through Qt's QNetworkAccessManager instead of its own
// DirectNetworkManager, to compare the two; --rss-map lists the bot's resident memory by
// mapping (/proc/self/smaps) after the last cycle.
#include <cstdio>

#include <QApplication>
#include <QByteArray>
#include <QCoreApplication>

#include "CycleArgs.h"
#include "CycleRun.h"
#include "ModeResult.h"
#include "OffscreenPlatform.h"
#include "SimChild.h"

using namespace PterodisbotBench;

int main(int argc, char *argv[])
{
    CycleArgs args;
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        auto next = [&] { return i + 1 < argc ? QByteArray(argv[++i]).toInt() : 0; };
        if (arg == "--child")
            args.child = true;
        else if (arg == "--servers")
            args.servers = next();
        else if (arg == "--tracked")
            args.tracked = next();
        else if (arg == "--cycles")
            args.cycles = next();
        else if (arg == "--compare-cycles")
            args.compareCycles = next();
        else if (arg == "--churn")
            args.churn = next();
        else if (arg == "--interval")
            args.intervalS = next();
        else if (arg == "--interactions")
            args.interactions = next();
        else if (arg == "--panel-cache")
            args.panelCacheS = next();
        else if (arg == "--no-charts")
            args.charts = false;
        else if (arg == "--rss-map")
            args.rssMap = true;
        else if (arg == "--qt-http")
            args.qtHttp = true;
        else if (arg == "--gui")
            args.gui = true;
    }
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        qputenv("QT_LOGGING_RULES", "*.info=false;pterodisbot.*.warning=true;qt.*=false");
    if (args.child) {
        QCoreApplication app(argc, argv);
        SimChild child(args);
        if (!child.start())
            return 1;
        return app.exec();
    }
    Pterodisbot::prepareOffscreenPlatform(true);
    QApplication app(argc, argv);
    std::printf("bench_cycle: BotCore against the simulators (child process), %d servers, "
                "%d tracked, panel /resources cache %d s, %s%s\n",
                args.servers, args.tracked, args.panelCacheS,
                args.qtHttp ? "Qt's HTTP stack" : "DirectNetworkManager",
                args.gui ? ", admin window shown" : "");
    const ModeResult smart = runMode(QStringLiteral("smart policy (forced refresh 600 s)"), args,
                                     600, args.cycles, true);
    printModeResult(smart, args);
    if (args.compareCycles > 0) {
        const ModeResult every = runMode(QStringLiteral("edit every cycle (forced refresh 0)"),
                                         args, 0, args.compareCycles, false);
        printModeResult(every, args);
    }
    return 0;
}
