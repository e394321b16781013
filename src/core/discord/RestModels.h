#pragma once

#include <optional>

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUrl>

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
    QString discriminator; //!< "0" for users on unique usernames; bots keep a 4-digit one
    QString avatar;        //!< image hash; empty when the user has none
    bool bot = false;

    //! Strict: a missing or non-snowflake id, or a field of the wrong type, is an error.
    static std::optional<CurrentUser> fromJson(const QJsonObject &json, QString *error = nullptr);
    //! The avatar on Discord's CDN (animated hashes, "a_...", as gif), or the default avatar
    //! Discord shows for a user without one.
    QUrl avatarUrl() const;
};

//! GET /oauth2/applications/@me: the application the bot token belongs to.
struct CurrentApplication
{
    QString id;
    QString name;

    static std::optional<CurrentApplication> fromJson(const QJsonObject &json,
                                                      QString *error = nullptr);
};

//! One entry of GET /users/@me/guilds (a partial guild).
struct PartialGuild
{
    QString id;
    QString name;
    QString icon;            //!< image hash; empty when the guild has none
    bool owner = false;      //!< the current user owns the guild
    quint64 permissions = 0; //!< the current user's guild-wide permissions (no overwrites)

    static std::optional<PartialGuild> fromJson(const QJsonObject &json, QString *error = nullptr);
    //! The icon on Discord's CDN; empty when the guild has none.
    QUrl iconUrl() const;
};

//! One entry of GET /guilds/{guild.id}/roles (and of the gateway's role events).
struct GuildRole
{
    QString id;
    QString name;
    quint64 permissions = 0;
    int position = 0;
    int color = 0; //!< 0xRRGGBB; 0 = no colour
    bool managed = false;

    //! Strict: id, name, position and permissions required and of their documented types.
    static std::optional<GuildRole> fromJson(const QJsonObject &json, QString *error = nullptr);
    //! Roles that fromJson() accepts; malformed entries are skipped.
    static QList<GuildRole> listFromJson(const QJsonArray &json);
};

//! The `type` of a channel.
enum class ChannelType {
    GuildText = 0,
    Dm = 1,
    GuildVoice = 2,
    GroupDm = 3,
    GuildCategory = 4,
    GuildAnnouncement = 5,
    AnnouncementThread = 10,
    PublicThread = 11,
    PrivateThread = 12,
    GuildStageVoice = 13,
    GuildDirectory = 14,
    GuildForum = 15,
    GuildMedia = 16,
};

//! One entry of GET /guilds/{guild.id}/channels.
struct GuildChannel
{
    QString id;
    QString name;
    int type = 0; //!< a ChannelType; kept as a number so unknown future types survive
    int position = 0;
    QString parentId; //!< the category; empty when none

    static std::optional<GuildChannel> fromJson(const QJsonObject &json, QString *error = nullptr);
};

//! Every entry of \a json parsed with T::fromJson(); the first entry that is not an object or
//! does not parse fails the whole list, with \a error saying which one and why.
template<typename T>
std::optional<QList<T>> strictListFromJson(const QJsonArray &json, QString *error = nullptr)
{
    QList<T> items;
    items.reserve(json.size());
    for (qsizetype i = 0; i < json.size(); ++i) {
        QString why = QStringLiteral("not an object");
        std::optional<T> item =
            json.at(i).isObject() ? T::fromJson(json.at(i).toObject(), &why) : std::nullopt;
        if (!item) {
            if (error)
                *error = QStringLiteral("entry %1: %2").arg(i).arg(why);
            return std::nullopt;
        }
        items.append(std::move(*item));
    }
    return items;
}

} // namespace Pterodisbot
