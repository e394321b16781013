#include "ModeResult.h"

#include <algorithm>
#include <cstdio>

#include <QStringList>

namespace PterodisbotBench {
namespace {

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const size_t index = std::min(values.size() - 1, size_t(p * double(values.size() - 1) + 0.5));
    return values[index];
}

} // namespace

void printModeResult(const ModeResult &r, const CycleArgs &args)
{
    const double hours = double(r.cycles) * args.intervalS / 3600.0;
    const double cleanCycles = double(r.wallMs.size());
    std::printf("\n== %s: %d cycles of %d s = %.2f simulated hours, %d servers, %d tracked, "
                "churn %d/cycle\n",
                qPrintable(r.name), r.cycles, args.intervalS, hours, args.servers, args.tracked,
                args.churn);
    std::printf("first cycle (every embed first check): %.0f ms wall, %d edits\n",
                r.firstCycleWallMs, r.firstCycleEdits);
    std::printf("cycle wall   median %.1f ms  p90 %.1f ms  max %.1f ms\n",
                percentile(r.wallMs, 0.5), percentile(r.wallMs, 0.9), percentile(r.wallMs, 1.0));
    std::printf("cycle CPU    median %.1f ms  p90 %.1f ms  max %.1f ms (process, user+sys)\n",
                percentile(r.cpuMs, 0.5), percentile(r.cpuMs, 0.9), percentile(r.cpuMs, 1.0));
    std::printf("slowest      cycle %d: %.0f ms, %d edits, %d charts (%s)\n", r.slowestCycle,
                r.slowestMs, r.slowestEdits, r.slowestCharts, qPrintable(r.slowestReasons));
    const double scale = cleanCycles > 0 ? double(r.cycles) / cleanCycles / hours : 0;
    std::printf("edits        %d in %d timed cycles -> %.0f per hour (Discord saw %d PATCH "
                "in all %d cycles -> %.0f per hour)\n",
                r.edits, int(cleanCycles), r.edits * scale, r.patches, r.cycles, r.patches / hours);
    QStringList reasons;
    for (auto it = r.reasons.cbegin(); it != r.reasons.cend(); ++it)
        reasons << QStringLiteral("%1 %2").arg(it.key()).arg(it.value());
    reasons.sort();
    std::printf("reasons      %s\n", qPrintable(reasons.join(QStringLiteral(", "))));
    std::printf("charts       %d rendered, %d uploaded, %d kept; all renders (first cycle "
                "included): %d in %.0f ms = %.1f ms each\n",
                r.charts, r.uploads, r.kept, r.renders, r.renderMs,
                r.renders ? r.renderMs / r.renders : 0.0);
    if (!r.ackMs.empty()) {
        std::printf("interaction  ack median %.0f ms  max %.0f ms; answered (during a cycle) "
                    "median %.0f ms  max %.0f ms (%zu interactions)\n",
                    percentile(r.ackMs, 0.5), percentile(r.ackMs, 1.0), percentile(r.answerMs, 0.5),
                    percentile(r.answerMs, 1.0), r.ackMs.size());
    }
    std::printf("simulators   %.0f ms CPU in the child process over the %d cycles (%.0f ms each)\n",
                r.simCpuMs, r.cycles, r.cycles ? r.simCpuMs / r.cycles : 0.0);
    std::printf("peak RSS     %.1f MiB (%.1f MiB before BotCore: Qt, QApplication, renderer; "
                "%.1f MiB until the bot stopped)\n",
                r.maxRssKiB / 1024.0, r.rssBeforeBotKiB / 1024.0, r.maxRssCyclesKiB / 1024.0);
    if (!r.rssMap.isEmpty()) {
        std::printf("resident by mapping after the last cycle (the 15 largest):\n");
        for (const QString &line : r.rssMap.mid(0, 15))
            std::printf("  %s\n", qPrintable(line));
    }
    std::fflush(stdout);
}

} // namespace PterodisbotBench
