#include "discord/RestModels.h"

#include <cmath>

#include <QJsonArray>
#include <QUrl>

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
    info.sessionStartResetAfterMs = qint64(limit.value(QStringLiteral("reset_after")).toDouble());
    info.maxConcurrency = std::max(1, limit.value(QStringLiteral("max_concurrency")).toInt(1));
    return info;
}

std::optional<CurrentUser> CurrentUser::fromJson(const QJsonObject &json, QString *error)
{
    CurrentUser user;
    user.id = json.value(QStringLiteral("id")).toString();
    user.username = json.value(QStringLiteral("username")).toString();
    user.bot = json.value(QStringLiteral("bot")).toBool();
    if (user.id.isEmpty()) {
        if (error)
            *error = QStringLiteral("users/@me without id");
        return std::nullopt;
    }
    return user;
}

QList<GuildRole> GuildRole::listFromJson(const QJsonArray &json)
{
    QList<GuildRole> roles;
    for (const QJsonValue &value : json) {
        const QJsonObject object = value.toObject();
        GuildRole role;
        role.id = object.value(QStringLiteral("id")).toString();
        if (role.id.isEmpty())
            continue;
        role.name = object.value(QStringLiteral("name")).toString();
        role.permissions = object.value(QStringLiteral("permissions")).toString().toULongLong();
        role.position = object.value(QStringLiteral("position")).toInt();
        role.managed = object.value(QStringLiteral("managed")).toBool();
        roles.append(role);
    }
    return roles;
}

} // namespace Pterodisbot
