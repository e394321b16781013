#include "OutageAlerts.h"

#include "logging.h"

namespace Pterodisbot {

OutageAlerts::OutageAlerts(Clock *clock)
    : OutageAlerts(clock, Settings{})
{}

OutageAlerts::OutageAlerts(Clock *clock, Settings settings)
    : m_clock(clock ? clock : SystemClock::instance())
{
    setSettings(settings);
}

void OutageAlerts::setSettings(Settings settings)
{
    settings.expectationWindowMs = qMax<qint64>(0, settings.expectationWindowMs);
    m_settings = settings;
}

qint64 OutageAlerts::timeOf(qint64 atMs) const
{
    return atMs >= 0 ? atMs : m_clock->monotonicMs();
}

void OutageAlerts::dropStaleExpectation(ServerState &server, qint64 now) const
{
    if (server.stopExpectedSinceMs &&
        now - *server.stopExpectedSinceMs > m_settings.expectationWindowMs) {
        server.stopExpectedSinceMs.reset();
        server.expectedStopLeftRunning = false;
    }
}

void OutageAlerts::expectStop(const QString &serverId, qint64 atMs)
{
    ServerState &server = m_servers[serverId];
    server.stopExpectedSinceMs = timeOf(atMs);
    server.expectedStopLeftRunning = false;
}

std::optional<OutageAlerts::Alert> OutageAlerts::observe(const Observation &observation)
{
    // Unknown means we have no data (panel or Wings unreachable): not a state change.
    if (observation.state == PowerState::Unknown)
        return std::nullopt;

    const qint64 now = timeOf(observation.atMs);
    ServerState &server = m_servers[observation.serverId];
    dropStaleExpectation(server, now);
    if (observation.botStopPending && !server.stopExpectedSinceMs)
        server.stopExpectedSinceMs = now;

    const QString name =
        observation.serverName.isEmpty() ? observation.serverId : observation.serverName;
    const PowerState previous = server.last;
    server.last = observation.state;

    if (observation.state == PowerState::Running) {
        // A restart that completed between two observations: the expectation is used up.
        if (server.expectedStopLeftRunning) {
            server.stopExpectedSinceMs.reset();
            server.expectedStopLeftRunning = false;
        }
        if (!server.downSinceMs)
            return std::nullopt;
        const qint64 downtime = qMax<qint64>(0, now - *server.downSinceMs);
        server.downSinceMs.reset();
        qCInfo(lcBot) << "server" << observation.serverId << "recovered after" << downtime << "ms";
        return Alert{Alert::Kind::Recovery, observation.serverId, name, downtime,
                     QStringLiteral("%1 is back after %2").arg(name, formatDuration(downtime))};
    }

    if (server.stopExpectedSinceMs) {
        if (observation.state != PowerState::Offline) {
            server.expectedStopLeftRunning = true;
            return std::nullopt;
        }
        // The stop we sent has landed; from here on an offline is news again.
        qCDebug(lcBot) << "server" << observation.serverId
                       << "went offline after a stop by the bot";
        server.stopExpectedSinceMs.reset();
        server.expectedStopLeftRunning = false;
        return std::nullopt;
    }
    if (observation.state != PowerState::Offline || previous != PowerState::Running)
        return std::nullopt;
    if (server.downSinceMs)
        return std::nullopt;
    server.downSinceMs = now;
    qCWarning(lcBot) << "server" << observation.serverId << "went offline unexpectedly";
    return Alert{Alert::Kind::Crash, observation.serverId, name, 0,
                 QStringLiteral("%1 went offline unexpectedly").arg(name)};
}

std::optional<OutageAlerts::Alert> OutageAlerts::setPanelReachable(bool reachable, qint64 atMs)
{
    const qint64 now = timeOf(atMs);
    if (!reachable) {
        if (m_panelDownSinceMs)
            return std::nullopt;
        // A panel that hangs is only found out when the requests time out, long after it
        // stopped answering: the outage began after the last good reading, not now.
        m_panelDownSinceMs = m_lastReachableAtMs.value_or(now);
        return Alert{Alert::Kind::PanelUnreachable,
                     {},
                     {},
                     0,
                     QStringLiteral("The panel is unreachable; server states are unknown until "
                                    "it answers again")};
    }
    m_lastReachableAtMs = now;
    if (!m_panelDownSinceMs)
        return std::nullopt;
    const qint64 downtime = qMax<qint64>(0, now - *m_panelDownSinceMs);
    m_panelDownSinceMs.reset();
    return Alert{
        Alert::Kind::PanelRecovered,
        {},
        {},
        downtime,
        QStringLiteral("The panel is reachable again after %1").arg(formatDuration(downtime))};
}

bool OutageAlerts::isDown(const QString &serverId) const
{
    const auto it = m_servers.constFind(serverId);
    return it != m_servers.cend() && it->downSinceMs.has_value();
}

void OutageAlerts::forget(const QString &serverId)
{
    m_servers.remove(serverId);
}

QString OutageAlerts::formatDuration(qint64 ms)
{
    if (ms < 1000)
        return QStringLiteral("less than 1 s");
    const qint64 seconds = ms / 1000;
    const auto pair = [](qint64 big, const char *bigUnit, qint64 small, const char *smallUnit) {
        QString text = QString::number(big) + QLatin1Char(' ') + QLatin1String(bigUnit);
        if (small > 0)
            text += QLatin1Char(' ') + QString::number(small) + QLatin1Char(' ') +
                    QLatin1String(smallUnit);
        return text;
    };
    if (seconds < 60)
        return QStringLiteral("%1 s").arg(seconds);
    if (seconds < 3600)
        return pair(seconds / 60, "min", seconds % 60, "s");
    if (seconds < 86400)
        return pair(seconds / 3600, "h", seconds % 3600 / 60, "min");
    return pair(seconds / 86400, "d", seconds % 86400 / 3600, "h");
}

QString OutageAlerts::kindName(Alert::Kind kind)
{
    switch (kind) {
    case Alert::Kind::Crash:
        return QStringLiteral("crash");
    case Alert::Kind::Recovery:
        return QStringLiteral("recovery");
    case Alert::Kind::PanelUnreachable:
        return QStringLiteral("panel unreachable");
    case Alert::Kind::PanelRecovered:
        return QStringLiteral("panel recovered");
    }
    return {};
}

} // namespace Pterodisbot
