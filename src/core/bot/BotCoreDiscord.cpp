// BotCore's side of the Discord connection: who we are, the guild's roles, the slash
// commands, and the gateway with its events.
#include "bot/BotCore.h"

#include "bot/CommandHandlers.h"
#include "discord/DiscordError.h"
#include "discord/InteractionCommands.h"
#include "discord/RestClient.h"
#include "discord/RestModels.h"
#include "logging.h"

namespace Pterodisbot {

namespace {

ApiError parseError(const QString &message)
{
    ApiError error;
    error.kind = ApiError::Kind::Parse;
    error.message = message;
    return error;
}

} // namespace

QCoro::Task<ApiError> BotCore::resolveApplicationId()
{
    QPointer<BotCore> self(this);
    const RestResult reply = co_await awaitReply(m_context.rest->getCurrentUser());
    const ApiError error = reply.error;
    const QJsonObject body = reply.object();
    if (!self)
        co_return error;
    if (error) {
        if (error.kind == ApiError::Kind::Auth && error.httpStatus == 401) {
            fail(QStringLiteral("Discord rejected the bot token (401). Check discord.token."));
        } else {
            qCCritical(lcBot).noquote() << "cannot reach Discord:" << error.toString();
        }
        co_return error;
    }
    const auto user = CurrentUser::fromJson(body);
    const QString configured = m_context.config.discord.applicationId;
    if (!configured.isEmpty()) {
        m_context.applicationId = configured;
        if (user && user->id != configured) {
            qCWarning(lcBot).noquote() << "discord.application_id" << configured
                                       << "differs from the bot user's id" << user->id;
        }
    } else if (user) {
        // A bot user's id is its application's id.
        m_context.applicationId = user->id;
    } else {
        co_return parseError(QStringLiteral("users/@me without an id"));
    }
    qCInfo(lcBot).noquote() << "logged in as" << (user ? user->username : QString())
                            << "application" << m_context.applicationId;
    co_return ApiError{};
}

QCoro::Task<> BotCore::loadGuildRoles()
{
    const QString guild = m_context.config.discord.guildId;
    if (guild.isEmpty() || !m_context.rest)
        co_return;
    QPointer<BotCore> self(this);
    const RestResult reply = co_await awaitReply(m_context.rest->getGuildRoles(guild));
    const ApiError error = reply.error;
    const QJsonArray body = reply.array();
    if (!self)
        co_return;
    if (error) {
        qCWarning(lcBot).noquote() << "cannot read the roles of guild" << guild << ":"
                                   << error.toString() << "- waiting for the gateway";
        co_return;
    }
    QList<AccessPolicy::Role> roles;
    for (const GuildRole &role : GuildRole::listFromJson(body))
        roles.append({role.id, role.name});
    m_context.access.setGuildRoles(roles);
    const auto resolved = m_context.access.resolveControlRole();
    if (resolved.problem != AccessPolicy::Outcome::Allowed)
        qCWarning(lcBot).noquote() << "control role:" << resolved.message;
}

QCoro::Task<> BotCore::registerCommands()
{
    const QString guild = m_context.config.discord.guildId;
    if (guild.isEmpty() || !m_context.rest)
        co_return;
    QPointer<BotCore> self(this);
    const ApiResult<bool> synced = co_await InteractionCommands::syncGuildCommands(
        m_context.rest, m_context.applicationId, guild, CommandHandlers::commandDefinitions());
    if (!self || !synced.error)
        co_return;
    qCWarning(lcBot).noquote() << "cannot register the slash commands in guild" << guild << ":"
                               << synced.error.toString()
                               << (discordCode(synced.error) == DiscordErrorCode::MissingAccess
                                       ? QStringLiteral("- invite the bot with the "
                                                        "applications.commands scope")
                                       : QString());
}

QCoro::Task<ApiError> BotCore::connectGateway()
{
    QPointer<BotCore> self(this);
    const RestResult reply = co_await awaitReply(m_context.rest->getGatewayBot());
    const ApiError error = reply.error;
    const QJsonObject body = reply.object();
    if (!self)
        co_return error;
    if (error) {
        qCCritical(lcBot).noquote() << "cannot get the gateway address:" << error.toString();
        co_return error;
    }
    QString why;
    const auto info = GatewayBotInfo::fromJson(body, &why);
    if (!info)
        co_return parseError(why);
    if (info->sessionStartRemaining == 0 && info->sessionStartTotal > 0) {
        qCWarning(lcBot) << "Discord allows no more gateway sessions for"
                         << info->sessionStartResetAfterMs << "ms";
    }

    GatewaySettings settings;
    settings.token = m_context.config.discord.token;
    settings.zlibStream = m_context.config.discord.gatewayCompression;
    settings.backoffBaseMs = m_context.tuning.gatewayBackoffBaseMs;
    settings.identifyGapMs = m_context.tuning.gatewayIdentifyGapMs;
    if (m_gateway) {
        m_gatewayStopRequested = true;
        m_gateway->stop(Gateway::StopMode::EndSession);
        m_gateway->deleteLater();
    }
    m_gatewayStopRequested = false;
    auto *gateway = new Gateway(settings, m_context.clock, this);
    connect(gateway, &Gateway::interactionCreate, this, &BotCore::onInteraction);
    connect(gateway, &Gateway::guildCreate, this, &BotCore::onGuildCreate);
    connect(gateway, &Gateway::dispatch, this, &BotCore::onDispatch);
    connect(gateway, &Gateway::stopped, this, &BotCore::onGatewayStopped);
    connect(gateway, &Gateway::stateChanged, this, &BotCore::gatewayStateChanged);
    m_gateway = gateway;
    gateway->start(QUrl(info->url));
    co_return ApiError{};
}

void BotCore::onGatewayStopped(const QString &reason)
{
    if (m_gatewayStopRequested || sender() != m_gateway)
        return;
    fail(QStringLiteral("The Discord gateway closed for good: %1").arg(reason));
}

QCoro::Task<> BotCore::reconnectDiscord()
{
    QPointer<BotCore> self(this);
    qCInfo(lcBot) << "Discord settings changed: reconnecting";
    createRestClient();
    const ApiError error = co_await resolveApplicationId();
    if (!self || error)
        co_return;
    co_await loadGuildRoles();
    if (!self)
        co_return;
    co_await registerCommands();
    if (!self)
        co_return;
    co_await connectGateway();
}

void BotCore::onGuildCreate(const QJsonObject &guild)
{
    if (guild.value(QStringLiteral("id")).toString() != m_context.config.discord.guildId)
        return;
    AccessPolicy::Settings settings = m_context.access.settings();
    settings.guildName = guild.value(QStringLiteral("name")).toString();
    m_context.access.setSettings(settings);
    QList<AccessPolicy::Role> roles;
    for (const GuildRole &role :
         GuildRole::listFromJson(guild.value(QStringLiteral("roles")).toArray()))
        roles.append({role.id, role.name});
    if (!roles.isEmpty())
        m_context.access.setGuildRoles(roles);
}

void BotCore::onDispatch(const QString &eventName, const QJsonObject &data)
{
    // Keep a role named in the configuration resolvable when it is created, renamed or deleted.
    if (!eventName.startsWith(QLatin1String("GUILD_ROLE_")) ||
        data.value(QStringLiteral("guild_id")).toString() != m_context.config.discord.guildId)
        return;
    QList<AccessPolicy::Role> roles = m_context.access.guildRoles();
    const QString deletedId = data.value(QStringLiteral("role_id")).toString();
    const QJsonObject role = data.value(QStringLiteral("role")).toObject();
    const QString id = eventName == QLatin1String("GUILD_ROLE_DELETE")
                           ? deletedId
                           : role.value(QStringLiteral("id")).toString();
    roles.removeIf([&](const AccessPolicy::Role &known) { return known.id == id; });
    if (eventName != QLatin1String("GUILD_ROLE_DELETE") && !id.isEmpty())
        roles.append({id, role.value(QStringLiteral("name")).toString()});
    m_context.access.setGuildRoles(roles);
}

} // namespace Pterodisbot
