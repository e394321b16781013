#include "discord/Embed.h"

#include <QJsonArray>

#include "discord/MessageLimits.h"

namespace Pterodisbot {

namespace {

void putIfSet(QJsonObject &object, const QString &key, const QString &value)
{
    if (!value.isEmpty())
        object.insert(key, value);
}

QJsonObject serialize(const Embed &embed)
{
    QJsonObject json;
    putIfSet(json, QStringLiteral("title"), embed.title);
    putIfSet(json, QStringLiteral("description"), embed.description);
    putIfSet(json, QStringLiteral("url"), embed.url);
    if (embed.color)
        json.insert(QStringLiteral("color"), *embed.color);
    if (embed.timestamp.isValid())
        json.insert(QStringLiteral("timestamp"),
                    embed.timestamp.toUTC().toString(Qt::ISODateWithMs));
    if (!embed.footerText.isEmpty()) {
        QJsonObject footer{{QStringLiteral("text"), embed.footerText}};
        putIfSet(footer, QStringLiteral("icon_url"), embed.footerIconUrl);
        json.insert(QStringLiteral("footer"), footer);
    }
    if (!embed.authorName.isEmpty()) {
        QJsonObject author{{QStringLiteral("name"), embed.authorName}};
        putIfSet(author, QStringLiteral("url"), embed.authorUrl);
        putIfSet(author, QStringLiteral("icon_url"), embed.authorIconUrl);
        json.insert(QStringLiteral("author"), author);
    }
    if (!embed.imageUrl.isEmpty())
        json.insert(QStringLiteral("image"), QJsonObject{{QStringLiteral("url"), embed.imageUrl}});
    if (!embed.thumbnailUrl.isEmpty())
        json.insert(QStringLiteral("thumbnail"),
                    QJsonObject{{QStringLiteral("url"), embed.thumbnailUrl}});
    if (!embed.fields.isEmpty()) {
        QJsonArray fields;
        for (const EmbedField &field : embed.fields)
            fields.append(QJsonObject{{QStringLiteral("name"), field.name},
                                      {QStringLiteral("value"), field.value},
                                      {QStringLiteral("inline"), field.isInline}});
        json.insert(QStringLiteral("fields"), fields);
    }
    return json;
}

} // namespace

Embed &Embed::addField(const QString &name, const QString &value, bool isInline)
{
    fields.append(EmbedField{name, value, isInline});
    return *this;
}

void Embed::setImageAttachment(const QString &filename)
{
    imageUrl = QStringLiteral("attachment://") + filename;
}

int Embed::textLength() const
{
    qsizetype length = title.size() + description.size() + footerText.size() + authorName.size();
    for (const EmbedField &field : fields)
        length += field.name.size() + field.value.size();
    return int(length);
}

bool Embed::isEmpty() const
{
    return title.isEmpty() && description.isEmpty() && fields.isEmpty() && imageUrl.isEmpty() &&
           thumbnailUrl.isEmpty() && footerText.isEmpty() && authorName.isEmpty();
}

QJsonObject Embed::toJson() const
{
    return serialize(MessageLimits::enforce(*this));
}

Embed Embed::fromJson(const QJsonObject &json)
{
    Embed embed;
    embed.title = json.value(QStringLiteral("title")).toString();
    embed.description = json.value(QStringLiteral("description")).toString();
    embed.url = json.value(QStringLiteral("url")).toString();
    if (json.value(QStringLiteral("color")).isDouble())
        embed.color = json.value(QStringLiteral("color")).toInteger();
    const QString timestamp = json.value(QStringLiteral("timestamp")).toString();
    if (!timestamp.isEmpty())
        embed.timestamp = QDateTime::fromString(timestamp, Qt::ISODateWithMs);
    const QJsonObject footer = json.value(QStringLiteral("footer")).toObject();
    embed.footerText = footer.value(QStringLiteral("text")).toString();
    embed.footerIconUrl = footer.value(QStringLiteral("icon_url")).toString();
    const QJsonObject author = json.value(QStringLiteral("author")).toObject();
    embed.authorName = author.value(QStringLiteral("name")).toString();
    embed.authorUrl = author.value(QStringLiteral("url")).toString();
    embed.authorIconUrl = author.value(QStringLiteral("icon_url")).toString();
    embed.imageUrl =
        json.value(QStringLiteral("image")).toObject().value(QStringLiteral("url")).toString();
    embed.thumbnailUrl =
        json.value(QStringLiteral("thumbnail")).toObject().value(QStringLiteral("url")).toString();
    const QJsonArray fields = json.value(QStringLiteral("fields")).toArray();
    for (const QJsonValue &value : fields) {
        const QJsonObject field = value.toObject();
        embed.fields.append(EmbedField{field.value(QStringLiteral("name")).toString(),
                                       field.value(QStringLiteral("value")).toString(),
                                       field.value(QStringLiteral("inline")).toBool()});
    }
    return embed;
}

} // namespace Pterodisbot
