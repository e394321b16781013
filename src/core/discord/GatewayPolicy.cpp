#include "discord/GatewayPolicy.h"

namespace Pterodisbot {

namespace {

GatewayCloseDecision resume(const QString &name, bool ourBug = false)
{
    return {GatewayCloseAction::Resume, ourBug, name, {}};
}

GatewayCloseDecision identify(const QString &name)
{
    return {GatewayCloseAction::Identify, false, name, {}};
}

GatewayCloseDecision fatal(const QString &name, const QString &userMessage)
{
    return {GatewayCloseAction::Fatal, false, name, userMessage};
}

} // namespace

GatewayCloseDecision gatewayCloseDecision(std::optional<int> code)
{
    if (!code)
        return resume(QStringLiteral("connection lost"));
    switch (*code) {
    case 1000: // Qt also reports 1000 when the TCP connection ended without a close frame
        return resume(QStringLiteral("normal closure or connection lost"));
    case 1001:
        return resume(QStringLiteral("going away"));
    case 1005:
    case 1006:
        return resume(QStringLiteral("connection lost"));
    case 4000:
        return resume(QStringLiteral("Unknown error"));
    case 4001:
        return resume(QStringLiteral("Unknown opcode"), true);
    case 4002:
        return resume(QStringLiteral("Decode error"), true);
    case 4008:
        return resume(QStringLiteral("Rate limited"));
    case 4003:
        return identify(QStringLiteral("Not authenticated"));
    case 4005:
        return identify(QStringLiteral("Already authenticated"));
    case 4007:
        return identify(QStringLiteral("Invalid seq"));
    case 4009:
        return identify(QStringLiteral("Session timed out"));
    case 4004:
        return fatal(QStringLiteral("Authentication failed"),
                     QStringLiteral("the bot token was rejected (close code 4004): reset it in the "
                                    "Developer Portal (Bot → Reset Token) and update config key "
                                    "discord.token (or PTERODISBOT_DISCORD_TOKEN)"));
    case 4010:
        return fatal(QStringLiteral("Invalid shard"),
                     QStringLiteral("Discord rejected the shard settings (close code 4010): "
                                    "pterodisbot connects unsharded, so this is a bug; please "
                                    "report it"));
    case 4011:
        return fatal(QStringLiteral("Sharding required"),
                     QStringLiteral("Discord requires sharding for this bot (close code 4011): it "
                                    "is in too many guilds for one connection; pterodisbot is "
                                    "meant for one guild, so remove the bot from guilds it does "
                                    "not serve"));
    case 4012:
        return fatal(QStringLiteral("Invalid API version"),
                     QStringLiteral("Discord no longer accepts gateway API v10 (close code 4012): "
                                    "update pterodisbot to a newer release"));
    case 4013:
        return fatal(QStringLiteral("Invalid intent(s)"),
                     QStringLiteral("Discord rejected the gateway intents as invalid (close code "
                                    "4013): pterodisbot asks only for GUILDS (1), which no setting "
                                    "changes, so this is a bug or a change at Discord; please "
                                    "report it"));
    case 4014:
        return fatal(QStringLiteral("Disallowed intent(s)"),
                     QStringLiteral("disallowed intents (close code 4014): Discord says the bot "
                                    "asked for a privileged intent, but pterodisbot asks only for "
                                    "GUILDS (1), which needs no switch in the Developer Portal; "
                                    "this is a bug or a change at Discord, please report it"));
    default:
        return resume(QStringLiteral("close code %1").arg(*code));
    }
}

} // namespace Pterodisbot
