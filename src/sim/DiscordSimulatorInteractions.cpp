#include "DiscordSimulator.h"

#include "DiscordGateway.h"
#include "DiscordObjects.h"
#include "DiscordState.h"

// The interaction half of the control API: injecting interactions as a user would cause
// them, and reading back what the bot answered.
namespace PterodisbotSim {

namespace {
QJsonObject minimalMessage(const QString &channelId, const QString &messageId)
{
    return {{QStringLiteral("id"), messageId}, {QStringLiteral("channel_id"), channelId}};
}
} // namespace

QString DiscordSimulator::commandId(const QString &name) const
{
    // Registered commands keep their id; an unregistered name gets a fresh one.
    for (const QJsonValue &command : m_state->commands()) {
        if (command.toObject().value(QStringLiteral("name")).toString() == name)
            return command.toObject().value(QStringLiteral("id")).toString();
    }
    return m_state->nextSnowflake();
}

QString DiscordSimulator::injectSlashCommand(const QString &channelId, const QString &userId,
                                             const QStringList &roleIds, const QString &name,
                                             const QJsonArray &options)
{
    if (!m_state)
        return {};
    QJsonObject data{{QStringLiteral("id"), commandId(name)},
                     {QStringLiteral("name"), name},
                     {QStringLiteral("type"), 1},
                     {QStringLiteral("guild_id"), m_state->options().guildId}};
    if (!options.isEmpty())
        data.insert(QStringLiteral("options"), options);
    return injectInteraction(2, channelId, userId, roleIds, data, {}, {});
}

QString DiscordSimulator::injectAutocomplete(const QString &channelId, const QString &userId,
                                             const QStringList &roleIds, const QString &name,
                                             const QJsonArray &options)
{
    if (!m_state)
        return {};
    const QJsonObject data{{QStringLiteral("id"), commandId(name)},
                           {QStringLiteral("name"), name},
                           {QStringLiteral("type"), 1},
                           {QStringLiteral("guild_id"), m_state->options().guildId},
                           {QStringLiteral("options"), options}};
    return injectInteraction(4, channelId, userId, roleIds, data, {}, {});
}

QString DiscordSimulator::injectComponent(const QString &channelId, const QString &messageId,
                                          const QString &userId, const QStringList &roleIds,
                                          const QString &customId, int componentType,
                                          const QStringList &values, const QString &guildId)
{
    if (!m_state)
        return {};
    QJsonObject data{{QStringLiteral("custom_id"), customId},
                     {QStringLiteral("component_type"), componentType}};
    if (componentType != 2)
        data.insert(QStringLiteral("values"), QJsonArray::fromStringList(values));
    return injectInteraction(3, channelId, userId, roleIds, data, messageId, guildId);
}

QString DiscordSimulator::injectInteraction(int type, const QString &channelId,
                                            const QString &userId, const QStringList &roleIds,
                                            const QJsonObject &data, const QString &messageId,
                                            const QString &guildId)
{
    SimInteraction interaction;
    interaction.id = m_state->nextSnowflake();
    // Discord's tokens are long opaque strings; the prefix mimics their base64 "interaction:".
    interaction.token = QStringLiteral("aW50ZXJhY3Rpb246") + interaction.id + QLatin1Char(':') +
                        DiscordState::randomToken(120);
    interaction.type = type;
    interaction.channelId = channelId;
    interaction.guildId = guildId.isEmpty() ? m_state->options().guildId : guildId;
    interaction.userId = userId;
    interaction.componentMessageId = messageId;
    interaction.createdMs = m_state->nowMs();

    QJsonObject channel{{QStringLiteral("id"), channelId},
                        {QStringLiteral("type"), 0},
                        {QStringLiteral("guild_id"), interaction.guildId}};
    if (const SimChannel *simChannel = m_state->channel(channelId))
        channel = DiscordObjects::channel(*m_state, *simChannel, true);
    QJsonObject payload{
        {QStringLiteral("id"), interaction.id},
        {QStringLiteral("application_id"), m_state->options().applicationId},
        {QStringLiteral("type"), type},
        {QStringLiteral("data"), data},
        {QStringLiteral("guild_id"), interaction.guildId},
        {QStringLiteral("channel_id"), channelId},
        {QStringLiteral("channel"), channel},
        {QStringLiteral("member"), DiscordObjects::member(*m_state, userId, roleIds)},
        {QStringLiteral("token"), interaction.token},
        {QStringLiteral("version"), 1},
        {QStringLiteral("locale"), m_state->userLocale(userId)},
        {QStringLiteral("guild_locale"), m_state->guildLocale()},
        {QStringLiteral("app_permissions"), DiscordObjects::everyonePermissions()},
        {QStringLiteral("entitlements"), QJsonArray()},
        {QStringLiteral("authorizing_integration_owners"),
         QJsonObject{{QStringLiteral("0"), interaction.guildId}}},
        {QStringLiteral("context"), 0},
        {QStringLiteral("attachment_size_limit"), 10485760}};
    if (type == 3) {
        const SimMessage *message = m_state->message(messageId);
        payload.insert(QStringLiteral("message"), message
                                                      ? DiscordObjects::message(*m_state, *message)
                                                      : minimalMessage(channelId, messageId));
    }
    interaction.payload = payload;
    m_state->addInteraction(interaction);
    m_gateway->dispatch(QStringLiteral("INTERACTION_CREATE"), payload);
    return interaction.id;
}

QJsonObject DiscordSimulator::interactionResponse(const QString &interactionId) const
{
    const SimInteraction *interaction = m_state ? m_state->interaction(interactionId) : nullptr;
    return interaction ? interaction->response : QJsonObject();
}

bool DiscordSimulator::interactionAcknowledged(const QString &interactionId) const
{
    const SimInteraction *interaction = m_state ? m_state->interaction(interactionId) : nullptr;
    return interaction && interaction->ackMs >= 0;
}

qint64 DiscordSimulator::interactionAckLatencyMs(const QString &interactionId) const
{
    const SimInteraction *interaction = m_state ? m_state->interaction(interactionId) : nullptr;
    if (!interaction || interaction->ackMs < 0)
        return -1;
    return interaction->ackMs - interaction->createdMs;
}

std::optional<SimMessage> DiscordSimulator::originalResponse(const QString &interactionId) const
{
    const SimInteraction *interaction = m_state ? m_state->interaction(interactionId) : nullptr;
    if (!interaction || interaction->originalDeleted || interaction->originalMessageId.isEmpty())
        return std::nullopt;
    const SimMessage *message = m_state->message(interaction->originalMessageId);
    return message ? std::optional<SimMessage>(*message) : std::nullopt;
}

QList<SimMessage> DiscordSimulator::followUps(const QString &interactionId) const
{
    QList<SimMessage> result;
    const SimInteraction *interaction = m_state ? m_state->interaction(interactionId) : nullptr;
    if (!interaction)
        return result;
    for (const QString &id : interaction->followUpIds) {
        if (const SimMessage *message = m_state->message(id))
            result.append(*message);
    }
    return result;
}

QString DiscordSimulator::interactionToken(const QString &interactionId) const
{
    const SimInteraction *interaction = m_state ? m_state->interaction(interactionId) : nullptr;
    return interaction ? interaction->token : QString();
}

QJsonObject DiscordSimulator::interactionPayload(const QString &interactionId) const
{
    const SimInteraction *interaction = m_state ? m_state->interaction(interactionId) : nullptr;
    return interaction ? interaction->payload : QJsonObject();
}

void DiscordSimulator::setUserLocale(const QString &userId, const QString &locale)
{
    if (m_state)
        m_state->setUserLocale(userId, locale);
}

} // namespace PterodisbotSim
