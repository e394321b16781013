// The Wings half of the update cycle (stats_source = websocket): one stream per tracked server,
// and embeds that follow a pushed state change at once.
#include "bot/UpdateCycle.h"

#include "bot/BotContext.h"
#include "bot/EmbedPublisher.h"
#include "pterodactyl/PanelClient.h"
#include "pterodactyl/StatsStream.h"

namespace Pterodisbot {

void UpdateCycle::syncStreams(bool restart)
{
    BotContext &context = *m_context;
    const bool wanted = context.config.pterodactyl.statsSource == StatsSource::WebSocket &&
                        context.panel && m_timer.isActive();
    const QStringList tracked = context.store->serverIds();
    for (auto it = m_streams.begin(); it != m_streams.end();) {
        if (restart || !wanted || !tracked.contains(it.key())) {
            it.value()->stop();
            it.value()->deleteLater();
            m_streamSamples.remove(it.key());
            it = m_streams.erase(it);
        } else {
            ++it;
        }
    }
    if (!wanted)
        return;
    StatsStreamOptions options;
    options.reconnectDelaysMs = context.tuning.streamReconnectDelaysMs;
    for (const QString &serverId : tracked) {
        if (m_streams.contains(serverId))
            continue;
        auto *stream =
            new StatsStream(context.panel, context.state.identifierOf(serverId), options, this);
        connect(stream, &StatsStream::sampleReceived, this,
                [this, serverId](const ResourceSample &sample) {
                    m_streamSamples[serverId] = {sample, m_context->clock->monotonicMs()};
                });
        connect(stream, &StatsStream::stateChanged, this,
                [this, serverId](PowerState state) { follow(serverId, state); });
        m_streams.insert(serverId, stream);
        stream->start();
    }
}

QCoro::Task<> UpdateCycle::follow(QString serverId, PowerState state)
{
    // A state change pushed by Wings: the embed follows within moments instead of waiting for
    // the next cycle.
    BotContext &context = *m_context;
    if (!context.store->contains(serverId))
        co_return;
    ResourceSample sample;
    const auto it = m_streamSamples.constFind(serverId);
    if (it != m_streamSamples.cend())
        sample = it->sample;
    else if (const auto known = context.state.sample(serverId))
        sample = *known;
    sample.state = state;
    sample.timestamp = context.clock->utcNow();
    if (state == PowerState::Offline) {
        sample.cpuAbsolute = 0;
        sample.memoryBytes = 0;
        sample.networkRxBytes = 0;
        sample.networkTxBytes = 0;
        sample.uptimeMs = 0;
    }
    m_streamSamples[serverId] = {sample, context.clock->monotonicMs()};
    const QString reason = absorb(serverId, sample, false, nullptr);
    if (reason.isEmpty())
        co_return;
    co_await m_publisher->edit(serverId, reason + QStringLiteral(" (live)"));
}

} // namespace Pterodisbot
