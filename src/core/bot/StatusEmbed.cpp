#include "bot/StatusEmbed.h"

#include "bot/CustomId.h"
#include "bot/OutageAlerts.h"

namespace Pterodisbot {

QString displayStateName(DisplayState state)
{
    switch (state) {
    case DisplayState::Running:
        return QStringLiteral("running");
    case DisplayState::Starting:
        return QStringLiteral("starting");
    case DisplayState::Stopping:
        return QStringLiteral("stopping");
    case DisplayState::Offline:
        return QStringLiteral("offline");
    case DisplayState::Suspended:
        return QStringLiteral("suspended");
    case DisplayState::Installing:
        return QStringLiteral("installing");
    case DisplayState::Unreachable:
        return QStringLiteral("unreachable");
    case DisplayState::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

namespace StatusEmbed {

namespace {

constexpr double kMiB = 1024.0 * 1024.0;

QString percent(double value)
{
    return QString::number(value, 'f', 1) + QStringLiteral(" %");
}

std::optional<ComponentId> idFor(const CustomId &id)
{
    return ComponentId::create(id.encode());
}

Button button(ButtonStyle style, const CustomId &id, const QString &label, const QString &emoji,
              bool enabled)
{
    Button result;
    result.style = style;
    result.customId = idFor(id);
    result.label = label;
    result.emoji = emoji;
    result.disabled = !enabled;
    return result;
}

} // namespace

DisplayState displayState(const Server &server, const ResourceSample *sample, bool unreachable)
{
    // What the panel says about the server itself beats the power state: a suspended server
    // cannot be started whatever Wings reports.
    if (server.condition == ServerCondition::Suspended || (sample && sample->isSuspended))
        return DisplayState::Suspended;
    if (server.condition != ServerCondition::Normal || server.nodeUnderMaintenance)
        return DisplayState::Installing;
    if (unreachable)
        return DisplayState::Unreachable;
    if (!sample)
        return DisplayState::Unknown;
    switch (sample->state) {
    case PowerState::Running:
        return DisplayState::Running;
    case PowerState::Starting:
        return DisplayState::Starting;
    case PowerState::Stopping:
        return DisplayState::Stopping;
    case PowerState::Offline:
        return DisplayState::Offline;
    case PowerState::Unknown:
        break;
    }
    return DisplayState::Unknown;
}

DisplayState displayState(const StatusView &view)
{
    return displayState(view.server, view.sample ? &*view.sample : nullptr, view.unreachable);
}

qint64 colour(DisplayState state)
{
    switch (state) {
    case DisplayState::Running:
        return ColourRunning;
    case DisplayState::Starting:
    case DisplayState::Stopping:
        return ColourTransition;
    case DisplayState::Offline:
        return ColourOffline;
    case DisplayState::Suspended:
    case DisplayState::Installing:
    case DisplayState::Unreachable:
    case DisplayState::Unknown:
        break;
    }
    return ColourGrey;
}

QString emoji(DisplayState state)
{
    switch (state) {
    case DisplayState::Running:
        return QStringLiteral("🟢");
    case DisplayState::Starting:
    case DisplayState::Stopping:
        return QStringLiteral("🟡");
    case DisplayState::Offline:
        return QStringLiteral("🔴");
    case DisplayState::Suspended:
        return QStringLiteral("⛔");
    case DisplayState::Installing:
        return QStringLiteral("🛠️");
    case DisplayState::Unreachable:
        return QStringLiteral("⚠️");
    case DisplayState::Unknown:
        break;
    }
    return QStringLiteral("⚪");
}

QString stateLabel(DisplayState state, const Server &server)
{
    switch (state) {
    case DisplayState::Running:
        return QStringLiteral("Running");
    case DisplayState::Starting:
        return QStringLiteral("Starting");
    case DisplayState::Stopping:
        return QStringLiteral("Stopping");
    case DisplayState::Offline:
        return QStringLiteral("Offline");
    case DisplayState::Suspended:
        return QStringLiteral("Suspended");
    case DisplayState::Installing: {
        if (server.condition == ServerCondition::Installing)
            return QStringLiteral("Installing");
        const QString why = server.condition == ServerCondition::Normal
                                ? serverConditionName(ServerCondition::NodeMaintenance)
                                : serverConditionName(server.condition);
        return QStringLiteral("Unavailable (%1)").arg(why);
    }
    case DisplayState::Unreachable:
        return QStringLiteral("Unreachable");
    case DisplayState::Unknown:
        break;
    }
    return QStringLiteral("Unknown");
}

ButtonStates buttonStates(DisplayState state, bool hasAddress)
{
    ButtonStates buttons;
    buttons.address = hasAddress;
    switch (state) {
    case DisplayState::Running:
    case DisplayState::Starting:
        buttons.stop = true;
        buttons.restart = true;
        break;
    case DisplayState::Offline:
        buttons.start = true;
        break;
    case DisplayState::Unknown:
        // We do not know better than the member: let the panel decide.
        buttons.start = true;
        buttons.stop = true;
        buttons.restart = true;
        break;
    case DisplayState::Stopping:
    case DisplayState::Suspended:
    case DisplayState::Installing:
    case DisplayState::Unreachable:
        break;
    }
    return buttons;
}

Embed embed(const StatusView &view)
{
    const Server &server = view.server;
    const DisplayState state = displayState(view);
    Embed embed;
    embed.title = server.name.isEmpty() ? server.identifier : server.name;
    embed.description = server.description;
    embed.color = colour(state);
    embed.timestamp = view.updatedAt;
    embed.footerText = QStringLiteral("Last update · %1").arg(server.identifier);

    embed.addField(QStringLiteral("State"),
                   emoji(state) + QLatin1Char(' ') + stateLabel(state, server), true);
    if (!server.node.isEmpty())
        embed.addField(QStringLiteral("Node"), server.node, true);

    if (state == DisplayState::Unreachable) {
        QString text = view.unreachableReason.isEmpty()
                           ? QStringLiteral("The panel is not answering.")
                           : view.unreachableReason;
        if (view.lastSeen.isValid()) {
            text +=
                QStringLiteral("\nLast heard from <t:%1:R>.").arg(view.lastSeen.toSecsSinceEpoch());
        }
        embed.addField(QStringLiteral("Panel unreachable"), text, false);
        return embed;
    }

    if (view.sample && view.sample->state != PowerState::Offline) {
        const ResourceSample &sample = *view.sample;
        embed.addField(QStringLiteral("CPU"),
                       formatCpu(sample.cpuAbsolute, server.limits.cpuPercent), false);
        const qint64 memoryLimitMiB = server.limits.memoryMiB > 0
                                          ? server.limits.memoryMiB
                                          : qint64(double(sample.memoryLimitBytes) / kMiB);
        embed.addField(QStringLiteral("Memory"), formatUsage(sample.memoryBytes, memoryLimitMiB),
                       true);
        embed.addField(QStringLiteral("Disk"), formatUsage(sample.diskBytes, server.limits.diskMiB),
                       true);
        embed.addField(
            QStringLiteral("Network"),
            QStringLiteral("↓ %1 · ↑ %2")
                .arg(formatBytes(sample.networkRxBytes), formatBytes(sample.networkTxBytes)),
            true);
        embed.addField(QStringLiteral("Uptime"),
                       sample.uptimeMs > 0 ? OutageAlerts::formatDuration(sample.uptimeMs)
                                           : QStringLiteral("—"),
                       true);
    } else if (view.sample) {
        // Offline: usage figures are zeros; disk is still worth knowing.
        embed.addField(QStringLiteral("Disk"),
                       formatUsage(view.sample->diskBytes, server.limits.diskMiB), true);
    }
    if (!view.chartFileName.isEmpty())
        embed.setImageAttachment(view.chartFileName);
    return embed;
}

QList<ActionRow> components(const StatusView &view)
{
    const QString &id = view.server.identifier;
    if (!CustomId::isValidIdentifier(id))
        return {};
    const ButtonStates states = buttonStates(displayState(view), !view.server.address().isEmpty());
    using Action = CustomId::PowerAction;
    return {ActionRow::ofButtons({
        button(ButtonStyle::Success, CustomId::power(Action::Start, id), QStringLiteral("Start"),
               QStringLiteral("▶️"), states.start),
        button(ButtonStyle::Danger, CustomId::power(Action::Stop, id), QStringLiteral("Stop"),
               QStringLiteral("⏹️"), states.stop),
        button(ButtonStyle::Primary, CustomId::power(Action::Restart, id),
               QStringLiteral("Restart"), QStringLiteral("🔄"), states.restart),
        button(ButtonStyle::Secondary, CustomId::address(id), QStringLiteral("Show Address"),
               QStringLiteral("🌐"), states.address),
    })};
}

Message message(const StatusView &view)
{
    Message message;
    message.embeds = {embed(view)};
    message.components = components(view);
    return message;
}

QString chartFileName(const QString &identifier)
{
    return identifier + QStringLiteral("_status.png");
}

QString formatBytes(qint64 bytes)
{
    if (bytes <= 0)
        return QStringLiteral("0 B");
    const double mib = double(bytes) / kMiB;
    if (mib >= 1024.0)
        return QString::number(mib / 1024.0, 'f', mib >= 10 * 1024.0 ? 1 : 2) +
               QStringLiteral(" GiB");
    if (mib >= 1.0)
        return QString::number(mib, 'f', mib >= 100 ? 0 : 1) + QStringLiteral(" MiB");
    return QString::number(double(bytes) / 1024.0, 'f', 1) + QStringLiteral(" KiB");
}

QString formatCpu(double cpuAbsolute, int cpuLimitPercent)
{
    const double cpu = qIsNaN(cpuAbsolute) ? 0.0 : qMax(0.0, cpuAbsolute);
    const QString cores = QString::number(cpu / 100.0, 'f', 2) + QStringLiteral(" cores");
    if (cpuLimitPercent <= 0)
        return percent(cpu) + QStringLiteral(" · ") + cores + QStringLiteral(" (no limit)");
    return QStringLiteral("%1 of its %2 % limit · %3")
        .arg(percent(100.0 * cpu / cpuLimitPercent))
        .arg(cpuLimitPercent)
        .arg(cores);
}

QString formatUsage(qint64 usedBytes, qint64 limitMiB)
{
    if (limitMiB <= 0)
        return formatBytes(usedBytes) + QStringLiteral(" (no limit)");
    const double share = 100.0 * double(usedBytes) / (double(limitMiB) * kMiB);
    return QStringLiteral("%1 / %2 (%3 %)")
        .arg(formatBytes(usedBytes), formatBytes(qint64(limitMiB * kMiB)))
        .arg(qRound(share));
}

} // namespace StatusEmbed
} // namespace Pterodisbot
