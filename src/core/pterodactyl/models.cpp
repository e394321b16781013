#include "pterodactyl/models.h"

namespace Pterodisbot {

PowerState powerStateFromString(const QString &state)
{
    if (state == QLatin1String("running"))
        return PowerState::Running;
    if (state == QLatin1String("starting"))
        return PowerState::Starting;
    if (state == QLatin1String("stopping"))
        return PowerState::Stopping;
    // The panel reports "stopped" with zeros when Wings omits the state.
    if (state == QLatin1String("offline") || state == QLatin1String("stopped"))
        return PowerState::Offline;
    return PowerState::Unknown;
}

QString powerStateName(PowerState state)
{
    switch (state) {
    case PowerState::Offline:
        return QStringLiteral("offline");
    case PowerState::Starting:
        return QStringLiteral("starting");
    case PowerState::Running:
        return QStringLiteral("running");
    case PowerState::Stopping:
        return QStringLiteral("stopping");
    case PowerState::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

QString serverConditionName(ServerCondition condition)
{
    switch (condition) {
    case ServerCondition::Normal:
        return QStringLiteral("normal");
    case ServerCondition::Suspended:
        return QStringLiteral("suspended");
    case ServerCondition::Installing:
        return QStringLiteral("installing");
    case ServerCondition::InstallFailed:
        return QStringLiteral("install failed");
    case ServerCondition::RestoringBackup:
        return QStringLiteral("restoring backup");
    case ServerCondition::Transferring:
        return QStringLiteral("transferring");
    case ServerCondition::NodeMaintenance:
        return QStringLiteral("node under maintenance");
    }
    return {};
}

QString powerSignalName(PowerSignal signal)
{
    switch (signal) {
    case PowerSignal::Start:
        return QStringLiteral("start");
    case PowerSignal::Stop:
        return QStringLiteral("stop");
    case PowerSignal::Restart:
        return QStringLiteral("restart");
    case PowerSignal::Kill:
        return QStringLiteral("kill");
    }
    return {};
}

QString Server::address() const
{
    for (const Allocation &allocation : allocations) {
        if (!allocation.isDefault && allocations.size() > 1)
            continue;
        const QString host = allocation.alias.isEmpty() ? allocation.ip : allocation.alias;
        return host + QLatin1Char(':') + QString::number(allocation.port);
    }
    return {};
}

} // namespace Pterodisbot
