#include "DiscordRest.h"

#include <QJsonDocument>

#include "DiscordMultipart.h"
#include "DiscordObjects.h"
#include "DiscordState.h"
#include "DiscordValidation.h"

namespace PterodisbotSim {

namespace {
constexpr int EPHEMERAL = 1 << 6;
constexpr int LOADING = 1 << 7;

enum CallbackType {
    Pong = 1,
    ChannelMessage = 4,
    DeferredChannelMessage = 5,
    DeferredUpdateMessage = 6,
    UpdateMessage = 7,
    AutocompleteResult = 8,
    Modal = 9
};

DiscordHttpReply invalidForm(const DiscordFormErrors &errors)
{
    return DiscordHttpReply::error(400, 50035, QStringLiteral("Invalid Form Body"),
                                   errors.toJson());
}

DiscordHttpReply unknownMessage()
{
    return DiscordHttpReply::error(404, 10008, QStringLiteral("Unknown Message"));
}

// A localization dictionary as stored: what the command gave (already validated), else null.
QJsonValue localizations(const QJsonObject &command, const char *key)
{
    const QJsonValue value = command.value(QLatin1String(key));
    return value.isObject() ? value : QJsonValue(QJsonValue::Null);
}

// A command (or option) as GET answers it without with_localizations: no dictionaries.
QJsonObject withoutLocalizations(QJsonObject object)
{
    object.remove(QStringLiteral("name_localizations"));
    object.remove(QStringLiteral("description_localizations"));
    if (object.value(QStringLiteral("options")).isArray()) {
        QJsonArray options;
        for (const QJsonValue &option : object.value(QStringLiteral("options")).toArray())
            options.append(withoutLocalizations(option.toObject()));
        object.insert(QStringLiteral("options"), options);
    }
    return object;
}
} // namespace

std::optional<DiscordHttpReply> DiscordRest::interactionCallback(const Call &call)
{
    SimInteraction *interaction = m_state->interaction(call.segments.at(1));
    if (!interaction || interaction->token != call.segments.at(2))
        return DiscordHttpReply::error(404, 10062, QStringLiteral("Unknown interaction"));
    if (interaction->ackMs >= 0) {
        return DiscordHttpReply::error(
            400, 40060, QStringLiteral("Interaction has already been acknowledged."));
    }
    const qint64 now = m_state->nowMs();
    if (now - interaction->createdMs > m_state->options().interactionTimeoutMs)
        return DiscordHttpReply::error(404, 10062, QStringLiteral("Unknown interaction"));

    MessageInput body;
    if (auto error = readMessageInput(call, &body))
        return error;
    const int type = body.payload.value(QStringLiteral("type")).toInt(0);
    const QJsonObject data = body.payload.value(QStringLiteral("data")).toObject();
    const bool component = interaction->type == 3;
    const bool valid = type == ChannelMessage || type == DeferredChannelMessage || type == Modal ||
                       (component && (type == DeferredUpdateMessage || type == UpdateMessage)) ||
                       (interaction->type == 4 && type == AutocompleteResult);
    if (!valid) {
        DiscordFormErrors errors;
        errors.add({QStringLiteral("type")}, QStringLiteral("INTERACTION_RESPONSE_TYPE_INVALID"),
                   type == Pong ? QStringLiteral("PONG is only valid for HTTP interactions")
                                : QStringLiteral("Interaction response type %1 is not valid for "
                                                 "interaction type %2")
                                      .arg(type)
                                      .arg(interaction->type));
        return invalidForm(errors);
    }
    const MessageInput dataInput{data, body.files};
    QString originalId;
    bool edited = false;
    bool created = false;
    switch (type) {
    case ChannelMessage:
    case DeferredChannelMessage: {
        SimMessage message;
        message.id = m_state->nextSnowflake();
        message.channelId = interaction->channelId;
        message.createdElapsedMs = now;
        message.isInteractionResponse = true;
        message.interactionId = interaction->id;
        message.ephemeral = data.value(QStringLiteral("flags")).toInt() & EPHEMERAL;
        if (type == ChannelMessage) {
            if (auto error = applyMessageInput(dataInput, message, false, {QStringLiteral("data")}))
                return error;
        } else {
            message.flags = LOADING | (message.ephemeral ? EPHEMERAL : 0); // "thinking..."
        }
        m_state->addMessage(message);
        originalId = message.id;
        created = true;
        break;
    }
    case DeferredUpdateMessage:
        originalId = interaction->componentMessageId;
        break;
    case UpdateMessage: {
        SimMessage *message = m_state->message(interaction->componentMessageId);
        if (!message)
            return unknownMessage();
        SimMessage updated = *message;
        if (auto error = applyMessageInput(dataInput, updated, true, {QStringLiteral("data")}))
            return error;
        *message = updated;
        originalId = updated.id;
        edited = true;
        break;
    }
    case AutocompleteResult:
        if (data.value(QStringLiteral("choices")).toArray().size() > 25) {
            DiscordFormErrors errors;
            errors.maxLength({QStringLiteral("data"), QStringLiteral("choices")}, 25);
            return invalidForm(errors);
        }
        break;
    case Modal: {
        DiscordFormErrors errors;
        const QStringList path{QStringLiteral("data")};
        if (DiscordValidation::textLength(data.value(QStringLiteral("title")).toString()) > 45)
            errors.maxLength(path + QStringList{QStringLiteral("title")}, 45);
        const int idLength =
            DiscordValidation::textLength(data.value(QStringLiteral("custom_id")).toString());
        if (idLength < 1 || idLength > 100)
            errors.badLength(path + QStringList{QStringLiteral("custom_id")}, 1, 100);
        if (!errors.isEmpty())
            return invalidForm(errors);
        break;
    }
    }
    interaction->ackMs = now;
    interaction->response = {{QStringLiteral("type"), type}, {QStringLiteral("data"), data}};
    interaction->originalMessageId = originalId;
    if (created)
        emit messageCreated(interaction->channelId, originalId);
    if (edited)
        emit messageEdited(interaction->channelId, originalId);
    emit interactionAnswered(interaction->id);

    if (call.query.queryItemValue(QStringLiteral("with_response")) != QLatin1String("true"))
        return DiscordHttpReply::noContent();
    QJsonObject resource{{QStringLiteral("type"), type}};
    if (const SimMessage *message = originalId.isEmpty() ? nullptr : m_state->message(originalId);
        message && type != DeferredUpdateMessage)
        resource.insert(QStringLiteral("message"), DiscordObjects::message(*m_state, *message));
    return DiscordHttpReply::json(
        200,
        QJsonObject{{QStringLiteral("interaction"),
                     QJsonObject{{QStringLiteral("id"), interaction->id},
                                 {QStringLiteral("type"), interaction->type},
                                 {QStringLiteral("response_message_id"), originalId},
                                 {QStringLiteral("response_message_loading"),
                                  type == DeferredChannelMessage},
                                 {QStringLiteral("response_message_ephemeral"),
                                  bool(data.value(QStringLiteral("flags")).toInt() & EPHEMERAL)}}},
                    {QStringLiteral("resource"), resource}});
}

std::optional<DiscordHttpReply> DiscordRest::webhookInteraction(const Call &call,
                                                                SimInteraction **interaction)
{
    *interaction = nullptr;
    SimInteraction *found = m_state->interactionByToken(call.segments.at(2));
    if (call.segments.at(1) != m_state->options().applicationId || !found)
        return DiscordHttpReply::error(404, 10015, QStringLiteral("Unknown Webhook"));
    if (m_state->nowMs() - found->createdMs > m_state->options().interactionTokenLifetimeMs)
        return DiscordHttpReply::error(401, 50027, QStringLiteral("Invalid Webhook Token"));
    if (found->ackMs < 0) // no webhook exists before the interaction was answered
        return DiscordHttpReply::error(404, 10015, QStringLiteral("Unknown Webhook"));
    *interaction = found;
    return std::nullopt;
}

std::optional<DiscordHttpReply> DiscordRest::createFollowUp(const Call &call)
{
    SimInteraction *interaction = nullptr;
    if (auto error = webhookInteraction(call, &interaction))
        return error;
    MessageInput input;
    if (auto error = readMessageInput(call, &input))
        return error;
    SimMessage message;
    message.id = m_state->nextSnowflake();
    message.channelId = interaction->channelId;
    message.createdElapsedMs = m_state->nowMs();
    message.isInteractionResponse = true;
    message.interactionId = interaction->id;
    message.ephemeral = input.payload.value(QStringLiteral("flags")).toInt() & EPHEMERAL;
    if (auto error = applyMessageInput(input, message, false, {}))
        return error;
    m_state->addMessage(message);
    interaction->followUpIds.append(message.id);
    emit messageCreated(message.channelId, message.id);
    return messageReply(message);
}

std::optional<DiscordHttpReply> DiscordRest::webhookMessage(const Call &call)
{
    SimInteraction *interaction = nullptr;
    if (auto error = webhookInteraction(call, &interaction))
        return error;
    const QString requested = call.segments.at(4);
    const bool original =
        requested == QLatin1String("@original") || requested == interaction->originalMessageId;
    const QString id = original ? interaction->originalMessageId : requested;
    if ((original && interaction->originalDeleted) ||
        (!original && !interaction->followUpIds.contains(id)))
        return unknownMessage();
    SimMessage *message = id.isEmpty() ? nullptr : m_state->message(id);
    if (!message)
        return unknownMessage();
    if (call.method == QLatin1String("GET"))
        return messageReply(*message);
    if (call.method == QLatin1String("DELETE")) {
        const QString channelId = message->channelId;
        m_state->removeMessage(id);
        if (original)
            interaction->originalDeleted = true;
        else
            interaction->followUpIds.removeAll(id);
        emit messageDeleted(channelId, id);
        return DiscordHttpReply::noContent();
    }
    MessageInput input;
    if (auto error = readMessageInput(call, &input))
        return error;
    SimMessage edited = *message;
    if (auto error = applyMessageInput(input, edited, true, {}))
        return error;
    *message = edited;
    emit messageEdited(edited.channelId, edited.id);
    return messageReply(edited);
}

std::optional<DiscordHttpReply> DiscordRest::checkCommandScope(const Call &call) const
{
    if (call.segments.at(1) != m_state->options().applicationId ||
        call.segments.at(3) != m_state->options().guildId)
        return DiscordHttpReply::error(403, 50001, QStringLiteral("Missing Access"));
    return std::nullopt;
}

QJsonObject DiscordRest::storedCommand(const QJsonObject &command, const QJsonArray &previous)
{
    const int type = command.value(QStringLiteral("type")).toInt(1);
    const QString name = command.value(QStringLiteral("name")).toString();
    QString id;
    for (const QJsonValue &value : previous) {
        const QJsonObject old = value.toObject();
        if (old.value(QStringLiteral("name")).toString() == name &&
            old.value(QStringLiteral("type")).toInt() == type)
            id = old.value(QStringLiteral("id")).toString();
    }
    QJsonObject stored{
        {QStringLiteral("id"), id.isEmpty() ? m_state->nextSnowflake() : id},
        {QStringLiteral("application_id"), m_state->options().applicationId},
        {QStringLiteral("guild_id"), m_state->options().guildId},
        {QStringLiteral("version"), m_state->nextSnowflake()},
        {QStringLiteral("type"), type},
        {QStringLiteral("name"), name},
        {QStringLiteral("name_localizations"), localizations(command, "name_localizations")},
        {QStringLiteral("description"), command.value(QStringLiteral("description")).toString()},
        {QStringLiteral("description_localizations"),
         localizations(command, "description_localizations")},
        {QStringLiteral("default_member_permissions"),
         command.value(QStringLiteral("default_member_permissions")).isString()
             ? command.value(QStringLiteral("default_member_permissions"))
             : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("nsfw"), command.value(QStringLiteral("nsfw")).toBool(false)},
        {QStringLiteral("integration_types"), QJsonArray{0}},
        {QStringLiteral("contexts"), QJsonValue(QJsonValue::Null)}};
    if (command.contains(QStringLiteral("options")))
        stored.insert(QStringLiteral("options"), command.value(QStringLiteral("options")));
    return stored;
}

std::optional<DiscordHttpReply> DiscordRest::getCommands(const Call &call)
{
    if (auto error = checkCommandScope(call))
        return error;
    // The localization dictionaries only on request (with_localizations=true); without it
    // Discord leaves them out.
    if (call.query.queryItemValue(QStringLiteral("with_localizations")) == QLatin1String("true"))
        return DiscordHttpReply::json(200, m_state->commands());
    QJsonArray commands;
    for (const QJsonValue &command : m_state->commands())
        commands.append(withoutLocalizations(command.toObject()));
    return DiscordHttpReply::json(200, commands);
}

std::optional<DiscordHttpReply> DiscordRest::putCommands(const Call &call)
{
    if (auto error = checkCommandScope(call))
        return error;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(call.body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return DiscordHttpReply::error(400, 50109,
                                       QStringLiteral("The request body contains invalid JSON."));
    DiscordFormErrors errors;
    const QJsonValue body =
        document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object());
    DiscordValidation::validateCommandList(body, errors);
    if (!errors.isEmpty())
        return invalidForm(errors);
    QJsonArray stored;
    for (const QJsonValue &command : document.array())
        stored.append(storedCommand(command.toObject(), m_state->commands()));
    m_state->setCommands(stored);
    emit commandsRegistered();
    return DiscordHttpReply::json(200, stored);
}

std::optional<DiscordHttpReply> DiscordRest::postCommand(const Call &call)
{
    if (auto error = checkCommandScope(call))
        return error;
    const QJsonDocument document = QJsonDocument::fromJson(call.body);
    if (!document.isObject())
        return DiscordHttpReply::error(400, 50109,
                                       QStringLiteral("The request body contains invalid JSON."));
    DiscordFormErrors errors;
    DiscordValidation::validateCommand(document.object(), errors);
    if (!errors.isEmpty())
        return invalidForm(errors);
    const QJsonObject command = storedCommand(document.object(), m_state->commands());
    QJsonArray commands = m_state->commands();
    bool replaced = false;
    for (qsizetype i = 0; i < commands.size(); ++i) {
        if (commands.at(i).toObject().value(QStringLiteral("id")) ==
            command.value(QStringLiteral("id"))) {
            commands.replace(i, command);
            replaced = true;
        }
    }
    if (!replaced)
        commands.append(command);
    m_state->setCommands(commands);
    emit commandsRegistered();
    return DiscordHttpReply::json(replaced ? 200 : 201, command);
}

} // namespace PterodisbotSim
