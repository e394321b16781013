#include "SoakFaults.h"

#include <QPointer>

#include "DiscordSimulator.h"
#include "PanelSimulator.h"

namespace Pterodisbot::Soak {

namespace {

using PterodisbotSim::SimChannelAccess;

//! Close codes after which the bot resumes or identifies again (1000/1001 from the server
//! side, Discord's 4000-range and one it does not know).
const QList<int> kResumableCloseCodes = {1000, 1001, 4000, 4001, 4002, 4008, 3999};
//! Close codes after which the bot must IDENTIFY: the old session's events are gone.
const QList<int> kSessionEndingCloseCodes = {4003, 4005, 4007, 4009};

} // namespace

FaultInjector::FaultInjector(SoakContext *context, QObject *parent)
    : QObject(parent)
    , m_context(context)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        injectOne();
        if (m_running)
            m_timer.start(m_context->between(250, 700));
    });
}

FaultInjector::~FaultInjector() = default;

const QList<int> &FaultInjector::fatalCloseCodes()
{
    static const QList<int> codes = {4004, 4010, 4011, 4012, 4013, 4014};
    return codes;
}

void FaultInjector::start(qint64 fatalUntilMs)
{
    m_fatalUntilMs = fatalUntilMs;
    m_running = true;
    m_timer.start(m_context->between(250, 700));
}

void FaultInjector::stop()
{
    m_running = false;
    m_timer.stop();
    const auto clears = m_clears;
    m_clears.clear();
    m_busyUntil.clear();
    for (const auto &clear : clears)
        clear();
    const qint64 now = m_context->nowMs();
    for (FaultWindow &window : m_context->panelStorms) {
        if (window.endMs < 0)
            window.endMs = now;
    }
    // A forced global 429 still armed hits the next request, whenever that comes.
    for (int i = 0; i < m_context->discordStorms.size(); ++i) {
        if (i != m_armedGlobalWindow && m_context->discordStorms[i].endMs < 0)
            m_context->discordStorms[i].endMs = now;
    }
}

void FaultInjector::onDiscordRequest(const PterodisbotSim::DiscordRequestRecord &record)
{
    if (record.status != 429 || m_armedGlobalWindow < 0)
        return;
    // The simulator blocks every globally limited request from this one on for retryAfter.
    m_context->discordStorms[m_armedGlobalWindow].endMs = m_context->nowMs() + m_armedGlobalRetryMs;
    m_armedGlobalWindow = -1;
}

void FaultInjector::holdFor(const QString &slot, int durationMs, std::function<void()> clear)
{
    m_busyUntil.insert(slot, m_context->nowMs() + durationMs);
    m_clears.insert(slot, clear);
    QPointer<FaultInjector> self(this);
    const qint64 until = m_busyUntil.value(slot);
    QTimer::singleShot(durationMs, this, [this, slot, until] {
        // Only the hold that set this deadline clears it (stop() may have come first).
        if (m_busyUntil.value(slot, -1) != until)
            return;
        m_busyUntil.remove(slot);
        if (const auto clear = m_clears.take(slot))
            clear();
    });
}

bool FaultInjector::busy(const QString &slot) const
{
    return m_busyUntil.contains(slot);
}

bool FaultInjector::gatewayReady() const
{
    const auto &bot = m_context->harness.bot;
    return !m_context->restarting && bot && bot->gatewayState() == Gateway::State::Ready;
}

void FaultInjector::injectOne()
{
    if (m_context->restarting)
        return;
    const int area = m_context->between(0, 99);
    if (area < 30)
        injectGateway();
    else if (area < 60)
        injectDiscordRest();
    else
        injectPanel();
}

void FaultInjector::injectGateway()
{
    SoakContext &c = *m_context;
    PterodisbotSim::DiscordSimulator &discord = *c.harness.discord;
    const qint64 now = c.nowMs();
    // One gateway fault at a time: the next comes once the bot is back.
    if (!gatewayReady() || now - m_lastGatewayFaultMs < 1500 || busy(QStringLiteral("zombie")))
        return;
    m_lastGatewayFaultMs = now;
    const int choice = c.between(0, 99);
    if (choice < 15) {
        discord.dropGateway();
        c.count(QStringLiteral("gateway: TCP drop"));
    } else if (choice < 35) {
        const int code = c.pick(kResumableCloseCodes);
        discord.closeGateway(code, QStringLiteral("soak"));
        c.count(QStringLiteral("gateway: close %1").arg(code));
    } else if (choice < 47) {
        const int code = c.pick(kSessionEndingCloseCodes);
        discord.closeGateway(code, QStringLiteral("soak"));
        c.sessionLosses.append(now);
        c.count(QStringLiteral("gateway: close %1").arg(code));
    } else if (choice < 52 && now < m_fatalUntilMs && now - m_lastFatalMs > 15000) {
        // Every fatal code in turn, so a long enough run sends each.
        const int code = fatalCloseCodes().at(m_nextFatal++ % fatalCloseCodes().size());
        m_lastFatalMs = now;
        c.sessionLosses.append(now);
        c.count(QStringLiteral("gateway: close %1 (fatal, bot restarted)").arg(code));
        emit fatalCloseInjected(code);
        discord.closeGateway(code, QStringLiteral("soak"));
    } else if (choice < 64) {
        discord.sendReconnect();
        c.count(QStringLiteral("gateway: RECONNECT (op 7)"));
    } else if (choice < 72) {
        discord.sendInvalidSession(true);
        c.count(QStringLiteral("gateway: INVALID_SESSION resumable"));
    } else if (choice < 80) {
        discord.sendInvalidSession(false);
        c.sessionLosses.append(now);
        c.count(QStringLiteral("gateway: INVALID_SESSION not resumable"));
    } else if (choice < 92) {
        // No ACK for a few heartbeats: the bot must notice the zombie and reconnect.
        discord.setAckSilence(true);
        c.count(QStringLiteral("gateway: zombie (no heartbeat ACK)"));
        QPointer<PterodisbotSim::DiscordSimulator> sim(&discord);
        holdFor(QStringLiteral("zombie"), c.between(3000, 5000), [sim] {
            if (sim)
                sim->setAckSilence(false);
        });
    } else {
        discord.sendHeartbeatRequest();
        c.count(QStringLiteral("gateway: heartbeat request (op 1)"));
    }
}

void FaultInjector::injectDiscordRest()
{
    SoakContext &c = *m_context;
    PterodisbotSim::DiscordSimulator &discord = *c.harness.discord;
    QPointer<PterodisbotSim::DiscordSimulator> sim(&discord);
    const qint64 now = c.nowMs();
    const int choice = c.between(0, 99);
    if (choice < 12) {
        if (m_armedGlobalWindow >= 0)
            return;
        m_armedGlobalRetryMs = c.between(300, 1500);
        discord.setGlobalRateLimit(m_armedGlobalRetryMs);
        c.discordStorms.append({now, -1});
        m_armedGlobalWindow = int(c.discordStorms.size()) - 1;
        c.count(QStringLiteral("discord: global 429 storm"));
    } else if (choice < 24) {
        const int duration = c.between(500, 2500);
        discord.setBucketStorm(duration);
        c.discordStorms.append({now, now + duration});
        c.count(QStringLiteral("discord: bucket 429 storm"));
    } else if (choice < 38) {
        static const QList<int> statuses = {500, 502, 503, 504};
        const int status = c.pick(statuses);
        discord.setServerErrors(c.between(1, 2), status);
        c.count(QStringLiteral("discord: %1").arg(status));
    } else if (choice < 50) {
        if (busy(QStringLiteral("discord latency")))
            return;
        // Longer than the bot's Discord timeout (2 s): the request takes effect, the answer
        // comes too late.
        discord.setRestLatency(2600);
        c.discordTimingOut = true;
        SoakContext *context = m_context;
        holdFor(QStringLiteral("discord latency"), c.between(1000, 3000), [sim, context] {
            if (sim)
                sim->setRestLatency(0);
            context->discordTimingOut = false;
        });
        c.count(QStringLiteral("discord: timeout"));
    } else if (choice < 62) {
        if (busy(QStringLiteral("discord latency")))
            return;
        discord.setRestLatency(c.between(200, 900));
        holdFor(QStringLiteral("discord latency"), c.between(1000, 4000), [sim] {
            if (sim)
                sim->setRestLatency(0);
        });
        c.count(QStringLiteral("discord: slow answers"));
    } else if (choice < 78) {
        if (c.restarting || !c.harness.bot)
            return;
        const auto tracked = c.harness.bot->trackedEmbeds();
        if (tracked.isEmpty())
            return;
        const EmbedLocation location = c.pick(tracked.values());
        discord.deleteMessage(location.channelId, location.messageId);
        c.count(QStringLiteral("discord: embed message deleted"));
    } else if (choice < 84) {
        if (c.restarting || !c.harness.bot || c.embedChannels.size() <= 3 ||
            now - m_lastChannelDeleteMs < 10000)
            return;
        // A channel that holds an embed, so the bot has something to notice.
        QStringList candidates;
        for (const EmbedLocation &location : c.harness.bot->trackedEmbeds()) {
            if (c.embedChannels.contains(location.channelId) && location.channelId != c.homeChannel)
                candidates << location.channelId;
        }
        if (candidates.isEmpty())
            return;
        const QString channel = c.pick(candidates);
        m_lastChannelDeleteMs = now;
        c.embedChannels.removeAll(channel);
        discord.deleteChannel(channel);
        c.count(QStringLiteral("discord: channel deleted"));
    } else {
        if (busy(QStringLiteral("channel access")) || c.embedChannels.isEmpty())
            return;
        const QString channel = c.pick(c.embedChannels);
        const bool noAccess = c.chance(0.3);
        discord.setChannelAccess(channel, noAccess ? SimChannelAccess::NoAccess
                                                   : SimChannelAccess::NoPermission);
        c.refusingChannels.insert(channel);
        holdFor(QStringLiteral("channel access"), c.between(1000, 4000), [sim, channel] {
            if (sim)
                sim->setChannelAccess(channel, SimChannelAccess::Full);
        });
        c.count(noAccess ? QStringLiteral("discord: missing access (50001)")
                         : QStringLiteral("discord: missing permissions (50013)"));
    }
}

void FaultInjector::injectPanel()
{
    SoakContext &c = *m_context;
    PterodisbotSim::PanelSimulator &panel = *c.harness.panel;
    QPointer<PterodisbotSim::PanelSimulator> sim(&panel);
    const qint64 now = c.nowMs();
    const QStringList servers = panel.serverIdentifiers();
    // A fault for one server or for the whole panel.
    const QString target = c.chance(0.5) ? c.pick(servers) : QString();
    const QString scope = target.isEmpty() ? QStringLiteral("all") : QStringLiteral("one server");
    const int choice = c.between(0, 99);
    if (choice < 14) {
        if (busy(QStringLiteral("panel failure")))
            return;
        static const QList<int> statuses = {500, 502, 503, 504};
        const int status = c.pick(statuses);
        panel.setFailure(status, target);
        holdFor(QStringLiteral("panel failure"), c.between(1000, 3000), [sim] {
            if (sim)
                sim->setFailure(0);
        });
        c.count(QStringLiteral("panel: %1 (%2)").arg(status).arg(scope));
    } else if (choice < 24) {
        if (busy(QStringLiteral("panel latency")))
            return;
        // Longer than the bot's panel timeout (2 s).
        panel.setLatency(2500);
        holdFor(QStringLiteral("panel latency"), c.between(1000, 3000), [sim] {
            if (sim)
                sim->setLatency(0);
        });
        c.count(QStringLiteral("panel: timeout"));
    } else if (choice < 34) {
        if (busy(QStringLiteral("panel latency")))
            return;
        panel.setLatency(c.between(100, 900));
        holdFor(QStringLiteral("panel latency"), c.between(1000, 4000), [sim] {
            if (sim)
                sim->setLatency(0);
        });
        c.count(QStringLiteral("panel: slow answers"));
    } else if (choice < 44) {
        if (busy(QStringLiteral("panel hang")))
            return;
        panel.setHanging(true, target);
        holdFor(QStringLiteral("panel hang"), c.between(1000, 3000), [sim] {
            if (sim)
                sim->setHanging(false);
        });
        c.count(QStringLiteral("panel: hanging requests (%1)").arg(scope));
    } else if (choice < 52) {
        if (busy(QStringLiteral("panel storm")))
            return;
        panel.setRateLimitStorm(true);
        c.panelStorms.append({now, -1});
        const int window = int(c.panelStorms.size()) - 1;
        SoakContext *context = m_context;
        holdFor(QStringLiteral("panel storm"), c.between(1000, 2000), [sim, context, window] {
            if (sim)
                sim->setRateLimitStorm(false);
            context->panelStorms[window].endMs = context->nowMs();
        });
        c.count(QStringLiteral("panel: 429 storm"));
    } else if (choice < 62) {
        if (busy(QStringLiteral("panel node")))
            return;
        const int node = c.between(1, panel.nodeCount());
        panel.setNodeDown(node, true);
        holdFor(QStringLiteral("panel node"), c.between(2000, 5000), [sim, node] {
            if (sim)
                sim->setNodeDown(node, false);
        });
        c.count(QStringLiteral("panel: node down (Wings refuses sockets)"));
    } else if (choice < 68) {
        if (busy(QStringLiteral("panel malformed")))
            return;
        panel.setMalformedBodies(true, target);
        holdFor(QStringLiteral("panel malformed"), c.between(1000, 2000), [sim] {
            if (sim)
                sim->setMalformedBodies(false);
        });
        c.count(QStringLiteral("panel: malformed JSON (%1)").arg(scope));
    } else if (choice < 76) {
        panel.dropWingsConnections();
        c.count(QStringLiteral("wings: sockets dropped"));
    } else if (choice < 82) {
        panel.dropHttpConnections();
        c.count(QStringLiteral("panel: HTTP connections dropped"));
    } else {
        // The server changes state behind the bot: a crash, or someone else starts it.
        const QString server = c.pick(servers);
        const QString state = panel.serverState(server);
        if (state == QLatin1String("running")) {
            panel.setServerState(server, QStringLiteral("offline"));
            c.count(QStringLiteral("panel: server crashed"));
        } else if (state == QLatin1String("offline")) {
            panel.setServerState(server, QStringLiteral("running"));
            c.count(QStringLiteral("panel: server started elsewhere"));
        }
    }
}

} // namespace Pterodisbot::Soak
