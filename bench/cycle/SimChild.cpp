#include "SimChild.h"

#include <algorithm>
#include <cstdio>
#include <sys/resource.h>

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "SimProcess.h"
#include "StdinCommands.h"

namespace PterodisbotBench {
namespace {

const QString kAdmin = QStringLiteral("1500000000000000001");
const QString kAdminRole = QStringLiteral("1400000000000000001");

} // namespace

SimChild::SimChild(const CycleArgs &args)
    : m_args(args)
{}

bool SimChild::start()
{
    PterodisbotSim::PanelSimOptions panel;
    panel.serverCount = m_args.servers;
    panel.tickIntervalMs = 0; // time moves only on "tick"
    panel.statsIntervalMs = 3'600'000;
    panel.clientRateLimit = 10'000'000;
    panel.applicationRateLimit = 10'000'000;
    panel.resourcesCacheMs = m_args.panelCacheS * 1000; // in simulated time, like the ticks
    PterodisbotSim::DiscordSimOptions discord;
    discord.channelIds.clear();
    for (int i = 1; i <= 10; ++i)
        discord.channelIds << QStringLiteral("13000000000000000%1").arg(i, 2, 10, QLatin1Char('0'));
    // Generous limits: the benchmark measures the bot, not Discord's buckets (see the
    // notes in docs/benchmarks.md for what the real limits mean here).
    discord.messageBucketLimit = 100'000;
    discord.otherBucketLimit = 100'000;
    discord.globalLimitPerSecond = 100'000;
    discord.oldMessageAgeMs = 1'000'000'000;
    discord.interactionTimeoutMs = 3000;
    if (!m_panel.start(panel) || !m_discord.start(discord)) {
        std::fprintf(stderr, "child: simulators failed: %s %s\n", qPrintable(m_panel.errorString()),
                     qPrintable(m_discord.errorString()));
        return false;
    }
    m_ids = m_panel.serverIdentifiers();
    StdinCommands::reply(SimProcess::setupLine(m_panel, m_discord, m_ids));
    new StdinCommands([this](const QStringList &words) { handle(words); }, this);
    return true;
}

void SimChild::handle(const QStringList &words)
{
    const QString command = words.value(0);
    if (command == QLatin1String("tick")) {
        const int ms = words.value(1).toInt();
        const int churn = words.value(2).toInt();
        m_panel.tick(ms);
        m_discord.advanceClock(ms);
        // Some tracked servers are started or stopped by their owners between cycles.
        for (int i = 0; i < churn; ++i) {
            const QString id = m_ids.at(m_random.bounded(std::min<int>(m_tracked, m_ids.size())));
            const QString state = m_panel.serverState(id);
            if (state == QLatin1String("running"))
                m_panel.setServerState(id, QStringLiteral("stopping"));
            else if (state == QLatin1String("offline"))
                m_panel.setServerState(id, QStringLiteral("starting"));
        }
        StdinCommands::reply(QStringLiteral("ok"));
    } else if (command == QLatin1String("tracked")) {
        m_tracked = words.value(1).toInt();
        StdinCommands::reply(QStringLiteral("ok"));
    } else if (command == QLatin1String("inject")) {
        StdinCommands::reply(m_discord.injectSlashCommand(
            m_discord.channelIds().at(0), kAdmin, {kAdminRole}, QStringLiteral("server_status")));
    } else if (command == QLatin1String("ack")) {
        const QString id = words.value(1);
        const auto original = m_discord.originalResponse(id);
        const bool answered = original && original->content.contains(QStringLiteral("servers"));
        StdinCommands::reply(
            QStringLiteral("%1 %2").arg(m_discord.interactionAckLatencyMs(id)).arg(answered));
    } else if (command == QLatin1String("stats")) {
        int patches = 0;
        int posts = 0;
        for (const auto &request : m_discord.requests()) {
            const bool message = request.path.contains(QStringLiteral("/messages"));
            patches += message && request.method == QLatin1String("PATCH");
            posts += message && request.method == QLatin1String("POST");
        }
        m_discord.clearRequests();
        m_panel.clearRequests();
        rusage ru{};
        getrusage(RUSAGE_SELF, &ru);
        const double cpuMs = (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1000.0 +
                             (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1000.0;
        StdinCommands::reply(
            QStringLiteral("%1 %2 %3").arg(patches).arg(posts).arg(cpuMs, 0, 'f', 0));
    } else if (command == QLatin1String("quit")) {
        StdinCommands::reply(QStringLiteral("bye"));
        QCoreApplication::quit();
    } else {
        StdinCommands::reply(QStringLiteral("?"));
    }
}

} // namespace PterodisbotBench
