#pragma once

#include <QString>

#include "net/ApiResult.h"
#include "pterodactyl/models.h"

namespace Pterodisbot {

struct BotContext;
class EmbedPublisher;

//! The one way a panel answer about a server enters the bot, whoever asked for it (the update
//! cycle, a live stats stream, /server_status, /refresh_embeds, the server list, a power
//! button): the server's last state, the graph history without the panel's cached repeats,
//! unreachability, and the crash and recovery alerts of tracked servers. Callers then decide
//! what to do with the embed; they never write BotState or MetricsHistory themselves.
class SampleIntake
{
public:
    SampleIntake(BotContext *context, EmbedPublisher *publisher);

    enum class Source {
        Poll,   //!< a /resources answer: a point of the graph
        Stream, //!< a live state change from Wings: the state only, the graph's points are polls
    };

    //! Records \a sample for \a serverId (identifier or uuid; stored under the identifier).
    //! Returns false when it was the panel's cached answer repeated, which keeps the timestamp
    //! of the first answer and adds no point to the graph.
    bool record(const QString &serverId, const ResourceSample &sample,
                Source source = Source::Poll);
    //! The panel did not answer about \a serverId; a cancelled request (shutdown) says nothing.
    void recordFailure(const QString &serverId, const ApiError &error);
    //! The panel's server list. Tracked servers stored under their uuid (older stores, imports)
    //! are keyed by their identifier from now on, so that every part uses one key.
    void recordServers(QList<Server> servers);
    //! record() or recordFailure(), whichever \a result is; true when it carried a sample.
    bool recordResult(const QString &serverId, const ApiResult<ResourceSample> &result);

    //! The panel's 20 s cache answered again: same uptime and state, measured at least 2 s
    //! later.
    static bool isCachedRepeat(const ResourceSample &previous, const ResourceSample &next);

private:
    BotContext *m_context;
    EmbedPublisher *m_publisher;
};

} // namespace Pterodisbot
