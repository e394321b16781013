#include "discord/Gateway.h"

#include <algorithm>

#include <QJsonDocument>
#include <QJsonParseError>
#include <QPointer>
#include <QWebSocket>

#include "Clock.h"
#include "discord/ZlibStreamInflater.h"
#include "logging.h"

// The protocol half of Gateway: what arrives on a connection and what is sent on it.
// Gateway.cpp holds the connection lifecycle (open, close, reconnect, stop).

namespace Pterodisbot {

void Gateway::onTextMessage(const QString &message)
{
    handlePayload(message.toUtf8());
}

void Gateway::onBinaryMessage(const QByteArray &message)
{
    if (!m_settings.zlibStream) {
        handlePayload(message);
        return;
    }
    QByteArray json;
    switch (m_inflater->feed(message, &json)) {
    case ZlibStreamInflater::Status::NeedMore:
        return;
    case ZlibStreamInflater::Status::Message:
        handlePayload(json);
        return;
    case ZlibStreamInflater::Status::Error:
        qCWarning(lcGateway).noquote() << "zlib-stream:" << m_inflater->errorString();
        reconnect(true, QStringLiteral("corrupt zlib stream"));
        return;
    }
}

void Gateway::handlePayload(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (!doc.isObject()) {
        qCWarning(lcGateway).noquote()
            << "ignoring a payload that is not a JSON object:" << error.errorString();
        return;
    }
    const QJsonObject payload = doc.object();
    const int op = payload.value(QStringLiteral("op")).toInt(-1);
    const QJsonValue d = payload.value(QStringLiteral("d"));
    switch (op) {
    case GatewayOp::Dispatch:
        handleDispatch(payload);
        return;
    case GatewayOp::Hello:
        handleHello(d.toObject());
        return;
    case GatewayOp::HeartbeatAck:
        m_ackPending = false;
        m_latencyMs = m_clock->monotonicMs() - m_heartbeatSentMs;
        emit latencyChanged(m_latencyMs);
        return;
    case GatewayOp::Heartbeat:
        sendHeartbeat();
        return;
    case GatewayOp::Reconnect:
        reconnect(true, QStringLiteral("server asked to reconnect (op 7)"));
        return;
    case GatewayOp::InvalidSession:
        handleInvalidSession(d.toBool());
        return;
    default:
        qCDebug(lcGateway).noquote() << "ignoring" << describeGatewayPayload(op, d);
    }
}

void Gateway::handleHello(const QJsonObject &d)
{
    m_helloTimer.stop();
    m_helloReceived = true;
    if (m_usingResumeUrl)
        m_failedResumeUrlConnects = 0;
    m_heartbeatIntervalMs = std::max(d.value(QStringLiteral("heartbeat_interval")).toInt(), 1);
    m_ackPending = false;
    // The jitter spreads the first beats of many clients reconnecting at once.
    m_heartbeatTimer.start(int(m_heartbeatIntervalMs * random()));
    qCDebug(lcGateway) << "HELLO, heartbeat every" << m_heartbeatIntervalMs << "ms";
    if (m_connectingToResume && !m_sessionId.isEmpty())
        sendResume();
    else
        identifyWhenAllowed();
}

void Gateway::handleDispatch(const QJsonObject &payload)
{
    const QString event = payload.value(QStringLiteral("t")).toString();
    const QJsonValue s = payload.value(QStringLiteral("s"));
    if (!s.isNull() && !s.isUndefined()) {
        const qint64 sequence = s.toInteger();
        // A RESUME replay may repeat events we already delivered: each s counts once.
        if (m_sequence >= 0 && sequence <= m_sequence) {
            qCDebug(lcGateway) << "skipping duplicate" << event << "s =" << sequence;
            return;
        }
        m_sequence = sequence;
    }
    const QJsonObject data = payload.value(QStringLiteral("d")).toObject();
    QPointer<Gateway> self(this);
    if (event == QLatin1String("READY")) {
        m_sessionId = data.value(QStringLiteral("session_id")).toString();
        m_resumeUrl = QUrl(data.value(QStringLiteral("resume_gateway_url")).toString());
        m_failedResumeUrlConnects = 0;
        m_backoff.reset();
        qCInfo(lcGateway) << "ready";
        setState(State::Ready);
    } else if (event == QLatin1String("RESUMED")) {
        m_backoff.reset();
        qCInfo(lcGateway) << "resumed at s =" << m_sequence;
        setState(State::Ready);
    }
    emit dispatch(event, data);
    if (!self)
        return;
    if (event == QLatin1String("READY"))
        emit ready(data);
    else if (event == QLatin1String("RESUMED"))
        emit resumed();
    else if (event == QLatin1String("INTERACTION_CREATE"))
        emit interactionCreate(data);
    else if (event == QLatin1String("GUILD_CREATE"))
        emit guildCreate(data);
    if (self && m_state == State::Ready && !m_queue.isEmpty())
        flushQueue();
}

void Gateway::handleInvalidSession(bool resumable)
{
    if (resumable && !m_sessionId.isEmpty()) {
        reconnect(true, QStringLiteral("invalid session, resumable"));
        return;
    }
    qCWarning(lcGateway) << "invalid session: identifying again";
    dropSession();
    stopTimers();
    retireSocket(kResumableCloseCode, QStringLiteral("invalid session"));
    const int minMs = m_settings.invalidSessionMinWaitMs;
    const int maxMs = std::max(m_settings.invalidSessionMaxWaitMs, minMs);
    int waitMs = minMs + int((maxMs - minMs) * random());
    if (m_lastIdentifyMs) {
        const qint64 sinceIdentify = m_clock->monotonicMs() - *m_lastIdentifyMs;
        waitMs = int(std::max<qint64>(waitMs, m_settings.identifyGapMs - sinceIdentify));
    }
    scheduleReconnect(false, waitMs);
}

void Gateway::onHeartbeatDue()
{
    if (m_ackPending) {
        qCWarning(lcGateway) << "no heartbeat ACK within" << m_heartbeatIntervalMs
                             << "ms: zombie connection";
        reconnect(true, QStringLiteral("heartbeat not acknowledged"));
        return;
    }
    sendHeartbeat();
    m_heartbeatTimer.start(m_heartbeatIntervalMs);
}

void Gateway::sendHeartbeat()
{
    // Heartbeats bypass the send limiter: they are what keeps the session alive.
    const QJsonValue d = m_sequence >= 0 ? QJsonValue(m_sequence) : QJsonValue();
    if (sendNow(GatewayOp::Heartbeat, d)) {
        m_ackPending = true;
        m_heartbeatSentMs = m_clock->monotonicMs();
    }
}

void Gateway::identifyWhenAllowed()
{
    setState(State::Identifying);
    qint64 waitMs = 0;
    if (m_lastIdentifyMs)
        waitMs = *m_lastIdentifyMs + m_settings.identifyGapMs - m_clock->monotonicMs();
    if (waitMs > 0) {
        qCDebug(lcGateway) << "IDENTIFY in" << waitMs << "ms (identify throttle)";
        m_identifyTimer.start(int(waitMs));
    } else {
        sendIdentify();
    }
}

void Gateway::sendIdentify()
{
    // A fresh session starts its sequence at 1.
    dropSession();
    m_limiter.tryAcquire();
    const QJsonObject d = identifyData(m_settings.token, m_settings.intents, m_settings.os,
                                       m_settings.browser, m_settings.device);
    if (sendNow(GatewayOp::Identify, d)) {
        m_lastIdentifyMs = m_clock->monotonicMs();
        qCInfo(lcGateway) << "IDENTIFY sent, intents" << m_settings.intents;
    }
}

void Gateway::sendResume()
{
    setState(State::Resuming);
    m_limiter.tryAcquire();
    if (sendNow(GatewayOp::Resume, resumeData(m_settings.token, m_sessionId, m_sequence)))
        qCInfo(lcGateway) << "RESUME sent at s =" << m_sequence;
}

bool Gateway::sendNow(int op, const QJsonValue &d)
{
    const EncodedGatewayPayload payload = encodeGatewayPayload(op, d);
    if (!payload.ok()) {
        qCWarning(lcGateway).noquote() << "not sent:" << payload.error;
        emit sendRefused(payload.error);
        return false;
    }
    if (!m_socket || m_socket->state() != QAbstractSocket::ConnectedState)
        return false;
    qCDebug(lcGateway).noquote() << "send" << describeGatewayPayload(op, d);
    m_socket->sendTextMessage(QString::fromUtf8(payload.bytes));
    return true;
}

bool Gateway::sendEvent(int op, const QJsonValue &d, QString *error)
{
    auto refuse = [&](const QString &why) {
        qCWarning(lcGateway).noquote() << "not sent:" << why;
        if (error)
            *error = why;
        emit sendRefused(why);
        return false;
    };
    if (op == GatewayOp::Heartbeat || op == GatewayOp::Identify || op == GatewayOp::Resume)
        return refuse(
            QStringLiteral("%1 is sent by the gateway client itself").arg(gatewayOpName(op)));
    if (m_state == State::Stopped)
        return refuse(QStringLiteral("the gateway is stopped"));
    EncodedGatewayPayload payload = encodeGatewayPayload(op, d);
    if (!payload.ok())
        return refuse(payload.error);
    if (m_queue.size() >= kMaxQueuedEvents)
        return refuse(QStringLiteral("%1 events are already waiting").arg(kMaxQueuedEvents));
    m_queue.append({op, std::move(payload.bytes)});
    flushQueue();
    return true;
}

void Gateway::flushQueue()
{
    if (m_state != State::Ready || !m_socket)
        return;
    while (!m_queue.isEmpty()) {
        if (!m_limiter.tryAcquire()) {
            m_sendTimer.start(int(m_limiter.msUntilAvailable()));
            return;
        }
        const QueuedEvent event = m_queue.takeFirst();
        qCDebug(lcGateway).noquote() << "send" << gatewayOpName(event.op);
        m_socket->sendTextMessage(QString::fromUtf8(event.bytes));
    }
}

} // namespace Pterodisbot
