#include "bot/LiveStreams.h"

#include "bot/BotContext.h"
#include "Clock.h"
#include "pterodactyl/PanelClient.h"
#include "pterodactyl/StatsStream.h"

namespace Pterodisbot {

LiveStreams::LiveStreams(BotContext *context, QObject *parent)
    : QObject(parent)
    , m_context(context)
{}

LiveStreams::~LiveStreams()
{
    for (StatsStream *stream : std::as_const(m_streams))
        stream->stop();
}

void LiveStreams::sync(bool wanted, const QStringList &tracked, bool restart)
{
    BotContext &context = *m_context;
    wanted = wanted && context.panel;
    for (auto it = m_streams.begin(); it != m_streams.end();) {
        if (restart || !wanted || !tracked.contains(it.key())) {
            it.value()->stop();
            it.value()->deleteLater();
            m_pushed.remove(it.key());
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
                    m_pushed[serverId] = {sample, m_context->clock->monotonicMs()};
                });
        connect(stream, &StatsStream::stateChanged, this,
                [this, serverId](PowerState state) { onState(serverId, state); });
        m_streams.insert(serverId, stream);
        stream->start();
    }
}

void LiveStreams::stopAll()
{
    for (StatsStream *stream : std::as_const(m_streams)) {
        stream->stop();
        stream->deleteLater();
    }
    m_streams.clear();
    m_pushed.clear();
}

std::optional<ResourceSample> LiveStreams::freshSample(const QString &serverId,
                                                       qint64 staleMs) const
{
    const StatsStream *stream = m_streams.value(serverId);
    const auto pushed = m_pushed.constFind(serverId);
    if (!stream || stream->connectionState() != StatsStream::ConnectionState::Streaming ||
        pushed == m_pushed.cend() || m_context->clock->monotonicMs() - pushed->atMs > staleMs)
        return std::nullopt;
    return pushed->sample;
}

void LiveStreams::onState(const QString &serverId, PowerState state)
{
    BotContext &context = *m_context;
    ResourceSample sample;
    const auto it = m_pushed.constFind(serverId);
    if (it != m_pushed.cend())
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
    m_pushed[serverId] = {sample, context.clock->monotonicMs()};
    emit stateChanged(serverId, sample);
}

} // namespace Pterodisbot
