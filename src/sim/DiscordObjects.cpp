#include "DiscordObjects.h"

#include "DiscordImageInfo.h"
#include "DiscordState.h"

namespace PterodisbotSim::DiscordObjects {

namespace {
QJsonValue nullValue()
{
    return QJsonValue(QJsonValue::Null);
}

// attachment://name in an embed becomes the attachment's url, as Discord shows it.
QJsonObject resolveMedia(QJsonObject media, const QList<SimAttachment> &attachments)
{
    const QString url = media.value(QStringLiteral("url")).toString();
    if (!url.startsWith(QStringLiteral("attachment://")))
        return media;
    const QString name = url.mid(int(qstrlen("attachment://")));
    for (const SimAttachment &attachment : attachments) {
        if (attachment.filename != name)
            continue;
        media.insert(QStringLiteral("url"), attachment.url);
        media.insert(QStringLiteral("proxy_url"), attachment.url);
        const ImageSize size = imageSize(attachment.bytes);
        if (size.valid) {
            media.insert(QStringLiteral("width"), size.width);
            media.insert(QStringLiteral("height"), size.height);
        }
        media.insert(QStringLiteral("content_type"), attachment.contentType);
        break;
    }
    return media;
}

QJsonArray resolveEmbeds(const QJsonArray &embeds, const QList<SimAttachment> &attachments)
{
    QJsonArray result;
    for (const QJsonValue &value : embeds) {
        QJsonObject embed = value.toObject();
        if (!embed.contains(QStringLiteral("type")))
            embed.insert(QStringLiteral("type"), QStringLiteral("rich"));
        for (const QString &key : {QStringLiteral("image"), QStringLiteral("thumbnail")}) {
            if (embed.contains(key))
                embed.insert(key, resolveMedia(embed.value(key).toObject(), attachments));
        }
        result.append(embed);
    }
    return result;
}
} // namespace

QString everyonePermissions()
{
    return QStringLiteral("559623605571137");
}

QJsonObject botUser(const DiscordState &state)
{
    return {{QStringLiteral("id"), state.botUserId()},
            {QStringLiteral("username"), state.options().botUsername},
            {QStringLiteral("discriminator"), state.discriminator()},
            {QStringLiteral("global_name"), nullValue()},
            {QStringLiteral("avatar"), nullValue()},
            {QStringLiteral("bot"), true},
            {QStringLiteral("verified"), true},
            {QStringLiteral("mfa_enabled"), false},
            {QStringLiteral("email"), nullValue()},
            {QStringLiteral("flags"), 0},
            {QStringLiteral("public_flags"), 0}};
}

QJsonObject humanUser(const QString &userId)
{
    const QString name = QStringLiteral("user") + userId.right(4);
    return {{QStringLiteral("id"), userId},
            {QStringLiteral("username"), name},
            {QStringLiteral("discriminator"), QStringLiteral("0")},
            {QStringLiteral("global_name"), name},
            {QStringLiteral("avatar"), nullValue()},
            {QStringLiteral("public_flags"), 0}};
}

QJsonArray roles(const DiscordState &state)
{
    QJsonArray result;
    int position = 0;
    for (const auto &[name, id] : state.options().roles) {
        const bool everyone = id == state.options().guildId;
        const bool managed = state.options().managedRoleIds.contains(id);
        QJsonObject role{
            {QStringLiteral("id"), id},
            {QStringLiteral("name"), name},
            {QStringLiteral("color"), everyone ? 0 : 0x3498db},
            {QStringLiteral("hoist"), false},
            {QStringLiteral("icon"), nullValue()},
            {QStringLiteral("unicode_emoji"), nullValue()},
            {QStringLiteral("position"), everyone ? 0 : ++position},
            {QStringLiteral("permissions"), everyone ? everyonePermissions() : QStringLiteral("0")},
            {QStringLiteral("managed"), managed},
            {QStringLiteral("mentionable"), false},
            {QStringLiteral("flags"), 0}};
        if (managed)
            role.insert(QStringLiteral("tags"),
                        QJsonObject{{QStringLiteral("bot_id"), state.botUserId()}});
        result.append(role);
    }
    return result;
}

QJsonObject channel(const DiscordState &state, const SimChannel &channel, bool withGuildId)
{
    constexpr int category = 4;
    constexpr int announcement = 5;
    constexpr int voice = 2;
    constexpr int stage = 13;
    QJsonObject object{{QStringLiteral("id"), channel.id},
                       {QStringLiteral("type"), channel.type},
                       {QStringLiteral("name"), channel.name},
                       {QStringLiteral("position"), channel.position},
                       {QStringLiteral("permission_overwrites"), QJsonArray()},
                       {QStringLiteral("parent_id"),
                        channel.parentId.isEmpty() ? nullValue() : QJsonValue(channel.parentId)},
                       {QStringLiteral("nsfw"), false},
                       {QStringLiteral("flags"), 0}};
    // The fields of each kind, as the channel object documents them: a category holds only
    // channels; voice and stage channels carry their audio settings and a text chat.
    if (channel.type != category)
        object.insert(QStringLiteral("last_message_id"), nullValue());
    if (channel.type == 0 || channel.type == announcement)
        object.insert(QStringLiteral("topic"), nullValue());
    if (channel.type == 0 || channel.type == voice || channel.type == stage)
        object.insert(QStringLiteral("rate_limit_per_user"), 0);
    if (channel.type == voice || channel.type == stage) {
        object.insert(QStringLiteral("bitrate"), 64000);
        object.insert(QStringLiteral("user_limit"), 0);
        object.insert(QStringLiteral("rtc_region"), nullValue());
    }
    if (withGuildId)
        object.insert(QStringLiteral("guild_id"), state.options().guildId);
    return object;
}

QJsonObject guildCreate(const DiscordState &state)
{
    QJsonArray channels;
    for (const SimChannel &simChannel : state.channels())
        channels.append(channel(state, simChannel, false));
    const QString systemChannel =
        state.channels().isEmpty() ? QString() : state.channels().constFirst().id;
    const QJsonObject me{{QStringLiteral("user"), botUser(state)},
                         {QStringLiteral("roles"), QJsonArray()},
                         {QStringLiteral("nick"), nullValue()},
                         {QStringLiteral("avatar"), nullValue()},
                         {QStringLiteral("joined_at"), state.isoTime(0)},
                         {QStringLiteral("premium_since"), nullValue()},
                         {QStringLiteral("deaf"), false},
                         {QStringLiteral("mute"), false},
                         {QStringLiteral("flags"), 0},
                         {QStringLiteral("pending"), false}};
    return {{QStringLiteral("id"), state.options().guildId},
            {QStringLiteral("name"), state.options().guildName},
            {QStringLiteral("icon"), nullValue()},
            {QStringLiteral("splash"), nullValue()},
            {QStringLiteral("discovery_splash"), nullValue()},
            {QStringLiteral("owner_id"), QStringLiteral("1500000000000000001")},
            {QStringLiteral("afk_channel_id"), nullValue()},
            {QStringLiteral("afk_timeout"), 300},
            {QStringLiteral("verification_level"), 0},
            {QStringLiteral("default_message_notifications"), 0},
            {QStringLiteral("explicit_content_filter"), 0},
            {QStringLiteral("roles"), roles(state)},
            {QStringLiteral("emojis"), QJsonArray()},
            {QStringLiteral("stickers"), QJsonArray()},
            {QStringLiteral("features"), QJsonArray()},
            {QStringLiteral("mfa_level"), 0},
            {QStringLiteral("application_id"), nullValue()},
            {QStringLiteral("system_channel_id"), systemChannel},
            {QStringLiteral("system_channel_flags"), 0},
            {QStringLiteral("rules_channel_id"), nullValue()},
            {QStringLiteral("public_updates_channel_id"), nullValue()},
            {QStringLiteral("safety_alerts_channel_id"), nullValue()},
            {QStringLiteral("max_members"), 500000},
            {QStringLiteral("vanity_url_code"), nullValue()},
            {QStringLiteral("description"), nullValue()},
            {QStringLiteral("banner"), nullValue()},
            {QStringLiteral("premium_tier"), 0},
            {QStringLiteral("premium_subscription_count"), 0},
            {QStringLiteral("premium_progress_bar_enabled"), false},
            {QStringLiteral("preferred_locale"), state.guildLocale()},
            {QStringLiteral("nsfw"), false},
            {QStringLiteral("nsfw_level"), 0},
            {QStringLiteral("region"), QStringLiteral("deprecated")},
            {QStringLiteral("lazy"), true},
            {QStringLiteral("joined_at"), state.isoTime(0)},
            {QStringLiteral("large"), false},
            {QStringLiteral("unavailable"), false},
            {QStringLiteral("member_count"), 2},
            {QStringLiteral("voice_states"), QJsonArray()},
            {QStringLiteral("members"), QJsonArray{me}},
            {QStringLiteral("channels"), channels},
            {QStringLiteral("threads"), QJsonArray()},
            {QStringLiteral("presences"), QJsonArray()},
            {QStringLiteral("stage_instances"), QJsonArray()},
            {QStringLiteral("guild_scheduled_events"), QJsonArray()},
            {QStringLiteral("soundboard_sounds"), QJsonArray()}};
}

QJsonObject guild(const DiscordState &state)
{
    QJsonObject object = guildCreate(state);
    for (const char *key : {"joined_at", "large", "unavailable", "member_count", "voice_states",
                            "members", "channels", "threads", "presences", "stage_instances",
                            "guild_scheduled_events", "soundboard_sounds", "lazy"})
        object.remove(QLatin1String(key));
    return object;
}

QJsonObject attachment(const SimAttachment &attachment)
{
    QJsonObject object{{QStringLiteral("id"), attachment.id},
                       {QStringLiteral("filename"), attachment.filename},
                       {QStringLiteral("size"), int(attachment.bytes.size())},
                       {QStringLiteral("url"), attachment.url},
                       {QStringLiteral("proxy_url"), attachment.url},
                       {QStringLiteral("content_type"), attachment.contentType}};
    const ImageSize size = imageSize(attachment.bytes);
    if (size.valid) {
        object.insert(QStringLiteral("width"), size.width);
        object.insert(QStringLiteral("height"), size.height);
    }
    return object;
}

QJsonObject message(const DiscordState &state, const SimMessage &message)
{
    QJsonArray attachments;
    for (const SimAttachment &simAttachment : message.attachments)
        attachments.append(attachment(simAttachment));
    QJsonObject object{
        {QStringLiteral("id"), message.id},
        {QStringLiteral("type"),
         message.isInteractionResponse && message.interactionId.size() ? 20 : 0},
        {QStringLiteral("channel_id"), message.channelId},
        {QStringLiteral("author"), botUser(state)},
        {QStringLiteral("content"), message.content},
        {QStringLiteral("timestamp"), state.isoTime(message.createdElapsedMs)},
        {QStringLiteral("edited_timestamp"),
         message.editedElapsedMs < 0 ? nullValue()
                                     : QJsonValue(state.isoTime(message.editedElapsedMs))},
        {QStringLiteral("tts"), false},
        {QStringLiteral("mention_everyone"), false},
        {QStringLiteral("mentions"), QJsonArray()},
        {QStringLiteral("mention_roles"), QJsonArray()},
        {QStringLiteral("attachments"), attachments},
        {QStringLiteral("embeds"), resolveEmbeds(message.embeds, message.attachments)},
        {QStringLiteral("components"), message.components},
        {QStringLiteral("pinned"), false},
        {QStringLiteral("flags"), message.flags}};
    if (message.isInteractionResponse) {
        object.insert(QStringLiteral("application_id"), state.options().applicationId);
        object.insert(QStringLiteral("webhook_id"), state.options().applicationId);
    }
    return object;
}

QJsonObject member(const DiscordState &state, const QString &userId, const QStringList &roleIds)
{
    QJsonArray roles;
    for (const QString &id : roleIds) {
        if (id != state.options().guildId) // @everyone is implied, never listed
            roles.append(id);
    }
    return {{QStringLiteral("user"), humanUser(userId)},
            {QStringLiteral("roles"), roles},
            {QStringLiteral("permissions"), everyonePermissions()},
            {QStringLiteral("nick"), nullValue()},
            {QStringLiteral("avatar"), nullValue()},
            {QStringLiteral("joined_at"), state.isoTime(0)},
            {QStringLiteral("premium_since"), nullValue()},
            {QStringLiteral("deaf"), false},
            {QStringLiteral("mute"), false},
            {QStringLiteral("flags"), 0},
            {QStringLiteral("pending"), false},
            {QStringLiteral("communication_disabled_until"), nullValue()}};
}

} // namespace PterodisbotSim::DiscordObjects
