#include "DiscordRest.h"

#include "DiscordGateway.h"
#include "DiscordObjects.h"
#include "DiscordState.h"

// Read-only routes: gateway discovery, the bot user, its application and guilds, the guild and
// its channels.
namespace PterodisbotSim {

std::optional<DiscordHttpReply> DiscordRest::getGateway(const Call &)
{
    return DiscordHttpReply::json(
        200, QJsonObject{{QStringLiteral("url"), m_gateway->url().toString()}});
}

std::optional<DiscordHttpReply> DiscordRest::getGatewayBot(const Call &)
{
    const int total = m_state->options().sessionStartTotal;
    return DiscordHttpReply::json(
        200, QJsonObject{{QStringLiteral("url"), m_gateway->url().toString()},
                         {QStringLiteral("shards"), 1},
                         {QStringLiteral("session_start_limit"),
                          QJsonObject{{QStringLiteral("total"), total},
                                      {QStringLiteral("remaining"),
                                       qMax(0, total - m_gateway->identifyCount())},
                                      {QStringLiteral("reset_after"), 86400000},
                                      {QStringLiteral("max_concurrency"), 1}}}});
}

std::optional<DiscordHttpReply> DiscordRest::getCurrentUser(const Call &)
{
    return DiscordHttpReply::json(200, DiscordObjects::botUser(*m_state));
}

std::optional<DiscordHttpReply> DiscordRest::getApplication(const Call &)
{
    const QJsonObject owner = DiscordObjects::humanUser(QStringLiteral("1500000000000000001"));
    return DiscordHttpReply::json(
        200, QJsonObject{{QStringLiteral("id"), m_state->options().applicationId},
                         {QStringLiteral("name"), m_state->options().botUsername},
                         {QStringLiteral("icon"), QJsonValue(QJsonValue::Null)},
                         {QStringLiteral("description"), QString()},
                         {QStringLiteral("bot_public"), false},
                         {QStringLiteral("bot_require_code_grant"), false},
                         {QStringLiteral("verify_key"), QString(64, QLatin1Char('0'))},
                         {QStringLiteral("flags"), 0},
                         {QStringLiteral("owner"), owner},
                         {QStringLiteral("team"), QJsonValue(QJsonValue::Null)},
                         {QStringLiteral("bot"), DiscordObjects::botUser(*m_state)}});
}

std::optional<DiscordHttpReply> DiscordRest::getCurrentUserGuilds(const Call &call)
{
    // Query: before / after (guild ids), limit 1-200 (default 200), with_counts.
    const auto invalid = [](const QString &code, const QString &text) {
        const QJsonObject error{{QStringLiteral("code"), code}, {QStringLiteral("message"), text}};
        return DiscordHttpReply::error(
            400, 50035, QStringLiteral("Invalid Form Body"),
            QJsonObject{{QStringLiteral("limit"),
                         QJsonObject{{QStringLiteral("_errors"), QJsonArray{error}}}}});
    };
    int limit = 200;
    if (call.query.hasQueryItem(QStringLiteral("limit"))) {
        bool ok = false;
        limit = call.query.queryItemValue(QStringLiteral("limit")).toInt(&ok);
        if (!ok)
            return invalid(QStringLiteral("NUMBER_TYPE_COERCE"),
                           QStringLiteral("Value is not int."));
        if (limit < 1 || limit > 200)
            return invalid(QStringLiteral("NUMBER_TYPE_MAX"),
                           QStringLiteral("int value should be between 1 and 200."));
    }
    const quint64 id = m_state->options().guildId.toULongLong();
    const QString after = call.query.queryItemValue(QStringLiteral("after"));
    const QString before = call.query.queryItemValue(QStringLiteral("before"));
    QJsonArray guilds;
    if ((after.isEmpty() || id > after.toULongLong()) &&
        (before.isEmpty() || id < before.toULongLong())) {
        // The bot holds no role of its own here, so its guild permissions are @everyone's.
        QJsonObject guild{{QStringLiteral("id"), m_state->options().guildId},
                          {QStringLiteral("name"), m_state->options().guildName},
                          {QStringLiteral("icon"), QJsonValue(QJsonValue::Null)},
                          {QStringLiteral("banner"), QJsonValue(QJsonValue::Null)},
                          {QStringLiteral("owner"), false},
                          {QStringLiteral("permissions"), DiscordObjects::everyonePermissions()},
                          {QStringLiteral("features"), QJsonArray()}};
        if (call.query.queryItemValue(QStringLiteral("with_counts")) == QLatin1String("true")) {
            guild.insert(QStringLiteral("approximate_member_count"), 2);
            guild.insert(QStringLiteral("approximate_presence_count"), 1);
        }
        guilds.append(guild);
    }
    return DiscordHttpReply::json(200, guilds);
}

std::optional<DiscordHttpReply> DiscordRest::getGuild(const Call &call)
{
    if (call.segments.at(1) != m_state->options().guildId)
        return DiscordHttpReply::error(403, 50001, QStringLiteral("Missing Access"));
    return DiscordHttpReply::json(200, DiscordObjects::guild(*m_state));
}

std::optional<DiscordHttpReply> DiscordRest::getGuildRoles(const Call &call)
{
    if (call.segments.at(1) != m_state->options().guildId)
        return DiscordHttpReply::error(403, 50001, QStringLiteral("Missing Access"));
    return DiscordHttpReply::json(200, DiscordObjects::roles(*m_state));
}

std::optional<DiscordHttpReply> DiscordRest::getGuildChannels(const Call &call)
{
    if (call.segments.at(1) != m_state->options().guildId)
        return DiscordHttpReply::error(403, 50001, QStringLiteral("Missing Access"));
    QJsonArray channels;
    for (const SimChannel &channel : m_state->channels())
        channels.append(DiscordObjects::channel(*m_state, channel, true));
    return DiscordHttpReply::json(200, channels);
}

std::optional<DiscordHttpReply> DiscordRest::getChannel(const Call &call)
{
    if (auto error = checkChannel(call.segments.at(1), false))
        return error;
    return DiscordHttpReply::json(
        200, DiscordObjects::channel(*m_state, *m_state->channel(call.segments.at(1)), true));
}

} // namespace PterodisbotSim
