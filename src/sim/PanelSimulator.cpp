#include "PanelSimulator.h"

#include <QRandomGenerator>
#include <QTimer>

#include "PanelApi.h"
#include "PanelHttpServer.h"
#include "PanelSeed.h"
#include "PanelWorld.h"
#include "simlogging.h"
#include "WingsServer.h"

namespace PterodisbotSim {

namespace {

QString randomAlnum(int length)
{
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    QString out;
    out.reserve(length);
    for (int i = 0; i < length; ++i)
        out.append(QLatin1Char(alphabet[QRandomGenerator::system()->bounded(62)]));
    return out;
}

// prefix (5) + identifier (11) + secret (32) = 48 characters, as the panel makes them.
QString makeKey(const char *prefix)
{
    return QLatin1String(prefix) + randomAlnum(11) + randomAlnum(32);
}

} // namespace

PanelSimulator::PanelSimulator(QObject *parent)
    : QObject(parent)
    , m_world(std::make_unique<PanelWorld>())
{
    qRegisterMetaType<PanelRequestRecord>();
}

PanelSimulator::~PanelSimulator()
{
    // The servers reference the API and the world: take them down first.
    delete m_ticker;
    delete m_wings;
    delete m_http;
}

void PanelSimulator::makeKeys()
{
    m_clientKey = m_options.clientKey.isEmpty() ? makeKey("ptlc_") : m_options.clientKey;
    m_adminClientKey = makeKey("ptlc_");
    m_applicationKey = makeKey("ptla_");
    m_pelicanClientKey = makeKey("pacc_");
    m_pelicanApplicationKey = makeKey("papp_");
}

bool PanelSimulator::start(const PanelSimOptions &options)
{
    if (m_http) {
        m_error = QStringLiteral("the simulator is already running");
        return false;
    }
    m_options = options;
    const PanelSeed::Options seedOptions{options.serverCount, options.randomSeed,
                                         options.serversPerNode};
    SimSeed seed;
    if (options.seedFile.isEmpty()) {
        seed = PanelSeed::generate(seedOptions);
    } else if (!PanelSeed::load(options.seedFile, seedOptions, &seed, &m_error)) {
        return false;
    }
    m_world->reset(std::move(seed), {options.startingDurationMs, options.stoppingDurationMs,
                                     options.tokenLifetimeMs});

    makeKeys();
    PanelApiLimits limits;
    limits.clientRateLimit = options.clientRateLimit;
    limits.applicationRateLimit = options.applicationRateLimit;
    limits.pelicanRateLimit = options.pelicanRateLimit;
    limits.pelicanWebsocketRateLimit = options.pelicanWebsocketRateLimit;
    limits.rateLimitWindowMs = options.rateLimitWindowMs;
    limits.resourcesCacheMs = options.resourcesCacheMs;
    m_api = std::make_unique<PanelApi>(*m_world, limits);
    const int admin = 1;
    const int player = 2;
    m_api->setKeys({{m_clientKey, {player, PanelKeyKind::Client}},
                    {m_adminClientKey, {admin, PanelKeyKind::Client}},
                    {m_applicationKey, {admin, PanelKeyKind::Application}},
                    {m_pelicanClientKey, {player, PanelKeyKind::Client, true}},
                    {m_pelicanApplicationKey, {admin, PanelKeyKind::Application, true}}});

    m_http = new PanelHttpServer(*m_api, limits, this);
    m_panelPort = m_http->listen(QHostAddress::LocalHost, options.panelPort);
    if (m_panelPort == 0) {
        m_error =
            QStringLiteral("cannot listen on 127.0.0.1:%1 for the panel").arg(options.panelPort);
        delete m_http;
        m_http = nullptr;
        return false;
    }
    m_wings = new WingsServer(
        *m_world,
        {options.statsIntervalMs, {options.tokenExpiringWarningMs, options.wingsAuthThrottle}},
        this);
    if (!m_wings->listen(options.wingsPort, &m_error)) {
        delete m_wings;
        m_wings = nullptr;
        delete m_http;
        m_http = nullptr;
        return false;
    }
    m_api->setEndpoints(panelUrl(), m_wings->port());
    m_wings->setAllowedOrigin(panelUrl().toString());

    connect(m_http, &PanelHttpServer::requestHandled, this, &PanelSimulator::requestHandled);
    connect(m_world.get(), &PanelWorld::stateChanged, this, [this](int index, SimPowerState state) {
        emit serverStateChanged(m_world->server(index).identifier, simStateName(state));
    });
    if (options.tickIntervalMs > 0) {
        m_ticker = new QTimer(this);
        m_ticker->setInterval(options.tickIntervalMs);
        m_sinceTick.start();
        // Advance by the time that really passed, so a late timer does not slow the world.
        connect(m_ticker, &QTimer::timeout, this,
                [this]() { m_world->tick(int(m_sinceTick.restart())); });
        m_ticker->start();
    }
    qCInfo(lcSimPanel, "panel simulator on %s, Wings on %s, %d servers",
           qPrintable(panelUrl().toString()), qPrintable(wingsUrl().toString()),
           int(m_world->servers().size()));
    return true;
}

QUrl PanelSimulator::panelUrl() const
{
    return m_http ? QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_panelPort)) : QUrl();
}

QUrl PanelSimulator::wingsUrl() const
{
    return m_wings ? QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(m_wings->port())) : QUrl();
}

int PanelSimulator::indexOf(const QString &id) const
{
    return m_world->indexOf(id);
}

QStringList PanelSimulator::serverIdentifiers() const
{
    QStringList out;
    out.reserve(qsizetype(m_world->servers().size()));
    for (const auto &server : m_world->servers())
        out.append(server.identifier);
    return out;
}

QString PanelSimulator::serverUuid(const QString &identifier) const
{
    const int index = indexOf(identifier);
    return index < 0 ? QString() : m_world->server(index).uuid;
}

int PanelSimulator::serverInternalId(const QString &identifier) const
{
    const int index = indexOf(identifier);
    return index < 0 ? 0 : m_world->server(index).id;
}

QString PanelSimulator::serverName(const QString &id) const
{
    const int index = indexOf(id);
    return index < 0 ? QString() : m_world->server(index).name;
}

int PanelSimulator::serverNodeId(const QString &id) const
{
    const int index = indexOf(id);
    return index < 0 ? 0 : m_world->server(index).nodeId;
}

int PanelSimulator::nodeCount() const
{
    return int(m_world->nodes().size());
}

QString PanelSimulator::serverState(const QString &id) const
{
    const int index = indexOf(id);
    return index < 0 ? QString() : simStateName(m_world->server(index).state);
}

void PanelSimulator::setServerState(const QString &id, const QString &state)
{
    const int index = indexOf(id);
    const auto parsed = simStateFromName(state);
    if (index < 0 || !parsed) {
        qCWarning(lcSimPanel, "setServerState: unknown server or state \"%s\"", qPrintable(state));
        return;
    }
    m_world->forceState(index, *parsed);
}

void PanelSimulator::setServerStatus(const QString &id, const QString &status)
{
    const int index = indexOf(id);
    if (index < 0)
        return;
    SimServer &server = m_world->server(index);
    server.transferring = status == QLatin1String("transferring");
    server.status = server.transferring ? QString() : status;
}

QString PanelSimulator::serverStatus(const QString &id) const
{
    const int index = indexOf(id);
    if (index < 0)
        return {};
    const SimServer &server = m_world->server(index);
    return server.transferring ? QStringLiteral("transferring") : server.status;
}

void PanelSimulator::setNodeMaintenance(int nodeId, bool on)
{
    if (SimNode *node = m_world->node(nodeId))
        node->maintenance = on;
}

void PanelSimulator::setReportStopped(const QString &id, bool on)
{
    const int index = indexOf(id);
    if (index >= 0)
        m_world->server(index).reportStopped = on;
}

double PanelSimulator::serverCpu(const QString &id) const
{
    const int index = indexOf(id);
    return index < 0 ? 0 : m_world->server(index).cpuAbsolute;
}

qint64 PanelSimulator::serverMemoryBytes(const QString &id) const
{
    const int index = indexOf(id);
    return index < 0 ? 0 : m_world->server(index).memoryBytes;
}

qint64 PanelSimulator::serverUptimeMs(const QString &id) const
{
    const int index = indexOf(id);
    return index < 0 ? 0 : m_world->server(index).uptimeMs;
}

void PanelSimulator::tick(int elapsedMs)
{
    m_world->tick(elapsedMs);
}

qint64 PanelSimulator::simulatedMs() const
{
    return m_world->nowMs();
}

void PanelSimulator::setLatency(int ms)
{
    if (m_http)
        m_http->setLatency(ms);
}

void PanelSimulator::setHanging(bool on, const QString &server)
{
    if (m_http)
        m_http->setHanging(on, server);
}

void PanelSimulator::setFailure(int httpStatus, const QString &server)
{
    if (m_http)
        m_http->setFailure(httpStatus, server);
}

void PanelSimulator::setMalformedBodies(bool on, const QString &server)
{
    if (m_http)
        m_http->setMalformedBodies(on, server);
}

void PanelSimulator::setRateLimitStorm(bool on)
{
    if (m_http)
        m_http->setRateLimitStorm(on);
}

void PanelSimulator::setNodeDown(int nodeId, bool down)
{
    SimNode *node = m_world->node(nodeId);
    if (!node)
        return;
    node->down = down;
    if (down && m_wings)
        m_wings->dropNode(nodeId);
}

void PanelSimulator::dropWingsConnections()
{
    if (m_wings)
        m_wings->dropConnections();
}

void PanelSimulator::dropHttpConnections()
{
    if (m_http)
        m_http->dropConnections();
}

int PanelSimulator::wingsSessionCount() const
{
    return m_wings ? m_wings->sessionCount() : 0;
}

QStringList PanelSimulator::wingsTokens() const
{
    return m_world ? m_world->tokens() : QStringList();
}

QList<PanelRequestRecord> PanelSimulator::requests() const
{
    return m_http ? m_http->requests() : QList<PanelRequestRecord>();
}

void PanelSimulator::clearRequests()
{
    if (m_http)
        m_http->clearRequests();
}

} // namespace PterodisbotSim
