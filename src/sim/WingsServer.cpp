#include "WingsServer.h"

#include <QWebSocket>
#include <QWebSocketCorsAuthenticator>
#include <QWebSocketServer>

#include "simlogging.h"

namespace PterodisbotSim {

namespace {

// The server uuid of "/api/servers/<uuid>/ws", or empty.
QString uuidFromPath(const QString &path)
{
    const QStringList parts = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (parts.size() == 4 && parts.at(0) == QLatin1String("api") &&
        parts.at(1) == QLatin1String("servers") && parts.at(3) == QLatin1String("ws"))
        return parts.at(2);
    return {};
}

} // namespace

WingsServer::WingsServer(PanelWorld &world, const Options &options, QObject *parent)
    : QObject(parent)
    , m_world(world)
    , m_options(options)
    , m_server(new QWebSocketServer(QStringLiteral("Wings"), QWebSocketServer::NonSecureMode, this))
{
    // Direct: the authenticator only lives during the handshake.
    connect(m_server, &QWebSocketServer::originAuthenticationRequired, this,
            &WingsServer::onOriginCheck, Qt::DirectConnection);
    connect(m_server, &QWebSocketServer::newConnection, this, &WingsServer::onNewConnection);
    connect(&m_world, &PanelWorld::stateChanged, this, &WingsServer::onStateChanged);
    connect(&m_world, &PanelWorld::ticked, this, &WingsServer::onTicked);
}

WingsServer::~WingsServer() = default;

bool WingsServer::listen(quint16 port, QString *error)
{
    if (!m_server->listen(QHostAddress::LocalHost, port)) {
        *error = QStringLiteral("Wings websocket: %1").arg(m_server->errorString());
        return false;
    }
    return true;
}

quint16 WingsServer::port() const
{
    return m_server->serverPort();
}

void WingsServer::onOriginCheck(QWebSocketCorsAuthenticator *authenticator)
{
    QString origin = authenticator->origin();
    if (origin.endsWith(QLatin1Char('/')))
        origin.chop(1);
    const bool allowed = !origin.isEmpty() && origin == m_allowedOrigin;
    if (!allowed)
        qCInfo(lcSimWings, "refusing websocket upgrade: origin \"%s\" is not the panel",
               qPrintable(origin));
    authenticator->setAllowed(allowed);
}

void WingsServer::onNewConnection()
{
    while (QWebSocket *socket = m_server->nextPendingConnection()) {
        const QString path = socket->requestUrl().path();
        const QString uuid = uuidFromPath(path);
        // Wings addresses servers by full uuid only (the panel's index also knows identifiers).
        const int index = uuid.size() == 36 ? m_world.indexOf(uuid) : -1;
        if (index < 0) {
            qCInfo(lcSimWings, "closing websocket for unknown path %s", qPrintable(path));
            socket->close(
                QWebSocketProtocol::CloseCodePolicyViolated,
                QStringLiteral("The requested resource does not exist on this instance."));
            socket->deleteLater();
            continue;
        }
        const SimNode *node = m_world.node(m_world.server(index).nodeId);
        if (node && node->down) {
            // An unreachable Wings: the connection just dies.
            socket->abort();
            socket->deleteLater();
            continue;
        }
        auto *session = new WingsSession(m_world, socket, index, m_options.session, this);
        connect(session, &WingsSession::closed, this, &WingsServer::onSessionClosed);
        m_sessions.append(session);
        m_byServer.insert(index, session);
    }
}

void WingsServer::onSessionClosed(WingsSession *session)
{
    m_sessions.removeOne(session);
    m_byServer.remove(session->serverIndex(), session);
    session->deleteLater();
}

void WingsServer::dropConnections()
{
    const auto sessions = m_sessions;
    for (WingsSession *session : sessions)
        session->abort();
}

void WingsServer::dropNode(int nodeId)
{
    const auto sessions = m_sessions;
    for (WingsSession *session : sessions) {
        if (m_world.server(session->serverIndex()).nodeId == nodeId)
            session->abort();
    }
}

void WingsServer::onStateChanged(int index, SimPowerState state)
{
    const auto sessions = m_byServer.values(index);
    for (WingsSession *session : sessions) {
        session->pushStatus();
        // Wings sends one last stats with zeros when the container stops.
        if (state == SimPowerState::Offline)
            session->pushStats();
    }
}

void WingsServer::onTicked(int elapsedMs)
{
    m_sinceStatsMs += elapsedMs;
    const bool statsDue = m_sinceStatsMs >= m_options.statsIntervalMs;
    if (statsDue)
        m_sinceStatsMs =
            m_options.statsIntervalMs > 0 ? m_sinceStatsMs % m_options.statsIntervalMs : 0;
    const auto sessions = m_sessions;
    for (WingsSession *session : sessions) {
        session->checkToken();
        if (statsDue && session->isAuthenticated() &&
            m_world.server(session->serverIndex()).state != SimPowerState::Offline)
            session->pushStats();
    }
}

} // namespace PterodisbotSim
