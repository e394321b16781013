#pragma once

#include <QHash>
#include <QString>
#include <QUrl>

namespace Pterodisbot {

//! Where a configuration value came from; the GUI shows it next to each value.
enum class ValueSource { Default, File, Environment, Keychain };

//! "default", "file", "environment" or "keychain".
QString valueSourceName(ValueSource source);

//! How the bot learns a server's resource usage.
enum class StatsSource { Poll, WebSocket };

enum class LogLevel { Debug, Info, Warning };

//! [discord]
struct DiscordConfig
{
    QString token;          //!< secret; resolved by SecretStore (env, keychain, file)
    QString applicationId;  //!< empty: ask Discord (GET /users/@me)
    QString guildId;        //!< snowflake
    QString controlRole;    //!< role id (snowflake) or exact role name
    QString statusRole;     //!< empty: any guild member may use /server_status; else id or name
    QString alertChannelId; //!< empty: no alerts
    QUrl apiUrl{QStringLiteral("https://discord.com/api/v10")};
    bool gatewayCompression = true;
    int requestTimeout = 10; //!< seconds

    //! True when controlRole is a role id rather than a name.
    bool controlRoleIsId() const;
};

//! [pterodactyl]
struct PanelConfig
{
    QUrl panelUrl;          //!< scheme + host (+ port), no path
    QString clientKey;      //!< secret: ptlc_ (Pterodactyl) or pacc_ (Pelican)
    QString applicationKey; //!< secret, optional: ptla_ or papp_; node and totals features
    StatsSource statsSource = StatsSource::Poll;
    int requestTimeout = 10; //!< seconds
    int maxConcurrentRequests = 8;
};

//! [bot]
struct BotConfig
{
    int updateInterval = 10;    //!< seconds between update cycles
    int cpuDeltaThreshold = 50; //!< percentage points of CPU change that force an edit
    int forcedRefresh = 600;    //!< seconds after which an embed is edited regardless
    int historyLength = 6;      //!< samples kept per server for the graphs
    QString dataDir;            //!< where embed_locations.json lives
    LogLevel logLevel = LogLevel::Info;
    bool useKeychain = true; //!< look for secrets in the OS keychain
    //! "host:port" of the /healthz and /metrics endpoint; empty: no endpoint.
    QString httpListen;
    //! Discord locale of the public embeds ("de", "fr", "en-US"); empty: the guild's own.
    QString locale;
};

//! The whole configuration as typed values. ConfigLoader fills it from the ini file and the
//! environment, SecretStore settles the secrets, validateConfig() judges it.
struct Config
{
    DiscordConfig discord;
    PanelConfig pterodactyl;
    BotConfig bot;

    QString filePath;        //!< the ini file considered (may not exist)
    bool fileLoaded = false; //!< the file existed and was read

    //! Where the value of \a key ("section.name") came from; Default when never set.
    ValueSource sourceOf(const QString &key) const;
    void setSource(const QString &key, ValueSource source);

    //! The value of \a key as text, as it would be written in config.ini.
    QString valueText(const QString &key) const;
    //! Like valueText(), but secrets (and values that look like one) shortened to their first
    //! 5 characters and "…".
    QString displayValue(const QString &key) const;

private:
    QHash<QString, ValueSource> m_sources;
};

//! A secret shortened for display: at most its first 5 characters followed by "…".
QString maskSecret(const QString &secret);

} // namespace Pterodisbot
