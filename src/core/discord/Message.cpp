#include "discord/Message.h"

#include <QJsonArray>

#include "discord/MessageLimits.h"

namespace Pterodisbot {

QJsonObject Message::toJson(Mode mode) const
{
    const Message valid = MessageLimits::enforce(*this);
    const bool edit = mode == Mode::Edit;
    QJsonObject json;

    if (edit || !valid.content.isEmpty())
        json.insert(QStringLiteral("content"), valid.content);
    if (edit || !valid.embeds.isEmpty()) {
        QJsonArray embeds;
        for (const Embed &embed : valid.embeds)
            embeds.append(embed.toJson());
        json.insert(QStringLiteral("embeds"), embeds);
    }
    if (edit || !valid.components.isEmpty()) {
        QJsonArray rows;
        for (const ActionRow &row : valid.components)
            rows.append(row.toJson());
        json.insert(QStringLiteral("components"), rows);
    }
    // On an edit the list is the complete set that remains, so it is always sent; an
    // empty list removes every attachment (which is what a re-render without image means).
    if (edit || !valid.files.isEmpty() || !valid.keptAttachments.isEmpty()) {
        QJsonArray attachments;
        for (qsizetype i = 0; i < valid.files.size(); ++i) {
            QJsonObject attachment{{QStringLiteral("id"), QString::number(i)},
                                   {QStringLiteral("filename"), valid.files.at(i).filename}};
            if (!valid.files.at(i).description.isEmpty())
                attachment.insert(QStringLiteral("description"), valid.files.at(i).description);
            attachments.append(attachment);
        }
        for (const KeptAttachment &kept : valid.keptAttachments) {
            QJsonObject attachment{{QStringLiteral("id"), kept.id}};
            if (!kept.filename.isEmpty())
                attachment.insert(QStringLiteral("filename"), kept.filename);
            attachments.append(attachment);
        }
        json.insert(QStringLiteral("attachments"), attachments);
    }
    // Only SUPPRESS_EMBEDS may change on an edit; ephemerality is fixed at creation.
    const int flags = edit ? (valid.flags & SuppressEmbeds) : valid.flags;
    if (flags)
        json.insert(QStringLiteral("flags"), flags);
    if (valid.suppressMentions)
        json.insert(QStringLiteral("allowed_mentions"),
                    QJsonObject{{QStringLiteral("parse"), QJsonArray{}}});
    return json;
}

std::optional<MessageInfo> MessageInfo::fromJson(const QJsonObject &json, QString *error)
{
    MessageInfo info;
    info.id = json.value(QStringLiteral("id")).toString();
    info.channelId = json.value(QStringLiteral("channel_id")).toString();
    if (info.id.isEmpty() || info.channelId.isEmpty()) {
        if (error)
            *error = QStringLiteral("message without id or channel_id");
        return std::nullopt;
    }
    info.content = json.value(QStringLiteral("content")).toString();
    for (const QJsonValue &embed : json.value(QStringLiteral("embeds")).toArray())
        info.embeds.append(Embed::fromJson(embed.toObject()));
    for (const QJsonValue &value : json.value(QStringLiteral("attachments")).toArray()) {
        const QJsonObject attachment = value.toObject();
        info.attachments.append(
            AttachmentInfo{attachment.value(QStringLiteral("id")).toString(),
                           attachment.value(QStringLiteral("filename")).toString(),
                           attachment.value(QStringLiteral("content_type")).toString(),
                           attachment.value(QStringLiteral("url")).toString(),
                           attachment.value(QStringLiteral("size")).toInteger()});
    }
    info.flags = json.value(QStringLiteral("flags")).toInt();
    info.edited = json.value(QStringLiteral("edited_timestamp")).isString();
    return info;
}

} // namespace Pterodisbot
