#include "discord/Gateway.h"

#include <algorithm>

#include <QJsonDocument>
#include <QJsonParseError>
#include <QNetworkRequest>
#include <QPointer>
#include <QRandomGenerator>
#include <QSysInfo>
#include <QUrlQuery>
#include <QWebSocket>

#include "Clock.h"
#include "discord/ZlibStreamInflater.h"
#include "logging.h"
#include "pterodisbot_version.h"

namespace Pterodisbot {

Gateway::Gateway(GatewaySettings settings, Clock *clock, QObject *parent)
    : QObject(parent)
    , m_settings(std::move(settings))
    , m_clock(clock ? clock : SystemClock::instance())
    , m_random([] { return QRandomGenerator::global()->generateDouble(); })
    , m_backoff(m_settings.backoffBaseMs, m_settings.backoffMaxMs, m_random)
    , m_limiter(m_clock, m_settings.sendLimit, m_settings.sendWindowMs)
    , m_heartbeat(m_clock)
    , m_inflater(std::make_unique<ZlibStreamInflater>())
{
    registerSecret(m_settings.token);
    if (m_settings.userAgent.isEmpty())
        m_settings.userAgent =
            QStringLiteral("DiscordBot (" PTERODISBOT_HOMEPAGE ", " PTERODISBOT_VERSION ")");
    if (m_settings.os.isEmpty())
        m_settings.os = QSysInfo::kernelType();

    for (QTimer *timer : {&m_helloTimer, &m_reconnectTimer, &m_identifyTimer, &m_sendTimer})
        timer->setSingleShot(true);
    connect(&m_heartbeat, &GatewayHeartbeat::due, this, &Gateway::sendHeartbeat);
    connect(&m_heartbeat, &GatewayHeartbeat::missed, this, &Gateway::onHeartbeatMissed);
    connect(&m_helloTimer, &QTimer::timeout, this, [this] {
        qCWarning(lcGateway) << "no HELLO within" << m_settings.helloTimeoutMs << "ms";
        reconnect(true, QStringLiteral("HELLO timeout"));
    });
    connect(&m_reconnectTimer, &QTimer::timeout, this, [this] {
        if (m_state != State::Stopped)
            connectSocket();
    });
    // A coarse timer may fire up to 5 % early; the throttle is a promise to Discord.
    m_identifyTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_identifyTimer, &QTimer::timeout, this, &Gateway::identifyWhenAllowed);
    connect(&m_sendTimer, &QTimer::timeout, this, &Gateway::flushQueue);
}

Gateway::~Gateway()
{
    if (m_socket && m_socket->state() == QAbstractSocket::ConnectedState) {
        // Destroyed without stop(): leave the session resumable, like a crash would.
        m_socket->disconnect(this);
        m_socket->close(QWebSocketProtocol::CloseCode(kKeepSessionCloseCode));
    }
}

void Gateway::setRandomSource(std::function<double()> random)
{
    m_random = std::move(random);
    m_backoff.setRandomSource(m_random);
}

double Gateway::random() const
{
    return std::clamp(m_random ? m_random() : 0.5, 0.0, 0.999999);
}

QString Gateway::stateName(State state)
{
    switch (state) {
    case State::Disconnected:
        return QStringLiteral("disconnected");
    case State::Connecting:
        return QStringLiteral("connecting");
    case State::Identifying:
        return QStringLiteral("identifying");
    case State::Ready:
        return QStringLiteral("ready");
    case State::Resuming:
        return QStringLiteral("resuming");
    case State::BackingOff:
        return QStringLiteral("backing off");
    case State::Stopped:
        return QStringLiteral("stopped");
    }
    return {};
}

void Gateway::setState(State state)
{
    if (state != State::BackingOff)
        m_backoffMs = 0;
    if (state == m_state)
        return;
    qCDebug(lcGateway) << "state:" << stateName(m_state) << "->" << stateName(state);
    m_state = state;
    emit stateChanged(state);
}

void Gateway::start(const QUrl &gatewayUrl)
{
    if (m_state != State::Disconnected && m_state != State::Stopped) {
        qCWarning(lcGateway) << "start() while" << stateName(m_state) << "- ignored";
        return;
    }
    m_gatewayUrl = gatewayUrl;
    m_stopReason.clear();
    m_backoff.reset();
    if (m_settings.token.isEmpty()) {
        stopWith(QStringLiteral("no bot token configured: create a bot in the Discord Developer "
                                "Portal and set config key discord.token (or "
                                "PTERODISBOT_DISCORD_TOKEN)"),
                 kNormalCloseCode, true);
        return;
    }
    if (m_settings.intents & GatewayIntent::Privileged) {
        // Only code sets the intents (no setting does): a privileged bit is a programming error.
        stopWith(QStringLiteral("refusing to request privileged gateway intents (intents=%1): "
                                "pterodisbot needs only GUILDS (1); this is a bug, please "
                                "report it")
                     .arg(m_settings.intents),
                 kNormalCloseCode, true);
        return;
    }
    const QString scheme = gatewayUrl.scheme();
    if (!gatewayUrl.isValid() || gatewayUrl.host().isEmpty() ||
        (scheme != QLatin1String("wss") && scheme != QLatin1String("ws"))) {
        stopWith(QStringLiteral("the gateway URL \"%1\" is not a ws:// or wss:// URL")
                     .arg(gatewayUrl.toDisplayString()),
                 kNormalCloseCode, true);
        return;
    }
    m_reconnectResumes = m_session.isValid();
    connectSocket();
}

void Gateway::stop(StopMode mode)
{
    const bool keep = mode == StopMode::KeepSession;
    if (!keep)
        m_session.drop();
    stopWith(QStringLiteral("stopped on request"), keep ? kKeepSessionCloseCode : kNormalCloseCode,
             false);
}

void Gateway::stopWith(const QString &reason, int closeCode, bool fatal)
{
    stopTimers();
    m_reconnectTimer.stop();
    m_queue.clear();
    if (m_socket)
        retireSocket(closeCode, reason.left(100));
    const bool wasStopped = m_state == State::Stopped;
    m_stopReason = reason;
    setState(State::Stopped);
    if (!wasStopped) {
        if (fatal)
            qCCritical(lcGateway).noquote() << "gateway stopped:" << reason;
        else
            qCInfo(lcGateway).noquote() << "gateway stopped:" << reason;
        emit stopped(reason);
    }
}

void Gateway::stopTimers()
{
    m_heartbeat.stop();
    m_helloTimer.stop();
    m_identifyTimer.stop();
    m_sendTimer.stop();
}

QUrl Gateway::connectionUrl(const QUrl &base) const
{
    QUrl url = base;
    if (url.path().isEmpty())
        url.setPath(QStringLiteral("/"));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("v"), QStringLiteral("10"));
    query.addQueryItem(QStringLiteral("encoding"), QStringLiteral("json"));
    if (m_settings.zlibStream)
        query.addQueryItem(QStringLiteral("compress"), QStringLiteral("zlib-stream"));
    url.setQuery(query);
    return url;
}

void Gateway::connectSocket()
{
    if (m_socket)
        retireSocket(kResumableCloseCode, QStringLiteral("reconnecting"));
    m_connectingToResume = m_reconnectResumes && m_session.isValid();
    // A resume URL that keeps failing may be gone; RESUME works on the normal URL too.
    m_usingResumeUrl =
        m_connectingToResume && m_session.resumeUrl().isValid() && m_failedResumeUrlConnects < 2;
    const QUrl url = connectionUrl(m_usingResumeUrl ? m_session.resumeUrl() : m_gatewayUrl);

    m_helloReceived = false;
    m_heartbeat.reset();
    m_inflater->reset();
    m_limiter.reset();
    setState(State::Connecting);
    qCInfo(lcGateway).noquote() << "connecting to" << url.toDisplayString()
                                << (m_connectingToResume ? "(to resume)" : "");

    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    if (m_settings.sslConfiguration)
        m_socket->setSslConfiguration(*m_settings.sslConfiguration);
    connect(m_socket, &QWebSocket::disconnected, this, &Gateway::onSocketDisconnected);
    connect(m_socket, &QWebSocket::textMessageReceived, this, &Gateway::onTextMessage);
    connect(m_socket, &QWebSocket::binaryMessageReceived, this, &Gateway::onBinaryMessage);
    connect(m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
            [this](QAbstractSocket::SocketError) {
                if (auto *socket = qobject_cast<QWebSocket *>(sender()))
                    qCWarning(lcGateway).noquote() << "websocket error:" << socket->errorString();
            });
    connect(m_socket, &QWebSocket::sslErrors, this, [](const QList<QSslError> &errors) {
        for (const QSslError &error : errors)
            qCWarning(lcGateway).noquote() << "TLS error:" << error.errorString();
    });

    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::UserAgentHeader, m_settings.userAgent);
    m_helloTimer.start(m_settings.helloTimeoutMs);
    m_socket->open(request);
}

void Gateway::retireSocket(int closeCode, const QString &reason)
{
    QWebSocket *socket = m_socket;
    m_socket = nullptr;
    if (!socket)
        return;
    socket->disconnect(this);
    if (socket->state() == QAbstractSocket::ConnectedState) {
        qCDebug(lcGateway) << "closing with" << closeCode << reason;
        connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
        // A zombie connection never completes the close handshake.
        QTimer::singleShot(m_settings.closeTimeoutMs, socket, &QWebSocket::abort);
        socket->close(QWebSocketProtocol::CloseCode(closeCode), reason);
    } else {
        socket->abort();
        socket->deleteLater();
    }
}

void Gateway::reconnect(bool resume, const QString &why)
{
    qCInfo(lcGateway).noquote() << "reconnecting (" << why << ")"
                                << (resume ? "to resume" : "to identify");
    stopTimers();
    retireSocket(kResumableCloseCode, why.left(100));
    scheduleReconnect(resume, m_backoff.nextDelayMs());
}

void Gateway::scheduleReconnect(bool resume, int delayMs)
{
    if (m_state == State::Stopped)
        return;
    m_reconnectResumes = resume;
    setState(State::BackingOff);
    m_backoffMs = delayMs;
    qCDebug(lcGateway) << "next attempt in" << delayMs << "ms";
    emit backingOff(delayMs);
    m_reconnectTimer.start(delayMs);
}

void Gateway::onSocketDisconnected()
{
    auto *socket = qobject_cast<QWebSocket *>(sender());
    if (!socket || socket != m_socket)
        return;
    stopTimers();
    const int code = socket->closeCode();
    const QString reason = socket->closeReason();
    m_socket = nullptr;
    socket->disconnect(this);
    socket->deleteLater();
    if (m_state == State::Stopped)
        return;

    if (!m_helloReceived && m_usingResumeUrl)
        ++m_failedResumeUrlConnects;
    // Qt reports 1000 when the peer vanished without a close frame; both resume.
    const GatewayCloseDecision decision = gatewayCloseDecision(code);
    switch (decision.action) {
    case GatewayCloseAction::Fatal:
        stopWith(decision.userMessage, kNormalCloseCode, true);
        return;
    case GatewayCloseAction::Identify:
        qCWarning(lcGateway).noquote()
            << "closed with" << code << decision.name << "- the session is gone";
        m_session.drop();
        scheduleReconnect(false, m_backoff.nextDelayMs());
        return;
    case GatewayCloseAction::Resume:
        if (decision.ourBug)
            qCCritical(lcGateway).noquote()
                << "closed with" << code << decision.name << reason
                << "- Discord says we sent something malformed; this is a bug in pterodisbot";
        else
            qCWarning(lcGateway).noquote() << "connection closed:" << code
                                           << QStringLiteral("(%1)").arg(decision.name) << reason;
        scheduleReconnect(true, m_backoff.nextDelayMs());
        return;
    }
}

void Gateway::receiveFrame(const QByteArray &frame, bool binary)
{
    if (binary)
        onBinaryMessage(frame);
    else
        onTextMessage(QString::fromUtf8(frame));
}

void Gateway::onTextMessage(const QString &message)
{
    handlePayload(message.toUtf8());
}

void Gateway::onBinaryMessage(const QByteArray &message)
{
    if (!m_settings.zlibStream) {
        handlePayload(message);
        return;
    }
    QByteArray json;
    switch (m_inflater->feed(message, &json)) {
    case ZlibStreamInflater::Status::NeedMore:
        return;
    case ZlibStreamInflater::Status::Message:
        handlePayload(json);
        return;
    case ZlibStreamInflater::Status::Error:
        qCWarning(lcGateway).noquote() << "zlib-stream:" << m_inflater->errorString();
        reconnect(true, QStringLiteral("corrupt zlib stream"));
        return;
    }
}

void Gateway::handlePayload(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (!doc.isObject()) {
        qCWarning(lcGateway).noquote()
            << "ignoring a payload that is not a JSON object:" << error.errorString();
        return;
    }
    const QJsonObject payload = doc.object();
    const int op = payload.value(QStringLiteral("op")).toInt(-1);
    const QJsonValue d = payload.value(QStringLiteral("d"));
    switch (op) {
    case GatewayOp::Dispatch:
        handleDispatch(payload);
        return;
    case GatewayOp::Hello:
        handleHello(d.toObject());
        return;
    case GatewayOp::HeartbeatAck:
        emit latencyChanged(m_heartbeat.acknowledge());
        return;
    case GatewayOp::Heartbeat:
        sendHeartbeat();
        return;
    case GatewayOp::Reconnect:
        reconnect(true, QStringLiteral("server asked to reconnect (op 7)"));
        return;
    case GatewayOp::InvalidSession:
        handleInvalidSession(d.toBool());
        return;
    default:
        qCDebug(lcGateway).noquote() << "ignoring" << describeGatewayPayload(op, d);
    }
}

void Gateway::handleHello(const QJsonObject &d)
{
    m_helloTimer.stop();
    m_helloReceived = true;
    if (m_usingResumeUrl)
        m_failedResumeUrlConnects = 0;
    m_heartbeat.start(d.value(QStringLiteral("heartbeat_interval")).toInt(), random());
    qCDebug(lcGateway) << "HELLO, heartbeat every" << m_heartbeat.intervalMs() << "ms";
    if (m_connectingToResume && m_session.isValid())
        sendResume();
    else
        identifyWhenAllowed();
}

void Gateway::handleDispatch(const QJsonObject &payload)
{
    const QString event = payload.value(QStringLiteral("t")).toString();
    const QJsonValue s = payload.value(QStringLiteral("s"));
    if (!s.isNull() && !s.isUndefined()) {
        const qint64 sequence = s.toInteger();
        if (!m_session.accept(sequence)) {
            qCDebug(lcGateway) << "skipping duplicate" << event << "s =" << sequence;
            return;
        }
    }
    const QJsonObject data = payload.value(QStringLiteral("d")).toObject();
    QPointer<Gateway> self(this);
    if (event == QLatin1String("READY")) {
        m_session.begin(data);
        m_failedResumeUrlConnects = 0;
        m_backoff.reset();
        qCInfo(lcGateway) << "ready";
        setState(State::Ready);
    } else if (event == QLatin1String("RESUMED")) {
        m_backoff.reset();
        qCInfo(lcGateway) << "resumed at s =" << m_session.sequence();
        setState(State::Ready);
    }
    emit dispatch(event, data);
    if (!self)
        return;
    if (event == QLatin1String("READY"))
        emit ready(data);
    else if (event == QLatin1String("RESUMED"))
        emit resumed();
    else if (event == QLatin1String("INTERACTION_CREATE"))
        emit interactionCreate(data);
    else if (event == QLatin1String("GUILD_CREATE"))
        emit guildCreate(data);
    if (self && m_state == State::Ready && !m_queue.isEmpty())
        flushQueue();
}

void Gateway::handleInvalidSession(bool resumable)
{
    if (resumable && m_session.isValid()) {
        reconnect(true, QStringLiteral("invalid session, resumable"));
        return;
    }
    qCWarning(lcGateway) << "invalid session: identifying again";
    m_session.drop();
    stopTimers();
    retireSocket(kResumableCloseCode, QStringLiteral("invalid session"));
    const int minMs = m_settings.invalidSessionMinWaitMs;
    const int maxMs = std::max(m_settings.invalidSessionMaxWaitMs, minMs);
    int waitMs = minMs + int((maxMs - minMs) * random());
    if (m_lastIdentifyMs) {
        const qint64 sinceIdentify = m_clock->monotonicMs() - *m_lastIdentifyMs;
        waitMs = int(std::max<qint64>(waitMs, m_settings.identifyGapMs - sinceIdentify));
    }
    scheduleReconnect(false, waitMs);
}

void Gateway::onHeartbeatMissed()
{
    qCWarning(lcGateway) << "no heartbeat ACK within" << m_heartbeat.intervalMs()
                         << "ms: zombie connection";
    reconnect(true, QStringLiteral("heartbeat not acknowledged"));
}

void Gateway::sendHeartbeat()
{
    // Heartbeats bypass the send limiter: they are what keeps the session alive.
    const qint64 sequence = m_session.sequence();
    const QJsonValue d = sequence >= 0 ? QJsonValue(sequence) : QJsonValue();
    if (sendNow(GatewayOp::Heartbeat, d))
        m_heartbeat.sent();
}

void Gateway::identifyWhenAllowed()
{
    setState(State::Identifying);
    qint64 waitMs = 0;
    if (m_lastIdentifyMs)
        waitMs = *m_lastIdentifyMs + m_settings.identifyGapMs - m_clock->monotonicMs();
    if (waitMs > 0) {
        qCDebug(lcGateway) << "IDENTIFY in" << waitMs << "ms (identify throttle)";
        m_identifyTimer.start(int(waitMs));
    } else {
        sendIdentify();
    }
}

void Gateway::sendIdentify()
{
    // A fresh session starts its sequence at 1.
    m_session.drop();
    m_limiter.tryAcquire();
    const QJsonObject d = identifyData(m_settings.token, m_settings.intents, m_settings.os,
                                       m_settings.browser, m_settings.device);
    if (sendNow(GatewayOp::Identify, d)) {
        m_lastIdentifyMs = m_clock->monotonicMs();
        qCInfo(lcGateway) << "IDENTIFY sent, intents" << m_settings.intents;
    }
}

void Gateway::sendResume()
{
    setState(State::Resuming);
    m_limiter.tryAcquire();
    if (sendNow(GatewayOp::Resume,
                resumeData(m_settings.token, m_session.id(), m_session.sequence())))
        qCInfo(lcGateway) << "RESUME sent at s =" << m_session.sequence();
}

bool Gateway::sendNow(int op, const QJsonValue &d)
{
    const EncodedGatewayPayload payload = encodeGatewayPayload(op, d);
    if (!payload.ok()) {
        qCWarning(lcGateway).noquote() << "not sent:" << payload.error;
        emit sendRefused(payload.error);
        return false;
    }
    if (!m_socket || m_socket->state() != QAbstractSocket::ConnectedState)
        return false;
    qCDebug(lcGateway).noquote() << "send" << describeGatewayPayload(op, d);
    m_socket->sendTextMessage(QString::fromUtf8(payload.bytes));
    return true;
}

bool Gateway::sendEvent(int op, const QJsonValue &d, QString *error)
{
    auto refuse = [&](const QString &why) {
        qCWarning(lcGateway).noquote() << "not sent:" << why;
        if (error)
            *error = why;
        emit sendRefused(why);
        return false;
    };
    if (op == GatewayOp::Heartbeat || op == GatewayOp::Identify || op == GatewayOp::Resume)
        return refuse(
            QStringLiteral("%1 is sent by the gateway client itself").arg(gatewayOpName(op)));
    if (m_state == State::Stopped)
        return refuse(QStringLiteral("the gateway is stopped"));
    EncodedGatewayPayload payload = encodeGatewayPayload(op, d);
    if (!payload.ok())
        return refuse(payload.error);
    if (m_queue.size() >= kMaxQueuedEvents)
        return refuse(QStringLiteral("%1 events are already waiting").arg(kMaxQueuedEvents));
    m_queue.append({op, std::move(payload.bytes)});
    flushQueue();
    return true;
}

void Gateway::flushQueue()
{
    if (m_state != State::Ready || !m_socket)
        return;
    while (!m_queue.isEmpty()) {
        if (!m_limiter.tryAcquire()) {
            m_sendTimer.start(int(m_limiter.msUntilAvailable()));
            return;
        }
        const QueuedEvent event = m_queue.takeFirst();
        qCDebug(lcGateway).noquote() << "send" << gatewayOpName(event.op);
        m_socket->sendTextMessage(QString::fromUtf8(event.bytes));
    }
}

} // namespace Pterodisbot
