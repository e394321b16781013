#include "ConfigSchema.h"

namespace Pterodisbot {
namespace {

using Type = ConfigKey::Type;

template<typename Section, typename T>
void bind(ConfigKey &key, Section Config::*section, T Section::*field)
{
    key.get = [section, field](const Config &config) {
        return QVariant::fromValue((config.*section).*field);
    };
    key.set = [section, field](Config &config, const QVariant &value) {
        (config.*section).*field = value.value<T>();
    };
}

ConfigKey makeKey(const char *section, const char *name, Type type, const char *defaultText,
                  const char *description)
{
    ConfigKey key;
    key.section = QLatin1String(section);
    key.name = QLatin1String(name);
    key.type = type;
    key.defaultText = QString::fromUtf8(defaultText);
    key.description = QString::fromUtf8(description);
    return key;
}

ConfigKey integerKey(const char *section, const char *name, int defaultValue, int minimum,
                     int maximum, const char *unit, const char *description)
{
    ConfigKey key = makeKey(section, name, Type::Integer, "", description);
    key.defaultText = QString::number(defaultValue);
    key.minimum = minimum;
    key.maximum = maximum;
    key.unit = QLatin1String(unit);
    return key;
}

QList<ConfigKey> discordKeys()
{
    QList<ConfigKey> keys;
    ConfigKey key = makeKey("discord", "token", Type::Secret, "",
                            "Bot token from the Discord Developer Portal (Bot, Reset Token). "
                            "Without the \"Bot \" prefix. Better kept in the keychain or the "
                            "environment than in this file.");
    key.required = true;
    bind(key, &Config::discord, &DiscordConfig::token);
    keys << key;

    key = makeKey("discord", "application_id", Type::Snowflake, "",
                  "Application id. Empty: the bot asks Discord for it at start-up.");
    bind(key, &Config::discord, &DiscordConfig::applicationId);
    keys << key;

    key = makeKey("discord", "guild_id", Type::Snowflake, "",
                  "Id of the Discord server (guild) the bot serves; the slash commands are "
                  "registered there.");
    key.required = true;
    bind(key, &Config::discord, &DiscordConfig::guildId);
    keys << key;

    key = makeKey("discord", "control_role", Type::Text, "",
                  "Role allowed to press Start/Stop/Restart and run the embed commands: a role "
                  "id (digits) or the exact role name.");
    key.required = true;
    bind(key, &Config::discord, &DiscordConfig::controlRole);
    keys << key;

    key = makeKey("discord", "status_role", Type::Text, "",
                  "Role allowed to run /server_status and post status embeds: a role id "
                  "(digits) or the exact role name. Empty: any member of the guild, as in the "
                  "original bot. Holders of control_role may always.");
    bind(key, &Config::discord, &DiscordConfig::statusRole);
    keys << key;

    key = makeKey("discord", "alert_channel_id", Type::Snowflake, "",
                  "Channel for alerts (server crashed, panel unreachable). Empty: no alerts.");
    bind(key, &Config::discord, &DiscordConfig::alertChannelId);
    keys << key;

    key = makeKey("discord", "api_url", Type::Url, "https://discord.com/api/v10",
                  "Base URL of the Discord REST API. Change only for testing.");
    bind(key, &Config::discord, &DiscordConfig::apiUrl);
    keys << key;

    key = makeKey("discord", "gateway_compression", Type::Boolean, "true",
                  "Compress the gateway connection (zlib-stream); saves bandwidth.");
    bind(key, &Config::discord, &DiscordConfig::gatewayCompression);
    keys << key;

    key = integerKey("discord", "request_timeout", 10, 1, 120, "s",
                     "Seconds before a Discord REST request is given up.");
    bind(key, &Config::discord, &DiscordConfig::requestTimeout);
    keys << key;
    return keys;
}

QList<ConfigKey> panelKeys()
{
    QList<ConfigKey> keys;
    ConfigKey key = makeKey("pterodactyl", "panel_url", Type::Url, "",
                            "Address of the panel: scheme, host and port only, e.g. "
                            "https://panel.example.com (no /api, no /server/...).");
    key.required = true;
    bind(key, &Config::pterodactyl, &PanelConfig::panelUrl);
    keys << key;

    key = makeKey("pterodactyl", "client_key", Type::Secret, "",
                  "Client API key (Account, API Credentials): ptlc_ on Pterodactyl, pacc_ on "
                  "Pelican; 48 characters.");
    key.required = true;
    bind(key, &Config::pterodactyl, &PanelConfig::clientKey);
    keys << key;

    key = makeKey("pterodactyl", "application_key", Type::Secret, "",
                  "Application API key (Admin, Application API): ptla_ or papp_; 48 "
                  "characters. Optional; checked but not used yet (node names and totals come "
                  "from the client key's servers).");
    bind(key, &Config::pterodactyl, &PanelConfig::applicationKey);
    keys << key;

    key = makeKey("pterodactyl", "stats_source", Type::Choice, "poll",
                  "poll: ask /resources every update interval. websocket: live stats from "
                  "the Wings websocket of each tracked server.");
    key.choices = {QStringLiteral("poll"), QStringLiteral("websocket")};
    key.get = [](const Config &config) {
        return QVariant(config.pterodactyl.statsSource == StatsSource::WebSocket
                            ? QStringLiteral("websocket")
                            : QStringLiteral("poll"));
    };
    key.set = [](Config &config, const QVariant &value) {
        config.pterodactyl.statsSource = value.toString() == QLatin1String("websocket")
                                             ? StatsSource::WebSocket
                                             : StatsSource::Poll;
    };
    keys << key;

    key = integerKey("pterodactyl", "request_timeout", 10, 1, 120, "s",
                     "Seconds before a panel request is given up (and retried if transient).");
    bind(key, &Config::pterodactyl, &PanelConfig::requestTimeout);
    keys << key;

    key = integerKey("pterodactyl", "max_concurrent_requests", 8, 1, 64, "requests",
                     "Panel requests in flight at once.");
    bind(key, &Config::pterodactyl, &PanelConfig::maxConcurrentRequests);
    keys << key;
    return keys;
}

QList<ConfigKey> botKeys()
{
    QList<ConfigKey> keys;
    ConfigKey key = integerKey("bot", "update_interval", 10, 5, 3600, "s",
                               "Seconds between update cycles (server list + resources).");
    bind(key, &Config::bot, &BotConfig::updateInterval);
    keys << key;

    key = integerKey("bot", "cpu_delta_threshold", 50, 1, 1000, "points",
                     "CPU change, in percentage points (100 per core), that triggers an "
                     "embed edit.");
    bind(key, &Config::bot, &BotConfig::cpuDeltaThreshold);
    keys << key;

    key = integerKey("bot", "forced_refresh", 600, 10, 86400, "s",
                     "Seconds after which an embed is edited even without changes; at least "
                     "update_interval.");
    bind(key, &Config::bot, &BotConfig::forcedRefresh);
    keys << key;

    key = integerKey(
        "bot", "history_length", 6, 2, 120, "samples",
        "Samples kept per server for the graphs (the graph's title shows the span they cover).");
    bind(key, &Config::bot, &BotConfig::historyLength);
    keys << key;

    key = makeKey("bot", "data_dir", Type::Path, "",
                  "Folder for embed_locations.json. Default: the per-user application data "
                  "folder (~/.local/share/pterodisbot on Linux). ~ is expanded; a relative "
                  "path is relative to this file's folder.");
    bind(key, &Config::bot, &BotConfig::dataDir);
    keys << key;

    key = makeKey("bot", "log_level", Type::Choice, "info",
                  "Least important log messages shown: debug, info or warning.");
    key.choices = {QStringLiteral("debug"), QStringLiteral("info"), QStringLiteral("warning")};
    key.get = [](const Config &config) {
        switch (config.bot.logLevel) {
        case LogLevel::Debug:
            return QVariant(QStringLiteral("debug"));
        case LogLevel::Warning:
            return QVariant(QStringLiteral("warning"));
        case LogLevel::Info:
            break;
        }
        return QVariant(QStringLiteral("info"));
    };
    key.set = [](Config &config, const QVariant &value) {
        const QString text = value.toString();
        config.bot.logLevel = text == QLatin1String("debug")     ? LogLevel::Debug
                              : text == QLatin1String("warning") ? LogLevel::Warning
                                                                 : LogLevel::Info;
    };
    keys << key;

    key = makeKey("bot", "keychain", Type::Boolean, "true",
                  "Look for secrets in the OS keychain (Secret Service, KWallet, macOS "
                  "Keychain, Windows Credential Store). false skips the lookup, e.g. on a "
                  "headless host.");
    bind(key, &Config::bot, &BotConfig::useKeychain);
    keys << key;

    key = makeKey("bot", "http_listen", Type::Text, "",
                  "Address and port of the health and metrics endpoint (/healthz, /metrics), "
                  "e.g. 127.0.0.1:9750. Empty: no endpoint. Prefer a loopback address: the "
                  "endpoint has no authentication.");
    bind(key, &Config::bot, &BotConfig::httpListen);
    keys << key;

    key = makeKey("bot", "locale", Type::Text, "",
                  "Language of the public status embeds, as a Discord locale (de, fr, en-US, "
                  "...). Empty: the Discord server's own language (Server Settings, Community, "
                  "Server Primary Language). Replies to a member follow the member's language.");
    bind(key, &Config::bot, &BotConfig::locale);
    keys << key;
    return keys;
}

} // namespace

QString ConfigKey::environmentName() const
{
    return configEnvironmentName(section, name);
}

QString configEnvironmentName(const QString &section, const QString &name)
{
    return QStringLiteral("PTERODISBOT_") + section.toUpper() + QLatin1Char('_') + name.toUpper();
}

const QList<ConfigKey> &configSchema()
{
    static const QList<ConfigKey> schema = [] { return discordKeys() + panelKeys() + botKeys(); }();
    return schema;
}

const ConfigKey *findConfigKey(const QString &id)
{
    for (const ConfigKey &key : configSchema()) {
        if (key.id() == id)
            return &key;
    }
    return nullptr;
}

QStringList configSections()
{
    return {QStringLiteral("discord"), QStringLiteral("pterodactyl"), QStringLiteral("bot")};
}

} // namespace Pterodisbot
