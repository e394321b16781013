#include "DiscordGateway.h"

#include <QJsonArray>
#include <QTimer>
#include <QWebSocket>
#include <QWebSocketServer>

#include "DiscordGatewayConnection.h"
#include "DiscordObjects.h"
#include "DiscordState.h"
#include "simlogging.h"

namespace PterodisbotSim {

namespace {
enum Op {
    Dispatch = 0,
    Heartbeat = 1,
    Identify = 2,
    PresenceUpdate = 3,
    VoiceStateUpdate = 4,
    Resume = 6,
    Reconnect = 7,
    RequestGuildMembers = 8,
    InvalidSession = 9,
    Hello = 10,
    HeartbeatAck = 11,
    RequestSoundboardSounds = 31
};

// GUILD_MEMBERS, GUILD_PRESENCES, MESSAGE_CONTENT.
constexpr qint64 privilegedIntents = (1 << 1) | (1 << 8) | (1 << 15);

QJsonValue null()
{
    return QJsonValue(QJsonValue::Null);
}

// After these codes Discord will not resume the session: the client must IDENTIFY again.
bool endsSession(int code)
{
    switch (code) {
    case 4003:
    case 4004:
    case 4005:
    case 4007:
    case 4009:
    case 4010:
    case 4011:
    case 4012:
    case 4013:
    case 4014:
        return true;
    default:
        return false;
    }
}
} // namespace

void DiscordGateway::appendBounded(QList<QJsonObject> &list, const QJsonObject &payload) const
{
    list.append(payload);
    const int limit = qMax(1, m_state->options().historyLimit);
    if (list.size() > limit)
        list.remove(0, list.size() - limit);
}

DiscordGateway::DiscordGateway(DiscordState *state, QObject *parent)
    : QObject(parent)
    , m_state(state)
{}

DiscordGateway::~DiscordGateway() = default;

bool DiscordGateway::listen(QString *error)
{
    const bool secure = m_state->options().tls.has_value();
    m_server = new QWebSocketServer(
        QStringLiteral("pterodisbot-sim-gateway"),
        secure ? QWebSocketServer::SecureMode : QWebSocketServer::NonSecureMode, this);
    if (secure)
        m_server->setSslConfiguration(*m_state->options().tls);
    if (!m_server->listen(QHostAddress::LocalHost, m_state->options().gatewayPort)) {
        *error = QStringLiteral("gateway: ") + m_server->errorString();
        return false;
    }
    connect(m_server, &QWebSocketServer::newConnection, this, &DiscordGateway::onNewConnection);
    return true;
}

QUrl DiscordGateway::url() const
{
    if (!m_server || !m_server->isListening())
        return {};
    QUrl url;
    url.setScheme(m_state->options().tls ? QStringLiteral("wss") : QStringLiteral("ws"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(m_server->serverPort());
    return url;
}

int DiscordGateway::currentSequence() const
{
    return m_sessions.value(m_currentSessionId).sequence;
}

qint64 DiscordGateway::currentIntents() const
{
    return m_sessions.value(m_currentSessionId).intents;
}

DiscordGatewayConnection *DiscordGateway::current() const
{
    return m_current && m_current->isOpen() ? m_current.data() : nullptr;
}

void DiscordGateway::onNewConnection()
{
    while (QWebSocket *socket = m_server->nextPendingConnection()) {
        auto *connection = new DiscordGatewayConnection(socket, ++m_connectionCount, m_state, this);
        m_current = connection;
        qCDebug(lcSimDiscord) << "gateway: connection" << connection->index() << "from"
                              << socket->requestUrl().path();
        emit connectionAccepted();
        connect(connection, &DiscordGatewayConnection::payloadReceived, this,
                [this, connection](const QJsonObject &payload) {
                    appendBounded(m_received, payload);
                    emit payloadReceived(payload);
                    handlePayload(connection, payload);
                });
        connect(connection, &DiscordGatewayConnection::disconnected, this,
                [this, connection](int code) { onDisconnected(connection, code); });

        const QUrlQuery query = connection->query();
        if (query.queryItemValue(QStringLiteral("v")) != QLatin1String("10")) {
            closeConnection(connection, 4012, QStringLiteral("Invalid API version."));
            continue;
        }
        if (query.queryItemValue(QStringLiteral("encoding")) != QLatin1String("json")) {
            closeConnection(connection, 4002, QStringLiteral("Error while decoding payload."));
            continue;
        }
        const QString compress = query.queryItemValue(QStringLiteral("compress"));
        if (!compress.isEmpty() && compress != QLatin1String("zlib-stream")) {
            closeConnection(connection, 4002, QStringLiteral("Error while decoding payload."));
            continue;
        }
        const int delay = std::exchange(m_nextHelloDelayMs, 0);
        if (delay > 0) {
            QTimer::singleShot(delay, connection, [this, connection] { sendHello(connection); });
        } else {
            sendHello(connection);
        }
    }
}

void DiscordGateway::sendHello(DiscordGatewayConnection *connection)
{
    sendOp(connection, Hello,
           QJsonObject{
               {QStringLiteral("heartbeat_interval"), m_state->options().heartbeatIntervalMs},
               {QStringLiteral("_trace"), QJsonArray{QStringLiteral("[\"pterodisbot-sim\"]")}}});
}

void DiscordGateway::send(DiscordGatewayConnection *connection, const QJsonObject &payload)
{
    if (!connection || !connection->isOpen())
        return;
    appendBounded(m_sent, payload);
    emit payloadSent(payload);
    connection->send(payload);
}

void DiscordGateway::sendOp(DiscordGatewayConnection *connection, int op, const QJsonValue &data)
{
    send(connection, QJsonObject{{QStringLiteral("op"), op},
                                 {QStringLiteral("d"), data},
                                 {QStringLiteral("s"), null()},
                                 {QStringLiteral("t"), null()}});
}

void DiscordGateway::closeConnection(DiscordGatewayConnection *connection, int code,
                                     const QString &reason)
{
    if (endsSession(code) && !connection->sessionId.isEmpty())
        m_sessions.remove(connection->sessionId);
    connection->close(code, reason);
}

void DiscordGateway::handlePayload(DiscordGatewayConnection *connection, const QJsonObject &payload)
{
    const QJsonValue opValue = payload.value(QStringLiteral("op"));
    if (!opValue.isDouble()) {
        closeConnection(connection, 4002, QStringLiteral("Error while decoding payload."));
        return;
    }
    const int op = opValue.toInt(-1);
    const QJsonValue data = payload.value(QStringLiteral("d"));
    switch (op) {
    case Heartbeat:
        if (!m_ackSilence)
            sendOp(connection, HeartbeatAck, null());
        return;
    case Identify:
        if (connection->authenticated)
            closeConnection(connection, 4005, QStringLiteral("Already authenticated."));
        else
            handleIdentify(connection, data);
        return;
    case Resume:
        if (connection->authenticated)
            closeConnection(connection, 4005, QStringLiteral("Already authenticated."));
        else
            handleResume(connection, data);
        return;
    case PresenceUpdate:
    case VoiceStateUpdate:
    case RequestGuildMembers:
    case RequestSoundboardSounds:
        if (!connection->authenticated)
            closeConnection(connection, 4003, QStringLiteral("Not authenticated."));
        return; // accepted; the bot never needs an answer to these
    default:
        if (!connection->authenticated)
            closeConnection(connection, 4003, QStringLiteral("Not authenticated."));
        else
            closeConnection(connection, 4001, QStringLiteral("Unknown opcode."));
        return;
    }
}

bool DiscordGateway::tokenMatches(const QJsonValue &token) const
{
    QString text = token.toString();
    if (text.startsWith(QStringLiteral("Bot ")))
        text = text.mid(4);
    return !text.isEmpty() && text == m_state->token();
}

void DiscordGateway::handleIdentify(DiscordGatewayConnection *connection, const QJsonValue &data)
{
    const QJsonObject d = data.toObject();
    if (!data.isObject() || !d.value(QStringLiteral("properties")).isObject()) {
        closeConnection(connection, 4002, QStringLiteral("Error while decoding payload."));
        return;
    }
    if (!tokenMatches(d.value(QStringLiteral("token")))) {
        closeConnection(connection, 4004, QStringLiteral("Authentication failed."));
        return;
    }
    const QJsonValue intentsValue = d.value(QStringLiteral("intents"));
    const double intentsNumber = intentsValue.toDouble(-1);
    const qint64 intents = qint64(intentsNumber);
    if (!intentsValue.isDouble() || intentsNumber != double(intents) || intents < 0) {
        closeConnection(connection, 4013, QStringLiteral("Invalid intent(s)."));
        return;
    }
    if (intents & privilegedIntents) {
        closeConnection(connection, 4014, QStringLiteral("Disallowed intent(s)."));
        return;
    }
    int shardId = 0;
    int shardCount = 1;
    if (d.contains(QStringLiteral("shard"))) {
        const QJsonArray shard = d.value(QStringLiteral("shard")).toArray();
        shardId = shard.at(0).toInt(-1);
        shardCount = shard.at(1).toInt(0);
        if (shard.size() != 2 || shardCount < 1 || shardId < 0 || shardId >= shardCount) {
            closeConnection(connection, 4010, QStringLiteral("Invalid shard."));
            return;
        }
    }
    const qint64 now = m_state->nowMs();
    const int minInterval = m_state->options().identifyMinIntervalMs;
    if (minInterval > 0 && m_lastIdentifyMs >= 0 && now - m_lastIdentifyMs < minInterval) {
        // Discord answers a too-early IDENTIFY (max_concurrency 1 per 5 s) with op 9.
        sendOp(connection, InvalidSession, false);
        return;
    }
    m_lastIdentifyMs = now;
    ++m_identifyCount;

    Session session;
    session.id = DiscordState::randomHex(32);
    session.connection = connection;
    session.intents = intents;
    connection->authenticated = true;
    connection->sessionId = session.id;
    m_currentSessionId = session.id;
    Session &stored = m_sessions.insert(session.id, session).value();

    const QString guildId = m_state->options().guildId;
    const bool guildOnShard =
        (guildId.toULongLong() >> 22) % quint64(shardCount) == quint64(shardId);
    QJsonArray guilds;
    if (guildOnShard) {
        guilds.append(
            QJsonObject{{QStringLiteral("id"), guildId}, {QStringLiteral("unavailable"), true}});
    }
    QJsonObject ready{
        {QStringLiteral("v"), 10},
        {QStringLiteral("user_settings"), QJsonObject()},
        {QStringLiteral("user"), DiscordObjects::botUser(*m_state)},
        {QStringLiteral("guilds"), guilds},
        {QStringLiteral("session_id"), session.id},
        {QStringLiteral("session_type"), QStringLiteral("normal")},
        {QStringLiteral("resume_gateway_url"), url().toString()},
        {QStringLiteral("relationships"), QJsonArray()},
        {QStringLiteral("private_channels"), QJsonArray()},
        {QStringLiteral("presences"), QJsonArray()},
        {QStringLiteral("guild_join_requests"), QJsonArray()},
        {QStringLiteral("geo_ordered_rtc_regions"), QJsonArray()},
        {QStringLiteral("auth"), QJsonObject()},
        {QStringLiteral("application"),
         QJsonObject{{QStringLiteral("id"), m_state->options().applicationId},
                     {QStringLiteral("flags"), 0}}},
        {QStringLiteral("_trace"), QJsonArray{QStringLiteral("[\"pterodisbot-sim\"]")}}};
    if (d.contains(QStringLiteral("shard")))
        ready.insert(QStringLiteral("shard"), QJsonArray{shardId, shardCount});
    qCInfo(lcSimDiscord) << "gateway: IDENTIFY accepted, session" << session.id;
    sendDispatch(stored, QStringLiteral("READY"), ready);
    if (guildOnShard)
        sendDispatch(stored, QStringLiteral("GUILD_CREATE"), DiscordObjects::guildCreate(*m_state));
    emit identified();
    const auto backlog = std::exchange(m_backlog, {});
    for (const auto &[eventName, eventData] : backlog)
        sendDispatch(stored, eventName, eventData);
}

void DiscordGateway::handleResume(DiscordGatewayConnection *connection, const QJsonValue &data)
{
    const QJsonObject d = data.toObject();
    if (!data.isObject()) {
        closeConnection(connection, 4002, QStringLiteral("Error while decoding payload."));
        return;
    }
    if (!tokenMatches(d.value(QStringLiteral("token")))) {
        closeConnection(connection, 4004, QStringLiteral("Authentication failed."));
        return;
    }
    const QString sessionId = d.value(QStringLiteral("session_id")).toString();
    auto it = m_sessions.find(sessionId);
    if (it == m_sessions.end()) {
        qCInfo(lcSimDiscord) << "gateway: RESUME of unknown session" << sessionId;
        sendOp(connection, InvalidSession, false);
        return;
    }
    const QJsonValue seqValue = d.value(QStringLiteral("seq"));
    const int seq = seqValue.isNull() ? 0 : seqValue.toInt(-1);
    if (seq < 0 || seq > it->sequence) {
        closeConnection(connection, 4007, QStringLiteral("Invalid seq."));
        m_sessions.remove(sessionId);
        return;
    }
    const int oldestKept =
        it->history.isEmpty() ? 1 : it->history.constFirst().value(QStringLiteral("s")).toInt();
    if (seq < oldestKept - 1) {
        // Events the client missed are no longer buffered: it must start a new session.
        qCInfo(lcSimDiscord) << "gateway: RESUME from" << seq << "is older than the buffer";
        sendOp(connection, InvalidSession, false);
        return;
    }
    ++m_resumeCount;
    connection->authenticated = true;
    connection->sessionId = sessionId;
    it->connection = connection;
    m_currentSessionId = sessionId;
    int replayed = 0;
    for (const QJsonObject &event : std::as_const(it->history)) {
        if (event.value(QStringLiteral("s")).toInt() > seq) {
            send(connection, event);
            ++replayed;
        }
    }
    qCInfo(lcSimDiscord) << "gateway: RESUME of" << sessionId << "from" << seq << "replayed"
                         << replayed;
    sendDispatch(*it, QStringLiteral("RESUMED"), QJsonObject());
    emit resumed();
}

void DiscordGateway::sendDispatch(Session &session, const QString &eventName,
                                  const QJsonObject &data)
{
    const QJsonObject payload{{QStringLiteral("op"), Dispatch},
                              {QStringLiteral("t"), eventName},
                              {QStringLiteral("s"), ++session.sequence},
                              {QStringLiteral("d"), data}};
    appendBounded(session.history, payload);
    send(session.connection, payload);
}

void DiscordGateway::dispatch(const QString &eventName, const QJsonObject &data)
{
    auto it = m_sessions.find(m_currentSessionId);
    if (it == m_sessions.end()) {
        m_backlog.append({eventName, data});
        return;
    }
    sendDispatch(*it, eventName, data);
}

void DiscordGateway::sendReconnect()
{
    sendOp(current(), Reconnect, null());
}

void DiscordGateway::sendInvalidSession(bool resumable)
{
    DiscordGatewayConnection *connection = current();
    if (!resumable && connection && !connection->sessionId.isEmpty()) {
        m_sessions.remove(connection->sessionId);
        connection->authenticated = false;
        connection->sessionId.clear();
    }
    sendOp(connection, InvalidSession, resumable);
}

void DiscordGateway::sendHeartbeatRequest()
{
    sendOp(current(), Heartbeat, null());
}

void DiscordGateway::closeGateway(int closeCode, const QString &reason)
{
    if (DiscordGatewayConnection *connection = current())
        closeConnection(connection, closeCode, reason);
}

void DiscordGateway::dropGateway()
{
    if (DiscordGatewayConnection *connection = current())
        connection->abort();
}

void DiscordGateway::onDisconnected(DiscordGatewayConnection *connection, int clientCloseCode)
{
    m_lastClientCloseCode = clientCloseCode;
    // A client closing with 1000/1001 ends its session; anything else leaves it resumable.
    if ((clientCloseCode == 1000 || clientCloseCode == 1001) && !connection->sessionId.isEmpty()) {
        qCInfo(lcSimDiscord) << "gateway: session" << connection->sessionId << "ended by client";
        m_sessions.remove(connection->sessionId);
    }
    connection->deleteLater();
}

} // namespace PterodisbotSim
