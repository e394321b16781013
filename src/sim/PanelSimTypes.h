#pragma once

#include <QMetaType>
#include <QString>

namespace PterodisbotSim {

//! How the panel simulator behaves; every interval is configurable so tests run fast.
//! How long Pterodactyl serves /resources from its cache, per server
//! (ResourceUtilizationController: cache->remember(..., 20 s)).
inline constexpr int kPanelResourcesCacheMs = 20000;

struct PanelSimOptions
{
    int serverCount = 8; //!< ignored when seedFile is set
    QString seedFile;    //!< JSON seed, format in PanelSeed.h
    //! The player's client key; empty = a fresh random one. A fixed key lets a test bring
    //! the "same" panel back after taking it down.
    QString clientKey;
    quint32 randomSeed = 1;             //!< deterministic load random walk (and generated uuids)
    int tickIntervalMs = 1000;          //!< internal simulation tick; 0 = no timer, call tick()
    int startingDurationMs = 3000;      //!< starting -> running
    int stoppingDurationMs = 2000;      //!< stopping -> offline
    int statsIntervalMs = 1000;         //!< Wings stats events while starting/running/stopping
    int tokenLifetimeMs = 600000;       //!< Wings JWT lifetime (10 min like the panel)
    int tokenExpiringWarningMs = 60000; //!< "token expiring" when this much is left
    int clientRateLimit = 720;          //!< requests per window per user, client API
    int applicationRateLimit = 240;     //!< application API
    //! Requests made with a Pelican key (pacc_/papp_) meet Pelican's limits instead: this many
    //! per window on either API, and pelicanWebsocketRateLimit on /websocket on top.
    int pelicanRateLimit = 256;
    int pelicanWebsocketRateLimit = 5;
    int rateLimitWindowMs = 60000; //!< fixed window
    int serversPerNode = 50;       //!< nodes are created to hold the servers
    //! The panel answers /resources from a cache for this long per server, in simulated time;
    //! 0 = always fresh. Off by default so that tests see a state change at once;
    //! pterodisbot-sim turns it on with the panel's kPanelResourcesCacheMs.
    int resourcesCacheMs = 0;
    // Additions beyond the shared contract:
    quint16 panelPort = 0; //!< 0 = any free port
    quint16 wingsPort = 0; //!< 0 = any free port
    //! Wings' auth throttle (burst 2, then one per 5 s → "throttled" event); off by default
    //! because tests refresh tokens faster than a real client would.
    bool wingsAuthThrottle = false;
};

//! One HTTP request as the simulator saw it.
struct PanelRequestRecord
{
    qint64 elapsedMs = 0; //!< arrival, ms since simulator start (QElapsedTimer)
    QString method;       //!< "GET"
    QString path;         //!< "/api/client/servers/1a7ce997/resources" (no query)
    QString query;        //!< "page=2"
    int status = 0;       //!< status answered; 0 = held by setHanging (never answered)
};

} // namespace PterodisbotSim

Q_DECLARE_METATYPE(PterodisbotSim::PanelRequestRecord)
