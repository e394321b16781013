#pragma once

#include <memory>

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrlQuery>

class QWebSocket;

namespace PterodisbotSim {

class DiscordDeflateStream;
class DiscordState;

//! One gateway websocket as Discord's edge sees it: transport checks (payload size, JSON,
//! send rate), zlib-stream compression of what it sends, and the session it belongs to.
//! Opcode semantics live in DiscordGateway.
class DiscordGatewayConnection : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DiscordGatewayConnection)

public:
    //! Takes ownership of socket.
    DiscordGatewayConnection(QWebSocket *socket, int index, const DiscordState *state,
                             QObject *parent = nullptr);
    ~DiscordGatewayConnection() override;

    int index() const { return m_index; }
    bool isOpen() const;
    bool isCompressed() const { return m_deflate != nullptr; }
    QUrlQuery query() const;
    //! Serializes and sends (compressed on zlib-stream connections).
    void send(const QJsonObject &payload);
    void close(int code, const QString &reason);
    void abort();

    bool authenticated = false;
    QString sessionId;

signals:
    //! A JSON object the client sent that passed the transport checks.
    void payloadReceived(const QJsonObject &payload);
    //! The socket is gone; clientCloseCode is the client's close code, -1 if it sent none.
    void disconnected(int clientCloseCode);

private:
    void handleFrame(const QByteArray &frame);
    void onDisconnected();

    QWebSocket *m_socket;
    int m_index;
    const DiscordState *m_state;
    std::unique_ptr<DiscordDeflateStream> m_deflate;
    QList<qint64> m_payloadTimes;
    bool m_closedByServer = false;
    bool m_clientClosed = false;
};

} // namespace PterodisbotSim
