#include "PanelWorld.h"

#include <algorithm>
#include <cmath>

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>

#include "simlogging.h"

namespace PterodisbotSim {

namespace {

constexpr qint64 kMiB = 1024 * 1024;
// An unlimited server still runs on some host: walk as if it had four cores and 8 GiB.
constexpr int kUnlimitedCpuCeiling = 400;
constexpr qint64 kUnlimitedMemoryCeiling = 8192 * kMiB;

double cpuCeiling(const SimServer &server)
{
    return server.limits.cpu > 0 ? server.limits.cpu : kUnlimitedCpuCeiling;
}

qint64 memoryCeiling(const SimServer &server)
{
    return server.limits.memory > 0 ? server.limits.memory * kMiB : kUnlimitedMemoryCeiling;
}

double roundTo3(double value)
{
    return std::round(value * 1000.0) / 1000.0;
}

QByteArray base64Url(const QByteArray &data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

} // namespace

quint64 simNextRandom(quint64 &state)
{
    quint64 z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

double simRandomUnit(quint64 &state)
{
    return double(simNextRandom(state) >> 11) * (1.0 / 9007199254740992.0);
}

QString simStateName(SimPowerState state)
{
    switch (state) {
    case SimPowerState::Offline:
        return QStringLiteral("offline");
    case SimPowerState::Starting:
        return QStringLiteral("starting");
    case SimPowerState::Running:
        return QStringLiteral("running");
    case SimPowerState::Stopping:
        return QStringLiteral("stopping");
    }
    return QStringLiteral("offline");
}

std::optional<SimPowerState> simStateFromName(const QString &name)
{
    for (auto state : {SimPowerState::Offline, SimPowerState::Starting, SimPowerState::Running,
                       SimPowerState::Stopping}) {
        if (simStateName(state) == name)
            return state;
    }
    return std::nullopt;
}

bool SimServer::isInstalled() const
{
    return status != QLatin1String("installing") && status != QLatin1String("install_failed") &&
           status != QLatin1String("reinstall_failed");
}

PanelWorld::PanelWorld(QObject *parent)
    : QObject(parent)
{
    QByteArray secret(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(secret.data()),
                                          secret.size() / int(sizeof(quint32)));
    m_tokenSecret = secret;
}

PanelWorld::~PanelWorld() = default;

void PanelWorld::reset(SimSeed seed, const Timing &timing)
{
    m_timing = timing;
    m_users = std::move(seed.users);
    m_nodes = std::move(seed.nodes);
    m_allocations = std::move(seed.allocations);
    m_servers = std::move(seed.servers);
    m_byIdentifier.clear();
    m_byId.clear();
    m_byExternalId.clear();
    m_tokens.clear();
    m_byIdentifier.reserve(qsizetype(m_servers.size() * 2));
    for (auto &node : m_nodes)
        node.serverIndexes.clear();
    for (int i = 0; i < int(m_servers.size()); ++i) {
        SimServer &s = m_servers[size_t(i)];
        m_byIdentifier.insert(s.identifier, i);
        m_byIdentifier.insert(s.uuid, i);
        m_byId.insert(s.id, i);
        if (!s.externalId.isEmpty())
            m_byExternalId.insert(s.externalId, i);
        if (SimNode *n = node(s.nodeId))
            n->serverIndexes.append(i);
        const SimPowerState initial = s.state;
        s.state = SimPowerState::Offline;
        resetLoad(s);
        if (initial != SimPowerState::Offline) {
            s.state = initial;
            s.uptimeMs = qint64(simRandomUnit(s.rng) * 36.0 * 3600 * 1000);
            s.rxBytes = qint64(simRandomUnit(s.rng) * 900 * kMiB);
            s.txBytes = qint64(simRandomUnit(s.rng) * 300 * kMiB);
            s.memoryBytes = qint64(s.memoryTarget * double(memoryCeiling(s)));
            s.cpuAbsolute = roundTo3(cpuCeiling(s) * (0.1 + 0.4 * simRandomUnit(s.rng)));
            if (initial == SimPowerState::Starting)
                s.transitionAtMs = m_timing.startingDurationMs;
            else if (initial == SimPowerState::Stopping)
                s.transitionAtMs = m_timing.stoppingDurationMs;
        }
    }
    qCInfo(lcSimPanel, "world: %d servers on %d nodes", int(m_servers.size()), int(m_nodes.size()));
}

const SimUser *PanelWorld::user(int id) const
{
    for (const auto &u : m_users) {
        if (u.id == id)
            return &u;
    }
    return nullptr;
}

const SimNode *PanelWorld::node(int id) const
{
    // Node ids are dense from 1, as the seed builds them.
    if (id >= 1 && id <= int(m_nodes.size()) && m_nodes[size_t(id - 1)].id == id)
        return &m_nodes[size_t(id - 1)];
    for (const auto &n : m_nodes) {
        if (n.id == id)
            return &n;
    }
    return nullptr;
}

SimNode *PanelWorld::node(int id)
{
    return const_cast<SimNode *>(std::as_const(*this).node(id));
}

const SimAllocation *PanelWorld::allocation(int id) const
{
    if (id >= 1 && id <= int(m_allocations.size()) && m_allocations[size_t(id - 1)].id == id)
        return &m_allocations[size_t(id - 1)];
    for (const auto &a : m_allocations) {
        if (a.id == id)
            return &a;
    }
    return nullptr;
}

int PanelWorld::indexOf(const QString &identifierOrUuid) const
{
    return m_byIdentifier.value(identifierOrUuid, -1);
}

int PanelWorld::indexOfId(int internalId) const
{
    return m_byId.value(internalId, -1);
}

int PanelWorld::indexOfExternalId(const QString &externalId) const
{
    return m_byExternalId.value(externalId, -1);
}

bool PanelWorld::power(int index, const QString &signal)
{
    SimServer &s = server(index);
    if (signal == QLatin1String("start")) {
        // Wings ignores a start of a server that is not offline; the panel still says 204.
        if (s.state == SimPowerState::Offline) {
            s.transitionAtMs = m_nowMs + m_timing.startingDurationMs;
            setState(index, SimPowerState::Starting);
        }
    } else if (signal == QLatin1String("stop")) {
        s.startAfterStop = false;
        if (s.state == SimPowerState::Starting || s.state == SimPowerState::Running) {
            s.transitionAtMs = m_nowMs + m_timing.stoppingDurationMs;
            setState(index, SimPowerState::Stopping);
        }
    } else if (signal == QLatin1String("restart")) {
        if (s.state == SimPowerState::Offline) {
            s.transitionAtMs = m_nowMs + m_timing.startingDurationMs;
            setState(index, SimPowerState::Starting);
        } else {
            s.startAfterStop = true;
            if (s.state != SimPowerState::Stopping) {
                s.transitionAtMs = m_nowMs + m_timing.stoppingDurationMs;
                setState(index, SimPowerState::Stopping);
            }
        }
    } else if (signal == QLatin1String("kill")) {
        s.startAfterStop = false;
        setState(index, SimPowerState::Offline);
    } else {
        return false;
    }
    return true;
}

void PanelWorld::forceState(int index, SimPowerState state)
{
    SimServer &s = server(index);
    s.startAfterStop = false;
    if (state == SimPowerState::Starting)
        s.transitionAtMs = m_nowMs + m_timing.startingDurationMs;
    else if (state == SimPowerState::Stopping)
        s.transitionAtMs = m_nowMs + m_timing.stoppingDurationMs;
    setState(index, state);
}

void PanelWorld::setState(int index, SimPowerState state)
{
    SimServer &s = server(index);
    if (s.state == state)
        return;
    const SimPowerState previous = s.state;
    s.state = state;
    if (state == SimPowerState::Offline) {
        resetLoad(s);
    } else if (previous == SimPowerState::Offline) {
        // A fresh container: counters restart from zero.
        s.uptimeMs = 0;
        s.rxBytes = 0;
        s.txBytes = 0;
        s.memoryBytes = memoryCeiling(s) / 20;
        s.cpuAbsolute = roundTo3(cpuCeiling(s) * 0.5);
    }
    qCDebug(lcSimPanel, "server %s -> %s", qPrintable(s.identifier),
            qPrintable(simStateName(state)));
    emit stateChanged(index, state);
}

void PanelWorld::advance(int index)
{
    SimServer &s = server(index);
    if (s.state == SimPowerState::Starting) {
        setState(index, SimPowerState::Running);
    } else if (s.state == SimPowerState::Stopping) {
        const qint64 stoppedAt = s.transitionAtMs;
        const bool restart = s.startAfterStop;
        s.startAfterStop = false;
        setState(index, SimPowerState::Offline);
        if (restart) {
            s.transitionAtMs = stoppedAt + m_timing.startingDurationMs;
            setState(index, SimPowerState::Starting);
        }
    }
}

void PanelWorld::resetLoad(SimServer &s)
{
    // Wings zeroes everything but the disk usage when a container stops.
    s.cpuAbsolute = 0;
    s.memoryBytes = 0;
    s.rxBytes = 0;
    s.txBytes = 0;
    s.uptimeMs = 0;
}

void PanelWorld::walkLoad(SimServer &s, int elapsedMs)
{
    const double cpuMax = cpuCeiling(s);
    const double memMax = double(memoryCeiling(s));
    const double seconds = elapsedMs / 1000.0;
    if (s.state == SimPowerState::Offline)
        return;
    s.uptimeMs += elapsedMs;
    switch (s.state) {
    case SimPowerState::Offline:
        return;
    case SimPowerState::Starting:
        // Start-up burns CPU and fills memory quickly.
        s.cpuAbsolute = cpuMax * (0.55 + 0.35 * simRandomUnit(s.rng));
        s.memoryBytes += qint64((s.memoryTarget * memMax - double(s.memoryBytes)) * 0.4);
        break;
    case SimPowerState::Running: {
        const double step = (simRandomUnit(s.rng) - 0.5) * cpuMax * 0.16;
        const double pull = (cpuMax * 0.3 - s.cpuAbsolute) * 0.08;
        s.cpuAbsolute = std::clamp(s.cpuAbsolute + step + pull, cpuMax * 0.01, cpuMax * 0.97);
        s.memoryTarget = std::clamp(s.memoryTarget + (simRandomUnit(s.rng) - 0.5) * 0.04, 0.2, 0.9);
        s.memoryBytes += qint64((s.memoryTarget * memMax - double(s.memoryBytes)) * 0.3);
        break;
    }
    case SimPowerState::Stopping:
        s.cpuAbsolute *= 0.5;
        s.memoryBytes = qint64(double(s.memoryBytes) * 0.9);
        break;
    }
    s.cpuAbsolute = roundTo3(s.cpuAbsolute);
    s.rxBytes += qint64(seconds * (2000.0 + 40000.0 * simRandomUnit(s.rng)));
    s.txBytes += qint64(seconds * (1000.0 + 20000.0 * simRandomUnit(s.rng)));
    const qint64 diskMax = s.limits.disk > 0 ? s.limits.disk * kMiB : 0;
    s.diskBytes += qint64(seconds * 200.0 * simRandomUnit(s.rng));
    if (diskMax > 0)
        s.diskBytes = std::min(s.diskBytes, diskMax);
}

void PanelWorld::tick(int elapsedMs)
{
    if (elapsedMs < 0)
        elapsedMs = 0;
    m_nowMs += elapsedMs;
    for (int i = 0; i < int(m_servers.size()); ++i) {
        SimServer &s = m_servers[size_t(i)];
        if (s.state == SimPowerState::Offline)
            continue;
        // A long tick may run a whole restart (stopping -> offline -> starting -> running).
        while ((s.state == SimPowerState::Starting || s.state == SimPowerState::Stopping) &&
               s.transitionAtMs <= m_nowMs)
            advance(i);
        walkLoad(s, elapsedMs);
    }
    if (m_nowMs >= m_nextTokenSweepMs) {
        // Keep expired tokens for a while so a late auth still gets "exp claim is invalid".
        const qint64 horizon = m_nowMs - std::max(m_timing.tokenLifetimeMs, 60000);
        m_tokens.removeIf([horizon](const auto &it) { return it.value().expiresAtMs < horizon; });
        m_nextTokenSweepMs = m_nowMs + 60000;
    }
    emit ticked(elapsedMs);
}

QString PanelWorld::mintToken(int index, int userId)
{
    const SimServer &s = server(index);
    const qint64 lifetime = m_timing.tokenLifetimeMs;
    QJsonObject header{{QStringLiteral("alg"), QStringLiteral("HS256")},
                       {QStringLiteral("typ"), QStringLiteral("JWT")}};
    const qint64 nowSecs = QDateTime::currentSecsSinceEpoch();
    QJsonObject payload{
        {QStringLiteral("iat"), nowSecs},
        {QStringLiteral("exp"), nowSecs + (lifetime + 999) / 1000},
        {QStringLiteral("server_uuid"), s.uuid},
        {QStringLiteral("user_id"), userId},
        {QStringLiteral("jti"), QString::number(QRandomGenerator::global()->generate64(), 16)},
    };
    const QByteArray signingInput =
        base64Url(QJsonDocument(header).toJson(QJsonDocument::Compact)) + '.' +
        base64Url(QJsonDocument(payload).toJson(QJsonDocument::Compact));
    const QByteArray signature =
        QMessageAuthenticationCode::hash(signingInput, m_tokenSecret, QCryptographicHash::Sha256);
    const QString token = QString::fromLatin1(signingInput + '.' + base64Url(signature));
    m_tokens.insert(token, Token{s.uuid, userId, m_nowMs + lifetime});
    return token;
}

std::optional<PanelWorld::Token> PanelWorld::token(const QString &token) const
{
    const auto it = m_tokens.constFind(token);
    if (it == m_tokens.cend())
        return std::nullopt;
    return it.value();
}

} // namespace PterodisbotSim
