#include "DiscordRest.h"

#include <QJsonDocument>
#include <QMimeDatabase>
#include <QRegularExpression>

#include "DiscordMultipart.h"
#include "DiscordObjects.h"
#include "DiscordState.h"
#include "DiscordValidation.h"

namespace PterodisbotSim {

namespace {
constexpr int EPHEMERAL = 1 << 6;
constexpr int LOADING = 1 << 7;
// Flags a bot may set on a message it sends: SUPPRESS_EMBEDS, SUPPRESS_NOTIFICATIONS.
constexpr int SETTABLE_FLAGS = (1 << 2) | (1 << 12);
constexpr qsizetype maxFileBytes = 10 * 1024 * 1024;
constexpr qsizetype maxRequestBytes = 25 * 1024 * 1024;
constexpr int maxFiles = 10;

DiscordHttpReply invalidJson()
{
    return DiscordHttpReply::error(400, 50109,
                                   QStringLiteral("The request body contains invalid JSON."));
}

// "files[3]" -> 3, "file" -> 0, anything else -> -1.
int fileIndex(const QString &name)
{
    static const QRegularExpression pattern(QStringLiteral("^files\\[(\\d+)\\]$"));
    const auto match = pattern.match(name);
    if (match.hasMatch())
        return match.captured(1).toInt();
    return name == QLatin1String("file") ? 0 : -1;
}

QString idText(const QJsonValue &value)
{
    return value.isDouble() ? QString::number(qint64(value.toDouble())) : value.toString();
}
} // namespace

std::optional<DiscordHttpReply> DiscordRest::checkChannel(const QString &channelId,
                                                          bool writing) const
{
    const SimChannel *channel = m_state->channel(channelId);
    if (!channel)
        return DiscordHttpReply::error(404, 10003, QStringLiteral("Unknown Channel"));
    if (channel->access == SimChannelAccess::NoAccess)
        return DiscordHttpReply::error(403, 50001, QStringLiteral("Missing Access"));
    constexpr int category = 4;
    if (writing && channel->type == category)
        return DiscordHttpReply::error(
            400, 50008, QStringLiteral("Cannot send messages in a non-text channel"));
    if (writing && channel->access == SimChannelAccess::NoPermission)
        return DiscordHttpReply::error(403, 50013, QStringLiteral("Missing Permissions"));
    return std::nullopt;
}

std::optional<DiscordHttpReply> DiscordRest::readMessageInput(const Call &call,
                                                              MessageInput *input) const
{
    if (call.contentType.toLower().startsWith("multipart/form-data")) {
        const auto parts = parseMultipart(call.contentType, call.body);
        if (!parts)
            return DiscordHttpReply::error(400, 0, QStringLiteral("400: Bad Request"));
        if (call.body.size() > maxRequestBytes)
            return DiscordHttpReply::error(413, 40005, QStringLiteral("Request entity too large"));
        for (const MultipartPart &part : *parts) {
            if (part.name == QLatin1String("payload_json")) {
                const QJsonDocument document = QJsonDocument::fromJson(part.data);
                if (!document.isObject())
                    return invalidJson();
                input->payload = document.object();
            } else if (fileIndex(part.name) >= 0) {
                if (part.data.size() > maxFileBytes) {
                    return DiscordHttpReply::error(413, 40005,
                                                   QStringLiteral("Request entity too large"));
                }
                input->files.append(part);
            }
        }
        if (input->files.size() > maxFiles) {
            DiscordFormErrors errors;
            errors.maxLength({QStringLiteral("files")}, maxFiles);
            return DiscordHttpReply::error(400, 50035, QStringLiteral("Invalid Form Body"),
                                           errors.toJson());
        }
        return std::nullopt;
    }
    const QJsonDocument document = QJsonDocument::fromJson(call.body);
    if (!document.isObject())
        return invalidJson();
    input->payload = document.object();
    return std::nullopt;
}

std::optional<DiscordHttpReply> DiscordRest::applyMessageInput(const MessageInput &input,
                                                               SimMessage &message, bool isEdit,
                                                               const QStringList &errorPrefix)
{
    const QJsonObject &payload = input.payload;
    DiscordFormErrors errors;
    DiscordValidation::validateMessage(payload, errors, errorPrefix);

    const auto newAttachment = [&](const MultipartPart &part, const QString &filename) {
        SimAttachment attachment;
        attachment.id = m_state->nextSnowflake();
        attachment.filename = filename.isEmpty() ? part.filename : filename;
        if (attachment.filename.isEmpty())
            attachment.filename = QStringLiteral("unknown");
        attachment.contentType = QString::fromLatin1(part.contentType);
        if (attachment.contentType.isEmpty() ||
            attachment.contentType == QLatin1String("application/octet-stream")) {
            attachment.contentType =
                QMimeDatabase().mimeTypeForFileNameAndData(attachment.filename, part.data).name();
        }
        attachment.bytes = part.data;
        attachment.url = m_state->publicBase() + QStringLiteral("/attachments/") +
                         message.channelId + QLatin1Char('/') + attachment.id + QLatin1Char('/') +
                         QString::fromLatin1(QUrl::toPercentEncoding(attachment.filename));
        return attachment;
    };
    const auto fileAt = [&](int index) -> const MultipartPart * {
        for (const MultipartPart &part : input.files) {
            if (fileIndex(part.name) == index)
                return &part;
        }
        return nullptr;
    };

    // v10: `attachments` lists every attachment to keep (by id) and names new files by index.
    QList<SimAttachment> attachments = isEdit ? message.attachments : QList<SimAttachment>();
    QList<const MultipartPart *> used;
    if (payload.value(QStringLiteral("attachments")).isArray()) {
        const QJsonArray entries = payload.value(QStringLiteral("attachments")).toArray();
        QList<SimAttachment> listed;
        for (qsizetype i = 0; i < entries.size(); ++i) {
            const QJsonObject entry = entries.at(i).toObject();
            const QString id = idText(entry.value(QStringLiteral("id")));
            const auto existing = std::find_if(attachments.cbegin(), attachments.cend(),
                                               [&](const SimAttachment &a) { return a.id == id; });
            bool isIndex = false;
            const int index = id.toInt(&isIndex);
            if (existing != attachments.cend()) {
                listed.append(*existing);
            } else if (const MultipartPart *part = isIndex ? fileAt(index) : nullptr) {
                listed.append(
                    newAttachment(*part, entry.value(QStringLiteral("filename")).toString()));
                used.append(part);
            } else if (entry.contains(QStringLiteral("id"))) {
                errors.add(errorPrefix + QStringList{QStringLiteral("attachments"),
                                                     QString::number(i), QStringLiteral("id")},
                           QStringLiteral("ATTACHMENT_NOT_FOUND"),
                           QStringLiteral("Unknown attachment id \"%1\".").arg(id));
            }
        }
        attachments = listed;
    }
    if (!isEdit || !payload.contains(QStringLiteral("attachments"))) {
        // Files a create (or an edit without a list) does not name are attached as they are.
        for (const MultipartPart &part : input.files) {
            if (!used.contains(&part))
                attachments.append(newAttachment(part, {}));
        }
    }
    if (attachments.size() > maxFiles)
        errors.maxLength(errorPrefix + QStringList{QStringLiteral("attachments")}, maxFiles);

    const QJsonArray embeds = payload.contains(QStringLiteral("embeds"))
                                  ? payload.value(QStringLiteral("embeds")).toArray()
                                  : (isEdit ? message.embeds : QJsonArray());
    QStringList filenames;
    for (const SimAttachment &attachment : std::as_const(attachments))
        filenames.append(attachment.filename);
    DiscordValidation::validateAttachmentReferences(embeds, filenames, errors, errorPrefix);
    if (!errors.isEmpty()) {
        return DiscordHttpReply::error(400, 50035, QStringLiteral("Invalid Form Body"),
                                       errors.toJson());
    }

    const QString content = payload.contains(QStringLiteral("content"))
                                ? payload.value(QStringLiteral("content")).toString()
                                : (isEdit ? message.content : QString());
    const QJsonArray components = payload.contains(QStringLiteral("components"))
                                      ? payload.value(QStringLiteral("components")).toArray()
                                      : (isEdit ? message.components : QJsonArray());
    if (content.isEmpty() && embeds.isEmpty() && components.isEmpty() && attachments.isEmpty())
        return DiscordHttpReply::error(400, 50006, QStringLiteral("Cannot send an empty message"));

    message.content = content;
    message.embeds = embeds;
    message.components = components;
    message.attachments = attachments;
    if (!isEdit)
        message.ephemeral =
            message.ephemeral || (message.isInteractionResponse &&
                                  (payload.value(QStringLiteral("flags")).toInt() & EPHEMERAL));
    int flags = isEdit ? (message.flags & ~(SETTABLE_FLAGS | LOADING)) : 0;
    if (payload.contains(QStringLiteral("flags")) || !isEdit)
        flags |= payload.value(QStringLiteral("flags")).toInt() & SETTABLE_FLAGS;
    else
        flags |= message.flags & SETTABLE_FLAGS;
    message.flags = flags | (message.ephemeral ? EPHEMERAL : 0);
    if (isEdit) {
        ++message.editCount;
        message.editedElapsedMs = m_state->nowMs();
    }
    return std::nullopt;
}

DiscordHttpReply DiscordRest::messageReply(const SimMessage &message) const
{
    return DiscordHttpReply::json(200, DiscordObjects::message(*m_state, message));
}

std::optional<DiscordHttpReply> DiscordRest::createMessage(const Call &call)
{
    const QString channelId = call.segments.at(1);
    if (auto error = checkChannel(channelId, true))
        return error;
    MessageInput input;
    if (auto error = readMessageInput(call, &input))
        return error;
    SimMessage message;
    message.id = m_state->nextSnowflake();
    message.channelId = channelId;
    message.createdElapsedMs = m_state->nowMs();
    if (auto error = applyMessageInput(input, message, false, {}))
        return error;
    m_state->addMessage(message);
    emit messageCreated(channelId, message.id);
    return messageReply(message);
}

std::optional<DiscordHttpReply> DiscordRest::editMessage(const Call &call)
{
    const QString channelId = call.segments.at(1);
    if (auto error = checkChannel(channelId, true))
        return error;
    SimMessage *message = m_state->message(call.segments.at(3));
    if (!message || message->channelId != channelId || message->ephemeral)
        return DiscordHttpReply::error(404, 10008, QStringLiteral("Unknown Message"));
    if (m_state->nowMs() - message->createdElapsedMs > m_state->options().oldMessageAgeMs) {
        const auto decision = m_rateLimits.checkOldMessageEdit(channelId);
        if (decision.limited) {
            return DiscordRateLimits::tooManyRequests(
                decision, false, "user", 30046,
                QStringLiteral("Maximum number of edits to messages older than 1 hour reached. "
                               "Try again later"));
        }
    }
    MessageInput input;
    if (auto error = readMessageInput(call, &input))
        return error;
    SimMessage edited = *message;
    if (auto error = applyMessageInput(input, edited, true, {}))
        return error;
    *message = edited;
    emit messageEdited(channelId, edited.id);
    return messageReply(edited);
}

std::optional<DiscordHttpReply> DiscordRest::deleteMessage(const Call &call)
{
    const QString channelId = call.segments.at(1);
    if (auto error = checkChannel(channelId, false))
        return error;
    const SimMessage *message = m_state->message(call.segments.at(3));
    if (!message || message->channelId != channelId || message->ephemeral)
        return DiscordHttpReply::error(404, 10008, QStringLiteral("Unknown Message"));
    const QString id = message->id;
    m_state->removeMessage(id);
    emit messageDeleted(channelId, id);
    return DiscordHttpReply::noContent();
}

std::optional<DiscordHttpReply> DiscordRest::getMessage(const Call &call)
{
    const QString channelId = call.segments.at(1);
    if (auto error = checkChannel(channelId, false))
        return error;
    const SimMessage *message = m_state->message(call.segments.at(3));
    if (!message || message->channelId != channelId || message->ephemeral)
        return DiscordHttpReply::error(404, 10008, QStringLiteral("Unknown Message"));
    return messageReply(*message);
}

std::optional<DiscordHttpReply> DiscordRest::listMessages(const Call &call)
{
    const QString channelId = call.segments.at(1);
    if (auto error = checkChannel(channelId, false))
        return error;
    bool ok = true;
    const QString limitText = call.query.queryItemValue(QStringLiteral("limit"));
    const int limit = limitText.isEmpty() ? 50 : limitText.toInt(&ok);
    if (!ok || limit < 1 || limit > 100) {
        DiscordFormErrors errors;
        errors.add({QStringLiteral("limit")}, QStringLiteral("NUMBER_TYPE_MAX"),
                   QStringLiteral("int value should be between 1 and 100."));
        return DiscordHttpReply::error(400, 50035, QStringLiteral("Invalid Form Body"),
                                       errors.toJson());
    }
    const quint64 before = call.query.queryItemValue(QStringLiteral("before")).toULongLong();
    const quint64 after = call.query.queryItemValue(QStringLiteral("after")).toULongLong();
    QList<SimMessage> all = m_state->channelMessages(channelId);
    QJsonArray result; // newest first, as Discord answers
    if (after > 0) {
        QList<SimMessage> picked;
        for (const SimMessage &message : all) {
            if (message.id.toULongLong() > after && picked.size() < limit)
                picked.append(message);
        }
        for (auto it = picked.crbegin(); it != picked.crend(); ++it)
            result.append(DiscordObjects::message(*m_state, *it));
    } else {
        for (auto it = all.crbegin(); it != all.crend() && result.size() < limit; ++it) {
            if (before == 0 || it->id.toULongLong() < before)
                result.append(DiscordObjects::message(*m_state, *it));
        }
    }
    return DiscordHttpReply::json(200, result);
}

} // namespace PterodisbotSim
