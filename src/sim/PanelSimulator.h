#pragma once

#include <memory>

#include <QElapsedTimer>
#include <QObject>
#include <QStringList>
#include <QUrl>

#include "PanelSimTypes.h"

class QTimer;

namespace PterodisbotSim {

class PanelApi;
class PanelHttpServer;
class PanelWorld;
class WingsServer;

/*!
 * A Pterodactyl panel (client + application API) and its Wings websocket on 127.0.0.1, written
 * from the wire reference alone. Used by the integration tests, `pterodisbot --demo` and the
 * `pterodisbot-sim` tool.
 *
 * Time: the power state machine, load, uptime, Wings stats and token lifetimes run on simulated
 * time that only moves in tick() (driven by a timer unless tickIntervalMs is 0), so Wings stats
 * come at most once per tick. Rate limits, latency and request records use real time.
 *
 * Faults are applied after authentication and throttling (they consume budget and carry the
 * X-RateLimit headers, as a Wings failure behind the panel would); a 429 storm comes first.
 */
class PanelSimulator : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PanelSimulator)

public:
    explicit PanelSimulator(QObject *parent = nullptr);
    ~PanelSimulator() override;

    //! Seeds the servers and binds HTTP and Wings on 127.0.0.1 (port 0 = any free port).
    bool start(const PanelSimOptions &options = {});
    QString errorString() const { return m_error; }
    const PanelSimOptions &options() const { return m_options; }

    QUrl panelUrl() const; //!< "http://127.0.0.1:<port>" (no trailing slash, no path)
    QUrl wingsUrl() const; //!< "ws://127.0.0.1:<port>"

    //! Keys: prefix + 11 + 32 characters, made at start. The client key belongs to a non-admin
    //! user who owns every server; the admin client key to a root admin; the application keys
    //! to the root admin; the Pelican keys (pacc_/papp_) to the same users.
    QString clientKey() const { return m_clientKey; }
    QString adminClientKey() const { return m_adminClientKey; }
    QString applicationKey() const { return m_applicationKey; }
    QString pelicanClientKey() const { return m_pelicanClientKey; }
    QString pelicanApplicationKey() const { return m_pelicanApplicationKey; }

    QStringList serverIdentifiers() const; //!< 8-char identifiers, in panel order
    QString serverUuid(const QString &identifier) const;
    int serverInternalId(const QString &identifier) const;
    QString serverName(const QString &id) const;
    int serverNodeId(const QString &id) const;
    int nodeCount() const;
    //! "offline" | "starting" | "running" | "stopping" (identifier or uuid accepted); "" unknown.
    QString serverState(const QString &id) const;
    //! Forces a state at once; starting/stopping still move on after their duration.
    void setServerState(const QString &id, const QString &state);
    //! "", "suspended", "installing", "install_failed", "restoring_backup", "transferring".
    void setServerStatus(const QString &id, const QString &status);
    //! The status set by the seed or setServerStatus() (addition).
    QString serverStatus(const QString &id) const;
    void setNodeMaintenance(int nodeId, bool on);
    //! /resources of this server, while offline, reports "stopped" with zeros (Wings without
    //! a state), as the panel does.
    void setReportStopped(const QString &id, bool on);
    //! Current simulated load of a server, the way /resources would show it.
    double serverCpu(const QString &id) const;
    qint64 serverMemoryBytes(const QString &id) const;
    qint64 serverUptimeMs(const QString &id) const;
    //! Advances the simulation (state machine, load, uptime, Wings stats, tokens) by hand.
    void tick(int elapsedMs);
    qint64 simulatedMs() const;

    // Fault injection. server = identifier; empty = every server (and, when clearing, clears
    // the per-server settings too).
    void setLatency(int ms);                              //!< every HTTP answer delayed
    void setHanging(bool on, const QString &server = {}); //!< requests never answered
    //! 0 clears; 500/502/503/504 with the panel's error envelope.
    void setFailure(int httpStatus, const QString &server = {});
    void setMalformedBodies(bool on, const QString &server = {}); //!< 2xx with broken JSON
    void setRateLimitStorm(bool on); //!< every API request answers 429 (Retry-After: 1)
    //! Its servers: /resources 504, power 502, Wings closes their sockets and refuses new ones.
    void setNodeDown(int nodeId, bool down);
    void dropWingsConnections(); //!< abort every Wings socket
    void dropHttpConnections();  //!< abort open HTTP connections
    int wingsSessionCount() const;
    //! The websocket tokens minted and not swept yet (secrets a log must never show).
    QStringList wingsTokens() const;

    QList<PanelRequestRecord> requests() const;
    void clearRequests();

signals:
    void requestHandled(const PterodisbotSim::PanelRequestRecord &record);
    void serverStateChanged(const QString &identifier, const QString &state);

private:
    int indexOf(const QString &id) const;
    void makeKeys();

    PanelSimOptions m_options;
    QString m_error;
    std::unique_ptr<PanelWorld> m_world;
    std::unique_ptr<PanelApi> m_api;
    PanelHttpServer *m_http = nullptr;
    WingsServer *m_wings = nullptr;
    QTimer *m_ticker = nullptr;
    QElapsedTimer m_sinceTick;
    quint16 m_panelPort = 0;
    QString m_clientKey;
    QString m_adminClientKey;
    QString m_applicationKey;
    QString m_pelicanClientKey;
    QString m_pelicanApplicationKey;
};

} // namespace PterodisbotSim
