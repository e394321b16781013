#pragma once

#include <optional>

#include <QHash>
#include <QString>

#include "Clock.h"
#include "i18n/Wording.h"
#include "pterodactyl/models.h"

namespace Pterodisbot {

//! Tells crashes from intended stops and reports when a server (or the panel) is back.
//!
//! Fed with each tracked server's observed power state. A crash is a Running -> Offline
//! transition that the bot did not ask for: a stop/restart sent by the bot within the
//! expectation window makes that transition expected. Running -> Stopping -> Offline is not a
//! crash either (someone asked the panel for a stop; crashed processes go straight to
//! offline). A crashed server that is seen running again yields a recovery alert with the
//! downtime, counted from the crash alert.
//!
//! The panel being unreachable is its own state with its own alerts: it never makes a server
//! crash, and Unknown observations (no data) are ignored. Known limit: with polling, a crash
//! that Wings auto-restarts between two polls looks like Running -> Starting and is not
//! reported.
class OutageAlerts
{
public:
    struct Settings
    {
        //! How long after the bot sent a stop/restart an offline server is still expected.
        qint64 expectationWindowMs = 300'000;
    };

    struct Alert
    {
        enum class Kind { Crash, Recovery, PanelUnreachable, PanelRecovered };
        Kind kind = Kind::Crash;
        QString serverId;   //!< empty for panel alerts
        QString serverName; //!< the id when no name was given; empty for panel alerts
        //! Recovery alerts: how long it was down; 0 otherwise.
        qint64 downtimeMs = 0;
        //! One line in English for the log and the admin window, e.g. "Survival is back after
        //! 3 min 12 s"; the alert channel reads text(alert, guild wording).
        QString text;
    };

    struct Observation
    {
        QString serverId;
        QString serverName;
        PowerState state = PowerState::Unknown;
        //! Monotonic ms of the observation; negative means "now" from the clock.
        qint64 atMs = -1;
        //! The bot has a stop/restart/kill for this server in flight.
        bool botStopPending = false;
    };

    //! \a clock must outlive this object; null means SystemClock::instance().
    explicit OutageAlerts(Clock *clock = nullptr);
    OutageAlerts(Clock *clock, Settings settings);

    //! Records \a observation; returns an alert when it completes a crash or a recovery.
    std::optional<Alert> observe(const Observation &observation);

    //! The bot sent a stop, restart or kill to \a serverId: the next offline is no crash.
    void expectStop(const QString &serverId, qint64 atMs = -1);

    //! Records whether the panel answers; returns an alert on each change. Starts reachable.
    //! The downtime of the recovery alert counts from the last call that said reachable (the
    //! last good reading), so a panel that hangs until the requests time out is not
    //! understated by the time it took to find out.
    std::optional<Alert> setPanelReachable(bool reachable, qint64 atMs = -1);
    bool isPanelReachable() const { return !m_panelDownSinceMs.has_value(); }

    //! True between a crash alert for \a serverId and its recovery.
    bool isDown(const QString &serverId) const;
    //! Drops everything known about \a serverId (untracked).
    void forget(const QString &serverId);

    Settings settings() const { return m_settings; }
    void setSettings(Settings settings);

    //! The line of \a alert in \a wording's language, as the alert channel shows it: the
    //! server's name literally (Markdown::literal()), never as formatting or a mention.
    static QString text(const Alert &alert, const Wording &wording);
    //! "45 s", "3 min 12 s", "2 h 5 min", "3 d 4 h"; "less than 1 s" below a second.
    static QString formatDuration(qint64 ms, const Wording &wording = {});
    static QString kindName(Alert::Kind kind);

private:
    struct ServerState
    {
        PowerState last = PowerState::Unknown;
        std::optional<qint64> stopExpectedSinceMs;
        bool expectedStopLeftRunning = false;
        std::optional<qint64> downSinceMs;
    };

    qint64 timeOf(qint64 atMs) const;
    void dropStaleExpectation(ServerState &server, qint64 now) const;

    Clock *m_clock;
    Settings m_settings;
    QHash<QString, ServerState> m_servers;
    std::optional<qint64> m_panelDownSinceMs;
    //! The last time the panel was seen answering: an outage is counted from here.
    std::optional<qint64> m_lastReachableAtMs;
};

} // namespace Pterodisbot
