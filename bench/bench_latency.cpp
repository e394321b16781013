// bench_latency: how fast the bot follows. Two tables:
// 1. a tracked server's power state changes in the panel (stats_source = websocket) -> the
//    Discord simulator receives the PATCH of its status embed showing the new state; the real
//    BotCore in this process, the simulators in a child process (this program with --child);
// 2. the real headless program started (`pterodisbot --no-gui`) -> READY sent to it.
//
//   bench_latency [--changes 120] [--servers 20] [--seed 1] [--starts 20] [--warmups 2]
//                 [--timeout 20] [--gap MIN_MS MAX_MS] [--panel-cache 20]
//                 [--only latency|startup] [--binary PATH]
#include <cstdio>

#include <QApplication>
#include <QByteArray>
#include <QCoreApplication>
#include <QStringList>

#include "LatencyArgs.h"
#include "LatencyChild.h"
#include "OffscreenPlatform.h"
#include "StartupLatency.h"
#include "StateLatency.h"

using namespace PterodisbotBench;

int main(int argc, char *argv[])
{
    LatencyArgs args;
    QStringList command;
    for (int i = 0; i < argc; ++i)
        command << QString::fromLocal8Bit(argv[i]);
    args.command = command.join(QLatin1Char(' '));
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        auto text = [&] { return i + 1 < argc ? QByteArray(argv[++i]) : QByteArray(); };
        auto next = [&] { return text().toInt(); };
        if (arg == "--child") {
            args.child = true;
        } else if (arg == "--servers") {
            args.servers = next();
        } else if (arg == "--changes") {
            args.changes = next();
        } else if (arg == "--starts") {
            args.starts = next();
        } else if (arg == "--warmups") {
            args.warmups = next();
        } else if (arg == "--seed") {
            args.seed = text().toUInt();
        } else if (arg == "--timeout") {
            args.timeoutMs = next() * 1000;
        } else if (arg == "--gap") {
            args.minGapMs = next();
            args.maxGapMs = next();
        } else if (arg == "--panel-cache") {
            args.panelCacheS = next();
        } else if (arg == "--binary") {
            args.binary = QString::fromLocal8Bit(text());
        } else if (arg == "--only") {
            const QByteArray only = text();
            args.latency = only == "latency";
            args.startup = only == "startup";
        } else {
            std::fprintf(stderr, "unknown argument %s\n", argv[i]);
            return 2;
        }
    }
    if (args.servers < 1 || args.changes < 1 || args.minGapMs < 0 ||
        args.maxGapMs < args.minGapMs || (!args.latency && !args.startup)) {
        std::fprintf(stderr,
                     "invalid arguments (see the comment at the top of bench_latency.cpp)\n");
        return 2;
    }
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        qputenv("QT_LOGGING_RULES", "*.info=false;pterodisbot.*.warning=true;qt.*=false");
    if (args.child) {
        QCoreApplication app(argc, argv);
        LatencyChild child(args);
        if (!child.start())
            return 1;
        return app.exec();
    }
    Pterodisbot::prepareOffscreenPlatform(true);
    QApplication app(argc, argv);
    std::printf("bench_latency: %s\n", qPrintable(args.command));
    std::fflush(stdout);
    bool ok = true;
    if (args.latency)
        ok = runStateLatency(args) && ok;
    if (args.startup)
        ok = runStartupLatency(args) && ok;
    return ok ? 0 : 1;
}
