#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace Pterodisbot {

//! Gateway opcodes (Discord API v10).
namespace GatewayOp {
enum : int {
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
};
} // namespace GatewayOp

//! Gateway intents the bot may use. Interactions need none; GUILDS brings GUILD_CREATE.
namespace GatewayIntent {
enum : int {
    Guilds = 1 << 0,
    GuildMembers = 1 << 1,    //!< privileged
    GuildPresences = 1 << 8,  //!< privileged
    MessageContent = 1 << 15, //!< privileged
    Privileged = GuildMembers | GuildPresences | MessageContent,
};
} // namespace GatewayIntent

//! Discord closes the connection (4002) on a payload larger than this; we never send one.
inline constexpr int kMaxGatewayPayloadBytes = 4096;

//! A payload serialized for the wire, or the reason it may not be sent.
struct EncodedGatewayPayload
{
    QByteArray bytes;
    QString error; //!< empty when \c bytes may be sent
    bool ok() const { return error.isEmpty(); }
};

//! Serializes `{"op":op,"d":d}` compactly and refuses anything over kMaxGatewayPayloadBytes.
EncodedGatewayPayload encodeGatewayPayload(int op, const QJsonValue &d);

//! "IDENTIFY", "HEARTBEAT", ... or "op 42".
QString gatewayOpName(int op);

//! A one-line description of a payload that is safe to log: IDENTIFY and RESUME (which carry
//! the token) are reduced to their opcode name, everything else is shortened.
QString describeGatewayPayload(int op, const QJsonValue &d);

//! The `d` of IDENTIFY.
QJsonObject identifyData(const QString &token, int intents, const QString &os,
                         const QString &browser, const QString &device);

//! The `d` of RESUME.
QJsonObject resumeData(const QString &token, const QString &sessionId, qint64 sequence);

} // namespace Pterodisbot
