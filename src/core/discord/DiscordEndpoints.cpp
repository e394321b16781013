#include "discord/DiscordEndpoints.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

#include "discord/MessageLimits.h"

namespace Pterodisbot::DiscordEndpoints {

namespace {

// Ids and tokens come from configuration and the network: percent-encoding every segment
// keeps a hostile value from reaching another path.
QString seg(const QString &value)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(value));
}

QString webhookPath(const QString &applicationId, const QString &token)
{
    return QStringLiteral("/webhooks/%1/%2").arg(seg(applicationId), seg(token));
}

} // namespace

RestCall getGatewayBot()
{
    return RestCall::json("GET", QStringLiteral("/gateway/bot"), {});
}

RestCall getCurrentUser()
{
    return RestCall::json("GET", QStringLiteral("/users/@me"), {});
}

RestCall getCurrentApplication()
{
    return RestCall::json("GET", QStringLiteral("/oauth2/applications/@me"), {});
}

RestCall getCurrentUserGuilds()
{
    return RestCall::json("GET", QStringLiteral("/users/@me/guilds?limit=200"), {});
}

RestCall getGuildRoles(const QString &guildId)
{
    return RestCall::json("GET", QStringLiteral("/guilds/%1/roles").arg(seg(guildId)), {});
}

RestCall getGuildChannels(const QString &guildId)
{
    return RestCall::json("GET", QStringLiteral("/guilds/%1/channels").arg(seg(guildId)), {});
}

RestCall createMessage(const QString &channelId, const Message &message)
{
    return RestCall::message("POST", QStringLiteral("/channels/%1/messages").arg(seg(channelId)),
                             message, Message::Mode::Create);
}

RestCall editMessage(const QString &channelId, const QString &messageId, const Message &message)
{
    return RestCall::message(
        "PATCH", QStringLiteral("/channels/%1/messages/%2").arg(seg(channelId), seg(messageId)),
        message, Message::Mode::Edit);
}

RestCall deleteMessage(const QString &channelId, const QString &messageId)
{
    return RestCall::json(
        "DELETE", QStringLiteral("/channels/%1/messages/%2").arg(seg(channelId), seg(messageId)),
        {});
}

RestCall getMessage(const QString &channelId, const QString &messageId)
{
    return RestCall::json(
        "GET", QStringLiteral("/channels/%1/messages/%2").arg(seg(channelId), seg(messageId)), {});
}

RestCall getGuildCommands(const QString &applicationId, const QString &guildId)
{
    // With the localization dictionaries, so that they can be compared with ours.
    return RestCall::json(
        "GET",
        QStringLiteral("/applications/%1/guilds/%2/commands?with_localizations=true")
            .arg(seg(applicationId), seg(guildId)),
        {});
}

RestCall bulkOverwriteGuildCommands(const QString &applicationId, const QString &guildId,
                                    const QJsonArray &commands)
{
    return RestCall::json(
        "PUT",
        QStringLiteral("/applications/%1/guilds/%2/commands").arg(seg(applicationId), seg(guildId)),
        commands);
}

RestCall createInteractionResponse(const QString &interactionId, const QString &token, int type,
                                   const std::optional<Message> &data, Message::Mode mode)
{
    RestCall call;
    call.method = "POST";
    call.path = QStringLiteral("/interactions/%1/%2/callback").arg(seg(interactionId), seg(token));
    call.hasBody = true;
    QJsonObject body{{QStringLiteral("type"), type}};
    if (data) {
        const Message valid = MessageLimits::enforce(*data);
        body.insert(QStringLiteral("data"), valid.toJson(mode));
        call.files = valid.files;
    }
    call.jsonBody = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return call;
}

RestCall getOriginalResponse(const QString &applicationId, const QString &token)
{
    return RestCall::json(
        "GET", webhookPath(applicationId, token) + QStringLiteral("/messages/@original"), {});
}

RestCall editOriginalResponse(const QString &applicationId, const QString &token,
                              const Message &message)
{
    return RestCall::message(
        "PATCH", webhookPath(applicationId, token) + QStringLiteral("/messages/@original"), message,
        Message::Mode::Edit);
}

RestCall deleteOriginalResponse(const QString &applicationId, const QString &token)
{
    return RestCall::json(
        "DELETE", webhookPath(applicationId, token) + QStringLiteral("/messages/@original"), {});
}

RestCall createFollowUp(const QString &applicationId, const QString &token, const Message &message)
{
    // wait=true: answer with the message (its id), not an empty 204.
    return RestCall::message("POST",
                             webhookPath(applicationId, token) + QStringLiteral("?wait=true"),
                             message, Message::Mode::Create);
}

} // namespace Pterodisbot::DiscordEndpoints
