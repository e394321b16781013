#pragma once

#include <QList>
#include <QString>

#include "bot/PowerCooldown.h"

namespace Pterodisbot {

//! Knobs that are not user configuration. The defaults are what production uses; tests, the
//! demo and the benchmarks shrink the intervals so they run in milliseconds.
struct BotTuning
{
    //! Milliseconds between update cycles; 0 = the configured bot.update_interval seconds.
    int cycleIntervalMs = 0;
    //! Work on an interaction that takes longer than this (counted from its arrival) is
    //! acknowledged first ("thinking…") and answered by editing the reply; Discord allows 3 s.
    int autoDeferMs = 2000;
    qint64 powerCooldownMs = PowerCooldown::defaultCooldownMs;
    //! The server list is cached between cycles and fetched again every this many cycles (or
    //! at once when a tracked server is not in it).
    int serverListRefreshCycles = 30;
    //! /server_status asks the panel about at most this many servers whose state is not known
    //! from the last cycle; the rest are counted as "not checked yet".
    int statusFetchLimit = 100;
    //! Freshening edits (forced refresh, first graph) per cycle; 0 = enough to refresh every
    //! embed twice per forced-refresh period (at least 4). State changes are never held back.
    int lazyEditsPerCycle = 0;
    //! A Wings sample older than this is not used and the server is polled instead;
    //! 0 = two cycle intervals.
    int streamStaleMs = 0;
    //! Waits before retrying a failed request (one retry per entry).
    QList<int> discordRetryBackoffsMs = {1000, 3000, 6000};
    QList<int> panelRetryBackoffsMs = {1000, 3000};
    //! Client API requests per minute the bot allows itself; Pterodactyl's default limit is
    //! 720 (APP_API_CLIENT_RATELIMIT). Raise it only for a panel configured with more.
    int panelClientRequestsPerMinute = 720;
    //! Start-up against a Discord that does not answer yet (network not up at boot, DNS, 5xx):
    //! every step is tried again after a wait that doubles from base to max, with jitter.
    int startupBackoffBaseMs = 1000;
    int startupBackoffMaxMs = 300'000;
    //! At shutdown, requests already on the wire get this long to finish; then they are
    //! cancelled (well below systemd's stop timeout).
    int shutdownGraceMs = 3000;
    //! Reconnect backoff of the gateway and the Wings streams.
    int gatewayBackoffBaseMs = 1000;
    int gatewayIdentifyGapMs = 5000;
    QList<int> streamReconnectDelaysMs = {1000, 2000, 5000, 10000, 30000};
    //! The Python bot's `embed/embed_locations.json`, imported once when our own file does not
    //! exist yet; empty = `<data dir>/embed/embed_locations.json`.
    QString legacyStoreFile;
    //! Keep the PNG bytes of each embed's chart for the observers (EmbedSnapshot::lastImage):
    //! the admin window's preview; off in the headless service, where nobody looks at them.
    bool keepEmbedImages = false;
};

} // namespace Pterodisbot
