#include "SetupDialogue.h"

#include <utility>

#include <QPointer>

#include "config/ConfigSchema.h"
#include "config/ConfigValidator.h"
#include "config/ConfigWriter.h"
#include "config/SecretStore.h"
#include "logging.h"
#include "setup/DiscordProbe.h"
#include "setup/FieldChecks.h"
#include "setup/PanelProbe.h"

namespace Pterodisbot {

namespace {

QString channelName(const ChannelInfo &channel)
{
    return channel.categoryName.isEmpty()
               ? QStringLiteral("#") + channel.name
               : QStringLiteral("#%1 (%2)").arg(channel.name, channel.categoryName);
}

QString permissionNames(quint64 bits)
{
    QStringList names;
    const std::pair<quint64, const char *> known[] = {
        {DiscordPermission::ViewChannel, "View Channel"},
        {DiscordPermission::SendMessages, "Send Messages"},
        {DiscordPermission::EmbedLinks, "Embed Links"},
        {DiscordPermission::AttachFiles, "Attach Files"},
        {DiscordPermission::ReadMessageHistory, "Read Message History"}};
    for (const auto &[bit, name] : known) {
        if (bits & bit)
            names << QString::fromLatin1(name);
    }
    return names.join(QStringLiteral(", "));
}

} // namespace

SetupDialogue::SetupDialogue(SetupConsole *console, SetupDialogueOptions options, QObject *parent)
    : QObject(parent)
    , m_console(console)
    , m_options(std::move(options))
    , m_config(m_options.config)
    , m_panelProbe(new PanelProbe(m_options.nam, this))
    , m_discordProbe(new DiscordProbe(m_options.nam, m_options.discordApiUrl, this))
{
    m_panelProbe->setRequestTimeoutMs(m_options.requestTimeoutMs);
    m_discordProbe->setRequestTimeoutMs(m_options.requestTimeoutMs);
    if (!m_options.discordApiUrl.isEmpty())
        m_config.discord.apiUrl = m_options.discordApiUrl;
}

SetupDialogue::~SetupDialogue() = default;

std::optional<QString> SetupDialogue::ask(const QString &prompt, bool hidden)
{
    std::optional<QString> answer = m_console->ask(prompt, hidden);
    if (!answer)
        return answer;
    // A pasted value often carries a stray space or a Windows line ending.
    *answer = answer->trimmed();
    if (hidden)
        registerSecret(*answer);
    return answer;
}

std::optional<int> SetupDialogue::askNumber(const QString &prompt, int count, bool optional,
                                            const QString &extra)
{
    for (;;) {
        const std::optional<QString> answer = ask(prompt);
        if (!answer)
            return std::nullopt;
        if (optional && answer->isEmpty())
            return 0;
        if (!extra.isEmpty() && answer->compare(extra, Qt::CaseInsensitive) == 0)
            return -1;
        bool ok = false;
        const int number = answer->toInt(&ok);
        if (ok && number >= 1 && number <= count)
            return number;
        QString choices = tr("a number from 1 to %1").arg(count);
        if (optional)
            choices += tr(", or Enter for none");
        if (!extra.isEmpty())
            choices += tr(", or %1 to list them again").arg(extra);
        sayProblem(tr("%1 is not on the list.").arg(quoteValue(*answer)),
                   tr("Type %1.").arg(choices));
    }
}

void SetupDialogue::sayProblem(const QString &problem, const QString &hint)
{
    m_console->say(hint.isEmpty() ? tr("  ✗ %1").arg(problem)
                                  : tr("  ✗ %1\n    %2").arg(problem, hint));
}

QCoro::Task<SetupDialogue::Outcome> SetupDialogue::run()
{
    QPointer<SetupDialogue> self(this);
    m_console->say(tr("Pterodisbot setup: four steps; every answer is checked at once. Ctrl+D "
                      "quits without writing anything."));
    const bool panel = co_await askPanel();
    if (!self)
        co_return Outcome::Aborted;
    if (!panel)
        co_return Outcome::Aborted;
    const bool discord = co_await askDiscord();
    if (!self)
        co_return Outcome::Aborted;
    if (!discord || !askBehaviour())
        co_return Outcome::Aborted;
    co_return co_await save();
}

QCoro::Task<bool> SetupDialogue::askPanel()
{
    QPointer<SetupDialogue> self(this);
    m_console->say(tr("\nStep 1 of 4: the panel"));
    for (;;) {
        const std::optional<QString> url =
            ask(tr("Panel address (e.g. https://panel.example.com): "));
        if (!url)
            co_return false;
        if (url->isEmpty())
            continue;
        const QList<ConfigProblem> urlProblems = FieldChecks::panelUrl(QUrl(*url));
        if (const auto error = FieldChecks::firstError(urlProblems)) {
            sayProblem(error->message, error->hint);
            continue;
        }
        for (const ConfigProblem &warning : urlProblems)
            m_console->say(tr("  ! %1\n    %2").arg(warning.message, warning.hint));
        const QUrl panelUrl(*url);

        // Enter alone goes back to the address: a wrong address fails every key.
        bool clientOk = false;
        for (;;) {
            const std::optional<QString> key = ask(
                tr("Client key (ptlc_… or pacc_…; hidden; Enter alone to change the address): "),
                true);
            if (!key)
                co_return false;
            if (key->isEmpty())
                break;
            if (const auto error = FieldChecks::firstError(FieldChecks::clientKey(*key))) {
                sayProblem(error->message, error->hint);
                continue;
            }
            m_console->say(tr("  Asking the panel…"));
            const PanelCheck check = co_await m_panelProbe->checkClientKey(panelUrl, *key);
            if (!self)
                co_return false;
            if (!check.ok) {
                sayProblem(check.problem, check.hint);
                continue;
            }
            m_console->say(check.hint.isEmpty()
                               ? tr("  ✓ %1").arg(check.summary)
                               : tr("  ✓ %1\n    %2").arg(check.summary, check.hint));
            m_config.pterodactyl.panelUrl = panelUrl;
            m_config.pterodactyl.clientKey = *key;
            clientOk = true;
            break;
        }
        if (clientOk)
            break;
    }

    for (;;) {
        const std::optional<QString> key =
            ask(tr("Application key (optional, ptla_… or papp_…, for node details and panel "
                   "totals; hidden; Enter to skip): "),
                true);
        if (!key)
            co_return false;
        if (key->isEmpty())
            break;
        if (const auto error = FieldChecks::firstError(FieldChecks::applicationKey(*key))) {
            sayProblem(error->message, error->hint);
            continue;
        }
        m_console->say(tr("  Checking the application key…"));
        const PanelCheck check =
            co_await m_panelProbe->checkApplicationKey(m_config.pterodactyl.panelUrl, *key);
        if (!self)
            co_return false;
        if (!check.ok) {
            sayProblem(check.problem, check.hint);
            continue;
        }
        m_console->say(tr("  ✓ %1").arg(check.summary));
        m_config.pterodactyl.applicationKey = *key;
        break;
    }
    co_return true;
}

QCoro::Task<bool> SetupDialogue::askDiscord()
{
    QPointer<SetupDialogue> self(this);
    m_console->say(tr("\nStep 2 of 4: Discord\nThe bot's token is on "
                      "https://discord.com/developers/applications → your application → Bot."));
    for (;;) {
        const std::optional<QString> token = ask(tr("Bot token (hidden): "), true);
        if (!token)
            co_return false;
        if (token->isEmpty())
            continue;
        if (const auto error = FieldChecks::firstError(FieldChecks::botToken(*token))) {
            sayProblem(error->message, error->hint);
            continue;
        }
        m_console->say(tr("  Asking Discord who this token is…"));
        const ApiResult<BotIdentity> identity = co_await m_discordProbe->identify(*token);
        if (!self)
            co_return false;
        if (!identity.ok()) {
            sayProblem(DiscordProbe::describe(identity.error));
            continue;
        }
        m_identity = identity.value;
        m_config.discord.token = *token;
        m_config.discord.applicationId = m_identity.applicationId;
        m_console->say(tr("  ✓ Discord knows this token: the bot %1 (application %2).")
                           .arg(m_identity.username, m_identity.applicationId));
        break;
    }
    m_console->say(
        tr("\nInvite the bot to your Discord server with this link (open it in a "
           "browser):\n  %1")
            .arg(DiscordProbe::inviteUrl(m_identity.applicationId).toString(QUrl::FullyEncoded)));
    if (!ask(tr("Press Enter once the bot is in your server: ")))
        co_return false;
    const bool guild = co_await askGuild();
    if (!self)
        co_return false;
    co_return guild;
}

QCoro::Task<bool> SetupDialogue::askGuild()
{
    QPointer<SetupDialogue> self(this);
    const QString token = m_config.discord.token;
    for (;;) {
        const ApiResult<QList<GuildInfo>> guilds = co_await m_discordProbe->guilds(token);
        if (!self)
            co_return false;
        if (!guilds.ok()) {
            sayProblem(DiscordProbe::describe(guilds.error));
            if (!ask(tr("Press Enter to try again: ")))
                co_return false;
            continue;
        }
        if (guilds.value.isEmpty()) {
            sayProblem(tr("The bot is in no server yet."),
                       tr("Invite it with the link above, then press Enter."));
            if (!ask(tr("Press Enter to look again: ")))
                co_return false;
            continue;
        }
        QString list = tr("The servers the bot is in:");
        for (int i = 0; i < guilds.value.size(); ++i)
            list += QStringLiteral("\n  %1) %2").arg(i + 1).arg(guilds.value.at(i).name);
        m_console->say(list);
        const std::optional<int> chosen =
            askNumber(tr("Server number (r = refresh): "), int(guilds.value.size()), false,
                      QStringLiteral("r"));
        if (!chosen)
            co_return false;
        if (*chosen < 0)
            continue;
        const GuildInfo guild = guilds.value.at(*chosen - 1);

        m_console->say(tr("  Reading the server's roles…"));
        const ApiResult<QList<RoleInfo>> roles = co_await m_discordProbe->roles(token, guild.id);
        if (!self)
            co_return false;
        if (!roles.ok()) {
            sayProblem(DiscordProbe::describe(roles.error));
            continue;
        }
        if (roles.value.isEmpty()) {
            sayProblem(tr("This server has no role to choose."),
                       tr("Create a role for the members who may control the game servers "
                          "(Server Settings → Roles), then type r."));
            continue;
        }
        if (guild.missingPermissions) {
            m_console->say(tr("  ! The bot lacks these permissions in this server: %1.\n    "
                              "Invite it again with the link above, or give its role these "
                              "permissions in Server Settings → Roles.")
                               .arg(permissionNames(guild.missingPermissions)));
        } else {
            m_console->say(tr("  ✓ The bot is in this server with the permissions it needs."));
        }
        QString roleList = tr("Its roles:");
        for (int i = 0; i < roles.value.size(); ++i)
            roleList += QStringLiteral("\n  %1) %2").arg(i + 1).arg(roles.value.at(i).name);
        m_console->say(roleList);
        const int roleCount = int(roles.value.size());
        const std::optional<int> control =
            askNumber(tr("Control role number (who may start, stop and restart servers): "),
                      roleCount, false);
        if (!control)
            co_return false;
        const std::optional<int> status = askNumber(
            tr("Status role number (who may use /server_status; Enter = anyone in the server): "),
            roleCount, true);
        if (!status)
            co_return false;

        const ApiResult<QList<ChannelInfo>> channels =
            co_await m_discordProbe->textChannels(token, guild.id);
        if (!self)
            co_return false;
        int alert = 0;
        if (!channels.ok()) {
            sayProblem(DiscordProbe::describe(channels.error),
                       tr("No alert channel for now; set discord.alert_channel_id later."));
        } else if (!channels.value.isEmpty()) {
            QString channelList = tr("Its text channels:");
            for (int i = 0; i < channels.value.size(); ++i)
                channelList +=
                    QStringLiteral("\n  %1) %2").arg(i + 1).arg(channelName(channels.value.at(i)));
            m_console->say(channelList);
            const std::optional<int> chosenChannel = askNumber(
                tr("Alert channel number (Enter = no alerts): "), int(channels.value.size()), true);
            if (!chosenChannel)
                co_return false;
            alert = *chosenChannel;
        }

        m_config.discord.guildId = guild.id;
        m_config.discord.controlRole = roles.value.at(*control - 1).id;
        m_config.discord.statusRole = *status ? roles.value.at(*status - 1).id : QString();
        m_config.discord.alertChannelId = alert ? channels.value.at(alert - 1).id : QString();
        m_guildName = guild.name;
        m_controlRoleName = roles.value.at(*control - 1).name;
        co_return true;
    }
}

bool SetupDialogue::askBehaviour()
{
    m_console->say(tr("\nStep 3 of 4: updates"));
    // Limits and default from the schema the loader and the validator read.
    const ConfigKey *interval = findConfigKey(QStringLiteral("bot.update_interval"));
    for (;;) {
        const std::optional<QString> answer =
            ask(tr("Seconds between updates (%1 to %2; Enter = %3): ")
                    .arg(interval->minimum)
                    .arg(interval->maximum)
                    .arg(interval->defaultText));
        if (!answer)
            return false;
        bool ok = true;
        const int seconds = answer->isEmpty() ? interval->defaultText.toInt() : answer->toInt(&ok);
        if (!ok) {
            sayProblem(tr("%1 is not a whole number of seconds").arg(quoteValue(*answer)),
                       tr("write a value from %1 to %2 (default %3)")
                           .arg(interval->minimum)
                           .arg(interval->maximum)
                           .arg(interval->defaultText));
            continue;
        }
        // The validator's words: its range, and the relation to forced_refresh.
        Config candidate = m_config;
        candidate.bot.updateInterval = seconds;
        const QStringList related{interval->id(), QStringLiteral("bot.forced_refresh")};
        std::optional<ConfigProblem> refusal;
        for (const ConfigProblem &problem : validateConfig(candidate)) {
            if (problem.isError() && related.contains(problem.key) && !refusal)
                refusal = problem;
        }
        if (refusal) {
            sayProblem(refusal->message, refusal->hint);
            continue;
        }
        m_config.bot.updateInterval = seconds;
        break;
    }
    const ConfigKey *source = findConfigKey(QStringLiteral("pterodactyl.stats_source"));
    for (;;) {
        const std::optional<QString> answer =
            ask(tr("Statistics by %1 (Enter = %2): ")
                    .arg(source->choices.join(QStringLiteral(" or ")), source->defaultText));
        if (!answer)
            return false;
        const QString choice = answer->isEmpty() ? source->defaultText : answer->toLower();
        if (!source->choices.contains(choice)) {
            sayProblem(tr("%1 is not one of %2.")
                           .arg(quoteValue(*answer), source->choices.join(QStringLiteral(", "))),
                       tr("poll asks the panel every interval; websocket reads live statistics "
                          "from Wings."));
            continue;
        }
        m_config.pterodactyl.statsSource =
            choice == QLatin1String("websocket") ? StatsSource::WebSocket : StatsSource::Poll;
        break;
    }
    return true;
}

QCoro::Task<SetupDialogue::Outcome> SetupDialogue::save()
{
    QPointer<SetupDialogue> self(this);
    m_console->say(tr("\nStep 4 of 4: saving"));
    Config config = m_config;
    const std::pair<SecretKind, QString> secrets[] = {
        {SecretKind::DiscordToken, config.discord.token},
        {SecretKind::ClientKey, config.pterodactyl.clientKey},
        {SecretKind::ApplicationKey, config.pterodactyl.applicationKey}};
    m_inKeychain = m_options.secrets != nullptr;
    QString keychainProblem;
    if (m_inKeychain)
        m_console->say(tr("  Storing the secrets in the keychain…"));
    for (const auto &[kind, value] : secrets) {
        if (!m_inKeychain)
            break;
        // An old application key left in the keychain would win over "none".
        const KeychainResult stored =
            value.isEmpty() ? co_await m_options.secrets->removeFromKeychain(kind)
                            : co_await m_options.secrets->storeInKeychain(kind, value);
        if (!self)
            co_return Outcome::Aborted;
        if (!stored.ok) {
            m_inKeychain = false;
            keychainProblem = stored.errorString;
        }
    }
    if (m_inKeychain) {
        m_console->say(tr("  ✓ The token and the panel keys are in the keychain."));
    } else {
        m_console->say(
            tr("  ! No keychain answered%1: the secrets go into the configuration file instead, "
               "readable only by you (mode 0600).")
                .arg(keychainProblem.isEmpty() ? QString()
                                               : QStringLiteral(" (%1)").arg(keychainProblem)));
    }
    config.bot.useKeychain = m_inKeychain;
    const ConfigWriteResult written = writeConfigFile(m_options.configPath, config, !m_inKeychain);
    if (!written.ok) {
        sayProblem(written.error,
                   tr("Make the folder writable for your user (or free space on its disk), or "
                      "choose a file in a folder you can write with --config, then run "
                      "pterodisbot --setup again."));
        co_return Outcome::WriteFailed;
    }
    m_config = config;
    const QString configOption = QStringLiteral(" --config ") + m_options.configPath;
    m_console->say(tr("  ✓ Configuration written to %1.\n\nNext: pterodisbot --check-config%2 "
                      "checks it once more; then pterodisbot --no-gui%2 starts the bot.")
                       .arg(m_options.configPath, configOption));
    co_return Outcome::Written;
}

} // namespace Pterodisbot
