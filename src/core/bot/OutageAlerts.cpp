#include "OutageAlerts.h"

#include "bot/StatusEmbed.h"
#include "discord/Markdown.h"
#include "logging.h"

namespace Pterodisbot {

namespace {

//! The line of \a alert naming the server \a name as given.
QString line(const OutageAlerts::Alert &alert, const QString &name, const Wording &wording)
{
    switch (alert.kind) {
    case OutageAlerts::Alert::Kind::Crash:
        return wording.translate("OutageAlerts", "%1 went offline unexpectedly").arg(name);
    case OutageAlerts::Alert::Kind::Recovery:
        //: %1 the server, %2 how long it was down ("3 min 12 s").
        return wording.translate("OutageAlerts", "%1 is back after %2")
            .arg(name, OutageAlerts::formatDuration(alert.downtimeMs, wording));
    case OutageAlerts::Alert::Kind::PanelUnreachable:
        return wording.translate("OutageAlerts", "The panel is unreachable; server states are "
                                                 "unknown until it answers again");
    case OutageAlerts::Alert::Kind::PanelRecovered:
        //: %1 how long the panel was unreachable ("3 min 12 s").
        return wording.translate("OutageAlerts", "The panel is reachable again after %1")
            .arg(OutageAlerts::formatDuration(alert.downtimeMs, wording));
    }
    return {};
}

//! \a alert with its English line, for the log and the admin window: the name as it is, since
//! neither renders Markdown.
OutageAlerts::Alert withText(OutageAlerts::Alert alert)
{
    alert.text = line(alert, alert.serverName, Wording());
    return alert;
}

} // namespace

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
        return withText(Alert{Alert::Kind::Recovery, observation.serverId, name, downtime, {}});
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
    return withText(Alert{Alert::Kind::Crash, observation.serverId, name, 0, {}});
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
        return withText(Alert{Alert::Kind::PanelUnreachable, {}, {}, 0, {}});
    }
    m_lastReachableAtMs = now;
    if (!m_panelDownSinceMs)
        return std::nullopt;
    const qint64 downtime = qMax<qint64>(0, now - *m_panelDownSinceMs);
    m_panelDownSinceMs.reset();
    return withText(Alert{Alert::Kind::PanelRecovered, {}, {}, downtime, {}});
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

QString OutageAlerts::text(const Alert &alert, const Wording &wording)
{
    return line(alert, Markdown::literal(alert.serverName, StatusEmbed::NameInTextLength), wording);
}

QString OutageAlerts::formatDuration(qint64 ms, const Wording &wording)
{
    if (ms < 1000)
        return wording.translate("OutageAlerts", "less than 1 s");
    const qint64 seconds = ms / 1000;
    // The units, each with its number: "%1 min" is "3 min".
    const auto unit = [&wording](char which, qint64 value) {
        const QString number = wording.integer(value);
        switch (which) {
        case 'd':
            //: Days of a duration ("3 d 4 h").
            return wording.translate("OutageAlerts", "%1 d").arg(number);
        case 'h':
            //: Hours of a duration ("2 h 5 min").
            return wording.translate("OutageAlerts", "%1 h").arg(number);
        case 'm':
            //: Minutes of a duration ("3 min 12 s").
            return wording.translate("OutageAlerts", "%1 min").arg(number);
        default:
            //: Seconds of a duration ("45 s").
            return wording.translate("OutageAlerts", "%1 s").arg(number);
        }
    };
    const auto pair = [&unit](char big, qint64 bigValue, char small, qint64 smallValue) {
        QString text = unit(big, bigValue);
        if (smallValue > 0)
            text += QLatin1Char(' ') + unit(small, smallValue);
        return text;
    };
    if (seconds < 60)
        return unit('s', seconds);
    if (seconds < 3600)
        return pair('m', seconds / 60, 's', seconds % 60);
    if (seconds < 86400)
        return pair('h', seconds / 3600, 'm', seconds % 3600 / 60);
    return pair('d', seconds / 86400, 'h', seconds % 86400 / 3600);
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
