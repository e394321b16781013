#pragma once

#include <optional>

#include <QJsonObject>
#include <QList>
#include <QString>

namespace Pterodisbot {

//! GET /gateway/bot.
struct GatewayBotInfo
{
    QString url; //!< "wss://gateway.discord.gg"; connect to <url>/?v=10&encoding=json
    int shards = 1;
    int sessionStartTotal = 0;
    int sessionStartRemaining = 0;
    qint64 sessionStartResetAfterMs = 0;
    int maxConcurrency = 1;

    static std::optional<GatewayBotInfo> fromJson(const QJsonObject &json,
                                                  QString *error = nullptr);
};

//! GET /users/@me.
struct CurrentUser
{
    QString id;
    QString username;
    bool bot = false;

    static std::optional<CurrentUser> fromJson(const QJsonObject &json, QString *error = nullptr);
};

//! One entry of GET /guilds/{guild.id}/roles.
struct GuildRole
{
    QString id;
    QString name;
    quint64 permissions = 0;
    int position = 0;
    bool managed = false;

    //! Roles with a valid id; malformed entries are skipped.
    static QList<GuildRole> listFromJson(const QJsonArray &json);
};

} // namespace Pterodisbot
