#include "discord/GatewayPayloads.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Pterodisbot {

EncodedGatewayPayload encodeGatewayPayload(int op, const QJsonValue &d)
{
    EncodedGatewayPayload result;
    result.bytes = QJsonDocument(QJsonObject{{QStringLiteral("op"), op}, {QStringLiteral("d"), d}})
                       .toJson(QJsonDocument::Compact);
    if (result.bytes.size() > kMaxGatewayPayloadBytes) {
        result.error = QStringLiteral("%1 payload is %2 bytes; the gateway accepts at most %3")
                           .arg(gatewayOpName(op))
                           .arg(result.bytes.size())
                           .arg(kMaxGatewayPayloadBytes);
        result.bytes.clear();
    }
    return result;
}

QString gatewayOpName(int op)
{
    switch (op) {
    case GatewayOp::Dispatch:
        return QStringLiteral("DISPATCH");
    case GatewayOp::Heartbeat:
        return QStringLiteral("HEARTBEAT");
    case GatewayOp::Identify:
        return QStringLiteral("IDENTIFY");
    case GatewayOp::PresenceUpdate:
        return QStringLiteral("PRESENCE_UPDATE");
    case GatewayOp::VoiceStateUpdate:
        return QStringLiteral("VOICE_STATE_UPDATE");
    case GatewayOp::Resume:
        return QStringLiteral("RESUME");
    case GatewayOp::Reconnect:
        return QStringLiteral("RECONNECT");
    case GatewayOp::RequestGuildMembers:
        return QStringLiteral("REQUEST_GUILD_MEMBERS");
    case GatewayOp::InvalidSession:
        return QStringLiteral("INVALID_SESSION");
    case GatewayOp::Hello:
        return QStringLiteral("HELLO");
    case GatewayOp::HeartbeatAck:
        return QStringLiteral("HEARTBEAT_ACK");
    default:
        return QStringLiteral("op %1").arg(op);
    }
}

QString describeGatewayPayload(int op, const QJsonValue &d)
{
    if (op == GatewayOp::Identify || op == GatewayOp::Resume)
        return gatewayOpName(op);
    constexpr int maxChars = 200;
    QString body;
    if (d.isObject())
        body = QString::fromUtf8(QJsonDocument(d.toObject()).toJson(QJsonDocument::Compact));
    else if (d.isArray())
        body = QString::fromUtf8(QJsonDocument(d.toArray()).toJson(QJsonDocument::Compact));
    else
        body = d.isNull() ? QStringLiteral("null") : d.toVariant().toString();
    if (body.size() > maxChars)
        body = body.left(maxChars) + QStringLiteral("…");
    return gatewayOpName(op) + QLatin1Char(' ') + body;
}

QJsonObject identifyData(const QString &token, int intents, const QString &os,
                         const QString &browser, const QString &device)
{
    return QJsonObject{
        {QStringLiteral("token"), token},
        {QStringLiteral("intents"), intents},
        {QStringLiteral("properties"), QJsonObject{{QStringLiteral("os"), os},
                                                   {QStringLiteral("browser"), browser},
                                                   {QStringLiteral("device"), device}}},
    };
}

QJsonObject resumeData(const QString &token, const QString &sessionId, qint64 sequence)
{
    return QJsonObject{
        {QStringLiteral("token"), token},
        {QStringLiteral("session_id"), sessionId},
        {QStringLiteral("seq"), sequence},
    };
}

} // namespace Pterodisbot
