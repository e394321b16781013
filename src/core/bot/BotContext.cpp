#include "bot/BotContext.h"

#include <algorithm>

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
    return access.check(request);
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
}

} // namespace Pterodisbot
