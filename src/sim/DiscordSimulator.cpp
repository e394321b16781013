#include "DiscordSimulator.h"

#include "DiscordGateway.h"
#include "DiscordObjects.h"
#include "DiscordRecorder.h"
#include "DiscordRest.h"
#include "DiscordState.h"
#include "simlogging.h"

namespace PterodisbotSim {

namespace {
constexpr qint64 GUILDS_INTENT = 1 << 0;
constexpr qint64 GUILD_MESSAGES_INTENT = 1 << 9;

QJsonObject minimalMessage(const QString &channelId, const QString &messageId)
{
    return {{QStringLiteral("id"), messageId}, {QStringLiteral("channel_id"), channelId}};
}
} // namespace

DiscordSimulator::DiscordSimulator(QObject *parent)
    : QObject(parent)
{}

DiscordSimulator::~DiscordSimulator() = default;

bool DiscordSimulator::start(const DiscordSimOptions &options)
{
    if (m_state) {
        m_error = QStringLiteral("already started");
        return false;
    }
    m_state = std::make_unique<DiscordState>(options);
    m_recorder = std::make_unique<DiscordRecorder>(m_state->token());
    m_gateway = new DiscordGateway(m_state.get(), this);
    m_rest = new DiscordRest(m_state.get(), m_gateway, m_recorder.get(), this);
    if (!m_gateway->listen(&m_error) || !m_rest->listen(&m_error)) {
        qCWarning(lcSimDiscord) << "Discord simulator failed to start:" << m_error;
        return false;
    }

    connect(m_gateway, &DiscordGateway::payloadReceived, this, [this](const QJsonObject &payload) {
        m_recorder->recordGateway(m_state->nowMs(), QStringLiteral("received"), payload);
        emit gatewayPayloadReceived(payload);
    });
    connect(m_gateway, &DiscordGateway::payloadSent, this, [this](const QJsonObject &payload) {
        m_recorder->recordGateway(m_state->nowMs(), QStringLiteral("sent"), payload);
    });
    connect(m_gateway, &DiscordGateway::identified, this, &DiscordSimulator::clientIdentified);
    connect(m_gateway, &DiscordGateway::resumed, this, &DiscordSimulator::clientResumed);
    connect(m_rest, &DiscordRest::messageCreated, this,
            [this](const QString &channelId, const QString &id) {
                const SimMessage *message = m_state->message(id);
                // The bot's own messages reach it as MESSAGE_CREATE only with GUILD_MESSAGES.
                if (message && !message->ephemeral &&
                    (m_gateway->currentIntents() & GUILD_MESSAGES_INTENT)) {
                    QJsonObject data = DiscordObjects::message(*m_state, *message);
                    data.insert(QStringLiteral("guild_id"), m_state->options().guildId);
                    m_gateway->dispatch(QStringLiteral("MESSAGE_CREATE"), data);
                }
                emit messageCreated(channelId, id);
            });
    connect(m_rest, &DiscordRest::messageEdited, this, &DiscordSimulator::messageEdited);
    connect(m_rest, &DiscordRest::messageDeleted, this, &DiscordSimulator::messageDeleted);
    connect(m_rest, &DiscordRest::interactionAnswered, this,
            &DiscordSimulator::interactionAnswered);
    connect(m_rest, &DiscordRest::commandsRegistered, this, &DiscordSimulator::commandsRegistered);
    qCInfo(lcSimDiscord) << "Discord simulator: REST" << restBaseUrl().toString() << "gateway"
                         << gatewayUrl().toString();
    return true;
}

QString DiscordSimulator::errorString() const
{
    return m_error;
}
QUrl DiscordSimulator::restBaseUrl() const
{
    return m_rest ? m_rest->baseUrl() : QUrl();
}
QUrl DiscordSimulator::gatewayUrl() const
{
    return m_gateway ? m_gateway->url() : QUrl();
}
QString DiscordSimulator::botToken() const
{
    return m_state ? m_state->token() : QString();
}

QString DiscordSimulator::applicationId() const
{
    return m_state ? m_state->options().applicationId : DiscordSimOptions().applicationId;
}

QString DiscordSimulator::guildId() const
{
    return m_state ? m_state->options().guildId : DiscordSimOptions().guildId;
}

QStringList DiscordSimulator::channelIds() const
{
    QStringList ids;
    if (m_state) {
        for (const SimChannel &channel : m_state->channels())
            ids.append(channel.id);
    }
    return ids;
}

QString DiscordSimulator::botUserId() const
{
    return applicationId();
}
int DiscordSimulator::gatewayConnectionCount() const
{
    return m_gateway ? m_gateway->connectionCount() : 0;
}
int DiscordSimulator::identifyCount() const
{
    return m_gateway ? m_gateway->identifyCount() : 0;
}
int DiscordSimulator::resumeCount() const
{
    return m_gateway ? m_gateway->resumeCount() : 0;
}

QList<QJsonObject> DiscordSimulator::receivedGatewayPayloads() const
{
    return m_gateway ? m_gateway->receivedPayloads() : QList<QJsonObject>();
}

QList<QJsonObject> DiscordSimulator::sentGatewayPayloads() const
{
    return m_gateway ? m_gateway->sentPayloads() : QList<QJsonObject>();
}

QString DiscordSimulator::currentSessionId() const
{
    return m_gateway ? m_gateway->currentSessionId() : QString();
}

int DiscordSimulator::currentSequence() const
{
    return m_gateway ? m_gateway->currentSequence() : 0;
}

void DiscordSimulator::dispatch(const QString &eventName, const QJsonObject &data)
{
    if (m_gateway)
        m_gateway->dispatch(eventName, data);
}

void DiscordSimulator::sendReconnect()
{
    if (m_gateway)
        m_gateway->sendReconnect();
}
void DiscordSimulator::sendInvalidSession(bool resumable)
{
    if (m_gateway)
        m_gateway->sendInvalidSession(resumable);
}
void DiscordSimulator::sendHeartbeatRequest()
{
    if (m_gateway)
        m_gateway->sendHeartbeatRequest();
}

void DiscordSimulator::closeGateway(int closeCode, const QString &reason)
{
    if (m_gateway)
        m_gateway->closeGateway(closeCode, reason);
}

void DiscordSimulator::dropGateway()
{
    if (m_gateway)
        m_gateway->dropGateway();
}
void DiscordSimulator::setAckSilence(bool silent)
{
    if (m_gateway)
        m_gateway->setAckSilence(silent);
}
void DiscordSimulator::setNextHelloDelayMs(int ms)
{
    if (m_gateway)
        m_gateway->setNextHelloDelayMs(ms);
}

QString DiscordSimulator::injectSlashCommand(const QString &channelId, const QString &userId,
                                             const QStringList &roleIds, const QString &name,
                                             const QJsonArray &options)
{
    if (!m_state)
        return {};
    QString commandId;
    for (const QJsonValue &command : m_state->commands()) {
        if (command.toObject().value(QStringLiteral("name")).toString() == name)
            commandId = command.toObject().value(QStringLiteral("id")).toString();
    }
    QJsonObject data{
        {QStringLiteral("id"), commandId.isEmpty() ? m_state->nextSnowflake() : commandId},
        {QStringLiteral("name"), name},
        {QStringLiteral("type"), 1},
        {QStringLiteral("guild_id"), m_state->options().guildId}};
    if (!options.isEmpty())
        data.insert(QStringLiteral("options"), options);
    return injectInteraction(2, channelId, userId, roleIds, data, {}, {});
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
        {QStringLiteral("locale"), QStringLiteral("en-US")},
        {QStringLiteral("guild_locale"), QStringLiteral("en-US")},
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

QList<SimMessage> DiscordSimulator::messages(const QString &channelId) const
{
    return m_state ? m_state->channelMessages(channelId) : QList<SimMessage>();
}

std::optional<SimMessage> DiscordSimulator::message(const QString &channelId,
                                                    const QString &messageId) const
{
    const SimMessage *message = m_state ? m_state->message(messageId) : nullptr;
    if (!message || message->channelId != channelId)
        return std::nullopt;
    return *message;
}

void DiscordSimulator::deleteMessage(const QString &channelId, const QString &messageId)
{
    const SimMessage *message = m_state ? m_state->message(messageId) : nullptr;
    if (!message || message->channelId != channelId)
        return;
    m_state->removeMessage(messageId);
    if (m_gateway->currentIntents() & GUILD_MESSAGES_INTENT) {
        m_gateway->dispatch(QStringLiteral("MESSAGE_DELETE"),
                            {{QStringLiteral("id"), messageId},
                             {QStringLiteral("channel_id"), channelId},
                             {QStringLiteral("guild_id"), m_state->options().guildId}});
    }
    emit messageDeleted(channelId, messageId);
}

void DiscordSimulator::deleteChannel(const QString &channelId)
{
    SimChannel *channel = m_state ? m_state->channel(channelId) : nullptr;
    if (!channel)
        return;
    const QJsonObject data = DiscordObjects::channel(*m_state, *channel, true);
    m_state->removeChannel(channelId);
    if (m_gateway->currentIntents() & GUILDS_INTENT)
        m_gateway->dispatch(QStringLiteral("CHANNEL_DELETE"), data);
}

void DiscordSimulator::ageMessage(const QString &channelId, const QString &messageId, qint64 ms)
{
    SimMessage *message = m_state ? m_state->message(messageId) : nullptr;
    if (message && message->channelId == channelId)
        message->createdElapsedMs -= ms;
}

QJsonArray DiscordSimulator::registeredCommands() const
{
    return m_state ? m_state->commands() : QJsonArray();
}

void DiscordSimulator::setChannelAccess(const QString &channelId, SimChannelAccess access)
{
    if (SimChannel *channel = m_state ? m_state->channel(channelId) : nullptr)
        channel->access = access;
}

void DiscordSimulator::setServerErrors(int count, int status)
{
    if (m_rest)
        m_rest->setServerErrors(count, status);
}

void DiscordSimulator::setGlobalRateLimit(int retryAfterMs)
{
    if (m_rest)
        m_rest->setGlobalRateLimit(retryAfterMs);
}

bool DiscordSimulator::setRecordFile(const QString &path)
{
    return m_recorder && m_recorder->setFile(path);
}

QList<DiscordRequestRecord> DiscordSimulator::requests() const
{
    return m_recorder ? m_recorder->requests() : QList<DiscordRequestRecord>();
}

int DiscordSimulator::rateLimitedCount() const
{
    return m_rest ? m_rest->rateLimitedCount() : 0;
}
void DiscordSimulator::clearRequests()
{
    if (m_recorder)
        m_recorder->clear();
}
int DiscordSimulator::missingUserAgentCount() const
{
    return m_rest ? m_rest->missingUserAgentCount() : 0;
}
int DiscordSimulator::foreignUserAgentCount() const
{
    return m_rest ? m_rest->foreignUserAgentCount() : 0;
}
qint64 DiscordSimulator::elapsedMs() const
{
    return m_state ? m_state->nowMs() : 0;
}

void DiscordSimulator::advanceClock(qint64 ms)
{
    if (m_state)
        m_state->advance(ms);
}

} // namespace PterodisbotSim
