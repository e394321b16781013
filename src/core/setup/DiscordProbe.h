#pragma once

#include <QCoroTask>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

#include "net/ApiError.h"
#include "net/ApiResult.h"
#include "setup/SetupModels.h"

class QNetworkAccessManager;

namespace Pterodisbot {

class RestClient;

//! Discord's permission bits the bot needs (Discord's "Bitwise Permission Flags" table).
namespace DiscordPermission {
inline constexpr quint64 Administrator = 1ULL << 3;
inline constexpr quint64 ViewChannel = 1ULL << 10;
inline constexpr quint64 SendMessages = 1ULL << 11;
inline constexpr quint64 EmbedLinks = 1ULL << 14;
inline constexpr quint64 AttachFiles = 1ULL << 15;
inline constexpr quint64 ReadMessageHistory = 1ULL << 16;
} // namespace DiscordPermission

//! Live checks of the Discord side for the first-run assistant (the wizard and
//! `pterodisbot --setup`): who a token belongs to, the guilds the bot is in, their roles and
//! channels, and the link that invites the bot. Built on RestClient and DiscordEndpoints, so
//! rate limits, the User-Agent and Discord's error format are the bot's own; a token the
//! configuration validator refuses is refused here with its words, before anything is sent.
//! Every call takes the token, because the member may change it between two checks.
class DiscordProbe final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DiscordProbe)

public:
    //! \a nam must outlive the probe; \a apiBaseUrl empty = Discord's own
    //! (https://discord.com/api/v10). A probe destroyed during a call ends it.
    DiscordProbe(QNetworkAccessManager *nam, QUrl apiBaseUrl, QObject *parent = nullptr);
    ~DiscordProbe() override;

    //! GET /users/@me and GET /oauth2/applications/@me: the bot's id, name, avatar and its
    //! application's id. A rejected token is an Auth error (HTTP 401); a token of the wrong
    //! shape a Validation error without an HTTP status (nothing was sent).
    QCoro::Task<ApiResult<BotIdentity>> identify(QString token);
    //! GET /users/@me/guilds: the guilds the bot is in (up to 200), by name.
    QCoro::Task<ApiResult<QList<GuildInfo>>> guilds(QString token);
    //! GET /guilds/{guild}/roles without @everyone and managed roles, highest first.
    QCoro::Task<ApiResult<QList<RoleInfo>>> roles(QString token, QString guildId);
    //! GET /guilds/{guild}/channels: text and announcement channels in the order Discord lists
    //! them (channels without a category first, then category by category, each by position).
    QCoro::Task<ApiResult<QList<ChannelInfo>>> textChannels(QString token, QString guildId);

    //! The link that adds the bot to a guild with the slash commands and requiredPermissions():
    //! https://discord.com/oauth2/authorize?client_id=..&scope=bot%20applications.commands&
    //! permissions=N, with guild_id and disable_guild_select=true when \a guildId is given.
    static QUrl inviteUrl(const QString &applicationId, const QString &guildId = {});
    //! View Channel | Send Messages | Embed Links | Attach Files | Read Message History.
    static quint64 requiredPermissions();
    //! The bits of requiredPermissions() that \a granted lacks (none with Administrator).
    static quint64 missingPermissions(quint64 granted);
    //! Any failure of this probe in the member's words, with what to do: the one place these
    //! texts live.
    static QString describe(const ApiError &error);

    //! Per-request timeout (default 10 s).
    void setRequestTimeoutMs(int ms) { m_requestTimeoutMs = ms; }

private:
    //! A REST client for \a token, or the validator's refusal of the token in \a refusal. The
    //! calling coroutine deletes it after its last co_await (see ~DiscordProbe).
    RestClient *clientFor(const QString &token, ApiError *refusal);

    QNetworkAccessManager *m_nam;
    QList<QPointer<RestClient>> m_clients;
    QUrl m_apiBaseUrl;
    int m_requestTimeoutMs = 10000;
};

} // namespace Pterodisbot
