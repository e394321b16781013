#include "StartupBench.h"

#include <cstdio>

#include <QElapsedTimer>
#include <QEventLoop>
#include <QList>
#include <QNetworkAccessManager>

#include "Clock.h"
#include "discord/Gateway.h"
#include "discord/RestClient.h"
#include "discord/RestModels.h"
#include "Measure.h"
#include "SimHost.h"

using namespace Pterodisbot;
using namespace PterodisbotSim;

namespace PterodisbotBench {

void benchStartup(int runs)
{
    DiscordSimOptions options;
    // GET /gateway/bot shares the simulator's 10/s bucket of other routes; back-to-back runs
    // would measure its 429 wait instead of the start-up.
    options.otherBucketLimit = 1000;
    SimHost host(options);
    QUrl url;
    QString token;
    QUrl restUrl;
    host.call([&] {
        url = host.sim()->gatewayUrl();
        token = host.sim()->botToken();
        restUrl = host.sim()->restBaseUrl();
    });
    std::printf("Start-up to READY, %d runs each (one new Gateway per run)\n", runs);
    std::printf("%-44s %9s %9s %9s %9s\n", "path", "median", "p90", "min", "CPU med");
    for (int variant = 0; variant < 3; ++variant) {
        const bool zlib = variant == 1;
        const bool viaRest = variant == 2;
        QList<double> wall;
        QList<double> cpu;
        for (int i = -2; i < runs; ++i) { // two warm-up runs
            QNetworkAccessManager nam;    // a new connection for GET /gateway/bot, as at start-up
            RestOptions restOptions;
            restOptions.baseUrl = restUrl;
            restOptions.botToken = token;
            RestClient rest(&nam, SystemClock::instance(), restOptions);
            Gateway gateway(gatewaySettings(token, zlib));
            QEventLoop loop;
            QObject::connect(&gateway, &Gateway::ready, &loop, &QEventLoop::quit);
            const double cpuStart = threadCpuMs();
            QElapsedTimer timer;
            timer.start();
            if (viaRest) {
                RestReply *info = rest.getGatewayBot();
                QObject::connect(info, &RestReply::finished, &loop, [&gateway, info] {
                    if (const auto parsed = GatewayBotInfo::fromJson(info->object()))
                        gateway.start(QUrl(parsed->url));
                });
            } else {
                gateway.start(url);
            }
            if (!runLoop(loop, 10000)) {
                std::printf("no READY\n");
                return;
            }
            const double ms = timer.nsecsElapsed() / 1e6;
            const double cpuMs = threadCpuMs() - cpuStart;
            if (i >= 0) {
                wall.append(ms);
                cpu.append(cpuMs);
            }
            gateway.stop();
        }
        const char *label = viaRest ? "GET /gateway/bot, then start -> ready"
                            : zlib  ? "Gateway::start -> ready (zlib-stream)"
                                    : "Gateway::start -> ready (json text)";
        std::printf("%-44s %6.2f ms %6.2f ms %6.2f ms %6.2f ms\n", label, quantile(wall, 0.5),
                    quantile(wall, 0.9), quantile(wall, 0.0), quantile(cpu, 0.5));
    }
    std::printf("\n");
}

} // namespace PterodisbotBench
