// The Discord endpoints the bot uses, as thin methods of RestClient.
#include <QJsonDocument>
#include <QUrl>

#include "discord/MessageLimits.h"
#include "discord/RestClient.h"

namespace Pterodisbot {

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

RestReply *RestClient::getGatewayBot()
{
    return sendJson("GET", QStringLiteral("/gateway/bot"), {});
}

RestReply *RestClient::getCurrentUser()
{
    return sendJson("GET", QStringLiteral("/users/@me"), {});
}

RestReply *RestClient::getGuildRoles(const QString &guildId)
{
    return sendJson("GET", QStringLiteral("/guilds/%1/roles").arg(seg(guildId)), {});
}

RestReply *RestClient::createMessage(const QString &channelId, const Message &message)
{
    return sendMessage("POST", QStringLiteral("/channels/%1/messages").arg(seg(channelId)), message,
                       Message::Mode::Create);
}

RestReply *RestClient::editMessage(const QString &channelId, const QString &messageId,
                                   const Message &message)
{
    return sendMessage(
        "PATCH", QStringLiteral("/channels/%1/messages/%2").arg(seg(channelId), seg(messageId)),
        message, Message::Mode::Edit);
}

RestReply *RestClient::deleteMessage(const QString &channelId, const QString &messageId)
{
    return sendJson("DELETE",
                    QStringLiteral("/channels/%1/messages/%2").arg(seg(channelId), seg(messageId)),
                    {});
}

RestReply *RestClient::getMessage(const QString &channelId, const QString &messageId)
{
    return sendJson(
        "GET", QStringLiteral("/channels/%1/messages/%2").arg(seg(channelId), seg(messageId)), {});
}

RestReply *RestClient::getGuildCommands(const QString &applicationId, const QString &guildId)
{
    return sendJson(
        "GET",
        QStringLiteral("/applications/%1/guilds/%2/commands").arg(seg(applicationId), seg(guildId)),
        {});
}

RestReply *RestClient::bulkOverwriteGuildCommands(const QString &applicationId,
                                                  const QString &guildId,
                                                  const QJsonArray &commands)
{
    return sendJson(
        "PUT",
        QStringLiteral("/applications/%1/guilds/%2/commands").arg(seg(applicationId), seg(guildId)),
        commands);
}

RestReply *RestClient::createInteractionResponse(const QString &interactionId, const QString &token,
                                                 int type, const std::optional<Message> &data,
                                                 Message::Mode mode)
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
    return send(std::move(call));
}

RestReply *RestClient::getOriginalResponse(const QString &applicationId, const QString &token)
{
    return sendJson("GET",
                    webhookPath(applicationId, token) + QStringLiteral("/messages/@original"), {});
}

RestReply *RestClient::editOriginalResponse(const QString &applicationId, const QString &token,
                                            const Message &message)
{
    return sendMessage("PATCH",
                       webhookPath(applicationId, token) + QStringLiteral("/messages/@original"),
                       message, Message::Mode::Edit);
}

RestReply *RestClient::deleteOriginalResponse(const QString &applicationId, const QString &token)
{
    return sendJson("DELETE",
                    webhookPath(applicationId, token) + QStringLiteral("/messages/@original"), {});
}

RestReply *RestClient::createFollowUp(const QString &applicationId, const QString &token,
                                      const Message &message)
{
    // wait=true: answer with the message (its id), not an empty 204.
    return sendMessage("POST", webhookPath(applicationId, token) + QStringLiteral("?wait=true"),
                       message, Message::Mode::Create);
}

} // namespace Pterodisbot
