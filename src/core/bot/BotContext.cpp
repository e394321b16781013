#include "bot/BotContext.h"

#include <algorithm>

#include "logging.h"

namespace Pterodisbot {

BotContext::BotContext(Clock *clock)
    : clock(clock)
    , policy(clock)
    , cooldown(clock)
    , alerts(clock)
{}

int BotContext::cycleIntervalMs() const
{
    if (tuning.cycleIntervalMs > 0)
        return tuning.cycleIntervalMs;
    return std::max(1, config.bot.updateInterval) * 1000;
}

int BotContext::streamStaleMs() const
{
    return tuning.streamStaleMs > 0 ? tuning.streamStaleMs : 2 * cycleIntervalMs();
}

AccessPolicy::Decision BotContext::checkAccess(const Interaction &interaction,
                                               AccessPolicy::Surface surface) const
{
    AccessPolicy::Request request;
    request.guildId = interaction.guildId;
    request.hasMember = interaction.inGuild();
    request.memberRoles = interaction.roleIds;
    request.surface = surface;
    request.locale = interaction.locale;
    return access.check(request);
}

QString BotContext::publicLocale() const
{
    return config.bot.locale.isEmpty() ? guildLocale : config.bot.locale;
}

Wording BotContext::publicWording() const
{
    return Wording(publicLocale());
}

void BotContext::setGuildLocale(const QString &locale)
{
    // Discord's locales are short codes; anything else is not worth keeping.
    if (locale.isEmpty() || locale.size() > 16 || locale == guildLocale)
        return;
    guildLocale = locale;
    notePublicLocale();
}

void BotContext::notePublicLocale()
{
    const QString locale = publicLocale();
    if (locale == publicLocaleInUse)
        return;
    const Wording before(publicLocaleInUse);
    const Wording now(locale);
    publicLocaleInUse = locale;
    // "" and "en-US" both read English: only a change a reader would see rewrites the embeds
    // (edits of old messages are scarce, 30046).
    if (before.language() == now.language() &&
        before.numberLocale().name() == now.numberLocale().name())
        return;
    qCInfo(lcBot).noquote() << "public messages are now written in"
                            << (now.language().isEmpty() ? QStringLiteral("English")
                                                         : now.language())
                            << "for locale" << (locale.isEmpty() ? QStringLiteral("-") : locale);
    // Forgotten embeds count as never checked: the next cycle writes each in the new language.
    policy.forgetAll();
}

void BotContext::applySettings()
{
    UpdatePolicy::Settings update;
    update.cpuDeltaThreshold = config.bot.cpuDeltaThreshold;
    update.forcedRefreshMs = qint64(config.bot.forcedRefresh) * 1000;
    policy.setSettings(update);
    if (config.bot.historyLength > 0)
        history.setLength(config.bot.historyLength);
    AccessPolicy::Settings accessSettings = access.settings();
    accessSettings.guildId = config.discord.guildId;
    accessSettings.controlRole = config.discord.controlRole;
    accessSettings.statusRole = config.discord.statusRole;
    access.setSettings(accessSettings);
    cooldown.setCooldownMs(tuning.powerCooldownMs);
    notePublicLocale();
}

} // namespace Pterodisbot
