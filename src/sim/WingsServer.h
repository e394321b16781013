#pragma once

#include <QHash>
#include <QObject>

#include "PanelWorld.h"
#include "WingsSession.h"

class QWebSocketServer;
class QWebSocketCorsAuthenticator;

namespace PterodisbotSim {

//! Wings' websocket endpoint `/api/servers/<uuid>/ws` for every simulated node (one port).
//! Refuses the upgrade unless Origin is the panel URL; closes sockets of unknown servers and of
//! servers whose node is down; pushes stats every statsIntervalMs of simulated time.
class WingsServer : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WingsServer)

public:
    struct Options
    {
        int statsIntervalMs = 1000;
        WingsSession::Options session;
    };

    WingsServer(PanelWorld &world, const Options &options, QObject *parent = nullptr);
    ~WingsServer() override;

    bool listen(quint16 port, QString *error);
    quint16 port() const;
    void setAllowedOrigin(const QString &origin) { m_allowedOrigin = origin; }

    void dropConnections();
    //! Closes the sessions of every server on \a nodeId (its Wings went away).
    void dropNode(int nodeId);
    int sessionCount() const { return int(m_sessions.size()); }

private:
    void onNewConnection();
    void onOriginCheck(QWebSocketCorsAuthenticator *authenticator);
    void onStateChanged(int index, PterodisbotSim::SimPowerState state);
    void onTicked(int elapsedMs);
    void onSessionClosed(WingsSession *session);

    PanelWorld &m_world;
    Options m_options;
    QWebSocketServer *m_server;
    QString m_allowedOrigin;
    QMultiHash<int, WingsSession *> m_byServer;
    QList<WingsSession *> m_sessions;
    qint64 m_sinceStatsMs = 0;
};

} // namespace PterodisbotSim
