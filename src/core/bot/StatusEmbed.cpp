#include "bot/StatusEmbed.h"

#include "bot/CustomId.h"
#include "bot/OutageAlerts.h"
#include "discord/Markdown.h"
#include "discord/MessageLimits.h"

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

QString stateLabel(DisplayState state, const Server &server, const Wording &wording)
{
    switch (state) {
    case DisplayState::Running:
        return wording.translate("StatusEmbed", "Running");
    case DisplayState::Starting:
        return wording.translate("StatusEmbed", "Starting");
    case DisplayState::Stopping:
        return wording.translate("StatusEmbed", "Stopping");
    case DisplayState::Offline:
        return wording.translate("StatusEmbed", "Offline");
    case DisplayState::Suspended:
        return wording.translate("StatusEmbed", "Suspended");
    case DisplayState::Installing:
        switch (server.condition) {
        case ServerCondition::Installing:
            return wording.translate("StatusEmbed", "Installing");
        case ServerCondition::InstallFailed:
            return wording.translate("StatusEmbed", "Unavailable (install failed)");
        case ServerCondition::RestoringBackup:
            return wording.translate("StatusEmbed", "Unavailable (restoring backup)");
        case ServerCondition::Transferring:
            return wording.translate("StatusEmbed", "Unavailable (transferring)");
        case ServerCondition::Normal:
        case ServerCondition::Suspended:
        case ServerCondition::NodeMaintenance:
            break;
        }
        return wording.translate("StatusEmbed", "Unavailable (node under maintenance)");
    case DisplayState::Unreachable:
        return wording.translate("StatusEmbed", "Unreachable");
    case DisplayState::Unknown:
        break;
    }
    return wording.translate("StatusEmbed", "Unknown");
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
    const Wording &wording = view.wording;
    const DisplayState state = displayState(view);
    Embed embed;
    // The panel's text is its owner's: shown as typed, never as Markdown, a link or a mention.
    embed.title = Markdown::literal(server.name.isEmpty() ? server.identifier : server.name,
                                    MessageLimits::EmbedTitle);
    embed.description = Markdown::literalLines(server.description, MessageLimits::EmbedDescription);
    embed.color = colour(state);
    embed.timestamp = view.updatedAt;
    //: Footer of the status embed, before Discord's own time stamp; %1 is the server's id.
    embed.footerText = wording.translate("StatusEmbed", "Last update · %1")
                           .arg(Markdown::plain(server.identifier));

    embed.addField(wording.translate("StatusEmbed", "State"),
                   emoji(state) + QLatin1Char(' ') + stateLabel(state, server, wording), true);
    if (!server.node.isEmpty())
        embed.addField(wording.translate("StatusEmbed", "Node"),
                       Markdown::literal(server.node, MessageLimits::EmbedFieldValue), true);

    if (state == DisplayState::Unreachable) {
        QString text = unreachableText(view.unreachableError, wording);
        if (view.lastSeen.isValid()) {
            //: Discord shows <t:…:R> as a relative time ("5 minutes ago") in the reader's language.
            text +=
                QLatin1Char('\n') + wording.translate("StatusEmbed", "Last heard from <t:%1:R>.")
                                        .arg(view.lastSeen.toSecsSinceEpoch());
        }
        embed.addField(wording.translate("StatusEmbed", "Panel unreachable"), text, false);
        return embed;
    }

    if (view.sample && view.sample->state != PowerState::Offline) {
        const ResourceSample &sample = *view.sample;
        embed.addField(wording.translate("StatusEmbed", "CPU"),
                       formatCpu(sample.cpuAbsolute, server.limits.cpuPercent, wording), false);
        const qint64 memoryLimitMiB = server.limits.memoryMiB > 0
                                          ? server.limits.memoryMiB
                                          : qint64(double(sample.memoryLimitBytes) / kMiB);
        embed.addField(wording.translate("StatusEmbed", "Memory"),
                       formatUsage(sample.memoryBytes, memoryLimitMiB, wording), true);
        embed.addField(wording.translate("StatusEmbed", "Disk"),
                       formatUsage(sample.diskBytes, server.limits.diskMiB, wording), true);
        embed.addField(wording.translate("StatusEmbed", "Network"),
                       QStringLiteral("↓ %1 · ↑ %2")
                           .arg(formatBytes(sample.networkRxBytes, wording),
                                formatBytes(sample.networkTxBytes, wording)),
                       true);
        embed.addField(wording.translate("StatusEmbed", "Uptime"),
                       sample.uptimeMs > 0 ? OutageAlerts::formatDuration(sample.uptimeMs, wording)
                                           : QStringLiteral("—"),
                       true);
    } else if (view.sample) {
        // Offline: usage figures are zeros; disk is still worth knowing.
        embed.addField(wording.translate("StatusEmbed", "Disk"),
                       formatUsage(view.sample->diskBytes, server.limits.diskMiB, wording), true);
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
    const Wording &wording = view.wording;
    const ButtonStates states = buttonStates(displayState(view), !view.server.address().isEmpty());
    using Action = CustomId::PowerAction;
    return {ActionRow::ofButtons({
        button(ButtonStyle::Success, CustomId::power(Action::Start, id),
               wording.translate("StatusEmbed", "Start", "button"), QStringLiteral("▶️"),
               states.start),
        button(ButtonStyle::Danger, CustomId::power(Action::Stop, id),
               wording.translate("StatusEmbed", "Stop", "button"), QStringLiteral("⏹️"),
               states.stop),
        button(ButtonStyle::Primary, CustomId::power(Action::Restart, id),
               wording.translate("StatusEmbed", "Restart", "button"), QStringLiteral("🔄"),
               states.restart),
        button(ButtonStyle::Secondary, CustomId::address(id),
               wording.translate("StatusEmbed", "Show Address", "button"), QStringLiteral("🌐"),
               states.address),
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
    // The identifier comes from the panel; Discord rewrites other characters of a file name,
    // and "attachment://" would then point at nothing.
    QString name = identifier.left(MessageLimits::CustomIdMax);
    for (QChar &c : name) {
        if (!(c.isLetterOrNumber() && c.unicode() < 0x80) && c != u'-' && c != u'_')
            c = u'_';
    }
    return name + QStringLiteral("_status.png");
}

QString unreachableText(const ApiError &error, const Wording &wording)
{
    // Public text: no URLs, no keys, nothing from the panel's answer body.
    switch (error.kind) {
    case ApiError::Kind::DaemonUnreachable:
        return wording.translate("StatusEmbed", "The server's node (Wings) is not answering.");
    case ApiError::Kind::Auth:
        return wording.translate("StatusEmbed", "The panel refused the bot's API key.");
    case ApiError::Kind::RateLimited:
        return wording.translate("StatusEmbed", "The panel is rate limiting the bot.");
    case ApiError::Kind::Http:
        //: %1 is an HTTP status code such as 502.
        return wording.translate("StatusEmbed", "The panel answered with an error (HTTP %1).")
            .arg(error.httpStatus);
    case ApiError::Kind::Parse:
        return wording.translate("StatusEmbed", "The panel's answer could not be read.");
    case ApiError::Kind::Timeout:
        return wording.translate("StatusEmbed", "The panel is not answering (timed out).");
    case ApiError::Kind::Tls:
        return wording.translate("StatusEmbed", "The panel's TLS certificate is not accepted.");
    case ApiError::Kind::None:
    case ApiError::Kind::Network:
    case ApiError::Kind::NotFound:
    case ApiError::Kind::Conflict:
    case ApiError::Kind::Validation:
    case ApiError::Kind::Cancelled:
        break;
    }
    return wording.translate("StatusEmbed", "The panel is not answering.");
}

QString formatBytes(qint64 bytes, const Wording &wording)
{
    //: Units of data sizes; French writes o, Kio, Mio, Gio.
    if (bytes <= 0)
        return wording.translate("StatusEmbed", "%1 B").arg(wording.integer(0));
    const double mib = double(bytes) / kMiB;
    if (mib >= 1024.0)
        return wording.translate("StatusEmbed", "%1 GiB")
            .arg(wording.decimal(mib / 1024.0, mib >= 10 * 1024.0 ? 1 : 2));
    if (mib >= 1.0)
        return wording.translate("StatusEmbed", "%1 MiB")
            .arg(wording.decimal(mib, mib >= 100 ? 0 : 1));
    return wording.translate("StatusEmbed", "%1 KiB")
        .arg(wording.decimal(double(bytes) / 1024.0, 1));
}

QString formatCpu(double cpuAbsolute, int cpuLimitPercent, const Wording &wording)
{
    const double cpu = qIsNaN(cpuAbsolute) ? 0.0 : qMax(0.0, cpuAbsolute);
    //: How many CPU cores the server keeps busy, e.g. "1.50 cores".
    const QString cores =
        wording.translate("StatusEmbed", "%1 cores").arg(wording.decimal(cpu / 100.0, 2));
    if (cpuLimitPercent <= 0) {
        //: CPU use of a server without a CPU limit: %1 the percentage, %2 the cores.
        return wording.translate("StatusEmbed", "%1 · %2 (no limit)")
            .arg(wording.percent(cpu, 1), cores);
    }
    //: %1 the share of the limit (a percentage), %2 the limit in percent of one core
    //: (200 = two cores), %3 the cores in use.
    return wording.translate("StatusEmbed", "%1 of its %2 % limit · %3")
        .arg(wording.percent(100.0 * cpu / cpuLimitPercent, 1), wording.integer(cpuLimitPercent),
             cores);
}

QString formatUsage(qint64 usedBytes, qint64 limitMiB, const Wording &wording)
{
    if (limitMiB <= 0) {
        //: %1 is an amount such as "1.2 GiB".
        return wording.translate("StatusEmbed", "%1 (no limit)")
            .arg(formatBytes(usedBytes, wording));
    }
    const double share = 100.0 * double(usedBytes) / (double(limitMiB) * kMiB);
    //: Memory or disk use: %1 used, %2 the limit, %3 the used share in percent.
    return wording.translate("StatusEmbed", "%1 / %2 (%3 %)")
        .arg(formatBytes(usedBytes, wording), formatBytes(qint64(limitMiB * kMiB), wording),
             wording.integer(qRound(share)));
}

} // namespace StatusEmbed
} // namespace Pterodisbot
