#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include "DiscordSimTypes.h"

namespace PterodisbotSim {

class DiscordState;
struct SimChannel;

//! Discord's documented object shapes, built from the simulator's state.
namespace DiscordObjects {

//! Permissions of @everyone in the simulated guild (a typical default set).
QString everyonePermissions();
//! The bot's user object (id = application id, bot: true).
QJsonObject botUser(const DiscordState &state);
//! A human user as it appears in an interaction's member.
QJsonObject humanUser(const QString &userId);
QJsonArray roles(const DiscordState &state);
QJsonObject channel(const DiscordState &state, const SimChannel &channel, bool withGuildId);
//! GUILD_CREATE data: the guild object plus the gateway-only fields.
QJsonObject guildCreate(const DiscordState &state);
//! The guild object of REST and GUILD_UPDATE: GUILD_CREATE without the gateway-only fields.
QJsonObject guild(const DiscordState &state);
//! A message as REST and the gateway show it: attachments with urls, embeds resolved.
QJsonObject message(const DiscordState &state, const SimMessage &message);
QJsonObject attachment(const SimAttachment &attachment);
//! The member object of an injected interaction.
QJsonObject member(const DiscordState &state, const QString &userId, const QStringList &roleIds);

} // namespace DiscordObjects
} // namespace PterodisbotSim
