#include "discord/Gateway.h"

#include <algorithm>

#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QSysInfo>
#include <QUrlQuery>
#include <QWebSocket>

#include "Clock.h"
#include "discord/ZlibStreamInflater.h"
#include "logging.h"

namespace Pterodisbot {

Gateway::Gateway(GatewaySettings settings, Clock *clock, QObject *parent)
    : QObject(parent)
    , m_settings(std::move(settings))
    , m_clock(clock ? clock : SystemClock::instance())
    , m_random([] { return QRandomGenerator::global()->generateDouble(); })
    , m_backoff(m_settings.backoffBaseMs, m_settings.backoffMaxMs, m_random)
    , m_limiter(m_clock, m_settings.sendLimit, m_settings.sendWindowMs)
    , m_inflater(std::make_unique<ZlibStreamInflater>())
{
    registerSecret(m_settings.token);
    if (m_settings.userAgent.isEmpty())
        m_settings.userAgent =
            QStringLiteral("DiscordBot (" PTERODISBOT_HOMEPAGE ", " PTERODISBOT_VERSION ")");
    if (m_settings.os.isEmpty())
        m_settings.os = QSysInfo::kernelType();

    for (QTimer *timer :
         {&m_heartbeatTimer, &m_helloTimer, &m_reconnectTimer, &m_identifyTimer, &m_sendTimer})
        timer->setSingleShot(true);
    connect(&m_heartbeatTimer, &QTimer::timeout, this, &Gateway::onHeartbeatDue);
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
        stopWith(QStringLiteral("refusing to request privileged gateway intents (intents=%1): "
                                "pterodisbot needs only GUILDS (1); remove the privileged "
                                "bits from the configured intents")
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
    m_reconnectResumes = !m_sessionId.isEmpty();
    connectSocket();
}

void Gateway::stop(StopMode mode)
{
    const bool keep = mode == StopMode::KeepSession;
    if (!keep)
        dropSession();
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
    m_heartbeatTimer.stop();
    m_helloTimer.stop();
    m_identifyTimer.stop();
    m_sendTimer.stop();
}

void Gateway::dropSession()
{
    m_sessionId.clear();
    m_resumeUrl.clear();
    m_sequence = -1;
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
    m_connectingToResume = m_reconnectResumes && !m_sessionId.isEmpty();
    // A resume URL that keeps failing may be gone; RESUME works on the normal URL too.
    m_usingResumeUrl =
        m_connectingToResume && m_resumeUrl.isValid() && m_failedResumeUrlConnects < 2;
    const QUrl url = connectionUrl(m_usingResumeUrl ? m_resumeUrl : m_gatewayUrl);

    m_helloReceived = false;
    m_ackPending = false;
    m_heartbeatIntervalMs = 0;
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
        dropSession();
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

} // namespace Pterodisbot
