#include "bot/GuildRoles.h"

#include <QPointer>

#include "bot/BotContext.h"
#include "discord/RestClient.h"
#include "discord/RestModels.h"
#include "logging.h"

namespace Pterodisbot {

namespace {

QList<AccessPolicy::Role> policyRoles(const QList<GuildRole> &roles)
{
    QList<AccessPolicy::Role> result;
    for (const GuildRole &role : roles)
        result.append({role.id, role.name});
    return result;
}

} // namespace

GuildRoles::GuildRoles(BotContext *context, QObject *parent)
    : QObject(parent)
    , m_context(context)
{}

QCoro::Task<> GuildRoles::load()
{
    const QString guild = m_context->config.discord.guildId;
    if (guild.isEmpty() || !m_context->rest)
        co_return;
    QPointer<GuildRoles> self(this);
    const RestResult reply = co_await awaitReply(m_context->rest->getGuildRoles(guild));
    if (!self)
        co_return;
    if (reply.error) {
        qCWarning(lcBot).noquote() << "cannot read the roles of guild" << guild << ":"
                                   << reply.error.toString() << "- waiting for the gateway";
        co_return;
    }
    m_context->access.setGuildRoles(policyRoles(GuildRole::listFromJson(reply.array())));
    const auto resolved = m_context->access.resolveControlRole();
    if (resolved.problem != AccessPolicy::Outcome::Allowed)
        qCWarning(lcBot).noquote() << "control role:" << resolved.message;
}

void GuildRoles::onGuildCreate(const QJsonObject &guild)
{
    if (guild.value(QStringLiteral("id")).toString() != m_context->config.discord.guildId)
        return;
    m_context->setGuildLocale(guild.value(QStringLiteral("preferred_locale")).toString());
    AccessPolicy::Settings settings = m_context->access.settings();
    settings.guildName = guild.value(QStringLiteral("name")).toString();
    m_context->access.setSettings(settings);
    const QList<AccessPolicy::Role> roles =
        policyRoles(GuildRole::listFromJson(guild.value(QStringLiteral("roles")).toArray()));
    if (!roles.isEmpty())
        m_context->access.setGuildRoles(roles);
}

void GuildRoles::onDispatch(const QString &eventName, const QJsonObject &data)
{
    // The guild's language: a guild's settings changed, or an interaction says it in passing.
    const QString guild = m_context->config.discord.guildId;
    if (eventName == QLatin1String("GUILD_UPDATE") &&
        data.value(QStringLiteral("id")).toString() == guild) {
        m_context->setGuildLocale(data.value(QStringLiteral("preferred_locale")).toString());
        return;
    }
    if (eventName == QLatin1String("INTERACTION_CREATE") &&
        data.value(QStringLiteral("guild_id")).toString() == guild) {
        m_context->setGuildLocale(data.value(QStringLiteral("guild_locale")).toString());
        return;
    }
    if (!eventName.startsWith(QLatin1String("GUILD_ROLE_")) ||
        data.value(QStringLiteral("guild_id")).toString() != m_context->config.discord.guildId)
        return;
    QList<AccessPolicy::Role> roles = m_context->access.guildRoles();
    const bool deleted = eventName == QLatin1String("GUILD_ROLE_DELETE");
    const QJsonObject role = data.value(QStringLiteral("role")).toObject();
    const QString id = deleted ? data.value(QStringLiteral("role_id")).toString()
                               : role.value(QStringLiteral("id")).toString();
    roles.removeIf([&](const AccessPolicy::Role &known) { return known.id == id; });
    if (!deleted && !id.isEmpty())
        roles.append({id, role.value(QStringLiteral("name")).toString()});
    m_context->access.setGuildRoles(roles);
}

} // namespace Pterodisbot
