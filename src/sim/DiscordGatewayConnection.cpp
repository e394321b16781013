#include "DiscordGatewayConnection.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QWebSocket>

#include "DiscordDeflateStream.h"
#include "DiscordState.h"
#include "simlogging.h"

namespace PterodisbotSim {

namespace {
constexpr qsizetype maxPayloadBytes = 4096;
}

DiscordGatewayConnection::DiscordGatewayConnection(QWebSocket *socket, int index,
                                                   const DiscordState *state, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_index(index)
    , m_state(state)
{
    m_socket->setParent(this);
    if (query().queryItemValue(QStringLiteral("compress")) == QLatin1String("zlib-stream"))
        m_deflate = std::make_unique<DiscordDeflateStream>();
    connect(m_socket, &QWebSocket::textMessageReceived, this,
            [this](const QString &text) { handleFrame(text.toUtf8()); });
    connect(m_socket, &QWebSocket::binaryMessageReceived, this,
            &DiscordGatewayConnection::handleFrame);
    connect(m_socket, &QWebSocket::disconnected, this, &DiscordGatewayConnection::onDisconnected);
    // QWebSocket reports close code 1000 even when no close frame came: a close frame from
    // the client shows as ClosingState before the socket ends, a dropped TCP does not.
    connect(m_socket, &QWebSocket::stateChanged, this, [this](QAbstractSocket::SocketState state) {
        if (state == QAbstractSocket::ClosingState && !m_closedByServer)
            m_clientClosed = true;
    });
}

DiscordGatewayConnection::~DiscordGatewayConnection() = default;

bool DiscordGatewayConnection::isOpen() const
{
    return m_socket->state() == QAbstractSocket::ConnectedState && !m_closedByServer;
}

QUrlQuery DiscordGatewayConnection::query() const
{
    return QUrlQuery(m_socket->requestUrl());
}

void DiscordGatewayConnection::send(const QJsonObject &payload)
{
    if (!isOpen())
        return;
    const QByteArray json = QJsonDocument(payload).toJson(QJsonDocument::Compact);
    if (m_deflate)
        m_socket->sendBinaryMessage(m_deflate->compress(json));
    else
        m_socket->sendTextMessage(QString::fromUtf8(json));
}

void DiscordGatewayConnection::close(int code, const QString &reason)
{
    if (m_closedByServer)
        return;
    qCInfo(lcSimDiscord) << "gateway: closing connection" << m_index << "with" << code << reason;
    m_closedByServer = true;
    m_socket->close(QWebSocketProtocol::CloseCode(code), reason);
}

void DiscordGatewayConnection::abort()
{
    qCInfo(lcSimDiscord) << "gateway: dropping connection" << m_index;
    m_closedByServer = true;
    m_socket->abort();
}

void DiscordGatewayConnection::handleFrame(const QByteArray &frame)
{
    if (m_closedByServer)
        return;
    // Discord counts every payload, heartbeats included, against 120 per 60 s.
    const qint64 now = m_state->nowMs();
    const qint64 window = m_state->options().gatewayPayloadWindowMs;
    m_payloadTimes.removeIf([&](qint64 at) { return at <= now - window; });
    m_payloadTimes.append(now);
    if (m_payloadTimes.size() > m_state->options().gatewayPayloadLimit) {
        close(4008, QStringLiteral("Rate limited."));
        return;
    }
    if (frame.size() > maxPayloadBytes) {
        close(4002, QStringLiteral("Error while decoding payload."));
        return;
    }
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(frame, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject()) {
        close(4002, QStringLiteral("Error while decoding payload."));
        return;
    }
    emit payloadReceived(document.object());
}

void DiscordGatewayConnection::onDisconnected()
{
    const int code = m_clientClosed ? int(m_socket->closeCode()) : -1;
    m_closedByServer = true;
    qCDebug(lcSimDiscord) << "gateway: connection" << m_index << "ended, client close code" << code;
    emit disconnected(code);
}

} // namespace PterodisbotSim
