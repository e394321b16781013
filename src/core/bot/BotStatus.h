#pragma once

// What BotCore shows to observers (the admin window, the tray, a health endpoint): plain
// value snapshots, taken on the bot's thread and safe to keep.

#include <optional>

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

#include "bot/EmbedStore.h"
#include "bot/StatusEmbed.h"
#include "discord/Gateway.h"
#include "pterodactyl/models.h"

namespace Pterodisbot {

//! One tracked status embed.
struct EmbedSnapshot
{
    QString serverId; //!< the server's identifier (8 characters)
    QString serverName;
    EmbedLocation location;
    //! What the panel says now (from the last sample, or Unreachable).
    DisplayState state = DisplayState::Unknown;
    //! What the embed in Discord shows since its last edit; nullopt before the first edit.
    std::optional<DisplayState> shown;
    std::optional<ResourceSample> lastSample;
    //! Last successful edit (or post) by this process and why; invalid/empty when none yet.
    QDateTime lastEditAt;
    QString lastEditReason;
    //! When the next forced refresh is due at the latest; invalid before the first edit.
    QDateTime nextForcedRefreshAt;
    //! The last failed write ("could not edit: ..."); empty after a success.
    QString lastError;
    //! The message payload last sent to Discord for this embed (embeds, components,
    //! attachments), as JSON; empty before the first write of this process.
    QJsonObject lastPayload;
    //! The PNG of the payload's image attachment, when the bot was asked to keep it
    //! (BotTuning::keepEmbedImages); empty otherwise or when the embed has no graph.
    QByteArray lastImage;
};

//! One server of the panel, as last listed.
struct ServerSnapshot
{
    Server server;
    DisplayState state = DisplayState::Unknown;
    std::optional<ResourceSample> lastSample;
    bool tracked = false;
    //! Why the panel (or its node) does not answer about it; empty when it does.
    QString unreachableReason;
};

//! The bot's connections.
struct ConnectionSnapshot
{
    Gateway::State gateway = Gateway::State::Disconnected;
    //! Round trip of the last heartbeat; -1 before the first.
    qint64 heartbeatLatencyMs = -1;
    //! Why Discord cannot be reached while starting ("timeout: ... since 12:03:10"); empty
    //! when it can.
    QString discordProblem;
    //! The panel answered the last cycle's requests.
    bool panelReachable = true;
    //! Why not, when it did not; empty otherwise.
    QString panelProblem;
    //! Client API requests left in the panel's rate-limit window.
    int panelRequestBudget = 0;
    //! Update cycles are paused (pauseUpdates()).
    bool paused = false;
    //! When the next update cycle runs; invalid when none is scheduled.
    QDateTime nextCycleAt;
    //! A condition only a person can fix (token rejected, intents not allowed); empty while
    //! none. The bot is Failed then.
    QString fatalProblem;
};

} // namespace Pterodisbot
