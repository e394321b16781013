#include "pterodactyl/StatsStream.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkRequest>
#include <QWebSocket>

#include "Clock.h"
#include "logging.h"
#include "pterodactyl/PanelClient.h"
#include "pterodactyl/PanelJobs.h"
#include "pterodactyl/PanelParsing.h"
#include "pterodisbot_version.h"

namespace Pterodisbot {
namespace {

// Wings throttles auth (burst 2, then one per 5 s): a token Wings keeps refusing right after
// a refresh means something else is wrong, and a fresh connection is the better next step.
constexpr int MaxRefreshesWithoutAuth = 2;

} // namespace

StatsStream::StatsStream(PanelClient *client, QString serverId, StatsStreamOptions options,
                         QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_serverId(std::move(serverId))
    , m_options(std::move(options))
{
    if (m_options.reconnectDelaysMs.isEmpty())
        m_options.reconnectDelaysMs = {1000};
    m_reconnectTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, [this] { fetchCredentials(false); });
    m_connectTimer.setSingleShot(true);
    connect(&m_connectTimer, &QTimer::timeout, this, [this] {
        emit error(ApiError{ApiError::Kind::Timeout,
                            0,
                            {},
                            QStringLiteral("Wings did not accept the connection within %1 ms")
                                .arg(m_options.connectTimeoutMs)});
        scheduleReconnect();
    });
    if (client)
        connect(client, &QObject::destroyed, this, &StatsStream::stop);
}

StatsStream::~StatsStream()
{
    stop();
}

void StatsStream::start()
{
    if (m_connectionState != ConnectionState::Stopped)
        return;
    m_failures = 0;
    fetchCredentials(false);
}

void StatsStream::stop()
{
    m_reconnectTimer.stop();
    m_connectTimer.stop();
    if (m_job) {
        m_job->disconnect(this);
        m_job->abort();
    }
    closeSocket();
    setConnectionState(ConnectionState::Stopped);
}

void StatsStream::setConnectionState(ConnectionState state)
{
    if (m_connectionState == state)
        return;
    m_connectionState = state;
    qCDebug(lcWings).noquote() << m_serverId << "stream" << state;
    emit connectionStateChanged(state);
}

void StatsStream::fetchCredentials(bool refresh)
{
    if (!m_client) {
        stop();
        return;
    }
    if (m_job)
        return; // a fetch is already on its way
    if (!refresh)
        setConnectionState(ConnectionState::FetchingCredentials);
    WebsocketCredentialsJob *job = m_client->websocketCredentials(m_serverId);
    m_job = job;
    connect(job, &PanelJob::finished, this, [this, job, refresh] { onCredentials(job, refresh); });
}

void StatsStream::onCredentials(WebsocketCredentialsJob *job, bool refresh)
{
    m_job = nullptr;
    if (const ApiError &problem = job->error()) {
        qCInfo(lcWings).noquote() << m_serverId << "websocket credentials:" << problem.toString();
        emit error(problem);
        if (refresh && m_socket) {
            // The current token still works for a while; a dropped socket retries later.
            return;
        }
        scheduleReconnect();
        return;
    }
    m_token = job->credentials().token;
    if (refresh && m_socket && m_socket->state() == QAbstractSocket::ConnectedState) {
        ++m_tokenRefreshes;
        ++m_refreshesWithoutAuth;
        sendEvent(QStringLiteral("auth"), {m_token});
        return;
    }
    m_socketUrl = job->credentials().socket;
    openSocket();
}

void StatsStream::openSocket()
{
    closeSocket();
    if (!m_client) {
        stop();
        return;
    }
    auto *socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    m_socket = socket;
    connect(socket, &QWebSocket::connected, this, [this] {
        setConnectionState(ConnectionState::Authenticating);
        sendEvent(QStringLiteral("auth"), {m_token});
    });
    connect(socket, &QWebSocket::textMessageReceived, this, &StatsStream::onTextMessage);
    connect(socket, &QWebSocket::disconnected, this, [this, socket] {
        const QString reason =
            socket->closeReason().isEmpty() ? socket->errorString() : socket->closeReason();
        onSocketLost(reason);
    });

    QNetworkRequest request(m_socketUrl);
    // Wings refuses an upgrade whose Origin is not the panel's URL.
    request.setRawHeader(QByteArrayLiteral("Origin"), m_client->panelUrl().toString().toUtf8());
    request.setRawHeader(QByteArrayLiteral("User-Agent"),
                         QByteArrayLiteral("Pterodisbot/" PTERODISBOT_VERSION));
    if (m_everConnected)
        ++m_reconnects;
    setConnectionState(ConnectionState::Connecting);
    m_connectTimer.start(m_options.connectTimeoutMs);
    qCDebug(lcWings).noquote() << m_serverId << "connecting to"
                               << redact(m_socketUrl.toDisplayString(QUrl::RemoveQuery));
    socket->open(request);
}

void StatsStream::closeSocket()
{
    if (!m_socket)
        return;
    QWebSocket *socket = m_socket;
    m_socket = nullptr;
    socket->disconnect(this);
    socket->abort();
    socket->deleteLater();
}

void StatsStream::sendEvent(const QString &event, const QStringList &args)
{
    if (!m_socket)
        return;
    const QJsonObject frame{{QStringLiteral("event"), event},
                            {QStringLiteral("args"), QJsonArray::fromStringList(args)}};
    m_socket->sendTextMessage(
        QString::fromUtf8(QJsonDocument(frame).toJson(QJsonDocument::Compact)));
}

void StatsStream::onTextMessage(const QString &message)
{
    const QJsonObject frame = QJsonDocument::fromJson(message.toUtf8()).object();
    const QString event = frame.value(QLatin1String("event")).toString();
    const QJsonArray args = frame.value(QLatin1String("args")).toArray();
    const QString first = args.isEmpty() ? QString() : args.first().toString();

    if (event == QLatin1String("auth success")) {
        m_connectTimer.stop();
        m_failures = 0;
        m_refreshesWithoutAuth = 0;
        m_everConnected = true;
        setConnectionState(ConnectionState::Streaming);
        if (m_options.requestStatsOnAuth)
            sendEvent(QStringLiteral("send stats"));
    } else if (event == QLatin1String("stats")) {
        onStats(first);
    } else if (event == QLatin1String("status")) {
        onStatus(first);
    } else if (event == QLatin1String("token expiring") ||
               event == QLatin1String("token expired") || event == QLatin1String("jwt error")) {
        onTokenProblem(event);
    } else if (event == QLatin1String("daemon error")) {
        emit error(ApiError{ApiError::Kind::Http, 0, QStringLiteral("daemon error"),
                            QStringLiteral("Wings: %1").arg(first)});
    } else if (event == QLatin1String("throttled")) {
        qCInfo(lcWings).noquote() << m_serverId << "Wings throttled" << first;
    } else if (event.isEmpty()) {
        qCDebug(lcWings).noquote() << m_serverId << "ignored a frame that is not an event";
    }
}

void StatsStream::onStats(const QString &payload)
{
    ResourceSample sample;
    if (ApiError problem = PanelParsing::parseWingsStats(payload, &sample)) {
        emit error(problem);
        return;
    }
    sample.timestamp = m_client ? m_client->clock()->utcNow() : QDateTime::currentDateTimeUtc();
    if (sample.state == PowerState::Unknown)
        sample.state = m_state;
    else
        setPowerState(sample.state);
    emit sampleReceived(sample);
}

void StatsStream::onStatus(const QString &state)
{
    const PowerState parsed = powerStateFromString(state);
    if (parsed != PowerState::Unknown)
        setPowerState(parsed);
}

void StatsStream::setPowerState(PowerState state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

void StatsStream::onTokenProblem(const QString &event)
{
    qCDebug(lcWings).noquote() << m_serverId << event << "- fetching a fresh token";
    if (m_refreshesWithoutAuth >= MaxRefreshesWithoutAuth) {
        emit error(ApiError{ApiError::Kind::Auth,
                            0,
                            {},
                            QStringLiteral("Wings keeps refusing fresh tokens (%1)").arg(event)});
        scheduleReconnect();
        return;
    }
    fetchCredentials(true);
}

void StatsStream::onSocketLost(const QString &reason)
{
    m_connectTimer.stop();
    qCInfo(lcWings).noquote() << m_serverId << "Wings connection lost:" << reason;
    emit error(ApiError{
        ApiError::Kind::Network, 0, {}, QStringLiteral("Wings connection lost: %1").arg(reason)});
    if (m_connectionState != ConnectionState::Stopped)
        scheduleReconnect();
}

void StatsStream::scheduleReconnect()
{
    if (m_job) {
        m_job->disconnect(this);
        m_job->abort();
    }
    closeSocket();
    m_connectTimer.stop();
    const int index = qMin(m_failures, int(m_options.reconnectDelaysMs.size()) - 1);
    const int delay = m_options.reconnectDelaysMs.at(index);
    ++m_failures;
    m_refreshesWithoutAuth = 0;
    setConnectionState(ConnectionState::WaitingToReconnect);
    m_reconnectTimer.start(delay);
}

} // namespace Pterodisbot
