// Discord client benchmark against the DiscordSimulator (in its own thread, like a remote
// server): gateway dispatches parsed per second (plain JSON and zlib-stream), sustained REST
// throughput at the simulator's rate limits (one channel bucket; many channels up to the
// global limit), and start-up to READY.
// Usage: bench_discord [--events N] [--edits N] [--runs N] [--only gateway|rest|startup]
#include <cstdio>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QLoggingCategory>

#include "DispatchBench.h"
#include "RestBench.h"
#include "StartupBench.h"

using namespace PterodisbotBench;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("events"), QStringLiteral("Dispatches per transport."),
                      QStringLiteral("n"), QStringLiteral("20000")});
    parser.addOption({QStringLiteral("edits"), QStringLiteral("Edits per REST row."),
                      QStringLiteral("n"), QStringLiteral("200")});
    parser.addOption({QStringLiteral("runs"), QStringLiteral("Start-ups per row (>= 20)."),
                      QStringLiteral("n"), QStringLiteral("30")});
    parser.addOption({QStringLiteral("only"), QStringLiteral("gateway, rest or startup."),
                      QStringLiteral("section")});
    parser.process(app);
    // Per-request and per-connection info lines would flood the table; warnings stay on.
    QLoggingCategory::setFilterRules(QStringLiteral("pterodisbot.*.info=false"));
    const QString only = parser.value(QStringLiteral("only"));
    const auto wanted = [&only](const char *section) {
        return only.isEmpty() || only == QLatin1String(section);
    };
    std::printf("bench_discord: Qt %s\n\n", qVersion());

    if (wanted("gateway"))
        benchDispatches(qMax(1000, parser.value(QStringLiteral("events")).toInt()));
    if (wanted("rest"))
        benchRestEdits(qMax(20, parser.value(QStringLiteral("edits")).toInt()));
    if (wanted("startup"))
        benchStartup(qMax(20, parser.value(QStringLiteral("runs")).toInt()));
    return 0;
}
