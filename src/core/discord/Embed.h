#pragma once

#include <optional>

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace Pterodisbot {

//! One field of an embed.
struct EmbedField
{
    QString name;
    QString value;
    bool isInline = false;

    bool operator==(const EmbedField &other) const = default;
};

//! A Discord rich embed. Plain data: set anything, even too much. Discord's limits (title
//! 256, 25 fields, 6000 in total, ...) are applied by MessageLimits when the embed is
//! serialized, so no caller has to count characters and no body is ever refused.
struct Embed
{
    QString title;
    QString description;
    QString url;
    //! 0x000000–0xFFFFFF; an out-of-range colour is dropped on serialization.
    std::optional<qint64> color;
    QDateTime timestamp;
    QString footerText;
    QString footerIconUrl;
    QString authorName;
    QString authorUrl;
    QString authorIconUrl;
    //! An https URL, or "attachment://<filename>" for a file uploaded with the message.
    QString imageUrl;
    QString thumbnailUrl;
    QList<EmbedField> fields;

    Embed &addField(const QString &name, const QString &value, bool isInline = false);
    //! Points the image at a file sent with the same request (files[n]).
    void setImageAttachment(const QString &filename);
    //! The characters Discord counts toward the 6000 limit of a message's embeds: title,
    //! description, field names and values, footer text and author name.
    int textLength() const;
    //! True when nothing would be shown; such an embed is dropped from a message.
    bool isEmpty() const;

    //! The JSON object Discord expects, after MessageLimits::enforce(Embed).
    QJsonObject toJson() const;
    //! Reads an embed as Discord returns it; unknown keys are ignored.
    static Embed fromJson(const QJsonObject &json);

    bool operator==(const Embed &other) const = default;
};

} // namespace Pterodisbot
