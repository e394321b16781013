#pragma once

#include <QList>
#include <QString>
#include <QUrl>

// What the first-run assistant shows of Discord: plain values made by DiscordProbe from
// Discord's answers (parsed strictly in discord/RestModels).
namespace Pterodisbot {

//! Who a bot token belongs to.
struct BotIdentity
{
    QString userId;        //!< the bot user's id
    QString username;      //!< the bot user's name
    QUrl avatarUrl;        //!< on Discord's CDN; Discord's default avatar when none is set
    QString applicationId; //!< of the application the token belongs to (for the invite link)
    QString applicationName;
};

//! A guild (Discord server) the bot is in.
struct GuildInfo
{
    QString id;
    QString name;
    QUrl iconUrl;                   //!< empty when the guild has no icon
    bool owner = false;             //!< the bot owns the guild
    quint64 permissions = 0;        //!< the bot's guild-wide permissions (no channel overwrites)
    quint64 missingPermissions = 0; //!< of DiscordProbe::requiredPermissions(); 0 = all there
};

//! A role a member can hold: never @everyone, never a role managed by an integration.
struct RoleInfo
{
    QString id;
    QString name;
    int position = 0; //!< higher = further up the list in Discord
    int color = 0;    //!< 0xRRGGBB; 0 = no colour
};

//! A channel the bot can post embeds or alerts in: a text or an announcement channel.
struct ChannelInfo
{
    QString id;
    QString name;
    bool announcement = false; //!< an announcement (news) channel rather than a text channel
    int position = 0;
    QString categoryId;   //!< empty when the channel is in no category
    QString categoryName; //!< empty when the channel is in no category
};

} // namespace Pterodisbot
