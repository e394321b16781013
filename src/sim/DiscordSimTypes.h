#pragma once

#include <optional>

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QSslConfiguration>
#include <QString>
#include <QStringList>

namespace PterodisbotSim {

//! A guild channel beyond the text channels of DiscordSimOptions::channelIds (addition).
struct SimChannelSpec
{
    QString id;
    QString name;
    int type = 4; //!< 4 category, 2 voice, 5 announcement, 13 stage, 15 forum, ...
    int position = 0;
    QString parentId; //!< the category it sits in; empty = none
};

//! Configuration of a DiscordSimulator; every limit and interval is here so tests run fast.
struct DiscordSimOptions
{
    QString botToken; //!< empty = generate a fake token of Discord's shape
    QString applicationId = QStringLiteral("1100000000000000001"); //!< also the bot's user id
    QString guildId = QStringLiteral("1200000000000000001");
    QStringList channelIds = {QStringLiteral("1300000000000000001"),
                              QStringLiteral("1300000000000000002")};
    //! Roles of the guild, name -> id (GUILD_CREATE and GET /guilds/{id}/roles).
    QList<QPair<QString, QString>> roles = {
        {QStringLiteral("@everyone"), QStringLiteral("1200000000000000001")},
        {QStringLiteral("Server Admin"), QStringLiteral("1400000000000000001")}};
    int heartbeatIntervalMs = 41250;
    int messageBucketLimit = 5; //!< per channel, shared by create/edit/delete
    int messageBucketWindowMs = 5000;
    int globalLimitPerSecond = 50;
    int oldMessageAgeMs = 3600000; //!< edits of messages older than this are limited (30046)
    int oldMessageEditLimit = 3;   //!< edits allowed per window on old messages of a channel
    int oldMessageEditWindowMs = 60000;
    std::optional<QSslConfiguration> tls; //!< serve https/wss with this certificate

    // Additions beyond the contract.
    QString guildName = QStringLiteral("Pterodisbot Simulator");
    //! The guild's preferred_locale (GUILD_CREATE, GET /guilds/{id}), also the guild_locale of
    //! its interactions; DiscordSimulator::setGuildLocale() changes it later.
    QString guildLocale = QStringLiteral("en-US");
    QString botUsername = QStringLiteral("Pterodisbot");
    //! More channels of the guild, listed after those of channelIds (REST and GUILD_CREATE);
    //! nothing can be posted to a category.
    QList<SimChannelSpec> extraChannels;
    //! Categories of channelIds channels: channel id -> category id (of extraChannels).
    QList<QPair<QString, QString>> channelParents;
    //! Roles (ids of `roles`) managed by an integration, like the role Discord gives a bot
    //! when it joins: `managed: true` with `tags.bot_id`.
    QStringList managedRoleIds;
    int otherBucketLimit = 10; //!< every other rate-limited route, per major parameter
    int otherBucketWindowMs = 1000;
    int interactionTimeoutMs = 3000;         //!< callback deadline (10062 after it)
    int interactionTokenLifetimeMs = 900000; //!< webhook token validity (50027 after it)
    int identifyMinIntervalMs = 0;           //!< > 0: a faster IDENTIFY gets op 9 d:false
    int gatewayPayloadLimit = 120;           //!< payloads per gatewayPayloadWindowMs (4008)
    int gatewayPayloadWindowMs = 60000;
    int sessionStartTotal = 1000; //!< session_start_limit.total of /gateway/bot
    int historyLimit = 10000;     //!< requests and gateway payloads kept in memory (newest)
    quint16 restPort = 0;         //!< 0 = any free port (tests); fixed for pterodisbot-sim
    quint16 gatewayPort = 0;
};

//! What a channel lets the bot do.
enum class SimChannelAccess {
    Full,
    NoPermission, //!< 403 50013 on sending and editing
    NoAccess,     //!< 403 50001 on everything
};

//! One REST request as the simulator saw it.
struct DiscordRequestRecord
{
    qint64 elapsedMs; //!< simulator clock
    QString method;
    QString path; //!< path with query, as requested
    int status;
    QByteArray body; //!< request body, raw
};

struct SimAttachment
{
    QString id;
    QString filename;
    QString contentType;
    QByteArray bytes;
    QString url; //!< http(s)://127.0.0.1:<port>/attachments/<channel>/<id>/<filename>
};

//! A message as stored by the simulator. embeds hold what the bot sent (attachment:// urls
//! intact); the REST answers resolve them to attachment urls as Discord does.
struct SimMessage
{
    QString id, channelId, content;
    QJsonArray embeds, components;
    QList<SimAttachment> attachments;
    qint64 createdElapsedMs = 0; //!< simulator clock
    int editCount = 0;
    bool ephemeral = false;
    bool isInteractionResponse = false;
    // Additions beyond the contract.
    int flags = 0;
    qint64 editedElapsedMs = -1;
    QString interactionId; //!< set for interaction responses and follow-ups
};

} // namespace PterodisbotSim
