#include "DispatchBench.h"

#include <cstdio>

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>

#include "discord/Gateway.h"
#include "Measure.h"
#include "SimHost.h"

using namespace Pterodisbot;

namespace PterodisbotBench {

void benchDispatches(int events)
{
    std::printf(
        "Gateway: %d INTERACTION_CREATE dispatches, simulator thread -> Gateway::dispatch\n",
        events);
    std::printf("%-12s %8s %12s %14s %14s %12s\n", "transport", "bytes", "dispatch/s",
                "client CPU/ev", "client max/s", "sim CPU/ev");
    std::printf("(client CPU: the whole process minus the simulator's thread)\n");
    for (const bool zlib : {false, true}) {
        SimHost host({});
        if (!host.error().isEmpty()) {
            std::printf("simulator failed: %s\n", qPrintable(host.error()));
            return;
        }
        QUrl url;
        QString token;
        host.call([&] {
            url = host.sim()->gatewayUrl();
            token = host.sim()->botToken();
        });
        Gateway gateway(gatewaySettings(token, zlib));
        QEventLoop loop;
        int received = 0;
        int target = 0;
        QObject::connect(&gateway, &Gateway::ready, &loop, &QEventLoop::quit);
        QObject::connect(&gateway, &Gateway::dispatch, &loop, [&] {
            if (++received == target)
                loop.quit();
        });
        gateway.start(url);
        if (!runLoop(loop, 10000)) {
            std::printf("no READY\n");
            return;
        }
        // A real INTERACTION_CREATE (slash command with member, roles, permissions) as template.
        QJsonObject payload;
        host.call([&] {
            const QString id = host.sim()->injectSlashCommand(
                host.sim()->channelIds().first(), QStringLiteral("1500000000000000001"),
                {QStringLiteral("1400000000000000001")}, QStringLiteral("server_status"));
            payload = host.sim()->interactionPayload(id);
        });
        const auto burst = [&](int count) {
            received = 0;
            target = count;
            host.post([&host, &payload, count] {
                for (int i = 0; i < count; ++i)
                    host.sim()->dispatch(QStringLiteral("INTERACTION_CREATE"), payload);
            });
            runLoop(loop, 120000);
        };
        // The injected interaction's own dispatch may still be on its way; then warm up.
        target = 1;
        runLoop(loop, 2000);
        burst(qMin(1000, events));

        const double simStart = host.cpuMs();
        const double cpuStart = processCpuMs();
        QElapsedTimer timer;
        timer.start();
        burst(events);
        const double wallMs = timer.nsecsElapsed() / 1e6;
        const double simCpu = host.cpuMs() - simStart;
        const double clientCpu = processCpuMs() - cpuStart - simCpu;
        const QJsonObject full{{QStringLiteral("op"), 0},
                               {QStringLiteral("t"), QStringLiteral("INTERACTION_CREATE")},
                               {QStringLiteral("s"), 100000},
                               {QStringLiteral("d"), payload}};
        const qsizetype bytes = QJsonDocument(full).toJson(QJsonDocument::Compact).size();
        if (received != events)
            std::printf("only %d of %d dispatches arrived\n", received, events);
        std::printf("%-12s %8lld %12.0f %11.1f µs %14.0f %9.1f µs\n",
                    zlib ? "zlib-stream" : "json text", qlonglong(bytes),
                    received * 1000.0 / wallMs, clientCpu * 1000.0 / events,
                    events / (clientCpu / 1000.0), simCpu * 1000.0 / events);
        gateway.stop();
    }
    std::printf("\n");
}

} // namespace PterodisbotBench
