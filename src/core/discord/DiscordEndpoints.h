#pragma once

#include <optional>

#include <QString>

#include "discord/Message.h"
#include "discord/RestCall.h"

class QJsonArray;

namespace Pterodisbot {

//! The Discord endpoints the bot uses, as the RestCall each one sends: method, path (every id
//! and token percent-encoded, so a hostile value cannot reach another path) and body.
//! RestClient sends them; nothing here touches the network.
namespace DiscordEndpoints {

//! GET /gateway/bot.
RestCall getGatewayBot();
//! GET /users/@me.
RestCall getCurrentUser();
//! GET /oauth2/applications/@me: the application the bot token belongs to.
RestCall getCurrentApplication();
//! GET /users/@me/guilds?limit=200: the guilds the bot is in (Discord's largest page).
RestCall getCurrentUserGuilds();
//! GET /guilds/{guild}/roles.
RestCall getGuildRoles(const QString &guildId);
//! GET /guilds/{guild}/channels (threads are not listed).
RestCall getGuildChannels(const QString &guildId);
//! POST /channels/{channel}/messages.
RestCall createMessage(const QString &channelId, const Message &message);
//! PATCH /channels/{channel}/messages/{message}: a full re-render.
RestCall editMessage(const QString &channelId, const QString &messageId, const Message &message);
//! DELETE /channels/{channel}/messages/{message}.
RestCall deleteMessage(const QString &channelId, const QString &messageId);
//! GET /channels/{channel}/messages/{message}.
RestCall getMessage(const QString &channelId, const QString &messageId);
//! GET /applications/{application}/guilds/{guild}/commands?with_localizations=true.
RestCall getGuildCommands(const QString &applicationId, const QString &guildId);
//! PUT /applications/{application}/guilds/{guild}/commands.
RestCall bulkOverwriteGuildCommands(const QString &applicationId, const QString &guildId,
                                    const QJsonArray &commands);
//! POST /interactions/{id}/{token}/callback with {type, data}.
RestCall createInteractionResponse(const QString &interactionId, const QString &token, int type,
                                   const std::optional<Message> &data, Message::Mode mode);
//! GET /webhooks/{application}/{token}/messages/@original.
RestCall getOriginalResponse(const QString &applicationId, const QString &token);
//! PATCH /webhooks/{application}/{token}/messages/@original.
RestCall editOriginalResponse(const QString &applicationId, const QString &token,
                              const Message &message);
//! DELETE /webhooks/{application}/{token}/messages/@original.
RestCall deleteOriginalResponse(const QString &applicationId, const QString &token);
//! POST /webhooks/{application}/{token}?wait=true: answered with the message, not a 204.
RestCall createFollowUp(const QString &applicationId, const QString &token, const Message &message);

} // namespace DiscordEndpoints
} // namespace Pterodisbot
