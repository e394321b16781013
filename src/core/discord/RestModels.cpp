#include "discord/RestModels.h"

#include <climits>
#include <cmath>

#include <QJsonArray>
#include <QUrl>

#include "config/ConfigValidator.h"
#include "net/JsonNumbers.h"

namespace Pterodisbot {

std::optional<GatewayBotInfo> GatewayBotInfo::fromJson(const QJsonObject &json, QString *error)
{
    GatewayBotInfo info;
    info.url = json.value(QStringLiteral("url")).toString();
    const QUrl url(info.url);
    if (!url.isValid() ||
        (url.scheme() != QLatin1String("wss") && url.scheme() != QLatin1String("ws")) ||
        url.host().isEmpty()) {
        if (error)
            *error = QStringLiteral("gateway/bot without a ws(s) url");
        return std::nullopt;
    }
    info.shards = std::max(1, json.value(QStringLiteral("shards")).toInt(1));
    const QJsonObject limit = json.value(QStringLiteral("session_start_limit")).toObject();
    info.sessionStartTotal = limit.value(QStringLiteral("total")).toInt();
    info.sessionStartRemaining = limit.value(QStringLiteral("remaining")).toInt();
    info.sessionStartResetAfterMs =
        clampedInteger(limit.value(QStringLiteral("reset_after")).toDouble(), 0,
                       std::numeric_limits<qint64>::max());
    info.maxConcurrency = std::max(1, limit.value(QStringLiteral("max_concurrency")).toInt(1));
    return info;
}

namespace {

const QString CdnBase = QStringLiteral("https://cdn.discordapp.com");

// The readers below leave *out alone and return false when the field has another type, so a
// model can say which field was wrong instead of carrying a silent default.
bool readString(const QJsonObject &json, const QString &key, QString *out, bool required,
                QString *error)
{
    const QJsonValue value = json.value(key);
    if (value.isString()) {
        *out = value.toString();
        return true;
    }
    if (!required && (value.isUndefined() || value.isNull()))
        return true;
    if (error)
        *error = value.isUndefined() ? QStringLiteral("%1 is missing").arg(key)
                                     : QStringLiteral("%1 is not a string").arg(key);
    return false;
}

bool readSnowflake(const QJsonObject &json, const QString &key, QString *out, bool required,
                   QString *error)
{
    QString text;
    if (!readString(json, key, &text, required, error))
        return false;
    if (text.isEmpty() && !required)
        return true;
    if (!isSnowflake(text)) {
        if (error)
            *error = QStringLiteral("%1 is not a Discord id").arg(key);
        return false;
    }
    *out = text;
    return true;
}

bool readInt(const QJsonObject &json, const QString &key, int *out, bool required, QString *error)
{
    const QJsonValue value = json.value(key);
    if (value.isDouble()) {
        const double number = value.toDouble();
        if (number == std::floor(number) && std::abs(number) <= double(INT_MAX)) {
            *out = int(number);
            return true;
        }
    } else if (!required && (value.isUndefined() || value.isNull())) {
        return true;
    }
    if (error)
        *error = value.isUndefined() ? QStringLiteral("%1 is missing").arg(key)
                                     : QStringLiteral("%1 is not a whole number").arg(key);
    return false;
}

bool readBool(const QJsonObject &json, const QString &key, bool *out, QString *error)
{
    const QJsonValue value = json.value(key);
    if (value.isBool()) {
        *out = value.toBool();
        return true;
    }
    if (value.isUndefined() || value.isNull())
        return true;
    if (error)
        *error = QStringLiteral("%1 is not true or false").arg(key);
    return false;
}

// Discord sends permission sets as decimal strings (they outgrow a JSON number's precision).
bool readPermissions(const QJsonObject &json, const QString &key, quint64 *out, QString *error)
{
    QString text;
    if (!readString(json, key, &text, true, error))
        return false;
    bool ok = false;
    const quint64 value = text.toULongLong(&ok);
    if (!ok) {
        if (error)
            *error = QStringLiteral("%1 is not a permission number").arg(key);
        return false;
    }
    *out = value;
    return true;
}

QString imageExtension(const QString &hash)
{
    return hash.startsWith(QLatin1String("a_")) ? QStringLiteral("gif") : QStringLiteral("png");
}

} // namespace

std::optional<CurrentUser> CurrentUser::fromJson(const QJsonObject &json, QString *error)
{
    CurrentUser user;
    if (!readSnowflake(json, QStringLiteral("id"), &user.id, true, error) ||
        !readString(json, QStringLiteral("username"), &user.username, true, error) ||
        !readString(json, QStringLiteral("discriminator"), &user.discriminator, false, error) ||
        !readString(json, QStringLiteral("avatar"), &user.avatar, false, error) ||
        !readBool(json, QStringLiteral("bot"), &user.bot, error)) {
        if (error)
            *error = QStringLiteral("users/@me: ") + *error;
        return std::nullopt;
    }
    return user;
}

QUrl CurrentUser::avatarUrl() const
{
    if (!avatar.isEmpty())
        return QUrl(
            QStringLiteral("%1/avatars/%2/%3.%4").arg(CdnBase, id, avatar, imageExtension(avatar)));
    // Discord's rule for the default avatar: users on unique usernames (discriminator "0")
    // by their id, the others by their discriminator.
    const bool uniqueName = discriminator.isEmpty() || discriminator == QLatin1String("0");
    const quint64 index =
        uniqueName ? (id.toULongLong() >> 22) % 6 : discriminator.toULongLong() % 5;
    return QUrl(QStringLiteral("%1/embed/avatars/%2.png").arg(CdnBase).arg(index));
}

std::optional<CurrentApplication> CurrentApplication::fromJson(const QJsonObject &json,
                                                               QString *error)
{
    CurrentApplication application;
    if (!readSnowflake(json, QStringLiteral("id"), &application.id, true, error) ||
        !readString(json, QStringLiteral("name"), &application.name, false, error)) {
        if (error)
            *error = QStringLiteral("oauth2/applications/@me: ") + *error;
        return std::nullopt;
    }
    return application;
}

std::optional<PartialGuild> PartialGuild::fromJson(const QJsonObject &json, QString *error)
{
    PartialGuild guild;
    if (!readSnowflake(json, QStringLiteral("id"), &guild.id, true, error) ||
        !readString(json, QStringLiteral("name"), &guild.name, true, error) ||
        !readString(json, QStringLiteral("icon"), &guild.icon, false, error) ||
        !readBool(json, QStringLiteral("owner"), &guild.owner, error) ||
        !readPermissions(json, QStringLiteral("permissions"), &guild.permissions, error))
        return std::nullopt;
    return guild;
}

QUrl PartialGuild::iconUrl() const
{
    if (icon.isEmpty())
        return {};
    return QUrl(QStringLiteral("%1/icons/%2/%3.%4").arg(CdnBase, id, icon, imageExtension(icon)));
}

std::optional<GuildRole> GuildRole::fromJson(const QJsonObject &json, QString *error)
{
    GuildRole role;
    if (!readSnowflake(json, QStringLiteral("id"), &role.id, true, error) ||
        !readString(json, QStringLiteral("name"), &role.name, true, error) ||
        !readPermissions(json, QStringLiteral("permissions"), &role.permissions, error) ||
        !readInt(json, QStringLiteral("position"), &role.position, true, error) ||
        !readInt(json, QStringLiteral("color"), &role.color, false, error) ||
        !readBool(json, QStringLiteral("managed"), &role.managed, error))
        return std::nullopt;
    return role;
}

QList<GuildRole> GuildRole::listFromJson(const QJsonArray &json)
{
    QList<GuildRole> roles;
    for (const QJsonValue &value : json) {
        if (std::optional<GuildRole> role = fromJson(value.toObject()))
            roles.append(std::move(*role));
    }
    return roles;
}

std::optional<GuildChannel> GuildChannel::fromJson(const QJsonObject &json, QString *error)
{
    GuildChannel channel;
    if (!readSnowflake(json, QStringLiteral("id"), &channel.id, true, error) ||
        !readInt(json, QStringLiteral("type"), &channel.type, true, error) ||
        !readString(json, QStringLiteral("name"), &channel.name, false, error) ||
        !readInt(json, QStringLiteral("position"), &channel.position, false, error) ||
        !readSnowflake(json, QStringLiteral("parent_id"), &channel.parentId, false, error))
        return std::nullopt;
    return channel;
}

} // namespace Pterodisbot
