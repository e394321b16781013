#pragma once

#include <optional>

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include "discord/Components.h"
#include "discord/Embed.h"

namespace Pterodisbot {

//! A file uploaded with a message as the multipart part files[n] (n = its index).
struct MessageFile
{
    QString filename; //!< what "attachment://<filename>" refers to
    QByteArray bytes;
    QString contentType = QStringLiteral("image/png");
    QString description;

    bool operator==(const MessageFile &other) const = default;
};

//! An attachment the message already has and that must survive an edit. On PATCH Discord
//! removes every attachment not listed, so an edit that keeps its image lists it here.
struct KeptAttachment
{
    QString id;
    QString filename;

    bool operator==(const KeptAttachment &other) const = default;
};

//! The body of a message we send: create, edit, interaction response, follow-up.
//! Plain data; Discord's limits are enforced in one place (MessageLimits) when it is
//! serialized, so whatever is put in here, the body sent is valid.
struct Message
{
    enum Flag : int {
        SuppressEmbeds = 1 << 2,
        Ephemeral = 1 << 6,
        //! Components v2 disables embeds: never sent (removed on serialization).
        ComponentsV2 = 1 << 15,
    };

    QString content;
    QList<Embed> embeds;
    QList<ActionRow> components;
    QList<MessageFile> files;
    QList<KeptAttachment> keptAttachments;
    int flags = 0;
    //! Sends allowed_mentions {parse: []}: server names in embeds never ping anyone.
    bool suppressMentions = true;

    //! How absent fields are read: a create omits empty parts, an edit replaces content,
    //! embeds, components and attachments as a whole (an edit is a full re-render).
    enum class Mode { Create, Edit };

    bool isEphemeral() const { return flags & Ephemeral; }
    bool needsMultipart() const { return !files.isEmpty(); }

    //! payload_json / JSON body, after MessageLimits::enforce(Message). Files become
    //! attachments [{id:"n", filename}] in order, kept attachments follow with their ids.
    QJsonObject toJson(Mode mode = Mode::Create) const;

    bool operator==(const Message &other) const = default;
};

//! An attachment as Discord reports it on a message.
struct AttachmentInfo
{
    QString id;
    QString filename;
    QString contentType;
    QString url;
    qint64 size = 0;
};

//! A message as Discord returns it (create, edit, fetch).
struct MessageInfo
{
    QString id;
    QString channelId;
    QString content;
    QList<Embed> embeds;
    QList<AttachmentInfo> attachments;
    int flags = 0;
    bool edited = false;

    //! std::nullopt (with \a error set) when id or channel_id is missing.
    static std::optional<MessageInfo> fromJson(const QJsonObject &json, QString *error = nullptr);
};

} // namespace Pterodisbot
