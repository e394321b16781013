#include "bot/SampleIntake.h"

#include "bot/BotContext.h"
#include "bot/EmbedPublisher.h"
#include "bot/EmbedStore.h"
#include "logging.h"

namespace Pterodisbot {

SampleIntake::SampleIntake(BotContext *context, EmbedPublisher *publisher)
    : m_context(context)
    , m_publisher(publisher)
{}

// The panel answers /resources from a 20 s cache per server: polled every 10 s, every other
// answer repeats the one before. A running server's uptime grows between two measurements
// seconds apart, so the same uptime after that long is the cache, and it must not enter the
// graph as a flat step.
bool SampleIntake::isCachedRepeat(const ResourceSample &previous, const ResourceSample &next)
{
    constexpr qint64 measurementGapMs = 2000;
    return next.uptimeMs > 0 && next.uptimeMs == previous.uptimeMs &&
           next.state == previous.state &&
           previous.timestamp.msecsTo(next.timestamp) >= measurementGapMs;
}

bool SampleIntake::record(const QString &serverId, const ResourceSample &sample, Source source)
{
    BotContext &context = *m_context;
    const QString id = context.state.identifierOf(serverId);
    const auto previous = context.state.sample(id);
    const bool cached = previous && isCachedRepeat(*previous, sample);
    ResourceSample known = sample;
    if (cached)
        known.timestamp = previous->timestamp; // measured when it was first answered
    context.state.setSample(id, known, context.clock->monotonicMs());
    if (source == Source::Poll && !cached)
        context.history.add(id, sample);

    // Alerts are about the servers the guild watches: the tracked ones.
    if (context.store && context.store->contains(id)) {
        OutageAlerts::Observation observation;
        observation.serverId = id;
        observation.serverName = context.state.nameOf(id);
        observation.state = sample.state;
        if (const auto alert = context.alerts.observe(observation))
            m_publisher->postAlert(*alert);
    }
    return !cached;
}

void SampleIntake::recordServers(QList<Server> servers)
{
    BotContext &context = *m_context;
    context.state.setServers(std::move(servers), context.clock->monotonicMs());
    if (!context.store)
        return;
    for (const QString &key : context.store->serverIds()) {
        const QString identifier = context.state.identifierOf(key);
        if (identifier == key)
            continue;
        if (context.store->rekey(key, identifier)) {
            context.state.renameEmbed(key, identifier);
            qCInfo(lcBot).noquote()
                << "tracked server" << key << "is keyed by its identifier" << identifier;
        } else {
            context.state.forgetEmbed(key);
            qCWarning(lcBot).noquote() << "tracked server" << key << "is tracked as" << identifier
                                       << "already: dropped the duplicate entry";
        }
    }
}

void SampleIntake::recordFailure(const QString &serverId, const ApiError &error)
{
    if (error.kind == ApiError::Kind::Cancelled)
        return;
    m_context->state.setUnreachable(m_context->state.identifierOf(serverId), error);
}

bool SampleIntake::recordResult(const QString &serverId, const ApiResult<ResourceSample> &result)
{
    if (!result.ok()) {
        recordFailure(serverId, result.error);
        return false;
    }
    record(serverId, result.value);
    return true;
}

} // namespace Pterodisbot
