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
    m_recorder = std::make_unique<DiscordRecorder>(m_state->token(), options.historyLimit);
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
    connect(m_gateway, &DiscordGateway::connectionAccepted, this,
            &DiscordSimulator::gatewayConnected);
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
    connect(m_rest, &DiscordRest::requestHandled, this, &DiscordSimulator::requestHandled);
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

int DiscordSimulator::lastClientCloseCode() const
{
    return m_gateway ? m_gateway->lastClientCloseCode() : -1;
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

void DiscordSimulator::setGuildLocale(const QString &locale)
{
    if (!m_state)
        return;
    m_state->setGuildLocale(locale);
    if (m_gateway->currentIntents() & GUILDS_INTENT)
        m_gateway->dispatch(QStringLiteral("GUILD_UPDATE"), DiscordObjects::guild(*m_state));
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

void DiscordSimulator::setRestLatency(int ms)
{
    if (m_rest)
        m_rest->setLatency(ms);
}

void DiscordSimulator::setBucketStorm(int durationMs)
{
    if (m_rest)
        m_rest->setBucketStorm(durationMs);
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
